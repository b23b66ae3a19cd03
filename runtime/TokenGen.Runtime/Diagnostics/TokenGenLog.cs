using System;

namespace TokenGen.Diagnostics;

/// <summary>
/// Receives what TokenGen's resilience handler and token sessions have to report, for an application's own logging.
/// Set one on <see cref="TokenApiResilienceOptions.Log"/> or <see cref="TokenSessionOptions.Log"/>; TokenGen.Extensions.Http
/// sets one that writes through <c>ILogger</c> with source-generated <c>LoggerMessage</c> methods.
/// </summary>
/// <remarks>
/// <para>
/// Every argument is safe to write anywhere: an operation's method name, a session's name, status codes, counts,
/// durations and fixed reason texts. Never a URI, a header, a body or a token, so an implementation needs no redaction
/// of its own. The same events also go to the <c>TokenGen</c> <see cref="System.Diagnostics.Tracing.EventSource"/>
/// whether or not a log is set.
/// </para>
/// <para>
/// The methods do nothing unless overridden; more may be added in later versions, also doing nothing by default. They
/// are called on the thread that hit the event and must not throw or block.
/// </para>
/// </remarks>
public abstract class TokenGenLog
{
    /// <summary>A request failed transiently and will be sent again after <paramref name="delay"/>.</summary>
    /// <param name="operationName">The generated operation that built the request (for example <c>GenerateTokenAsync</c>), or empty.</param>
    /// <param name="attempt">The attempt that failed, from 1.</param>
    /// <param name="delay">The wait before the next attempt.</param>
    /// <param name="reason">A status code (<c>503</c>), <c>Timeout</c>, or an exception's type name (<c>HttpRequestException</c>).</param>
    /// <param name="fromRetryAfter">Whether the wait is the answer's <c>Retry-After</c> rather than backoff.</param>
    public virtual void RetryScheduled(string operationName, int attempt, TimeSpan delay, string reason, bool fromRetryAfter)
    {
    }

    /// <summary>An answer asked for a wait longer than the cap, so it went to the caller at once instead of being retried.</summary>
    /// <param name="operationName">The generated operation that built the request, or empty.</param>
    /// <param name="statusCode">The answer's status code (429 or 503).</param>
    /// <param name="retryAfter">The wait the answer asked for.</param>
    /// <param name="maxRetryAfter">The cap (<see cref="TokenApiResilienceOptions.MaxRetryAfter"/>).</param>
    public virtual void RetryAfterTooLong(string operationName, int statusCode, TimeSpan retryAfter, TimeSpan maxRetryAfter)
    {
    }

    /// <summary>
    /// A token's stated lifetime was absurd (negative, or beyond ten years) and the session used
    /// <paramref name="usedSeconds"/> instead.
    /// </summary>
    /// <param name="sessionName">The session's <see cref="TokenSessionOptions.Name"/>, or <see langword="null"/>.</param>
    /// <param name="statedSeconds">The lifetime the answer stated, in seconds.</param>
    /// <param name="usedSeconds">The lifetime used.</param>
    public virtual void TokenLifetimeClamped(string? sessionName, long statedSeconds, long usedSeconds)
    {
    }

    /// <summary>
    /// A session's shared token store (<see cref="TokenSessionOptions.Store"/>) failed or did not answer in time; the
    /// session went on without it (a token of its own, acquired with its credentials, never a refresh).
    /// </summary>
    /// <param name="sessionName">The session's <see cref="TokenSessionOptions.Name"/>, or <see langword="null"/>.</param>
    /// <param name="operation">What the session asked the store: <c>read</c>, <c>lease</c>, <c>write</c> or <c>release</c>.</param>
    /// <param name="reason">The exception's type name (<c>RedisConnectionException</c>, <c>TimeoutException</c>).</param>
    public virtual void TokenStoreFailed(string? sessionName, string operation, string reason)
    {
    }

    /// <summary>
    /// An entry of the shared token store did not open — changed, moved from another key, or protected under another
    /// key — and was treated as absent: never used as a token.
    /// </summary>
    /// <param name="sessionName">The session's <see cref="TokenSessionOptions.Name"/>, or <see langword="null"/>.</param>
    /// <param name="version">The entry's version.</param>
    public virtual void TokenStoreEntryRefused(string? sessionName, long version)
    {
    }

    /// <summary>
    /// The session waited <see cref="TokenStoreOptions.WaitTimeout"/> for another instance's new token and acquired one of
    /// its own instead.
    /// </summary>
    /// <param name="sessionName">The session's <see cref="TokenSessionOptions.Name"/>, or <see langword="null"/>.</param>
    /// <param name="waited">How long it waited.</param>
    public virtual void TokenStoreWaitTimedOut(string? sessionName, TimeSpan waited)
    {
    }

    /// <summary>
    /// A service answered 401 to a request that carried the session's token, and <see cref="BearerTokenHandler"/> had the
    /// session replace it. Called on the session's <see cref="TokenSessionOptions.Log"/>.
    /// </summary>
    /// <param name="sessionName">The session's <see cref="TokenSessionOptions.Name"/>, or <see langword="null"/>.</param>
    /// <param name="resent">
    /// Whether the request was sent again with the new token; not when its content cannot be replayed, the session had no
    /// different token to offer, or the replacement failed.
    /// </param>
    public virtual void BearerTokenRejected(string? sessionName, bool resent)
    {
    }
}
