using System;
using System.Threading;

namespace TokenGen;

/// <summary>
/// Settings of a <see cref="TokenApiResilienceHandler"/>: how often and how long it retries, how long an attempt and the
/// whole call may take, and where time comes from. The handler copies them when it is constructed, so changing an
/// instance afterwards does not affect handlers already built from it.
/// </summary>
/// <remarks>
/// <para>The defaults:</para>
/// <list type="table">
/// <listheader><term>setting</term><description>default</description></listheader>
/// <item><term><see cref="MaxAttempts"/></term><description>3 (the first attempt and two retries)</description></item>
/// <item><term><see cref="BaseDelay"/></term><description>200 ms, doubled for each further retry</description></item>
/// <item><term><see cref="MaxDelay"/></term><description>5 s, the most one backoff delay can reach before jitter</description></item>
/// <item><term><see cref="JitterSource"/></term><description><see cref="Random.Shared"/> (full jitter: each delay is a uniform draw from zero to its ceiling)</description></item>
/// <item><term><see cref="MaxRetryAfter"/></term><description>30 s: a longer <c>Retry-After</c> is not waited for</description></item>
/// <item><term><see cref="AttemptTimeout"/></term><description>10 s per attempt, headers and buffered body</description></item>
/// <item><term><see cref="TotalTimeout"/></term><description>30 s for all attempts and the waits between them</description></item>
/// <item><term><see cref="BufferResponseContent"/></term><description><see langword="true"/>, up to <see cref="MaxBufferedContentBytes"/> = 1 MiB</description></item>
/// <item><term><see cref="TimeProvider"/></term><description><see cref="TimeProvider.System"/></description></item>
/// </list>
/// </remarks>
public sealed class TokenApiResilienceOptions
{
    /// <summary>The default of <see cref="MaxAttempts"/>: 3.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>The most attempts a handler can be set to make: 100.</summary>
    public const int MaxAttemptsLimit = 100;

    /// <summary>The default of <see cref="MaxBufferedContentBytes"/>: 1 MiB, the same as <see cref="TokenApiClientOptions.DefaultMaxResponseContentBytes"/>.</summary>
    public const long DefaultMaxBufferedContentBytes = TokenApiClientOptions.DefaultMaxResponseContentBytes;

    /// <summary>
    /// The longest any time setting can be: <see cref="int.MaxValue"/> milliseconds (about 24.8 days), the same bound as
    /// <c>HttpClient.Timeout</c>, so every wait and timeout fits a timer.
    /// </summary>
    public static readonly TimeSpan MaxTimeSetting = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>The default of <see cref="BaseDelay"/>: 200 ms.</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The default of <see cref="MaxDelay"/>: 5 s.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>The default of <see cref="MaxRetryAfter"/>: 30 s.</summary>
    public static readonly TimeSpan DefaultMaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>The default of <see cref="AttemptTimeout"/>: 10 s.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The default of <see cref="TotalTimeout"/>: 30 s.</summary>
    public static readonly TimeSpan DefaultTotalTimeout = TimeSpan.FromSeconds(30);

    private int _maxAttempts = DefaultMaxAttempts;
    private TimeSpan _baseDelay = DefaultBaseDelay;
    private TimeSpan _maxDelay = DefaultMaxDelay;
    private Func<double> _jitterSource = Random.Shared.NextDouble;
    private TimeSpan _maxRetryAfter = DefaultMaxRetryAfter;
    private TimeSpan _attemptTimeout = DefaultAttemptTimeout;
    private TimeSpan _totalTimeout = DefaultTotalTimeout;
    private long _maxBufferedContentBytes = DefaultMaxBufferedContentBytes;
    private TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>
    /// How many times a request is sent at most, the first time included (default 3). 1 turns retries off and keeps the
    /// timeouts and buffering.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or more than <see cref="MaxAttemptsLimit"/>.</exception>
    public int MaxAttempts
    {
        get => _maxAttempts;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxAttemptsLimit);
            _maxAttempts = value;
        }
    }

    /// <summary>
    /// The ceiling of the wait before the first retry (default 200 ms); it doubles for each further retry, up to
    /// <see cref="MaxDelay"/>. The actual wait is drawn between zero and the ceiling (<see cref="JitterSource"/>).
    /// <see cref="TimeSpan.Zero"/> retries at once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than <see cref="MaxTimeSetting"/>.</exception>
    public TimeSpan BaseDelay
    {
        get => _baseDelay;
        set => _baseDelay = ValidateDuration(value, allowZero: true, allowInfinite: false);
    }

    /// <summary>The highest ceiling a backoff wait reaches, however many retries came before (default 5 s).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than <see cref="MaxTimeSetting"/>.</exception>
    public TimeSpan MaxDelay
    {
        get => _maxDelay;
        set => _maxDelay = ValidateDuration(value, allowZero: true, allowInfinite: false);
    }

    /// <summary>
    /// Where the jitter comes from: a function returning a number from 0 to 1, by which each backoff ceiling is multiplied
    /// ("full jitter", so clients that failed together do not retry together). Default <see cref="Random.NextDouble"/>
    /// of <see cref="Random.Shared"/>. Tests pass a seeded <see cref="Random"/>'s <c>NextDouble</c>, or <c>() =&gt; 1.0</c>
    /// for the ceilings themselves. It is called once per backoff wait, from any thread the handler runs on; a value
    /// outside 0 to 1 is clamped to it (NaN counts as 1). Waits the server asked for with <c>Retry-After</c> are not jittered.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public Func<double> JitterSource
    {
        get => _jitterSource;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _jitterSource = value;
        }
    }

    /// <summary>
    /// The longest <c>Retry-After</c> (on 429 and 503) the handler waits for (default 30 s). When the server asks for
    /// longer, the handler does not wait: the answer goes to the caller at once, and a generated client throws a
    /// <see cref="TokenApiException"/> whose <see cref="TokenApiException.RetryAfter"/> says how long the server asked for.
    /// <see cref="TimeSpan.Zero"/> never waits for a <c>Retry-After</c> other than zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than <see cref="MaxTimeSetting"/>.</exception>
    public TimeSpan MaxRetryAfter
    {
        get => _maxRetryAfter;
        set => _maxRetryAfter = ValidateDuration(value, allowZero: true, allowInfinite: false);
    }

    /// <summary>
    /// How long one attempt may take (default 10 s): until the response headers arrive and, with
    /// <see cref="BufferResponseContent"/>, until its body has been read. An attempt that runs out is abandoned and, when
    /// attempts and time are left, retried; on the last attempt the caller gets a <see cref="System.Threading.Tasks.TaskCanceledException"/>
    /// whose inner exception is a <see cref="TimeoutException"/>. <see cref="Timeout.InfiniteTimeSpan"/> sets no limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative (other than infinite) or longer than <see cref="MaxTimeSetting"/>.</exception>
    public TimeSpan AttemptTimeout
    {
        get => _attemptTimeout;
        set => _attemptTimeout = ValidateDuration(value, allowZero: false, allowInfinite: true);
    }

    /// <summary>
    /// How long the whole call may take, every attempt and every wait between them included (default 30 s). When it runs
    /// out, the call stops where it is with a <see cref="System.Threading.Tasks.TaskCanceledException"/> whose inner exception
    /// is a <see cref="TimeoutException"/>; a wait that would end after it is not started, and the answer or failure in
    /// hand goes to the caller instead. <see cref="Timeout.InfiniteTimeSpan"/> sets no limit. The <c>HttpClient.Timeout</c>
    /// (100 s by default) still bounds the call from outside.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative (other than infinite) or longer than <see cref="MaxTimeSetting"/>.</exception>
    public TimeSpan TotalTimeout
    {
        get => _totalTimeout;
        set => _totalTimeout = ValidateDuration(value, allowZero: false, allowInfinite: true);
    }

    /// <summary>
    /// Whether the handler reads the body of the answer it passes up into memory before returning it (default
    /// <see langword="true"/>). Then a connection reset or a truncated body happens inside the handler, within the attempt
    /// timeout, and is retried like any transient failure (on the last attempt the caller gets an
    /// <see cref="System.Net.Http.HttpRequestException"/> around it); the caller reads the body from memory. Without buffering, a
    /// failure while the caller reads the body reaches the caller, and no timeout of the handler covers that read.
    /// </summary>
    public bool BufferResponseContent { get; set; } = true;

    /// <summary>
    /// The largest body the handler buffers, in bytes (default 1 MiB). A body that announces a larger
    /// <c>Content-Length</c> is not read at all; one that turns out larger while it is read is passed up with the bytes
    /// already read put back in front of the rest, unbuffered. Either way the caller reads it as it would without the
    /// handler, so the client's own limit (<see cref="TokenApiClientOptions.MaxResponseContentBytes"/>) decides, and
    /// such an answer is never retried. Keep it at least as large as the client's limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive, or not smaller than <see cref="Array.MaxLength"/>.</exception>
    public long MaxBufferedContentBytes
    {
        get => _maxBufferedContentBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, (long)Array.MaxLength);
            _maxBufferedContentBytes = value;
        }
    }

    /// <summary>
    /// Where the handler reads the time (for <c>Retry-After</c> dates and the total deadline) and creates every timer it
    /// waits on: backoff, <c>Retry-After</c> and both timeouts. Tests pass a fake clock. Default <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _timeProvider = value;
        }
    }

    /// <summary>
    /// Where the handler reports retries and a <c>Retry-After</c> over the cap, besides the <c>TokenGen</c> event source;
    /// <see langword="null"/> (the default) for the event source alone. <c>AddTokenApiResilience()</c> in
    /// TokenGen.Extensions.Http sets one that writes to the container's <c>ILoggerFactory</c>.
    /// </summary>
    public TokenGen.Diagnostics.TokenGenLog? Log { get; set; }

    private static TimeSpan ValidateDuration(TimeSpan value, bool allowZero, bool allowInfinite)
    {
        if (allowInfinite && value == Timeout.InfiniteTimeSpan)
        {
            return value;
        }

        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero) || value > MaxTimeSetting)
        {
            throw new ArgumentOutOfRangeException(
                nameof(value),
                value,
                allowZero
                    ? "The duration must be zero or positive, and at most int.MaxValue milliseconds."
                    : allowInfinite
                        ? "The duration must be positive and at most int.MaxValue milliseconds, or Timeout.InfiniteTimeSpan."
                        : "The duration must be positive and at most int.MaxValue milliseconds.");
        }

        return value;
    }
}
