using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenGen.Generator;
using TokenGen.Generator.Analyzers;

namespace TokenGen.Docs.Tests;

/// <summary>
/// Compiles documentation blocks as a user's project would: against the framework and TokenGen's assemblies, with the
/// TokenGen generator and analyzer and System.Text.Json's source generator, C# 12, nullable enabled.
/// </summary>
internal static class DocumentCompiler
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp12);

    // Everything this test process runs on: the .NET 10 framework, the TokenGen runtime and clients, and their dependencies.
    private static readonly ImmutableArray<MetadataReference> s_references =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !IsTestMachinery(Path.GetFileName(path)))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    private static bool IsTestMachinery(string fileName) =>
        fileName.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
        || fileName.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)
        || fileName.StartsWith("TokenGen.Generator", StringComparison.OrdinalIgnoreCase)
        || fileName.StartsWith("TokenGen.Docs.Tests", StringComparison.OrdinalIgnoreCase);

    private static readonly Lazy<ImmutableArray<ISourceGenerator>> s_generators = new(LoadGenerators);

    private static readonly string[] s_globalUsings =
    {
        "System", "System.Collections.Generic", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
        "System.Text.Json.Serialization", "TokenGen",
    };

    /// <summary>Compiles the blocks together (isolated and expecting ones apart) and returns the errors and warnings.</summary>
    public static IReadOnlyList<Diagnostic> Compile(IEnumerable<DocumentBlock> blocks, IEnumerable<string>? extraUsings = null)
    {
        var all = blocks.ToList();
        var trees = new List<SyntaxTree>();
        var namespaces = new SortedSet<string>(s_globalUsings, StringComparer.Ordinal);
        foreach (var ns in extraUsings ?? Array.Empty<string>())
        {
            namespaces.Add(ns);
        }

        foreach (var block in all.Where(b => b.Kind is BlockKind.Declarations or BlockKind.Shared))
        {
            var tree = Parse(block.Code, block);
            namespaces.UnionWith(DeclaredNamespaces(tree));
            trees.Add(tree);
        }

        var snippet = 0;
        foreach (var block in all.Where(b => b.Kind == BlockKind.Statements))
        {
            trees.Add(Parse(WrapStatements(block, snippet++), block));
        }

        trees.Add(CSharpSyntaxTree.ParseText(GlobalUsings(namespaces), s_parseOptions, path: "GlobalUsings.cs"));
        return Run(trees);
    }

    /// <summary>Compiles one isolated or expecting block with the document's shared blocks.</summary>
    public static IReadOnlyList<Diagnostic> CompileApart(DocumentBlock block, IEnumerable<DocumentBlock> shared)
    {
        var trees = shared.Select(b => Parse(b.Code, b)).ToList();
        trees.Add(Parse(block.Code, block));
        var namespaces = new SortedSet<string>(s_globalUsings, StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            namespaces.UnionWith(DeclaredNamespaces(tree));
        }

        trees.Add(CSharpSyntaxTree.ParseText(GlobalUsings(namespaces), s_parseOptions, path: "GlobalUsings.cs"));
        return Run(trees);
    }

    private static IReadOnlyList<Diagnostic> Run(List<SyntaxTree> trees)
    {
        var compilation = CSharpCompilation.Create(
            "DocumentationSnippets",
            trees,
            s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // The SDK's own defaults (NoWarn CS1701;CS1702): a net8.0 library meeting the net10.0 framework is expected.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(s_generators.Value, parseOptions: s_parseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        var analyzerDiagnostics = output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TokenSessionAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

        return generatorDiagnostics
            .Concat(output.GetDiagnostics())
            .Concat(analyzerDiagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .ToList();
    }

    private static SyntaxTree Parse(string code, DocumentBlock block) =>
        CSharpSyntaxTree.ParseText(code, s_parseOptions, path: block.ToString(), encoding: Encoding.UTF8);

    /// <summary>The statements as the body of an async method, with their usings (if any) kept at the top.</summary>
    private static string WrapStatements(DocumentBlock block, int index)
    {
        var builder = new StringBuilder();
        builder.Append("internal static class DocumentationSnippet").Append(index).Append('\n');
        builder.Append("{\n");
        builder.Append("    internal static async global::System.Threading.Tasks.Task RunAsync(").Append(block.Argument).Append(")\n");
        builder.Append("    {\n");
        builder.Append(block.Code).Append('\n');
        // Not every snippet awaits; the method is async so the ones that do read naturally.
        builder.Append("        await global::System.Threading.Tasks.Task.CompletedTask;\n");
        builder.Append("    }\n");
        builder.Append("}\n");
        return builder.ToString();
    }

    private static IEnumerable<string> DeclaredNamespaces(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Select(n => n.Name.ToString());

    private static string GlobalUsings(IEnumerable<string> namespaces) =>
        string.Concat(namespaces.Select(ns => "global using " + ns + ";\n"));

    /// <summary>TokenGen's generator, and System.Text.Json's from the SDK's reference pack, as a user's build runs them.</summary>
    private static ImmutableArray<ISourceGenerator> LoadGenerators()
    {
        var generators = new List<ISourceGenerator> { new TokenApiGenerator().AsSourceGenerator() };
        var path = FindJsonSourceGenerator();
        var assembly = Assembly.LoadFrom(path);
        foreach (var type in assembly.GetTypes())
        {
            if (typeof(IIncrementalGenerator).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttribute<GeneratorAttribute>() is not null)
            {
                generators.Add(((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator());
            }
        }

        return generators.ToImmutableArray();
    }

    private static string FindJsonSourceGenerator()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll → <dotnet root>/packs/Microsoft.NETCore.App.Ref/<version>/analyzers/dotnet/...
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var candidates = Directory.Exists(packs)
            ? Directory.GetFiles(packs, "System.Text.Json.SourceGeneration.dll", SearchOption.AllDirectories)
            : Array.Empty<string>();
        return candidates
            .Where(p => p.Contains($"{Path.DirectorySeparatorChar}cs{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderByDescending(p => p, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new FileNotFoundException("System.Text.Json's source generator was not found under " + packs);
    }
}
