using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.RunAi;

/// <summary>
/// The tokens API of the Run:ai control plane (API v2.18): application tokens, token grants by grant type, refresh,
/// and authorization-code exchange.
/// </summary>
/// <remarks>
/// <para>
/// Base address: <c>https://app.run.ai</c> (the spec's server). SaaS tenants use <c>https://&lt;tenant&gt;.run.ai</c> and
/// self-hosted control planes their own UI address: set <see cref="TokenApiClientOptions.BaseAddress"/> or
/// <c>HttpClient.BaseAddress</c>.
/// </para>
/// <para>
/// Authentication: none. The spec inherits a global bearer scheme, but the token-issuing calls are made without an
/// <c>Authorization</c> header in practice (INFERRED from Run:ai's docs and public scripts, which send none). The
/// issued <see cref="TokenResponse.AccessToken"/> is then sent as <c>Bearer &lt;accessToken&gt;</c> to the rest of the API.
/// </para>
/// <para>
/// <see cref="GrantTokenAsync"/> (<c>POST /api/v1/token</c>) is the current endpoint; the other three are deprecated
/// in its favour. Every operation answers 400, 500 and 503 with an <see cref="Error"/> body:
/// <c>ex.TryReadError(RunAiJsonContext.Default.Error, out var error)</c>.
/// </para>
/// </remarks>
[TokenApi(BaseAddress = "https://app.run.ai", SerializerContext = typeof(RunAiJsonContext))]
[Headers("Accept: application/json")]
public partial interface IRunAiTokens
{
    /// <summary>Get application token: retrieve an access token for an application from the authorization server.</summary>
    /// <remarks>
    /// Sent as <c>POST /v1/k8s/auth/oauth/apptoken</c> with a JSON <see cref="AppTokenRequest"/>.
    /// Deprecated: replaced by <see cref="GrantTokenAsync"/> (<c>POST /api/v1/token</c>) with grant type
    /// <see cref="RunAiGrantTypes.AppToken"/> or <see cref="RunAiGrantTypes.ClientCredentials"/>.
    /// </remarks>
    /// <param name="request">The application's id, name and secret.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application's access token and id token (snake_case on the wire).</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 400 (bad request), 500 (internal error) or 503 (unavailable), each with an <see cref="Error"/> body.
    /// </exception>
    [Post("/v1/k8s/auth/oauth/apptoken")]
    Task<AppTokenResponse> GetAppTokenAsync(
        [Body] AppTokenRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Exchange code for token: exchange an authorization code, retrieved from the authorization server, for an access token.</summary>
    /// <remarks>
    /// Sent as <c>GET /v1/k8s/auth/token/exchange?redirect_uri=…&amp;code=…</c>. Deprecated: replaced by
    /// <see cref="GrantTokenAsync"/> with grant type <see cref="RunAiGrantTypes.ExchangeToken"/>.
    /// </remarks>
    /// <param name="redirectUri">
    /// The redirect URI to redirect to after the authorization server completes the authorization flow (query <c>redirect_uri</c>).
    /// </param>
    /// <param name="code">The exchange code retrieved from the IdP server (query <c>code</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The access, id and refresh tokens.</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 400 (bad request), 500 (internal error) or 503 (unavailable), each with an <see cref="Error"/> body.
    /// </exception>
    [Get("/v1/k8s/auth/token/exchange")]
    Task<TokenResponse> ExchangeCodeForTokenAsync(
        [Query("redirect_uri")] string redirectUri,
        [Query("code")] string code,
        CancellationToken cancellationToken = default);

    /// <summary>Create an application token; select the flow with the request's grant type.</summary>
    /// <remarks>
    /// Sent as <c>POST /api/v1/token</c> with a JSON <see cref="TokenRequest"/> (camelCase). Each grant type needs its
    /// own fields; the factory methods of <see cref="TokenRequest"/> fill them in:
    /// <list type="table">
    /// <listheader><term>grant type</term><description>fields</description></listheader>
    /// <item><term><c>client_credentials</c></term><description><c>clientID</c>, <c>clientSecret</c></description></item>
    /// <item><term><c>refresh_token</c></term><description><c>refreshToken</c>, <c>clientID</c></description></item>
    /// <item><term><c>exchange_token</c></term><description><c>code</c>, <c>clientID</c>, <c>redirectUri</c></description></item>
    /// <item><term><c>external_token_exchange</c></term><description><c>externalToken</c></description></item>
    /// <item><term><c>app_token</c></term><description><c>appID</c>, <c>appSecret</c></description></item>
    /// <item><term><c>password</c></term><description><c>username</c>, <c>password</c> (INFERRED)</description></item>
    /// </list>
    /// </remarks>
    /// <param name="request">The grant: its type (see <see cref="RunAiGrantTypes"/>) and the fields that type needs.</param>
    /// <param name="userAgent">An optional <c>User-Agent</c> header (declared by the spec from 2.18 to 2.21); <see langword="null"/> sends none of its own.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The access, id and refresh tokens (camelCase on the wire), and the lifetime when the server sends it.</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 400 (bad request, for example a missing required field), 500 (internal error) or
    /// 503 (unavailable), each with an <see cref="Error"/> body.
    /// </exception>
    [Post("/api/v1/token")]
    Task<TokenResponse> GrantTokenAsync(
        [Body] TokenRequest request,
        [Header("User-Agent")] string? userAgent = null,
        CancellationToken cancellationToken = default);

    /// <summary>Refresh token: refresh a user's tokens with a refresh token retrieved from the authorization server.</summary>
    /// <remarks>
    /// Sent as <c>POST /v1/k8s/auth/oauth/tokens/refresh?refresh_token=…</c> with no body. Deprecated: replaced by
    /// <see cref="GrantTokenAsync"/> with grant type <see cref="RunAiGrantTypes.RefreshToken"/>.
    /// </remarks>
    /// <param name="refreshToken">The refresh token retrieved from the IdP server (query <c>refresh_token</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new access, id and refresh tokens.</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 400 (bad request), 500 (internal error) or 503 (unavailable), each with an <see cref="Error"/> body.
    /// </exception>
    [Post("/v1/k8s/auth/oauth/tokens/refresh")]
    Task<TokenResponse> RefreshTokenAsync(
        [Query("refresh_token")] string refreshToken,
        CancellationToken cancellationToken = default);
}
