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

/// <summary>The two generators measured on the realistic input, each on the same APIs in its own vocabulary.</summary>
public enum PeerGenerator
{
    /// <summary>TokenGen's generator on <c>[TokenApi]</c> interfaces.</summary>
    TokenGen,

    /// <summary>Refit 16.4's <c>InterfaceStubGeneratorV2</c> on the same operations declared with Refit's attributes.</summary>
    Refit,
}

/// <summary>
/// Generator input shaped like real projects: 500 APIs, each in a file of its own with its own models and its own
/// <c>JsonSerializerContext</c> (no shared models file for the binder to reuse), declared once for TokenGen and once for
/// Refit, with the same two edits as <see cref="GeneratorInput"/>: an unrelated file, and a route inside one API.
/// </summary>
internal sealed class RealisticInput : BenchmarkInput
{
    public const int ApiCount = 500;

    private static readonly ImmutableArray<MetadataReference> s_references =
        TokenGenReferences.Add(MetadataReference.CreateFromFile(typeof(Refit.RestService).Assembly.Location));

    private static readonly Lazy<IIncrementalGenerator> s_refitGenerator = new(LoadRefitGenerator);

    private RealisticInput(PeerGenerator generator, ImmutableArray<SyntaxTree> trees)
        : base("Realistic" + generator, trees, s_references, trees[1 + (ApiCount / 2)], "\"/v1/token/introspect\"", "\"/v2/token/introspect\"")
    {
        Generator = generator;
    }

    public PeerGenerator Generator { get; }

    public static RealisticInput Create(PeerGenerator generator)
    {
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>(ApiCount + 1);
        trees.Add(Parse(UnrelatedSource, "Unrelated.cs"));
        for (var i = 0; i < ApiCount; i++)
        {
            trees.Add(Parse(generator == PeerGenerator.TokenGen ? TokenGenApi(i) : RefitApi(i), $"Apis/Api{i.ToString(CultureInfo.InvariantCulture)}.cs"));
        }

        return new RealisticInput(generator, trees.MoveToImmutable());
    }

    /// <summary>How many characters the input's generator writes on a full run: the text every run must at least allocate.</summary>
    public long GeneratedCharacters() =>
        CreateDriver().RunGenerators(CreateCompilation()).GetRunResult().Results
            .Sum(result => result.GeneratedSources.Sum(source => (long)source.SourceText.Length));

    /// <summary>A new driver with this input's generator.</summary>
    public GeneratorDriver CreateDriver(bool trackSteps = false)
    {
        IIncrementalGenerator generator = Generator == PeerGenerator.TokenGen
            ? new global::TokenGen.Generator.TokenApiGenerator()
            : s_refitGenerator.Value;
        return CreateDriver(generator, trackSteps);
    }

    /// <summary>
    /// Refit's generator ships as an analyzer in its package: loaded from there (the build records the package's path),
    /// the one that builds Refit clients in a project that references the package.
    /// </summary>
    private static IIncrementalGenerator LoadRefitGenerator()
    {
        string package = typeof(RealisticInput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RefitPackagePath").Value
            ?? throw new InvalidOperationException("The build recorded no path for the Refit package.");
        string path = Directory.GetFiles(Path.Combine(package, "analyzers"), "InterfaceStubGeneratorV2.dll", SearchOption.AllDirectories)
            .OrderByDescending(file => file, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new FileNotFoundException("Refit's InterfaceStubGeneratorV2.dll is not in its package at " + package);
        Type type = Assembly.LoadFrom(path).GetTypes()
            .Single(candidate => !candidate.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(candidate));
        return (IIncrementalGenerator)Activator.CreateInstance(type)!;
    }

    private static string Models(string i) => $$"""
            public sealed class TokenRequest{{i}}
            {
                [JsonPropertyName("grant_type")] public string? GrantType { get; set; }
                [JsonPropertyName("client_id")] public string? ClientId { get; set; }
                [JsonPropertyName("scope")] public string? Scope { get; set; }
            }

            public sealed class TokenResponse{{i}}
            {
                [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
                [JsonPropertyName("refresh_token"), RefreshToken] public string? RefreshToken { get; set; }
                [JsonPropertyName("expires_in"), ExpiresIn] public long? ExpiresIn { get; set; }
                [JsonPropertyName("token_type")] public string? TokenType { get; set; }
            }

            public sealed class TokenInfo{{i}}
            {
                [JsonPropertyName("active")] public bool Active { get; set; }
                [JsonPropertyName("sub")] public string? Subject { get; set; }
                [JsonPropertyName("exp")] public DateTimeOffset? ExpiresAt { get; set; }
            }

            [JsonSerializable(typeof(TokenRequest{{i}}))]
            [JsonSerializable(typeof(TokenResponse{{i}}))]
            [JsonSerializable(typeof(TokenInfo{{i}}))]
            public sealed partial class Api{{i}}JsonContext : JsonSerializerContext;
        """;

    /// <summary>One API for TokenGen: its models, its context, and an interface with acquire, refresh, exchange and inspect.</summary>
    private static string TokenGenApi(int index)
    {
        string i = index.ToString(CultureInfo.InvariantCulture);
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using System.Threading;
            using System.Threading.Tasks;
            using TokenGen;

            namespace Benchmark.Apis.Api{{i}};

            {{Models(i)}}

            [TokenApi(BaseAddress = "https://api{{i}}.example.com/oauth", SerializerContext = typeof(Api{{i}}JsonContext))]
            [Headers("Accept: application/json")]
            public partial interface ITokens{{i}}
            {
                [Post("/v1/tenants/{tenant}/token")]
                Task<TokenResponse{{i}}> AcquireAsync(string tenant, [Body] TokenRequest{{i}} request, [Header("Authorization")] string authorization, CancellationToken cancellationToken = default);

                [Post("/v1/token/refresh")]
                Task<TokenResponse{{i}}> RefreshAsync([Form("refresh_token")] string refreshToken, [Form("client_id")] string clientId, CancellationToken cancellationToken = default);

                [Post("/v1/token/exchange")]
                Task<ApiResponse<TokenResponse{{i}}>> ExchangeAsync([Query("subject_token")] string subjectToken, [Query("scope")] IEnumerable<string>? scopes = null, CancellationToken cancellationToken = default);

                [Get("/v1/token/introspect")]
                Task<TokenInfo{{i}}> InspectAsync([Header("Authorization")] string authorization, [Query("verbose")] bool verbose = false, CancellationToken cancellationToken = default);
            }
            """;
    }

    /// <summary>The same API for Refit: the same models and context, the same four operations in Refit's attributes.</summary>
    private static string RefitApi(int index)
    {
        string i = index.ToString(CultureInfo.InvariantCulture);
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using System.Threading;
            using System.Threading.Tasks;
            using TokenGen;

            namespace Benchmark.Apis.Api{{i}};

            {{Models(i)}}

            [Refit.Headers("Accept: application/json")]
            public interface ITokens{{i}}
            {
                [Refit.Post("/v1/tenants/{tenant}/token")]
                Task<TokenResponse{{i}}> AcquireAsync(string tenant, [Refit.Body] TokenRequest{{i}} request, [Refit.Header("Authorization")] string authorization, CancellationToken cancellationToken = default);

                [Refit.Post("/v1/token/refresh")]
                Task<TokenResponse{{i}}> RefreshAsync([Refit.Body(Refit.BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken = default);

                [Refit.Post("/v1/token/exchange")]
                Task<Refit.ApiResponse<TokenResponse{{i}}>> ExchangeAsync([Refit.AliasAs("subject_token")] string subjectToken, [Refit.Query(Refit.CollectionFormat.Multi), Refit.AliasAs("scope")] IEnumerable<string>? scopes = null, CancellationToken cancellationToken = default);

                [Refit.Get("/v1/token/introspect")]
                Task<TokenInfo{{i}}> InspectAsync([Refit.Header("Authorization")] string authorization, [Refit.AliasAs("verbose")] bool verbose = false, CancellationToken cancellationToken = default);
            }
            """;
    }
}
