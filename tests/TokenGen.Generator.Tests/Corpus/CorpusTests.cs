using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TokenGen.Generator.Tests.Infrastructure;
using TokenGen.Generator.Tests.Naming;

namespace TokenGen.Generator.Tests.Corpus;

/// <summary>
/// Runs the declaration corpus: every legal declaration must give a client that compiles with zero errors and zero
/// warnings (nullable on, XML documentation checked, C# 12 and the latest language); every mistaken one must give
/// exactly its TG diagnostic, on the line marked <see cref="CorpusEntry.Marker"/> in the user's file, and never a
/// compiler error in a generated file.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string, string> LegalCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in LegalCorpus.All.Keys)
        {
            foreach (var version in DeclarationCompilation.LanguageVersions)
            {
                data.Add(name, version.ToString());
            }
        }

        return data;
    }

    public static TheoryData<string> LegalNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in LegalCorpus.All.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    public static TheoryData<string> MistakeCases()
    {
        var data = new TheoryData<string>();
        foreach (var name in MistakeCorpus.All.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void TheCorpusIsLargeAndItsNamesAreUnique()
    {
        Assert.True(LegalCorpus.All.Count + MistakeCorpus.All.Count >= 150, $"{LegalCorpus.All.Count} + {MistakeCorpus.All.Count}");
        Assert.Empty(LegalCorpus.All.Keys.Intersect(MistakeCorpus.All.Keys, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(LegalCases))]
    public void LegalDeclarationCompilesWithoutWarnings(string name, string languageVersion)
    {
        var source = LegalCorpus.All[name];
        var outcome = DeclarationCompilation.Run(CorpusEntry.Files(source), Enum.Parse<LanguageVersion>(languageVersion));

        Assert.True(outcome.GeneratedSources.Count > 0, outcome.Describe());
        Assert.True(outcome.GeneratorDiagnostics.IsEmpty, outcome.Describe());
        Assert.True(outcome.CompilerDiagnostics.Count == 0, outcome.Describe());
    }

    [Theory]
    [MemberData(nameof(LegalNames))]
    public void LegalDeclarationIsCachedOnASecondRun(string name)
    {
        var run = GeneratorHarness.Run(CorpusEntry.Shared, LegalCorpus.All[name]);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id.StartsWith("TG", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(MistakeCases))]
    public void MistakeReportsItsDiagnosticOnTheMarkedLine(string name)
    {
        var (expectedId, source) = MistakeCorpus.All[name];
        var expectedLine = CorpusEntry.MarkedLine(source);

        foreach (var version in DeclarationCompilation.LanguageVersions)
        {
            var outcome = DeclarationCompilation.Run(CorpusEntry.Files(source), version);
            var reported = outcome.GeneratorDiagnostics.Where(d => d.Id.StartsWith("TG", StringComparison.Ordinal)).ToList();

            var diagnostic = Assert.Single(reported);
            Assert.True(diagnostic.Id == expectedId, $"expected {expectedId}, got: {outcome.Describe()}");
            var span = diagnostic.Location.GetLineSpan();
            Assert.True(diagnostic.Location.IsInSource && span.Path == CorpusEntry.DeclarationPath, $"not in the user's file: {diagnostic}");
            Assert.True(span.StartLinePosition.Line == expectedLine, $"expected line {expectedLine + 1}, got: {diagnostic}");

            var generatedTrees = outcome.Output.SyntaxTrees.Where(tree => tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)
                || (tree.FilePath != CorpusEntry.DeclarationPath && tree.FilePath != CorpusEntry.SharedPath)).ToHashSet();
            Assert.DoesNotContain(outcome.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree));
        }
    }
}
