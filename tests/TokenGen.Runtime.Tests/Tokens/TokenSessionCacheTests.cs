using System;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Tokens;

/// <summary>The cached path, and how the expiry and the refresh time of a token are worked out.</summary>
public sealed class TokenSessionCacheTests
{
    private readonly FakeTimeProvider _clock = Clocks.Fake();
    private readonly FakeTokenApi _api = new();

    [Fact]
    public async Task TheCachedTokenIsServedWithoutARequestUntilTheRefreshTime()
    {
        await using TokenSession session = _api.CreateSession(_clock);

        string first = await session.GetAccessTokenAsync();
        // An hour's token: the skew is 10 % (360 s), larger than the 60 s minimum.
        Assert.Equal(Clocks.Start.AddSeconds(3240), session.Current!.RefreshAt);

        _clock.SetUtcNow(Clocks.Start.AddSeconds(3240).AddTicks(-1));
        Assert.Equal(first, await session.GetAccessTokenAsync());
        Assert.Same(session.Current, await session.GetTokenAsync());
        Assert.Equal((1, 0), (_api.AcquireCalls, _api.RefreshCalls));

        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(FakeTokenApi.Secret("refreshed-1"), await session.GetAccessTokenAsync());
        Assert.Equal((1, 1), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Fact]
    public async Task TheCachedPathAllocatesNothing()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        await session.GetAccessTokenAsync();

        AssertCachedPathAllocatesNothing(session);
        Assert.Equal(1, _api.AcquireCalls);
    }

    [Fact]
    public async Task TheCachedPathAllocatesNothingWithTheSystemClock()
    {
        await using var session = new TokenSession(_api.AcquireAsync);
        await session.GetAccessTokenAsync();

        AssertCachedPathAllocatesNothing(session);
    }

    [Theory]
    [InlineData(3600, 3240)] // 10 % of the lifetime (360 s) is more than the minimum
    [InlineData(600, 540)] // 10 % and the minimum agree: 60 s
    [InlineData(300, 240)] // the 60 s minimum is more than 10 % (30 s)
    [InlineData(90, 45)] // the 60 s minimum would pass half the lifetime: half it is
    [InlineData(30, 15)] // a 30 s token is used for 15 s, not refreshed on every call
    [InlineData(0, 0)] // already expired
    public async Task TheRefreshTimeIsTheExpiryMinusTheSkewButNeverBeforeHalfTheLifetime(long lifetimeSeconds, long refreshAfterSeconds)
    {
        _api.OnAcquire = (_, _) => Task.FromResult(FakeTokenApi.Values("a", expiresInSeconds: lifetimeSeconds));
        await using TokenSession session = _api.CreateSession(_clock);

        IssuedToken token = await session.GetTokenAsync();

        Assert.Equal(Clocks.Start, token.IssuedAt);
        Assert.Equal(Clocks.Start.AddSeconds(lifetimeSeconds), token.ExpiresAt);
        Assert.Equal(TimeSpan.FromSeconds(lifetimeSeconds), token.Lifetime);
        Assert.Equal(Clocks.Start.AddSeconds(refreshAfterSeconds), token.RefreshAt);
    }

    [Theory]
    [InlineData(5, 0.5, 100, 50)] // the ratio wins: 50 s
    [InlineData(20, 0.05, 100, 80)] // the minimum wins: 20 s
    [InlineData(0, 0, 100, 100)] // no skew: used until it expires
    [InlineData(120, 0.1, 3600, 3240)] // 10 % (360 s) beats a 120 s minimum
    public async Task TheSkewIsConfigurable(double minimumSeconds, double ratio, long lifetimeSeconds, long refreshAfterSeconds)
    {
        _api.OnAcquire = (_, _) => Task.FromResult(FakeTokenApi.Values("a", expiresInSeconds: lifetimeSeconds));
        await using TokenSession session = _api.CreateSession(_clock, configure: options =>
        {
            options.MinimumRefreshSkew = TimeSpan.FromSeconds(minimumSeconds);
            options.RefreshSkewRatio = ratio;
        });

        IssuedToken token = await session.GetTokenAsync();

        Assert.Equal(Clocks.Start.AddSeconds(refreshAfterSeconds), token.RefreshAt);
    }

    [Theory]
    [InlineData(100, 1000, 100)] // the seconds are sooner
    [InlineData(1000, 100, 100)] // the point in time is sooner: a token served past it would be refused
    [InlineData(600, 600, 600)]
    [InlineData(3600, -60, 0)] // a point in the past: expired, however long the seconds say
    [InlineData(-5, 3600, 0)] // a negative lifetime: expired, however late the point in time
    public async Task WithSecondsAndAPointInTimeTheEarlierExpiryWins(long expiresIn, long expiresAtSecondsFromNow, long expectedLifetimeSeconds)
    {
        _api.OnAcquire = (_, _) => Task.FromResult(FakeTokenApi.Values(
            "a", expiresInSeconds: expiresIn, expiresAt: Clocks.Start.AddSeconds(expiresAtSecondsFromNow)));
        await using TokenSession session = _api.CreateSession(_clock);

        IssuedToken token = await session.GetTokenAsync();

        Assert.Equal(Clocks.Start.AddSeconds(expectedLifetimeSeconds), token.ExpiresAt);
    }

    [Fact]
    public async Task WithBothGivenAJwtExpClaimIsNotConsulted()
    {
        // The claim says a minute, but the answer states its expiry twice; the claim is only a fallback.
        string jwt = FakeTokenApi.Jwt(Clocks.Start.AddMinutes(1));
        _api.OnAcquire = (_, _) => Task.FromResult(new TokenResponseValues(jwt, null, 3600, Clocks.Start.AddHours(2)));
        await using TokenSession session = _api.CreateSession(_clock);

        IssuedToken token = await session.GetTokenAsync();

        Assert.Equal(Clocks.Start.AddHours(1), token.ExpiresAt);
    }

    [Fact]
    public async Task APointInTimeIsUsedWhenNoLifetimeIsGiven()
    {
        DateTimeOffset expiresAt = Clocks.Start.AddMinutes(30).ToOffset(TimeSpan.FromHours(2));
        _api.OnAcquire = (_, _) => Task.FromResult(FakeTokenApi.Values("a", expiresInSeconds: null, expiresAt: expiresAt));
        await using TokenSession session = _api.CreateSession(_clock);

        IssuedToken token = await session.GetTokenAsync();

        Assert.Equal(expiresAt, token.ExpiresAt);
        Assert.Equal(TimeSpan.FromMinutes(30), token.Lifetime);
        Assert.Equal(expiresAt.AddMinutes(-3), token.RefreshAt);
    }

    [Fact]
    public async Task WhenTheResponseStatesNoExpiryAJwtAccessTokensExpClaimIsUsed()
    {
        string jwt = FakeTokenApi.Jwt(Clocks.Start.AddMinutes(30));
        _api.OnAcquire = (_, _) => Task.FromResult(new TokenResponseValues(jwt, null, null, null));
        await using TokenSession session = _api.CreateSession(_clock);

        IssuedToken token = await session.GetTokenAsync();

        Assert.Equal(Clocks.Start.AddMinutes(30), token.ExpiresAt);
        Assert.Equal(Clocks.Start.AddMinutes(27), token.RefreshAt);
    }

    [Fact]
    public async Task TheResponsesOwnExpiryWinsOverTheJwtClaim()
    {
        string jwt = FakeTokenApi.Jwt(Clocks.Start.AddMinutes(30));
        _api.OnAcquire = (_, _) => Task.FromResult(new TokenResponseValues(jwt, null, 600, null));
        await using TokenSession session = _api.CreateSession(_clock);

        IssuedToken token = await session.GetTokenAsync();

        Assert.Equal(Clocks.Start.AddMinutes(10), token.ExpiresAt);
    }

    [Fact]
    public async Task ReadingTheJwtClaimCanBeTurnedOff()
    {
        string jwt = FakeTokenApi.Jwt(Clocks.Start.AddMinutes(30));
        _api.OnAcquire = (_, _) => Task.FromResult(new TokenResponseValues(jwt, null, null, null));
        await using TokenSession session = _api.CreateSession(_clock, configure: options => options.ReadJwtExpiry = false);

        IssuedToken token = await session.GetTokenAsync();

        Assert.Null(token.ExpiresAt);
    }

    [Fact]
    public async Task TheLifetimeIsCountedFromWhenTheRequestWasSent()
    {
        // The service issued the token somewhere between sending and receiving: counting from the send never
        // believes the token valid for longer than it is.
        _api.OnAcquire = (_, _) =>
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            return Task.FromResult(FakeTokenApi.Values("a", expiresInSeconds: 3600));
        };
        await using TokenSession session = _api.CreateSession(_clock);

        IssuedToken token = await session.GetTokenAsync();

        Assert.Equal(Clocks.Start, token.IssuedAt);
        Assert.Equal(Clocks.Start.AddSeconds(3600), token.ExpiresAt);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public async Task ANegativeLifetimeMeansAlreadyExpired(long seconds)
    {
        _api.OnAcquire = (n, _) => Task.FromResult(FakeTokenApi.Values($"access-{n}", expiresInSeconds: seconds));
        await using TokenSession session = _api.CreateSession(_clock, withRefresh: false);

        IssuedToken token = await session.GetTokenAsync();
        Assert.Equal(token.IssuedAt, token.ExpiresAt);
        Assert.Equal(token.IssuedAt, token.RefreshAt);

        // Whoever asked got the token once; the next caller needs a new one.
        Assert.Equal(FakeTokenApi.Secret("access-2"), await session.GetAccessTokenAsync());
        Assert.Equal(2, _api.AcquireCalls);
    }

    [Fact]
    public async Task APointInTimeInThePastMeansAlreadyExpired()
    {
        _api.OnAcquire = (_, _) => Task.FromResult(FakeTokenApi.Values("a", expiresInSeconds: null, expiresAt: Clocks.Start.AddHours(-1)));
        await using TokenSession session = _api.CreateSession(_clock);

        IssuedToken token = await session.GetTokenAsync();

        Assert.Equal(Clocks.Start, token.ExpiresAt);
    }

    [Theory]
    [InlineData(long.MaxValue, null)]
    [InlineData(400_000_000L, null)]
    [InlineData(null, "9999-12-31T23:59:59.9999999+00:00")]
    public async Task AHugeLifetimeIsCutToTenYears(long? seconds, string? expiresAt)
    {
        DateTimeOffset? at = expiresAt is null ? null : DateTimeOffset.Parse(expiresAt, System.Globalization.CultureInfo.InvariantCulture);
        _api.OnAcquire = (_, _) => Task.FromResult(FakeTokenApi.Values("a", expiresInSeconds: seconds, expiresAt: at));
        await using TokenSession session = _api.CreateSession(_clock);

        IssuedToken token = await session.GetTokenAsync();

        Assert.Equal(TimeSpan.FromDays(3650), token.Lifetime);
    }

    [Fact]
    public async Task NearTheEndOfTheCalendarTheExpiryStopsAtItsEnd()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.MaxValue.AddDays(-1));
        _api.OnAcquire = (_, _) => Task.FromResult(FakeTokenApi.Values("a", expiresInSeconds: long.MaxValue));
        await using TokenSession session = _api.CreateSession(clock);

        IssuedToken token = await session.GetTokenAsync();

        Assert.Equal(DateTimeOffset.MaxValue, token.ExpiresAt);
        Assert.True(token.RefreshAt > token.IssuedAt);
    }

    [Fact]
    public async Task ATokenWithoutExpiryIsUsedUntilItIsRejected()
    {
        _api.OnAcquire = (_, _) => Task.FromResult(FakeTokenApi.Values("forever", "refresh-1", expiresInSeconds: null));
        await using TokenSession session = _api.CreateSession(_clock);

        IssuedToken token = await session.GetTokenAsync();
        Assert.Null(token.ExpiresAt);
        Assert.Null(token.RefreshAt);
        Assert.Null(token.Lifetime);

        _clock.Advance(TimeSpan.FromDays(365 * 20));
        Assert.Equal(token.AccessToken, await session.GetAccessTokenAsync());
        Assert.Equal((1, 0), (_api.AcquireCalls, _api.RefreshCalls));

        IssuedToken renewed = await session.RefreshAsync(token.AccessToken);
        Assert.Equal(FakeTokenApi.Secret("refreshed-1"), renewed.AccessToken);
        Assert.Equal((1, 1), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AResponseWithoutAnAccessTokenFailsClearlyAndIsNotCached(string? accessToken)
    {
        _api.OnAcquire = (n, _) => Task.FromResult(n == 1
            ? new TokenResponseValues(accessToken, FakeTokenApi.Secret("refresh-1"), 3600, null)
            : FakeTokenApi.Values($"access-{n}"));
        await using TokenSession session = _api.CreateSession(_clock);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => session.GetAccessTokenAsync().AsTask());
        Assert.Equal(TokenApiContentProblem.MissingAccessToken, exception.Problem);
        Assert.Contains("without an access token", exception.Message, StringComparison.Ordinal);
        Assert.Null(session.Current);

        Assert.Equal(FakeTokenApi.Secret("access-2"), await session.GetAccessTokenAsync());
        Assert.Equal(2, _api.AcquireCalls);
    }

    [Fact]
    public async Task AFakeClockDecides_NoRequestBeforeTheSkew_OneRefreshInsideIt_AnAcquireAfterExpiry()
    {
        // Direct Line's shape: no refresh token, the access token refreshes itself while it is valid.
        _api.OnAcquire = (n, _) => Task.FromResult(FakeTokenApi.Values($"access-{n}", refreshToken: null));
        _api.OnRefresh = (n, _, _) => Task.FromResult(FakeTokenApi.Values($"refreshed-{n}", refreshToken: null));
        await using TokenSession session = _api.CreateSession(_clock);
        await session.GetAccessTokenAsync();

        for (int minute = 1; minute <= 53; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await session.GetAccessTokenAsync();
        }

        Assert.Equal((1, 0), (_api.AcquireCalls, _api.RefreshCalls));

        _clock.Advance(TimeSpan.FromMinutes(1)); // 54 minutes: inside the 6-minute skew
        Assert.Equal(FakeTokenApi.Secret("refreshed-1"), await session.GetAccessTokenAsync());
        Assert.Equal(FakeTokenApi.Secret("refreshed-1"), await session.GetAccessTokenAsync());
        Assert.Equal((1, 1), (_api.AcquireCalls, _api.RefreshCalls));

        _clock.Advance(TimeSpan.FromHours(2)); // past the refreshed token's expiry: it cannot refresh itself
        Assert.Equal(FakeTokenApi.Secret("access-2"), await session.GetAccessTokenAsync());
        Assert.Equal((2, 1), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Fact]
    public async Task TheSessionCopiesItsOptions()
    {
        var options = new TokenSessionOptions { TimeProvider = _clock };
        await using var session = new TokenSession(_api.AcquireAsync, null, options);
        options.MinimumRefreshSkew = TimeSpan.FromMinutes(30);
        options.TimeProvider = TimeProvider.System;

        IssuedToken token = await session.GetTokenAsync();

        Assert.Equal(Clocks.Start, token.IssuedAt);
        Assert.Equal(Clocks.Start.AddSeconds(3240), token.RefreshAt);
    }

    [Fact]
    public void OptionsRefuseValuesThatMakeNoSense()
    {
        var options = new TokenSessionOptions();
        Assert.Throws<ArgumentNullException>(() => options.TimeProvider = null!);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MinimumRefreshSkew = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.RefreshSkewRatio = -0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.RefreshSkewRatio = 1.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.RefreshSkewRatio = double.NaN);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MinimumRefreshSkew);
        Assert.Equal(0.1, options.RefreshSkewRatio);
        Assert.False(options.ProactiveRefresh);
        Assert.True(options.ReadJwtExpiry);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    /// <summary>
    /// Measures 200,000 cached reads at a time and requires one measurement of exactly 0 bytes. A path that allocated
    /// on every call could never measure 0; the runtime, though, may allocate once on this thread while the loop runs
    /// (when tiered compilation swaps in optimized code), which a single measurement would blame on the path.
    /// </summary>
    private static void AssertCachedPathAllocatesNothing(TokenSession session)
    {
        ReadCached(session, 10_000);
        var measured = new System.Collections.Generic.List<long>();
        for (int attempt = 0; attempt < 5; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            int length = ReadCached(session, 100_000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(length > 0);
            if (allocated == 0)
            {
                return;
            }

            measured.Add(allocated);
        }

        Assert.Fail($"Every measurement of 200,000 cached reads allocated: {string.Join(", ", measured)} bytes.");
    }

    private static int ReadCached(TokenSession session, int count)
    {
        int length = 0;
        for (int i = 0; i < count; i++)
        {
            // Completed synchronously from the cache: reading Result is what an await does then.
            length += session.GetAccessTokenAsync().Result.Length;
            length += session.GetTokenAsync().Result.AccessToken.Length;
        }

        return length;
    }
}
