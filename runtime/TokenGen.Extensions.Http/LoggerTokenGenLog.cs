using System;
using Microsoft.Extensions.Logging;
using TokenGen.Diagnostics;

namespace TokenGen;

/// <summary>
/// A <see cref="TokenGenLog"/> that writes to an <see cref="ILogger"/> through source-generated <c>LoggerMessage</c>
/// methods: no boxing or formatting unless the level is on, and no reflection (trim- and native-AOT-safe).
/// </summary>
/// <remarks>
/// The category is <c>TokenGen</c>. Event ids follow the <c>TokenGen</c> event source's (1 retry scheduled, 2 Retry-After
/// over the cap, 3 lifetime clamped, 4 token store failed, 5 stored entry refused, 6 wait for the fleet timed out), so the
/// two read alike. What is written is what <see cref="TokenGenLog"/> receives:
/// operation and session names, status codes, counts and durations — never a URI, a header, a body or a token.
/// </remarks>
public sealed partial class LoggerTokenGenLog : TokenGenLog
{
    /// <summary>The category the log writes under.</summary>
    public const string CategoryName = "TokenGen";

    private readonly ILogger _logger;

    /// <summary>Creates a log that writes to <paramref name="logger"/>.</summary>
    /// <param name="logger">Where to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> is null.</exception>
    public LoggerTokenGenLog(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <summary>Creates a log that writes to the <see cref="CategoryName"/> category of <paramref name="loggerFactory"/>.</summary>
    /// <param name="loggerFactory">The application's logger factory.</param>
    /// <exception cref="ArgumentNullException"><paramref name="loggerFactory"/> is null.</exception>
    public LoggerTokenGenLog(ILoggerFactory loggerFactory)
        : this((loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory))).CreateLogger(CategoryName))
    {
    }

    /// <inheritdoc />
    public override void RetryScheduled(string operationName, int attempt, TimeSpan delay, string reason, bool fromRetryAfter) =>
        LogRetryScheduled(_logger, attempt, OperationText(operationName), reason, (long)delay.TotalMilliseconds, fromRetryAfter ? "Retry-After" : "backoff");

    /// <inheritdoc />
    public override void RetryAfterTooLong(string operationName, int statusCode, TimeSpan retryAfter, TimeSpan maxRetryAfter) =>
        LogRetryAfterTooLong(_logger, OperationText(operationName), statusCode, (long)Math.Ceiling(retryAfter.TotalSeconds), (long)maxRetryAfter.TotalSeconds);

    /// <inheritdoc />
    public override void TokenLifetimeClamped(string? sessionName, long statedSeconds, long usedSeconds) =>
        LogTokenLifetimeClamped(_logger, sessionName ?? "(unnamed)", statedSeconds, usedSeconds);

    /// <inheritdoc />
    public override void TokenStoreFailed(string? sessionName, string operation, string reason) =>
        LogTokenStoreFailed(_logger, sessionName ?? "(unnamed)", operation, reason);

    /// <inheritdoc />
    public override void TokenStoreEntryRefused(string? sessionName, long version) =>
        LogTokenStoreEntryRefused(_logger, sessionName ?? "(unnamed)", version);

    /// <inheritdoc />
    public override void TokenStoreWaitTimedOut(string? sessionName, TimeSpan waited) =>
        LogTokenStoreWaitTimedOut(_logger, sessionName ?? "(unnamed)", (long)waited.TotalMilliseconds);

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
}
