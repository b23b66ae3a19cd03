using System.Linq;
using TokenGen.Generator.Tests.Infrastructure;

namespace TokenGen.Generator.Tests;

/// <summary>
/// The emitted source for representative interfaces, compared with the baselines under <c>Snapshots/</c>
/// (refresh them with <c>TOKENGEN_UPDATE_SNAPSHOTS=1</c> and review the diff).
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void JsonApiWithRouteQueryHeadersAndEveryReturnKind()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Runtime.Serialization;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using System.Threading;
            using System.Threading.Tasks;
            using TokenGen;

            namespace Contoso.Tokens;

            public enum GrantType
            {
                [EnumMember(Value = "client_credentials")] ClientCredentials = 1,
                [EnumMember(Value = "refresh_token")] RefreshToken = 2,
            }

            public sealed class TokenRequest
            {
                [JsonPropertyName("client_id")] public string? ClientId { get; set; }
            }

            public sealed class TokenResponse
            {
                [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
                [JsonPropertyName("refresh_token"), RefreshToken] public string? RefreshToken { get; set; }
                [JsonPropertyName("expires_in"), ExpiresIn] public int ExpiresIn { get; set; }
            }

            [JsonSerializable(typeof(TokenRequest))]
            [JsonSerializable(typeof(TokenResponse))]
            public sealed partial class ContosoJsonContext : JsonSerializerContext
            {
            }

            [TokenApi(BaseAddress = "https://api.example.com/api", SerializerContext = typeof(ContosoJsonContext))]
            [Headers("User-Agent: TokenGen")]
            public partial interface IContosoTokens
            {
                [Post("/v1/tenants/{tenant}/token")]
                [Headers("X-Flow: acquire")]
                Task<TokenResponse> AcquireAsync(
                    string tenant,
                    [Body(ContentType = "application/vnd.api+json")] TokenRequest request,
                    [Header("Authorization")] string authorization,
                    [Query("scope")] IEnumerable<string>? scopes = null,
                    GrantType grant = GrantType.ClientCredentials,
                    int? version = null,
                    CancellationToken cancellationToken = default);

                [Get("/v1/token-info/")]
                Task<TokenResponse?> GetInfoAsync(DateTimeOffset? since = null, bool verbose = false, CancellationToken cancellationToken = default);

                [Post("/oauth/token")]
                Task<ApiResponse<TokenResponse>> ExchangeAsync([Form("grant_type")] GrantType grantType, [Form("code")] string? code);

                [Delete("/v1/tokens/{id}")]
                Task RevokeAsync([Path("id")] Guid tokenId, CancellationToken cancellationToken);

                [Get("/v1/raw")]
                Task<string> GetRawAsync(CancellationToken cancellationToken = default);

                [Get("/v1/raw")]
                Task<HttpResponseMessage> GetResponseAsync(CancellationToken cancellationToken = default);

                [Get("/v1/claims")]
                Task<Dictionary<string, JsonElement>> GetClaimsAsync(CancellationToken cancellationToken = default);
            }
            """;

        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Snapshot.Match(run.GeneratedSources["Contoso.Tokens.IContosoTokens.g.cs"], "JsonApiWithRouteQueryHeadersAndEveryReturnKind");
    }

    [Fact]
    public void FormAndMultipartBodiesInTheGlobalNamespaceOnAnInternalInterface()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Text.Json.Nodes;
            using System.Text.Json.Serialization;
            using System.Threading;
            using System.Threading.Tasks;
            using TokenGen;

            public sealed class ClientCredentialsForm
            {
                [JsonPropertyName("grant_type")] public string GrantType { get; set; } = "client_credentials";
                [JsonPropertyName("scope")] public IReadOnlyList<string>? Scopes { get; set; }
                [JsonPropertyName("max_age")] public long? MaxAge { get; set; }
                [JsonIgnore] public string? NotSent { get; set; }
            }

            public sealed class UploadForm
            {
                public string? Name { get; set; }
                public bool Overwrite { get; set; }
            }

            [TokenApi]
            internal partial interface ILegacyTokens
            {
                [Post("token")]
                Task<JsonObject> AcquireAsync([Body(BodyEncoding.FormUrlEncoded)] ClientCredentialsForm form, CancellationToken cancellationToken = default);

                [Put("/upload/{name}")]
                Task UploadAsync(string name, [Body(BodyEncoding.Multipart)] UploadForm? @object);

                [Patch("/raw")]
                Task<string> SendRawAsync([Body] HttpContent content, [Header("X-Attempt")] int? attempt = null);
            }
            """;

        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("ILegacyTokens.g.cs", run.GeneratedSources.Keys.Single());
        Snapshot.Match(run.GeneratedSources["ILegacyTokens.g.cs"], "FormAndMultipartBodiesInTheGlobalNamespaceOnAnInternalInterface");
    }

    [Fact]
    public void TokenReadersForLifetimesAsServicesSendThem()
    {
        const string source = """
            using System;
            using System.Text.Json.Serialization;
            using System.Threading;
            using System.Threading.Tasks;
            using TokenGen;

            namespace Contoso.Lifetimes;

            public sealed class ImdsToken
            {
                [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
                [JsonPropertyName("expires_in"), ExpiresIn] public string? ExpiresIn { get; set; }
                [JsonPropertyName("expires_on"), ExpiresAt] public string? ExpiresOn { get; set; }
            }

            public sealed class IntrospectionToken
            {
                [AccessToken] public string? Token { get; set; }
                [JsonPropertyName("exp"), ExpiresAt] public long Exp { get; set; }
                [ExpiresIn] public double? Remaining { get; set; }
            }

            public struct Envelope
            {
                public Grant @event { get; set; }
            }

            public struct Grant
            {
                [AccessToken] public string? @string { get; set; }
                [RefreshToken] public string? Refresh { get; set; }
                [ExpiresIn] public ulong Seconds { get; set; }
                [ExpiresAt] public decimal? Until { get; set; }
            }

            public struct Holder
            {
                [AccessToken] public string? Value { get; set; }
            }

            public sealed class Dated
            {
                public Holder? Holder { get; set; }
                [ExpiresAt] public DateTime When { get; set; }
            }

            [JsonSerializable(typeof(ImdsToken))]
            [JsonSerializable(typeof(IntrospectionToken))]
            [JsonSerializable(typeof(Envelope))]
            [JsonSerializable(typeof(Dated))]
            public sealed partial class LifetimeContext : JsonSerializerContext;

            [TokenApi(SerializerContext = typeof(LifetimeContext))]
            public partial interface ILifetimeTokens
            {
                [Get("/metadata/identity/oauth2/token")]
                Task<ImdsToken> ImdsAsync(CancellationToken cancellationToken = default);

                [Post("/introspect")]
                Task<IntrospectionToken> IntrospectAsync(CancellationToken cancellationToken = default);

                [Post("/envelope")]
                Task<Envelope> EnvelopeAsync(CancellationToken cancellationToken = default);

                [Post("/dated")]
                Task<Dated> DatedAsync(CancellationToken cancellationToken = default);
            }
            """;

        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Snapshot.Match(run.GeneratedSources["Contoso.Lifetimes.ILifetimeTokens.g.cs"], "TokenReadersForLifetimesAsServicesSendThem");
    }

    [Fact]
    public void ExplicitImplementationsRedactedModelsAndObsoleteTypes()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using System.Threading;
            using System.Threading.Tasks;
            using TokenGen;

            namespace Contoso.Kinds;

            public sealed partial class SessionAnswer
            {
                [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
                [JsonPropertyName("expires_in"), ExpiresIn] public int ExpiresIn { get; set; }
                public string? Scope { get; set; }
            }

            public partial record ClientLogin([property: JsonPropertyName("client_id")] string ClientId, [property: JsonPropertyName("client_secret")] string ClientSecret);

            public partial record struct DeviceGrant(string @event, [property: JsonPropertyName("device_code")] string? DeviceCode, [property: JsonPropertyName("refresh_token")] string? RefreshToken);

            public sealed partial class Envelope<TItem>
            {
                public List<TItem>? Items { get; set; }
                [JsonPropertyName("api_key")] public string? ApiKey { get; set; }
            }

            [Obsolete("Use SessionAnswer.")]
            public sealed class LegacyAnswer
            {
                [AccessToken] public string? Token { get; set; }
            }

            #pragma warning disable CS0618 // the legacy answer is still registered while callers move on
            [JsonSerializable(typeof(SessionAnswer))]
            [JsonSerializable(typeof(ClientLogin))]
            [JsonSerializable(typeof(DeviceGrant))]
            [JsonSerializable(typeof(Envelope<DeviceGrant>))]
            [JsonSerializable(typeof(LegacyAnswer))]
            public sealed partial class KindsContext : JsonSerializerContext;
            #pragma warning restore CS0618

            public interface ILookup
            {
                [Get("/lookup/{id}")]
                Task<string> FindAsync(string? id);
            }

            [TokenApi(BaseAddress = "https://kinds.example.com", SerializerContext = typeof(KindsContext))]
            public partial interface IKindTokens : ILookup
            {
                // The same signature as ILookup.FindAsync but for nullability: one of them is implemented explicitly.
                [Get("/find/{id}")]
                Task<string> FindAsync(string id);

                [Post("/login")]
                Task<SessionAnswer> LoginAsync([Body] ClientLogin login, CancellationToken cancellationToken = default);

                [Post("/device")]
                Task<Envelope<DeviceGrant>> PollAsync([Body] DeviceGrant grant, CancellationToken cancellationToken = default);

                [Obsolete("Use LoginAsync.")]
                [Post("/legacy")]
                Task<LegacyAnswer> LegacyLoginAsync(CancellationToken cancellationToken = default);
            }
            """;

        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Snapshot.Match(run.GeneratedSources["Contoso.Kinds.IKindTokens.g.cs"], "ExplicitImplementationsAndObsoleteTypes");
        Snapshot.Match(run.GeneratedSources["Redacted.Contoso.Kinds.SessionAnswer.g.cs"], "RedactedToStringOfAClass");
        Snapshot.Match(run.GeneratedSources["Redacted.Contoso.Kinds.ClientLogin.g.cs"], "RedactedToStringOfARecord");
        Snapshot.Match(run.GeneratedSources["Redacted.Contoso.Kinds.DeviceGrant.g.cs"], "RedactedToStringOfARecordStruct");
        Snapshot.Match(run.GeneratedSources["Redacted.Contoso.Kinds.Envelope{TItem}.g.cs"], "RedactedToStringOfAGenericClass");
    }
}
