using System;

namespace TokenGen.Clients.Banyan;

/// <summary>Managed Banyan access tokens, obtained from a long-lived refresh token.</summary>
public static class BanyanTokenSessions
{
    /// <summary>
    /// Creates a session that obtains access tokens from Banyan's v1 endpoint with <paramref name="refreshToken"/>
    /// (<c>Bearer &lt;refresh token&gt;</c>) and obtains a new one ahead of expiry.
    /// </summary>
    /// <remarks>
    /// The v1 answer carries only the JWT (<c>Message</c>), no lifetime: the session reads the JWT's <c>exp</c> claim
    /// (see <see cref="TokenSessionOptions.ReadJwtExpiry"/>), and a token without one is used until a 401. The refresh
    /// token itself is not rotated by v1; renew it with <see cref="IBanyanTokens.GenerateRefreshTokenAsync"/> when it
    /// nears its own expiry.
    /// </remarks>
    /// <param name="client">The Banyan client.</param>
    /// <param name="refreshToken">The long-lived refresh token (or API key) from the Banyan console.</param>
    /// <param name="options">Refresh skew, clock and proactive refresh; <see langword="null"/> for the defaults.</param>
    /// <returns>The session; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="refreshToken"/> is null or empty.</exception>
    public static TokenSession CreateTokenSession(this IBanyanTokens client, string refreshToken, TokenSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var authorization = BearerToken.Format(refreshToken);

        // v1 with the refresh token is both the acquire and the refresh: there is no cheaper call to renew with.
        return TokenSession.Create(
            cancellationToken => client.RefreshTokenAsync(authorization, cancellationToken),
            options);
    }
}
