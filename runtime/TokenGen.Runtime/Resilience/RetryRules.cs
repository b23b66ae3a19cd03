using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

using TokenGen.Infrastructure;

namespace TokenGen;

/// <summary>What <see cref="TokenApiResilienceHandler"/> retries and how long it waits: the rules, apart from the loop.</summary>
internal static class RetryRules
{
    /// <summary>
    /// Whether the request may be sent more than once: when the generated client said so
    /// (<see cref="TokenApiRequestMessage.Retryable"/>, or <see cref="TokenApiRequestOptions.Retryable"/> on another request), or, without that, when its method is idempotent; and in either case
    /// only when its content can be sent again with the same bytes (<see cref="HttpRules.CanResend"/>).
    /// </summary>
    internal static bool MayRetry(HttpRequestMessage request)
    {
        bool retryable = TokenApiRequestOptions.TryGetRetryable(request, out bool declared)
            ? declared
            : IsIdempotent(request.Method);
        return retryable && HttpRules.CanResend(request.Content);
    }

    /// <summary>GET, HEAD, OPTIONS, PUT and DELETE: sending them twice has the effect of sending them once.</summary>
    internal static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get
        || method == HttpMethod.Head
        || method == HttpMethod.Options
        || method == HttpMethod.Put
        || method == HttpMethod.Delete;

    /// <summary>408, 429, 500, 502, 503 and 504: statuses that say "not now" rather than "not this".</summary>
    internal static bool IsRetryableStatus(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>429 and 503, whose <c>Retry-After</c> the handler waits for (RFC 6585 and RFC 9110 give it to them).</summary>
    internal static bool HonoursRetryAfter(HttpStatusCode status) => (int)status is 429 or 503;

    /// <summary>
    /// How long the answer asks to wait, from <paramref name="now"/>: delta-seconds as they are, an HTTP date minus
    /// <paramref name="now"/> (zero when it has passed); <see langword="null"/> without a valid <c>Retry-After</c>.
    /// </summary>
    /// <remarks>
    /// <paramref name="now"/> is the handler's <see cref="TimeProvider"/>'s UTC now, never <see cref="DateTimeOffset.UtcNow"/>:
    /// the date must be read against the same clock the wait runs on.
    /// </remarks>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        HttpRules.RetryAfter(response.Headers, now);

    /// <summary>
    /// The backoff after failed attempt <paramref name="failedAttempt"/> (from 1): a ceiling of
    /// <paramref name="baseDelay"/> × 2^(<paramref name="failedAttempt"/> − 1), at most <paramref name="maxDelay"/>, times
    /// <paramref name="jitter"/> (full jitter; clamped to 0..1, NaN counts as 1), in whole milliseconds (rounded down), the
    /// resolution timers wait in.
    /// </summary>
    internal static TimeSpan Backoff(int failedAttempt, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        // In doubles, so a hundred doublings cannot overflow; the ceiling is at most maxDelay, a valid TimeSpan.
        double ceiling = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, failedAttempt - 1), maxDelay.TotalMilliseconds);
        double factor = double.IsNaN(jitter) ? 1 : Math.Clamp(jitter, 0, 1);
        return TimeSpan.FromTicks((long)Math.Floor(ceiling * factor) * TimeSpan.TicksPerMillisecond);
    }

    /// <summary>
    /// Whether an exception from below the handler is a transient transport failure worth another attempt: an
    /// <see cref="IOException"/> (a reset or truncation while the body was read), or an <see cref="HttpRequestException"/>
    /// from the connection — refused, reset, ended early, name resolution, proxy tunnel, an HTTP/2 or HTTP/3 stream
    /// error, or one without a category. Never TokenGen's own answers (<see cref="TokenApiException"/>,
    /// <see cref="TokenApiContentException"/>), and never what another attempt cannot fix: TLS failures (a certificate
    /// that does not validate), HTTP versions or extended CONNECT the server lacks, proxy or server authentication, configuration limits, invalid responses.
    /// </summary>
    internal static bool IsTransient(Exception exception) => exception switch
    {
        TokenApiException or TokenApiContentException => false,
        HttpRequestException request => request.HttpRequestError
            is HttpRequestError.Unknown
            or HttpRequestError.ConnectionError
            or HttpRequestError.NameResolutionError
            or HttpRequestError.HttpProtocolError
            or HttpRequestError.ProxyTunnelError
            or HttpRequestError.ResponseEnded,
        IOException => true,
        _ => false,
    };

    /// <summary>What a cancelled send or read can surface as, besides <see cref="OperationCanceledException"/>.</summary>
    internal static bool IsCancellationLike(Exception exception) =>
        exception is OperationCanceledException or HttpRequestException or IOException;
}
