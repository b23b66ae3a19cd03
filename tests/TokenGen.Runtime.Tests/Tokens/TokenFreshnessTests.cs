using System;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Tokens;

/// <summary>
/// A session on the system clock decides freshness by the tick count, laid out from the precise clock when the token
/// arrives: the same decisions as the precise clock would make, at a fraction of the cost.
/// </summary>
public sealed class TokenFreshnessTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1_000, 3_240_000, 3_241_000)] // an hour's token, refreshed after 3240 s
    [InlineData(5_000, 1, 5_001)] // one millisecond left
    [InlineData(5_000, 0, 5_000)] // due now: not fresh even at this tick
    [InlineData(5_000, -60_000, 5_000)] // due a minute ago
    public void TheTickDeadlineIsTheTickCountNowPlusTheMillisecondsLeft(long nowTickCount, long millisecondsLeft, long expected)
    {
        Assert.Equal(expected, TokenFreshness.TickDeadline(nowTickCount, s_now, s_now.AddMilliseconds(millisecondsLeft)));
    }

    [Fact]
    public void PartsOfAMillisecondLeftAreDropped_SoATokenIsNeverFreshPastItsRefreshTime()
    {
        Assert.Equal(100, TokenFreshness.TickDeadline(100, s_now, s_now.AddTicks(TimeSpan.TicksPerMillisecond - 1)));
        Assert.Equal(101, TokenFreshness.TickDeadline(100, s_now, s_now.AddTicks((2 * TimeSpan.TicksPerMillisecond) - 1)));
    }

    [Fact]
    public void ATokenWithoutExpiryOrWithARefreshTimeBeyondTheTickCountsRangeStaysFresh()
    {
        Assert.Equal(long.MaxValue, TokenFreshness.TickDeadline(100, s_now, refreshAt: null));
        Assert.Equal(long.MaxValue, TokenFreshness.TickDeadline(long.MaxValue - 10, s_now, DateTimeOffset.MaxValue));
    }

    [Fact]
    public void TheDeadlineIsComparedWithTheCurrentTickCount()
    {
        Assert.True(TokenFreshness.IsFresh(Environment.TickCount64 + 60_000));
        Assert.False(TokenFreshness.IsFresh(Environment.TickCount64));
        Assert.False(TokenFreshness.IsFresh(long.MinValue));
    }

    [Fact]
    public async Task OnTheSystemClock_ALongLivedTokenIsServedFromTheCache()
    {
        var api = new FakeTokenApi();
        await using var session = new TokenSession(api.AcquireAsync);

        string first = await session.GetAccessTokenAsync();

        Assert.Equal(first, await session.GetAccessTokenAsync());
        Assert.Same(session.Current, await session.GetTokenAsync());
        Assert.Equal(1, api.AcquireCalls);
        Assert.True(session.Current!.FreshUntilTickCount > Environment.TickCount64 + 3_000_000);
        Assert.Contains("State = Valid", session.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnTheSystemClock_ATokenThatIsDueOnArrivalIsNotServedFromTheCache()
    {
        var api = new FakeTokenApi { OnAcquire = (_, _) => Task.FromResult(FakeTokenApi.Values("a", expiresInSeconds: 0)) };
        await using var session = new TokenSession(api.AcquireAsync);

        await session.GetAccessTokenAsync();
        await session.GetAccessTokenAsync();

        Assert.Equal(2, api.AcquireCalls);
        Assert.Contains("State = Expired", session.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnTheSystemClock_TheProactiveTimerRefreshesWithNoCaller()
    {
        // A two-second token is due after one second (never before half its lifetime). The timer is armed by the tick
        // count the freshness check reads, so a wake-up that the coarse count still calls fresh is re-armed, not lost.
        var api = new FakeTokenApi
        {
            OnAcquire = (_, _) => Task.FromResult(FakeTokenApi.Values("a", refreshToken: "r", expiresInSeconds: 2)),
            OnRefresh = (_, _, _) => Task.FromResult(FakeTokenApi.Values("b", refreshToken: "r", expiresInSeconds: 3600)),
        };
        await using var session = new TokenSession(
            api.AcquireAsync, api.RefreshAsync, new TokenSessionOptions { ProactiveRefresh = true });
        await session.GetAccessTokenAsync();

        // Bounded by a generous wait for the event, not a timing: the refresh is due after one second.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (session.Current?.AccessToken != FakeTokenApi.Secret("b") && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        Assert.Equal(FakeTokenApi.Secret("b"), session.Current?.AccessToken);
        Assert.Equal((1, 1), (api.AcquireCalls, api.RefreshCalls));
    }

    [Fact]
    public async Task OnAnotherClock_TheTickCountIsNotUsed()
    {
        var clock = Clocks.Fake();
        var api = new FakeTokenApi();
        await using TokenSession session = api.CreateSession(clock);

        await session.GetAccessTokenAsync();

        Assert.Equal(long.MaxValue, session.Current!.FreshUntilTickCount);
    }
}
