using System;
using Microsoft.Extensions.Logging;
using TokenGen.Diagnostics;

namespace TokenGen;

/// <summary>
/// A <see cref="TokenGenLog"/> that writes to an <see cref="ILogger"/> through source-generated <c>LoggerMessage</c>
/// methods: no boxing or formatting unless the level is on, and no reflection (trim- and native-AOT-safe).
/// </summary>
/// <remarks>
/// <para>
/// Created from an <see cref="ILoggerFactory"/>, the log writes each component under its own category, so each can be
/// filtered on its own: <see cref="ResilienceCategory"/> (retries), <see cref="SessionsCategory"/> (token lifetimes),
/// <see cref="HttpCategory"/> (the bearer handler's 401s) and <see cref="FleetCategory"/> (the shared token store). All start
/// with <see cref="CategoryName"/>, so a filter on <c>TokenGen</c> covers them all. Created from one
/// <see cref="ILogger"/>, it writes everything there.
/// </para>
/// <para>
/// Event ids follow the <c>TokenGen</c> event source's (1 retry scheduled, 2 Retry-After over the cap, 3 lifetime clamped,
/// 4 token store failed, 5 stored entry refused, 6 wait for the fleet timed out, 7 bearer token rejected), so the two read
/// alike. What is written is what <see cref="TokenGenLog"/> receives: operation and session names, status codes, counts
/// and durations — never a URI, a header, a body or a token.
/// </para>
/// </remarks>
public sealed partial class LoggerTokenGenLog : TokenGenLog
{
    /// <summary>The prefix of every category the log writes under: <c>TokenGen</c>.</summary>
    public const string CategoryName = "TokenGen";

    /// <summary>The category of token sessions' own events (a token lifetime that was clamped): <c>TokenGen.Sessions</c>.</summary>
    public const string SessionsCategory = "TokenGen.Sessions";

    /// <summary>The category of the resilience handler (retries, Retry-After over the cap): <c>TokenGen.Resilience</c>.</summary>
    public const string ResilienceCategory = "TokenGen.Resilience";

    /// <summary>The category of TokenGen's HTTP handlers (a 401 to the bearer handler's token): <c>TokenGen.Http</c>.</summary>
    public const string HttpCategory = "TokenGen.Http";

    /// <summary>The category of a fleet's shared token store (failures, refused entries, waits): <c>TokenGen.Fleet</c>.</summary>
    public const string FleetCategory = "TokenGen.Fleet";

    private readonly ILogger _sessions;
    private readonly ILogger _resilience;
    private readonly ILogger _http;
    private readonly ILogger _fleet;

    /// <summary>Creates a log that writes every event to <paramref name="logger"/>, whatever its component.</summary>
    /// <param name="logger">Where to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> is null.</exception>
    public LoggerTokenGenLog(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _sessions = _resilience = _http = _fleet = logger;
    }

    /// <summary>
    /// Creates a log that writes each component's events under its own category of <paramref name="loggerFactory"/>
    /// (<see cref="SessionsCategory"/>, <see cref="ResilienceCategory"/>, <see cref="HttpCategory"/>, <see cref="FleetCategory"/>).
    /// </summary>
    /// <param name="loggerFactory">The application's logger factory.</param>
    /// <exception cref="ArgumentNullException"><paramref name="loggerFactory"/> is null.</exception>
    public LoggerTokenGenLog(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _sessions = loggerFactory.CreateLogger(SessionsCategory);
        _resilience = loggerFactory.CreateLogger(ResilienceCategory);
        _http = loggerFactory.CreateLogger(HttpCategory);
        _fleet = loggerFactory.CreateLogger(FleetCategory);
    }

    /// <inheritdoc />
    public override void RetryScheduled(string operationName, int attempt, TimeSpan delay, string reason, bool fromRetryAfter) =>
        LogRetryScheduled(_resilience, attempt, OperationText(operationName), reason, (long)delay.TotalMilliseconds, fromRetryAfter ? "Retry-After" : "backoff");

    /// <inheritdoc />
    public override void RetryAfterTooLong(string operationName, int statusCode, TimeSpan retryAfter, TimeSpan maxRetryAfter) =>
        LogRetryAfterTooLong(_resilience, OperationText(operationName), statusCode, (long)Math.Ceiling(retryAfter.TotalSeconds), (long)maxRetryAfter.TotalSeconds);

    /// <inheritdoc />
    public override void TokenLifetimeClamped(string? sessionName, long statedSeconds, long usedSeconds) =>
        LogTokenLifetimeClamped(_sessions, sessionName ?? "(unnamed)", statedSeconds, usedSeconds);

    /// <inheritdoc />
    public override void TokenStoreFailed(string? sessionName, string operation, string reason) =>
        LogTokenStoreFailed(_fleet, sessionName ?? "(unnamed)", operation, reason);

    /// <inheritdoc />
    public override void TokenStoreEntryRefused(string? sessionName, long version) =>
        LogTokenStoreEntryRefused(_fleet, sessionName ?? "(unnamed)", version);

    /// <inheritdoc />
    public override void TokenStoreWaitTimedOut(string? sessionName, TimeSpan waited) =>
        LogTokenStoreWaitTimedOut(_fleet, sessionName ?? "(unnamed)", (long)waited.TotalMilliseconds);

    /// <inheritdoc />
    public override void BearerTokenRejected(string? sessionName, bool resent) =>
        LogBearerTokenRejected(_http, sessionName ?? "(unnamed)", resent);

    // A request that no generated client built (a plain HttpClient call through the handler) has no operation name.
    private static string OperationText(string operationName) => operationName.Length == 0 ? "a request" : operationName;

    [LoggerMessage(EventId = 1, EventName = "RetryScheduled", Level = LogLevel.Warning,
        Message = "Attempt {Attempt} of {OperationName} failed ({Reason}); retrying in {DelayMilliseconds} ms ({WaitSource})")]
    private static partial void LogRetryScheduled(ILogger logger, int attempt, string operationName, string reason, long delayMilliseconds, string waitSource);

    [LoggerMessage(EventId = 2, EventName = "RetryAfterTooLong", Level = LogLevel.Warning,
        Message = "The answer to {OperationName} was {StatusCode} with Retry-After of {RetryAfterSeconds} s, over the cap of {MaxRetryAfterSeconds} s; not retried")]
    private static partial void LogRetryAfterTooLong(ILogger logger, string operationName, int statusCode, long retryAfterSeconds, long maxRetryAfterSeconds);

    [LoggerMessage(EventId = 3, EventName = "TokenLifetimeClamped", Level = LogLevel.Warning,
        Message = "Token session {SessionName} was given a lifetime of {StatedSeconds} s and uses {UsedSeconds} s")]
    private static partial void LogTokenLifetimeClamped(ILogger logger, string sessionName, long statedSeconds, long usedSeconds);

    [LoggerMessage(EventId = 4, EventName = "TokenStoreFailed", Level = LogLevel.Warning,
        Message = "Token session {SessionName} could not {Operation} its shared token store ({Reason}); it goes on with a token of its own")]
    private static partial void LogTokenStoreFailed(ILogger logger, string sessionName, string operation, string reason);

    [LoggerMessage(EventId = 5, EventName = "TokenStoreEntryRefused", Level = LogLevel.Warning,
        Message = "Token session {SessionName} refused the shared token store's entry of version {Version}: it did not open (changed, moved, or protected under another key)")]
    private static partial void LogTokenStoreEntryRefused(ILogger logger, string sessionName, long version);

    [LoggerMessage(EventId = 6, EventName = "TokenStoreWaitTimedOut", Level = LogLevel.Warning,
        Message = "Token session {SessionName} waited {WaitedMilliseconds} ms for another instance's token and acquires its own")]
    private static partial void LogTokenStoreWaitTimedOut(ILogger logger, string sessionName, long waitedMilliseconds);

    [LoggerMessage(EventId = 7, EventName = "BearerTokenRejected", Level = LogLevel.Information,
        Message = "The service answered 401 to the token of session {SessionName}; the session replaced it (request sent again: {Resent})")]
    private static partial void LogBearerTokenRejected(ILogger logger, string sessionName, bool resent);
}
