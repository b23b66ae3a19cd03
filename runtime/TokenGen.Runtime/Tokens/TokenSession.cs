using System;
using System.Diagnostics;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Diagnostics;
using TokenGen.Infrastructure;

namespace TokenGen;

/// <summary>
/// A managed token: obtained from a token API when first needed, handed out from cache while valid, replaced ahead of
/// expiry, and fetched once for any number of concurrent callers.
/// </summary>
/// <remarks>
/// <para>
/// <b>Cache.</b> <see cref="GetAccessTokenAsync"/> returns the cached token while the clock is before its
/// <see cref="IssuedToken.RefreshAt"/> — without a lock or an allocation. The refresh time is the expiry minus a skew:
/// the larger of <see cref="TokenSessionOptions.MinimumRefreshSkew"/> and <see cref="TokenSessionOptions.RefreshSkewRatio"/>
/// of the lifetime, but never before half the lifetime. The lifetime comes from the response's seconds or its point in
/// time, the earlier of the two when it gives both, else — with <see cref="TokenSessionOptions.ReadJwtExpiry"/> — from
/// the <c>exp</c> claim of a JWT access token; negative means already expired, and more than ten years is cut to ten
/// years. A token without expiry is used until
/// <see cref="RefreshAsync"/> is called, which is what a 401 should do (<see cref="BearerTokenHandler"/> does).
/// </para>
/// <para>
/// <b>Single flight.</b> While a token is being fetched, every caller waits for that one request. A failure reaches
/// every waiting caller and is not cached: the next call tries again. A caller's cancellation token only stops its own
/// wait; the request runs on under the session's own cancellation, which only <see cref="DisposeAsync"/> triggers.
/// </para>
/// <para>
/// <b>Refresh or acquire.</b> With a refresh operation and a token in hand, the session refreshes when the token has a
/// refresh token (even after the access token expired), or, when it has none (services that refresh with the access
/// token itself), while the access token has not expired; otherwise it acquires. A refresh that answers with a new
/// refresh token replaces the old one together with the access token; one that answers without keeps the old. If the
/// refresh fails in any way (refused with 400/401/403 because the refresh token was rotated away or expired, a dropped
/// connection after the service may already have rotated it, an unreadable answer), the session falls back to exactly
/// one acquire in the same flight, and never loops.
/// </para>
/// <para>
/// <b>Failures inside the skew.</b> If the request fails while the token in hand has only reached its refresh time but
/// has not expired, callers get that still-valid token instead of the error, and the next call tries again. A token
/// that <see cref="RefreshAsync"/> was told was rejected is never handed out this way.
/// </para>
/// <para>
/// <b>Proactive refresh.</b> With <see cref="TokenSessionOptions.ProactiveRefresh"/>, a timer from the
/// <see cref="TokenSessionOptions.TimeProvider"/> starts the same single flight at the refresh time, so callers rarely
/// wait; its failures are dropped (the next caller tries again).
/// </para>
/// <para>
/// Time comes only from <see cref="TokenSessionOptions.TimeProvider"/>; on the system clock the cached path measures
/// the time left to the refresh by <see cref="Environment.TickCount64"/>, a few nanoseconds against the precise clock's
/// twenty-odd, laid out from the precise clock when each token arrives. <see cref="ToString"/> and the session's own
/// exception messages never contain a token; exceptions of the acquire and refresh operations reach callers unchanged.
/// </para>
/// <para>
/// <b>Tokens are checked as they arrive.</b> An access token, or a refresh token, that is not one run of visible ASCII
/// (<c>!</c> to <c>~</c>: no control character, space or non-ASCII letter) fails its acquire or refresh with
/// <see cref="TokenApiContentException"/> (<see cref="TokenApiContentProblem.InvalidToken"/>): it is never cached and never
/// sent. A refused refresh falls back to one acquire, like any other failed refresh.
/// </para>
/// <para>
/// <b>A fleet.</b> With <see cref="TokenSessionOptions.Store"/>, instances share one token through an
/// <see cref="ITokenStore"/>: when the token is due one instance fetches under the store's lease and the others use what it
/// wrote; a new instance starts with the stored token. See <see cref="TokenStoreOptions"/>. The cached path is the same.
/// </para>
/// <para>
/// <b>Where flights run.</b> A flight never runs on the caller's <see cref="SynchronizationContext"/> or task scheduler, so
/// acquire and refresh delegates written as app code (awaiting without <c>ConfigureAwait(false)</c>) cannot deadlock a
/// caller that blocks, on a UI thread or a legacy ASP.NET request, in <see cref="Dispose"/>. A failure that every caller
/// stopped waiting for is not reported as an unobserved task exception.
/// </para>
/// </remarks>
public sealed partial class TokenSession : IAsyncDisposable, IDisposable
{
    /// <summary>The longest a timer is set for: the system timer refuses more than about 49 days.</summary>
    private static readonly TimeSpan s_maxTimerDueTime = TimeSpan.FromDays(30);

    private readonly Func<CancellationToken, ValueTask<TokenResponseValues>> _acquire;
    private readonly Func<IssuedToken, CancellationToken, ValueTask<TokenResponseValues>>? _refresh;
    private readonly TimeProvider _timeProvider;

    // On the system clock, freshness is read from the tick count (see TokenFreshness): the precise clock is most of
    // the cached path's cost.
    private readonly bool _onSystemClock;
    private readonly TimeSpan _minimumRefreshSkew;
    private readonly double _refreshSkewRatio;
    private readonly bool _readJwtExpiry;
    private readonly string? _name;
    private readonly string _fetchSpanName;
    private readonly TokenGenLog? _log;
    private readonly ITimer? _refreshTimer;
    private readonly CancellationTokenSource _disposal = new();

    // The fleet's store, or null for a session that keeps its token to itself (then nothing below changes behaviour).
    private readonly SharedSettings? _shared;

    // Taken once, so a flight can read it even after DisposeAsync has disposed the source.
    private readonly CancellationToken _disposalToken;

    // Guards _flight, _disposed and writes of _current; never held while user code (acquire, refresh, timer) runs.
    private readonly object _gate = new();

    // The one thing the cached path reads: immutable, swapped whole, so access and refresh token always match.
    private volatile IssuedToken? _current;

    // The request in progress, which every caller joins; null when none is.
    private Task<IssuedToken>? _flight;
    private bool _disposed;

    /// <summary>
    /// Creates a session from operations that return a response's token values: the core every other way of building a
    /// session goes through, and the way to manage a token from a hand-written source.
    /// </summary>
    /// <param name="acquire">Obtains a new token from scratch (client credentials, a secret, an API key).</param>
    /// <param name="refresh">
    /// Renews the token in hand, given the current <see cref="IssuedToken"/> (use its <see cref="IssuedToken.RefreshToken"/>,
    /// or its <see cref="IssuedToken.AccessToken"/> for services that refresh with the access token); or
    /// <see langword="null"/> when the service has no refresh, and the session acquires every time.
    /// </param>
    /// <param name="options">Time, skew, proactive refresh and name; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="acquire"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> has a <see cref="TokenSessionOptions.Store"/> but no <see cref="TokenSessionOptions.Name"/>.</exception>
    public TokenSession(
        Func<CancellationToken, ValueTask<TokenResponseValues>> acquire,
        Func<IssuedToken, CancellationToken, ValueTask<TokenResponseValues>>? refresh = null,
        TokenSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(acquire);
        options ??= new TokenSessionOptions();

        _acquire = acquire;
        _refresh = refresh;
        _timeProvider = options.TimeProvider;
        _onSystemClock = ReferenceEquals(_timeProvider, TimeProvider.System);
        _minimumRefreshSkew = options.MinimumRefreshSkew;
        _refreshSkewRatio = options.RefreshSkewRatio;
        _readJwtExpiry = options.ReadJwtExpiry;
        _name = options.Name;
        _fetchSpanName = _name is null ? "tokengen.fetch" : "tokengen.fetch " + _name;
        _log = options.Log;
        _disposalToken = _disposal.Token;
        if (options.Store is { } store)
        {
            if (string.IsNullOrEmpty(_name))
            {
                throw new ArgumentException("A token session with a Store needs a Name: the store's key is made of it.", nameof(options));
            }

            _shared = new SharedSettings(store, TokenStoreKey.For(_name, store.CredentialId));
        }

        _refreshTimer = options.ProactiveRefresh ? CreateRefreshTimer(_timeProvider, this) : null;
    }

    /// <summary>
    /// The token the session holds, whether or not it is due for replacement; <see langword="null"/> before the first
    /// token and after <see cref="DisposeAsync"/>. To use a token, call <see cref="GetTokenAsync"/>.
    /// </summary>
    public IssuedToken? Current => _current;

    /// <summary>The session's <see cref="TokenSessionOptions.Name"/>, for the telemetry of handlers that use it.</summary>
    internal string? Name => _name;

    /// <summary>The session's <see cref="TokenSessionOptions.Log"/>, for handlers that report on its behalf.</summary>
    internal TokenGenLog? Log => _log;

    /// <summary>
    /// Creates a session whose tokens come from an operation of a generated client, for services without a refresh.
    /// </summary>
    /// <typeparam name="TAcquired">The operation's response type; it must carry an <c>[AccessToken]</c> member.</typeparam>
    /// <param name="acquire">The operation, for example <c>client.GenerateTokenAsync</c> or a lambda around it.</param>
    /// <param name="options">Time, skew, proactive refresh and name; <see langword="null"/> for the defaults.</param>
    /// <returns>The session.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="acquire"/> is null.</exception>
    /// <remarks>
    /// The token values are read by the code TokenGen generates for <typeparamref name="TAcquired"/> (see
    /// <see cref="TokenResponseReaders"/>). A type without it fails each fetch with an <see cref="InvalidOperationException"/>.
    /// </remarks>
    public static TokenSession Create<TAcquired>(
        Func<CancellationToken, Task<TAcquired>> acquire,
        TokenSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(acquire);
        return new TokenSession(cancellationToken => ReadValuesAsync(acquire(cancellationToken)), refresh: null, options);
    }

    /// <summary>Creates a session whose tokens come from an acquire and a refresh operation of a generated client.</summary>
    /// <typeparam name="TAcquired">The acquire operation's response type; it must carry an <c>[AccessToken]</c> member.</typeparam>
    /// <typeparam name="TRefreshed">The refresh operation's response type; it must carry an <c>[AccessToken]</c> member.</typeparam>
    /// <param name="acquire">Obtains a new token from scratch.</param>
    /// <param name="refresh">
    /// Renews the token in hand, for example <c>(token, ct) =&gt; client.RefreshAsync(token.RefreshToken!, ct)</c>.
    /// </param>
    /// <param name="options">Time, skew, proactive refresh and name; <see langword="null"/> for the defaults.</param>
    /// <returns>The session.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="acquire"/> or <paramref name="refresh"/> is null.</exception>
    /// <remarks>See <see cref="Create{TAcquired}(Func{CancellationToken, Task{TAcquired}}, TokenSessionOptions?)"/>.</remarks>
    public static TokenSession Create<TAcquired, TRefreshed>(
        Func<CancellationToken, Task<TAcquired>> acquire,
        Func<IssuedToken, CancellationToken, Task<TRefreshed>> refresh,
        TokenSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(acquire);
        ArgumentNullException.ThrowIfNull(refresh);
        return new TokenSession(
            cancellationToken => ReadValuesAsync(acquire(cancellationToken)),
            (token, cancellationToken) => ReadValuesAsync(refresh(token, cancellationToken)),
            options);
    }

    /// <summary>Returns a valid access token: the cached one, or a new one when it is due for replacement.</summary>
    /// <param name="cancellationToken">Stops this caller's wait; a request shared with other callers goes on.</param>
    /// <returns>The access token.</returns>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    /// <exception cref="TokenApiContentException">
    /// The token response carried no access token (<see cref="TokenApiContentProblem.MissingAccessToken"/>), a token that
    /// cannot be sent in a header (<see cref="TokenApiContentProblem.InvalidToken"/>), or a lifetime that is not a time
    /// (<see cref="TokenApiContentProblem.InvalidLifetime"/>, from the generated token reader).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>Exceptions of the acquire and refresh operations (such as <see cref="TokenApiException"/>) arrive unchanged.</remarks>
    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        // The cached path: one volatile read, one clock read, one comparison; no lock, no allocation.
        IssuedToken? current = _current;
        if (current is not null && IsFreshNow(current))
        {
            return new ValueTask<string>(current.AccessToken);
        }

        return WaitForAccessTokenAsync(cancellationToken);
    }

    /// <summary>Returns a valid token with its times: the cached one, or a new one when it is due for replacement.</summary>
    /// <param name="cancellationToken">Stops this caller's wait; a request shared with other callers goes on.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    /// <exception cref="TokenApiContentException">
    /// The token response carried no access token (<see cref="TokenApiContentProblem.MissingAccessToken"/>), a token that
    /// cannot be sent in a header (<see cref="TokenApiContentProblem.InvalidToken"/>), or a lifetime that is not a time
    /// (<see cref="TokenApiContentProblem.InvalidLifetime"/>, from the generated token reader).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>See <see cref="GetAccessTokenAsync"/>.</remarks>
    public ValueTask<IssuedToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        IssuedToken? current = _current;
        if (current is not null && IsFreshNow(current))
        {
            return new ValueTask<IssuedToken>(current);
        }

        return WaitForTokenAsync(rejectedAccessToken: null, rejected: false, cancellationToken);
    }

    /// <summary>
    /// Replaces a token the service rejected (a 401), unless the session already holds a different, valid one — so a
    /// burst of 401s for the same token costs one refresh.
    /// </summary>
    /// <param name="rejectedAccessToken">
    /// The access token the service rejected; <see langword="null"/> to replace whatever token the session holds.
    /// </param>
    /// <param name="cancellationToken">Stops this caller's wait; a request shared with other callers goes on.</param>
    /// <returns>
    /// The new token; or the session's current one when it differs from <paramref name="rejectedAccessToken"/> and is
    /// valid. When a request was already in flight, its result — which, if that request failed inside the skew, can be
    /// the rejected token itself; compare before retrying.
    /// </returns>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    /// <exception cref="TokenApiContentException">
    /// The token response carried no access token (<see cref="TokenApiContentProblem.MissingAccessToken"/>), a token that
    /// cannot be sent in a header (<see cref="TokenApiContentProblem.InvalidToken"/>), or a lifetime that is not a time
    /// (<see cref="TokenApiContentProblem.InvalidLifetime"/>, from the generated token reader).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<IssuedToken> RefreshAsync(string? rejectedAccessToken, CancellationToken cancellationToken = default) =>
        WaitForTokenAsync(rejectedAccessToken, rejected: true, cancellationToken);

    /// <summary>
    /// Disposes the session synchronously, for containers and callers that cannot await: the same as
    /// <see cref="DisposeAsync"/>, blocking until a cancelled request in flight has ended. Prefer <see cref="DisposeAsync"/>.
    /// </summary>
    public void Dispose() =>
        // A flight never runs on a caller's synchronization context (see JoinOrStartFlight), so blocking here, even on a
        // UI thread, cannot deadlock it.
        DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Cancels a request in flight, waits for it to end (so the session calls its operations no more), and stops the
    /// proactive refresh timer. Afterwards every call throws <see cref="ObjectDisposedException"/>; waiting callers get
    /// one too.
    /// </summary>
    /// <returns>A task that completes when the session is shut down.</returns>
    public async ValueTask DisposeAsync()
    {
        Task<IssuedToken>? flight;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _current = null;
            flight = _flight;
        }

        if (_refreshTimer is not null)
        {
            await _refreshTimer.DisposeAsync().ConfigureAwait(false);
        }

        await _disposal.CancelAsync().ConfigureAwait(false);
        if (flight is not null)
        {
            // Its callers see the failure; disposal only waits for the end.
            await ((Task)flight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _disposal.Dispose();
    }

    /// <summary>Describes the session — name, state and the token's times — never a token.</summary>
    /// <returns>
    /// For example <c>TokenSession 'Banyan' { State = Valid, IssuedAt = …, ExpiresAt = …, RefreshAt = …, RefreshToken = (set), Fetching = false }</c>.
    /// </returns>
    public override string ToString()
    {
        IssuedToken? current;
        bool fetching;
        lock (_gate)
        {
            if (_disposed)
            {
                return DisplayName + " { State = Disposed }";
            }

            current = _current;
            fetching = _flight is not null;
        }

        string fetchingText = fetching ? "true" : "false";
        if (current is null)
        {
            return $"{DisplayName} {{ State = NoToken, Fetching = {fetchingText} }}";
        }

        DateTimeOffset now = _timeProvider.GetUtcNow();
        string state = IsFreshNow(current) ? "Valid" : current.IsExpired(now) ? "Expired" : "RefreshDue";
        return $"{DisplayName} {{ State = {state}, IssuedAt = {IssuedToken.Format(current.IssuedAt)}, ExpiresAt = {IssuedToken.Format(current.ExpiresAt)}, "
            + $"RefreshAt = {IssuedToken.Format(current.RefreshAt)}, RefreshToken = {(current.RefreshToken is null ? "(none)" : "(set)")}, Fetching = {fetchingText} }}";
    }

    private string DisplayName => _name is null ? nameof(TokenSession) : $"{nameof(TokenSession)} '{_name}'";

    private DateTimeOffset Now => _timeProvider.GetUtcNow();

    /// <summary>
    /// How long until <paramref name="token"/> is due, by the same clock <see cref="IsFreshNow"/> reads, so a timer that
    /// wakes while the token still counts as fresh (the tick count is coarse) is re-armed for the rest, never dropped;
    /// <see langword="null"/> for a token that does not expire.
    /// </summary>
    private TimeSpan? TimeUntilRefresh(IssuedToken token)
    {
        if (_onSystemClock)
        {
            return token.FreshUntilTickCount == long.MaxValue
                ? null
                : TimeSpan.FromMilliseconds(token.FreshUntilTickCount - Environment.TickCount64);
        }

        return token.RefreshAt - Now;
    }

    /// <summary>Whether to hand <paramref name="token"/> out now; every freshness decision of the session goes through here.</summary>
    private bool IsFreshNow(IssuedToken token) =>
        _onSystemClock ? TokenFreshness.IsFresh(token.FreshUntilTickCount) : token.IsFresh(_timeProvider.GetUtcNow());

    private async ValueTask<string> WaitForAccessTokenAsync(CancellationToken cancellationToken)
    {
        IssuedToken token = await WaitForTokenAsync(rejectedAccessToken: null, rejected: false, cancellationToken).ConfigureAwait(false);
        return token.AccessToken;
    }

    private async ValueTask<IssuedToken> WaitForTokenAsync(string? rejectedAccessToken, bool rejected, CancellationToken cancellationToken)
    {
        // A caller that has already given up starts no request.
        cancellationToken.ThrowIfCancellationRequested();
        Task<IssuedToken> flight = JoinOrStartFlight(rejectedAccessToken, rejected);
        return await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns the token in hand when it will do, else the flight in progress, else a new flight. The decision is made
    /// under the lock, so of any number of concurrent callers exactly one starts a flight.
    /// </summary>
    private Task<IssuedToken> JoinOrStartFlight(string? rejectedAccessToken, bool rejected, bool proactive = false)
    {
        Task<IssuedToken> flight = JoinOrStartFlight(rejectedAccessToken, rejected, proactive, out bool joined);

        // Counted outside the lock, since a listener's callback is application code; a background refresh is no caller.
        if (joined && !proactive)
        {
            TokenGenTelemetry.CallerJoined(_name);
        }

        return flight;
    }

    private Task<IssuedToken> JoinOrStartFlight(string? rejectedAccessToken, bool rejected, bool proactive, out bool joined)
    {
        TaskCompletionSource<IssuedToken> completion;
        IssuedToken? basis;
        bool basisRejected;
        joined = false;
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_flight is { } running)
            {
                joined = true;
                return running;
            }

            basis = _current;

            // A rejection of some older token says nothing about the one in hand: someone has replaced it already.
            basisRejected = basis is not null && rejected
                && (rejectedAccessToken is null || string.Equals(rejectedAccessToken, basis.AccessToken, StringComparison.Ordinal));
            if (basis is not null && !basisRejected && !proactive && IsFreshNow(basis))
            {
                return Task.FromResult(basis);
            }

            // Continuations run elsewhere, so no waiting caller's code runs inside the flight that completes it.
            completion = new TaskCompletionSource<IssuedToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            _flight = completion.Task;
        }

        // Outside the lock: the operations are user code, and may even complete synchronously.
        StartFlight(completion, basis, basisRejected, proactive);
        return completion.Task;
    }

    /// <summary>
    /// Starts <see cref="RunFlightAsync"/> on this thread, but never on the caller's synchronization context or task
    /// scheduler: an acquire written as app code awaits without <c>ConfigureAwait(false)</c>, and its continuations would
    /// queue to a UI or request context that a caller blocking in <see cref="Dispose"/> (or on the result) holds — a
    /// deadlock. The context is lifted for the synchronous start, so the operations still begin before the caller's call
    /// returns; a scheduler cannot be lifted that way, so under one other than the default the flight goes to the pool.
    /// </summary>
    private void StartFlight(TaskCompletionSource<IssuedToken> completion, IssuedToken? basis, bool basisRejected, bool proactive)
    {
        if (TaskScheduler.Current != TaskScheduler.Default)
        {
            _ = Task.Run(() => RunFlightAsync(completion, basis, basisRejected, proactive));
            return;
        }

        SynchronizationContext? callerContext = SynchronizationContext.Current;
        if (callerContext is null)
        {
            _ = RunFlightAsync(completion, basis, basisRejected, proactive);
            return;
        }

        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            _ = RunFlightAsync(completion, basis, basisRejected, proactive);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(callerContext);
        }
    }

    /// <summary>Fetches a token, publishes it, and only then releases the waiting callers. Never throws.</summary>
    private async Task RunFlightAsync(TaskCompletionSource<IssuedToken> completion, IssuedToken? basis, bool basisRejected, bool proactive)
    {
        IssuedToken? obtained = null;
        Exception? failure = null;
        try
        {
            obtained = _shared is null
                ? await ObtainAsync(basis, basisRejected, _disposalToken).ConfigureAwait(false)
                : await ObtainSharedAsync(basis, basisRejected, proactive, _disposalToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        bool installed;
        lock (_gate)
        {
            _flight = null;
            installed = failure is null && !_disposed && !ReferenceEquals(obtained, basis);
            if (_disposed)
            {
                // Whatever the operation did after disposal began, its callers learn why it ended.
                failure = CreateDisposedException(failure);
            }
            else if (installed)
            {
                _current = obtained;
            }
        }

        if (failure is null)
        {
            completion.SetResult(obtained!);
        }
        else
        {
            completion.SetException(failure);

            // Every caller may have stopped waiting (each wait is cancellable on its own): the failure has then been
            // delivered to nobody, and must not surface later as an unobserved task exception. Reading it marks it
            // observed; callers still awaiting the flight get it all the same.
            _ = completion.Task.Exception;
        }

        if (installed)
        {
            ScheduleProactiveRefresh(obtained!);
        }
    }

    /// <summary>One flight: at most one refresh, then at most one acquire.</summary>
    private Task<IssuedToken> ObtainAsync(IssuedToken? basis, bool basisRejected, CancellationToken cancellationToken) =>
        FetchAsync(refreshFrom: basis, fallback: basis, fallbackRejected: basisRejected, cancellationToken);

    /// <summary>
    /// At most one refresh of <paramref name="refreshFrom"/>, then at most one acquire; when both fail, the still-valid
    /// <paramref name="fallback"/> unless it was rejected.
    /// </summary>
    /// <remarks>
    /// One <c>tokengen.fetch</c> span and one <c>tokengen.token.fetches</c> count per call (see <see cref="TokenGenTelemetry"/>):
    /// the span is current while the operations run, so the spans of their HTTP requests are its children.
    /// </remarks>
    private async Task<IssuedToken> FetchAsync(IssuedToken? refreshFrom, IssuedToken? fallback, bool fallbackRejected, CancellationToken cancellationToken)
    {
        bool refresh = refreshFrom is not null && CanRefresh(refreshFrom);
        var operation = refresh ? TokenGenTelemetry.FetchOperation.Refresh : TokenGenTelemetry.FetchOperation.Acquire;
        Activity? activity = TokenGenTelemetry.StartFetch(_fetchSpanName, _name, operation);
        long? startedAt = TokenGenTelemetry.FetchDurationEnabled ? _timeProvider.GetTimestamp() : null;
        var outcome = TokenGenTelemetry.FetchOutcome.Failed;
        Exception? error = null;
        try
        {
            if (refresh)
            {
                try
                {
                    IssuedToken refreshed = await CallRefreshAsync(refreshFrom!, cancellationToken).ConfigureAwait(false);
                    outcome = TokenGenTelemetry.FetchOutcome.Refreshed;
                    return refreshed;
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // Refused (rotated away, revoked, expired), dropped (the service may have rotated it already) or
                    // unreadable: the refresh token cannot be trusted any more, so start over — once.
                }
            }

            try
            {
                IssuedToken acquired = await CallAcquireAsync(cancellationToken).ConfigureAwait(false);
                outcome = refresh ? TokenGenTelemetry.FetchOutcome.FellBackToAcquire : TokenGenTelemetry.FetchOutcome.Acquired;
                return acquired;
            }
            catch (Exception exception) when (fallback is not null && !fallbackRejected && !cancellationToken.IsCancellationRequested && !fallback.IsExpired(Now))
            {
                // Only the refresh time had come: the token in hand is still valid and serves better than the error.
                (outcome, error) = (TokenGenTelemetry.FetchOutcome.ServedStale, exception);
                return fallback;
            }
        }
        catch (Exception exception)
        {
            error = exception;
            throw;
        }
        finally
        {
            TokenGenTelemetry.FetchEnded(activity, _name, operation, outcome, error, startedAt is { } started ? _timeProvider.GetElapsedTime(started) : null);
        }
    }

    /// <summary>
    /// Whether to refresh rather than acquire: a refresh token outlives its access token, while a service that
    /// refreshes with the access token itself only accepts one that has not expired.
    /// </summary>
    private bool CanRefresh(IssuedToken basis) =>
        _refresh is not null && (basis.RefreshToken is not null || !basis.IsExpired(Now));

    private async Task<IssuedToken> CallAcquireAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset sentAt = Now;
        TokenResponseValues values = await _acquire(cancellationToken).ConfigureAwait(false);
        return CreateToken(values, sentAt, keptRefreshToken: null);
    }

    private async Task<IssuedToken> CallRefreshAsync(IssuedToken basis, CancellationToken cancellationToken)
    {
        DateTimeOffset sentAt = Now;
        TokenResponseValues values = await _refresh!(basis, cancellationToken).ConfigureAwait(false);
        return CreateToken(values, sentAt, keptRefreshToken: basis.RefreshToken);
    }

    private IssuedToken CreateToken(TokenResponseValues values, DateTimeOffset sentAt, string? keptRefreshToken)
    {
        if (string.IsNullOrWhiteSpace(values.AccessToken))
        {
            throw new TokenApiContentException(TokenApiContentProblem.MissingAccessToken, HttpStatusCode.OK, contentType: null, snippet: null, innerException: null);
        }

        // Checked as the token arrives, not when a header is first built from it: a token with CR/LF would otherwise be
        // cached and fail every later request with a FormatException, and one with ESC, BEL or DEL would be sent as is.
        if (!TokenCharacters.AreSendable(values.AccessToken)
            || (!string.IsNullOrEmpty(values.RefreshToken) && !TokenCharacters.AreSendable(values.RefreshToken)))
        {
            throw new TokenApiContentException(TokenApiContentProblem.InvalidToken, HttpStatusCode.OK, contentType: null, snippet: null, innerException: null);
        }

        DateTimeOffset? expiresAt = TokenLifetime.ExpiresAt(values, sentAt, _readJwtExpiry, _log, _name);
        DateTimeOffset? refreshAt = expiresAt is DateTimeOffset expiry
            ? TokenLifetime.RefreshAt(sentAt, expiry, _minimumRefreshSkew, _refreshSkewRatio)
            : null;
        string? refreshToken = string.IsNullOrEmpty(values.RefreshToken) ? keptRefreshToken : values.RefreshToken;
        long freshUntilTickCount = _onSystemClock ? TokenFreshness.TickDeadline(Environment.TickCount64, Now, refreshAt) : long.MaxValue;
        return new IssuedToken(values.AccessToken, refreshToken, sentAt, expiresAt, refreshAt, freshUntilTickCount);
    }

    private void ScheduleProactiveRefresh(IssuedToken token)
    {
        if (_refreshTimer is null)
        {
            return;
        }

        // A token that is due already (a lifetime of zero, or an answer slower than half the lifetime) is left to the
        // next caller: re-arming for now would refresh in a loop for as long as the service hands out such tokens.
        TimeSpan dueTime = Timeout.InfiniteTimeSpan;
        if (TimeUntilProactiveRefresh(token) is { } untilRefresh && untilRefresh > TimeSpan.Zero)
        {
            dueTime = untilRefresh > s_maxTimerDueTime ? s_maxTimerDueTime : untilRefresh;
        }

        try
        {
            _refreshTimer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed since the token arrived: there is nothing left to refresh for.
        }
    }

    private void OnRefreshDue()
    {
        IssuedToken? current = _current;
        if (current is null)
        {
            return;
        }

        if (_shared is null ? IsFreshNow(current) : TimeUntilProactiveRefresh(current) > TimeSpan.Zero)
        {
            // Woke early, because due times are capped (or a newer token re-armed the timer meanwhile): sleep again.
            ScheduleProactiveRefresh(current);
            return;
        }

        Task<IssuedToken> flight;
        try
        {
            // In a fleet the timer fires a little before the refresh time (jitter), while the token is still fresh.
            flight = JoinOrStartFlight(rejectedAccessToken: null, rejected: false, proactive: _shared is not null);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        // Nobody may be waiting on a background flight; observe its failure so it is not reported as unobserved. The
        // next caller tries again.
        _ = flight.ContinueWith(
            static task => _ = task.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw CreateDisposedException(innerException: null);
        }
    }

    private ObjectDisposedException CreateDisposedException(Exception? innerException) =>
        new($"The token session{(_name is null ? string.Empty : $" '{_name}'")} was disposed.", innerException);

    private static ITimer CreateRefreshTimer(TimeProvider timeProvider, TokenSession session)
    {
        // A timer keeps the execution context it was created in; the caller's async-locals have no business in
        // background refreshes for the session's whole life.
        if (ExecutionContext.IsFlowSuppressed())
        {
            return Create();
        }

        using (ExecutionContext.SuppressFlow())
        {
            return Create();
        }

        ITimer Create() => timeProvider.CreateTimer(
            static state => ((TokenSession)state!).OnRefreshDue(),
            session,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
    }

    private static async ValueTask<TokenResponseValues> ReadValuesAsync<TResponse>(Task<TResponse> response)
    {
        TResponse value = await response.ConfigureAwait(false);

        // An empty answer has no token; the session reports that as a missing access token.
        return value is null ? default : TokenResponseReaders.Read(value);
    }
}
