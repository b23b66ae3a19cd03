using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.Banyan;

/// <summary>
/// The refresh-token API of the Banyan Security Command Center console ("BNN"): exchange a refresh token for an
/// access token (v1), and generate a new refresh token from an access token (v2).
/// </summary>
/// <remarks>
/// <para>
/// Base address: <c>https://net.banyanops.com/api</c> (production). The <c>/api</c> prefix is INFERRED: the seed's
/// generated spec lists <c>/v1/…</c> and <c>/v2/…</c> on the bare console host, but Banyan's docs and both official
/// clients (pybanyan, terraform-provider-banyan) call <c>https://&lt;command-center&gt;/api/v1/refresh_token</c>, so the
/// spec's server most likely omits it. For another command center set <see cref="TokenApiClientOptions.BaseAddress"/>
/// or <c>HttpClient.BaseAddress</c> to <c>https://&lt;command-center&gt;/api</c>.
/// </para>
/// <para>
/// Authentication: <c>Authorization: Bearer &lt;refresh token&gt;</c> for v1 and <c>Bearer &lt;access token&gt;</c> for v2;
/// build the value with <see cref="BearerToken.Format(string)"/>. The access token is short-lived and is sent as
/// <c>Bearer &lt;access token&gt;</c> on the console's other APIs.
/// </para>
/// </remarks>
[TokenApi(BaseAddress = "https://net.banyanops.com/api", SerializerContext = typeof(BanyanJsonContext))]
[Headers("Accept: application/json")]
public partial interface IBanyanTokens
{
    /// <summary>Refresh token: get a new access token or API key secret which can be used to consume APIs.</summary>
    /// <remarks>
    /// Sent as <c>POST /v1/refresh_token</c> with no body. The answer is <c>{"Message": "&lt;JWT access token&gt;"}</c>,
    /// with a capital <c>M</c>. Called with an API key instead of a refresh token, it answers the same shape with the
    /// key's secret or an access token in <c>Message</c> (INFERRED from pybanyan, which sends API keys here).
    /// </remarks>
    /// <param name="authorization"><c>Bearer &lt;personal refresh token&gt;</c>, for example <c>BearerToken.Format(refreshToken)</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new access token in <see cref="RefreshTokenV1Response.Message"/>.</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 400 (bad request), 401 (unauthorized), 403 (forbidden) or 500 (internal error). The seed
    /// defines no error body; Banyan's clients expect <c>{"Message": "&lt;text&gt;"}</c> or <c>{"error": …, "error_code": …}</c>
    /// (INFERRED), which <see cref="RefreshTokenV1Error"/> reads.
    /// </exception>
    [Post("/v1/refresh_token")]
    Task<RefreshTokenV1Response> RefreshTokenAsync(
        [Header("Authorization")] string authorization,
        CancellationToken cancellationToken = default);

    /// <summary>Generate a refresh token which can be used to generate a new access token.</summary>
    /// <remarks>
    /// <para>Sent as <c>POST /v2/refresh_token</c> with no body. Preconditions:</para>
    /// <list type="bullet">
    /// <item><description>The access token should be generated via LOCAL or SAML login only.</description></item>
    /// <item><description>The user should have logged out and logged in at least once in the past 5 hours.</description></item>
    /// <item><description>For SAML admins, the org setting <c>refresh_token_for_saml_enabled</c> needs to be enabled.</description></item>
    /// </list>
    /// </remarks>
    /// <param name="authorization"><c>Bearer &lt;access token&gt;</c>, for example <c>BearerToken.Format(accessToken)</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The v2 envelope, with the new long-lived refresh token in <c>data.refresh_token</c>.</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 400 (bad request; no body defined), 401 (unauthorized) or 403 (forbidden), both with a
    /// <see cref="RefreshTokenV2Error"/> body (whose <c>data</c> is an integer), or 500 (internal error; no body defined).
    /// </exception>
    [Post("/v2/refresh_token")]
    Task<RefreshTokenV2Response> GenerateRefreshTokenAsync(
        [Header("Authorization")] string authorization,
        CancellationToken cancellationToken = default);
}
