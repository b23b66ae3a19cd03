using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Tokens;

/// <summary>Concurrent callers share one request; failures reach them all; one caller's cancellation is its own.</summary>
public sealed class TokenSessionSingleFlightTests
{
    private const int Callers = 1_000;

    private readonly FakeTimeProvider _clock = Clocks.Fake();
    private readonly FakeTokenApi _api = new();

    [Fact]
    public async Task AThousandCallersOnAColdSessionShareOneAcquire()
    {
        TaskCompletionSource<TokenResponseValues> gate = _api.GateAcquire();
        await using TokenSession session = _api.CreateSession(_clock);

        Task<string>[] callers = Enumerable.Range(0, Callers).Select(_ => session.GetAccessTokenAsync().AsTask()).ToArray();
        Assert.All(callers, caller => Assert.False(caller.IsCompleted));
        Assert.Equal(1, _api.AcquireCalls);

        gate.SetResult(FakeTokenApi.Values("access-1"));
        string[] tokens = await Task.WhenAll(callers);

        Assert.All(tokens, token => Assert.Equal(FakeTokenApi.Secret("access-1"), token));
        Assert.Equal((1, 0), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Fact]
    public async Task AThousandCallersOnManyThreadsShareOneAcquire()
    {
        TaskCompletionSource<TokenResponseValues> gate = _api.GateAcquire();
        await using TokenSession session = _api.CreateSession(_clock);

        // The gate stays shut until every caller has joined, whatever the threads' order.
        var callers = new Task<string>[Callers];
        Parallel.For(0, Callers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i => callers[i] = session.GetAccessTokenAsync().AsTask());
        Assert.Equal(1, _api.AcquireCalls);

        gate.SetResult(FakeTokenApi.Values("access-1"));
        string[] tokens = await Task.WhenAll(callers);

        Assert.All(tokens, token => Assert.Equal(FakeTokenApi.Secret("access-1"), token));
        Assert.Equal(1, _api.AcquireCalls);
    }

    [Fact]
    public async Task AThousandCallersAtTheRefreshTimeShareOneRefresh()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        IssuedToken first = await session.GetTokenAsync();
        _clock.SetUtcNow(first.RefreshAt!.Value);
        TaskCompletionSource<TokenResponseValues> gate = _api.GateRefresh();

        var callers = new Task<string>[Callers];
        Parallel.For(0, Callers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i => callers[i] = session.GetAccessTokenAsync().AsTask());
        Assert.Equal(1, _api.RefreshCalls);

        gate.SetResult(FakeTokenApi.Values("refreshed-1", "rotated-1"));
        string[] tokens = await Task.WhenAll(callers);

        Assert.All(tokens, token => Assert.Equal(FakeTokenApi.Secret("refreshed-1"), token));
        Assert.Equal((1, 1), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Fact]
    public async Task AFailureReachesEveryWaitingCallerAndIsNotCached()
    {
        TaskCompletionSource<TokenResponseValues> gate = _api.GateAcquire();
        await using TokenSession session = _api.CreateSession(_clock);
        Task<string>[] callers = Enumerable.Range(0, 3).Select(_ => session.GetAccessTokenAsync().AsTask()).ToArray();

        TokenApiException failure = FakeTokenApi.Refused(HttpStatusCode.ServiceUnavailable);
        gate.SetException(failure);

        foreach (Task<string> caller in callers)
        {
            Assert.Same(failure, await Assert.ThrowsAsync<TokenApiException>(() => caller));
        }

        Assert.Null(session.Current);
        _api.OnAcquire = (n, _) => Task.FromResult(FakeTokenApi.Values($"access-{n}"));
        Assert.Equal(FakeTokenApi.Secret("access-2"), await session.GetAccessTokenAsync());
        Assert.Equal(2, _api.AcquireCalls);
    }

    [Fact]
    public async Task CancellingOneCallerDoesNotCancelTheSharedRequest()
    {
        TaskCompletionSource<TokenResponseValues> gate = _api.GateAcquire();
        await using TokenSession session = _api.CreateSession(_clock);
        using var impatient = new CancellationTokenSource();

        Task<string> leaving = session.GetAccessTokenAsync(impatient.Token).AsTask();
        Task<string> staying = session.GetAccessTokenAsync().AsTask();
        await impatient.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.True(_api.ReceivedTokens.TryPeek(out CancellationToken shared));
        Assert.False(shared.IsCancellationRequested);
        Assert.False(staying.IsCompleted);

        gate.SetResult(FakeTokenApi.Values("access-1"));
        Assert.Equal(FakeTokenApi.Secret("access-1"), await staying);
        Assert.Equal(1, _api.AcquireCalls);
    }

    [Fact]
    public async Task ACallerThatHasAlreadyGivenUpStartsNoRequest()
    {
        await using TokenSession session = _api.CreateSession(_clock);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.GetAccessTokenAsync(new CancellationToken(canceled: true)).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.RefreshAsync(null, new CancellationToken(canceled: true)).AsTask());

        Assert.Equal(0, _api.AcquireCalls);
    }

    [Fact]
    public async Task RefreshAsyncReplacesTheRejectedToken()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        string rejected = await session.GetAccessTokenAsync();

        IssuedToken renewed = await session.RefreshAsync(rejected);

        Assert.Equal(FakeTokenApi.Secret("refreshed-1"), renewed.AccessToken);
        Assert.Same(renewed, session.Current);
        Assert.Equal(FakeTokenApi.Secret("refreshed-1"), await session.GetAccessTokenAsync());
        Assert.Equal((1, 1), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Fact]
    public async Task RefreshAsyncForAnOlderTokenHandsOutTheNewerOneWithoutARequest()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        string old = await session.GetAccessTokenAsync();
        IssuedToken current = await session.RefreshAsync(old);

        IssuedToken answer = await session.RefreshAsync(old);

        Assert.Same(current, answer);
        Assert.Equal(1, _api.RefreshCalls);
    }

    [Fact]
    public async Task RefreshAsyncForAnOlderTokenStillRenewsACurrentTokenThatIsDue()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        string old = await session.GetAccessTokenAsync();
        IssuedToken current = await session.RefreshAsync(old);
        _clock.SetUtcNow(current.RefreshAt!.Value);

        IssuedToken answer = await session.RefreshAsync(old);

        Assert.Equal(FakeTokenApi.Secret("refreshed-2"), answer.AccessToken);
        Assert.Equal(2, _api.RefreshCalls);
    }

    [Fact]
    public async Task ABurstOfRejectionsOfOneTokenCostsOneRefresh()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        string rejected = await session.GetAccessTokenAsync();
        TaskCompletionSource<TokenResponseValues> gate = _api.GateRefresh();

        Task<IssuedToken>[] during = Enumerable.Range(0, 100).Select(_ => session.RefreshAsync(rejected).AsTask()).ToArray();
        gate.SetResult(FakeTokenApi.Values("refreshed-1", "rotated-1"));
        IssuedToken[] renewed = await Task.WhenAll(during);
        IssuedToken[] after = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => session.RefreshAsync(rejected).AsTask()));

        Assert.All(renewed.Concat(after), token => Assert.Equal(FakeTokenApi.Secret("refreshed-1"), token.AccessToken));
        Assert.Equal((1, 1), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Fact]
    public async Task RefreshAsyncWithoutATokenReplacesWhateverTheSessionHolds()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        Assert.Equal(FakeTokenApi.Secret("access-1"), (await session.RefreshAsync(null)).AccessToken);

        Assert.Equal(FakeTokenApi.Secret("refreshed-1"), (await session.RefreshAsync(null)).AccessToken);
        Assert.Equal(FakeTokenApi.Secret("refreshed-2"), (await session.RefreshAsync(null)).AccessToken);
        Assert.Equal((1, 2), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Fact]
    public async Task DuringAForcedRefreshTheCacheStillServesAndFurtherRejectionsJoinTheRefresh()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        string rejected = await session.GetAccessTokenAsync();
        TaskCompletionSource<TokenResponseValues> gate = _api.GateRefresh();

        Task<IssuedToken> refreshing = session.RefreshAsync(rejected).AsTask();

        // The cached path takes no lock, so it does not know of the rejection; a caller that is refused too joins the
        // refresh in progress rather than starting another.
        Assert.Equal(rejected, await session.GetAccessTokenAsync());
        Task<IssuedToken> alsoRefused = session.RefreshAsync(rejected).AsTask();

        gate.SetResult(FakeTokenApi.Values("refreshed-1", "rotated-1"));
        Assert.Equal(FakeTokenApi.Secret("refreshed-1"), (await refreshing).AccessToken);
        Assert.Same(await refreshing, await alsoRefused);
        Assert.Equal(1, _api.RefreshCalls);
    }
}
