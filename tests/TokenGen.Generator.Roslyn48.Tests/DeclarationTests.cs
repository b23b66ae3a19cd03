using System.Linq;

namespace TokenGen.Generator.Roslyn48.Tests;

/// <summary>
/// Small declarations through the generator under Roslyn 4.8 at C# 12, one per emitter path the seed clients exercise
/// least: a JSON body read and written through a serializer context, form-encoded bodies with no context, and token
/// roles (access token, refresh token, lifetimes) read from several shapes. The JSON models are partial, so the
/// redacted <c>ToString()</c> emitter runs as well. Each must generate its client without
/// exception or error, parse, and compile with no error but those the missing System.Text.Json generator explains.
/// </summary>
public sealed class DeclarationTests
{
    [Fact]
    public void JsonBodyThroughASerializerContext()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using System.Threading;
            using System.Threading.Tasks;
            using TokenGen;

            namespace Contoso.Json;

            public sealed partial class TokenRequest
            {
                [JsonPropertyName("client_id")] public string? ClientId { get; set; }
                [JsonPropertyName("client_secret")] public string? ClientSecret { get; set; }
            }

            public sealed partial class TokenResponse
            {
                [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
                [JsonPropertyName("expires_in"), ExpiresIn] public int ExpiresIn { get; set; }
            }

            [JsonSerializable(typeof(TokenRequest))]
            [JsonSerializable(typeof(TokenResponse))]
            public sealed partial class ContosoJsonContext : JsonSerializerContext;

            [TokenApi(BaseAddress = "https://api.example.com/", SerializerContext = typeof(ContosoJsonContext))]
            public partial interface IContosoTokens
            {
                [Post("/v1/tenants/{tenant}/token")]
                Task<TokenResponse> AcquireAsync(
                    string tenant,
                    [Body] TokenRequest request,
                    [Query("scope")] IEnumerable<string>? scopes = null,
                    CancellationToken cancellationToken = default);

                [Get("/v1/token")]
                Task<ApiResponse<TokenResponse>> ReadAsync([Header("Authorization")] string authorization, CancellationToken cancellationToken = default);
            }
            """;

        var run = Roslyn48Harness.Run(Roslyn48Harness.CreateCompilation(new[] { ("Json.cs", source) }));

        run.AssertRanCleanly();
        Assert.Equal(new[] { "Contoso.Json.IContosoTokens.g.cs", "Redacted.Contoso.Json.TokenRequest.g.cs", "Redacted.Contoso.Json.TokenResponse.g.cs" }, run.HintNames);
        Assert.Empty(Roslyn48Harness.ErrorsBesidesMissingJsonMetadata(run.Output).Select(d => d.ToString()));
    }

    [Fact]
    public void FormBodiesWithoutASerializerContext()
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

            [TokenApi]
            internal partial interface ILegacyTokens
            {
                [Post("token")]
                Task<JsonObject> AcquireAsync([Body(BodyEncoding.FormUrlEncoded)] ClientCredentialsForm form, CancellationToken cancellationToken = default);

                [Post("/oauth/token")]
                Task<string> ExchangeAsync([Form("grant_type")] string grantType, [Form("code")] string? code, CancellationToken cancellationToken = default);

                [Patch("/raw")]
                Task<HttpResponseMessage> SendRawAsync([Body] HttpContent content, [Header("X-Attempt")] int? attempt = null);
            }
            """;

        var run = Roslyn48Harness.Run(Roslyn48Harness.CreateCompilation(new[] { ("Form.cs", source) }));

        run.AssertRanCleanly();
        Assert.Equal(new[] { "ILegacyTokens.g.cs" }, run.HintNames);
        // No serializer context here, so nothing is set aside: the whole compilation has no error at all.
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()));
    }

    [Fact]
    public void TokenRolesInSeveralShapes()
    {
        const string source = """
            using System;
            using System.Text.Json.Serialization;
            using System.Threading;
            using System.Threading.Tasks;
            using TokenGen;

            namespace Contoso.Roles;

            public sealed class ImdsToken
            {
                [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
                [JsonPropertyName("expires_in"), ExpiresIn] public string? ExpiresIn { get; set; }
                [JsonPropertyName("expires_on"), ExpiresAt] public string? ExpiresOn { get; set; }
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

            public sealed class Dated
            {
                [AccessToken] public string? Token { get; set; }
                [ExpiresAt] public DateTime When { get; set; }
            }

            [JsonSerializable(typeof(ImdsToken))]
            [JsonSerializable(typeof(Envelope))]
            [JsonSerializable(typeof(Dated))]
            public sealed partial class RolesContext : JsonSerializerContext;

            [TokenApi(SerializerContext = typeof(RolesContext))]
            public partial interface IRoleTokens
            {
                [Get("/metadata/identity/oauth2/token")]
                Task<ImdsToken> ImdsAsync(CancellationToken cancellationToken = default);

                [Post("/envelope")]
                Task<Envelope> EnvelopeAsync(CancellationToken cancellationToken = default);

                [Post("/dated")]
                Task<Dated> DatedAsync(CancellationToken cancellationToken = default);
            }
            """;

        var run = Roslyn48Harness.Run(Roslyn48Harness.CreateCompilation(new[] { ("Roles.cs", source) }));

        run.AssertRanCleanly();
        Assert.Contains("Contoso.Roles.IRoleTokens.g.cs", run.HintNames);
        Assert.Empty(Roslyn48Harness.ErrorsBesidesMissingJsonMetadata(run.Output).Select(d => d.ToString()));
    }
}
