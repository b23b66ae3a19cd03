using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TokenGen.Diagnostics;

namespace TokenGen.Runtime.Tests.Observability;

/// <summary>
/// What the resilience handler and the bearer handler record: retries with their reason and wait, answers whose
/// Retry-After was over the cap, and the token replacements a 401 asked for.
/// </summary>
public sealed class HandlerMetricsTests : IDisposable
{
    private const string Retries = "tokengen.resilience.retries";
    private const string RetryDelay = "tokengen.resilience.retry.delay";
    private const string OperationTag = "tokengen.operation.name";

    private readonly TelemetryRecorder _recorder = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly string _operation = TelemetryRecorder.UniqueName("Operation");

    public void Dispose() => _recorder.Dispose();

    [Fact]
    public async Task A_503_retried_after_backoff_is_counted_with_its_status_as_error_type_and_its_wait()
    {
        using var invoker = Resilient(Answer(HttpStatusCode.ServiceUnavailable), Answer(HttpStatusCode.OK));

        using HttpResponseMessage response = await TelemetryRecorder.RunAsync(_clock, invoker.SendAsync(Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Measurement retry = Assert.Single(_recorder.For(Retries, OperationTag, _operation));
        Assert.Equal("{retry}", retry.Unit);
        Assert.Equal("503", retry.Tag("error.type"));
        Assert.Equal("backoff", retry.Tag("tokengen.retry.delay_source"));
        Measurement delay = Assert.Single(_recorder.For(RetryDelay, OperationTag, _operation));
        Assert.Equal("s", delay.Unit);
        Assert.Equal(0.2, delay.Value, precision: 6);
    }

    [Fact]
    public async Task A_Retry_After_wait_is_recorded_as_the_servers_wait()
    {
        using var invoker = Resilient(
            Answer(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(3)),
            Answer(HttpStatusCode.OK));

        using HttpResponseMessage response = await TelemetryRecorder.RunAsync(_clock, invoker.SendAsync(Request(), CancellationToken.None));

        Measurement delay = Assert.Single(_recorder.For(RetryDelay, OperationTag, _operation));
        Assert.Equal(3.0, delay.Value);
        Assert.Equal("retry_after", delay.Tag("tokengen.retry.delay_source"));
        Assert.Equal("429", delay.Tag("error.type"));
    }

    [Fact]
    public async Task A_connection_failure_is_counted_with_the_exceptions_full_type_name()
    {
        using var invoker = Resilient(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused"), Answer(HttpStatusCode.OK));

        using HttpResponseMessage response = await TelemetryRecorder.RunAsync(_clock, invoker.SendAsync(Request(), CancellationToken.None));

        Measurement retry = Assert.Single(_recorder.For(Retries, OperationTag, _operation));
        Assert.Equal(typeof(HttpRequestException).FullName, retry.Tag("error.type"));
    }

    [Fact]
    public async Task A_Retry_After_over_the_cap_is_counted_with_the_status_and_not_as_a_retry()
    {
        using var invoker = Resilient(Answer(HttpStatusCode.ServiceUnavailable, TimeSpan.FromHours(1)));

        using HttpResponseMessage response = await TelemetryRecorder.RunAsync(_clock, invoker.SendAsync(Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Measurement exceeded = Assert.Single(_recorder.For("tokengen.resilience.retry_after.exceeded", OperationTag, _operation));
        Assert.Equal(503, exceeded.Tag("http.response.status_code"));
        Assert.Empty(_recorder.For(Retries, OperationTag, _operation));
    }

    [Fact]
    public async Task A_401_that_replaced_the_token_and_resent_is_counted_and_reported_to_the_sessions_log()
    {
        string name = TelemetryRecorder.UniqueName("bearer");
        var log = new RejectionLog();
        int fetches = 0;
        await using var session = new TokenSession(
            _ => ValueTask.FromResult(new TokenResponseValues("SECRET-bearer-" + Interlocked.Increment(ref fetches), null, 3600, null)),
            options: new TokenSessionOptions { TimeProvider = _clock, Name = name, Log = log });
        var service = new ScriptHandler(request => request.Headers.Authorization?.Parameter == "SECRET-bearer-1"
            ? new HttpResponseMessage(HttpStatusCode.Unauthorized)
            : new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(session, "api.example.com") { InnerHandler = service });

        using HttpResponseMessage response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/things"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Measurement refresh = Assert.Single(_recorder.ForSession("tokengen.bearer.refreshes", name));
        Assert.Equal("retried", refresh.Tag("tokengen.bearer.outcome"));
        Assert.Equal("{refresh}", refresh.Unit);
        Assert.Equal([(name, true)], log.Rejections);

        // The replacement was a fetch of the session's own: its second acquire.
        Assert.Equal(2, _recorder.ForSession("tokengen.token.fetches", name).Length);
    }

    [Fact]
    public async Task A_401_whose_replacement_failed_is_counted_as_failed_with_the_error_type()
    {
        string name = TelemetryRecorder.UniqueName("bearer");
        int fetches = 0;
        await using var session = new TokenSession(
            _ => Interlocked.Increment(ref fetches) == 1
                ? ValueTask.FromResult(new TokenResponseValues("SECRET-bearer-1", null, 3600, null))
                : throw new InvalidOperationException("the token service is down"),
            options: new TokenSessionOptions { TimeProvider = _clock, Name = name });
        var service = new ScriptHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(session, "api.example.com") { InnerHandler = service });

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/things"), CancellationToken.None));

        Measurement refresh = Assert.Single(_recorder.ForSession("tokengen.bearer.refreshes", name));
        Assert.Equal("failed", refresh.Tag("tokengen.bearer.outcome"));
        Assert.Equal(typeof(InvalidOperationException).FullName, refresh.Tag("error.type"));
    }

    private HttpMessageInvoker Resilient(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) =>
        new(new TokenApiResilienceHandler(
            new ScriptHandler(answers),
            new TokenApiResilienceOptions { TimeProvider = _clock, JitterSource = () => 1.0 }));

    private HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://auth.example.com/v1/token?client_secret=SECRET-query")
        {
            Content = new StringContent("grant_type=client_credentials"),
        };
        request.Options.Set(TokenApiRequestOptions.Retryable, true);
        request.Options.Set(TokenApiRequestOptions.OperationName, _operation);
        return request;
    }

    private static Func<HttpRequestMessage, HttpResponseMessage> Answer(HttpStatusCode status, TimeSpan? retryAfter = null) => _ =>
    {
        var response = new HttpResponseMessage(status);
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
        }

        return response;
    };

    /// <summary>Answers the n-th request with the n-th function (the last one from then on).</summary>
    private sealed class ScriptHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        private int _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int index = Math.Min(Interlocked.Increment(ref _requests), answers.Length) - 1;
            HttpResponseMessage response = answers[index](request);
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }

    private sealed class RejectionLog : TokenGenLog
    {
        private readonly ConcurrentQueue<(string?, bool)> _rejections = new();

        public (string?, bool)[] Rejections => [.. _rejections];

        public override void BearerTokenRejected(string? sessionName, bool resent) => _rejections.Enqueue((sessionName, resent));
    }
}
