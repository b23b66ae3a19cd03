using System;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Diagnostics;

namespace TokenGen;

/// <summary>A session's part in a fleet: the flight that goes through the shared <see cref="ITokenStore"/>.</summary>
public sealed partial class TokenSession
{
    /// <summary>
    /// One flight of a session with a store. Uses the stored token when it will do (warm start, or another instance has
    /// replaced it); else takes the lease, re-reads, fetches — refreshing only the refresh token it read under the lease —
    /// and writes over the version it read. Without the lease it waits for the holder's token. A store that fails sends
    /// the session on alone: it acquires with its credentials and never refreshes, since only the lease holder may send a
    /// refresh token that might rotate.
    /// </summary>
    private async Task<IssuedToken> ObtainSharedAsync(IssuedToken? basis, bool basisRejected, bool proactive, CancellationToken cancellationToken)
    {
        SharedSettings shared = _shared!;
        DateTimeOffset waitStarted = Now;

        // Set once the lease went to another instance and this one waits for its token (for the lease-wait histogram).
        bool waiting = false;
        try
        {
            while (true)
            {
                StoredToken stored = await ReadStoredAsync(cancellationToken).ConfigureAwait(false);
                if (IsUsable(stored.Token, basis, basisRejected, proactive))
                {
                    RecordLeaseWait(waiting, TokenGenTelemetry.LeaseWaitOutcome.Received, waitStarted);
                    return stored.Token!;
                }

                TokenStoreLease? lease = await CallStoreAsync(
                    static (store, key, duration, ct) => store.TryAcquireLeaseAsync(key, duration, ct),
                    shared.Options.LeaseDuration, "lease", cancellationToken).ConfigureAwait(false);
                if (lease is not null)
                {
                    return await FetchUnderLeaseAsync(lease, basis, basisRejected, proactive, cancellationToken).ConfigureAwait(false);
                }

                if (proactive)
                {
                    // Another instance holds the lease and is fetching: a background refresh is not this one's to do. While
                    // the token in hand is fresh, keep it; the holder's token is read when this one comes due.
                    if (basis is not null && IsFreshNow(basis))
                    {
                        return basis;
                    }

                    proactive = false;
                }

                waiting = true;
                TimeSpan waited = Now - waitStarted;
                if (waited >= shared.Options.WaitTimeout)
                {
                    RecordLeaseWait(waiting, TokenGenTelemetry.LeaseWaitOutcome.TimedOut, waitStarted);
                    TokenGenEventSource.Log.TokenStoreWaitTimedOut((long)waited.TotalMilliseconds);
                    _log?.TokenStoreWaitTimedOut(_name, waited);
                    return await FetchAsync(refreshFrom: null, fallback: basis, fallbackRejected: basisRejected, cancellationToken).ConfigureAwait(false);
                }

                await Task.Delay(shared.Options.PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (TokenStoreFailedException)
        {
            RecordLeaseWait(waiting, TokenGenTelemetry.LeaseWaitOutcome.StoreFailed, waitStarted);

            // Logged where it failed. Alone now: acquiring with credentials may be repeated by every instance; a refresh
            // might spend a rotating refresh token that another instance is using, so it is never sent without the lease.
            return await FetchAsync(refreshFrom: null, fallback: basis, fallbackRejected: basisRejected, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Holding the lease: re-reads (another instance may have written since), fetches, writes over the version read, and
    /// always releases. The fetch's own failures reach the callers unchanged; the store's, after the fetch, are logged and
    /// the new token is used all the same.
    /// </summary>
    private async Task<IssuedToken> FetchUnderLeaseAsync(
        TokenStoreLease lease, IssuedToken? basis, bool basisRejected, bool proactive, CancellationToken cancellationToken)
    {
        SharedSettings shared = _shared!;
        try
        {
            StoredToken stored = await ReadStoredAsync(cancellationToken).ConfigureAwait(false);
            if (IsUsable(stored.Token, basis, basisRejected, proactive))
            {
                return stored.Token!;
            }

            // Refresh only the refresh token read under this lease. If the previous lease expired, its holder may have sent
            // that refresh token already (and lost the answer), so sending it again would be reuse: acquire instead.
            IssuedToken? refreshFrom = lease.PreviousLeaseExpired ? null : stored.Token;
            bool storedRejected = basisRejected && stored.Token is not null && basis is not null
                && string.Equals(stored.Token.AccessToken, basis.AccessToken, StringComparison.Ordinal);
            IssuedToken? fallback = stored.Token ?? basis;
            IssuedToken obtained = await FetchAsync(refreshFrom, fallback, basisRejected && (storedRejected || stored.Token is null), cancellationToken)
                .ConfigureAwait(false);
            if (ReferenceEquals(obtained, fallback))
            {
                // Both requests failed inside the skew and the token in hand serves: nothing new to share.
                return obtained;
            }

            IssuedToken written = obtained.WithGeneration(stored.Version + 1);
            bool accepted;
            try
            {
                byte[] payload = shared.Options.Protector.Protect(
                    StoredTokenFormat.Write(written), StoredTokenFormat.AssociatedData(shared.Key, written.Generation));
                accepted = await CallStoreAsync(
                    static (store, key, write, ct) => store.TryWriteAsync(key, write.Version, write.Payload, write.Lease, ct),
                    new PendingWrite(stored.Version, payload, lease), "write", cancellationToken).ConfigureAwait(false);
            }
            catch (TokenStoreFailedException)
            {
                // The token is new and valid; the fleet will not see it, and this instance will not refresh it without the
                // lease (its generation says it is not in the store).
                return obtained;
            }

            return accepted ? written : obtained;
        }
        finally
        {
            await ReleaseLeaseAsync(lease).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether the stored token can be handed out instead of fetching: fresh, not the token a 401 rejected, and — for a
    /// background refresh — newer than the one in hand.
    /// </summary>
    private bool IsUsable(IssuedToken? stored, IssuedToken? basis, bool basisRejected, bool proactive)
    {
        if (stored is null || !IsFreshNow(stored))
        {
            return false;
        }

        if (basisRejected && basis is not null && string.Equals(stored.AccessToken, basis.AccessToken, StringComparison.Ordinal))
        {
            return false;
        }

        return !proactive || basis is null || stored.Generation > basis.Generation;
    }

    /// <summary>Reads and opens the stored entry; an entry that does not open counts as absent (and is logged), never used.</summary>
    private async Task<StoredToken> ReadStoredAsync(CancellationToken cancellationToken)
    {
        SharedSettings shared = _shared!;
        TokenStoreEntry? entry = await CallStoreAsync(
            static (store, key, _, ct) => store.ReadAsync(key, ct), 0, "read", cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return new StoredToken(0, null);
        }

        byte[]? plaintext = null;
        if (shared.Options.Protector.TryUnprotect(entry.ProtectedToken.Span, StoredTokenFormat.AssociatedData(shared.Key, entry.Version), out plaintext)
            && StoredTokenFormat.TryRead(plaintext, out string accessToken, out string? refreshToken, out DateTimeOffset issuedAt, out DateTimeOffset? expiresAt, out DateTimeOffset? refreshAt))
        {
            // Freshness is computed here, from the entry's times, as for a token that just arrived.
            long freshUntil = _onSystemClock ? TokenFreshness.TickDeadline(Environment.TickCount64, Now, refreshAt) : long.MaxValue;
            return new StoredToken(entry.Version, new IssuedToken(accessToken, refreshToken, issuedAt, expiresAt, refreshAt, freshUntil, entry.Version));
        }

        if (plaintext is not null)
        {
            Array.Clear(plaintext);
        }

        TokenGenEventSource.Log.TokenStoreEntryRefused(entry.Version);
        _log?.TokenStoreEntryRefused(_name, entry.Version);
        return new StoredToken(entry.Version, null);
    }

    private async Task ReleaseLeaseAsync(TokenStoreLease lease)
    {
        try
        {
            // Released even when the flight was cancelled (disposal): otherwise the fleet waits out the lease for nothing,
            // and its next holder takes the refresh token for spent.
            await CallStoreAsync(
                static async (store, key, held, ct) =>
                {
                    await store.ReleaseLeaseAsync(key, held, ct).ConfigureAwait(false);
                    return true;
                },
                lease, "release", CancellationToken.None).ConfigureAwait(false);
        }
        catch (TokenStoreFailedException)
        {
            // Logged; the lease ends when it expires.
        }
    }

    /// <summary>
    /// Calls the store with a time limit. Any failure of the store, or its not answering in time, is logged and becomes a
    /// <see cref="TokenStoreFailedException"/>; only the session's own cancellation (disposal) passes through as such.
    /// </summary>
    private async Task<TResult> CallStoreAsync<TState, TResult>(
        Func<ITokenStore, string, TState, CancellationToken, ValueTask<TResult>> call, TState state, string operation, CancellationToken cancellationToken)
    {
        SharedSettings shared = _shared!;
        using var timeout = new CancellationTokenSource(shared.Options.OperationTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await call(shared.Options.Store, shared.Key, state, linked.Token).AsTask().WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            string reason = timeout.IsCancellationRequested ? nameof(TimeoutException) : exception.GetType().Name;
            TokenGenTelemetry.StoreFailed(_name, operation, timeout.IsCancellationRequested ? TokenGenTelemetry.TimeoutErrorType : TokenGenTelemetry.ErrorType(exception));
            TokenGenEventSource.Log.TokenStoreFailed(operation, reason);
            _log?.TokenStoreFailed(_name, operation, reason);
            throw new TokenStoreFailedException();
        }
    }

    private void RecordLeaseWait(bool waiting, TokenGenTelemetry.LeaseWaitOutcome outcome, DateTimeOffset waitStarted)
    {
        if (waiting)
        {
            TokenGenTelemetry.LeaseWaitEnded(_name, outcome, Now - waitStarted);
        }
    }

    /// <summary>
    /// How long until the proactive refresh of <paramref name="token"/>: the refresh time, less — in a fleet — this
    /// instance's jitter for the token, but never before half the lifetime; <see langword="null"/> when it does not expire.
    /// </summary>
    private TimeSpan? TimeUntilProactiveRefresh(IssuedToken token)
    {
        TimeSpan? untilRefresh = TimeUntilRefresh(token);
        if (_shared is null || untilRefresh is not { } until || token.RefreshAt is not { } refreshAt || token.ExpiresAt is not { } expiresAt)
        {
            return untilRefresh;
        }

        // Jitter drawn once per token and instance (a hash of both, so a re-armed timer keeps it), up to the option, and
        // never so much that the refresh would come before half the lifetime.
        TimeSpan room = refreshAt - (token.IssuedAt + ((expiresAt - token.IssuedAt) / 2));
        TimeSpan limit = room < _shared.Options.ProactiveRefreshJitter ? room : _shared.Options.ProactiveRefreshJitter;
        if (limit <= TimeSpan.Zero)
        {
            return until;
        }

        uint draw = (uint)HashCode.Combine(_shared.InstanceSeed, token.IssuedAt.UtcTicks, token.Generation);
        return until - (limit * (draw / (double)uint.MaxValue));
    }

    /// <summary>The store's settings as the session copied them, and its key.</summary>
    private sealed class SharedSettings(TokenStoreOptions options, string key)
    {
        public TokenStoreOptions Options { get; } = Copy(options);

        public string Key { get; } = key;

        /// <summary>What makes this instance's jitter differ from the other instances'.</summary>
        public int InstanceSeed { get; } = Random.Shared.Next();

        // A copy, as the session copies every other option: changing the options later changes no session.
        private static TokenStoreOptions Copy(TokenStoreOptions options) => new(options.Store, options.Protector)
        {
            CredentialId = options.CredentialId,
            LeaseDuration = options.LeaseDuration,
            WaitTimeout = options.WaitTimeout,
            PollInterval = options.PollInterval,
            OperationTimeout = options.OperationTimeout,
            ProactiveRefreshJitter = options.ProactiveRefreshJitter,
        };
    }

    private readonly record struct StoredToken(long Version, IssuedToken? Token);

    private readonly record struct PendingWrite(long Version, ReadOnlyMemory<byte> Payload, TokenStoreLease Lease);

    /// <summary>The store failed (already logged); the session goes on without it.</summary>
    private sealed class TokenStoreFailedException : Exception
    {
    }
}
