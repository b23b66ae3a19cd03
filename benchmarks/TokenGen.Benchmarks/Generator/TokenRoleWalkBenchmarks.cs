using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TokenGen.Benchmarks.Generator;

/// <summary>
/// The generator on a response whose graph of nested models is deep and shared: each level's model is held five times by
/// the level above, so there are 5^depth paths through it but only 5 × depth members. Finding the token roles must cost
/// in proportion to the members, not the paths (the walk once took seconds at ten levels); the figures for depths 4, 8
/// and 12 should grow about as the members do.
/// </summary>
[BenchmarkCategory("Generator")]
public class TokenRoleWalkBenchmarks
{
    private const int Width = 5;

    private SyntaxTree _tree = null!;

    /// <summary>How many levels of shared models hang below the response.</summary>
    [Params(4, 8, 12)]
    public int Depth { get; set; } = 4;

    [GlobalSetup]
    public void Setup()
    {
        _tree = CSharpSyntaxTree.ParseText(Source(Depth), BenchmarkInput.ParseOptions, "DeepTokens.cs", Encoding.UTF8);

        // The answer: one client, no diagnostic, and a token reader that reads the access token at the top of the graph.
        GeneratorRunResult result = FullRun().GetRunResult().Results.Single();
        string? client = result.GeneratedSources.Select(source => source.SourceText.ToString()).SingleOrDefault(text => text.Contains("class DeepTokensClient", StringComparison.Ordinal));
        if (result.Exception is not null || !result.Diagnostics.IsEmpty || client is null || !client.Contains(".Access", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Depth {Depth}: expected the DeepTokensClient with a reader of Access and no diagnostics; got {result.GeneratedSources.Length} files, " +
                $"{result.Diagnostics.Length} diagnostics ({string.Join("; ", result.Diagnostics.Take(3))}) and exception {result.Exception?.Message ?? "none"}.");
        }
    }

    /// <summary>A full run on a fresh compilation: binding the graph's models is part of the cost, as in a build.</summary>
    [Benchmark]
    public GeneratorDriver FullRun() =>
        GeneratorInput.CreateDriver().RunGenerators(CSharpCompilation.Create(
            "DeepGraph",
            [_tree],
            BenchmarkInput.TokenGenReferences,
            BenchmarkInput.CompilationOptions));

    private static string Source(int depth)
    {
        var source = new StringBuilder("""
            using System.Text.Json.Serialization;
            using System.Threading.Tasks;
            using TokenGen;

            namespace Benchmark.Deep;

            public sealed class TokenResponse
            {
                [JsonPropertyName("access_token"), AccessToken] public string? Access { get; set; }
                [JsonPropertyName("data")] public Level0? Data { get; set; }
            }

            [JsonSerializable(typeof(TokenResponse))]
            public sealed partial class DeepJsonContext : JsonSerializerContext;

            [TokenApi(BaseAddress = "https://deep.example.com", SerializerContext = typeof(DeepJsonContext))]
            public partial interface IDeepTokens
            {
                [Post("/token")]
                Task<TokenResponse> AcquireAsync();
            }

            """);
        for (var level = 0; level <= depth; level++)
        {
            string name = "Level" + level.ToString(CultureInfo.InvariantCulture);
            string memberType = level == depth ? "string" : "Level" + (level + 1).ToString(CultureInfo.InvariantCulture);
            source.Append("public sealed class ").AppendLine(name).AppendLine("{");
            for (var member = 0; member < Width; member++)
            {
                source.Append("    public ").Append(memberType).Append("? Member").Append(member.ToString(CultureInfo.InvariantCulture)).AppendLine(" { get; set; }");
            }

            source.AppendLine("}");
        }

        return source.ToString();
    }
}
