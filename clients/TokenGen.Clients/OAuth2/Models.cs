using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGen.Clients.OAuth2;

/// <summary>
/// A successful answer of the token endpoint: RFC 6749 §5.1, with the members RFC 8693 §2.2.1 (token exchange) and
/// OpenID Connect Core §3.1.3.3 (<c>id_token</c>) add. Members a server adds of its own are in
/// <see cref="AdditionalProperties"/>.
/// </summary>
public sealed partial class OAuth2TokenResponse
{
    /// <summary>The access token (<c>access_token</c>, REQUIRED).</summary>
    [JsonPropertyName("access_token")]
    [AccessToken]
    public string? AccessToken { get; set; }

    /// <summary>The token type (<c>token_type</c>, REQUIRED), usually <c>Bearer</c>; compared case-insensitively (RFC 6749 §7.1).</summary>
    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    /// <summary>
    /// The lifetime of the access token in seconds (<c>expires_in</c>, RECOMMENDED). Read from a JSON number or, as some
    /// servers send it, a string holding one (<c>"3599"</c>).
    /// </summary>
    [JsonPropertyName("expires_in")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    [ExpiresIn]
    public long? ExpiresIn { get; set; }

    /// <summary>The refresh token (<c>refresh_token</c>, OPTIONAL); a new one replaces the old when the server rotates them.</summary>
    [JsonPropertyName("refresh_token")]
    [RefreshToken]
    public string? RefreshToken { get; set; }

    /// <summary>The granted scope, space-delimited (<c>scope</c>); absent when it is the one requested (RFC 6749 §5.1).</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    /// <summary>An OpenID Connect identity token (<c>id_token</c>), when the <c>openid</c> scope was granted.</summary>
    [JsonPropertyName("id_token")]
    public string? IdToken { get; set; }

    /// <summary>The type of the issued token in a token exchange (<c>issued_token_type</c>, RFC 8693 §2.2.1), one of <see cref="OAuth2TokenTypes"/>.</summary>
    [JsonPropertyName("issued_token_type")]
    public string? IssuedTokenType { get; set; }

    /// <summary>Any other member of the answer.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// The error answer every OAuth 2.0 endpoint shares: RFC 6749 §5.2 (token endpoint), RFC 8628 §3.5 (device polling),
/// RFC 7009 §2.2.1 (revocation), RFC 7662 §2.3 (introspection). Read it from any failure with
/// <see cref="OAuth2Errors.TryReadOAuth2Error"/>.
/// </summary>
public sealed class OAuth2Error
{
    /// <summary>The error code (<c>error</c>, REQUIRED), for example <c>invalid_grant</c>; see <see cref="OAuth2ErrorCodes"/>.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    /// <summary>Human-readable text for the developer (<c>error_description</c>, OPTIONAL).</summary>
    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }

    /// <summary>A page about the error (<c>error_uri</c>, OPTIONAL).</summary>
    [JsonPropertyName("error_uri")]
    public string? ErrorUri { get; set; }

    /// <summary>Any other member of the answer.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc/>
    public override string ToString() =>
        ErrorDescription is null ? $"{Error}" : $"{Error}: {ErrorDescription}";
}

/// <summary>The answer of the device authorization endpoint (RFC 8628 §3.2).</summary>
public sealed partial class DeviceAuthorizationResponse
{
    /// <summary>The device verification code (<c>device_code</c>, REQUIRED), which the device polls the token endpoint with.</summary>
    [JsonPropertyName("device_code")]
    public string? DeviceCode { get; set; }

    /// <summary>The code the user enters at <see cref="VerificationUri"/> (<c>user_code</c>, REQUIRED).</summary>
    [JsonPropertyName("user_code")]
    public string? UserCode { get; set; }

    /// <summary>Where the user goes to enter the code (<c>verification_uri</c>, REQUIRED).</summary>
    [JsonPropertyName("verification_uri")]
    public string? VerificationUri { get; set; }

    /// <summary>The verification URI with the user code in it (<c>verification_uri_complete</c>, OPTIONAL), for a QR code.</summary>
    [JsonPropertyName("verification_uri_complete")]
    public string? VerificationUriComplete { get; set; }

    /// <summary>The lifetime of the codes in seconds (<c>expires_in</c>, REQUIRED).</summary>
    [JsonPropertyName("expires_in")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? ExpiresIn { get; set; }

    /// <summary>The least number of seconds between two polls (<c>interval</c>, OPTIONAL; 5 when absent).</summary>
    [JsonPropertyName("interval")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? Interval { get; set; }

    /// <summary>Any other member of the answer.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The answer of the introspection endpoint (RFC 7662 §2.2).</summary>
public sealed partial class TokenIntrospectionResponse
{
    /// <summary>Whether the token is currently active (<c>active</c>, REQUIRED); every other member may be absent when it is not.</summary>
    [JsonPropertyName("active")]
    public bool Active { get; set; }

    /// <summary>The token's scope, space-delimited (<c>scope</c>).</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    /// <summary>The client the token was issued to (<c>client_id</c>).</summary>
    [JsonPropertyName("client_id")]
    public string? ClientId { get; set; }

    /// <summary>The resource owner who authorized it (<c>username</c>).</summary>
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    /// <summary>The token's type (<c>token_type</c>).</summary>
    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    /// <summary>Its expiry, in Unix seconds (<c>exp</c>).</summary>
    [JsonPropertyName("exp")]
    public long? ExpiresAt { get; set; }

    /// <summary>When it was issued, in Unix seconds (<c>iat</c>).</summary>
    [JsonPropertyName("iat")]
    public long? IssuedAt { get; set; }

    /// <summary>When it becomes valid, in Unix seconds (<c>nbf</c>).</summary>
    [JsonPropertyName("nbf")]
    public long? NotBefore { get; set; }

    /// <summary>Its subject (<c>sub</c>).</summary>
    [JsonPropertyName("sub")]
    public string? Subject { get; set; }

    /// <summary>Its audience (<c>aud</c>): a string or an array of strings.</summary>
    [JsonPropertyName("aud")]
    public JsonElement? Audience { get; set; }

    /// <summary>Its issuer (<c>iss</c>).</summary>
    [JsonPropertyName("iss")]
    public string? Issuer { get; set; }

    /// <summary>Its identifier (<c>jti</c>).</summary>
    [JsonPropertyName("jti")]
    public string? TokenId { get; set; }

    /// <summary>Any other member of the answer.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The audiences in <see cref="Audience"/>, whether the server sent one string or an array.</summary>
    /// <returns>The audiences; empty when there is none.</returns>
    public IReadOnlyList<string> GetAudiences()
    {
        if (Audience is not { } audience)
        {
            return [];
        }

        if (audience.ValueKind == JsonValueKind.String)
        {
            return [audience.GetString()!];
        }

        var audiences = new List<string>();
        if (audience.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in audience.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    audiences.Add(item.GetString()!);
                }
            }
        }

        return audiences;
    }
}

/// <summary>
/// Authorization server metadata: RFC 8414 §2, which OpenID Connect Discovery 1.0 §3 extends (<c>userinfo_endpoint</c>).
/// Endpoint members are absolute URIs as the server wrote them; <see cref="OAuth2Endpoints.FromMetadata"/> checks them.
/// </summary>
public sealed class AuthorizationServerMetadata
{
    /// <summary>The issuer identifier (<c>issuer</c>, REQUIRED): it must equal the issuer the metadata was fetched for (RFC 8414 §3.3).</summary>
    [JsonPropertyName("issuer")]
    public string? Issuer { get; set; }

    /// <summary>The authorization endpoint (<c>authorization_endpoint</c>).</summary>
    [JsonPropertyName("authorization_endpoint")]
    public string? AuthorizationEndpoint { get; set; }

    /// <summary>The token endpoint (<c>token_endpoint</c>).</summary>
    [JsonPropertyName("token_endpoint")]
    public string? TokenEndpoint { get; set; }

    /// <summary>The device authorization endpoint (<c>device_authorization_endpoint</c>, RFC 8628 §4).</summary>
    [JsonPropertyName("device_authorization_endpoint")]
    public string? DeviceAuthorizationEndpoint { get; set; }

    /// <summary>The introspection endpoint (<c>introspection_endpoint</c>).</summary>
    [JsonPropertyName("introspection_endpoint")]
    public string? IntrospectionEndpoint { get; set; }

    /// <summary>The revocation endpoint (<c>revocation_endpoint</c>).</summary>
    [JsonPropertyName("revocation_endpoint")]
    public string? RevocationEndpoint { get; set; }

    /// <summary>The OpenID Connect user info endpoint (<c>userinfo_endpoint</c>).</summary>
    [JsonPropertyName("userinfo_endpoint")]
    public string? UserInfoEndpoint { get; set; }

    /// <summary>The key set that signs the server's tokens (<c>jwks_uri</c>).</summary>
    [JsonPropertyName("jwks_uri")]
    public string? JwksUri { get; set; }

    /// <summary>The scopes the server supports (<c>scopes_supported</c>).</summary>
    [JsonPropertyName("scopes_supported")]
    public List<string>? ScopesSupported { get; set; }

    /// <summary>The response types the server supports (<c>response_types_supported</c>).</summary>
    [JsonPropertyName("response_types_supported")]
    public List<string>? ResponseTypesSupported { get; set; }

    /// <summary>The grant types the server supports (<c>grant_types_supported</c>); absent means <c>authorization_code</c> and <c>implicit</c>.</summary>
    [JsonPropertyName("grant_types_supported")]
    public List<string>? GrantTypesSupported { get; set; }

    /// <summary>The client authentication methods of the token endpoint (<c>token_endpoint_auth_methods_supported</c>); absent means <c>client_secret_basic</c>.</summary>
    [JsonPropertyName("token_endpoint_auth_methods_supported")]
    public List<string>? TokenEndpointAuthMethodsSupported { get; set; }

    /// <summary>The PKCE methods the server supports (<c>code_challenge_methods_supported</c>).</summary>
    [JsonPropertyName("code_challenge_methods_supported")]
    public List<string>? CodeChallengeMethodsSupported { get; set; }

    /// <summary>Any other member of the document.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
