using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TokenGen.Benchmarks.Generator;

/// <summary>
/// What every generator benchmark input shares: sources parsed once under one set of options, compiled against .NET 8's
/// reference assemblies, and the two edits the incremental benchmarks make: one to a file no API depends on, and one
/// inside a single API (a route changes).
/// </summary>
internal abstract class BenchmarkInput
{
    /// <summary>The file no API depends on; <see cref="UnrelatedEdited"/> changes one number in it.</summary>
    internal const string UnrelatedSource = """
        namespace Benchmark.Unrelated;

        /// <summary>Code no token API depends on.</summary>
        public static class RetryBudget
        {
            public static int Attempts(int failures) => failures < 3 ? failures + 1 : 3;
        }
        """;

    internal static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    /// <summary>.NET 8's reference assemblies and TokenGen's attributes, which every input compiles against.</summary>
    internal static readonly ImmutableArray<MetadataReference> TokenGenReferences =
        Basic.Reference.Assemblies.Net80.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(TokenApiAttribute).Assembly.Location))
            .ToImmutableArray();

    /// <summary>A library with nullable annotations enabled, as the projects that declare token APIs are.</summary>
    internal static readonly CSharpCompilationOptions CompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    private readonly string _assemblyName;
    private readonly ImmutableArray<MetadataReference> _references;

    protected BenchmarkInput(
        string assemblyName,
        ImmutableArray<SyntaxTree> trees,
        ImmutableArray<MetadataReference> references,
        SyntaxTree editedInterface,
        string routeBefore,
        string routeAfter)
    {
        _assemblyName = assemblyName;
        _references = references;
        Trees = trees;
        Unrelated = trees.Single(tree => tree.FilePath == "Unrelated.cs");
        UnrelatedEdited = Reparse(Unrelated, "failures + 1", "failures + 2");
        EditedInterface = editedInterface;
        EditedInterfaceAfter = Reparse(editedInterface, routeBefore, routeAfter);
    }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public SyntaxTree Unrelated { get; }

    public SyntaxTree UnrelatedEdited { get; }

    public SyntaxTree EditedInterface { get; }

    public SyntaxTree EditedInterfaceAfter { get; }

    /// <summary>A new compilation of the input: nothing bound yet, as at the start of a build.</summary>
    public CSharpCompilation CreateCompilation() =>
        CSharpCompilation.Create(_assemblyName, Trees, _references, CompilationOptions);

    /// <summary>A new driver running <paramref name="generator"/>, tracking its steps only when asked (a build does not).</summary>
    protected static GeneratorDriver CreateDriver(IIncrementalGenerator generator, bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    protected static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path, Encoding.UTF8);

    private static SyntaxTree Reparse(SyntaxTree tree, string before, string after)
    {
        string text = tree.ToString();
        if (!text.Contains(before, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{tree.FilePath} does not contain {before}, which its edit replaces.");
        }

        return Parse(text.Replace(before, after, StringComparison.Ordinal), tree.FilePath);
    }
}
