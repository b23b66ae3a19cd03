using System.Diagnostics.Tracing;

namespace TokenGen.Diagnostics;

/// <summary>
/// The runtime's events, under the name <c>TokenGen</c>: <c>dotnet-trace collect --providers TokenGen</c>, <c>dotnet-counters</c>
/// or an in-process <see cref="EventListener"/> can see them, and nothing is written while no one listens.
/// </summary>
/// <remarks>
/// Payloads are numbers and short fixed texts only — an operation's method name, a status code, an exception's type name.
/// Never a URI, a header, a body or a token: events leave the process, so they carry nothing secret. Every argument is a
/// primitive or a string written through <see cref="EventSource.EventSourcePrimitive"/>, so no payload is serialized by
/// reflection (trim- and native-AOT-safe).
/// </remarks>
[EventSource(Name = "TokenGen")]
internal sealed class TokenGenEventSource : EventSource
{
    /// <summary>The event id of <see cref="RetryScheduled"/>.</summary>
    internal const int RetryScheduledId = 1;

    /// <summary>The event id of <see cref="RetryAfterTooLong"/>.</summary>
    internal const int RetryAfterTooLongId = 2;

    /// <summary>The event id of <see cref="TokenLifetimeClamped"/>.</summary>
    internal const int TokenLifetimeClampedId = 3;

    /// <summary>The event id of <see cref="TokenStoreFailed"/>.</summary>
    internal const int TokenStoreFailedId = 4;

    /// <summary>The event id of <see cref="TokenStoreEntryRefused"/>.</summary>
    internal const int TokenStoreEntryRefusedId = 5;

    /// <summary>The event id of <see cref="TokenStoreWaitTimedOut"/>.</summary>
    internal const int TokenStoreWaitTimedOutId = 6;

    /// <summary>The event id of <see cref="BearerTokenRejected"/>.</summary>
    internal const int BearerTokenRejectedId = 7;

    /// <summary>The one instance; an event source is a process-wide singleton per name.</summary>
    internal static readonly TokenGenEventSource Log = new();

    private TokenGenEventSource()
    {
    }

    /// <summary>Keywords to listen to part of the events.</summary>
    public static class Keywords
    {
        /// <summary>Retries of the resilience handler.</summary>
        public const EventKeywords Resilience = (EventKeywords)0x1;

        /// <summary>Token sessions.</summary>
        public const EventKeywords Tokens = (EventKeywords)0x2;
    }

    /// <summary>
    /// A request failed transiently and will be sent again after a wait.
    /// </summary>
    /// <param name="operationName">The generated operation that built the request (for example <c>GenerateTokenAsync</c>), or empty.</param>
    /// <param name="attempt">The attempt that failed, from 1; the next is <paramref name="attempt"/> + 1.</param>
    /// <param name="delayMilliseconds">How long the handler waits before the next attempt.</param>
    /// <param name="reason">A status code (<c>503</c>), <c>Timeout</c>, or an exception's type name (<c>HttpRequestException</c>).</param>
    /// <param name="retryAfter">Whether the wait is the server's <c>Retry-After</c> rather than the handler's backoff.</param>
    [Event(RetryScheduledId, Level = EventLevel.Warning, Keywords = Keywords.Resilience,
        Message = "{0}: attempt {1} failed ({3}); retrying in {2} ms (Retry-After: {4}).")]
    public void RetryScheduled(string operationName, int attempt, long delayMilliseconds, string reason, bool retryAfter)
    {
        if (IsEnabled(EventLevel.Warning, Keywords.Resilience))
        {
            WriteEvent(RetryScheduledId, operationName, attempt, delayMilliseconds, reason, retryAfter);
        }
    }

    /// <summary>
    /// The server asked to wait longer than the handler's cap, so the handler does not retry and the answer goes to the caller.
    /// </summary>
    /// <param name="operationName">The generated operation that built the request, or empty.</param>
    /// <param name="statusCode">The status of the answer (429 or 503).</param>
    /// <param name="retryAfterSeconds">How long the server asked to wait, in whole seconds (rounded up).</param>
    /// <param name="maxRetryAfterSeconds">The cap, in whole seconds (rounded down).</param>
    [Event(RetryAfterTooLongId, Level = EventLevel.Warning, Keywords = Keywords.Resilience,
        Message = "{0}: the server answered {1} with Retry-After {2} s, longer than the {3} s the handler waits; the answer goes to the caller.")]
    public void RetryAfterTooLong(string operationName, int statusCode, long retryAfterSeconds, long maxRetryAfterSeconds)
    {
        if (IsEnabled(EventLevel.Warning, Keywords.Resilience))
        {
            WriteEvent(RetryAfterTooLongId, operationName, statusCode, retryAfterSeconds, maxRetryAfterSeconds);
        }
    }

    /// <summary>
    /// A token response gave a lifetime that cannot be believed — negative, or longer than the longest a session accepts —
    /// and the session used a clamped one instead.
    /// </summary>
    /// <param name="reportedSeconds">The lifetime the response gave (its seconds, or its point in time minus the issue time).</param>
    /// <param name="usedSeconds">The lifetime the session uses instead.</param>
    [Event(TokenLifetimeClampedId, Level = EventLevel.Warning, Keywords = Keywords.Tokens,
        Message = "A token response gave a lifetime of {0} s; the session uses {1} s.")]
    public void TokenLifetimeClamped(long reportedSeconds, long usedSeconds)
    {
        if (IsEnabled(EventLevel.Warning, Keywords.Tokens))
        {
            WriteEvent(TokenLifetimeClampedId, reportedSeconds, usedSeconds);
        }
    }

    /// <summary>A session's shared token store failed; the session went on with a token of its own.</summary>
    /// <param name="operation">What the session asked the store: <c>read</c>, <c>lease</c>, <c>write</c> or <c>release</c>.</param>
    /// <param name="reason">The exception's type name.</param>
    [Event(TokenStoreFailedId, Level = EventLevel.Warning, Keywords = Keywords.Tokens,
        Message = "The token store failed to {0} ({1}); the session goes on without it.")]
    public void TokenStoreFailed(string operation, string reason)
    {
        if (IsEnabled(EventLevel.Warning, Keywords.Tokens))
        {
            WriteEvent(TokenStoreFailedId, operation, reason);
        }
    }

    /// <summary>A stored entry did not open (changed, moved, or protected under another key) and was treated as absent.</summary>
    /// <param name="version">The entry's version.</param>
    [Event(TokenStoreEntryRefusedId, Level = EventLevel.Warning, Keywords = Keywords.Tokens,
        Message = "The token store's entry of version {0} did not open and was refused.")]
    public void TokenStoreEntryRefused(long version)
    {
        if (IsEnabled(EventLevel.Warning, Keywords.Tokens))
        {
            WriteEvent(TokenStoreEntryRefusedId, version);
        }
    }

    /// <summary>The session waited too long for another instance's token and acquired its own.</summary>
    /// <param name="waitedMilliseconds">How long it waited.</param>
    [Event(TokenStoreWaitTimedOutId, Level = EventLevel.Warning, Keywords = Keywords.Tokens,
        Message = "Waited {0} ms for another instance's token; the session acquires its own.")]
    public void TokenStoreWaitTimedOut(long waitedMilliseconds)
    {
        if (IsEnabled(EventLevel.Warning, Keywords.Tokens))
        {
            WriteEvent(TokenStoreWaitTimedOutId, waitedMilliseconds);
        }
    }

    /// <summary>A service answered 401 to the session's token and the bearer handler had the session replace it.</summary>
    /// <param name="resent">Whether the request was sent again with the new token.</param>
    [Event(BearerTokenRejectedId, Level = EventLevel.Informational, Keywords = Keywords.Tokens,
        Message = "The service answered 401 to the session's token; the session replaced it (request sent again: {0}).")]
    public void BearerTokenRejected(bool resent)
    {
        if (IsEnabled(EventLevel.Informational, Keywords.Tokens))
        {
            WriteEvent(BearerTokenRejectedId, resent);
        }
    }
}
