using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace TokenGen.Benchmarks.Generator;

/// <summary>
/// The generator's own cost, driven through <see cref="GeneratorDriver"/> the way a build and an editor run it: a full
/// run on a fresh compilation, and a run after each kind of edit on a driver that has already run once.
/// </summary>
/// <remarks>
/// A full run starts from a compilation nothing has been bound in, so it pays for the symbols it reads, as the first
/// build does; the syntax trees are parsed once beforehand, since parsing is the compiler's work, not the generator's.
/// An edit replaces one tree in the compilation the warm driver last saw, which is what the editor does on a keystroke.
/// How many outputs each edit wrote again is the <c>Re-emitted</c> column (see <see cref="ReEmission"/>).
/// </remarks>
[BenchmarkCategory("Generator")]
public class GeneratorBenchmarks
{
    private GeneratorInput _input = null!;
    private Compilation _warmCompilation = null!;
    private GeneratorDriver _warmDriver = null!;

    [Params(GeneratorInput.FiveApis, GeneratorInput.FiveHundredInterfaces)]
    public string Input { get; set; } = GeneratorInput.FiveApis;

    [GlobalSetup]
    public void Setup()
    {
        _input = GeneratorInput.Create(Input);
        _warmCompilation = _input.CreateCompilation();
        _warmDriver = GeneratorInput.CreateDriver().RunGenerators(_warmCompilation);

        // The input must be one the generator accepts whole: a client per interface and not one diagnostic.
        GeneratorRunResult result = _warmDriver.GetRunResult().Results.Single();
        int clients = result.GeneratedSources.Count(source => source.SourceText.ToString().Contains("Client : global::", StringComparison.Ordinal));
        if (result.Exception is not null || !result.Diagnostics.IsEmpty || clients != _input.InterfaceCount)
        {
            throw new InvalidOperationException(
                $"{Input}: the generator emitted {clients} clients for {_input.InterfaceCount} interfaces, with {result.Diagnostics.Length} diagnostics " +
                $"({string.Join("; ", result.Diagnostics.Take(3))}) and exception {result.Exception?.Message ?? "none"}.");
        }
    }

    /// <summary>
    /// Not the generator: the floor under its full run. On a fresh compilation, binds what any generator of these clients
    /// has to read (each interface's symbol, the attributes on it, its methods and their parameters, the parameters' types
    /// and defaults, the return types), which the compiler would otherwise bind later in the same build.
    /// </summary>
    [Benchmark]
    public int BindOnly()
    {
        Compilation compilation = _input.CreateCompilation();
        var read = 0;
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InterfaceDeclarationSyntax>())
            {
                var symbol = (INamedTypeSymbol)model.GetDeclaredSymbol(declaration)!;
                read += symbol.GetAttributes().Length;
                foreach (IMethodSymbol method in symbol.GetMembers().OfType<IMethodSymbol>())
                {
                    read += method.GetAttributes().Length + (method.ReturnType.TypeKind == TypeKind.Error ? 0 : 1);
                    foreach (IParameterSymbol parameter in method.Parameters)
                    {
                        read += parameter.GetAttributes().Length + (parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is null ? 1 : 0);
                    }
                }
            }
        }

        return read;
    }

    /// <summary>Everything from scratch: every interface parsed into a spec and every client written.</summary>
    [Benchmark]
    public GeneratorDriver FullRun() => GeneratorInput.CreateDriver().RunGenerators(_input.CreateCompilation());

    /// <summary>A file no interface depends on changed: every spec compares equal, nothing is written.</summary>
    [Benchmark]
    public GeneratorDriver UnrelatedEdit() =>
        _warmDriver.RunGenerators(_warmCompilation.ReplaceSyntaxTree(_input.Unrelated, _input.UnrelatedEdited));

    /// <summary>A route inside one interface changed: that interface is parsed and written again, and no other.</summary>
    [Benchmark]
    public GeneratorDriver EditInsideOneInterface() =>
        _warmDriver.RunGenerators(_warmCompilation.ReplaceSyntaxTree(_input.EditedInterface, _input.EditedInterfaceAfter));
}
