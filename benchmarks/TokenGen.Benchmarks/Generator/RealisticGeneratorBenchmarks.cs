using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGen.Benchmarks.Generator;

/// <summary>
/// TokenGen's generator and Refit's on <see cref="RealisticInput"/> (500 APIs, each with its own models and context),
/// in one process: a full run, an unrelated edit and an edit inside one API, with allocations, beside the floor both
/// stand on, Roslyn binding what a generator of these clients reads.
/// </summary>
[BenchmarkCategory("Generator")]
public class RealisticGeneratorBenchmarks
{
    private RealisticInput _input = null!;
    private Compilation _warmCompilation = null!;
    private GeneratorDriver _warmDriver = null!;

    [Params(PeerGenerator.TokenGen, PeerGenerator.Refit)]
    public PeerGenerator Generator { get; set; } = PeerGenerator.TokenGen;

    [GlobalSetup]
    public void Setup()
    {
        _input = RealisticInput.Create(Generator);
        _warmCompilation = _input.CreateCompilation();
        _warmDriver = _input.CreateDriver().RunGenerators(_warmCompilation);

        // Each generator must accept the input whole: no error, and output for every API.
        GeneratorRunResult result = _warmDriver.GetRunResult().Results.Single();
        int errors = result.Diagnostics.Count(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        int outputsNaming = result.GeneratedSources.Count(source => source.SourceText.ToString().Contains("ITokens", StringComparison.Ordinal));
        if (result.Exception is not null || errors > 0 || outputsNaming < RealisticInput.ApiCount)
        {
            throw new InvalidOperationException(
                $"{Generator}: {outputsNaming} outputs for {RealisticInput.ApiCount} APIs, {errors} errors " +
                $"({string.Join("; ", result.Diagnostics.Take(3))}), exception {result.Exception?.Message ?? "none"}.");
        }
    }

    /// <summary>
    /// Not a generator: the floor under both full runs. On a fresh compilation, binds what a generator of these clients
    /// reads: each interface, its attributes, methods, parameters and their types; the models those name, with their
    /// members and attributes; and each serializer context's attributes.
    /// </summary>
    [Benchmark]
    public int BindOnly()
    {
        Compilation compilation = _input.CreateCompilation();
        var read = 0;
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (TypeDeclarationSyntax declaration in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                var symbol = (INamedTypeSymbol)model.GetDeclaredSymbol(declaration)!;
                read += symbol.GetAttributes().Length;
                foreach (ISymbol member in symbol.GetMembers())
                {
                    read += member.GetAttributes().Length;
                    read += member switch
                    {
                        IMethodSymbol method => method.Parameters.Sum(parameter => parameter.GetAttributes().Length + (parameter.Type.TypeKind == TypeKind.Error ? 0 : 1))
                            + (method.ReturnType.TypeKind == TypeKind.Error ? 0 : 1),
                        IPropertySymbol property => property.Type.TypeKind == TypeKind.Error ? 0 : 1,
                        _ => 0,
                    };
                }
            }
        }

        return read;
    }

    /// <summary>Everything from scratch, as the first build.</summary>
    [Benchmark]
    public GeneratorDriver FullRun() => _input.CreateDriver().RunGenerators(_input.CreateCompilation());

    /// <summary>A file no API depends on changed.</summary>
    [Benchmark]
    public GeneratorDriver UnrelatedEdit() =>
        _warmDriver.RunGenerators(_warmCompilation.ReplaceSyntaxTree(_input.Unrelated, _input.UnrelatedEdited));

    /// <summary>A route inside one API changed.</summary>
    [Benchmark]
    public GeneratorDriver EditInsideOneInterface() =>
        _warmDriver.RunGenerators(_warmCompilation.ReplaceSyntaxTree(_input.EditedInterface, _input.EditedInterfaceAfter));
}
