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

    [Post("/token/code")]
    Task<CodeGrantAnswer> RedeemAsync([Body] AuthorizationCodeGrant grant, CancellationToken cancellationToken = default);

    [Post("/token/code-form")]
    Task<CodeGrantAnswer> RedeemFormAsync([Body(BodyEncoding.FormUrlEncoded)] AuthorizationCodeForm grant, CancellationToken cancellationToken = default);

    // Received here (the first interface), sent by ISecretTokensAgain: the stricter reading, where code is a secret,
    // must replace this one.
    [Get("/token/exchange")]
    Task<SharedCodeModel> GetExchangeAsync(CancellationToken cancellationToken = default);
}

[TokenApi(BaseAddress = "https://secrets.example.test", SerializerContext = typeof(RedactionJsonContext))]
public partial interface ISecretTokensAgain
{
    [Post("/token")]
    Task<SecretTokenResponse> AcquireAgainAsync([Body] ClientCredentials credentials, CancellationToken cancellationToken = default);

    [Post("/session")]
    Task<SessionRecord> SessionAsync(CancellationToken cancellationToken = default);

    [Post("/token/exchange")]
    Task<CodeGrantAnswer> ExchangeAsync([Body] SharedCodeModel exchange, CancellationToken cancellationToken = default);

    [Post("/token/widened")]
    Task<WidenedAnswer> WidenedAsync([Body(BodyEncoding.FormUrlEncoded)] WidenedCredentials credentials, CancellationToken cancellationToken = default);
}

/// <summary>Sent: "code" is an OAuth authorization code, a credential until redeemed.</summary>
public sealed partial class AuthorizationCodeGrant
{
    [JsonPropertyName("grant_type")] public string? GrantType { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("redirect_uri")] public string? RedirectUri { get; set; }
}

/// <summary>Sent as a form: the same secrets as a JSON body.</summary>
public sealed partial class AuthorizationCodeForm
{
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("client_secret")] public string? ClientSecret { get; set; }
    [JsonPropertyName("client_id")] public string? ClientId { get; set; }
}

/// <summary>Received: "code" is the answer's status code, which a log needs.</summary>
public sealed partial class CodeGrantAnswer
{
    [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
}

/// <summary>Both sent and received.</summary>
public sealed partial class SharedCodeModel
{
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("subject_token")] public string? SubjectToken { get; set; }
}

/// <summary>Sent: the names real token APIs use for secrets besides token, secret and password, and look-alikes that are not.</summary>
public sealed partial class WidenedCredentials
{
    [JsonPropertyName("pwd")] public string? Pwd { get; set; }
    [JsonPropertyName("passphrase")] public string? Passphrase { get; set; }
    [JsonPropertyName("client_assertion")] public string? ClientAssertion { get; set; }
    [JsonPropertyName("client_assertion_type")] public string? ClientAssertionType { get; set; }
    [JsonPropertyName("private_key")] public string? PrivateKey { get; set; }
    [JsonPropertyName("api_key")] public string? ApiKey { get; set; }
    [JsonPropertyName("secret_id")] public string? SecretId { get; set; }
    [JsonPropertyName("subject_token")] public string? SubjectToken { get; set; }
    [JsonPropertyName("actor_token")] public string? ActorToken { get; set; }
    [JsonPropertyName("session_key")] public string? SessionKey { get; set; }
    [JsonPropertyName("otp")] public string? Otp { get; set; }
    [JsonPropertyName("pin")] public string? Pin { get; set; }
    [JsonPropertyName("code_verifier")] public string? CodeVerifier { get; set; }
    [JsonPropertyName("key")] public string? Key { get; set; }
    [JsonPropertyName("signature")] public string? Signature { get; set; }
}

/// <summary>Received: an id token is a secret; a trace id and a code are what a log needs.</summary>
public sealed partial class WidenedAnswer
{
    [JsonPropertyName("id_token")] public string? IdToken { get; set; }
    [JsonPropertyName("trace_id")] public string? TraceId { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
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
[JsonSerializable(typeof(AuthorizationCodeGrant))]
[JsonSerializable(typeof(CodeGrantAnswer))]
[JsonSerializable(typeof(SharedCodeModel))]
[JsonSerializable(typeof(WidenedAnswer))]
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

    [Fact]
    public void ACodeThatIsSent_IsAnAuthorizationCodeAndRedacted_InJsonAndFormModels()
    {
        var grant = new AuthorizationCodeGrant { GrantType = "authorization_code", Code = "CODE-VALUE", RedirectUri = "https://app/cb" };
        var form = new AuthorizationCodeForm { Code = "CODE-VALUE", ClientSecret = "SECRET-VALUE", ClientId = "app-1" };

        Assert.Equal("AuthorizationCodeGrant { GrantType = authorization_code, Code = ***, RedirectUri = https://app/cb }", grant.ToString());
        Assert.Equal("AuthorizationCodeForm { Code = ***, ClientSecret = ***, ClientId = app-1 }", form.ToString());
    }

    [Fact]
    public void ACodeThatIsReceived_IsAnErrorOrStatusCodeAndPrinted()
    {
        var answer = new CodeGrantAnswer { AccessToken = "ACCESS-VALUE", Code = "invalid_grant" };

        Assert.Equal("CodeGrantAnswer { AccessToken = ***, Code = invalid_grant }", answer.ToString());
    }

    [Fact]
    public void AModelBothSentAndReceived_TakesTheStricterReading()
    {
        var exchange = new SharedCodeModel { Code = "CODE-VALUE", SubjectToken = "SUBJECT-VALUE" };

        Assert.Equal("SharedCodeModel { Code = ***, SubjectToken = *** }", exchange.ToString());
    }

    [Fact]
    public void TheWidenedSecretNames_PrintAsStars_TheirLookAlikesAsTheirValues()
    {
        var credentials = new WidenedCredentials
        {
            Pwd = "V1", Passphrase = "V2", ClientAssertion = "V3", ClientAssertionType = "urn:jwt-bearer", PrivateKey = "V4",
            ApiKey = "V5", SecretId = "V6", SubjectToken = "V7", ActorToken = "V8", SessionKey = "V9", Otp = "V10", Pin = "V11",
            CodeVerifier = "V12", Key = "k1", Signature = "sig1",
        };

        Assert.Equal(
            "WidenedCredentials { Pwd = ***, Passphrase = ***, ClientAssertion = ***, ClientAssertionType = urn:jwt-bearer, "
                + "PrivateKey = ***, ApiKey = ***, SecretId = ***, SubjectToken = ***, ActorToken = ***, SessionKey = ***, "
                + "Otp = ***, Pin = ***, CodeVerifier = ***, Key = k1, Signature = sig1 }",
            credentials.ToString());
        Assert.Equal(
            "WidenedAnswer { IdToken = ***, TraceId = 0f8fad5b-d9cb-469f-a165-70867728950e, Code = E42 }",
            new WidenedAnswer { IdToken = "V13", TraceId = "0f8fad5b-d9cb-469f-a165-70867728950e", Code = "E42" }.ToString());
    }
}
