using System.Text.Json.Serialization;

namespace TokenGen.Clients.RunAi;

/// <summary>
/// The wire values of <see cref="TokenRequest.GrantType"/>. A string rather than an enum, so the JSON serializer
/// writes exactly these values without reflection (System.Text.Json 8 cannot rename enum members).
/// </summary>
public static class RunAiGrantTypes
{
    /// <summary><c>app_token</c>: an application's id and secret (<c>appID</c>, <c>appSecret</c>); deprecated from 2.20.</summary>
    public const string AppToken = "app_token";

    /// <summary><c>refresh_token</c>: a refresh token (<c>refreshToken</c>, <c>clientID</c>).</summary>
    public const string RefreshToken = "refresh_token";

    /// <summary><c>exchange_token</c>: an authorization code (<c>code</c>, <c>clientID</c>, <c>redirectUri</c>).</summary>
    public const string ExchangeToken = "exchange_token";

    /// <summary><c>password</c>: a user's credentials (<c>username</c>, <c>password</c>; INFERRED).</summary>
    public const string Password = "password";

    /// <summary><c>client_credentials</c>: a client's id and secret (<c>clientID</c>, <c>clientSecret</c>); from 2.20.</summary>
    public const string ClientCredentials = "client_credentials";

    /// <summary><c>external_token_exchange</c>: a token from an external IdP (<c>externalToken</c>); from client 1.222.0.</summary>
    public const string ExternalTokenExchange = "external_token_exchange";
}

/// <summary>
/// The body of <see cref="IRunAiTokens.GrantTokenAsync"/> (camelCase on the wire). Every member is optional in the
/// schema; which ones a grant needs depends on <see cref="GrantType"/>. The static factories build the usual grants.
/// Absent members are omitted from the JSON.
/// </summary>
public sealed partial class TokenRequest
{
    /// <summary>The grant type, one of <see cref="RunAiGrantTypes"/> (<c>grantType</c>).</summary>
    [JsonPropertyName("grantType")]
    public string? GrantType { get; set; }

    /// <summary>Application id, for <c>app_token</c> (<c>appID</c>); deprecated from 2.20.</summary>
    [JsonPropertyName("appID")]
    public string? AppId { get; set; }

    /// <summary>Application secret, for <c>app_token</c> (<c>appSecret</c>); deprecated from 2.20.</summary>
    [JsonPropertyName("appSecret")]
    public string? AppSecret { get; set; }

    /// <summary>Authorization code, for <c>exchange_token</c> (<c>code</c>).</summary>
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    /// <summary>Redirect URI, for <c>exchange_token</c> (<c>redirectUri</c>).</summary>
    [JsonPropertyName("redirectUri")]
    public string? RedirectUri { get; set; }

    /// <summary>Refresh token, for <c>refresh_token</c> (<c>refreshToken</c>).</summary>
    [JsonPropertyName("refreshToken")]
    public string? RefreshToken { get; set; }

    /// <summary>User name, for <c>password</c> (<c>username</c>).</summary>
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    /// <summary>Password, for <c>password</c> (<c>password</c>).</summary>
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>Client id, for <c>client_credentials</c>, <c>refresh_token</c> and <c>exchange_token</c> (<c>clientID</c>).</summary>
    [JsonPropertyName("clientID")]
    public string? ClientId { get; set; }

    /// <summary>Client secret, for <c>client_credentials</c> (<c>clientSecret</c>).</summary>
    [JsonPropertyName("clientSecret")]
    public string? ClientSecret { get; set; }

    /// <summary>Token from an external IdP, for <c>external_token_exchange</c> (<c>externalToken</c>).</summary>
    [JsonPropertyName("externalToken")]
    public string? ExternalToken { get; set; }

    /// <summary>A <c>client_credentials</c> grant.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <returns>The request.</returns>
    public static TokenRequest ForClientCredentials(string clientId, string clientSecret) =>
        new() { GrantType = RunAiGrantTypes.ClientCredentials, ClientId = clientId, ClientSecret = clientSecret };

    /// <summary>A <c>refresh_token</c> grant.</summary>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="clientId">The client id the token was issued to.</param>
    /// <returns>The request.</returns>
    public static TokenRequest ForRefreshToken(string refreshToken, string? clientId) =>
        new() { GrantType = RunAiGrantTypes.RefreshToken, RefreshToken = refreshToken, ClientId = clientId };

    /// <summary>An <c>exchange_token</c> grant (authorization code).</summary>
    /// <param name="code">The authorization code.</param>
    /// <param name="clientId">The client id.</param>
    /// <param name="redirectUri">The redirect URI used in the authorization request.</param>
    /// <returns>The request.</returns>
    public static TokenRequest ForExchangeToken(string code, string? clientId, string redirectUri) =>
        new() { GrantType = RunAiGrantTypes.ExchangeToken, Code = code, ClientId = clientId, RedirectUri = redirectUri };

    /// <summary>An <c>app_token</c> grant (deprecated from 2.20 in favour of <c>client_credentials</c>).</summary>
    /// <param name="appId">The application id.</param>
    /// <param name="appSecret">The application secret.</param>
    /// <returns>The request.</returns>
    public static TokenRequest ForAppToken(string appId, string appSecret) =>
        new() { GrantType = RunAiGrantTypes.AppToken, AppId = appId, AppSecret = appSecret };

    /// <summary>A <c>password</c> grant (its fields are INFERRED).</summary>
    /// <param name="username">The user name.</param>
    /// <param name="password">The password.</param>
    /// <returns>The request.</returns>
    public static TokenRequest ForPassword(string username, string password) =>
        new() { GrantType = RunAiGrantTypes.Password, Username = username, Password = password };

    /// <summary>An <c>external_token_exchange</c> grant.</summary>
    /// <param name="externalToken">The token from the external IdP.</param>
    /// <returns>The request.</returns>
    public static TokenRequest ForExternalTokenExchange(string externalToken) =>
        new() { GrantType = RunAiGrantTypes.ExternalTokenExchange, ExternalToken = externalToken };
}

/// <summary>The answer of grant, refresh and exchange (camelCase on the wire). Every member is optional.</summary>
public sealed partial class TokenResponse
{
    /// <summary>Bearer token for API calls (<c>accessToken</c>).</summary>
    [JsonPropertyName("accessToken")]
    [AccessToken]
    public string? AccessToken { get; set; }

    /// <summary>OIDC id token (<c>idToken</c>).</summary>
    [JsonPropertyName("idToken")]
    public string? IdToken { get; set; }

    /// <summary>Refresh token (<c>refreshToken</c>).</summary>
    [JsonPropertyName("refreshToken")]
    [RefreshToken]
    public string? RefreshToken { get; set; }

    /// <summary>Not documented (<c>externalToken</c>); sent by 2.18 up to client 1.222.0.</summary>
    [JsonPropertyName("externalToken")]
    public string? ExternalToken { get; set; }

    /// <summary>Token lifetime in seconds (<c>expiresIn</c>); only sent by the newest servers (client 1.224.0).</summary>
    [JsonPropertyName("expiresIn")]
    [ExpiresIn]
    public long? ExpiresIn { get; set; }
}

/// <summary>The body of the deprecated application-token request (<c>id</c>, <c>name</c>, <c>secret</c>; all required).</summary>
public sealed partial class AppTokenRequest
{
    /// <summary>Application (client) id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Application (client) name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Client secret (<c>secret</c>).</summary>
    [JsonPropertyName("secret")]
    public string? Secret { get; set; }
}

/// <summary>The answer of the deprecated application-token request (snake_case on the wire).</summary>
public sealed partial class AppTokenResponse
{
    /// <summary>Bearer token (<c>access_token</c>).</summary>
    [JsonPropertyName("access_token")]
    [AccessToken]
    public string? AccessToken { get; set; }

    /// <summary>OIDC id token (<c>id_token</c>).</summary>
    [JsonPropertyName("id_token")]
    public string? IdToken { get; set; }
}

/// <summary>The body of every Run:ai 400, 500 and 503 answer, for example <c>{"code":400,"message":"Required parameter is missing"}</c>.</summary>
public sealed partial class Error
{
    /// <summary>The HTTP status code, 100–599 (<c>code</c>).</summary>
    [JsonPropertyName("code")]
    public int Code { get; set; }

    /// <summary>A description of the error (<c>message</c>).</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>More detail, when the server gives it (<c>details</c>).</summary>
    [JsonPropertyName("details")]
    public string? Details { get; set; }
}
