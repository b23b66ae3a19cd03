using System.Text.RegularExpressions;
using TokenGen.Clients.OAuth2;
using TokenGen.OAuth2.Tests.Infrastructure;
using TokenGen.TestKit;

namespace TokenGen.OAuth2.Tests;

/// <summary>
/// The device flow (RFC 8628) against OpenIddict: OpenIddict issues and validates the device code (and tells an expired
/// one by <c>expired_token</c>); the test's token entries say whether the user answered and hold the server's polling pace
/// (see <see cref="AuthorizationServer"/>). Server and client share one fake clock started at the real time (the tokens'
/// JWT handler stamps <c>nbf</c> from the real clock), which the test moves exactly as far as the client waits.
/// </summary>
public sealed class OpenIddictDeviceFlowTests
{
    private const string Scope = "api.read offline_access";

    private static async Task<(AuthorizationServer Server, OAuth2Client Client, VirtualClock Clock)> StartAsync(
        Action<ServerSettings>? configure = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var clock = new VirtualClock(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));   // whole seconds, so expires_in is exact
        var settings = new ServerSettings { TimeProvider = clock };
        configure?.Invoke(settings);
        var server = await AuthorizationServer.StartAsync(settings);
        var client = new OAuth2Client(
            new OAuth2Endpoints(server.Endpoint("connect/token")) { DeviceAuthorizationEndpoint = server.Endpoint("connect/device") },
            OAuth2ClientAuthentication.PublicClient(AuthorizationServer.PublicClientId),
            TokenApiHttpClient.Create(),
            new TokenApiClientOptions { TimeProvider = clock });
        return (server, client, clock);
    }

    [Fact]
    public async Task The_device_authorization_answer_has_codes_a_verification_uri_a_lifetime_and_an_interval()
    {
        var (server, client, _) = await StartAsync();
        await using var _server = server;

        var authorization = await client.RequestDeviceAuthorizationAsync(Scope);

        Assert.False(string.IsNullOrEmpty(authorization.DeviceCode));
        Assert.Matches(new Regex("^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$"), authorization.UserCode);
        Assert.Equal(server.Endpoint("connect/verify").AbsoluteUri, authorization.VerificationUri);
        Assert.Equal(server.Endpoint("connect/verify").AbsoluteUri + "?user_code=" + authorization.UserCode, authorization.VerificationUriComplete);
        Assert.Equal(600, authorization.ExpiresIn);
        Assert.Equal(5, authorization.Interval);
        Assert.Equal(0, server.TokenRequests);
    }

    [Fact]
    public async Task Polling_goes_on_while_authorization_is_pending_and_gets_the_users_token_once_approved()
    {
        var (server, client, clock) = await StartAsync();
        await using var _server = server;
        var authorization = await client.RequestDeviceAuthorizationAsync(Scope);

        var polling = client.WaitForDeviceTokenAsync(authorization);
        var waits = new List<TimeSpan>();
        for (var poll = 0; poll < 4; poll++)
        {
            var wait = await clock.NextTimerAsync();
            Assert.Equal(poll, server.TokenRequests);   // each poll was answered (authorization_pending) before the next wait
            waits.Add(wait);
            if (poll == 3)
            {
                Assert.True(server.ApproveDevice(authorization.UserCode!));
            }

            clock.Advance(wait);
        }

        var token = await polling;

        Assert.Equal([5, 5, 5, 5], waits.Select(w => w.TotalSeconds));
        Assert.Equal(4, server.TokenRequests);
        Assert.Equal(AuthorizationServer.UserName, Jwt.Claim(token.AccessToken!, "sub"));
        Assert.Equal("api.read offline_access", Jwt.Claim(token.AccessToken!, "scope"));
        Assert.False(string.IsNullOrEmpty(token.RefreshToken));
    }

    [Fact]
    public async Task A_server_holding_polls_to_a_slower_pace_answers_slow_down_and_the_client_waits_five_seconds_more()
    {
        // The server states 5 s but, under load, holds polls to 10 s: only a client that adds 5 s at slow_down gets on.
        var (server, client, clock) = await StartAsync(s => s.RequiredDevicePollingInterval = TimeSpan.FromSeconds(10));
        await using var _server = server;
        var authorization = await client.RequestDeviceAuthorizationAsync(Scope);

        var polling = client.WaitForDeviceTokenAsync(authorization);
        var waits = new List<TimeSpan>();
        for (var poll = 0; poll < 3; poll++)
        {
            var wait = await clock.NextTimerAsync();
            waits.Add(wait);
            if (poll == 2)
            {
                Assert.True(server.ApproveDevice(authorization.UserCode!));
            }

            clock.Advance(wait);
        }

        var token = await polling;

        Assert.Equal([5, 10, 10], waits.Select(w => w.TotalSeconds));   // slow_down, authorization_pending, the token
        Assert.Equal(3, server.TokenRequests);
        Assert.Equal(AuthorizationServer.UserName, Jwt.Claim(token.AccessToken!, "sub"));
    }

    [Fact]
    public async Task A_device_the_user_denies_ends_the_polling_with_access_denied()
    {
        var (server, client, clock) = await StartAsync();
        await using var _server = server;
        var authorization = await client.RequestDeviceAuthorizationAsync(Scope);
        var polling = client.WaitForDeviceTokenAsync(authorization);

        clock.Advance(await clock.NextTimerAsync());
        var wait = await clock.NextTimerAsync();
        Assert.True(server.DenyDevice(authorization.UserCode!));
        clock.Advance(wait);

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => polling);
        Assert.True(exception.IsOAuth2Error(OAuth2ErrorCodes.AccessDenied), exception.Message);
        Assert.Equal(2, server.TokenRequests);
        Assert.False(server.ApproveDevice(authorization.UserCode!));   // an answer is final
    }

    [Fact]
    public async Task Polling_stops_before_the_device_code_expires_and_the_server_then_refuses_it_with_expired_token()
    {
        var (server, client, clock) = await StartAsync(s => s.DeviceCodeLifetime = TimeSpan.FromSeconds(12));
        await using var _server = server;
        var authorization = await client.RequestDeviceAuthorizationAsync(Scope);
        Assert.Equal(12, authorization.ExpiresIn);
        var polling = client.WaitForDeviceTokenAsync(authorization);

        clock.Advance(await clock.NextTimerAsync());   // poll at 5 s
        clock.Advance(await clock.NextTimerAsync());   // poll at 10 s; one at 15 s would be past the 12 s lifetime

        await Assert.ThrowsAsync<TimeoutException>(() => polling);
        Assert.Equal(2, server.TokenRequests);

        // A client that polls anyway (at 15 s) hears from OpenIddict that the code expired (RFC 8628 §3.5).
        clock.Advance(TimeSpan.FromSeconds(5));
        var exception = await Assert.ThrowsAsync<TokenApiException>(() => client.RequestDeviceTokenAsync(authorization.DeviceCode!));
        Assert.True(exception.IsOAuth2Error(OAuth2ErrorCodes.ExpiredToken), exception.Message);
    }

    [Fact]
    public async Task Cancelling_stops_the_polling_during_a_wait_and_sends_nothing_more()
    {
        var (server, client, clock) = await StartAsync();
        await using var _server = server;
        var authorization = await client.RequestDeviceAuthorizationAsync(Scope);
        using var cancellation = new CancellationTokenSource();
        var polling = client.WaitForDeviceTokenAsync(authorization, cancellation.Token);

        clock.Advance(await clock.NextTimerAsync());
        await clock.NextTimerAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => polling);
        Assert.Equal(1, server.TokenRequests);
    }

    [Fact]
    public async Task A_device_code_gets_one_token_only()
    {
        var (server, client, clock) = await StartAsync();
        await using var _server = server;
        var authorization = await client.RequestDeviceAuthorizationAsync(Scope);
        server.ApproveDevice(authorization.UserCode!);
        var polling = client.WaitForDeviceTokenAsync(authorization);
        clock.Advance(await clock.NextTimerAsync());
        await polling;

        clock.Advance(TimeSpan.FromSeconds(5));
        var exception = await Assert.ThrowsAsync<TokenApiException>(() => client.RequestDeviceTokenAsync(authorization.DeviceCode!));

        Assert.True(exception.IsOAuth2Error(OAuth2ErrorCodes.InvalidGrant), exception.Message);
    }

    [Fact]
    public async Task A_device_flow_session_shows_the_user_code_gets_the_token_once_approved_and_refreshes_with_rotation()
    {
        var (server, client, clock) = await StartAsync();
        await using var _server = server;
        var shown = new List<string>();
        var approved = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var session = client.CreateDeviceFlowSession(
            (authorization, _) =>
            {
                // The user reads the code off the device and approves it on their phone.
                shown.Add(authorization.UserCode!);
                approved.SetResult(server.ApproveDevice(authorization.UserCode!));
                return Task.CompletedTask;
            },
            scope: Scope,
            options: new TokenSessionOptions { TimeProvider = clock });

        var gettingFirst = session.GetTokenAsync().AsTask();
        // The device authorization request comes first (a fresh server's first request is slow on a loaded machine), so
        // the wait for the polling timer starts once the code was shown.
        Assert.True(await approved.Task.WaitAsync(TimeSpan.FromMinutes(2)));   // a guard against hanging, not a timing check
        clock.Advance(await clock.NextTimerAsync());
        var first = await gettingFirst;

        Assert.Single(shown);
        Assert.Equal(AuthorizationServer.UserName, Jwt.Claim(first.AccessToken, "sub"));
        Assert.Equal(first.AccessToken, await session.GetAccessTokenAsync());
        Assert.Equal(1, server.TokenRequests);

        // Past the refresh time (10 % before the hour's end): a refresh, with the refresh token the device flow gave.
        clock.Advance(TimeSpan.FromMinutes(55));
        var second = await session.GetTokenAsync();

        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(AuthorizationServer.UserName, Jwt.Claim(second.AccessToken, "sub"));
        Assert.Single(shown);   // no new device authorization
        Assert.Equal(2, server.TokenRequests);

        var reuse = await Assert.ThrowsAsync<TokenApiException>(() => client.RefreshTokenAsync(first.RefreshToken!));
        Assert.True(reuse.IsOAuth2Error(OAuth2ErrorCodes.InvalidGrant));
    }
}
