using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TokenGen.Diagnostics;

/// <summary>
/// The names of TokenGen's <see cref="Meter"/> and <see cref="ActivitySource"/>, both <c>TokenGen</c>: give them to
/// OpenTelemetry (<c>AddMeter(TokenGenTelemetry.MeterName)</c>, <c>AddSource(TokenGenTelemetry.ActivitySourceName)</c>), a
/// <see cref="MeterListener"/> or an <see cref="ActivityListener"/>. The instruments and the span are listed in
/// <c>docs/observability.md</c>.
/// </summary>
/// <remarks>
/// <para>
/// Instruments follow OpenTelemetry's naming (<c>tokengen.</c> prefix, UCUM units, <c>error.type</c> for failures). HTTP-level
/// metrics and spans are not repeated: <c>System.Net.Http</c> emits them, and a token fetch's HTTP spans are children of
/// its <c>tokengen.fetch</c> span.
/// </para>
/// <para>
/// Tags carry names, fixed outcome texts, status codes and exception type names — never a token, a secret, a URI or a
/// query string. A session's cached read records nothing, so it stays free of locks and allocations with a listener on.
/// </para>
/// </remarks>
public static class TokenGenTelemetry
{
    /// <summary>The name of TokenGen's <see cref="Meter"/>: <c>TokenGen</c>.</summary>
    public const string MeterName = "TokenGen";

    /// <summary>The name of TokenGen's <see cref="ActivitySource"/>: <c>TokenGen</c>.</summary>
    public const string ActivitySourceName = "TokenGen";

    // Tag names: OpenTelemetry's where one exists (error.type, http.response.status_code), else under tokengen.
    internal const string SessionNameTag = "tokengen.session.name";
    internal const string FetchOperationTag = "tokengen.fetch.operation";
    internal const string FetchOutcomeTag = "tokengen.fetch.outcome";
    internal const string ErrorTypeTag = "error.type";
    internal const string OperationNameTag = "tokengen.operation.name";
    internal const string DelaySourceTag = "tokengen.retry.delay_source";
    internal const string StatusCodeTag = "http.response.status_code";
    internal const string BearerOutcomeTag = "tokengen.bearer.outcome";
    internal const string StoreOperationTag = "tokengen.store.operation";
    internal const string LeaseWaitOutcomeTag = "tokengen.lease.wait.outcome";

    // error.type for a wait that ran out, as System.Net.Http names its own timeouts.
    internal const string TimeoutErrorType = "timeout";

    private static readonly Meter s_meter = new(MeterName);
    private static readonly ActivitySource s_activitySource = new(ActivitySourceName);

    private static readonly Counter<long> s_fetches = s_meter.CreateCounter<long>(
        "tokengen.token.fetches", "{fetch}", "Token fetches of sessions (one per flight that called the token API), by operation and outcome.");

    private static readonly Histogram<double> s_fetchDuration = s_meter.CreateHistogram<double>(
        "tokengen.token.fetch.duration", "s", "Duration of sessions' token fetches, from the first request to the token (or failure) handed to the callers.");

    private static readonly Counter<long> s_joinedCallers = s_meter.CreateCounter<long>(
        "tokengen.token.fetch.joined_callers", "{caller}", "Callers that found a token fetch in flight and waited for it instead of starting one.");

    private static readonly Counter<long> s_bearerRefreshes = s_meter.CreateCounter<long>(
        "tokengen.bearer.refreshes", "{refresh}", "Token replacements the bearer handler asked for because the service answered 401.");

    private static readonly Counter<long> s_retries = s_meter.CreateCounter<long>(
        "tokengen.resilience.retries", "{retry}", "Requests the resilience handler scheduled to send again after a transient failure.");

    private static readonly Histogram<double> s_retryDelay = s_meter.CreateHistogram<double>(
        "tokengen.resilience.retry.delay", "s", "Waits before a retry: the server's Retry-After or the handler's backoff.");

    private static readonly Counter<long> s_retryAfterExceeded = s_meter.CreateCounter<long>(
        "tokengen.resilience.retry_after.exceeded", "{response}", "Answers passed to the caller unretried because their Retry-After was longer than the cap.");

    private static readonly Histogram<double> s_leaseWaitDuration = s_meter.CreateHistogram<double>(
        "tokengen.fleet.lease.wait.duration", "s", "Waits of a fleet instance for the token another instance fetches under the store's lease.");

    private static readonly Counter<long> s_storeFailures = s_meter.CreateCounter<long>(
        "tokengen.fleet.store.failures", "{failure}", "Calls to a fleet's token store that failed or did not answer in time.");

    /// <summary>What a session's flight does first.</summary>
    internal enum FetchOperation
    {
        Acquire,
        Refresh,
    }

    /// <summary>How a session's flight ended.</summary>
    internal enum FetchOutcome
    {
        Acquired,
        Refreshed,
        FellBackToAcquire,
        ServedStale,
        Failed,
    }

    /// <summary>How a 401 the bearer handler saw ended.</summary>
    internal enum BearerOutcome
    {
        Retried,
        NotRetried,
        Failed,
    }

    /// <summary>How a fleet instance's wait for another's token ended.</summary>
    internal enum LeaseWaitOutcome
    {
        Received,
        TimedOut,
        StoreFailed,
    }

    /// <summary>
    /// Starts the span of one token fetch, or returns <see langword="null"/> when no listener wants it. Started where the
    /// flight's requests are sent, so HttpClient's spans become its children.
    /// </summary>
    internal static Activity? StartFetch(string spanName, string? sessionName, FetchOperation operation)
    {
        if (!s_activitySource.HasListeners())
        {
            return null;
        }

        Activity? activity = s_activitySource.StartActivity(spanName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            if (sessionName is not null)
            {
                activity.SetTag(SessionNameTag, sessionName);
            }

            activity.SetTag(FetchOperationTag, Text(operation));
        }

        return activity;
    }

    /// <summary>Whether a fetch needs timing: some listener records its duration.</summary>
    internal static bool FetchDurationEnabled => s_fetchDuration.Enabled;

    /// <summary>Records how a fetch ended on its span and instruments, and ends the span.</summary>
    internal static void FetchEnded(Activity? activity, string? sessionName, FetchOperation operation, FetchOutcome outcome, Exception? error, TimeSpan? duration)
    {
        string? errorType = error is null ? null : ErrorType(error);
        if (activity is not null)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag(FetchOutcomeTag, Text(outcome));
                if (errorType is not null)
                {
                    activity.SetTag(ErrorTypeTag, errorType);
                }
            }

            if (outcome == FetchOutcome.Failed)
            {
                // The description is the type only: an exception's message may quote what a server said.
                activity.SetStatus(ActivityStatusCode.Error, errorType);
            }

            activity.Dispose();
        }

        if (!s_fetches.Enabled && !(duration is not null && s_fetchDuration.Enabled))
        {
            return;
        }

        var tags = new TagList
        {
            { FetchOperationTag, Text(operation) },
            { FetchOutcomeTag, Text(outcome) },
        };
        AddSession(ref tags, sessionName);
        if (errorType is not null)
        {
            tags.Add(ErrorTypeTag, errorType);
        }

        s_fetches.Add(1, tags);
        if (duration is { } elapsed)
        {
            s_fetchDuration.Record(elapsed.TotalSeconds, tags);
        }
    }

    /// <summary>A caller joined a flight in progress.</summary>
    internal static void CallerJoined(string? sessionName)
    {
        if (s_joinedCallers.Enabled)
        {
            var tags = default(TagList);
            AddSession(ref tags, sessionName);
            s_joinedCallers.Add(1, tags);
        }
    }

    /// <summary>The bearer handler asked its session to replace a token the service answered 401 to.</summary>
    internal static void BearerRefresh(string? sessionName, BearerOutcome outcome, Exception? error = null)
    {
        if (s_bearerRefreshes.Enabled)
        {
            var tags = new TagList { { BearerOutcomeTag, Text(outcome) } };
            AddSession(ref tags, sessionName);
            if (error is not null)
            {
                tags.Add(ErrorTypeTag, ErrorType(error));
            }

            s_bearerRefreshes.Add(1, tags);
        }
    }

    /// <summary>The resilience handler scheduled a retry after <paramref name="delay"/>.</summary>
    /// <param name="operationName">The generated operation's method name, or empty.</param>
    /// <param name="errorType">A status code (<c>503</c>), <see cref="TimeoutErrorType"/>, or an exception's full type name.</param>
    /// <param name="delay">The wait before the next attempt.</param>
    /// <param name="fromRetryAfter">Whether the wait is the server's <c>Retry-After</c>.</param>
    internal static void RetryScheduled(string operationName, string errorType, TimeSpan delay, bool fromRetryAfter)
    {
        if (!s_retries.Enabled && !s_retryDelay.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { ErrorTypeTag, errorType },
            { DelaySourceTag, fromRetryAfter ? "retry_after" : "backoff" },
        };
        AddOperation(ref tags, operationName);
        s_retries.Add(1, tags);
        s_retryDelay.Record(delay.TotalSeconds, tags);
    }

    /// <summary>An answer asked for a longer wait than the cap and went to the caller unretried.</summary>
    internal static void RetryAfterExceeded(string operationName, int statusCode)
    {
        if (s_retryAfterExceeded.Enabled)
        {
            var tags = new TagList { { StatusCodeTag, statusCode } };
            AddOperation(ref tags, operationName);
            s_retryAfterExceeded.Add(1, tags);
        }
    }

    /// <summary>A fleet instance stopped waiting for another's token.</summary>
    internal static void LeaseWaitEnded(string? sessionName, LeaseWaitOutcome outcome, TimeSpan waited)
    {
        if (s_leaseWaitDuration.Enabled)
        {
            var tags = new TagList { { LeaseWaitOutcomeTag, Text(outcome) } };
            AddSession(ref tags, sessionName);
            s_leaseWaitDuration.Record(waited.TotalSeconds, tags);
        }
    }

    /// <summary>A call to the fleet's store failed; <paramref name="errorType"/> is <see cref="TimeoutErrorType"/> or an exception's full type name.</summary>
    internal static void StoreFailed(string? sessionName, string operation, string errorType)
    {
        if (s_storeFailures.Enabled)
        {
            var tags = new TagList
            {
                { StoreOperationTag, operation },
                { ErrorTypeTag, errorType },
            };
            AddSession(ref tags, sessionName);
            s_storeFailures.Add(1, tags);
        }
    }

    /// <summary>OpenTelemetry's <c>error.type</c> for an exception: its full type name, a low-cardinality text with nothing secret.</summary>
    internal static string ErrorType(Exception error) => error.GetType().FullName ?? error.GetType().Name;

    private static void AddSession(ref TagList tags, string? sessionName)
    {
        // An unnamed session has no tag rather than an invented name: OpenTelemetry leaves absent attributes out.
        if (sessionName is not null)
        {
            tags.Add(SessionNameTag, sessionName);
        }
    }

    private static void AddOperation(ref TagList tags, string operationName)
    {
        // A request no generated client built has no operation name.
        if (operationName.Length != 0)
        {
            tags.Add(OperationNameTag, operationName);
        }
    }

    private static string Text(FetchOperation operation) => operation == FetchOperation.Refresh ? "refresh" : "acquire";

    private static string Text(FetchOutcome outcome) => outcome switch
    {
        FetchOutcome.Acquired => "acquired",
        FetchOutcome.Refreshed => "refreshed",
        FetchOutcome.FellBackToAcquire => "fell_back_to_acquire",
        FetchOutcome.ServedStale => "served_stale",
        _ => "failed",
    };

    private static string Text(BearerOutcome outcome) => outcome switch
    {
        BearerOutcome.Retried => "retried",
        BearerOutcome.NotRetried => "not_retried",
        _ => "failed",
    };

    private static string Text(LeaseWaitOutcome outcome) => outcome switch
    {
        LeaseWaitOutcome.Received => "received",
        LeaseWaitOutcome.TimedOut => "timed_out",
        _ => "store_failed",
    };
}
