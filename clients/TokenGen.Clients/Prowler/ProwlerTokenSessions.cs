using System;

namespace TokenGen.Clients.Prowler;

/// <summary>Managed Prowler tokens: obtained with email and password, refreshed with a rotating refresh token, per tenant.</summary>
public static class ProwlerTokenSessions
{
    /// <summary>
    /// Creates a session that obtains tokens with <paramref name="email"/> and <paramref name="password"/> and refreshes
    /// them with the refresh token, which Prowler rotates on every refresh.
    /// </summary>
    /// <remarks>
    /// The answers carry no lifetime; the session reads the access JWT's <c>exp</c> claim (see
    /// <see cref="TokenSessionOptions.ReadJwtExpiry"/>). A refresh is never re-sent blindly: once sent, the server may
    /// already have rotated the refresh token away, so a refresh that fails in any way (refused, or cut off) falls back
    /// to one obtain with the credentials.
    /// </remarks>
    /// <param name="client">The Prowler client.</param>
    /// <param name="email">The user's email.</param>
    /// <param name="password">The user's password.</param>
    /// <param name="tenantId">The tenant to sign in to; <see langword="null"/> for the user's default tenant.</param>
    /// <param name="options">Refresh skew, clock and proactive refresh; <see langword="null"/> for the defaults.</param>
    /// <returns>The session; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="email"/> or <paramref name="password"/> is null or empty.</exception>
    public static TokenSession CreateTokenSession(
        this IProwlerTokens client,
        string email,
        string password,
        string? tenantId = null,
        TokenSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(email);
        ArgumentException.ThrowIfNullOrEmpty(password);

        return TokenSession.Create(
            cancellationToken => client.ObtainTokenAsync(new TokenRequest(email, password, tenantId), cancellationToken: cancellationToken),
            (current, cancellationToken) => client.RefreshTokenAsync(new TokenRefreshRequest(RequireRefreshToken(current)), cancellationToken: cancellationToken),
            options);
    }

    /// <summary>
    /// Creates a session for another tenant of the same user: it switches with the access token of
    /// <paramref name="session"/> and then refreshes the new tenant's tokens on its own.
    /// </summary>
    /// <remarks>
    /// Whenever the new session has to start over (first use, or a refused refresh) it switches again with a fresh
    /// access token from <paramref name="session"/>, which must outlive it.
    /// </remarks>
    /// <param name="client">The Prowler client.</param>
    /// <param name="session">A session signed in as the user, for example from <see cref="CreateTokenSession"/>.</param>
    /// <param name="tenantId">The tenant (a UUID) to switch to; the user must be a member.</param>
    /// <param name="options">Refresh skew, clock and proactive refresh; <see langword="null"/> for the defaults.</param>
    /// <returns>The tenant's session; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="session"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is null or empty.</exception>
    public static TokenSession CreateTenantSession(
        this IProwlerTokens client,
        TokenSession session,
        string tenantId,
        TokenSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);

        return TokenSession.Create(
            async cancellationToken =>
            {
                var accessToken = await session.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
                return await client.SwitchTenantAsync(BearerToken.Format(accessToken), new TokenSwitchTenantRequest(tenantId), cancellationToken).ConfigureAwait(false);
            },
            (current, cancellationToken) => client.RefreshTokenAsync(new TokenRefreshRequest(RequireRefreshToken(current)), cancellationToken: cancellationToken),
            options);
    }

    // Prowler always answers with a refresh token; without one the refresh fails and the session starts over.
    private static string RequireRefreshToken(IssuedToken current) =>
        current.RefreshToken ?? throw new InvalidOperationException("The Prowler session holds no refresh token; it obtains a new one instead.");
}
