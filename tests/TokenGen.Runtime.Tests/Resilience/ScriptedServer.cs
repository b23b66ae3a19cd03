using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Resilience;

/// <summary>What the fake server does with one attempt: given the attempt number (from 1), the request and its token.</summary>
internal delegate Task<HttpResponseMessage> Step(int attempt, HttpRequestMessage request, CancellationToken cancellationToken);

/// <summary>
/// The handler below <see cref="TokenApiResilienceHandler"/> in these tests: it plays one scripted step per attempt (the
/// last step again when the script runs out), counts attempts, and keeps what each attempt saw and answered.
/// </summary>
internal sealed class ScriptedServer : HttpMessageHandler
{
    private readonly Step[] _steps;
    private readonly ConcurrentQueue<HttpResponseMessage> _responses = new();
    private readonly ConcurrentQueue<string?> _bodies = new();
    private int _attempts;

    public ScriptedServer(params Step[] steps)
    {
        if (steps.Length == 0)
        {
            throw new ArgumentException("Script at least one step.", nameof(steps));
        }

        _steps = steps;
    }

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Every response the server produced, in order.</summary>
    public IReadOnlyList<HttpResponseMessage> Responses => _responses.ToArray();

    /// <summary>The request body each attempt carried, as text (null without content).</summary>
    public IReadOnlyList<string?> Bodies => _bodies.ToArray();

    /// <summary>An answer with <paramref name="status"/> and a small JSON body; <paramref name="configure"/> adds headers.</summary>
    public static Step Status(HttpStatusCode status, Action<HttpResponseMessage>? configure = null) =>
        (attempt, request, _) =>
        {
            var response = new HttpResponseMessage(status)
            {
                Content = new TrackedContent($"{{\"attempt\":{attempt}}}"),
                RequestMessage = request,
            };
            configure?.Invoke(response);
            return Task.FromResult(response);
        };

    public static Step Ok() => Status(HttpStatusCode.OK);

    /// <summary>429 or 503 with <c>Retry-After</c> as delta-seconds.</summary>
    public static Step RetryAfterSeconds(HttpStatusCode status, int seconds) =>
        Status(status, response => response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds)));

    /// <summary>429 or 503 with <c>Retry-After</c> as an HTTP date.</summary>
    public static Step RetryAfterDate(HttpStatusCode status, DateTimeOffset date) =>
        Status(status, response => response.Headers.RetryAfter = new RetryConditionHeaderValue(date));

    public static Step Throw(Exception exception) => (_, _, _) => Task.FromException<HttpResponseMessage>(exception);

    /// <summary>Refused or reset before any answer, as <see cref="SocketsHttpHandler"/> reports it.</summary>
    public static Step ConnectionFailure() =>
        (attempt, _, _) => Task.FromException<HttpResponseMessage>(
            new HttpRequestException(HttpRequestError.ConnectionError, $"Connection refused (attempt {attempt}).", new IOException("refused")));

    /// <summary>Never answers; tells the clock it is blocked, and ends only when its token is cancelled.</summary>
    public static Step Hang(VirtualClock clock) =>
        async (_, _, cancellationToken) =>
        {
            clock.NotifyBlocked();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("An infinite delay ended.");
        };

    /// <summary>200 with headers, then a body whose first read fails: a connection reset mid-body.</summary>
    public static Step ResetMidBody() =>
        (_, request, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(TestStream.Failing()) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            RequestMessage = request,
        });

    /// <summary>200 with headers, then a body that never arrives: it blocks the clock until its read is cancelled.</summary>
    public static Step StallMidBody(VirtualClock clock) =>
        (_, request, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(TestStream.Stalling(clock.NotifyBlocked)),
            RequestMessage = request,
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int attempt = Interlocked.Increment(ref _attempts);
        _bodies.Enqueue(request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken));
        Step step = _steps[Math.Min(attempt, _steps.Length) - 1];
        HttpResponseMessage response = await step(attempt, request, cancellationToken);
        _responses.Enqueue(response);
        return response;
    }

    /// <summary>A JSON body that remembers being disposed, which is what disposing its response does.</summary>
    internal sealed class TrackedContent : ByteArrayContent
    {
        public TrackedContent(string json)
            : base(Encoding.UTF8.GetBytes(json))
        {
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        public bool IsDisposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }

}
