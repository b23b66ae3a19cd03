using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TokenGen.Generator;

namespace TokenGen.Generator.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="TokenApiGenerator"/> through <see cref="CSharpGeneratorDriver"/> over in-memory sources, against the
/// .NET 8 reference assemblies and the TokenGen runtime, with step tracking on so tests can read why each step ran.
/// </summary>
internal static class GeneratorHarness
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp12);

    private static readonly ImmutableArray<MetadataReference> s_references =
        Basic.Reference.Assemblies.Net80.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(TokenApiAttribute).Assembly.Location))
            .ToImmutableArray();

    /// <summary>Creates a library compilation of <paramref name="sources"/> (file names <c>Source0.cs</c>, <c>Source1.cs</c>, …).</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "TestAssembly",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, s_parseOptions, path: $"Source{index}.cs")),
            s_references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver that tracks its steps, ready to run and to run again on an edited compilation.</summary>
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new TokenApiGenerator().AsSourceGenerator() },
            parseOptions: s_parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator over <paramref name="sources"/>, and checks what every generator test must hold whatever it is
    /// about: the parse results carry no Roslyn object (<see cref="SpecWalk"/>), and a second run on a clone of the same
    /// compilation finds every tracked step and output cached (so no test's input escapes incremental caching).
    /// </summary>
    public static GeneratorRun Run(params string[] sources) => RunAndCheckCaching(CreateCompilation(sources));

    /// <summary>As <see cref="Run(string[])"/>, on a compilation the test built itself.</summary>
    public static GeneratorRun RunAndCheckCaching(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var run = new GeneratorRun(driver, compilation, output, diagnostics);
        SpecWalk.AssertHoldsNoRoslynObjects(run.Result);

        var again = run.RunAgain(compilation.Clone());
        CachingAssert.EveryStepCachedOrUnchanged(again.Result);
        Assert.Equal(run.GeneratedSources, again.GeneratedSources);
        Assert.Equal(
            diagnostics.Select(d => d.ToString()).OrderBy(text => text, StringComparer.Ordinal),
            again.GeneratorDiagnostics.Select(d => d.ToString()).OrderBy(text => text, StringComparer.Ordinal));
        return run;
    }
}

/// <summary>The result of one generator run.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>The generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> GeneratedSources =>
        Result.GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>The compiler's errors and warnings on the output compilation (user code plus generated code).</summary>
    public IReadOnlyList<Diagnostic> CompilationDiagnostics =>
        Output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Runs the same driver again on <paramref name="compilation"/> (an edited or cloned input).</summary>
    public GeneratorRun RunAgain(Compilation compilation)
    {
        var driver = Driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }
}
