using System;
using System.Threading.Tasks;
using TokenGen.Clients.DirectLine;
using TokenGen.Emulator;

namespace TokenGen.Clients.Tests.Sessions;

/// <summary>
/// The Direct Line session on one fake clock shared with the emulator: its 1800-second tokens are served from cache
/// until the skew, refreshed once inside it, and generated anew once expired — because Direct Line refuses to refresh an
/// expired token.
/// </summary>
public sealed class DirectLineSessionTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1800);

    // The larger of 60 s and 10 % of 1800 s.
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task No_request_before_the_skew_one_refresh_inside_it_and_a_generate_after_expiry()
    {
        await using var on = await TestEmulator.StartAsync();
        await using var session = SessionTarget.DirectLineClient(on)
            .CreateTokenSession(on.Credentials.DirectLineSecret, options: new TokenSessionOptions { TimeProvider = on.Clock });

        var generated = await session.GetTokenAsync();
        Assert.Equal(TestEmulator.ClockStart, generated.IssuedAt);
        Assert.Equal(TestEmulator.ClockStart + Lifetime, generated.ExpiresAt);
        Assert.Equal(TestEmulator.ClockStart + Lifetime - Skew, generated.RefreshAt);
        AssertRequests(on, generate: 1, refresh: 0);

        // Up to the last tick before the refresh time, every call is answered from cache.
        await AssertServedFromCacheAsync(session, generated);
        on.Clock.Advance(generated.RefreshAt!.Value - on.Clock.GetUtcNow() - TimeSpan.FromTicks(1));
        await AssertServedFromCacheAsync(session, generated);
        AssertRequests(on, generate: 1, refresh: 0);

        // At the refresh time: one refresh, of the same conversation, living 1800 s from now.
        on.Clock.Advance(TimeSpan.FromTicks(1));
        var refreshed = await session.GetTokenAsync();
        AssertRequests(on, generate: 1, refresh: 1);
        Assert.NotEqual(generated.AccessToken, refreshed.AccessToken);
        Assert.Equal(Jwt.Claim(generated.AccessToken, "conv"), Jwt.Claim(refreshed.AccessToken, "conv"));
        Assert.Equal(on.Clock.GetUtcNow() + Lifetime, refreshed.ExpiresAt);
        await AssertServedFromCacheAsync(session, refreshed);
        AssertRequests(on, generate: 1, refresh: 1);

        // Past expiry the emulator would answer a refresh with 403 TokenExpired; the session generates instead, which
        // starts a new conversation.
        on.Clock.Advance(refreshed.ExpiresAt!.Value - on.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        var regenerated = await session.GetTokenAsync();
        AssertRequests(on, generate: 2, refresh: 1);
        Assert.NotEqual(Jwt.Claim(refreshed.AccessToken, "conv"), Jwt.Claim(regenerated.AccessToken, "conv"));
        Assert.Equal(on.Clock.GetUtcNow() + Lifetime, regenerated.ExpiresAt);
        await SessionTarget.For(SessionTarget.DirectLine).ProveAcceptedAsync(on, regenerated);
    }

    private static async Task AssertServedFromCacheAsync(TokenSession session, IssuedToken expected)
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(expected.AccessToken, await session.GetAccessTokenAsync());
            Assert.Same(expected, await session.GetTokenAsync());
        }
    }

    private static void AssertRequests(TestEmulator on, int generate, int refresh)
    {
        Assert.Equal(generate, on.Host.RequestCount(EmulatorRoutes.DirectLineGenerate));
        Assert.Equal(refresh, on.Host.RequestCount(EmulatorRoutes.DirectLineRefresh));
    }
}
