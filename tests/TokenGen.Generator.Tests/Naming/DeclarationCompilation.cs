using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TokenGen.Generator.Tests.Naming;

/// <summary>
/// Compiles a user's declaration together with what the generator writes for it, as a strict user project would:
/// nullable enabled, XML documentation checked, and under both C# 12 and the latest language version.
/// </summary>
internal static class DeclarationCompilation
{
    public static readonly LanguageVersion[] LanguageVersions = { LanguageVersion.CSharp12, LanguageVersion.Latest };

    // The framework this test runs on, as the SDK's System.Text.Json generator (which must match it) expects, and the runtime.
    private static readonly ImmutableArray<MetadataReference> s_references =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Win32.Primitives.dll")
            .Append(typeof(TokenApiAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    private static readonly Lazy<ImmutableArray<ISourceGenerator>> s_generators = new(LoadGenerators);

    /// <summary>The generator's diagnostics, the generated sources, and the compiler's complaints about the result.</summary>
    public static Outcome Run(string source, LanguageVersion languageVersion = LanguageVersion.CSharp12) =>
        Run(new[] { ("Declaration.cs", source) }, languageVersion);

    /// <summary>As <see cref="Run(string, LanguageVersion)"/>, over several files (path and text each).</summary>
    public static Outcome Run(IEnumerable<(string Path, string Text)> sources, LanguageVersion languageVersion = LanguageVersion.CSharp12)
    {
        // Diagnose mode is what GenerateDocumentationFile turns on: malformed XML and unresolvable crefs become warnings.
        var parseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create(
            "DeclarationAssembly",
            sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, parseOptions, path: source.Path)),
            s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    // The declarations in these tests are not documented; the generated code must be.
                    ["CS1591"] = ReportDiagnostic.Suppress,

                    // The runtime is built against .NET 8 and unified with this framework's newer assemblies.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(s_generators.Value, parseOptions: parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        var generated = driver.GetRunResult().Results.Single(r => r.Generator.GetGeneratorType() == typeof(TokenApiGenerator)).GeneratedSources
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        var complaints = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
        return new Outcome(generatorDiagnostics, generated, complaints, output);
    }

    /// <summary>TokenGen's generator and System.Text.Json's from the SDK's reference pack, so serializer contexts are real.</summary>
    private static ImmutableArray<ISourceGenerator> LoadGenerators()
    {
        var generators = new List<ISourceGenerator> { new TokenApiGenerator().AsSourceGenerator() };

        // <dotnet>/shared/Microsoft.NETCore.App/<version>/ → <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/analyzers/dotnet/cs/
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var jsonGenerator = Directory.GetFiles(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref"), "System.Text.Json.SourceGeneration.dll", SearchOption.AllDirectories)
            .Where(path => path.Contains(Path.DirectorySeparatorChar + "cs" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderByDescending(path => path, StringComparer.Ordinal)
            .First();
        foreach (var type in Assembly.LoadFrom(jsonGenerator).GetTypes())
        {
            if (typeof(IIncrementalGenerator).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttribute<GeneratorAttribute>() is not null)
            {
                generators.Add(((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator());
            }
        }

        return generators.ToImmutableArray();
    }

    internal sealed record Outcome(
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        IReadOnlyDictionary<string, string> GeneratedSources,
        IReadOnlyList<Diagnostic> CompilerDiagnostics,
        Compilation Output)
    {
        /// <summary>Everything the compiler and the generator said, for an assertion message.</summary>
        public string Describe() =>
            string.Join(Environment.NewLine, GeneratorDiagnostics.Concat(CompilerDiagnostics).Select(d => d.ToString()))
            + Environment.NewLine + string.Join(Environment.NewLine + "-----" + Environment.NewLine, GeneratedSources.Values);
    }
}
