using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Runtime.Tests.Tokens;
using static TokenGen.Runtime.Tests.Resilience.ScriptedServer;

namespace TokenGen.Runtime.Tests.Resilience;

/// <summary>
/// The handler under a <see cref="TokenSession"/>: an acquire is retried inside the handler, a rotating refresh
/// (<see cref="NoRetryAttribute"/>) is never re-sent, and the session's fallback to one acquire takes over.
/// </summary>
public sealed class SessionResilienceTests
{
    private const string AcquirePath = "/oauth/token";
    private const string RefreshPath = "/oauth/refresh";

    [Fact]
    public async Task A_refresh_declared_NoRetry_whose_answer_drops_is_sent_once_and_the_session_falls_back_to_one_acquire()
    {
        var clock = new VirtualClock();
        var acquires = new ScriptedServer(Status(HttpStatusCode.OK));
        var refreshes = new ScriptedServer(ResetMidBody());
        using var invoker = Pipeline.Create(new Router(acquires, refreshes), clock);
        await using var session = CreateSession(invoker);

        string first = await session.GetAccessTokenAsync();
        IssuedToken replaced = await clock.RunAsync(session.RefreshAsync(first).AsTask());

        Assert.Equal(1, refreshes.Attempts);
        Assert.Equal(2, acquires.Attempts);
        Assert.Equal("{\"attempt\":2}", replaced.AccessToken);
        Assert.Empty(clock.RequestedDelays);
    }

    [Fact]
    public async Task A_retryable_acquire_whose_answer_drops_is_retried_inside_the_handler_and_the_session_sees_one_success()
    {
        var clock = new VirtualClock();
        var acquires = new ScriptedServer(ResetMidBody(), Status(HttpStatusCode.OK));
        var refreshes = new ScriptedServer(Status(HttpStatusCode.OK));
        using var invoker = Pipeline.Create(new Router(acquires, refreshes), clock);
        int sessionAcquires = 0;
        await using var session = CreateSession(invoker, onAcquire: () => Interlocked.Increment(ref sessionAcquires));

        string token = await clock.RunAsync(session.GetAccessTokenAsync().AsTask());

        Assert.Equal("{\"attempt\":2}", token);
        Assert.Equal(2, acquires.Attempts);
        Assert.Equal(1, sessionAcquires);
    }

    private static TokenSession CreateSession(HttpMessageInvoker invoker, Action? onAcquire = null) =>
        new(
            async cancellationToken =>
            {
                onAcquire?.Invoke();
                return await SendAsync(invoker, AcquirePath, retryable: true, cancellationToken);
            },
            (_, cancellationToken) => SendAsync(invoker, RefreshPath, retryable: false, cancellationToken),
            new TokenSessionOptions { TimeProvider = Clocks.Fake(), Name = "resilience" });

    /// <summary>What a generated operation does: build the request with its options, send, read the token.</summary>
    private static async ValueTask<TokenResponseValues> SendAsync(HttpMessageInvoker invoker, string path, bool retryable, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://auth.example.com" + path) { Content = new StringContent("grant") };
        request.Options.Set(TokenApiRequestOptions.Retryable, retryable);
        request.Options.Set(TokenApiRequestOptions.OperationName, retryable ? "AcquireAsync" : "RefreshAsync");
        using HttpResponseMessage response = await invoker.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new TokenResponseValues(body, refreshToken: "refresh", expiresInSeconds: 3600, expiresAt: null);
    }

    /// <summary>Sends acquires to one script and refreshes to another.</summary>
    private sealed class Router(ScriptedServer acquires, ScriptedServer refreshes) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _acquires = new(acquires);
        private readonly HttpMessageInvoker _refreshes = new(refreshes);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            (request.RequestUri!.AbsolutePath == RefreshPath ? _refreshes : _acquires).SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _acquires.Dispose();
                _refreshes.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
