using System;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests.Tokens;

/// <summary>Sessions built from operations of generated clients read their responses through the registered readers.</summary>
public sealed class TokenSessionCreateTests
{
    private readonly FakeTimeProvider _clock = Clocks.Fake();

    static TokenSessionCreateTests()
    {
        // What the generated module initializer does for a response type with [AccessToken] and friends.
        TokenResponseReaders.Register<GrantResponse>(response => new TokenResponseValues(response.Access, response.Refresh, response.ExpiresIn, null));
        TokenResponseReaders.Register<RenewResponse>(response => new TokenResponseValues(response.Token, null, response.Seconds, null));
    }

    [Fact]
    public async Task ASessionFromAnAcquireAndARefreshOperationReadsBothResponses()
    {
        int grants = 0;
        var refreshedWith = new System.Collections.Generic.List<string?>();
        await using TokenSession session = TokenSession.Create(
            _ => Task.FromResult(new GrantResponse { Access = $"grant-{++grants}", Refresh = "refresh-a", ExpiresIn = 600 }),
            (IssuedToken token, CancellationToken _) =>
            {
                refreshedWith.Add(token.RefreshToken);
                return Task.FromResult(new RenewResponse { Token = "renewed", Seconds = 900 });
            },
            new TokenSessionOptions { TimeProvider = _clock });

        IssuedToken first = await session.GetTokenAsync();
        Assert.Equal(("grant-1", "refresh-a", Clocks.Start.AddSeconds(600)), (first.AccessToken, first.RefreshToken, first.ExpiresAt));

        IssuedToken renewed = await session.RefreshAsync(first.AccessToken);
        Assert.Equal(("renewed", "refresh-a", Clocks.Start.AddSeconds(900)), (renewed.AccessToken, renewed.RefreshToken, renewed.ExpiresAt));
        Assert.Equal(["refresh-a"], refreshedWith);
    }

    [Fact]
    public async Task ASessionFromAnAcquireOperationAloneAcquiresEveryTime()
    {
        int grants = 0;
        await using TokenSession session = TokenSession.Create(
            _ => Task.FromResult(new GrantResponse { Access = $"grant-{++grants}", Refresh = "refresh-a", ExpiresIn = 600 }),
            new TokenSessionOptions { TimeProvider = _clock });

        await session.GetAccessTokenAsync();
        Assert.Equal("grant-2", (await session.RefreshAsync(null)).AccessToken);
    }

    [Fact]
    public async Task AResponseTypeWithoutAReaderFailsWithAMessageThatSaysWhatToDo()
    {
        await using TokenSession session = TokenSession.Create(_ => Task.FromResult(new UnreadableResponse()));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => session.GetAccessTokenAsync().AsTask());

        Assert.Contains("No token reader is registered", exception.Message, StringComparison.Ordinal);
        Assert.Contains("[AccessToken]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANullResponseIsAResponseWithoutAnAccessToken()
    {
        await using TokenSession session = TokenSession.Create(_ => Task.FromResult<GrantResponse>(null!));

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => session.GetAccessTokenAsync().AsTask());

        Assert.Equal(TokenApiContentProblem.MissingAccessToken, exception.Problem);
    }

    [Fact]
    public void NullOperationsAreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => new TokenSession(null!));
        Assert.Throws<ArgumentNullException>(() => TokenSession.Create<GrantResponse>(null!));
        Assert.Throws<ArgumentNullException>(() => TokenSession.Create<GrantResponse, RenewResponse>(_ => Task.FromResult(new GrantResponse()), null!));
    }

    public sealed class GrantResponse
    {
        public string? Access { get; set; }

        public string? Refresh { get; set; }

        public int ExpiresIn { get; set; }
    }

    public sealed class RenewResponse
    {
        public string? Token { get; set; }

        public long Seconds { get; set; }
    }

    public sealed class UnreadableResponse
    {
    }
}
