using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.OAuth2;

/// <summary>
/// The token endpoint of an OAuth 2.0 authorization server (RFC 6749 §3.2), one operation per grant. Every operation is
/// a <c>POST</c> of an <c>application/x-www-form-urlencoded</c> body to the endpoint itself: build the client with the
/// endpoint's URI as its base address, for example from the server's metadata. Each operation sends its grant's
/// <c>grant_type</c> as a constant <c>[FormField]</c>. <see cref="OAuth2Client"/> builds the clients, fills the client
/// authentication, and is the easier way in.
/// </summary>
/// <remarks>
/// <para>
/// Client authentication (RFC 6749 §2.3.1): pass either <c>clientAuthorization</c> (<c>client_secret_basic</c>, see
/// <see cref="ClientSecretBasic.Format"/>) or <c>clientId</c> and <c>clientSecret</c> (<c>client_secret_post</c>); a
/// public client passes <c>clientId</c> alone. A <see langword="null"/> argument leaves its field or header out.
/// </para>
/// <para>
/// Fields are sent in the order the RFCs' examples show them: <c>grant_type</c>, the grant's own fields, <c>scope</c>,
/// <c>audience</c>, <c>resource</c> (once per value, RFC 8707 §2), then <c>client_id</c> and <c>client_secret</c>.
/// </para>
/// <para>
/// Errors: 400 or 401 with an <see cref="OAuth2Error"/> body (RFC 6749 §5.2), read with
/// <see cref="OAuth2Errors.TryReadOAuth2Error"/>.
/// </para>
/// </remarks>
[TokenApi(SerializerContext = typeof(OAuth2JsonContext))]
[Headers("Accept: application/json")]
public partial interface IOAuth2TokenEndpoint
{
    /// <summary>Client credentials grant: a token for the client itself (RFC 6749 §4.4.2).</summary>
    /// <param name="clientAuthorization"><c>Basic …</c> for <c>client_secret_basic</c>, or <see langword="null"/>.</param>
    /// <param name="scope">The scope requested, space-delimited (RFC 6749 §3.3), or <see langword="null"/>.</param>
    /// <param name="audience">The audience requested, where the server takes one, or <see langword="null"/>.</param>
    /// <param name="resource">The resources the token is for, absolute URIs (RFC 8707 §2), or <see langword="null"/>.</param>
    /// <param name="clientId">The client id for <c>client_secret_post</c> or a public client, or <see langword="null"/>.</param>
    /// <param name="clientSecret">The client secret for <c>client_secret_post</c>, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token (RFC 6749 §4.4.3: no refresh token should be issued).</returns>
    /// <exception cref="TokenApiException">The server refused (RFC 6749 §5.2), for example <c>invalid_client</c>.</exception>
    [Post, FormField("grant_type", OAuth2GrantTypes.ClientCredentials)]
    Task<OAuth2TokenResponse> RequestClientCredentialsTokenAsync(
        [Header("Authorization")] string? clientAuthorization,
        [Form("scope")] string? scope,
        [Form("audience")] string? audience,
        [Form("resource")] IEnumerable<string>? resource,
        [Form("client_id")] string? clientId,
        [Form("client_secret")] string? clientSecret,
        CancellationToken cancellationToken = default);

    /// <summary>Resource owner password credentials grant (RFC 6749 §4.3.2).</summary>
    /// <param name="clientAuthorization"><c>Basic …</c> for <c>client_secret_basic</c>, or <see langword="null"/>.</param>
    /// <param name="username">The resource owner's user name.</param>
    /// <param name="password">The resource owner's password.</param>
    /// <param name="scope">The scope requested, space-delimited, or <see langword="null"/>.</param>
    /// <param name="audience">The audience requested, or <see langword="null"/>.</param>
    /// <param name="resource">The resources the token is for (RFC 8707 §2), or <see langword="null"/>.</param>
    /// <param name="clientId">The client id for <c>client_secret_post</c> or a public client, or <see langword="null"/>.</param>
    /// <param name="clientSecret">The client secret for <c>client_secret_post</c>, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, often with a refresh token (RFC 6749 §4.3.3).</returns>
    /// <exception cref="TokenApiException">The server refused (RFC 6749 §5.2), for example <c>invalid_grant</c> for wrong credentials.</exception>
    [Post, FormField("grant_type", OAuth2GrantTypes.Password)]
    Task<OAuth2TokenResponse> RequestPasswordTokenAsync(
        [Header("Authorization")] string? clientAuthorization,
        [Form("username")] string username,
        [Form("password")] string password,
        [Form("scope")] string? scope,
        [Form("audience")] string? audience,
        [Form("resource")] IEnumerable<string>? resource,
        [Form("client_id")] string? clientId,
        [Form("client_secret")] string? clientSecret,
        CancellationToken cancellationToken = default);

    /// <summary>Authorization code grant: exchange the code the authorization endpoint returned (RFC 6749 §4.1.3), with its PKCE verifier (RFC 7636 §4.5).</summary>
    /// <remarks>Never resent after a transient failure (<c>[NoRetry]</c>): a code is good for one use.</remarks>
    /// <param name="clientAuthorization"><c>Basic …</c> for <c>client_secret_basic</c>, or <see langword="null"/>.</param>
    /// <param name="code">The authorization code.</param>
    /// <param name="redirectUri">The <c>redirect_uri</c> of the authorization request, when it had one (REQUIRED then).</param>
    /// <param name="codeVerifier">The PKCE code verifier (<see cref="PkceCodes.Verifier"/>), or <see langword="null"/>.</param>
    /// <param name="resource">The resources the token is for (RFC 8707 §2), or <see langword="null"/>.</param>
    /// <param name="clientId">The client id (REQUIRED for a client that does not authenticate), or <see langword="null"/>.</param>
    /// <param name="clientSecret">The client secret for <c>client_secret_post</c>, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, often with a refresh token and, for OpenID Connect, an identity token (RFC 6749 §4.1.4).</returns>
    /// <exception cref="TokenApiException">The server refused (RFC 6749 §5.2), for example <c>invalid_grant</c> for a used code or a wrong verifier.</exception>
    [Post, NoRetry, FormField("grant_type", OAuth2GrantTypes.AuthorizationCode)]
    Task<OAuth2TokenResponse> RedeemAuthorizationCodeAsync(
        [Header("Authorization")] string? clientAuthorization,
        [Form("code")] string code,
        [Form("redirect_uri")] string? redirectUri,
        [Form("code_verifier")] string? codeVerifier,
        [Form("resource")] IEnumerable<string>? resource,
        [Form("client_id")] string? clientId,
        [Form("client_secret")] string? clientSecret,
        CancellationToken cancellationToken = default);

    /// <summary>Refresh token grant: a new access token from a refresh token (RFC 6749 §6).</summary>
    /// <remarks>
    /// Never resent after a transient failure (<c>[NoRetry]</c>): a server that rotates refresh tokens may already have
    /// spent this one, and a resend would be refused as a reuse.
    /// </remarks>
    /// <param name="clientAuthorization"><c>Basic …</c> for <c>client_secret_basic</c>, or <see langword="null"/>.</param>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="scope">A scope no wider than the original, space-delimited, or <see langword="null"/> for the same.</param>
    /// <param name="audience">The audience requested, or <see langword="null"/>.</param>
    /// <param name="resource">The resources the token is for (RFC 8707 §2), or <see langword="null"/>.</param>
    /// <param name="clientId">The client id for <c>client_secret_post</c> or a public client, or <see langword="null"/>.</param>
    /// <param name="clientSecret">The client secret for <c>client_secret_post</c>, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token; a new <see cref="OAuth2TokenResponse.RefreshToken"/> when the server rotates them (RFC 6749 §6, §10.4).</returns>
    /// <exception cref="TokenApiException">The server refused (RFC 6749 §5.2): <c>invalid_grant</c> for an expired, revoked or reused refresh token.</exception>
    [Post, NoRetry, FormField("grant_type", OAuth2GrantTypes.RefreshToken)]
    Task<OAuth2TokenResponse> RefreshTokenAsync(
        [Header("Authorization")] string? clientAuthorization,
        [Form("refresh_token")] string refreshToken,
        [Form("scope")] string? scope,
        [Form("audience")] string? audience,
        [Form("resource")] IEnumerable<string>? resource,
        [Form("client_id")] string? clientId,
        [Form("client_secret")] string? clientSecret,
        CancellationToken cancellationToken = default);

    /// <summary>Device access token request: one poll of the device flow (RFC 8628 §3.4).</summary>
    /// <remarks>
    /// Until the user approves, the server answers 400 with <c>authorization_pending</c> or <c>slow_down</c>
    /// (RFC 8628 §3.5); <see cref="OAuth2Client.WaitForDeviceTokenAsync"/> polls at the right pace.
    /// </remarks>
    /// <param name="clientAuthorization"><c>Basic …</c> for <c>client_secret_basic</c>, or <see langword="null"/>.</param>
    /// <param name="deviceCode">The <see cref="DeviceAuthorizationResponse.DeviceCode"/>.</param>
    /// <param name="clientId">The client id (REQUIRED for a client that does not authenticate), or <see langword="null"/>.</param>
    /// <param name="clientSecret">The client secret for <c>client_secret_post</c>, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, once the user approved.</returns>
    /// <exception cref="TokenApiException">
    /// 400 with <c>authorization_pending</c>, <c>slow_down</c>, <c>access_denied</c> or <c>expired_token</c> (RFC 8628 §3.5),
    /// or another RFC 6749 §5.2 error.
    /// </exception>
    [Post, FormField("grant_type", OAuth2GrantTypes.DeviceCode)]
    Task<OAuth2TokenResponse> RequestDeviceTokenAsync(
        [Header("Authorization")] string? clientAuthorization,
        [Form("device_code")] string deviceCode,
        [Form("client_id")] string? clientId,
        [Form("client_secret")] string? clientSecret,
        CancellationToken cancellationToken = default);

    /// <summary>Token exchange: a token for another audience or resource, from a subject token (RFC 8693 §2.1).</summary>
    /// <param name="clientAuthorization"><c>Basic …</c> for <c>client_secret_basic</c>, or <see langword="null"/>.</param>
    /// <param name="resource">The resources the new token is for, absolute URIs, or <see langword="null"/>.</param>
    /// <param name="audience">The logical names of the targets, or <see langword="null"/>.</param>
    /// <param name="scope">The scope requested, space-delimited, or <see langword="null"/>.</param>
    /// <param name="requestedTokenType">The type of token wanted (<see cref="OAuth2TokenTypes"/>), or <see langword="null"/>.</param>
    /// <param name="subjectToken">The token that represents the party on whose behalf the request is made.</param>
    /// <param name="subjectTokenType">Its type (<see cref="OAuth2TokenTypes"/>).</param>
    /// <param name="actorToken">A token that represents the acting party (delegation), or <see langword="null"/>.</param>
    /// <param name="actorTokenType">Its type; REQUIRED with <paramref name="actorToken"/>.</param>
    /// <param name="clientId">The client id for <c>client_secret_post</c> or a public client, or <see langword="null"/>.</param>
    /// <param name="clientSecret">The client secret for <c>client_secret_post</c>, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The issued token and its <see cref="OAuth2TokenResponse.IssuedTokenType"/> (RFC 8693 §2.2.1).</returns>
    /// <exception cref="TokenApiException">The server refused (RFC 8693 §2.2.2): RFC 6749 §5.2 errors, and <c>invalid_target</c>.</exception>
    [Post, FormField("grant_type", OAuth2GrantTypes.TokenExchange)]
    Task<OAuth2TokenResponse> ExchangeTokenAsync(
        [Header("Authorization")] string? clientAuthorization,
        [Form("resource")] IEnumerable<string>? resource,
        [Form("audience")] IEnumerable<string>? audience,
        [Form("scope")] string? scope,
        [Form("requested_token_type")] string? requestedTokenType,
        [Form("subject_token")] string subjectToken,
        [Form("subject_token_type")] string subjectTokenType,
        [Form("actor_token")] string? actorToken,
        [Form("actor_token_type")] string? actorTokenType,
        [Form("client_id")] string? clientId,
        [Form("client_secret")] string? clientSecret,
        CancellationToken cancellationToken = default);
}
