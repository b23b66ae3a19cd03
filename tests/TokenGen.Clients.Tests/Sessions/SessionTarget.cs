using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using TokenGen.Clients.Banyan;
using TokenGen.Clients.DirectLine;
using TokenGen.Clients.Esper;
using TokenGen.Clients.Prowler;
using TokenGen.Clients.RunAi;
using TokenGen.Emulator;
using RunAiTokenRequest = TokenGen.Clients.RunAi.TokenRequest;

namespace TokenGen.Clients.Tests.Sessions;

/// <summary>
/// One of the five ready sessions as the tests drive it: how to build it on an emulator, which emulator operations its
/// acquire and its refresh are, how to tell a refresh among the requests it sent, and how to prove that a token it
/// handed out is one the service accepts.
/// </summary>
internal sealed class SessionTarget
{
    public const string DirectLine = nameof(DirectLine);
    public const string Banyan = nameof(Banyan);
    public const string Esper = nameof(Esper);
    public const string RunAi = nameof(RunAi);
    public const string Prowler = nameof(Prowler);

    private readonly Func<TestEmulator, RequestTap, TokenSessionOptions, TokenSession> _create;
    private readonly Func<TestEmulator, IssuedToken, Task> _proveAccepted;

    private SessionTarget(
        string acquireRoute,
        string refreshRoute,
        Func<TappedRequest, bool> isAcquire,
        Func<TappedRequest, bool> isRefresh,
        Func<TestEmulator, RequestTap, TokenSessionOptions, TokenSession> create,
        Func<TestEmulator, IssuedToken, Task> proveAccepted)
    {
        AcquireRoute = acquireRoute;
        RefreshRoute = refreshRoute;
        IsAcquire = isAcquire;
        IsRefresh = isRefresh;
        _create = create;
        _proveAccepted = proveAccepted;
    }

    /// <summary>The emulator operation that obtains a token from scratch.</summary>
    public string AcquireRoute { get; }

    /// <summary>
    /// The emulator operation that renews one: the same as <see cref="AcquireRoute"/> for Banyan (v1 is both, so its
    /// requests are acquires and refreshes at once) and Run:ai (one endpoint, another grant type).
    /// </summary>
    public string RefreshRoute { get; }

    /// <summary>Whether a request the session sent was its acquire (for Run:ai: the <c>client_credentials</c> grant).</summary>
    public Func<TappedRequest, bool> IsAcquire { get; }

    /// <summary>Whether a request the session sent was its refresh (for Run:ai: the <c>refresh_token</c> grant).</summary>
    public Func<TappedRequest, bool> IsRefresh { get; }

    public static SessionTarget For(string api) => api switch
    {
        DirectLine => new SessionTarget(
            EmulatorRoutes.DirectLineGenerate,
            EmulatorRoutes.DirectLineRefresh,
            request => request.Path.EndsWith("/tokens/generate", StringComparison.Ordinal),
            request => request.Path.EndsWith("/tokens/refresh", StringComparison.Ordinal),
            (on, tap, options) => DirectLineClient(on, tap).CreateTokenSession(on.Credentials.DirectLineSecret, options: options),
            async (on, token) =>
            {
                // Direct Line refreshes only a live token it issued, and keeps its conversation.
                var refreshed = await DirectLineClient(on).RefreshTokenAsync(BearerToken.Format(token.AccessToken));
                Assert.Equal(Jwt.Claim(token.AccessToken, "conv"), refreshed.ConversationId);
            }),

        Banyan => new SessionTarget(
            EmulatorRoutes.BanyanRefreshV1,
            EmulatorRoutes.BanyanRefreshV1,
            request => request.Path.EndsWith("/v1/refresh_token", StringComparison.Ordinal),
            request => request.Path.EndsWith("/v1/refresh_token", StringComparison.Ordinal),
            (on, tap, options) => BanyanClient(on, tap).CreateTokenSession(on.Credentials.BanyanRefreshToken, options),
            async (on, token) =>
            {
                // v2 answers only to a live access token it issued.
                var answer = await BanyanClient(on).GenerateRefreshTokenAsync(BearerToken.Format(token.AccessToken));
                Assert.StartsWith("bnn-refresh.", answer.Data?.RefreshToken, StringComparison.Ordinal);
            }),

        Esper => new SessionTarget(
            EmulatorRoutes.EsperTokenInfo,
            EmulatorRoutes.EsperRenewToken,
            request => request.Path.EndsWith("/token-info/", StringComparison.Ordinal),
            request => request.Path.EndsWith("/renew-token/", StringComparison.Ordinal),
            (on, tap, options) => EsperClient(on, tap).CreateTokenSession(
                on.Credentials.EsperApiKey, on.Credentials.EsperEnterpriseId.ToString(), on.Credentials.EsperDeveloperAppId.ToString(), options),
            async (on, token) =>
            {
                // Token-info authenticates with the token itself and refuses an unknown or expired one.
                var info = await EsperClient(on).GetTokenInfoAsync(BearerToken.Format(token.AccessToken));
                Assert.Equal(token.AccessToken, info.Token);
            }),

        RunAi => new SessionTarget(
            EmulatorRoutes.RunAiGrantToken,
            EmulatorRoutes.RunAiGrantToken,
            request => GrantType(request) == RunAiGrantTypes.ClientCredentials,
            request => GrantType(request) == RunAiGrantTypes.RefreshToken,
            (on, tap, options) => RunAiClient(on, tap).CreateTokenSession(on.Credentials.RunAiClientId, on.Credentials.RunAiClientSecret, options),
            async (on, token) =>
            {
                // No Run:ai operation takes the access token, so: it is the emulator's JWT, live, with the expiry the
                // session believes; and the refresh token issued with it is accepted.
                Assert.Equal(on.Credentials.RunAiClientId, Jwt.Claim(token.AccessToken, "sub"));
                Assert.Equal(token.ExpiresAt, Jwt.ExpiresAt(token.AccessToken));
                Assert.True(token.ExpiresAt > on.Clock.GetUtcNow());
                var answer = await RunAiClient(on).GrantTokenAsync(RunAiTokenRequest.ForRefreshToken(token.RefreshToken!, on.Credentials.RunAiClientId));
                Assert.Equal(on.Credentials.RunAiClientId, Jwt.Claim(answer.AccessToken, "sub"));
            }),

        Prowler => new SessionTarget(
            EmulatorRoutes.ProwlerObtain,
            EmulatorRoutes.ProwlerRefresh,
            request => request.Path.EndsWith("/api/v1/tokens", StringComparison.Ordinal),
            request => request.Path.EndsWith("/tokens/refresh", StringComparison.Ordinal),
            (on, tap, options) => ProwlerClient(on, tap).CreateTokenSession(on.Credentials.ProwlerEmail, on.Credentials.ProwlerPassword, options: options),
            async (on, token) =>
            {
                // Switching tenant authenticates with the access token first.
                var second = on.Credentials.ProwlerSecondTenantId.ToString();
                var switched = await ProwlerClient(on).SwitchTenantAsync(BearerToken.Format(token.AccessToken), new TokenSwitchTenantRequest(second));
                Assert.Equal(second, Jwt.Claim(switched.Access, "tenant_id"));
            }),

        _ => throw new ArgumentOutOfRangeException(nameof(api), api, "Not one of the five APIs."),
    };

    /// <summary>The session on <paramref name="on"/>, its requests going through <paramref name="tap"/>, on the emulator's clock.</summary>
    public TokenSession Create(TestEmulator on, RequestTap tap, string name) =>
        _create(on, tap, new TokenSessionOptions { TimeProvider = on.Clock, Name = name });

    /// <summary>Fails unless the service accepts <paramref name="token"/> in the next call that needs it.</summary>
    public Task ProveAcceptedAsync(TestEmulator on, IssuedToken token) => _proveAccepted(on, token);

    public static IDirectLineTokens DirectLineClient(TestEmulator on, HttpMessageHandler? handler = null) =>
        IDirectLineTokens.Create(on.Http(handler: handler), TestEmulator.At(on.Host.DirectLineBaseAddress));

    public static IBanyanTokens BanyanClient(TestEmulator on, HttpMessageHandler? handler = null) =>
        IBanyanTokens.Create(on.Http(handler: handler), TestEmulator.At(on.Host.BanyanBaseAddress));

    public static IEsperTokens EsperClient(TestEmulator on, HttpMessageHandler? handler = null) =>
        IEsperTokens.Create(on.Http(handler: handler), TestEmulator.At(on.Host.EsperBaseAddress));

    public static IRunAiTokens RunAiClient(TestEmulator on, HttpMessageHandler? handler = null) =>
        IRunAiTokens.Create(on.Http(handler: handler), TestEmulator.At(on.Host.RunAiBaseAddress));

    public static IProwlerTokens ProwlerClient(TestEmulator on, HttpMessageHandler? handler = null) =>
        IProwlerTokens.Create(on.Http(handler: handler), TestEmulator.At(on.Host.ProwlerBaseAddress));

    /// <summary>The <c>grantType</c> of a Run:ai token request's JSON body.</summary>
    public static string? GrantType(TappedRequest request)
    {
        Assert.NotNull(request.Body);
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("grantType").GetString();
    }
}
