using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Tokens;

/// <summary>Proactive refresh on the session's timer, and disposal.</summary>
public sealed class TokenSessionLifecycleTests
{
    /// <summary>Only ends a hang, so a broken disposal fails instead of stalling the run; no test depends on it.</summary>
    private static readonly TimeSpan s_watchdog = TimeSpan.FromMinutes(1);

    private readonly VirtualClock _clock = new();
    private readonly FakeTokenApi _api = new();

    [Fact]
    public async Task ProactiveRefreshReplacesTheTokenAtItsRefreshTimeWithoutACaller()
    {
        await using TokenSession session = _api.CreateSession(_clock, configure: options => options.ProactiveRefresh = true);
        IssuedToken first = await session.GetTokenAsync();
        Assert.Equal(first.RefreshAt, _clock.NextDue);

        _clock.SetUtcNow(first.RefreshAt!.Value.AddTicks(-1));
        Assert.Equal(0, _api.RefreshCalls);

        // The fake clock fires the timer inside Advance; the fake service answers at once, so the flight is done.
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(1, _api.RefreshCalls);
        Assert.Equal(FakeTokenApi.Secret("refreshed-1"), session.Current!.AccessToken);
        Assert.Equal(session.Current.RefreshAt, _clock.NextDue);
    }

    [Fact]
    public async Task ProactiveRefreshIsRescheduledAfterEveryNewToken()
    {
        await using TokenSession session = _api.CreateSession(_clock, configure: options => options.ProactiveRefresh = true);
        await session.GetAccessTokenAsync();

        // Each hour's token is replaced after 54 minutes: five replacements in 4.5 hours, none asked for.
        _clock.Advance(TimeSpan.FromMinutes(54 * 5));

        Assert.Equal((1, 5), (_api.AcquireCalls, _api.RefreshCalls));
        Assert.Equal(FakeTokenApi.Secret("refreshed-5"), session.Current!.AccessToken);
    }

    [Fact]
    public async Task ATokenReplacedByACallerMovesTheProactiveRefresh()
    {
        await using TokenSession session = _api.CreateSession(_clock, configure: options => options.ProactiveRefresh = true);
        await session.GetAccessTokenAsync();
        _clock.Advance(TimeSpan.FromMinutes(30));

        IssuedToken renewed = await session.RefreshAsync(null);

        Assert.Equal(renewed.RefreshAt, _clock.NextDue);
        _clock.Advance(TimeSpan.FromMinutes(30)); // the first token's refresh time passes: nothing happens
        Assert.Equal(1, _api.RefreshCalls);
    }

    [Fact]
    public async Task AProactiveRefreshFailureIsDroppedAndTheNextCallerTriesAgain()
    {
        // No skew: the timer fires at expiry, so there is no valid token to fall back on and the flight fails.
        await using TokenSession session = _api.CreateSession(_clock, configure: options =>
        {
            options.ProactiveRefresh = true;
            options.MinimumRefreshSkew = TimeSpan.Zero;
            options.RefreshSkewRatio = 0;
        });
        IssuedToken first = await session.GetTokenAsync();
        _api.OnRefresh = (_, _, _) => Task.FromException<TokenResponseValues>(FakeTokenApi.Refused(HttpStatusCode.BadRequest));
        _api.OnAcquire = (_, _) => Task.FromException<TokenResponseValues>(FakeTokenApi.Refused(HttpStatusCode.ServiceUnavailable));

        _clock.SetUtcNow(first.ExpiresAt!.Value);
        Assert.Equal((2, 1), (_api.AcquireCalls, _api.RefreshCalls));
        Assert.Same(first, session.Current);
        Assert.Null(_clock.NextDue);

        _api.OnAcquire = (n, _) => Task.FromResult(FakeTokenApi.Values($"access-{n}"));
        Assert.Equal(FakeTokenApi.Secret("access-3"), await session.GetAccessTokenAsync());
        Assert.NotNull(_clock.NextDue);
    }

    [Fact]
    public async Task ATokenThatIsDueAlreadyIsLeftToTheNextCallerNotToALoop()
    {
        _api.OnAcquire = (n, _) => Task.FromResult(FakeTokenApi.Values($"access-{n}", expiresInSeconds: 0));
        await using TokenSession session = _api.CreateSession(_clock, withRefresh: false, configure: options => options.ProactiveRefresh = true);

        await session.GetAccessTokenAsync();
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(_clock.NextDue);
        Assert.Equal(1, _api.AcquireCalls);
    }

    [Fact]
    public async Task ALongLifetimeArmsTheTimerInStepsTheSystemTimerAccepts()
    {
        _api.OnAcquire = (_, _) => Task.FromResult(FakeTokenApi.Values("a", expiresInSeconds: (long)TimeSpan.FromDays(365).TotalSeconds));
        await using TokenSession session = _api.CreateSession(_clock, configure: options => options.ProactiveRefresh = true);
        IssuedToken token = await session.GetTokenAsync();

        Assert.Equal(Clocks.Start.AddDays(30), _clock.NextDue);
        _clock.SetUtcNow(token.RefreshAt!.Value.AddTicks(-1));
        Assert.Equal(0, _api.RefreshCalls);
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(1, _api.RefreshCalls);
    }

    [Fact]
    public async Task WithoutProactiveRefreshNoTimerIsCreated()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        await session.GetAccessTokenAsync();
        _clock.Advance(TimeSpan.FromHours(10));

        Assert.Equal(0, _clock.CreatedTimers);
        Assert.Equal(0, _api.RefreshCalls);
    }

    [Fact]
    public async Task DisposingStopsTheTimer()
    {
        TokenSession session = _api.CreateSession(_clock, configure: options => options.ProactiveRefresh = true);
        await session.GetAccessTokenAsync();
        Assert.Equal(1, _clock.ActiveTimers);

        await session.DisposeAsync();
        _clock.Advance(TimeSpan.FromHours(10));

        Assert.Equal(0, _clock.ActiveTimers);
        Assert.Equal(0, _api.RefreshCalls);
    }

    [Fact]
    public async Task AfterDisposalEveryCallThrowsObjectDisposedException()
    {
        TokenSession session = _api.CreateSession(_clock);
        string token = await session.GetAccessTokenAsync();

        await session.DisposeAsync();
        await session.DisposeAsync();

        Assert.Null(session.Current);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.GetAccessTokenAsync().AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.GetTokenAsync().AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.RefreshAsync(token).AsTask());
        Assert.Equal(1, _api.AcquireCalls);
    }

    [Fact]
    public async Task SynchronousDisposeCancelsTheRequestInFlightAndShutsTheSessionDown()
    {
        // Containers that dispose synchronously (ServiceProvider.Dispose) must be able to shut a session down too.
        _api.HangAcquire();
        TokenSession session = _api.CreateSession(_clock);
        Task<string> caller = session.GetAccessTokenAsync().AsTask();
        Assert.True(_api.ReceivedTokens.TryPeek(out CancellationToken requestToken));

        await Task.Run(session.Dispose).WaitAsync(s_watchdog);

        Assert.True(requestToken.IsCancellationRequested);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => caller.WaitAsync(s_watchdog));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.GetAccessTokenAsync().AsTask());
        session.Dispose();
    }

    [Fact]
    public async Task DisposalCancelsTheRequestInFlightAndItsCallersLearnWhy()
    {
        _api.HangAcquire();
        TokenSession session = _api.CreateSession(_clock);
        Task<string> caller = session.GetAccessTokenAsync().AsTask();
        Assert.True(_api.ReceivedTokens.TryPeek(out CancellationToken requestToken));

        await session.DisposeAsync().AsTask().WaitAsync(s_watchdog);

        Assert.True(requestToken.IsCancellationRequested);
        ObjectDisposedException exception = await Assert.ThrowsAsync<ObjectDisposedException>(() => caller);
        Assert.IsAssignableFrom<OperationCanceledException>(exception.InnerException);
    }

    [Fact]
    public async Task DisposalWaitsForTheRequestToEndAndDoesNotKeepItsAnswer()
    {
        // An operation that ignores cancellation: disposal waits for it, so afterwards the session calls nothing.
        TaskCompletionSource<TokenResponseValues> gate = _api.GateAcquire();
        TokenSession session = _api.CreateSession(_clock);
        Task<string> caller = session.GetAccessTokenAsync().AsTask();

        Task disposing = session.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted);
        gate.SetResult(FakeTokenApi.Values("late"));
        await disposing.WaitAsync(s_watchdog);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => caller);
        Assert.Null(session.Current);
    }

    [Fact]
    public async Task DisposalDuringARefreshStartsNoFallbackAcquire()
    {
        TokenSession session = _api.CreateSession(_clock);
        await session.GetAccessTokenAsync();
        _api.OnRefresh = async (_, _, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        };
        Task<IssuedToken> caller = session.RefreshAsync(null).AsTask();

        await session.DisposeAsync().AsTask().WaitAsync(s_watchdog);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => caller);
        Assert.Equal((1, 1), (_api.AcquireCalls, _api.RefreshCalls));
    }
}
