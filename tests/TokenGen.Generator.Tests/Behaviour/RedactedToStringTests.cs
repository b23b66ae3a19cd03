using System;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>Two interfaces sharing partial models that carry secrets: each model gets one redacting ToString.</summary>
[TokenApi(BaseAddress = "https://secrets.example.test", SerializerContext = typeof(RedactionJsonContext))]
public partial interface ISecretTokens
{
    [Post("/token")]
    Task<SecretTokenResponse> AcquireAsync([Body] ClientCredentials credentials, CancellationToken cancellationToken = default);
}

[TokenApi(BaseAddress = "https://secrets.example.test", SerializerContext = typeof(RedactionJsonContext))]
public partial interface ISecretTokensAgain
{
    [Post("/token")]
    Task<SecretTokenResponse> AcquireAgainAsync([Body] ClientCredentials credentials, CancellationToken cancellationToken = default);

    [Post("/session")]
    Task<SessionRecord> SessionAsync(CancellationToken cancellationToken = default);
}

public sealed partial class SecretTokenResponse
{
    [JsonPropertyName("access_token"), AccessToken] public string? Access { get; set; }
    [JsonPropertyName("refresh_token")] public string? Refresh { get; set; }
    [JsonPropertyName("token_type")] public string? TokenType { get; set; }
    [JsonPropertyName("expires_in")] public int ExpiresIn { get; set; }
    public SecretDetails? Details { get; set; }
}

public sealed partial class SecretDetails
{
    public string? Tenant { get; set; }
    [JsonPropertyName("id_token")] public string? Identity { get; set; }
}

public sealed partial class ClientCredentials
{
    [JsonPropertyName("client_id")] public string? ClientId { get; set; }
    [JsonPropertyName("client_secret")] public string? ClientSecret { get; set; }
    public string? Password { get; set; }
}

public sealed partial record SessionRecord([property: AccessToken] string? Token, string? User);

[JsonSerializable(typeof(SecretTokenResponse))]
[JsonSerializable(typeof(ClientCredentials))]
[JsonSerializable(typeof(SessionRecord))]
public sealed partial class RedactionJsonContext : JsonSerializerContext
{
}

public sealed class RedactedToStringTests
{
    [Fact]
    public void TokensAndSecretNamedMembers_PrintAsStars_OthersAsTheirValues()
    {
        var response = new SecretTokenResponse
        {
            Access = "ACCESS-VALUE",
            Refresh = "REFRESH-VALUE",
            TokenType = "Bearer",
            ExpiresIn = 3600,
            Details = new SecretDetails { Tenant = "contoso", Identity = "ID-VALUE" },
        };

        Assert.Equal(
            "SecretTokenResponse { Access = ***, Refresh = ***, TokenType = Bearer, ExpiresIn = 3600, Details = SecretDetails { Tenant = contoso, Identity = *** } }",
            response.ToString());
    }

    [Fact]
    public void RequestModelsWithSecrets_AreRedactedToo()
    {
        var credentials = new ClientCredentials { ClientId = "app-1", ClientSecret = "SECRET-VALUE", Password = "PASSWORD-VALUE" };

        Assert.Equal("ClientCredentials { ClientId = app-1, ClientSecret = ***, Password = *** }", credentials.ToString());
    }

    [Fact]
    public void PartialRecords_ReplaceTheirCompilerWrittenToString()
    {
        var record = new SessionRecord("TOKEN-VALUE", "ada");

        Assert.Equal("SessionRecord { Token = ***, User = ada }", record.ToString());
        Assert.DoesNotContain("TOKEN-VALUE", $"{record}", StringComparison.Ordinal);
    }

    [Fact]
    public void NullSecretsPrintAsStarsToo_SoTheirPresenceDoesNotShow()
    {
        Assert.Equal("ClientCredentials { ClientId = , ClientSecret = ***, Password = *** }", new ClientCredentials().ToString());
    }
}
