using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.OAuth2;

/// <summary>
/// The device authorization endpoint (RFC 8628 §3.1). Build the client with the endpoint's URI as its base address;
/// <see cref="OAuth2Client.RequestDeviceAuthorizationAsync"/> does that for you.
/// </summary>
[TokenApi(SerializerContext = typeof(OAuth2JsonContext))]
[Headers("Accept: application/json")]
public partial interface IOAuth2DeviceAuthorizationEndpoint
{
    /// <summary>Device authorization request: a device code to poll with, and a user code to show (RFC 8628 §3.1).</summary>
    /// <param name="clientAuthorization"><c>Basic …</c> for <c>client_secret_basic</c>, or <see langword="null"/>.</param>
    /// <param name="clientId">The client id (REQUIRED for a client that does not authenticate), or <see langword="null"/>.</param>
    /// <param name="scope">The scope requested, space-delimited, or <see langword="null"/>.</param>
    /// <param name="audience">The audience requested, where the server takes one, or <see langword="null"/>.</param>
    /// <param name="resource">The resources the token is for (RFC 8707 §2), or <see langword="null"/>.</param>
    /// <param name="clientSecret">The client secret for <c>client_secret_post</c>, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The codes, the verification URI, their lifetime and the polling interval (RFC 8628 §3.2).</returns>
    /// <exception cref="TokenApiException">The server refused (RFC 8628 §3.2 refers to RFC 6749 §5.2).</exception>
    [Post]
    Task<DeviceAuthorizationResponse> RequestDeviceAuthorizationAsync(
        [Header("Authorization")] string? clientAuthorization,
        [Form("client_id")] string? clientId,
        [Form("scope")] string? scope,
        [Form("audience")] string? audience,
        [Form("resource")] IEnumerable<string>? resource,
        [Form("client_secret")] string? clientSecret,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// The token introspection endpoint (RFC 7662 §2). Build the client with the endpoint's URI as its base address;
/// <see cref="OAuth2Client.IntrospectTokenAsync"/> does that for you.
/// </summary>
[TokenApi(SerializerContext = typeof(OAuth2JsonContext))]
[Headers("Accept: application/json")]
public partial interface IOAuth2IntrospectionEndpoint
{
    /// <summary>Introspection request: whether a token is active, and what it carries (RFC 7662 §2.1).</summary>
    /// <param name="clientAuthorization"><c>Basic …</c> for <c>client_secret_basic</c>, or <see langword="null"/>.</param>
    /// <param name="token">The token to inspect.</param>
    /// <param name="tokenTypeHint">A hint (<see cref="OAuth2TokenTypeHints"/>), or <see langword="null"/>.</param>
    /// <param name="clientId">The client id for <c>client_secret_post</c>, or <see langword="null"/>.</param>
    /// <param name="clientSecret">The client secret for <c>client_secret_post</c>, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer (RFC 7662 §2.2): <c>active</c> is <see langword="false"/> for an expired, revoked or unknown token.</returns>
    /// <exception cref="TokenApiException">The caller was not authorized (401, RFC 7662 §2.3), or another RFC 6749 §5.2 error.</exception>
    [Post]
    Task<TokenIntrospectionResponse> IntrospectTokenAsync(
        [Header("Authorization")] string? clientAuthorization,
        [Form("token")] string token,
        [Form("token_type_hint")] string? tokenTypeHint,
        [Form("client_id")] string? clientId,
        [Form("client_secret")] string? clientSecret,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// The token revocation endpoint (RFC 7009 §2). Build the client with the endpoint's URI as its base address;
/// <see cref="OAuth2Client.RevokeTokenAsync"/> does that for you.
/// </summary>
[TokenApi(SerializerContext = typeof(OAuth2JsonContext))]
[Headers("Accept: application/json")]
public partial interface IOAuth2RevocationEndpoint
{
    /// <summary>Revocation request: the token, and with a refresh token usually its access tokens, stop working (RFC 7009 §2.1).</summary>
    /// <remarks>The server answers 200 also for a token that was invalid or already revoked (RFC 7009 §2.2).</remarks>
    /// <param name="clientAuthorization"><c>Basic …</c> for <c>client_secret_basic</c>, or <see langword="null"/>.</param>
    /// <param name="token">The token to revoke.</param>
    /// <param name="tokenTypeHint">A hint (<see cref="OAuth2TokenTypeHints"/>), or <see langword="null"/>.</param>
    /// <param name="clientId">The client id for <c>client_secret_post</c> or a public client, or <see langword="null"/>.</param>
    /// <param name="clientSecret">The client secret for <c>client_secret_post</c>, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server confirmed.</returns>
    /// <exception cref="TokenApiException">
    /// The server refused (RFC 7009 §2.2.1): <c>unsupported_token_type</c>, or an RFC 6749 §5.2 error such as <c>invalid_client</c>.
    /// </exception>
    [Post]
    Task RevokeTokenAsync(
        [Header("Authorization")] string? clientAuthorization,
        [Form("token")] string token,
        [Form("token_type_hint")] string? tokenTypeHint,
        [Form("client_id")] string? clientId,
        [Form("client_secret")] string? clientSecret,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// An authorization server's metadata document: RFC 8414 §3 (<c>/.well-known/oauth-authorization-server</c>) or
/// OpenID Connect Discovery 1.0 §4 (<c>/.well-known/openid-configuration</c>). Build the client with the document's URI
/// as its base address (see <see cref="OAuth2Discovery.GetMetadataUris"/>); <see cref="OAuth2Discovery.DiscoverAsync"/>
/// finds and checks it from an issuer.
/// </summary>
[TokenApi(SerializerContext = typeof(OAuth2JsonContext))]
[Headers("Accept: application/json")]
public partial interface IOAuth2MetadataDocument
{
    /// <summary>Reads the metadata (RFC 8414 §3.1, §3.2; OpenID Connect Discovery 1.0 §4.1, §4.2).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The metadata, not yet checked against the issuer (RFC 8414 §3.3).</returns>
    /// <exception cref="TokenApiException">The server answered an error, for example 404 when it publishes no such document.</exception>
    [Get]
    Task<AuthorizationServerMetadata> GetMetadataAsync(CancellationToken cancellationToken = default);
}
