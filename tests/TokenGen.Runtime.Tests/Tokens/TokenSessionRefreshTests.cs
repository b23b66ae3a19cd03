using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Tokens;

/// <summary>When a session refreshes and when it acquires; rotation; the one fallback acquire; failures inside the skew.</summary>
public sealed class TokenSessionRefreshTests
{
    private readonly FakeTimeProvider _clock = Clocks.Fake();
    private readonly FakeTokenApi _api = new();

    [Fact]
    public async Task ARefreshTokenIsUsedEvenAfterTheAccessTokenExpired()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        await session.GetAccessTokenAsync();
        _clock.Advance(TimeSpan.FromHours(5));

        Assert.Equal(FakeTokenApi.Secret("refreshed-1"), await session.GetAccessTokenAsync());

        Assert.Equal((1, 1), (_api.AcquireCalls, _api.RefreshCalls));
        Assert.Equal([FakeTokenApi.Secret("refresh-1")], _api.RefreshedWith());
    }

    [Fact]
    public async Task WithoutARefreshTokenTheAccessTokenRefreshesItselfWhileItIsValid()
    {
        _api.OnAcquire = (n, _) => Task.FromResult(FakeTokenApi.Values($"access-{n}", refreshToken: null));
        await using TokenSession session = _api.CreateSession(_clock);
        IssuedToken first = await session.GetTokenAsync();
        _clock.SetUtcNow(first.ExpiresAt!.Value.AddTicks(-1));

        Assert.Equal(FakeTokenApi.Secret("refreshed-1"), await session.GetAccessTokenAsync());

        Assert.Equal((1, 1), (_api.AcquireCalls, _api.RefreshCalls));
        Assert.True(_api.RefreshedTokens.TryPeek(out IssuedToken? renewed));
        Assert.Same(first, renewed);
    }

    [Fact]
    public async Task WithoutARefreshTokenAnExpiredAccessTokenIsReplacedByAnAcquire()
    {
        _api.OnAcquire = (n, _) => Task.FromResult(FakeTokenApi.Values($"access-{n}", refreshToken: null));
        await using TokenSession session = _api.CreateSession(_clock);
        IssuedToken first = await session.GetTokenAsync();
        _clock.SetUtcNow(first.ExpiresAt!.Value);

        Assert.Equal(FakeTokenApi.Secret("access-2"), await session.GetAccessTokenAsync());

        Assert.Equal((2, 0), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Fact]
    public async Task WithoutARefreshOperationEveryNewTokenIsAcquired()
    {
        await using TokenSession session = _api.CreateSession(_clock, withRefresh: false);
        IssuedToken first = await session.GetTokenAsync();
        _clock.SetUtcNow(first.RefreshAt!.Value);

        Assert.Equal(FakeTokenApi.Secret("access-2"), await session.GetAccessTokenAsync());
        Assert.Equal(FakeTokenApi.Secret("access-3"), (await session.RefreshAsync(FakeTokenApi.Secret("access-2"))).AccessToken);

        Assert.Equal((3, 0), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Fact]
    public async Task ARotatedRefreshTokenReplacesTheOldOneTogetherWithTheAccessToken()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        await session.GetAccessTokenAsync();

        IssuedToken once = await session.RefreshAsync(null);
        IssuedToken twice = await session.RefreshAsync(null);

        Assert.Equal((FakeTokenApi.Secret("refreshed-1"), FakeTokenApi.Secret("rotated-1")), (once.AccessToken, once.RefreshToken));
        Assert.Equal((FakeTokenApi.Secret("refreshed-2"), FakeTokenApi.Secret("rotated-2")), (twice.AccessToken, twice.RefreshToken));
        Assert.Equal([FakeTokenApi.Secret("refresh-1"), FakeTokenApi.Secret("rotated-1")], _api.RefreshedWith());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task ARefreshAnswerWithoutANewRefreshTokenKeepsTheOldOne(string? refreshToken)
    {
        _api.OnRefresh = (n, _, _) => Task.FromResult(new TokenResponseValues(FakeTokenApi.Secret($"refreshed-{n}"), refreshToken, 3600, null));
        await using TokenSession session = _api.CreateSession(_clock);
        await session.GetAccessTokenAsync();

        IssuedToken once = await session.RefreshAsync(null);
        await session.RefreshAsync(null);

        Assert.Equal(FakeTokenApi.Secret("refresh-1"), once.RefreshToken);
        Assert.Equal([FakeTokenApi.Secret("refresh-1"), FakeTokenApi.Secret("refresh-1")], _api.RefreshedWith());
    }

    [Fact]
    public async Task AnAcquireAnswerWithoutARefreshTokenDropsTheOldOne()
    {
        _api.OnAcquire = (n, _) => Task.FromResult(FakeTokenApi.Values($"access-{n}", refreshToken: n == 1 ? "refresh-1" : null));
        _api.OnRefresh = (_, _, _) => Task.FromException<TokenResponseValues>(FakeTokenApi.Refused(HttpStatusCode.BadRequest));
        await using TokenSession session = _api.CreateSession(_clock);
        await session.GetAccessTokenAsync();

        IssuedToken acquired = await session.RefreshAsync(null);

        Assert.Equal(FakeTokenApi.Secret("access-2"), acquired.AccessToken);
        Assert.Null(acquired.RefreshToken);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task ARefusedRefreshFallsBackToExactlyOneAcquire(HttpStatusCode status)
    {
        _api.OnRefresh = (_, _, _) => Task.FromException<TokenResponseValues>(FakeTokenApi.Refused(status));
        await using TokenSession session = _api.CreateSession(_clock);
        await session.GetAccessTokenAsync();
        _clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(FakeTokenApi.Secret("access-2"), await session.GetAccessTokenAsync());

        Assert.Equal((2, 1), (_api.AcquireCalls, _api.RefreshCalls));
        Assert.Equal(FakeTokenApi.Secret("refresh-2"), session.Current!.RefreshToken);
    }

    public static TheoryData<string> RefreshFailures => ["dropped connection", "reset stream", "client timeout", "no access token", "any exception"];

    [Theory]
    [MemberData(nameof(RefreshFailures))]
    public async Task AnyOtherRefreshFailureFallsBackToExactlyOneAcquire(string failure)
    {
        _api.OnRefresh = (_, _, _) => failure switch
        {
            // The service may have rotated the refresh token before the connection dropped: it cannot be trusted.
            "dropped connection" => Task.FromException<TokenResponseValues>(new HttpRequestException("The response ended prematurely.", new IOException("reset"))),
            "reset stream" => Task.FromException<TokenResponseValues>(new IOException("reset")),
            "client timeout" => Task.FromException<TokenResponseValues>(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.")),
            "no access token" => Task.FromResult(FakeTokenApi.Values(null, "rotated-1")),
            _ => throw new InvalidOperationException("thrown, not returned"),
        };
        await using TokenSession session = _api.CreateSession(_clock);
        await session.GetAccessTokenAsync();
        _clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(FakeTokenApi.Secret("access-2"), await session.GetAccessTokenAsync());

        Assert.Equal((2, 1), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Fact]
    public async Task WhenTheFallbackAcquireFailsTooItsErrorReachesTheCallersAndNothingLoops()
    {
        TokenApiException acquireFailure = FakeTokenApi.Refused(HttpStatusCode.ServiceUnavailable);
        await using TokenSession session = _api.CreateSession(_clock);
        await session.GetAccessTokenAsync();
        _api.OnRefresh = (_, _, _) => Task.FromException<TokenResponseValues>(FakeTokenApi.Refused(HttpStatusCode.BadRequest));
        _api.OnAcquire = (_, _) => Task.FromException<TokenResponseValues>(acquireFailure);
        _clock.Advance(TimeSpan.FromHours(2));

        Assert.Same(acquireFailure, await Assert.ThrowsAsync<TokenApiException>(() => session.GetAccessTokenAsync().AsTask()));
        Assert.Equal((2, 1), (_api.AcquireCalls, _api.RefreshCalls));

        // Not cached: the next call runs one more refresh and one more acquire.
        await Assert.ThrowsAsync<TokenApiException>(() => session.GetAccessTokenAsync().AsTask());
        Assert.Equal((3, 2), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WhenEverythingFailsInsideTheSkewCallersGetTheStillValidToken(bool withRefresh)
    {
        await using TokenSession session = _api.CreateSession(_clock, withRefresh);
        IssuedToken first = await session.GetTokenAsync();
        _api.OnRefresh = (_, _, _) => Task.FromException<TokenResponseValues>(FakeTokenApi.Refused(HttpStatusCode.BadRequest));
        _api.OnAcquire = (_, _) => Task.FromException<TokenResponseValues>(FakeTokenApi.Refused(HttpStatusCode.ServiceUnavailable));
        _clock.SetUtcNow(first.ExpiresAt!.Value.AddTicks(-1));

        Assert.Same(first, await session.GetTokenAsync());
        Assert.Same(first, session.Current);

        // The token is still due, so the next caller tries again.
        Assert.Same(first, await session.GetTokenAsync());
        Assert.Equal(withRefresh ? (3, 2) : (3, 0), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Fact]
    public async Task ARejectedTokenIsNeverHandedOutWhenItsReplacementFails()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        string rejected = await session.GetAccessTokenAsync();
        TokenApiException acquireFailure = FakeTokenApi.Refused(HttpStatusCode.ServiceUnavailable);
        _api.OnRefresh = (_, _, _) => Task.FromException<TokenResponseValues>(FakeTokenApi.Refused(HttpStatusCode.BadRequest));
        _api.OnAcquire = (_, _) => Task.FromException<TokenResponseValues>(acquireFailure);

        Assert.Same(acquireFailure, await Assert.ThrowsAsync<TokenApiException>(() => session.RefreshAsync(rejected).AsTask()));
        Assert.Equal((2, 1), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Fact]
    public async Task TheRefreshOperationIsGivenTheWholeCurrentToken()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        IssuedToken first = await session.GetTokenAsync();

        await session.RefreshAsync(first.AccessToken);

        Assert.Equal([first], _api.RefreshedTokens.ToArray());
    }

    [Fact]
    public async Task AnOperationThatThrowsInsteadOfReturningAFailedTaskIsTreatedTheSame()
    {
        int acquires = 0;
        int refreshes = 0;
        bool acquireThrows = false;
        await using var session = new TokenSession(
            _ => ++acquires == 1 || !acquireThrows
                ? new ValueTask<TokenResponseValues>(FakeTokenApi.Values($"access-{acquires}", "refresh"))
                : throw new HttpRequestException("synchronous failure"),
            (_, _) => ++refreshes > 0 ? throw new HttpRequestException("synchronous failure") : default(ValueTask<TokenResponseValues>),
            new TokenSessionOptions { TimeProvider = _clock });
        await session.GetAccessTokenAsync();

        Assert.Equal(FakeTokenApi.Secret("access-2"), (await session.RefreshAsync(null)).AccessToken);

        acquireThrows = true;
        await Assert.ThrowsAsync<HttpRequestException>(() => session.RefreshAsync(null).AsTask());
        Assert.Equal((3, 2), (acquires, refreshes));
        Assert.Equal(FakeTokenApi.Secret("access-2"), session.Current!.AccessToken);
    }

    [Fact]
    public async Task ConcurrentCallersDuringARefreshAndItsFallbackShareBoth()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        await session.GetAccessTokenAsync();
        _clock.Advance(TimeSpan.FromHours(2));
        TaskCompletionSource<TokenResponseValues> refreshGate = _api.GateRefresh();
        TaskCompletionSource<TokenResponseValues> acquireGate = _api.GateAcquire();

        Task<string>[] callers = Enumerable.Range(0, 50).Select(_ => session.GetAccessTokenAsync().AsTask()).ToArray();
        refreshGate.SetException(FakeTokenApi.Refused(HttpStatusCode.BadRequest));
        await WaitUntil(() => _api.AcquireCalls == 2);
        Task<string>[] late = Enumerable.Range(0, 50).Select(_ => session.GetAccessTokenAsync().AsTask()).ToArray();
        acquireGate.SetResult(FakeTokenApi.Values("access-2", "refresh-2"));

        Assert.All(await Task.WhenAll(callers.Concat(late)), token => Assert.Equal(FakeTokenApi.Secret("access-2"), token));
        Assert.Equal((2, 1), (_api.AcquireCalls, _api.RefreshCalls));
    }

    /// <summary>Waits for a step another thread takes, without assuming how long it takes; the watchdog only ends a hang.</summary>
    private static async Task WaitUntil(Func<bool> condition)
    {
        using var watchdog = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            watchdog.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }
}
