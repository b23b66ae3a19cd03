using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGen.Generator.Roslyn48.Tests;

/// <summary>
/// Runs <see cref="TokenApiGenerator"/> through Roslyn 4.8's <see cref="CSharpGeneratorDriver"/> at C# 12 (the highest
/// language version 4.8 knows), nullable enabled, against the running .NET's own assemblies and TokenGen.Runtime.
/// </summary>
/// <remarks>
/// The references are the test process's trusted platform assemblies that live in the shared framework's directory
/// (those beside <c>System.Private.CoreLib</c>): the rest of that list is this test's own dependencies (xunit, Roslyn,
/// the generator), which the compiled code must not see. Basic.Reference.Assemblies is not used: it needs Roslyn 4.11.
/// </remarks>
internal static class Roslyn48Harness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly ImmutableArray<MetadataReference> s_references = CreateReferences();

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("The host gave no TRUSTED_PLATFORM_ASSEMBLIES.");
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return trusted
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(TokenApiAttribute).Assembly.Location))
            .ToImmutableArray();
    }

    /// <summary>Parses <paramref name="sources"/> (path, text) at C# 12 into a library compilation.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<(string Path, string Text)> sources) =>
        CSharpCompilation.Create(
            "Roslyn48TestAssembly",
            sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, path: source.Path)),
            s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs the generator once over <paramref name="compilation"/>.</summary>
    public static Roslyn48Run Run(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new TokenApiGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new Roslyn48Run(driver.GetRunResult().Results.Single(), output, diagnostics);
    }

    /// <summary>
    /// The output compilation's errors, less those that only say the System.Text.Json source generator did not run.
    /// </summary>
    /// <remarks>
    /// That generator is not run here (the one in the running SDK needs a newer Roslyn than 4.8), so every
    /// <c>partial class …Context : JsonSerializerContext</c> lacks its generated half. Exactly three errors follow from
    /// that, and only those are dropped, each only where it names a serializer context:
    /// CS0534 (the context does not implement <c>GetTypeInfo</c> and <c>GeneratedSerializerOptions</c>) and CS7036
    /// (no <c>JsonSerializerContext(JsonSerializerOptions?)</c> constructor call), reported on a class deriving from
    /// <c>JsonSerializerContext</c>; and CS0117 (no <c>Default</c>), reported on a <c>.Default</c> member access whose
    /// receiver is such a context type. Any other error, in user or generated code, remains.
    /// </remarks>
    public static IReadOnlyList<Diagnostic> ErrorsBesidesMissingJsonMetadata(Compilation compilation) =>
        SplitErrors(compilation).Others;

    /// <summary>
    /// The output compilation's errors, split into those caused by the missing System.Text.Json generated members (see
    /// <see cref="ErrorsBesidesMissingJsonMetadata"/>) and all others.
    /// </summary>
    public static (IReadOnlyList<Diagnostic> MissingJsonMetadata, IReadOnlyList<Diagnostic> Others) SplitErrors(Compilation compilation)
    {
        var contextBase = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonSerializerContext");
        Assert.NotNull(contextBase);
        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        var missing = errors.Where(diagnostic => IsMissingJsonMetadata(compilation, diagnostic, contextBase)).ToList();
        return (missing, errors.Except(missing).ToList());
    }

    private static bool IsMissingJsonMetadata(Compilation compilation, Diagnostic diagnostic, INamedTypeSymbol contextBase)
    {
        var tree = diagnostic.Location.SourceTree;
        if (tree is null)
        {
            return false;
        }

        var model = compilation.GetSemanticModel(tree);
        var node = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        switch (diagnostic.Id)
        {
            case "CS0534":
            case "CS7036":
                var declaration = node.FirstAncestorOrSelf<ClassDeclarationSyntax>();
                return declaration is not null
                    && declaration.Identifier.Span == diagnostic.Location.SourceSpan
                    && IsContext(model.GetDeclaredSymbol(declaration), contextBase);
            case "CS0117":
                // Generated clients read only Context.Default.SomeType; with Default missing, the outer access reports nothing.
                var access = node.FirstAncestorOrSelf<MemberAccessExpressionSyntax>();
                if (access is null || access.Name.Span != diagnostic.Location.SourceSpan || access.Name.Identifier.ValueText != "Default")
                {
                    return false;
                }

                var receiver = model.GetSymbolInfo(access.Expression).Symbol;
                return IsContext(receiver as ITypeSymbol ?? model.GetTypeInfo(access.Expression).Type, contextBase);
            default:
                return false;
        }
    }

    private static bool IsContext(ISymbol? symbol, INamedTypeSymbol contextBase)
    {
        for (var type = (symbol as ITypeSymbol)?.BaseType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, contextBase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The result of one generator run under Roslyn 4.8.</summary>
internal sealed record Roslyn48Run(GeneratorRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>The hint names of the generated files, sorted.</summary>
    public IReadOnlyList<string> HintNames =>
        Result.GeneratedSources.Select(source => source.HintName).OrderBy(name => name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Checks what every run must hold: the generator threw nothing and reported no diagnostic (no TG error, nor a warning), and each generated tree parses
    /// under C# 12 with Roslyn 4.8 without a syntax error.
    /// </summary>
    public void AssertRanCleanly()
    {
        Assert.Null(Result.Exception);
        Assert.Empty(GeneratorDiagnostics.Select(d => d.ToString()));
        Assert.NotEmpty(Result.GeneratedSources);
        foreach (var source in Result.GeneratedSources)
        {
            Assert.Equal(LanguageVersion.CSharp12, ((CSharpParseOptions)source.SyntaxTree.Options).LanguageVersion);
            Assert.Empty(source.SyntaxTree.GetDiagnostics().Select(d => $"{source.HintName}: {d}"));
        }
    }
}
