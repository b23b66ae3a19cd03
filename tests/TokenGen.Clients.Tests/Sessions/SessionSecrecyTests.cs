using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TokenGen.Clients.Banyan;
using TokenGen.Clients.DirectLine;
using TokenGen.Clients.Esper;
using TokenGen.Clients.Prowler;
using TokenGen.Clients.RunAi;
using TokenGen.Emulator;
using TokenGen.Infrastructure;
using RunAiTokenRequest = TokenGen.Clients.RunAi.TokenRequest;

namespace TokenGen.Clients.Tests.Sessions;

/// <summary>
/// No secret, password, access token or refresh token in what a session shows: its exceptions (walked through every
/// inner exception, with the error body, snippet and request URI they carry), <see cref="TokenSession.ToString"/>,
/// <see cref="IssuedToken.ToString"/> and <see cref="TokenResponseValues.ToString"/>. The emulator is seeded with
/// credentials that all contain <see cref="Marker"/>, so any of them, right or wrong, is caught wherever it shows up.
/// </summary>
public sealed partial class SessionSecrecyTests : IAsyncLifetime
{
    private const string Marker = "SECRET";

    private static readonly EmulatorCredentials Distinctive = EmulatorCredentials.Demo with
    {
        DirectLineSecret = "dl-SECRET-4f9c2a7e",
        BanyanRefreshToken = "bnn-SECRET-8d1b6e3a",
        EsperApiKey = "esper-SECRET-2c7f9b4d",
        RunAiClientSecret = "runai-SECRET-6a3e8c1f",
        RunAiAppSecret = "runai-app-SECRET-9b5d2e",
        RunAiPassword = "runai-password-SECRET-3c8a",
        ProwlerPassword = "Prowler-SECRET-5e2d9a7b",
    };

    private readonly FakeTimeProvider _clock = new(TestEmulator.ClockStart);
    private readonly ConcurrentBag<HttpClient> _httpClients = [];
    private EmulatorHost? _host;

    private EmulatorHost Host => _host!;

    public async Task InitializeAsync() =>
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = _clock, Credentials = Distinctive });

    public async Task DisposeAsync()
    {
        while (_httpClients.TryTake(out var http))
        {
            http.Dispose();
        }

        await Host.DisposeAsync();
    }

    [Theory]
    [InlineData(SessionTarget.DirectLine, HttpStatusCode.Forbidden)]
    [InlineData(SessionTarget.Banyan, HttpStatusCode.Unauthorized)]
    [InlineData(SessionTarget.Esper, HttpStatusCode.Unauthorized)]
    [InlineData(SessionTarget.RunAi, HttpStatusCode.BadRequest)]
    [InlineData(SessionTarget.Prowler, HttpStatusCode.BadRequest)]
    public async Task A_refused_credential_shows_in_neither_the_exception_nor_the_session(string api, HttpStatusCode status)
    {
        var wrong = "wrong-" + Marker + "-1b4e7c";
        await using var session = api switch
        {
            SessionTarget.DirectLine => DirectLine().CreateTokenSession(wrong, options: Options()),
            SessionTarget.Banyan => Banyan().CreateTokenSession(wrong, Options()),
            SessionTarget.Esper => Esper().CreateTokenSession(wrong, Distinctive.EsperEnterpriseId.ToString(), Distinctive.EsperDeveloperAppId.ToString(), Options()),
            SessionTarget.RunAi => RunAi().CreateTokenSession(Distinctive.RunAiClientId, wrong, Options()),
            _ => Prowler().CreateTokenSession(Distinctive.ProwlerEmail, wrong, options: Options()),
        };

        var exception = await Assert.ThrowsAsync<TokenApiException>(async () => await session.GetAccessTokenAsync());

        Assert.Equal(status, exception.StatusCode);
        AssertShowsNoSecret(exception);
        AssertShowsNoSecret(session.ToString());
    }

    [Theory]
    [InlineData(SessionTarget.DirectLine)]
    [InlineData(SessionTarget.Banyan)]
    [InlineData(SessionTarget.Esper)]
    [InlineData(SessionTarget.RunAi)]
    [InlineData(SessionTarget.Prowler)]
    public async Task A_session_holding_tokens_shows_none_in_ToString_nor_once_disposed_in_its_exception(string api)
    {
        var session = api switch
        {
            SessionTarget.DirectLine => DirectLine().CreateTokenSession(Distinctive.DirectLineSecret, options: Options()),
            SessionTarget.Banyan => Banyan().CreateTokenSession(Distinctive.BanyanRefreshToken, Options()),
            SessionTarget.Esper => Esper().CreateTokenSession(Distinctive.EsperApiKey, Distinctive.EsperEnterpriseId.ToString(), Distinctive.EsperDeveloperAppId.ToString(), Options()),
            SessionTarget.RunAi => RunAi().CreateTokenSession(Distinctive.RunAiClientId, Distinctive.RunAiClientSecret, Options()),
            _ => Prowler().CreateTokenSession(Distinctive.ProwlerEmail, Distinctive.ProwlerPassword, options: Options()),
        };

        var token = await session.GetTokenAsync();
        var tokens = new[] { token.AccessToken, token.RefreshToken };

        AssertShowsNoSecret(session.ToString(), tokens);
        AssertShowsNoSecret(token.ToString(), tokens);
        AssertShowsNoSecret(new TokenResponseValues(token.AccessToken, token.RefreshToken, 1800, token.ExpiresAt).ToString(), tokens);

        await session.DisposeAsync();
        var disposed = await Assert.ThrowsAsync<ObjectDisposedException>(async () => await session.GetAccessTokenAsync());
        AssertShowsNoSecret(disposed, tokens);
        AssertShowsNoSecret(session.ToString(), tokens);
    }

    [Fact]
    public async Task The_token_values_read_from_real_responses_show_no_token()
    {
        var prowler = await Prowler().ObtainTokenAsync(new Clients.Prowler.TokenRequest(Distinctive.ProwlerEmail, Distinctive.ProwlerPassword));
        var runAi = await RunAi().GrantTokenAsync(RunAiTokenRequest.ForClientCredentials(Distinctive.RunAiClientId, Distinctive.RunAiClientSecret));
        var directLine = await DirectLine().GenerateTokenAsync(BearerToken.Format(Distinctive.DirectLineSecret));

        var prowlerValues = TokenResponseReaders.Read(prowler);
        var runAiValues = TokenResponseReaders.Read(runAi);
        var directLineValues = TokenResponseReaders.Read(directLine);

        Assert.Equal((prowler.Access, prowler.Refresh), (prowlerValues.AccessToken, prowlerValues.RefreshToken));
        Assert.Equal((runAi.AccessToken, runAi.RefreshToken), (runAiValues.AccessToken, runAiValues.RefreshToken));
        Assert.Equal(directLine.Token, directLineValues.AccessToken);
        AssertShowsNoSecret(prowlerValues.ToString(), prowler.Access, prowler.Refresh);
        AssertShowsNoSecret(runAiValues.ToString(), runAi.AccessToken, runAi.RefreshToken, runAi.IdToken);
        AssertShowsNoSecret(directLineValues.ToString(), directLine.Token);
    }

    [Fact]
    public async Task When_the_refresh_and_the_fallback_obtain_both_lose_their_answers_the_error_shows_no_token()
    {
        // Every request after the first is cut off mid-body, after the server has issued its tokens: the half that
        // arrives holds the start of a new access token, which must not end up in the exception either.
        var cutOff = new FaultInjector(pathEnd: string.Empty, "drop", every: true) { Armed = false };
        await using var session = Prowler(cutOff).CreateTokenSession(Distinctive.ProwlerEmail, Distinctive.ProwlerPassword, options: Options());
        var token = await session.GetTokenAsync();
        _clock.Advance(token.ExpiresAt!.Value - _clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        cutOff.Armed = true;

        var exception = await Record.ExceptionAsync(async () => await session.GetAccessTokenAsync());

        Assert.NotNull(exception);
        Assert.Equal(1, Host.RequestCount(EmulatorRoutes.ProwlerRefresh));
        Assert.Equal(2, Host.RequestCount(EmulatorRoutes.ProwlerObtain));
        Assert.Equal(2, cutOff.Injected);
        AssertShowsNoSecret(exception, token.AccessToken, token.RefreshToken);
        AssertShowsNoSecret(session.ToString(), token.AccessToken, token.RefreshToken);
    }

    [Theory]
    [InlineData("status=500")]
    [InlineData("drop")]
    public async Task Operations_that_carry_a_token_in_the_query_leave_it_out_of_their_errors(string fault)
    {
        var refreshToken = (await RunAi().GrantTokenAsync(RunAiTokenRequest.ForClientCredentials(Distinctive.RunAiClientId, Distinctive.RunAiClientSecret))).RefreshToken!;

        // Esper's renew names the token to renew in ?access_token=, Run:ai's old refresh endpoint in ?refresh_token=.
        var esper = await Record.ExceptionAsync(() => Esper(fault).RenewTokenAsync(
            BearerToken.Format(Distinctive.EsperApiKey), Distinctive.EsperEnterpriseId.ToString(), Distinctive.EsperDeveloperAppId.ToString(), Distinctive.EsperApiKey));
        var runAi = await Record.ExceptionAsync(() => RunAi(fault).RefreshTokenAsync(refreshToken));

        Assert.NotNull(esper);
        Assert.NotNull(runAi);
        Assert.Equal(1, Host.RequestCount(EmulatorRoutes.EsperRenewToken));
        Assert.Equal(1, Host.RequestCount(EmulatorRoutes.RunAiRefreshToken));
        AssertShowsNoSecret(esper);
        AssertShowsNoSecret(runAi, refreshToken);
    }

    /// <summary>Fails if any text the exception shows — of it or any inner exception — holds a secret or token.</summary>
    private static void AssertShowsNoSecret(Exception exception, params string?[] tokens)
    {
        foreach (var text in Texts(exception))
        {
            AssertShowsNoSecret(text, tokens);
        }
    }

    private static void AssertShowsNoSecret(string? text, params string?[] tokens)
    {
        if (text is null)
        {
            return;
        }

        Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
        foreach (var token in tokens.OfType<string>())
        {
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        }

        // Every token the emulator mints is a JWT, which starts with a base64url JSON header ("eyJ…"), or an opaque
        // token with a prefix of its own. Even part of one is a leak.
        Assert.False(EmulatorTokenLike().IsMatch(text), $"Looks like part of a token: {EmulatorTokenLike().Match(text).Value}");
    }

    private static IEnumerable<string?> Texts(Exception exception)
    {
        yield return exception.ToString();
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current.Message;
            switch (current)
            {
                case TokenApiException api:
                    yield return api.ErrorBody;
                    yield return api.RequestUri?.OriginalString;
                    Assert.True(api.RequestUri is null || api.RequestUri.Query.Length == 0, "The request URI keeps its query.");
                    break;
                case TokenApiContentException content:
                    yield return content.Snippet;
                    break;
                case AggregateException aggregate:
                    foreach (var inner in aggregate.InnerExceptions)
                    {
                        pending.Push(inner);
                    }

                    continue;
            }

            if (current.InnerException is { } next)
            {
                pending.Push(next);
            }
        }
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}|(esper-token|esper-refresh|runai-refresh|bnn-refresh)\.[A-Za-z0-9_-]{4,}")]
    private static partial Regex EmulatorTokenLike();

    private TokenSessionOptions Options() => new() { TimeProvider = _clock, Name = "secrecy" };

    private HttpClient Http(string? fault = null, HttpMessageHandler? handler = null)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: true);
        if (fault is not null)
        {
            http.DefaultRequestHeaders.Add("X-Emulator-Fault", fault);
        }

        _httpClients.Add(http);
        return http;
    }

    private IDirectLineTokens DirectLine() => IDirectLineTokens.Create(Http(), TestEmulator.At(Host.DirectLineBaseAddress));

    private IBanyanTokens Banyan() => IBanyanTokens.Create(Http(), TestEmulator.At(Host.BanyanBaseAddress));

    private IEsperTokens Esper(string? fault = null) => IEsperTokens.Create(Http(fault), TestEmulator.At(Host.EsperBaseAddress));

    private IRunAiTokens RunAi(string? fault = null) => IRunAiTokens.Create(Http(fault), TestEmulator.At(Host.RunAiBaseAddress));

    private IProwlerTokens Prowler(HttpMessageHandler? handler = null) => IProwlerTokens.Create(Http(handler: handler), TestEmulator.At(Host.ProwlerBaseAddress));
}
