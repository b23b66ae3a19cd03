using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace TokenGen.Benchmarks.Tokens;

/// <summary>
/// What sharing a token through a store costs a session: the cached read (which must not touch the store, so the goal is
/// the same as without one: under 20 ns, 0 B) and one refresh with and without a store (read, lease, re-read, AES-GCM
/// protect, compare-and-swap write, release), on an in-memory store so the figure is the session's own work and not a
/// network's. A store on Redis adds its round trips: four per refresh.
/// </summary>
[BenchmarkCategory("Tokens")]
public class SharedTokenSessionBenchmarks
{
    // A minute, refreshed from 30 s: each measured refresh moves the clock 31 s, so even a hundred million invocations
    // stay far inside the calendar (an hour's token, moved 55 minutes a call, ran off year 9999 in a long run).
    private const long Lifetime = 60;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(31);

    private readonly ManualClock _aloneClock = new();
    private readonly ManualClock _sharedClock = new();
    private readonly MemoryStore _store = new();
    private TokenSession _cachedSession = null!;
    private TokenSession _refreshAlone = null!;
    private TokenSession _refreshShared = null!;
    private int _issued;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _cachedSession.Dispose();
        _refreshAlone.Dispose();
        _refreshShared.Dispose();
    }

    /// <summary>The token a request attaches while the shared token is fresh: the store is not read.</summary>
    [Benchmark]
    public ValueTask<string> CachedReadWithStore() => _cachedSession.GetAccessTokenAsync();

    /// <summary>One refresh of a session that keeps its token to itself (the operations answer at once).</summary>
    [Benchmark]
    public ValueTask<string> RefreshAlone()
    {
        _aloneClock.Advance(Step);
        return _refreshAlone.GetAccessTokenAsync();
    }

    /// <summary>The same refresh through the store: what the fleet protocol adds per refresh.</summary>
    [Benchmark]
    public ValueTask<string> RefreshThroughStore()
    {
        _sharedClock.Advance(Step);
        return _refreshShared.GetAccessTokenAsync();
    }

    private async Task SetupAsync()
    {
        var protector = new AesGcmTokenProtector(AesGcmTokenProtector.GenerateKey());
        _cachedSession = Session(TimeProvider.System, new TokenStoreOptions(_store, protector), "cached");
        string first = await _cachedSession.GetAccessTokenAsync();
        int reads = _store.Reads;
        if (await CachedReadWithStore() != first || _store.Writes != 1 || _store.Reads != reads)
        {
            throw new InvalidOperationException("The shared session did not cache its first token, or read the store on the cached path.");
        }

        _refreshAlone = Session(_aloneClock, store: null, "alone");
        _refreshShared = Session(_sharedClock, new TokenStoreOptions(_store, protector), "shared");
        await _refreshAlone.GetAccessTokenAsync();
        await _refreshShared.GetAccessTokenAsync();
        int writes = _store.Writes;
        string refreshed = await RefreshThroughStore();
        if (_store.Writes != writes + 1 || refreshed == first || await RefreshAlone() == refreshed)
        {
            throw new InvalidOperationException("A refresh through the store did not write one new token.");
        }
    }

    private TokenSession Session(TimeProvider clock, TokenStoreOptions? store, string name) => new(
        _ => new ValueTask<TokenResponseValues>(new TokenResponseValues("access-" + Interlocked.Increment(ref _issued), "refresh-" + _issued, Lifetime, null)),
        (_, _) => new ValueTask<TokenResponseValues>(new TokenResponseValues("refreshed-" + Interlocked.Increment(ref _issued), "rotated-" + _issued, Lifetime, null)),
        new TokenSessionOptions { Name = name, TimeProvider = clock, Store = store });

    /// <summary>A store in memory with the contract's compare-and-swap; the lease is always free (one instance).</summary>
    private sealed class MemoryStore : ITokenStore
    {
        private readonly Dictionary<string, TokenStoreEntry> _entries = [];
        private long _fence;

        public int Reads { get; private set; }

        public int Writes { get; private set; }

        public ValueTask<TokenStoreEntry?> ReadAsync(string key, CancellationToken cancellationToken)
        {
            Reads++;
            return new(_entries.GetValueOrDefault(key));
        }

        public ValueTask<bool> TryWriteAsync(string key, long expectedVersion, ReadOnlyMemory<byte> protectedToken, TokenStoreLease lease, CancellationToken cancellationToken)
        {
            long current = _entries.TryGetValue(key, out TokenStoreEntry? entry) ? entry.Version : 0;
            if (current != expectedVersion)
            {
                return new(false);
            }

            _entries[key] = new TokenStoreEntry(current + 1, protectedToken.ToArray());
            Writes++;
            return new(true);
        }

        public ValueTask<TokenStoreLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken)
        {
            long fence = ++_fence;
            return new(new TokenStoreLease(fence, previousLeaseExpired: false, holder: "memory"));
        }

        public ValueTask ReleaseLeaseAsync(string key, TokenStoreLease lease, CancellationToken cancellationToken) => default;
    }
}
