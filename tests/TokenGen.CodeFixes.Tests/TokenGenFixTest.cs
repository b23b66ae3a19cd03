using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TokenGen.Generator;

namespace TokenGen.CodeFixes.Tests;

/// <summary>
/// A code-fix test with TokenGen's generator running in the test's solution (its diagnostics are what the fixes answer),
/// the .NET 8 reference assemblies from Basic.Reference.Assemblies and the TokenGen runtime. No analyzer of its own:
/// TokenGen reports from the generator.
/// </summary>
internal sealed class TokenGenFixTest<TCodeFix> : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public TokenGenFixTest(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        ConfigureOffline(this);

        // System.Text.Json's generator does not run here, so a context leaves its abstract members unimplemented
        // (CS0534, CS7036); the tests are about TokenGen's diagnostics, which the markup in the source lists.
        CompilerDiagnostics = CompilerDiagnostics.None;
    }

    /// <summary>
    /// No reference package to resolve (an empty <see cref="ReferenceAssemblies"/> downloads nothing); the references are
    /// the ones this test project was restored with. The generated client is checked by the generator's own tests.
    /// </summary>
    internal static void ConfigureOffline(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = new ReferenceAssemblies("net8.0");
        foreach (var state in new[] { test.TestState })
        {
            state.AdditionalReferences.AddRange(References);
        }

        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    internal static IEnumerable<MetadataReference> References =>
        Basic.Reference.Assemblies.Net80.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(TokenApiAttribute).Assembly.Location));

    protected override IEnumerable<Type> GetSourceGenerators()
    {
        yield return typeof(TokenApiGenerator);
    }

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
