using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Diagnostics;

namespace TokenGen;

/// <summary>
/// Retries token API requests that failed transiently — with exponential backoff and jitter, honouring the server's
/// <c>Retry-After</c> up to a cap — and bounds each attempt and the whole call in time. Built on the BCL alone; put it
/// in a generated client's <see cref="HttpClient"/> pipeline (or use <c>AddTokenApiResilience</c> of
/// TokenGen.Extensions.Http).
/// </summary>
/// <remarks>
/// <para>
/// <b>What is retried.</b> Requests that say they may be sent again (<see cref="TokenApiRequestOptions.TryGetRetryable"/>):
/// every <see cref="TokenApiRequestMessage"/> a generated client sends but those of operations marked
/// <see cref="NoRetryAttribute"/>; for requests that say nothing, requests with an idempotent method (GET, HEAD, OPTIONS, PUT, DELETE). And only when the content can be
/// sent again with the same bytes: none, a <see cref="ByteArrayContent"/> (which includes <see cref="StringContent"/> and
/// <see cref="FormUrlEncodedContent"/>), a <see cref="ReadOnlyMemoryContent"/>, or a <see cref="MultipartContent"/> of
/// those. Every other request is sent once, with the timeouts and buffering below.
/// </para>
/// <para>
/// <b>When.</b> After the statuses 408, 429, 500, 502, 503 and 504; after an <see cref="HttpRequestException"/> from the
/// connection (refused, reset, ended early, name resolution; not TLS, protocol-version or configuration failures, and
/// never a <see cref="TokenApiException"/>); after any failure of the connection while the body was buffered; and after
/// an attempt timed out. Any other status, 4xx included, goes to the caller as it is.
/// </para>
/// <para>
/// <b>How long it waits.</b> For 429 and 503 with a <c>Retry-After</c>, what the server asked: delta-seconds as they are,
/// an HTTP date against the UTC now of <see cref="TokenApiResilienceOptions.TimeProvider"/>. When that is longer than
/// <see cref="TokenApiResilienceOptions.MaxRetryAfter"/>, the handler does not wait: the answer goes up at once, and a
/// generated client throws a <see cref="TokenApiException"/> with <see cref="TokenApiException.RetryAfter"/> set.
/// Otherwise (other statuses, failures, no <c>Retry-After</c>) exponential backoff with full jitter: after failed attempt
/// <c>n</c>, a uniform draw between zero and <c>min(MaxDelay, BaseDelay × 2^(n−1))</c> — with the defaults, up to 200 ms,
/// then up to 400 ms. A wait that would end after <see cref="TokenApiResilienceOptions.TotalTimeout"/> is not started:
/// the answer or failure in hand goes up instead.
/// </para>
/// <para>
/// <b>What the caller gets.</b> The first answer that is not retried, or the last attempt's answer or exception,
/// unchanged (a retried answer is disposed before the wait). A body that fails while it is buffered is reported as a
/// generated client reports it: an <see cref="HttpRequestException"/> around the stream's <see cref="System.IO.IOException"/>. When the last attempt timed out, or the total timeout ran
/// out, a <see cref="TaskCanceledException"/> whose inner exception is a <see cref="TimeoutException"/>, as
/// <see cref="HttpClient"/> reports its own timeout. When the caller's token is cancelled, everything stops at once with
/// an <see cref="OperationCanceledException"/> for that token. With <see cref="TokenApiResilienceOptions.BufferResponseContent"/>
/// the answer's body has been read into memory within the attempt (see
/// <see cref="TokenApiResilienceOptions.MaxBufferedContentBytes"/> for larger bodies).
/// </para>
/// <para>
/// <b>Tokens.</b> A <see cref="TokenSession"/>'s refresh declared <see cref="NoRetryAttribute"/> is never sent twice: when
/// its answer is lost, the failure goes to the session, which falls back to one acquire. Each retry is reported through
/// the <c>TokenGen</c> event source (operation name, attempt, wait, status or exception type — never a URI, header or token).
/// </para>
/// <para>
/// Only asynchronous sends are supported: every wait is asynchronous, on the <see cref="TimeProvider"/>.
/// </para>
/// </remarks>
public sealed class TokenApiResilienceHandler : DelegatingHandler
{
    private const string TimeoutReason = "Timeout";

    private readonly int _maxAttempts;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly Func<double> _jitterSource;
    private readonly TimeSpan _maxRetryAfter;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _totalTimeout;
    private readonly bool _bufferResponseContent;
    private readonly long _maxBufferedContentBytes;
    private readonly TimeProvider _timeProvider;
    private readonly TokenGenLog? _log;

    /// <summary>Creates a handler with the default <see cref="TokenApiResilienceOptions"/>; set <see cref="DelegatingHandler.InnerHandler"/> before use.</summary>
    public TokenApiResilienceHandler()
        : this(options: null)
    {
    }

    /// <summary>Creates a handler; set <see cref="DelegatingHandler.InnerHandler"/> before use (<c>IHttpClientFactory</c> does).</summary>
    /// <param name="options">The settings, copied now; <see langword="null"/> for the defaults.</param>
    public TokenApiResilienceHandler(TokenApiResilienceOptions? options)
    {
        options ??= new TokenApiResilienceOptions();
        _maxAttempts = options.MaxAttempts;
        _baseDelay = options.BaseDelay;
        _maxDelay = options.MaxDelay;
        _jitterSource = options.JitterSource;
        _maxRetryAfter = options.MaxRetryAfter;
        _attemptTimeout = options.AttemptTimeout;
        _totalTimeout = options.TotalTimeout;
        _bufferResponseContent = options.BufferResponseContent;
        _maxBufferedContentBytes = options.MaxBufferedContentBytes;
        _timeProvider = options.TimeProvider;
        _log = options.Log;
    }

    /// <summary>Creates a handler that sends through <paramref name="innerHandler"/>.</summary>
    /// <param name="innerHandler">The handler below, for example an <see cref="HttpClientHandler"/> or <see cref="SocketsHttpHandler"/>.</param>
    /// <param name="options">The settings, copied now; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerHandler"/> is null.</exception>
    public TokenApiResilienceHandler(HttpMessageHandler innerHandler, TokenApiResilienceOptions? options = null)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(innerHandler);
        InnerHandler = innerHandler;
    }

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">Always: the handler waits asynchronously; send with <c>SendAsync</c>.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException(
            $"{nameof(TokenApiResilienceHandler)} waits asynchronously between attempts; send requests with SendAsync.");

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendWithRetriesAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int maxAttempts = RetryRules.MayRetry(request) ? _maxAttempts : 1;
        DateTimeOffset deadline = DeadlineFrom(_timeProvider.GetUtcNow(), _totalTimeout);

        // Disposed (never cancelled) when the call ends, so no timer outlives it and a body left unbuffered is not cut.
        using CancellationTokenSource? totalTimer = StartTimer(_totalTimeout);
        using CancellationTokenSource total = totalTimer is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, totalTimer.Token);

        for (int attempt = 1; ; attempt++)
        {
            bool lastAttempt = attempt >= maxAttempts;
            TimeSpan delay = TimeSpan.Zero;
            bool fromRetryAfter = false;
            string reason = string.Empty;

            // The same reason as OpenTelemetry's error.type: the status code, "timeout", or the exception's full type name.
            string errorType = string.Empty;

            using (CancellationTokenSource? attemptTimer = StartTimer(_attemptTimeout))
            using (CancellationTokenSource attemptSource = attemptTimer is null
                ? CancellationTokenSource.CreateLinkedTokenSource(total.Token)
                : CancellationTokenSource.CreateLinkedTokenSource(total.Token, attemptTimer.Token))
            {
                HttpResponseMessage? response = null;

                // A body that fails while it is buffered is a transient failure whatever the connection called it.
                bool buffering = false;

                // Once the handler has decided an answer goes up, a failure while buffering it is final too: a server that
                // asked for a longer wait than the cap must not be asked again sooner.
                bool answerIsFinal = lastAttempt;
                try
                {
                    response = await base.SendAsync(request, attemptSource.Token).ConfigureAwait(false);
                    if (!lastAttempt && RetryRules.IsRetryableStatus(response.StatusCode))
                    {
                        if (PlanRetryAfterStatus(request, response, attempt, deadline, out fromRetryAfter) is TimeSpan wait)
                        {
                            delay = wait;
                            reason = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                            errorType = reason;
                            response.Dispose();
                            response = null;
                        }
                        else
                        {
                            answerIsFinal = true;
                        }
                    }

                    if (response is not null)
                    {
                        if (_bufferResponseContent)
                        {
                            buffering = true;
                            await ResponseBuffer.BufferAsync(response, _maxBufferedContentBytes, attemptSource.Token).ConfigureAwait(false);
                        }

                        return response;
                    }
                }
                catch (Exception exception)
                {
                    response?.Dispose();
                    if (cancellationToken.IsCancellationRequested && RetryRules.IsCancellationLike(exception))
                    {
                        if (exception is OperationCanceledException canceled && canceled.CancellationToken == cancellationToken)
                        {
                            throw;
                        }

                        throw CanceledByCaller(exception, cancellationToken);
                    }

                    if (totalTimer?.IsCancellationRequested == true && RetryRules.IsCancellationLike(exception))
                    {
                        throw TimedOut(exception, nameof(TokenApiResilienceOptions.TotalTimeout), _totalTimeout);
                    }

                    bool attemptTimedOut = attemptTimer?.IsCancellationRequested == true && RetryRules.IsCancellationLike(exception);
                    if (!attemptTimedOut && !(buffering && exception is HttpRequestException) && !RetryRules.IsTransient(exception))
                    {
                        throw;
                    }

                    if (!answerIsFinal)
                    {
                        delay = Backoff(attempt);
                    }

                    if (answerIsFinal || !FitsBefore(deadline, delay))
                    {
                        if (attemptTimedOut)
                        {
                            throw TimedOut(exception, nameof(TokenApiResilienceOptions.AttemptTimeout), _attemptTimeout);
                        }

                        throw;
                    }

                    reason = attemptTimedOut ? TimeoutReason : exception.GetType().Name;
                    errorType = attemptTimedOut ? TokenGenTelemetry.TimeoutErrorType : TokenGenTelemetry.ErrorType(exception);
                }
            }

            // The answer of the failed attempt is disposed; the attempt's timer too, so it cannot fire during the wait.
            TokenGenTelemetry.RetryScheduled(OperationNameOf(request), errorType, delay, fromRetryAfter);
            TokenGenEventSource.Log.RetryScheduled(OperationNameOf(request), attempt, (long)delay.TotalMilliseconds, reason, fromRetryAfter);
            _log?.RetryScheduled(OperationNameOf(request), attempt, delay, reason, fromRetryAfter);
            try
            {
                await Task.Delay(delay, _timeProvider, total.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    throw CanceledByCaller(exception, cancellationToken);
                }

                throw TimedOut(exception, nameof(TokenApiResilienceOptions.TotalTimeout), _totalTimeout);
            }
        }
    }

    /// <summary>
    /// The wait before retrying an answer with a retryable status, or <see langword="null"/> when the answer goes up instead:
    /// its <c>Retry-After</c> is longer than the cap, or the wait would end after the total deadline.
    /// </summary>
    private TimeSpan? PlanRetryAfterStatus(HttpRequestMessage request, HttpResponseMessage response, int attempt, DateTimeOffset deadline, out bool fromRetryAfter)
    {
        fromRetryAfter = false;
        TimeSpan delay;
        if (RetryRules.HonoursRetryAfter(response.StatusCode)
            && RetryRules.RetryAfter(response, _timeProvider.GetUtcNow()) is TimeSpan retryAfter)
        {
            if (retryAfter > _maxRetryAfter)
            {
                TokenGenTelemetry.RetryAfterExceeded(OperationNameOf(request), (int)response.StatusCode);
                TokenGenEventSource.Log.RetryAfterTooLong(
                    OperationNameOf(request),
                    (int)response.StatusCode,
                    (long)Math.Ceiling(retryAfter.TotalSeconds),
                    (long)_maxRetryAfter.TotalSeconds);
                _log?.RetryAfterTooLong(OperationNameOf(request), (int)response.StatusCode, retryAfter, _maxRetryAfter);
                return null;
            }

            fromRetryAfter = true;
            delay = retryAfter;
        }
        else
        {
            delay = Backoff(attempt);
        }

        return FitsBefore(deadline, delay) ? delay : null;
    }

    private TimeSpan Backoff(int failedAttempt) => RetryRules.Backoff(failedAttempt, _baseDelay, _maxDelay, _jitterSource());

    /// <summary>Whether a wait of <paramref name="delay"/> from now ends before <paramref name="deadline"/>, leaving time for an attempt.</summary>
    private bool FitsBefore(DateTimeOffset deadline, TimeSpan delay) => delay < deadline - _timeProvider.GetUtcNow();

    private CancellationTokenSource? StartTimer(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(timeout, _timeProvider);

    private static DateTimeOffset DeadlineFrom(DateTimeOffset start, TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan || timeout >= DateTimeOffset.MaxValue - start ? DateTimeOffset.MaxValue : start + timeout;

    private static string OperationNameOf(HttpRequestMessage request) =>
        TokenApiRequestOptions.GetOperationName(request) ?? string.Empty;

    /// <summary>The caller's own cancellation, reported for the caller's token whatever the layer below threw.</summary>
    private static TaskCanceledException CanceledByCaller(Exception exception, CancellationToken cancellationToken) =>
        new("The operation was canceled.", exception, cancellationToken);

    /// <summary>A timeout of the handler, reported as <see cref="HttpClient"/> reports its own.</summary>
    private static TaskCanceledException TimedOut(Exception exception, string setting, TimeSpan timeout)
    {
        string message = string.Create(
            CultureInfo.InvariantCulture,
            $"The request was canceled due to the configured {nameof(TokenApiResilienceOptions)}.{setting} of {timeout.TotalSeconds} seconds elapsing.");
        return new TaskCanceledException(message, new TimeoutException(message, exception));
    }
}
