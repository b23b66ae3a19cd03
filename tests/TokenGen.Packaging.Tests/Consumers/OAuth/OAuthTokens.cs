using System.Net;
using System.Text;
using System.Text.Json.Serialization;
using TokenGen;

namespace Contoso.Consumer;

// A token API the repository does not contain: an OAuth 2.0 token endpoint with the client-credentials grant
// (RFC 6749 §4.4): a form body, HTTP Basic client authentication, and a JSON answer (§5.1) or error (§5.2).

public sealed class OAuthToken
{
    [JsonPropertyName("access_token"), AccessToken]
    public string? AccessToken { get; set; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    [JsonPropertyName("expires_in"), ExpiresIn]
    public int? ExpiresIn { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }
}

public sealed class OAuthError
{
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }
}

[JsonSerializable(typeof(OAuthToken))]
[JsonSerializable(typeof(OAuthError))]
public sealed partial class OAuthJsonContext : JsonSerializerContext;

[TokenApi(BaseAddress = "https://login.contoso.example", SerializerContext = typeof(OAuthJsonContext))]
[Headers("Accept: application/json")]
public partial interface IOAuthTokens
{
    [Post("/oauth2/token")]
    Task<OAuthToken> RequestClientTokenAsync(
        [Header("Authorization")] string clientAuthorization,
        [Form("grant_type")] string grantType = "client_credentials",
        [Form("scope")] string? scope = null,
        CancellationToken cancellationToken = default);
}

public static class ClientSecretBasic
{
    // Each part form-urlencoded before the Base64 step (RFC 6749 §2.3.1).
    public static string Format(string clientId, string clientSecret) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(
            WebUtility.UrlEncode(clientId) + ":" + WebUtility.UrlEncode(clientSecret)));
}
