using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.Prowler;

/// <summary>
/// The token API of Prowler (Django REST Framework with JSON:API): obtain a token pair, refresh it (rotating the
/// refresh token), and switch tenant.
/// </summary>
/// <remarks>
/// <para>
/// Base address: <c>https://api.prowler.com</c> (Prowler Cloud). A self-hosted API, for example
/// <c>http://localhost:8080</c>, is chosen with <see cref="TokenApiClientOptions.BaseAddress"/> or <c>HttpClient.BaseAddress</c>.
/// </para>
/// <para>
/// Every operation exists in two forms that hit the same route: the JSON:API form sends the envelope
/// <c>{"data":{"type":"tokens","attributes":{…}}}</c> as <c>application/vnd.api+json</c> (plain <c>application/json</c>
/// is refused with 415, INFERRED from the configured parsers); the <c>…FormAsync</c> form sends the same attributes
/// as flat <c>application/x-www-form-urlencoded</c> fields (<c>email=…&amp;password=…</c>; the flat shape is INFERRED from
/// DRF's form parser). Answers are always JSON:API envelopes, <c>{"data":{"type":…,"attributes":{"access":…,"refresh":…}}}</c>.
/// </para>
/// <para>
/// Authentication: <c>Authorization: Bearer &lt;access token&gt;</c> is <b>required</b> to switch tenant and optional to
/// obtain or refresh; build it with <see cref="BearerToken.Format(string)"/>.
/// </para>
/// <para>
/// Errors are JSON:API error documents (<c>{"errors":[{"detail":…,"status":"400","source":{"pointer":…},"code":…}]}</c>):
/// <c>ex.TryReadError(ProwlerJsonContext.Default.JsonApiErrorDocument, out var errors)</c>.
/// </para>
/// </remarks>
[TokenApi(BaseAddress = "https://api.prowler.com", SerializerContext = typeof(ProwlerJsonContext))]
[Headers("Accept: application/vnd.api+json")]
public partial interface IProwlerTokens
{
    /// <summary>Obtain a token by providing valid credentials and an optional tenant ID.</summary>
    /// <remarks>Sent as <c>POST /api/v1/tokens</c> with a JSON:API body of type <c>tokens</c>.</remarks>
    /// <param name="request">The credentials; <c>new TokenRequest(email, password, tenantId)</c> builds the envelope.</param>
    /// <param name="authorization">Optional <c>Bearer &lt;access token&gt;</c>; <see langword="null"/> sends no header.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The access and refresh tokens.</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 400 (validation: "Invalid credentials", "Tenant does not exist or user is not a member.",
    /// "User has no memberships.", or missing fields), 409 (wrong <c>data.type</c>; INFERRED), 415 (unsupported media
    /// type; INFERRED) or 429 (throttled, when the <c>token-obtain</c> rate is configured), with a
    /// <see cref="JsonApiErrorDocument"/> body.
    /// </exception>
    [Post("/api/v1/tokens")]
    Task<TokenResponse> ObtainTokenAsync(
        [Body(ContentType = "application/vnd.api+json")] TokenRequest request,
        [Header("Authorization")] string? authorization = null,
        CancellationToken cancellationToken = default);

    /// <summary>Obtain a token by providing valid credentials and an optional tenant ID, sent as a form.</summary>
    /// <remarks>
    /// Sent as <c>POST /api/v1/tokens</c> with <c>application/x-www-form-urlencoded</c> fields <c>email</c>,
    /// <c>password</c> and <c>tenant_id</c> (flat, INFERRED).
    /// </remarks>
    /// <param name="email">User email (field <c>email</c>).</param>
    /// <param name="password">Password (field <c>password</c>).</param>
    /// <param name="tenantId">
    /// Tenant (UUID) to sign in to (field <c>tenant_id</c>); <see langword="null"/> uses the tenant of the user's first membership.
    /// </param>
    /// <param name="authorization">Optional <c>Bearer &lt;access token&gt;</c>; <see langword="null"/> sends no header.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The access and refresh tokens.</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 400 (validation, as for <see cref="ObtainTokenAsync"/>) or 429 (throttled), with a
    /// <see cref="JsonApiErrorDocument"/> body.
    /// </exception>
    [Post("/api/v1/tokens")]
    Task<TokenResponse> ObtainTokenFormAsync(
        [Form("email")] string email,
        [Form("password")] string password,
        [Form("tenant_id")] string? tenantId = null,
        [Header("Authorization")] string? authorization = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Refresh an access token by providing a valid refresh token. Former refresh tokens are invalidated when a new one is issued.
    /// </summary>
    /// <remarks>
    /// Sent as <c>POST /api/v1/tokens/refresh</c> with a JSON:API body of type <c>tokens-refresh</c>. The answer carries a
    /// new access token and a new (rotated) refresh token; the old refresh token is blacklisted and refused afterwards.
    /// </remarks>
    /// <param name="request">The current refresh token; <c>new TokenRefreshRequest(refresh)</c> builds the envelope.</param>
    /// <param name="authorization">Optional <c>Bearer &lt;access token&gt;</c>; <see langword="null"/> sends no header.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new access and refresh tokens.</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 400 (validation, or a refresh token that is invalid, expired or already rotated:
    /// "Invalid or expired token"), 409 (wrong <c>data.type</c>; INFERRED) or 415 (unsupported media type; INFERRED),
    /// with a <see cref="JsonApiErrorDocument"/> body.
    /// </exception>
    // Prowler rotates the refresh token on every refresh: a lost answer may already have rotated it, so never resend.
    [NoRetry]
    [Post("/api/v1/tokens/refresh")]
    Task<TokenRefreshResponse> RefreshTokenAsync(
        [Body(ContentType = "application/vnd.api+json")] TokenRefreshRequest request,
        [Header("Authorization")] string? authorization = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Refresh an access token by providing a valid refresh token, sent as a form. Former refresh tokens are invalidated
    /// when a new one is issued.
    /// </summary>
    /// <remarks>
    /// Sent as <c>POST /api/v1/tokens/refresh</c> with the <c>application/x-www-form-urlencoded</c> field <c>refresh</c>
    /// (flat, INFERRED).
    /// </remarks>
    /// <param name="refresh">The current refresh token (field <c>refresh</c>).</param>
    /// <param name="authorization">Optional <c>Bearer &lt;access token&gt;</c>; <see langword="null"/> sends no header.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new access and refresh tokens.</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 400 (validation, or an invalid, expired or already rotated refresh token), with a
    /// <see cref="JsonApiErrorDocument"/> body.
    /// </exception>
    // Prowler rotates the refresh token on every refresh: a lost answer may already have rotated it, so never resend.
    [NoRetry]
    [Post("/api/v1/tokens/refresh")]
    Task<TokenRefreshResponse> RefreshTokenFormAsync(
        [Form("refresh")] string refresh,
        [Header("Authorization")] string? authorization = null,
        CancellationToken cancellationToken = default);

    /// <summary>Switch tenant by providing a valid tenant ID. The authenticated user must belong to the tenant.</summary>
    /// <remarks>
    /// Sent as <c>POST /api/v1/tokens/switch</c> with a JSON:API body of type <c>tokens-switch-tenant</c>. The answer is a
    /// new token pair whose access token carries the new <c>tenant_id</c> claim.
    /// </remarks>
    /// <param name="authorization"><c>Bearer &lt;access token&gt;</c>, required, for example <c>BearerToken.Format(access)</c>.</param>
    /// <param name="request">The tenant to switch to; <c>new TokenSwitchTenantRequest(tenantId)</c> builds the envelope.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new access and refresh tokens, scoped to that tenant.</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 400 (<c>code</c> <c>invalid</c>: "Must be a valid UUID." or "Tenant does not exist or user is
    /// not a member."), 401 (missing or invalid access token), 409 (wrong <c>data.type</c>; INFERRED) or 415 (unsupported
    /// media type; INFERRED), with a <see cref="JsonApiErrorDocument"/> body.
    /// </exception>
    [Post("/api/v1/tokens/switch")]
    Task<TokenSwitchTenantResponse> SwitchTenantAsync(
        [Header("Authorization")] string authorization,
        [Body(ContentType = "application/vnd.api+json")] TokenSwitchTenantRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Switch tenant by providing a valid tenant ID, sent as a form. The authenticated user must belong to the tenant.</summary>
    /// <remarks>
    /// Sent as <c>POST /api/v1/tokens/switch</c> with the <c>application/x-www-form-urlencoded</c> field <c>tenant_id</c>
    /// (flat, INFERRED).
    /// </remarks>
    /// <param name="authorization"><c>Bearer &lt;access token&gt;</c>, required, for example <c>BearerToken.Format(access)</c>.</param>
    /// <param name="tenantId">The tenant (UUID) to switch to (field <c>tenant_id</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new access and refresh tokens, scoped to that tenant.</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 400 (<c>code</c> <c>invalid</c>: not a valid UUID, or not a member of the tenant) or 401
    /// (missing or invalid access token), with a <see cref="JsonApiErrorDocument"/> body.
    /// </exception>
    [Post("/api/v1/tokens/switch")]
    Task<TokenSwitchTenantResponse> SwitchTenantFormAsync(
        [Header("Authorization")] string authorization,
        [Form("tenant_id")] string tenantId,
        CancellationToken cancellationToken = default);
}
