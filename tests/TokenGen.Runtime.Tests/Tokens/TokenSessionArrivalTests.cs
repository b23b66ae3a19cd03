using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Tokens;

/// <summary>
/// A token is checked when it arrives: one that cannot be sent in a header fails its acquire or refresh with
/// <see cref="TokenApiContentProblem.InvalidToken"/>, is never cached and never reaches the wire.
/// </summary>
public sealed class TokenSessionArrivalTests
{
    private readonly FakeTimeProvider _clock = Clocks.Fake();
    private readonly FakeTokenApi _api = new();

    /// <summary>Every kind of character a header cannot carry as part of a token, each inside an otherwise fine token.</summary>
    public static TheoryData<string> Unsendable => new()
    {
        "eyJhbGciOi\r\nX-Injected: 1",   // CR LF: a second header
        "eyJhbGciOi\n",                  // a trailing LF
        "eyJhbGciOi\u001B[31m",          // ESC
        "eyJhbGciOi\u0007",              // BEL
        "eyJhbGciOi\u007F",              // DEL
        "eyJhbGciOi\u0000abc",           // NUL
        "eyJhbGciOi\tabc",               // TAB
        "eyJhbGciOi abc",                // a space ends a bearer token
        " eyJhbGciOi",                   // so does a leading one
        "eyJhbGciOi\u0085",              // NEL, a C1 control
        "eyJhbGciOi\u00E9",              // é: not ASCII
        "eyJhbGciOi\u2028",              // LINE SEPARATOR
        "eyJhbGciOi\uD83D\uDD11",        // a surrogate pair
    };

    [Theory]
    [MemberData(nameof(Unsendable))]
    public async Task AnAccessTokenThatCannotBeSentFailsTheAcquireAndIsNotCached(string accessToken)
    {
        _api.OnAcquire = (n, _) => Task.FromResult(n == 1
            ? new TokenResponseValues(accessToken, refreshToken: null, FakeTokenApi.OneHour, expiresAt: null)
            : FakeTokenApi.Values("good-2"));
        await using TokenSession session = _api.CreateSession(_clock);

        TokenApiContentException exception = await Assert.ThrowsAsync<TokenApiContentException>(() => session.GetAccessTokenAsync().AsTask());

        Assert.Equal(TokenApiContentProblem.InvalidToken, exception.Problem);
        Assert.DoesNotContain(accessToken, exception.ToString(), StringComparison.Ordinal);
        Assert.Null(session.Current);

        // Nothing was cached: the next caller acquires again and gets a token it can send.
        Assert.Equal(FakeTokenApi.Secret("good-2"), await session.GetAccessTokenAsync());
        Assert.Equal(2, _api.AcquireCalls);
    }

    [Theory]
    [MemberData(nameof(Unsendable))]
    public async Task ARefreshTokenThatCannotBeSentFailsTheAcquire(string refreshToken)
    {
        _api.OnAcquire = (_, _) => Task.FromResult(new TokenResponseValues(FakeTokenApi.Secret("access"), refreshToken, FakeTokenApi.OneHour, expiresAt: null));
        await using TokenSession session = _api.CreateSession(_clock);

        TokenApiContentException exception = await Assert.ThrowsAsync<TokenApiContentException>(() => session.GetTokenAsync().AsTask());

        Assert.Equal(TokenApiContentProblem.InvalidToken, exception.Problem);
        Assert.Null(session.Current);
    }

    [Fact]
    public async Task ARefreshThatAnswersAnUnsendableTokenFallsBackToOneAcquire()
    {
        _api.OnRefresh = (_, _, _) => Task.FromResult(new TokenResponseValues("refreshed\r\nSet-Cookie: x", FakeTokenApi.Secret("rotated"), FakeTokenApi.OneHour, expiresAt: null));
        await using TokenSession session = _api.CreateSession(_clock);
        IssuedToken first = await session.GetTokenAsync();
        _clock.SetUtcNow(first.ExpiresAt!.Value);

        IssuedToken second = await session.GetTokenAsync();

        Assert.Equal(FakeTokenApi.Secret("access-2"), second.AccessToken);
        Assert.Equal((2, 1), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Fact]
    public async Task AnEmptyRefreshTokenMeansNoneAndKeepsTheOneInHand()
    {
        _api.OnRefresh = (_, _, _) => Task.FromResult(new TokenResponseValues(FakeTokenApi.Secret("refreshed"), string.Empty, FakeTokenApi.OneHour, expiresAt: null));
        await using TokenSession session = _api.CreateSession(_clock);
        IssuedToken first = await session.GetTokenAsync();
        _clock.SetUtcNow(first.RefreshAt!.Value);

        IssuedToken second = await session.GetTokenAsync();

        Assert.Equal(FakeTokenApi.Secret("refreshed"), second.AccessToken);
        Assert.Equal(first.RefreshToken, second.RefreshToken);
    }

    [Theory]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")] // a JWT
    [InlineData("dGhpcyBpcyBiYXNlNjQ+/w==")]                          // base64 with + / =
    [InlineData("tok_~!#$%&'()*,-.:;<>?@[]^`{|}\"\\")]                  // every other visible ASCII character
    [InlineData("x")]
    public async Task EveryVisibleAsciiTokenIsAccepted(string accessToken)
    {
        _api.OnAcquire = (_, _) => Task.FromResult(new TokenResponseValues(accessToken, accessToken, FakeTokenApi.OneHour, expiresAt: null));
        await using TokenSession session = _api.CreateSession(_clock);

        Assert.Equal(accessToken, await session.GetAccessTokenAsync());
    }

    [Theory]
    [MemberData(nameof(Unsendable))]
    public async Task AnUnsendableTokenNeverReachesTheWireThroughTheBearerHandler(string accessToken)
    {
        _api.OnAcquire = (_, _) => Task.FromResult(new TokenResponseValues(accessToken, refreshToken: null, FakeTokenApi.OneHour, expiresAt: null));
        await using TokenSession session = _api.CreateSession(_clock);
        var wire = new RecordingHandler();
        using var api = new HttpClient(new BearerTokenHandler(session, "api.example.com") { InnerHandler = wire });

        TokenApiContentException exception = await Assert.ThrowsAsync<TokenApiContentException>(() => api.GetAsync(new Uri("https://api.example.com/v1/things")));

        Assert.Equal(TokenApiContentProblem.InvalidToken, exception.Problem);
        Assert.Empty(wire.Requests);
    }
}
