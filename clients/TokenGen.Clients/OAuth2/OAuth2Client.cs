using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.OAuth2;

/// <summary>
/// An OAuth 2.0 client of one authorization server: every grant of the token endpoint, device authorization and polling,
/// token exchange, introspection and revocation, with the client's authentication added to each request. It sends
/// through the generated clients (<see cref="IOAuth2TokenEndpoint"/> and the others), one per endpoint.
/// </summary>
/// <remarks>
/// Build one from the server's issuer with <see cref="DiscoverAsync"/>, or from <see cref="OAuth2Endpoints"/> written out.
/// Every failure the server answers is a <see cref="TokenApiException"/>; its OAuth 2.0 error is
/// <see cref="OAuth2Errors.TryReadOAuth2Error"/>. Thread-safe; holds no resources (the <see cref="HttpClient"/> is the caller's).
/// </remarks>
public sealed class OAuth2Client
{
    /// <summary>The polling interval of the device flow when the server states none (RFC 8628 §3.2): 5 seconds.</summary>
    public static readonly TimeSpan DefaultDevicePollingInterval = TimeSpan.FromSeconds(5);

    /// <summary>How much slower polling gets at each <c>slow_down</c> (RFC 8628 §3.5): 5 seconds.</summary>
    public static readonly TimeSpan SlowDownIncrement = TimeSpan.FromSeconds(5);

    private readonly HttpClient _httpClient;
    private readonly TokenApiClientOptions? _options;
    private readonly TimeProvider _timeProvider;
    private readonly IOAuth2TokenEndpoint _tokenEndpoint;
    private IOAuth2DeviceAuthorizationEndpoint? _deviceAuthorizationEndpoint;
    private IOAuth2IntrospectionEndpoint? _introspectionEndpoint;
    private IOAuth2RevocationEndpoint? _revocationEndpoint;

    /// <summary>Creates a client of the server at <paramref name="endpoints"/>.</summary>
    /// <param name="endpoints">The server's endpoints.</param>
    /// <param name="authentication">The client's id and how it authenticates.</param>
    /// <param name="httpClient">
    /// The client to send with; <see langword="null"/> for <see cref="TokenApiHttpClient.Create"/>, which follows redirects
    /// only within the origin a request was sent to.
    /// </param>
    /// <param name="options">
    /// <c>AllowInsecureHttp</c>, the response size limit and the clock (which also paces device polling); the base address
    /// is ignored, each endpoint is its own. <see langword="null"/> for the defaults.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="authentication"/> is <see langword="null"/>.</exception>
    public OAuth2Client(
        OAuth2Endpoints endpoints,
        OAuth2ClientAuthentication authentication,
        HttpClient? httpClient = null,
        TokenApiClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(authentication);
        Endpoints = endpoints;
        Authentication = authentication;
        _httpClient = httpClient ?? TokenApiHttpClient.Create();
        _options = options;
        _timeProvider = options?.TimeProvider ?? TimeProvider.System;
        _tokenEndpoint = IOAuth2TokenEndpoint.Create(_httpClient, CopyOptions(options, endpoints.TokenEndpoint));
    }

    /// <summary>The server's endpoints.</summary>
    public OAuth2Endpoints Endpoints { get; }

    /// <summary>The client's id and authentication method.</summary>
    public OAuth2ClientAuthentication Authentication { get; }

    /// <summary>
    /// Creates a client of the server whose issuer identifier is <paramref name="issuer"/>, from its metadata
    /// (RFC 8414, then OpenID Connect Discovery; see <see cref="OAuth2Discovery.DiscoverAsync"/>).
    /// </summary>
    /// <param name="issuer">The issuer, for example <c>https://login.example.com</c>.</param>
    /// <param name="authentication">The client's id and how it authenticates.</param>
    /// <param name="httpClient">The client to send with; <see langword="null"/> for <see cref="TokenApiHttpClient.Create"/>.</param>
    /// <param name="options">The clients' options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the discovery.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="issuer"/> or <paramref name="authentication"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The issuer is not an absolute http(s) URI, or the metadata names no usable token endpoint.</exception>
    /// <exception cref="TokenApiException">No metadata document could be read.</exception>
    /// <exception cref="InvalidOperationException">The metadata names another issuer (RFC 8414 §3.3).</exception>
    public static async Task<OAuth2Client> DiscoverAsync(
        Uri issuer,
        OAuth2ClientAuthentication authentication,
        HttpClient? httpClient = null,
        TokenApiClientOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        httpClient ??= TokenApiHttpClient.Create();
        var metadata = await OAuth2Discovery.DiscoverAsync(issuer, httpClient, options, cancellationToken).ConfigureAwait(false);
        return new OAuth2Client(OAuth2Endpoints.FromMetadata(metadata), authentication, httpClient, options);
    }

    /// <summary>Client credentials grant (RFC 6749 §4.4): a token for the client itself.</summary>
    /// <param name="scope">The scope, space-delimited (RFC 6749 §3.3); <see langword="null"/> for the server's default.</param>
    /// <param name="audience">The audience, where the server takes one.</param>
    /// <param name="resources">The resources the token is for (RFC 8707 §2), each sent as its own <c>resource</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token.</returns>
    /// <exception cref="TokenApiException">The server refused (RFC 6749 §5.2).</exception>
    public Task<OAuth2TokenResponse> RequestClientCredentialsTokenAsync(
        string? scope = null,
        string? audience = null,
        IEnumerable<string>? resources = null,
        CancellationToken cancellationToken = default) =>
        _tokenEndpoint.RequestClientCredentialsTokenAsync(
            Authentication.AuthorizationHeader, scope, audience, resources,
            Authentication.FormClientId, Authentication.FormClientSecret, cancellationToken);

    /// <summary>Resource owner password credentials grant (RFC 6749 §4.3).</summary>
    /// <param name="username">The resource owner's user name.</param>
    /// <param name="password">The resource owner's password.</param>
    /// <param name="scope">The scope, space-delimited; <see langword="null"/> for the server's default.</param>
    /// <param name="audience">The audience, where the server takes one.</param>
    /// <param name="resources">The resources the token is for (RFC 8707 §2).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="username"/> or <paramref name="password"/> is <see langword="null"/>.</exception>
    /// <exception cref="TokenApiException">The server refused (RFC 6749 §5.2): <c>invalid_grant</c> for wrong credentials.</exception>
    public Task<OAuth2TokenResponse> RequestPasswordTokenAsync(
        string username,
        string password,
        string? scope = null,
        string? audience = null,
        IEnumerable<string>? resources = null,
        CancellationToken cancellationToken = default) =>
        _tokenEndpoint.RequestPasswordTokenAsync(
            Authentication.AuthorizationHeader, username, password, scope, audience, resources,
            Authentication.FormClientId, Authentication.FormClientSecret, cancellationToken);

    /// <summary>Refresh token grant (RFC 6749 §6). Keep the answer's refresh token when it has one: the server rotated it.</summary>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="scope">A scope no wider than the original; <see langword="null"/> for the same.</param>
    /// <param name="audience">The audience, where the server takes one.</param>
    /// <param name="resources">The resources the token is for (RFC 8707 §2).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="refreshToken"/> is <see langword="null"/>.</exception>
    /// <exception cref="TokenApiException">The server refused (RFC 6749 §5.2): <c>invalid_grant</c> for an expired, revoked or reused refresh token.</exception>
    public Task<OAuth2TokenResponse> RefreshTokenAsync(
        string refreshToken,
        string? scope = null,
        string? audience = null,
        IEnumerable<string>? resources = null,
        CancellationToken cancellationToken = default) =>
        _tokenEndpoint.RefreshTokenAsync(
            Authentication.AuthorizationHeader, refreshToken, scope, audience, resources,
            Authentication.FormClientId, Authentication.FormClientSecret, cancellationToken);

    /// <summary>
    /// The URI to send the user's browser to for the authorization code flow (RFC 6749 §4.1.1), with a PKCE challenge
    /// (RFC 7636 §4.3) and resources (RFC 8707 §2). Its answer comes back to <paramref name="redirectUri"/> with a
    /// <c>code</c> (and <c>state</c>) for <see cref="RedeemAuthorizationCodeAsync"/>.
    /// </summary>
    /// <param name="redirectUri">Where the server sends the browser back to, registered for the client.</param>
    /// <param name="pkce">The PKCE pair (<see cref="PkceCodes.Create"/>); keep it for the redemption.</param>
    /// <param name="scope">The scope, space-delimited.</param>
    /// <param name="state">An opaque value to match the answer to the request (RFC 6749 §10.12).</param>
    /// <param name="resources">The resources the token will be for (RFC 8707 §2).</param>
    /// <returns>The authorization endpoint with the request in its query.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="redirectUri"/> or <paramref name="pkce"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The server has no authorization endpoint in <see cref="Endpoints"/>.</exception>
    public Uri BuildAuthorizationUri(
        Uri redirectUri,
        PkceCodes pkce,
        string? scope = null,
        string? state = null,
        IEnumerable<string>? resources = null)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        ArgumentNullException.ThrowIfNull(pkce);
        var endpoint = Endpoints.AuthorizationEndpoint ?? throw MissingEndpoint("authorization");

        var query = new StringBuilder(endpoint.Query.Length > 1 ? endpoint.Query + "&" : "?");
        Append(query, "response_type", "code", first: true);
        Append(query, "client_id", Authentication.ClientId);
        Append(query, "redirect_uri", redirectUri.OriginalString);
        Append(query, "scope", scope);
        Append(query, "state", state);
        Append(query, "code_challenge", pkce.Challenge);
        Append(query, "code_challenge_method", pkce.ChallengeMethod);
        if (resources is not null)
        {
            foreach (var resource in resources)
            {
                Append(query, "resource", resource);
            }
        }

        return new UriBuilder(endpoint) { Query = query.ToString(1, query.Length - 1) }.Uri;

        static void Append(StringBuilder query, string name, string? value, bool first = false)
        {
            if (value is null)
            {
                return;
            }

            if (!first)
            {
                query.Append('&');
            }

            query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    /// <summary>Authorization code grant (RFC 6749 §4.1.3): redeems the code with its PKCE verifier (RFC 7636 §4.5).</summary>
    /// <param name="code">The <c>code</c> the authorization endpoint returned.</param>
    /// <param name="redirectUri">The <c>redirect_uri</c> of the authorization request.</param>
    /// <param name="pkce">The PKCE pair of the authorization request; <see langword="null"/> when it had none.</param>
    /// <param name="resources">The resources the token is for (RFC 8707 §2).</param>
    /// <param name="cancellationToken">Cancels the call; the request is never resent (a code is good once).</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> or <paramref name="redirectUri"/> is <see langword="null"/>.</exception>
    /// <exception cref="TokenApiException">The server refused (RFC 6749 §5.2): <c>invalid_grant</c> for a used code or a wrong verifier.</exception>
    public Task<OAuth2TokenResponse> RedeemAuthorizationCodeAsync(
        string code,
        Uri redirectUri,
        PkceCodes? pkce,
        IEnumerable<string>? resources = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);

        // RFC 6749 §4.1.3: client_id is REQUIRED when the client does not authenticate; a confidential client sends it by
        // authenticating (Basic) or in the form (post). So the form carries it unless Basic does.
        return _tokenEndpoint.RedeemAuthorizationCodeAsync(
            Authentication.AuthorizationHeader, code, redirectUri.OriginalString,
            pkce?.Verifier, resources, Authentication.FormClientId, Authentication.FormClientSecret, cancellationToken);
    }

    /// <summary>Device authorization request (RFC 8628 §3.1): the codes to show the user and to poll with.</summary>
    /// <param name="scope">The scope, space-delimited.</param>
    /// <param name="audience">The audience, where the server takes one.</param>
    /// <param name="resources">The resources the token is for (RFC 8707 §2).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The device and user codes, the verification URI, their lifetime and the polling interval.</returns>
    /// <exception cref="InvalidOperationException">The server has no device authorization endpoint in <see cref="Endpoints"/>.</exception>
    /// <exception cref="TokenApiException">The server refused (RFC 6749 §5.2).</exception>
    public Task<DeviceAuthorizationResponse> RequestDeviceAuthorizationAsync(
        string? scope = null,
        string? audience = null,
        IEnumerable<string>? resources = null,
        CancellationToken cancellationToken = default)
    {
        var endpoint = _deviceAuthorizationEndpoint ??= IOAuth2DeviceAuthorizationEndpoint.Create(
            _httpClient, CopyOptions(_options, Endpoints.DeviceAuthorizationEndpoint ?? throw MissingEndpoint("device authorization")));

        // RFC 8628 §3.1 shows client_id first; it goes in the form unless HTTP Basic carries it.
        return endpoint.RequestDeviceAuthorizationAsync(
            Authentication.AuthorizationHeader, Authentication.FormClientId, scope, audience, resources,
            Authentication.FormClientSecret, cancellationToken);
    }

    /// <summary>One device access token request (RFC 8628 §3.4); <see cref="WaitForDeviceTokenAsync"/> polls until an answer.</summary>
    /// <param name="deviceCode">The <see cref="DeviceAuthorizationResponse.DeviceCode"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, once the user approved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deviceCode"/> is <see langword="null"/>.</exception>
    /// <exception cref="TokenApiException">400 with <c>authorization_pending</c>, <c>slow_down</c>, <c>access_denied</c> or <c>expired_token</c> (RFC 8628 §3.5).</exception>
    public Task<OAuth2TokenResponse> RequestDeviceTokenAsync(string deviceCode, CancellationToken cancellationToken = default) =>
        _tokenEndpoint.RequestDeviceTokenAsync(
            Authentication.AuthorizationHeader, deviceCode,
            Authentication.FormClientId, Authentication.FormClientSecret, cancellationToken);

    /// <summary>
    /// Polls the token endpoint until the user approved the device (RFC 8628 §3.4, §3.5): it waits the
    /// <see cref="DeviceAuthorizationResponse.Interval"/> (5 s when absent) before each poll, goes on after
    /// <c>authorization_pending</c>, waits 5 s longer from each <c>slow_down</c> on, and stops when the codes'
    /// <see cref="DeviceAuthorizationResponse.ExpiresIn"/> has passed. Waits are measured by the options' <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="authorization">The answer of <see cref="RequestDeviceAuthorizationAsync"/>.</param>
    /// <param name="cancellationToken">Stops the polling (the user gave up, the app closes).</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="authorization"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="authorization"/> has no device code.</exception>
    /// <exception cref="TokenApiException">The server ended the flow: <c>access_denied</c>, <c>expired_token</c>, or another error.</exception>
    /// <exception cref="TimeoutException">The codes' <c>expires_in</c> passed without an approval; nothing more was sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<OAuth2TokenResponse> WaitForDeviceTokenAsync(
        DeviceAuthorizationResponse authorization,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (string.IsNullOrEmpty(authorization.DeviceCode))
        {
            throw new ArgumentException("The device authorization answer has no device_code.", nameof(authorization));
        }

        var interval = authorization.Interval is > 0 and <= int.MaxValue / 1000
            ? TimeSpan.FromSeconds(authorization.Interval.Value)
            : DefaultDevicePollingInterval;
        DateTimeOffset? deadline = authorization.ExpiresIn is > 0 and <= int.MaxValue
            ? _timeProvider.GetUtcNow().AddSeconds(authorization.ExpiresIn.Value)
            : null;

        while (true)
        {
            if (deadline is { } end && _timeProvider.GetUtcNow() + interval >= end)
            {
                throw new TimeoutException(
                    $"The device code expired (expires_in {authorization.ExpiresIn} s) before the user approved the device.");
            }

            await Task.Delay(interval, _timeProvider, cancellationToken).ConfigureAwait(false);
            try
            {
                return await RequestDeviceTokenAsync(authorization.DeviceCode, cancellationToken).ConfigureAwait(false);
            }
            catch (TokenApiException ex) when (ex.TryReadOAuth2Error(out var error) && error.Error == OAuth2ErrorCodes.AuthorizationPending)
            {
                // The user has not decided yet: poll again at the same pace.
            }
            catch (TokenApiException ex) when (ex.TryReadOAuth2Error(out var error) && error.Error == OAuth2ErrorCodes.SlowDown)
            {
                // RFC 8628 §3.5: the interval MUST be increased by 5 seconds for this and all later requests.
                interval += SlowDownIncrement;
            }
        }
    }

    /// <summary>Token exchange (RFC 8693 §2.1): a token for another resource or audience, on behalf of <paramref name="subjectToken"/>.</summary>
    /// <param name="subjectToken">The token of the party the request is made for.</param>
    /// <param name="subjectTokenType">Its type, one of <see cref="OAuth2TokenTypes"/>.</param>
    /// <param name="resources">The resources the new token is for, absolute URIs.</param>
    /// <param name="audiences">The logical names of the targets.</param>
    /// <param name="scope">The scope, space-delimited.</param>
    /// <param name="requestedTokenType">The type of token wanted, one of <see cref="OAuth2TokenTypes"/>.</param>
    /// <param name="actorToken">The token of the acting party, for delegation.</param>
    /// <param name="actorTokenType">Its type; required with <paramref name="actorToken"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The issued token, with its <see cref="OAuth2TokenResponse.IssuedTokenType"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectToken"/> or <paramref name="subjectTokenType"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="actorToken"/> is given without <paramref name="actorTokenType"/>.</exception>
    /// <exception cref="TokenApiException">The server refused (RFC 8693 §2.2.2).</exception>
    public Task<OAuth2TokenResponse> ExchangeTokenAsync(
        string subjectToken,
        string subjectTokenType,
        IEnumerable<string>? resources = null,
        IEnumerable<string>? audiences = null,
        string? scope = null,
        string? requestedTokenType = null,
        string? actorToken = null,
        string? actorTokenType = null,
        CancellationToken cancellationToken = default)
    {
        if (actorToken is not null && actorTokenType is null)
        {
            throw new ArgumentException("actor_token_type is REQUIRED when actor_token is present (RFC 8693 §2.1).", nameof(actorTokenType));
        }

        return _tokenEndpoint.ExchangeTokenAsync(
            Authentication.AuthorizationHeader, resources, audiences, scope, requestedTokenType,
            subjectToken, subjectTokenType, actorToken, actorTokenType,
            Authentication.FormClientId, Authentication.FormClientSecret, cancellationToken);
    }

    /// <summary>Introspection (RFC 7662 §2.1): whether a token is active, and what it carries.</summary>
    /// <param name="token">The token.</param>
    /// <param name="tokenTypeHint">A hint, one of <see cref="OAuth2TokenTypeHints"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer; <see cref="TokenIntrospectionResponse.Active"/> is <see langword="false"/> for an expired, revoked or unknown token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The server has no introspection endpoint in <see cref="Endpoints"/>.</exception>
    /// <exception cref="TokenApiException">The server refused (RFC 7662 §2.3).</exception>
    public Task<TokenIntrospectionResponse> IntrospectTokenAsync(
        string token,
        string? tokenTypeHint = null,
        CancellationToken cancellationToken = default)
    {
        var endpoint = _introspectionEndpoint ??= IOAuth2IntrospectionEndpoint.Create(
            _httpClient, CopyOptions(_options, Endpoints.IntrospectionEndpoint ?? throw MissingEndpoint("introspection")));
        return endpoint.IntrospectTokenAsync(
            Authentication.AuthorizationHeader, token, tokenTypeHint,
            Authentication.FormClientId, Authentication.FormClientSecret, cancellationToken);
    }

    /// <summary>Revocation (RFC 7009 §2.1): the token stops working. The server confirms also for an invalid or revoked token.</summary>
    /// <param name="token">The token.</param>
    /// <param name="tokenTypeHint">A hint, one of <see cref="OAuth2TokenTypeHints"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server confirmed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The server has no revocation endpoint in <see cref="Endpoints"/>.</exception>
    /// <exception cref="TokenApiException">The server refused (RFC 7009 §2.2.1), for example <c>unsupported_token_type</c>.</exception>
    public Task RevokeTokenAsync(
        string token,
        string? tokenTypeHint = null,
        CancellationToken cancellationToken = default)
    {
        var endpoint = _revocationEndpoint ??= IOAuth2RevocationEndpoint.Create(
            _httpClient, CopyOptions(_options, Endpoints.RevocationEndpoint ?? throw MissingEndpoint("revocation")));
        return endpoint.RevokeTokenAsync(
            Authentication.AuthorizationHeader, token, tokenTypeHint,
            Authentication.FormClientId, Authentication.FormClientSecret, cancellationToken);
    }

    /// <summary>The client id, the method and the token endpoint; never the secret.</summary>
    /// <returns>For example <c>OAuth2Client { ClientId = s6BhdRkqt3, Method = ClientSecretBasic, TokenEndpoint = … }</c>.</returns>
    public override string ToString() =>
        $"OAuth2Client {{ ClientId = {Authentication.ClientId}, Method = {Authentication.Method}, TokenEndpoint = {Endpoints.TokenEndpoint} }}";

    internal static TokenApiClientOptions CopyOptions(TokenApiClientOptions? options, Uri endpoint)
    {
        var copy = new TokenApiClientOptions { BaseAddress = endpoint };
        if (options is not null)
        {
            copy.MaxResponseContentBytes = options.MaxResponseContentBytes;
            copy.AllowInsecureHttp = options.AllowInsecureHttp;
            copy.TimeProvider = options.TimeProvider;
        }

        return copy;
    }

    private static InvalidOperationException MissingEndpoint(string name) =>
        new($"The authorization server has no {name} endpoint in OAuth2Client.Endpoints (none in its metadata, or none set).");
}
