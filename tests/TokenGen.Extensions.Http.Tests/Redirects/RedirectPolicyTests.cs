using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TokenGen.Clients.Banyan;
using TokenGen.Clients.DirectLine;
using TokenGen.Clients.Esper;
using TokenGen.Clients.Prowler;
using TokenGen.Clients.RunAi;

namespace TokenGen.Extensions.Http.Tests.Redirects;

/// <summary>
/// Two real origins on loopback: a token endpoint that redirects every request, and the origin it points to, which records
/// all it receives. In every setup the docs show — <c>IX.Create(options)</c>, <c>IX.Create(TokenApiHttpClient.Create(), options)</c>,
/// <c>AddTokenApiClient</c> (whatever primary handler is configured after it) and the five ready sessions built on them
/// — no header, body or query value of a generated request reaches the other origin, and the call fails with a
/// <see cref="TokenApiException"/> naming where the redirect pointed.
/// </summary>
public sealed class RedirectPolicyTests : IClassFixture<RedirectPolicyTests.Origins>
{
    /// <summary>The secrets every session is built with: none may appear in anything the other origin receives.</summary>
    private const string Secret = "SECRET-7f3a9c1e5b";

    /// <summary>The token the other origin hands out; a generated client must never read it.</summary>
    private const string ForeignToken = "FOREIGN-TOKEN-d41d8cd98f00b204";

    private static int s_cases;
    private readonly Origins _origins;

    public RedirectPolicyTests(Origins origins) => _origins = origins;

    public enum Setup
    {
        CreateWithOptions,
        CreateOnTokenApiHttpClient,
        AddTokenApiClient,
        AddTokenApiClientThenUseSocketsHttpHandler,
        AddTokenApiClientThenHttpClientHandlerAsPrimary,
        AddTokenSession,
    }

    public enum TokenApi
    {
        DirectLine,
        Banyan,
        Esper,
        RunAi,
        Prowler,
    }

    /// <summary>Where the redirect points: the same host on another port, or another host name.</summary>
    public enum Elsewhere
    {
        OtherPort,
        OtherHost,
    }

    public static TheoryData<Setup, TokenApi, int, Elsewhere> SafeSetups()
    {
        var data = new TheoryData<Setup, TokenApi, int, Elsewhere>();
        foreach (Setup setup in Enum.GetValues<Setup>())
        {
            foreach (TokenApi api in Enum.GetValues<TokenApi>())
            {
                foreach (int status in new[] { 301, 302, 303, 307, 308 })
                {
                    foreach (Elsewhere elsewhere in Enum.GetValues<Elsewhere>())
                    {
                        data.Add(setup, api, status, elsewhere);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SafeSetups))]
    public async Task A_redirect_to_another_origin_is_not_followed_and_nothing_reaches_it(Setup setup, TokenApi api, int status, Elsewhere elsewhere)
    {
        string marker = NewMarker();
        Uri baseAddress = _origins.RedirectingBaseAddress(status, elsewhere, marker);

        await using var session = CreateSession(setup, api, baseAddress, out IAsyncDisposable? scope);
        await using (scope)
        {
            TokenApiException exception = await Assert.ThrowsAsync<TokenApiException>(() => session.GetAccessTokenAsync().AsTask());

            Assert.Equal(status, (int)exception.StatusCode);
            Assert.NotNull(exception.RedirectLocation);
            Assert.Equal(_origins.ElsewhereOrigin(elsewhere), exception.RedirectLocation!.GetLeftPart(UriPartial.Authority) + "/");
            Assert.Contains("not followed", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, exception.ToString(), StringComparison.Ordinal);
        }

        // The redirect's Location carries the case's marker, so anything of this case that reached the other origin would
        // be among these (the other cases of the class, run one after another, carry theirs).
        Assert.Single(_origins.Redirecting.RequestsMarked(marker));
        Assert.Empty(_origins.Foreign.RequestsMarked(marker));
    }

    public static TheoryData<TokenApi, int> FollowingClients()
    {
        var data = new TheoryData<TokenApi, int>();
        foreach (TokenApi api in Enum.GetValues<TokenApi>())
        {
            data.Add(api, 307);
            data.Add(api, 308);
        }

        return data;
    }

    /// <summary>
    /// An <see cref="HttpClient"/> of the application's own whose handler follows every redirect (<c>new HttpClient()</c>)
    /// sends the request there before the client sees anything; what TokenGen still guarantees is that the answer from
    /// there is never read, so the other origin's token is never used.
    /// </summary>
    [Theory]
    [MemberData(nameof(FollowingClients))]
    public async Task An_answer_from_another_origin_is_refused_when_the_applications_own_handler_followed_the_redirect(TokenApi api, int status)
    {
        string marker = NewMarker();
        Uri baseAddress = _origins.RedirectingBaseAddress(status, Elsewhere.OtherPort, marker);
        using var following = new HttpClient();

        await using var session = CreateSession(api, following, new TokenApiClientOptions { BaseAddress = baseAddress });
        TokenApiRedirectException exception = await Assert.ThrowsAsync<TokenApiRedirectException>(() => session.GetAccessTokenAsync().AsTask());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal(new Uri(_origins.ElsewhereOrigin(Elsewhere.OtherPort)), exception.AnsweredFrom);
        Assert.Equal(baseAddress.GetLeftPart(UriPartial.Authority), exception.RequestUri!.GetLeftPart(UriPartial.Authority));
        Assert.Null(session.Current);
        Assert.DoesNotContain(ForeignToken, exception.ToString(), StringComparison.Ordinal);

        // The other origin did answer: the refusal, not a failure there, is what kept its token out.
        Assert.Single(_origins.Foreign.RequestsMarked(marker));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_within_the_origin_is_followed_by_every_setup(int status)
    {
        foreach (Setup setup in Enum.GetValues<Setup>())
        {
            string marker = NewMarker();
            Uri baseAddress = _origins.SameOriginRedirectBaseAddress(status, marker);

            await using var session = CreateSession(setup, TokenApi.DirectLine, baseAddress, out IAsyncDisposable? scope);
            await using (scope)
            {
                Assert.Equal("SAME-ORIGIN-TOKEN-0123456789", await session.GetAccessTokenAsync());
            }

            RecordedRequest[] hops = _origins.Redirecting.RequestsMarked(marker);
            Assert.Equal(2, hops.Length);
            RecordedRequest final = hops[1];
            Assert.StartsWith("/final/", final.PathAndQuery, StringComparison.Ordinal);

            // 307 and 308 keep the method and body; the others continue as a GET without a body, as browsers do.
            Assert.Equal(status is 307 or 308 ? "POST" : "GET", final.Method);
            Assert.True(final.Headers.ContainsKey("Authorization"), $"{setup}: the same origin keeps the request's headers");
        }
    }

    [Theory]
    [InlineData(Elsewhere.OtherPort)]
    [InlineData(Elsewhere.OtherHost)]
    public async Task The_bearer_handler_keeps_its_token_off_a_redirect_to_another_origin(Elsewhere elsewhere)
    {
        string marker = NewMarker();
        string accessToken = "BEARER-" + Secret;
        await using var session = new TokenSession(_ => ValueTask.FromResult(new TokenResponseValues(accessToken, null, 3600, null)));
        using var api = new HttpClient(new BearerTokenHandler(session, "127.0.0.1", "localhost") { InnerHandler = new HttpClientHandler() });

        using HttpResponseMessage response = await api.GetAsync(new Uri(_origins.RedirectingBaseAddress(307, elsewhere, marker), "v1/things"));

        RecordedRequest first = Assert.Single(_origins.Redirecting.RequestsMarked(marker));
        Assert.Equal("Bearer " + accessToken, first.Headers["Authorization"]);
        RecordedRequest followed = Assert.Single(_origins.Foreign.RequestsMarked(marker));
        Assert.False(followed.Headers.ContainsKey("Authorization"));
        Assert.DoesNotContain(accessToken, followed.AllText, StringComparison.Ordinal);
    }

    private static string NewMarker() => "case" + Interlocked.Increment(ref s_cases).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The API's ready session, on a client built the way <paramref name="setup"/> says.</summary>
    private static TokenSession CreateSession(Setup setup, TokenApi api, Uri baseAddress, out IAsyncDisposable? scope)
    {
        scope = null;
        var options = new TokenApiClientOptions { BaseAddress = baseAddress };
        switch (setup)
        {
            case Setup.CreateWithOptions:
                return CreateSession(api, httpClient: null, options);
            case Setup.CreateOnTokenApiHttpClient:
                return CreateSession(api, TokenApiHttpClient.Create(), options);
            case Setup.AddTokenApiClient:
            case Setup.AddTokenApiClientThenUseSocketsHttpHandler:
            case Setup.AddTokenApiClientThenHttpClientHandlerAsPrimary:
            case Setup.AddTokenSession:
                var services = new ServiceCollection();
                IHttpClientBuilder builder = AddClient(services, api, baseAddress);
                if (setup == Setup.AddTokenApiClientThenUseSocketsHttpHandler)
                {
                    builder.UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5));
                }
                else if (setup == Setup.AddTokenApiClientThenHttpClientHandlerAsPrimary)
                {
                    builder.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
                }

                if (setup == Setup.AddTokenSession)
                {
                    services.AddTokenSession("tokens", sp => CreateSession(api, sp));
                }

                ServiceProvider provider = TokenApiClientRegistrationTests.Build(services);
                scope = provider;

                // The container owns a registered session; disposing it again at the end of the test does no harm.
                return setup == Setup.AddTokenSession
                    ? provider.GetRequiredKeyedService<TokenSession>("tokens")
                    : CreateSession(api, provider);
            default:
                throw new ArgumentOutOfRangeException(nameof(setup), setup, null);
        }
    }

    private static IHttpClientBuilder AddClient(IServiceCollection services, TokenApi api, Uri baseAddress) => api switch
    {
        TokenApi.DirectLine => services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, o => o.BaseAddress = baseAddress),
        TokenApi.Banyan => services.AddTokenApiClient<IBanyanTokens>(IBanyanTokens.Create, o => o.BaseAddress = baseAddress),
        TokenApi.Esper => services.AddTokenApiClient<IEsperTokens>(IEsperTokens.Create, o => o.BaseAddress = baseAddress),
        TokenApi.RunAi => services.AddTokenApiClient<IRunAiTokens>(IRunAiTokens.Create, o => o.BaseAddress = baseAddress),
        TokenApi.Prowler => services.AddTokenApiClient<IProwlerTokens>(IProwlerTokens.Create, o => o.BaseAddress = baseAddress),
        _ => throw new ArgumentOutOfRangeException(nameof(api), api, null),
    };

    private static TokenSession CreateSession(TokenApi api, IServiceProvider provider) => api switch
    {
        TokenApi.DirectLine => provider.GetRequiredService<IDirectLineTokens>().CreateTokenSession(Secret),
        TokenApi.Banyan => provider.GetRequiredService<IBanyanTokens>().CreateTokenSession(Secret),
        TokenApi.Esper => provider.GetRequiredService<IEsperTokens>().CreateTokenSession(Secret, "enterprise-1", "app-1"),
        TokenApi.RunAi => provider.GetRequiredService<IRunAiTokens>().CreateTokenSession("client-1", Secret),
        TokenApi.Prowler => provider.GetRequiredService<IProwlerTokens>().CreateTokenSession("user@example.com", Secret),
        _ => throw new ArgumentOutOfRangeException(nameof(api), api, null),
    };

    /// <summary>The API's ready session on <paramref name="httpClient"/>, or on the generated <c>Create(options)</c> when null.</summary>
    private static TokenSession CreateSession(TokenApi api, HttpClient? httpClient, TokenApiClientOptions options) => api switch
    {
        TokenApi.DirectLine => (httpClient is null ? IDirectLineTokens.Create(options) : IDirectLineTokens.Create(httpClient, options)).CreateTokenSession(Secret),
        TokenApi.Banyan => (httpClient is null ? IBanyanTokens.Create(options) : IBanyanTokens.Create(httpClient, options)).CreateTokenSession(Secret),
        TokenApi.Esper => (httpClient is null ? IEsperTokens.Create(options) : IEsperTokens.Create(httpClient, options)).CreateTokenSession(Secret, "enterprise-1", "app-1"),
        TokenApi.RunAi => (httpClient is null ? IRunAiTokens.Create(options) : IRunAiTokens.Create(httpClient, options)).CreateTokenSession("client-1", Secret),
        TokenApi.Prowler => (httpClient is null ? IProwlerTokens.Create(options) : IProwlerTokens.Create(httpClient, options)).CreateTokenSession("user@example.com", Secret),
        _ => throw new ArgumentOutOfRangeException(nameof(api), api, null),
    };

    /// <summary>The two origins, shared by the class: every case marks its requests with a path segment of its own.</summary>
    public sealed class Origins : IAsyncLifetime
    {
        // Fits every seed API's acquire answer, so a client that read it would have a token.
        private const string ForeignAnswer =
            "{\"token\":\"" + ForeignToken + "\",\"Message\":\"" + ForeignToken + "\",\"accessToken\":\"" + ForeignToken + "\","
            + "\"access_token\":\"" + ForeignToken + "\",\"expires_in\":1800,"
            + "\"data\":{\"type\":\"tokens\",\"attributes\":{\"access\":\"" + ForeignToken + "\",\"refresh\":\"" + ForeignToken + "\"}}}";

        private const string SameOriginAnswer = "{\"conversationId\":\"c-1\",\"token\":\"SAME-ORIGIN-TOKEN-0123456789\",\"expires_in\":1800}";

        internal LoopbackOrigin Redirecting { get; private set; } = null!;

        internal LoopbackOrigin Foreign { get; private set; } = null!;

        /// <summary>A base address on the redirecting origin whose every request is redirected with <paramref name="status"/> to the other one.</summary>
        public Uri RedirectingBaseAddress(int status, Elsewhere elsewhere, string marker) =>
            new(Redirecting.BaseAddress, $"elsewhere/{status}/{elsewhere}/{marker}/");

        /// <summary>A base address on the redirecting origin whose every request is redirected with <paramref name="status"/> to a path on the same origin.</summary>
        public Uri SameOriginRedirectBaseAddress(int status, string marker) =>
            new(Redirecting.BaseAddress, $"same/{status}/{marker}/");

        /// <summary><c>http://host:port/</c> of the other origin.</summary>
        public string ElsewhereOrigin(Elsewhere elsewhere) =>
            elsewhere == Elsewhere.OtherPort ? $"http://127.0.0.1:{Foreign.Port}/" : $"http://localhost:{Foreign.Port}/";

        public async Task InitializeAsync()
        {
            Foreign = await LoopbackOrigin.StartAsync(context =>
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(ForeignAnswer);
            });
            Redirecting = await LoopbackOrigin.StartAsync(Redirect);
        }

        public async Task DisposeAsync()
        {
            await Redirecting.DisposeAsync();
            await Foreign.DisposeAsync();
        }

        private Task Redirect(HttpContext context)
        {
            // /elsewhere/{status}/{where}/{marker}/rest → the other origin's /{marker}/rest, query kept;
            // /same/{status}/{marker}/rest → /final/{marker}/rest here; /final/… answers a Direct Line token.
            string[] segments = context.Request.Path.Value!.Split('/', 5, StringSplitOptions.RemoveEmptyEntries);
            string query = context.Request.QueryString.ToUriComponent();
            switch (segments[0])
            {
                case "elsewhere":
                    string rest = segments.Length > 4 ? segments[4] : string.Empty;
                    string origin = ElsewhereOrigin(Enum.Parse<Elsewhere>(segments[2]));
                    context.Response.StatusCode = int.Parse(segments[1], System.Globalization.CultureInfo.InvariantCulture);
                    context.Response.Headers.Location = origin + segments[3] + "/" + rest + query;
                    return Task.CompletedTask;
                case "same":
                    string[] same = context.Request.Path.Value!.Split('/', 5, StringSplitOptions.RemoveEmptyEntries);
                    context.Response.StatusCode = int.Parse(same[1], System.Globalization.CultureInfo.InvariantCulture);
                    context.Response.Headers.Location = "/final/" + same[2] + "/" + (same.Length > 3 ? string.Join('/', same.Skip(3)) : string.Empty) + query;
                    return Task.CompletedTask;
                default:
                    context.Response.ContentType = "application/json";
                    return context.Response.WriteAsync(SameOriginAnswer);
            }
        }
    }
}
