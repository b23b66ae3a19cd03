using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Clients.DirectLine;
using TokenGen.Emulator;

namespace TokenGen.Clients.Tests.Sessions;

/// <summary>
/// <see cref="BearerTokenHandler"/> with a Direct Line session on the emulator, in front of a downstream service faked in
/// the test: a 401 from downstream costs exactly one refresh at the emulator and one retry with the new token; a second
/// 401 reaches the caller; other hosts never see the token.
/// </summary>
public sealed class BearerTokenHandlerSessionTests
{
    private const string Downstream = "https://api.downstream.test/v1/items";

    [Fact]
    public async Task A_downstream_401_costs_exactly_one_refresh_and_one_retry_carrying_the_new_token()
    {
        await using var on = await TestEmulator.StartAsync();
        await using var session = Session(on);
        var downstream = new FakeDownstream(HttpStatusCode.Unauthorized, HttpStatusCode.OK);
        using var api = new HttpClient(new BearerTokenHandler(session, "api.downstream.test") { InnerHandler = downstream });

        using var response = await api.PostAsync(Downstream, new StringContent("{\"name\":\"ada\"}")).WaitAsync(Burst.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.DirectLineGenerate));
        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.DirectLineRefresh));
        Assert.Collection(downstream.Requests,
            rejected => Assert.Equal("{\"name\":\"ada\"}", rejected.Body),
            retry => Assert.Equal("{\"name\":\"ada\"}", retry.Body));
        var (rejectedToken, retryToken) = (Bearer(downstream.Requests[0]), Bearer(downstream.Requests[1]));
        Assert.NotEqual(rejectedToken, retryToken);
        Assert.Equal(session.Current?.AccessToken, retryToken);
        Assert.Equal(Jwt.Claim(rejectedToken, "conv"), Jwt.Claim(retryToken, "conv"));
        await SessionTarget.For(SessionTarget.DirectLine).ProveAcceptedAsync(on, session.Current!);
    }

    [Fact]
    public async Task A_second_downstream_401_reaches_the_caller_after_one_refresh_and_one_retry()
    {
        await using var on = await TestEmulator.StartAsync();
        await using var session = Session(on);
        var downstream = new FakeDownstream(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK);
        using var api = new HttpClient(new BearerTokenHandler(session, "api.downstream.test") { InnerHandler = downstream });

        using var response = await api.GetAsync(Downstream).WaitAsync(Burst.Timeout);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, downstream.Requests.Length);
        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.DirectLineGenerate));
        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.DirectLineRefresh));
        Assert.NotEqual(Bearer(downstream.Requests[0]), Bearer(downstream.Requests[1]));
    }

    [Fact]
    public async Task Requests_to_other_hosts_carry_no_Authorization_and_cost_no_token_request()
    {
        await using var on = await TestEmulator.StartAsync();
        await using var session = Session(on);
        var downstream = new FakeDownstream(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK);
        using var api = new HttpClient(new BearerTokenHandler(session, "api.downstream.test") { InnerHandler = downstream });

        using (await api.GetAsync("https://other.downstream.test/v1/items").WaitAsync(Burst.Timeout))
        using (await api.GetAsync("https://api.downstream.test.evil.test/v1/items").WaitAsync(Burst.Timeout))
        {
            Assert.All(downstream.Requests, request => Assert.Null(request.Authorization));
            Assert.Equal(0, on.Host.RequestCount(EmulatorRoutes.DirectLineGenerate));
        }

        // The configured host still gets the token, so the handler was in the way all along.
        using var allowed = await api.GetAsync(Downstream).WaitAsync(Burst.Timeout);
        Assert.Equal(session.Current?.AccessToken, Bearer(downstream.Requests[^1]));
    }

    private static TokenSession Session(TestEmulator on) =>
        SessionTarget.DirectLineClient(on).CreateTokenSession(on.Credentials.DirectLineSecret, options: new TokenSessionOptions { TimeProvider = on.Clock });

    private static string Bearer(DownstreamRequest request)
    {
        Assert.NotNull(request.Authorization);
        Assert.StartsWith("Bearer ", request.Authorization, StringComparison.Ordinal);
        return request.Authorization["Bearer ".Length..];
    }
}

/// <summary>One request the fake downstream service received.</summary>
internal sealed record DownstreamRequest(Uri Uri, string? Authorization, string? Body);

/// <summary>
/// A downstream service that knows nothing of tokens: it records each request and answers with the next status of its
/// script (the last one once the script runs out).
/// </summary>
internal sealed class FakeDownstream(params HttpStatusCode[] statuses) : HttpMessageHandler
{
    private readonly ConcurrentQueue<DownstreamRequest> _requests = new();
    private int _answered;

    public DownstreamRequest[] Requests => _requests.ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue(new DownstreamRequest(request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        var index = Interlocked.Increment(ref _answered) - 1;
        return new HttpResponseMessage(statuses[Math.Min(index, statuses.Length - 1)]) { RequestMessage = request };
    }
}
