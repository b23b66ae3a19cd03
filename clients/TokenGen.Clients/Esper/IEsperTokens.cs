using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.Esper;

/// <summary>The token API of Esper: information about the API token in use, and renewal of a token.</summary>
/// <remarks>
/// <para>
/// Base address: none fixed, because every Esper tenant has its own host. The caller sets
/// <c>HttpClient.BaseAddress</c> or <see cref="TokenApiClientOptions.BaseAddress"/> to
/// <c>https://&lt;tenant&gt;-api.esper.cloud/api</c> (the <c>/api</c> prefix is kept in front of every route);
/// without one the client throws <see cref="System.InvalidOperationException"/> on the first call.
/// </para>
/// <para>
/// Authentication: an API key in <c>Authorization: Bearer &lt;API key&gt;</c>; build the value with
/// <see cref="BearerToken.Format(string)"/>.
/// </para>
/// <para>
/// Deprecated: Esper's API reference lists both operations under "Token (Deprecated)". They still work; they are
/// declared here because the seed documents them.
/// </para>
/// </remarks>
[TokenApi(SerializerContext = typeof(EsperJsonContext))]
[Headers("Accept: application/json")]
public partial interface IEsperTokens
{
    /// <summary>Token Information: get resource information associated with your token, like your enterprise, user etc.</summary>
    /// <remarks>
    /// Sent as <c>GET /v1/token-info/</c> (with its trailing slash). Deprecated: Esper lists it under
    /// "Token (Deprecated)".
    /// </remarks>
    /// <param name="authorization"><c>Bearer &lt;API key&gt;</c>, for example <c>BearerToken.Format(apiKey)</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token's id, enterprise, user, developer app, expiry and scopes.</returns>
    /// <exception cref="TokenApiException">The service answered 401 (unauthorized), 404 (not found) or 500 (internal error).</exception>
    [Get("/v1/token-info/")]
    Task<TokenInfoV1> GetTokenInfoAsync(
        [Header("Authorization")] string authorization,
        CancellationToken cancellationToken = default);

    /// <summary>Renew Token: renew your token.</summary>
    /// <remarks>
    /// Sent as <c>POST /v0/enterprise/{enterprise_id}/developerapp/{developerapp_id}/renew-token/</c> (with its
    /// trailing slash) with no body; the token to renew travels in the query as <c>access_token</c>. Deprecated: Esper
    /// lists it under "Token (Deprecated)".
    /// </remarks>
    /// <param name="authorization"><c>Bearer &lt;API key&gt;</c>, for example <c>BearerToken.Format(apiKey)</c>.</param>
    /// <param name="enterpriseId">A UUID string identifying this enterprise (path <c>enterprise_id</c>).</param>
    /// <param name="developerAppId">A UUID string identifying the developer app (path <c>developerapp_id</c>).</param>
    /// <param name="accessToken">Token to be renewed (query <c>access_token</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The renewed token, with its expiry (<c>expires_at</c>) and scope.</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 400 (bad request), 401 (unauthorized), 403 (forbidden) or 500 (internal error).
    /// </exception>
    [Post("/v0/enterprise/{enterprise_id}/developerapp/{developerapp_id}/renew-token/")]
    Task<TokenRenewV0> RenewTokenAsync(
        [Header("Authorization")] string authorization,
        [Path("enterprise_id")] string enterpriseId,
        [Path("developerapp_id")] string developerAppId,
        [Query("access_token")] string accessToken,
        CancellationToken cancellationToken = default);
}
