using System;
using System.Net;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Tokens;

/// <summary>No token shows in what a session, a token or their exceptions print.</summary>
public sealed class TokenSessionSecrecyTests
{
    private readonly FakeTimeProvider _clock = Clocks.Fake();
    private readonly FakeTokenApi _api = new();

    [Fact]
    public async Task ToStringShowsNameStateAndTimesButNoTokenInAnyState()
    {
        TaskCompletionSource<TokenResponseValues> gate = _api.GateAcquire();
        TokenSession session = _api.CreateSession(_clock, configure: options => options.Name = "banyan");
        AssertShowsNoToken(session.ToString(), "TokenSession 'banyan' { State = NoToken, Fetching = false }");

        Task<string> caller = session.GetAccessTokenAsync().AsTask();
        AssertShowsNoToken(session.ToString(), "State = NoToken, Fetching = true");
        gate.SetResult(FakeTokenApi.Values("access-1", "refresh-1", 3600));
        IssuedToken token = await session.GetTokenAsync();
        await caller;

        AssertShowsNoToken(session.ToString(), "State = Valid, IssuedAt = 2030-01-01T12:00:00.0000000+00:00, ExpiresAt = 2030-01-01T13:00:00.0000000+00:00, RefreshAt = 2030-01-01T12:54:00.0000000+00:00, RefreshToken = (set), Fetching = false");
        _clock.SetUtcNow(token.RefreshAt!.Value);
        AssertShowsNoToken(session.ToString(), "State = RefreshDue");
        _clock.SetUtcNow(token.ExpiresAt!.Value);
        AssertShowsNoToken(session.ToString(), "State = Expired");

        await session.DisposeAsync();
        AssertShowsNoToken(session.ToString(), "TokenSession 'banyan' { State = Disposed }");
    }

    [Fact]
    public void ToStringWithoutANameSaysTokenSession()
    {
        var session = new TokenSession(_api.AcquireAsync);

        Assert.Equal("TokenSession { State = NoToken, Fetching = false }", session.ToString());
    }

    [Fact]
    public async Task AnIssuedTokenShowsItsTimesButNoToken()
    {
        await using TokenSession session = _api.CreateSession(_clock);
        IssuedToken token = await session.GetTokenAsync();

        AssertShowsNoToken(token.ToString(), "IssuedToken { AccessToken = (set), RefreshToken = (set), IssuedAt = 2030-01-01T12:00:00.0000000+00:00");
    }

    [Fact]
    public async Task TheSessionsOwnExceptionsShowNoToken()
    {
        await using TokenSession session = _api.CreateSession(_clock, configure: options => options.Name = "esper");
        await session.GetAccessTokenAsync();
        _api.OnRefresh = (_, _, _) => Task.FromResult(FakeTokenApi.Values(null, "rotated-1"));
        _api.OnAcquire = (_, _) => Task.FromResult(new TokenResponseValues(" ", FakeTokenApi.Secret("refresh-2"), 3600, null));

        var missing = await Assert.ThrowsAsync<TokenApiContentException>(() => session.RefreshAsync(null).AsTask());
        AssertShowsNoToken(missing.ToString(), "without an access token");

        await session.DisposeAsync();
        var disposed = await Assert.ThrowsAsync<ObjectDisposedException>(() => session.GetAccessTokenAsync().AsTask());
        AssertShowsNoToken(disposed.ToString(), "The token session 'esper' was disposed.");
    }

    [Fact]
    public async Task AnOperationsErrorBodyReachesCallersRedacted()
    {
        // The session passes the operation's exception on as it is; TokenApiException already redacts its body.
        string leaked = FakeTokenApi.Secret("refresh-0123456789abcdefghijklmnop");
        _api.OnAcquire = (_, _) => Task.FromException<TokenResponseValues>(new TokenApiException(
            HttpStatusCode.BadRequest, System.Net.Http.HttpMethod.Post, new Uri("https://auth.example.com/token?refresh_token=" + leaked),
            null, null, "{\"refresh_token\":\"" + leaked + "\"}", "application/json"));
        await using TokenSession session = _api.CreateSession(_clock);

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => session.GetAccessTokenAsync().AsTask());

        Assert.DoesNotContain(leaked, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(leaked, exception.ErrorBody!, StringComparison.Ordinal);
    }

    private static void AssertShowsNoToken(string text, string expected)
    {
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
    }
}
