using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace TokenGen.Clients.Tests.Reliability;

/// <summary>
/// A row of the fault matrix: what the emulator is asked to do (its <c>X-Emulator-Fault</c> header), whether the
/// resilience handler treats it as transient, how long it waits before a retry, and the documented exception a caller
/// gets when it is not retried away.
/// </summary>
internal sealed class WireFault
{
    public const string Throttled = "status=429;retry-after=1";
    public const string Unavailable = "status=503";
    public const string UnavailableUntilDate = "status=503;retry-after=<HTTP-date 2 s on>";
    public const string Stall = "delay=5000 (beyond the attempt timeout)";
    public const string Drop = "drop";
    public const string Truncate = "truncate";
    public const string Malformed = "malformed";

    /// <summary>Every row.</summary>
    public static readonly string[] All = [Throttled, Unavailable, UnavailableUntilDate, Stall, Drop, Truncate, Malformed];

    private readonly Func<int, TimeSpan>? _waitAfter;
    private readonly Action<Exception> _assertFailure;

    private WireFault(
        string name,
        string header,
        Func<int, TimeSpan>? waitAfter,
        Action<Exception> assertFailure,
        bool retryAfterAsHttpDate = false,
        bool stalls = false)
    {
        Name = name;
        Header = header;
        _waitAfter = waitAfter;
        _assertFailure = assertFailure;
        RetryAfterAsHttpDate = retryAfterAsHttpDate;
        Stalls = stalls;
    }

    public string Name { get; }

    /// <summary>The value of <c>X-Emulator-Fault</c>.</summary>
    public string Header { get; }

    /// <summary>
    /// Whether the emulator's <c>Retry-After: &lt;seconds&gt;</c> is sent on as the same instant in the HTTP-date form
    /// (the emulator speaks only delta-seconds), read against the handler's clock.
    /// </summary>
    public bool RetryAfterAsHttpDate { get; }

    /// <summary>Whether the emulator holds the answer past the attempt timeout (it waits in real time; the timeout is virtual).</summary>
    public bool Stalls { get; }

    /// <summary>Whether the handler retries the fault (when the operation may be retried at all).</summary>
    public bool IsTransient => _waitAfter is not null;

    /// <summary>
    /// The backoff ceiling after failed attempt <paramref name="attempt"/> with the default base delay (the matrix runs
    /// with jitter 1, so waits are the ceilings themselves).
    /// </summary>
    public static TimeSpan Backoff(int attempt) => TokenApiResilienceOptions.DefaultBaseDelay * Math.Pow(2, attempt - 1);

    public static WireFault Named(string name) => name switch
    {
        Throttled => new(name, "status=429;retry-after=1", _ => TimeSpan.FromSeconds(1), failure =>
        {
            var exception = Assert.IsType<TokenApiException>(failure);
            Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), exception.RetryAfter);
        }),

        Unavailable => new(name, "status=503", Backoff, failure =>
        {
            var exception = Assert.IsType<TokenApiException>(failure);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
            Assert.Null(exception.RetryAfter);
        }),

        UnavailableUntilDate => new(
            name,
            "status=503;retry-after=2",
            _ => TimeSpan.FromSeconds(2),
            failure =>
            {
                var exception = Assert.IsType<TokenApiException>(failure);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);

                // The date is an instant of the virtual clock, which the client reads too (TokenApiClientOptions.TimeProvider),
                // so the exception's wait is exact; against the system clock it would be off by years.
                Assert.Equal(TimeSpan.FromSeconds(2), exception.RetryAfter);
            },
            retryAfterAsHttpDate: true),

        Stall => new(
            name,
            "delay=5000",
            Backoff,
            failure =>
            {
                var exception = Assert.IsType<TaskCanceledException>(failure);
                Assert.IsType<TimeoutException>(exception.InnerException);
            },
            stalls: true),

        Drop => new(name, "drop", Backoff, AssertTransportFailure),

        Truncate => new(name, "truncate", Backoff, AssertTransportFailure),

        Malformed => new(name, "malformed", waitAfter: null, failure =>
        {
            var exception = Assert.IsType<TokenApiContentException>(failure);
            Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
            Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        }),

        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a row of the matrix: " + string.Join(", ", All)),
    };

    /// <summary>
    /// A connection reset or cut short mid-body: an <see cref="HttpRequestException"/> (not one of TokenGen's own) around
    /// the stream's <see cref="IOException"/>, as a generated client reports a body it cannot read — the same whether the
    /// body failed in <see cref="TokenApiResilienceHandler"/>'s buffering or in the client's own read.
    /// </summary>
    private static void AssertTransportFailure(Exception failure)
    {
        var exception = Assert.IsType<HttpRequestException>(failure);
        Assert.IsAssignableFrom<IOException>(exception.InnerException);
    }

    /// <summary>What the handler waits after failed attempt <paramref name="attempt"/> (from 1) before the next.</summary>
    public TimeSpan WaitAfter(int attempt) =>
        _waitAfter?.Invoke(attempt) ?? throw new InvalidOperationException($"The handler does not retry '{Name}'.");

    /// <summary>Fails unless <paramref name="failure"/> is the documented exception for this fault.</summary>
    public void AssertDocumentedFailure(Exception? failure)
    {
        Assert.NotNull(failure);
        _assertFailure(failure);
    }

    public override string ToString() => Name;
}
