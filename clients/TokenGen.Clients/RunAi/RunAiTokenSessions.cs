using System;

namespace TokenGen.Clients.RunAi;

/// <summary>Managed Run:ai tokens for an application: client credentials, then the refresh-token grant.</summary>
public static class RunAiTokenSessions
{
    /// <summary>
    /// Creates a session that obtains a token with the <c>client_credentials</c> grant and keeps it fresh with the
    /// <c>refresh_token</c> grant ahead of its <c>expiresIn</c>.
    /// </summary>
    /// <remarks>
    /// Servers that answer client credentials without a refresh token are handled too: the session then grants
    /// client credentials again. A refused refresh (400) falls back to one client-credentials grant.
    /// </remarks>
    /// <param name="client">The Run:ai client.</param>
    /// <param name="clientId">The application's client id.</param>
    /// <param name="clientSecret">The application's client secret.</param>
    /// <param name="options">Refresh skew, clock and proactive refresh; <see langword="null"/> for the defaults.</param>
    /// <returns>The session; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A string argument is null or empty.</exception>
    public static TokenSession CreateTokenSession(
        this IRunAiTokens client,
        string clientId,
        string clientSecret,
        TokenSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);

        return TokenSession.Create(
            cancellationToken => client.GrantTokenAsync(TokenRequest.ForClientCredentials(clientId, clientSecret), cancellationToken: cancellationToken),
            (current, cancellationToken) => client.GrantTokenAsync(
                current.RefreshToken is { } refreshToken
                    ? TokenRequest.ForRefreshToken(refreshToken, clientId)
                    : TokenRequest.ForClientCredentials(clientId, clientSecret),
                cancellationToken: cancellationToken),
            options);
    }
}
