using System;
using System.Linq;
using System.Threading.Tasks;

namespace TokenGen.Clients.Tests.Sessions;

/// <summary>
/// A thousand concurrent callers on each ready session, over loopback: on a cold session exactly one acquire reaches the
/// emulator, and at the refresh time exactly one refresh and no acquire; every caller gets the same token, and the
/// service accepts it.
/// </summary>
public sealed class SingleFlightTests
{
    [Theory]
    [InlineData(SessionTarget.DirectLine)]
    [InlineData(SessionTarget.Banyan)]
    [InlineData(SessionTarget.Esper)]
    [InlineData(SessionTarget.RunAi)]
    [InlineData(SessionTarget.Prowler)]
    public async Task A_thousand_callers_on_a_cold_session_share_one_acquire_request_and_one_valid_token(string api)
    {
        await using var on = await TestEmulator.StartAsync();
        var target = SessionTarget.For(api);
        var tap = new RequestTap();
        await using var session = target.Create(on, tap, api);

        var burst = await Burst.RunAsync(tap, () => session.GetTokenAsync());

        Assert.Equal(0, burst.AnsweredBeforeRelease);
        Assert.Equal(1, on.Host.RequestCount(target.AcquireRoute));
        Assert.Equal(1, on.Host.RequestCounts().Values.Sum());
        Assert.True(target.IsAcquire(Assert.Single(tap.Requests)), "The one request of a cold session is an acquire.");
        var token = burst.Answers[0];
        Assert.All(burst.Answers, answer => Assert.Same(token, answer));
        Assert.Same(token, session.Current);

        await target.ProveAcceptedAsync(on, token);
    }

    [Theory]
    [InlineData(SessionTarget.DirectLine)]
    [InlineData(SessionTarget.Banyan)]
    [InlineData(SessionTarget.Esper)]
    [InlineData(SessionTarget.RunAi)]
    [InlineData(SessionTarget.Prowler)]
    public async Task A_thousand_callers_at_the_refresh_time_share_one_refresh_request_and_no_acquire(string api)
    {
        await using var on = await TestEmulator.StartAsync();
        var target = SessionTarget.For(api);
        var tap = new RequestTap();
        await using var session = target.Create(on, tap, api);
        var first = await session.GetTokenAsync();
        Assert.NotNull(first.RefreshAt);
        on.Clock.Advance(first.RefreshAt.Value - on.Clock.GetUtcNow());
        on.Host.ResetRequestCounts();
        tap.Clear();

        var burst = await Burst.RunAsync(tap, () => session.GetTokenAsync());

        Assert.Equal(0, burst.AnsweredBeforeRelease);
        Assert.Equal(1, on.Host.RequestCount(target.RefreshRoute));
        Assert.Equal(1, on.Host.RequestCounts().Values.Sum());
        Assert.True(target.IsRefresh(Assert.Single(tap.Requests)), "The one request at the refresh time is a refresh.");
        var token = burst.Answers[0];
        Assert.All(burst.Answers, answer => Assert.Same(token, answer));
        Assert.NotEqual(first.AccessToken, token.AccessToken);
        Assert.Equal(on.Clock.GetUtcNow(), token.IssuedAt);
        Assert.True(token.RefreshAt > on.Clock.GetUtcNow());

        await target.ProveAcceptedAsync(on, token);
    }
}
