using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TokenGen.Benchmarks.Generator;

/// <summary>
/// A project for the generator to run on, parsed once, with the two edits the incremental benchmarks make: one to a file
/// no <c>[TokenApi]</c> interface depends on, and one inside a single interface (a route changes).
/// </summary>
internal sealed class GeneratorInput : BenchmarkInput
{
    /// <summary>The five seed APIs of <c>clients/TokenGen.Clients</c>, as the repository declares them.</summary>
    public const string FiveApis = nameof(FiveApis);

    /// <summary>500 generated interfaces of 4 operations each, one file per interface.</summary>
    public const string FiveHundredInterfaces = nameof(FiveHundredInterfaces);

    private const int SyntheticInterfaceCount = 500;

    private GeneratorInput(string name, ImmutableArray<SyntaxTree> trees, int interfaceCount, SyntaxTree editedInterface, string routeBefore, string routeAfter)
        : base("Benchmark" + name, trees, TokenGenReferences, editedInterface, routeBefore, routeAfter)
    {
        Name = name;
        InterfaceCount = interfaceCount;
    }

    public string Name { get; }

    /// <summary>How many <c>[TokenApi]</c> interfaces the input declares, so how many clients a full run emits.</summary>
    public int InterfaceCount { get; }

    public static GeneratorInput Create(string name) => name switch
    {
        FiveApis => CreateFiveApis(),
        FiveHundredInterfaces => CreateSynthetic(SyntheticInterfaceCount),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown generator input."),
    };

    /// <summary>A new driver with TokenGen's generator, tracking its steps only when asked (a build does not).</summary>
    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CreateDriver(new global::TokenGen.Generator.TokenApiGenerator(), trackSteps);

    private static GeneratorInput CreateFiveApis()
    {
        Assembly assembly = typeof(GeneratorInput).Assembly;
        var trees = new List<SyntaxTree>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith("clients/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            trees.Add(Parse(reader.ReadToEnd(), resource.Replace('\\', '/')));
        }

        trees.Add(Parse(UnrelatedSource, "Unrelated.cs"));
        int interfaceCount = trees.Sum(tree => System.Text.RegularExpressions.Regex.Count(tree.ToString(), @"^\s*\[TokenApi\b", System.Text.RegularExpressions.RegexOptions.Multiline));
        SyntaxTree directLine = trees.Single(tree => tree.FilePath.EndsWith("/IDirectLineTokens.cs", StringComparison.Ordinal));
        return new GeneratorInput(
            FiveApis, [.. trees], interfaceCount, directLine, "\"/v3/directline/tokens/refresh\"", "\"/v3/directline/tokens/renew\"");
    }

    private static GeneratorInput CreateSynthetic(int count)
    {
        var trees = new List<SyntaxTree> { Parse(SyntheticModels, "Models.cs"), Parse(UnrelatedSource, "Unrelated.cs") };
        for (var i = 0; i < count; i++)
        {
            trees.Add(Parse(SyntheticInterface(i), $"Apis/ITokens{i.ToString(CultureInfo.InvariantCulture)}.cs"));
        }

        SyntaxTree middle = trees[2 + (count / 2)];
        return new GeneratorInput(FiveHundredInterfaces, [.. trees], count, middle, "\"/v1/token/introspect\"", "\"/v2/token/introspect\"");
    }

    private const string SyntheticModels = """
        using System;
        using System.Text.Json.Serialization;
        using TokenGen;

        namespace Benchmark.Apis;

        public sealed class TokenRequest
        {
            [JsonPropertyName("grant_type")] public string? GrantType { get; set; }
            [JsonPropertyName("client_id")] public string? ClientId { get; set; }
            [JsonPropertyName("scope")] public string? Scope { get; set; }
        }

        public sealed class TokenResponse
        {
            [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
            [JsonPropertyName("refresh_token"), RefreshToken] public string? RefreshToken { get; set; }
            [JsonPropertyName("expires_in"), ExpiresIn] public long? ExpiresIn { get; set; }
            [JsonPropertyName("token_type")] public string? TokenType { get; set; }
        }

        public sealed class TokenInfo
        {
            [JsonPropertyName("active")] public bool Active { get; set; }
            [JsonPropertyName("sub")] public string? Subject { get; set; }
            [JsonPropertyName("exp")] public DateTimeOffset? ExpiresAt { get; set; }
        }

        [JsonSerializable(typeof(TokenRequest))]
        [JsonSerializable(typeof(TokenResponse))]
        [JsonSerializable(typeof(TokenInfo))]
        public sealed partial class BenchmarkJsonContext : JsonSerializerContext;
        """;

    /// <summary>One interface with the four kinds of token operation: acquire (JSON), refresh (form), exchange, inspect.</summary>
    private static string SyntheticInterface(int index)
    {
        string i = index.ToString(CultureInfo.InvariantCulture);
        return $$"""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using TokenGen;

            namespace Benchmark.Apis.Group{{(index / 50).ToString(CultureInfo.InvariantCulture)}};

            [TokenApi(BaseAddress = "https://api{{i}}.example.com/oauth", SerializerContext = typeof(global::Benchmark.Apis.BenchmarkJsonContext))]
            [Headers("Accept: application/json")]
            public partial interface ITokens{{i}}
            {
                [Post("/v1/tenants/{tenant}/token")]
                Task<global::Benchmark.Apis.TokenResponse> AcquireAsync(
                    string tenant,
                    [Body] global::Benchmark.Apis.TokenRequest request,
                    [Header("Authorization")] string authorization,
                    CancellationToken cancellationToken = default);

                [Post("/v1/token/refresh")]
                Task<global::Benchmark.Apis.TokenResponse> RefreshAsync(
                    [Form("refresh_token")] string refreshToken,
                    [Form("client_id")] string clientId,
                    CancellationToken cancellationToken = default);

                [Post("/v1/token/exchange")]
                Task<ApiResponse<global::Benchmark.Apis.TokenResponse>> ExchangeAsync(
                    [Query("subject_token")] string subjectToken,
                    [Query("scope")] IEnumerable<string>? scopes = null,
                    CancellationToken cancellationToken = default);

                [Get("/v1/token/introspect")]
                Task<global::Benchmark.Apis.TokenInfo> InspectAsync(
                    [Header("Authorization")] string authorization,
                    [Query("verbose")] bool verbose = false,
                    CancellationToken cancellationToken = default);
            }
            """;
    }
}
