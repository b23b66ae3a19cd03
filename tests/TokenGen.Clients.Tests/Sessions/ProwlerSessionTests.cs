using System;
using System.Net;
using System.Threading.Tasks;
using TokenGen.Clients.Prowler;
using TokenGen.Emulator;

namespace TokenGen.Clients.Tests.Sessions;

/// <summary>
/// The Prowler sessions against the emulator: the lifetime read from the access JWT, the rotating refresh token (even
/// when the answer to a refresh the server carried out is lost on the way back), and a session for another tenant.
/// </summary>
public sealed class ProwlerSessionTests
{
    private const string RefreshPath = "/api/v1/tokens/refresh";

    private static readonly TimeSpan AccessLifetime = TimeSpan.FromMinutes(30);

    // The larger of 60 s and 10 % of 30 min.
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_lifetime_comes_from_the_access_tokens_exp_claim_and_each_refresh_rotates_the_refresh_token()
    {
        await using var on = await TestEmulator.StartAsync();
        await using var session = UserSession(on, SessionTarget.ProwlerClient(on));

        var obtained = await session.GetTokenAsync();
        Assert.Equal(TestEmulator.ClockStart, obtained.IssuedAt);
        Assert.Equal(TestEmulator.ClockStart + AccessLifetime, obtained.ExpiresAt);
        Assert.Equal(TestEmulator.ClockStart + AccessLifetime - Skew, obtained.RefreshAt);
        Assert.Equal(FirstTenant(on), Jwt.Claim(obtained.AccessToken, "tenant_id"));

        on.Clock.Advance(obtained.RefreshAt!.Value - on.Clock.GetUtcNow());
        var refreshed = await session.GetTokenAsync();

        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.ProwlerObtain));
        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.ProwlerRefresh));
        Assert.NotEqual(obtained.RefreshToken, refreshed.RefreshToken);
        Assert.Equal(on.Clock.GetUtcNow() + AccessLifetime, refreshed.ExpiresAt);
        await AssertRefreshRefusedAsync(on, obtained.RefreshToken!);
        await SessionTarget.For(SessionTarget.Prowler).ProveAcceptedAsync(on, refreshed);
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_with_the_still_live_refresh_token_not_obtained_again()
    {
        await using var on = await TestEmulator.StartAsync();
        await using var session = UserSession(on, SessionTarget.ProwlerClient(on));
        var obtained = await session.GetTokenAsync();

        // The refresh token lives 24 h, far beyond the access token's 30 min.
        on.Clock.Advance(TimeSpan.FromHours(2));
        var refreshed = await session.GetTokenAsync();

        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.ProwlerObtain));
        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.ProwlerRefresh));
        Assert.NotEqual(obtained.AccessToken, refreshed.AccessToken);
        await SessionTarget.For(SessionTarget.Prowler).ProveAcceptedAsync(on, refreshed);
    }

    [Fact]
    public async Task When_the_answer_to_a_refresh_the_server_rotated_is_dropped_the_session_recovers_with_exactly_one_obtain()
    {
        await using var on = await TestEmulator.StartAsync();
        var dropRefresh = new FaultInjector(RefreshPath, "drop");
        var tap = new RequestTap(dropRefresh);
        await using var session = UserSession(on, SessionTarget.ProwlerClient(on, tap));
        var obtained = await session.GetTokenAsync();
        on.Clock.Advance(obtained.RefreshAt!.Value - on.Clock.GetUtcNow());
        on.Host.ResetRequestCounts();

        var burst = await Burst.RunAsync(tap, () => session.GetTokenAsync());

        // The refresh reached the server (which rotated the refresh token away) and lost its answer; the session did not
        // send the dead refresh token again, but obtained once with the credentials.
        Assert.Equal(1, dropRefresh.Injected);
        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.ProwlerRefresh));
        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.ProwlerObtain));
        Assert.Equal(0, on.Host.RequestCount(EmulatorRoutes.ProwlerSwitchTenant));
        var recovered = burst.Answers[0];
        Assert.All(burst.Answers, answer => Assert.Same(recovered, answer));
        Assert.NotEqual(obtained.AccessToken, recovered.AccessToken);
        Assert.NotEqual(obtained.RefreshToken, recovered.RefreshToken);
        Assert.Equal(on.Clock.GetUtcNow() + AccessLifetime, recovered.ExpiresAt);

        // The server did rotate: the refresh token the session sent is dead. The recovered pair works: the access token
        // switches tenant, and the refresh token refreshes.
        await AssertRefreshRefusedAsync(on, obtained.RefreshToken!);
        await SessionTarget.For(SessionTarget.Prowler).ProveAcceptedAsync(on, recovered);
        var refreshed = await SessionTarget.ProwlerClient(on).RefreshTokenAsync(new TokenRefreshRequest(recovered.RefreshToken!));
        Assert.Equal(FirstTenant(on), Jwt.Claim(refreshed.Access, "tenant_id"));
    }

    [Fact]
    public async Task A_tenant_session_switches_once_with_the_users_token_then_refreshes_on_its_own_in_the_new_tenant()
    {
        await using var on = await TestEmulator.StartAsync();
        var client = SessionTarget.ProwlerClient(on);
        await using var user = UserSession(on, client);
        await using var tenant = client.CreateTenantSession(user, SecondTenant(on), new TokenSessionOptions { TimeProvider = on.Clock, Name = "second tenant" });

        var switched = await tenant.GetTokenAsync();

        Assert.Equal(SecondTenant(on), Jwt.Claim(switched.AccessToken, "tenant_id"));
        Assert.Equal(SecondTenant(on), Jwt.Claim(switched.RefreshToken, "tenant_id"));
        Assert.Equal(FirstTenant(on), Jwt.Claim(await user.GetAccessTokenAsync(), "tenant_id"));
        Assert.Equal(TestEmulator.ClockStart + AccessLifetime, switched.ExpiresAt);
        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.ProwlerObtain));
        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.ProwlerSwitchTenant));

        on.Clock.Advance(switched.RefreshAt!.Value - on.Clock.GetUtcNow());
        on.Host.ResetRequestCounts();
        var refreshed = await tenant.GetTokenAsync();

        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.ProwlerRefresh));
        Assert.Equal(0, on.Host.RequestCount(EmulatorRoutes.ProwlerSwitchTenant));
        Assert.Equal(0, on.Host.RequestCount(EmulatorRoutes.ProwlerObtain));
        Assert.NotEqual(switched.AccessToken, refreshed.AccessToken);
        Assert.Equal(SecondTenant(on), Jwt.Claim(refreshed.AccessToken, "tenant_id"));
        await SessionTarget.For(SessionTarget.Prowler).ProveAcceptedAsync(on, refreshed);
    }

    private static TokenSession UserSession(TestEmulator on, IProwlerTokens client) =>
        client.CreateTokenSession(on.Credentials.ProwlerEmail, on.Credentials.ProwlerPassword,
            options: new TokenSessionOptions { TimeProvider = on.Clock, Name = "user" });

    private static async Task AssertRefreshRefusedAsync(TestEmulator on, string refreshToken)
    {
        var (_, errors) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => SessionTarget.ProwlerClient(on).RefreshTokenAsync(new TokenRefreshRequest(refreshToken)));
        var error = Assert.Single(errors.Errors ?? []);
        Assert.Equal("Invalid or expired token", error.Detail);
        Assert.Equal("/data/attributes/refresh", error.Source?.Pointer);
    }

    private static string FirstTenant(TestEmulator on) => on.Credentials.ProwlerTenantId.ToString();

    private static string SecondTenant(TestEmulator on) => on.Credentials.ProwlerSecondTenantId.ToString();
}
