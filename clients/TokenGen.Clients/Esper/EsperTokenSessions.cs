using System;

namespace TokenGen.Clients.Esper;

/// <summary>Managed Esper API tokens: the key's expiry from token-info, renewed ahead of it.</summary>
public static class EsperTokenSessions
{
    /// <summary>
    /// Creates a session that starts from <paramref name="apiKey"/> (its expiry read from <c>/v1/token-info/</c>) and
    /// renews the token through the developer app's <c>renew-token</c> endpoint ahead of expiry.
    /// </summary>
    /// <remarks>
    /// Renew is sent with the current token, both as <c>Authorization: Bearer</c> and in the <c>access_token</c> query.
    /// Should a renewal fail, or the current token have expired, the session starts over from token-info with
    /// <paramref name="apiKey"/>.
    /// </remarks>
    /// <param name="client">The Esper client.</param>
    /// <param name="apiKey">The API key (an Esper token) of the developer app.</param>
    /// <param name="enterpriseId">The enterprise the developer app belongs to.</param>
    /// <param name="developerAppId">The developer app the key was issued to.</param>
    /// <param name="options">Refresh skew, clock and proactive refresh; <see langword="null"/> for the defaults.</param>
    /// <returns>The session; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A string argument is null or empty.</exception>
    public static TokenSession CreateTokenSession(
        this IEsperTokens client,
        string apiKey,
        string enterpriseId,
        string developerAppId,
        TokenSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentException.ThrowIfNullOrEmpty(enterpriseId);
        ArgumentException.ThrowIfNullOrEmpty(developerAppId);
        var keyAuthorization = BearerToken.Format(apiKey);

        return TokenSession.Create(
            cancellationToken => client.GetTokenInfoAsync(keyAuthorization, cancellationToken),
            (current, cancellationToken) => client.RenewTokenAsync(
                BearerToken.Format(current.AccessToken), enterpriseId, developerAppId, current.AccessToken, cancellationToken),
            options);
    }
}
