using System;

namespace TokenGen.Clients.DirectLine;

/// <summary>Managed Direct Line tokens: generated with the secret, refreshed with the token itself.</summary>
public static class DirectLineTokenSessions
{
    /// <summary>
    /// Creates a session that generates a conversation token with the Direct Line <paramref name="secret"/> and keeps it
    /// fresh by refreshing it (with <c>Bearer &lt;token&gt;</c>) ahead of its <c>expires_in</c>.
    /// </summary>
    /// <remarks>
    /// Direct Line refuses to refresh an expired token (403 <c>TokenExpired</c>), so once a token has expired the session
    /// generates a new one, which starts a new conversation. The secret stays inside the session and is never shown.
    /// </remarks>
    /// <param name="client">The Direct Line client.</param>
    /// <param name="secret">The Direct Line secret of the bot's channel.</param>
    /// <param name="tokenParameters">Optional user and trusted origins sent with each generate; <see langword="null"/> for none.</param>
    /// <param name="options">Refresh skew, clock and proactive refresh; <see langword="null"/> for the defaults.</param>
    /// <returns>The session; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null or empty.</exception>
    public static TokenSession CreateTokenSession(
        this IDirectLineTokens client,
        string secret,
        TokenParameters? tokenParameters = null,
        TokenSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var secretAuthorization = BearerToken.Format(secret);

        return TokenSession.Create(
            cancellationToken => client.GenerateTokenAsync(secretAuthorization, tokenParameters, cancellationToken),
            (current, cancellationToken) => client.RefreshTokenAsync(BearerToken.Format(current.AccessToken), cancellationToken),
            options);
    }
}
