using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Tokens;

/// <summary>The handler attaches the session's token to configured hosts only, and answers a 401 with one refresh and one retry.</summary>
public sealed class BearerTokenHandlerTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = Clocks.Fake();
    private readonly FakeTokenApi _api = new();
    private readonly RecordingHandler _service = new();
    private readonly TokenSession _session;

    public BearerTokenHandlerTests() => _session = _api.CreateSession(_clock);

    private static string Access1 => "Bearer " + FakeTokenApi.Secret("access-1");

    private static string Refreshed1 => "Bearer " + FakeTokenApi.Secret("refreshed-1");

    public ValueTask DisposeAsync() => _session.DisposeAsync();

    [Theory]
    [InlineData("https://api.example.com/v1/things")]
    [InlineData("https://API.Example.COM/v1/things")]
    [InlineData("https://api.example.com:8443/v1/things")]
    public async Task TheTokenIsAttachedToAConfiguredHostOverHttpsOnAnyPort(string uri)
    {
        using HttpMessageInvoker client = CreateClient("Api.Example.com");

        using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSent(Access1);
    }

    [Theory]
    [InlineData("http://api.example.com/v1/things")]
    [InlineData("http://api.example.com:8080/v1/things")]
    public async Task ABareHostNeverGetsTheTokenOverPlainHttp(string uri)
    {
        using HttpMessageInvoker client = CreateClient("api.example.com");

        using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), CancellationToken.None);

        AssertSent((string?)null);
    }

    [Theory]
    [InlineData("localhost", "http://localhost:5080/v1/things")]
    [InlineData("127.0.0.1", "http://127.0.0.1:5080/v1/things")]
    [InlineData("api.example.com", "http://api.example.com:8080/v1/things")]
    public async Task PlainHttpGetsTheTokenForLoopbackOrAnExplicitHttpOrigin(string host, string uri)
    {
        // A loopback host is this machine; a non-loopback host over http needs its origin named, the explicit opt-out.
        string entry = host == "api.example.com" ? "http://api.example.com:8080" : host;
        using HttpMessageInvoker client = CreateClient(entry);

        using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), CancellationToken.None);

        AssertSent(Access1);
    }

    [Theory]
    [InlineData("https://other.example.com/v1/things")]
    [InlineData("https://api.example.com.evil.test/v1/things")]
    [InlineData("https://example.com/v1/things")]
    public async Task OtherHostsGetNoTokenAndCostNoRequest(string uri)
    {
        using HttpMessageInvoker client = CreateClient("api.example.com");

        using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), CancellationToken.None);

        AssertSent((string?)null);
        Assert.Equal(0, _api.AcquireCalls);
    }

    [Theory]
    [InlineData("https://api.example.com/x", true)]
    [InlineData("https://api.example.com:443/x", true)]
    [InlineData("http://api.example.com/x", false)]
    [InlineData("https://api.example.com:8443/x", false)]
    [InlineData("http://127.0.0.1:5080/x", true)]
    [InlineData("http://127.0.0.1:5081/x", false)]
    public async Task AnOriginEntryMatchesOnlyItsSchemeHostAndPort(string uri, bool attached)
    {
        using HttpMessageInvoker client = CreateClient("https://api.example.com", "http://127.0.0.1:5080");

        using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), CancellationToken.None);

        AssertSent(attached ? Access1 : null);
    }

    [Fact]
    public async Task IpLiteralsAreHosts()
    {
        using HttpMessageInvoker client = CreateClient(["127.0.0.1", "[::1]"]);

        using HttpResponseMessage v4 = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:5000/"), CancellationToken.None);
        using HttpResponseMessage v6 = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://[::1]:5000/"), CancellationToken.None);

        AssertSent(Access1, Access1);
    }

    [Fact]
    public async Task ARequestWithItsOwnAuthorizationIsLeftAlone()
    {
        _service.Respond = _ => HttpStatusCode.Unauthorized;
        using HttpMessageInvoker client = CreateClient("api.example.com");
        var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/x");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        using HttpResponseMessage response = await client.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertSent("Basic dXNlcjpwYXNz");
        Assert.Equal((0, 0), (_api.AcquireCalls, _api.RefreshCalls));
    }

    [Fact]
    public async Task AnInvalidAuthorizationOfTheCallersIsLeftAloneToo()
    {
        using HttpMessageInvoker client = CreateClient("api.example.com");
        var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/x");
        Assert.True(request.Headers.TryAddWithoutValidation("Authorization", "not, a valid, value"));

        using HttpResponseMessage response = await client.SendAsync(request, CancellationToken.None);

        AssertSent("not, a valid, value");
        Assert.Equal(0, _api.AcquireCalls);
    }

    [Fact]
    public async Task WhenAnOuterHandlerSendsTheSameRequestAgainItGetsTheCurrentToken()
    {
        using HttpMessageInvoker client = CreateClient("api.example.com");
        var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/x");

        (await client.SendAsync(request, CancellationToken.None)).Dispose();
        await _session.RefreshAsync(null);
        (await client.SendAsync(request, CancellationToken.None)).Dispose();

        AssertSent(Access1, Refreshed1);
    }

    [Fact]
    public async Task ARequestPointedAtAnotherHostLosesTheTokenTheHandlerAttached()
    {
        using HttpMessageInvoker client = CreateClient("api.example.com");
        var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/x");

        (await client.SendAsync(request, CancellationToken.None)).Dispose();
        request.RequestUri = new Uri("https://elsewhere.test/x");
        (await client.SendAsync(request, CancellationToken.None)).Dispose();

        AssertSent(Access1, null);
    }

    [Fact]
    public async Task A401CostsOneRefreshAndOneRetryWithTheNewToken()
    {
        _service.Respond = n => n == 1 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK;
        using HttpMessageInvoker client = CreateClient("api.example.com");

        using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/x"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSent(Access1, Refreshed1);
        Assert.Equal((1, 1), (_api.AcquireCalls, _api.RefreshCalls));
        Assert.True(_service.Responses[0].IsDisposed);
        Assert.False(_service.Responses[1].IsDisposed);
    }

    [Fact]
    public async Task ASecond401ReachesTheCaller()
    {
        _service.Respond = _ => HttpStatusCode.Unauthorized;
        using HttpMessageInvoker client = CreateClient("api.example.com");

        using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/x"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Same(_service.Responses[1], response);
        AssertSent(Access1, Refreshed1);
        Assert.Equal(1, _api.RefreshCalls);
    }

    [Fact]
    public async Task ContentThatCannotBeSentAgainIsNotRetriedButTheRejectedTokenIsReplaced()
    {
        _service.Respond = n => n == 1 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK;
        using HttpMessageInvoker client = CreateClient("api.example.com");
        var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/x")
        {
            Content = new StreamContent(TestStream.Of(Encoding.UTF8.GetBytes("{\"once\":true}"), int.MaxValue)),
        };

        using HttpResponseMessage response = await client.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.As<TrackedResponse>().IsDisposed);
        AssertSent(Access1);
        Assert.Equal(1, _api.RefreshCalls);

        // The caller's own retry, with new content, goes out with the new token.
        using HttpResponseMessage retried = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/x")
        {
            Content = new StreamContent(TestStream.Of(Encoding.UTF8.GetBytes("{\"once\":true}"), int.MaxValue)),
        }, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        AssertSent(Access1, Refreshed1);
    }

    public static TheoryData<string> ReplayableContents =>
        ["none", "bytes", "string", "form", "memory", "multipart of replayable parts", "nested multipart"];

    [Theory]
    [MemberData(nameof(ReplayableContents))]
    public async Task ContentThatCanBeSentAgainIsRetriedWithTheSameBody(string kind)
    {
        _service.Respond = n => n == 1 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK;
        using HttpMessageInvoker client = CreateClient("api.example.com");
        var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/x") { Content = CreateContent(kind) };

        using HttpResponseMessage response = await client.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSent(Access1, Refreshed1);
        Assert.Equal(_service.Bodies[0], _service.Bodies[1]);
        Assert.True(kind == "none" || _service.Bodies[0].Length > 0);
    }

    [Fact]
    public async Task AMultipartWithAStreamPartIsNotRetried()
    {
        _service.Respond = _ => HttpStatusCode.Unauthorized;
        using HttpMessageInvoker client = CreateClient("api.example.com");
        var content = new MultipartFormDataContent
        {
            { new StringContent("name"), "field" },
            { new StreamContent(TestStream.Of([1, 2, 3], int.MaxValue)), "file", "file.bin" },
        };

        using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/x") { Content = content }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(_service.Authorizations);
        Assert.Equal(1, _api.RefreshCalls);
    }

    [Fact]
    public async Task ABurstOf401sForOneTokenCostsOneRefresh()
    {
        _service.Respond = _ => HttpStatusCode.OK;
        _service.RespondTo = authorization => authorization == Access1 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK;
        using HttpMessageInvoker client = CreateClient("api.example.com");
        await _session.GetAccessTokenAsync();
        TaskCompletionSource<TokenResponseValues> gate = _api.GateRefresh();

        Task<HttpResponseMessage>[] requests = Enumerable.Range(0, 20)
            .Select(_ => client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/x"), CancellationToken.None))
            .ToArray();
        Assert.Equal(1, _api.RefreshCalls);
        gate.SetResult(FakeTokenApi.Values("refreshed-1", "rotated-1"));
        HttpResponseMessage[] responses = await Task.WhenAll(requests);

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(20, _service.Authorizations.Count(a => a == Access1));
        Assert.Equal(20, _service.Authorizations.Count(a => a == Refreshed1));
        Assert.Equal((1, 1), (_api.AcquireCalls, _api.RefreshCalls));
        Array.ForEach(responses, response => response.Dispose());
    }

    [Fact]
    public async Task WhenTheRefreshFailsItsErrorReachesTheCallerAndThe401IsDisposed()
    {
        _service.Respond = _ => HttpStatusCode.Unauthorized;
        TokenApiException failure = FakeTokenApi.Refused(HttpStatusCode.ServiceUnavailable);
        _api.OnRefresh = (_, _, _) => Task.FromException<TokenResponseValues>(FakeTokenApi.Refused(HttpStatusCode.BadRequest));
        _api.OnAcquire = (n, _) => n == 1 ? Task.FromResult(FakeTokenApi.Values("access-1", "refresh-1")) : Task.FromException<TokenResponseValues>(failure);
        using HttpMessageInvoker client = CreateClient("api.example.com");

        Assert.Same(failure, await Assert.ThrowsAsync<TokenApiException>(
            () => client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/x"), CancellationToken.None)));

        Assert.True(_service.Responses.Single().IsDisposed);
    }

    [Fact]
    public async Task WhenTheServiceRenewsToTheSameTokenThe401ReachesTheCallerWithoutARetry()
    {
        _service.Respond = _ => HttpStatusCode.Unauthorized;
        _api.OnRefresh = (_, token, _) => Task.FromResult(new TokenResponseValues(token.AccessToken, null, 3600, null));
        using HttpMessageInvoker client = CreateClient("api.example.com");

        using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/x"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.As<TrackedResponse>().IsDisposed);
        AssertSent(Access1);
        Assert.Equal(1, _api.RefreshCalls);
    }

    [Fact]
    public void SynchronousSendsToAConfiguredHostAreRefusedAndOthersPassThrough()
    {
        using HttpMessageInvoker client = CreateClient("api.example.com");

        var exception = Assert.Throws<NotSupportedException>(() => client.Send(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/x"), CancellationToken.None));
        using HttpResponseMessage other = client.Send(new HttpRequestMessage(HttpMethod.Get, "https://other.test/x"), CancellationToken.None);

        Assert.Contains("SendAsync", exception.Message, StringComparison.Ordinal);
        AssertSent((string?)null);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("api.example.com:8443")]
    [InlineData("api.example.com/v1")]
    [InlineData("user@api.example.com")]
    [InlineData("https://api.example.com/v1")]
    [InlineData("https://api.example.com?key=1")]
    [InlineData("ftp://api.example.com")]
    [InlineData("https://user:SECRET-password@api.example.com")]
    public void EntriesThatAreNeitherAHostNorAnOriginAreRefused(string entry)
    {
        var exception = Assert.Throws<ArgumentException>(() => new BearerTokenHandler(_session, "ok.example.com", entry));

        Assert.Equal("hosts", exception.ParamName);
        Assert.Contains("index 1", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AtLeastOneHostIsNeeded()
    {
        Assert.Throws<ArgumentException>(() => new BearerTokenHandler(_session));
        Assert.Throws<ArgumentException>(() => new BearerTokenHandler(_session, Enumerable.Empty<string>()));
        Assert.Throws<ArgumentNullException>(() => new BearerTokenHandler(null!, "api.example.com"));
    }

    [Fact]
    public async Task DisposingTheHandlerLeavesTheSessionAlone()
    {
        using (HttpMessageInvoker client = CreateClient("api.example.com"))
        {
            (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/x"), CancellationToken.None)).Dispose();
        }

        Assert.Equal(FakeTokenApi.Secret("access-1"), await _session.GetAccessTokenAsync());
    }

    /// <summary>Compares the Authorization header of every request the service saw, in order.</summary>
    private void AssertSent(params string?[] expected) =>
        Assert.Equal<string?>(expected, (System.Collections.Generic.IEnumerable<string?>)_service.Authorizations);

    private static HttpContent? CreateContent(string kind) => kind switch
    {
        "none" => null,
        "bytes" => new ByteArrayContent([1, 2, 3, 4]),
        "string" => new StringContent("{\"grant\":\"x\"}", Encoding.UTF8, "application/json"),
        "form" => new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        "memory" => new ReadOnlyMemoryContent(new byte[] { 5, 6, 7 }),
        "multipart of replayable parts" => new MultipartFormDataContent("boundary") { { new StringContent("a"), "a" }, { new ByteArrayContent([9]), "b", "b.bin" } },
        "nested multipart" => new MultipartContent("mixed", "outer") { new MultipartContent("alternative", "inner") { new StringContent("x") } },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private HttpMessageInvoker CreateClient(params string[] hosts) =>
        new(new BearerTokenHandler(_session, hosts) { InnerHandler = _service }, disposeHandler: true);

    /// <summary>A response that remembers whether it was disposed.</summary>
    internal sealed class TrackedResponse : HttpResponseMessage
    {
        public TrackedResponse(HttpStatusCode status)
            : base(status)
        {
        }

        public bool IsDisposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>The service behind the handler: records each request's Authorization and body, answers as scripted.</summary>
    internal sealed class RecordingHandler : HttpMessageHandler
    {
        private int _requests;

        public ConcurrentQueue<string?> AuthorizationLog { get; } = new();

        public string?[] Authorizations => [.. AuthorizationLog];

        public ConcurrentQueue<byte[]> BodyLog { get; } = new();

        public byte[][] Bodies => [.. BodyLog];

        public ConcurrentQueue<TrackedResponse> ResponseLog { get; } = new();

        public TrackedResponse[] Responses => [.. ResponseLog];

        /// <summary>The status of the n-th request (1-based).</summary>
        public Func<int, HttpStatusCode> Respond { get; set; } = _ => HttpStatusCode.OK;

        /// <summary>When set, the status by the request's Authorization instead.</summary>
        public Func<string?, HttpStatusCode>? RespondTo { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int n = Interlocked.Increment(ref _requests);
            string? authorization = request.Headers.NonValidated.TryGetValues("Authorization", out HeaderStringValues values) ? values.ToString() : null;
            AuthorizationLog.Enqueue(authorization);

            // Serialize the body as a transport would, so a second send proves the content can be sent again.
            byte[] body = [];
            if (request.Content is not null)
            {
                using var buffer = new MemoryStream();
                await request.Content.CopyToAsync(buffer, cancellationToken);
                body = buffer.ToArray();
            }

            BodyLog.Enqueue(body);
            var response = new TrackedResponse(RespondTo?.Invoke(authorization) ?? Respond(n)) { RequestMessage = request };
            ResponseLog.Enqueue(response);
            return response;
        }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
            SendAsync(request, cancellationToken).GetAwaiter().GetResult();
    }
}

internal static class ResponseExtensions
{
    public static T As<T>(this HttpResponseMessage response)
        where T : HttpResponseMessage => Assert.IsType<T>(response);
}
