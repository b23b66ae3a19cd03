using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.OAuth2;

/// <summary>Managed OAuth 2.0 tokens: sessions for the client credentials grant, a stored refresh token and the device flow.</summary>
public static class OAuth2TokenSessions
{
    /// <summary>
    /// Creates a session that obtains tokens with the client credentials grant (RFC 6749 §4.4) and obtains a new one
    /// ahead of expiry. There is no refresh: RFC 6749 §4.4.3 issues no refresh token here, so each renewal is a new grant.
    /// </summary>
    /// <param name="client">The OAuth 2.0 client.</param>
    /// <param name="scope">The scope, space-delimited; <see langword="null"/> for the server's default.</param>
    /// <param name="audience">The audience, where the server takes one.</param>
    /// <param name="resources">The resources the tokens are for (RFC 8707 §2).</param>
    /// <param name="options">Refresh skew, clock, proactive refresh and name; <see langword="null"/> for the defaults.</param>
    /// <returns>The session; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    public static TokenSession CreateClientCredentialsSession(
        this OAuth2Client client,
        string? scope = null,
        string? audience = null,
        IEnumerable<string>? resources = null,
        TokenSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var resourceList = resources is null ? null : new List<string>(resources);
        return TokenSession.Create(
            cancellationToken => client.RequestClientCredentialsTokenAsync(scope, audience, resourceList, cancellationToken),
            options);
    }

    /// <summary>
    /// Creates a session seeded from a stored refresh token: each access token comes from the refresh token grant
    /// (RFC 6749 §6), and a refresh token the server rotates in replaces the old one, in the session and through
    /// <paramref name="refreshTokenChanged"/> (so it can be stored for the next run).
    /// </summary>
    /// <remarks>
    /// The first token, and the one acquire a session makes after a refused refresh, use the newest refresh token the
    /// session has seen (the stored one until the server rotates it). When the server refuses that too (revoked, expired,
    /// reused), the failure reaches the caller as a <see cref="TokenApiException"/> with <c>invalid_grant</c>: the user
    /// must sign in again.
    /// </remarks>
    /// <param name="client">The OAuth 2.0 client.</param>
    /// <param name="refreshToken">The stored refresh token.</param>
    /// <param name="refreshTokenChanged">
    /// Called with the new refresh token each time the server rotates it, before the session hands out the access token
    /// that came with it; <see langword="null"/> when nothing needs to know. It must not throw.
    /// </param>
    /// <param name="scope">A scope no wider than the original; <see langword="null"/> for the same.</param>
    /// <param name="options">Refresh skew, clock, proactive refresh and name; <see langword="null"/> for the defaults.</param>
    /// <returns>The session; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="refreshToken"/> is null or empty.</exception>
    public static TokenSession CreateRefreshTokenSession(
        this OAuth2Client client,
        string refreshToken,
        Action<string>? refreshTokenChanged = null,
        string? scope = null,
        TokenSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var latest = new LatestRefreshToken(refreshToken, refreshTokenChanged);

        return TokenSession.Create(
            cancellationToken => latest.RefreshAsync(client, latest.Value, scope, cancellationToken),
            (current, cancellationToken) => latest.RefreshAsync(client, current.RefreshToken ?? latest.Value, scope, cancellationToken),
            options);
    }

    /// <summary>
    /// Creates a session whose first token comes from the device flow (RFC 8628): a device authorization request, the
    /// user code shown through <paramref name="showUserCode"/>, then polling until the user approved; later tokens come
    /// from the refresh token grant (RFC 6749 §6), rotation kept, and the device flow runs again only when there is no
    /// refresh token or the server refuses it.
    /// </summary>
    /// <param name="client">The OAuth 2.0 client (usually a public client, <see cref="OAuth2ClientAuthentication.PublicClient"/>).</param>
    /// <param name="showUserCode">
    /// Shows the user <see cref="DeviceAuthorizationResponse.VerificationUri"/> and <see cref="DeviceAuthorizationResponse.UserCode"/>
    /// (or a QR code of <see cref="DeviceAuthorizationResponse.VerificationUriComplete"/>); polling starts when it returns.
    /// </param>
    /// <param name="scope">The scope, space-delimited (add <c>offline_access</c> where the server wants it for a refresh token).</param>
    /// <param name="options">Refresh skew, clock, proactive refresh and name; <see langword="null"/> for the defaults.</param>
    /// <returns>The session; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="showUserCode"/> is <see langword="null"/>.</exception>
    public static TokenSession CreateDeviceFlowSession(
        this OAuth2Client client,
        Func<DeviceAuthorizationResponse, CancellationToken, Task> showUserCode,
        string? scope = null,
        TokenSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(showUserCode);

        async Task<OAuth2TokenResponse> RunDeviceFlowAsync(CancellationToken cancellationToken)
        {
            var authorization = await client.RequestDeviceAuthorizationAsync(scope, cancellationToken: cancellationToken).ConfigureAwait(false);
            await showUserCode(authorization, cancellationToken).ConfigureAwait(false);
            return await client.WaitForDeviceTokenAsync(authorization, cancellationToken).ConfigureAwait(false);
        }

        return TokenSession.Create(
            RunDeviceFlowAsync,
            (current, cancellationToken) => current.RefreshToken is { } refreshToken
                ? client.RefreshTokenAsync(refreshToken, cancellationToken: cancellationToken)
                : RunDeviceFlowAsync(cancellationToken),
            options);
    }

    /// <summary>The newest refresh token a session has seen; fetches are one at a time, so a volatile field suffices.</summary>
    private sealed class LatestRefreshToken(string initial, Action<string>? changed)
    {
        private volatile string _value = initial;

        public string Value => _value;

        public async Task<OAuth2TokenResponse> RefreshAsync(OAuth2Client client, string refreshToken, string? scope, CancellationToken cancellationToken)
        {
            var response = await client.RefreshTokenAsync(refreshToken, scope, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(response.RefreshToken) && !string.Equals(response.RefreshToken, _value, StringComparison.Ordinal))
            {
                _value = response.RefreshToken;
                changed?.Invoke(response.RefreshToken);
            }

            return response;
        }
    }
}
