using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Tokens.Shared;

/// <summary>
/// An <see cref="ITokenStore"/> in memory, with the contract's semantics (compare-and-swap over the version and the lease,
/// fencing tokens, the expired-lease flag) and handles for tests: count calls, fail every call, expire the lease now,
/// change an entry's bytes.
/// </summary>
internal sealed class InMemoryTokenStore(TimeProvider clock) : ITokenStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Version, byte[] Data)> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Holder, DateTimeOffset Until)> _leases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _held = new(StringComparer.Ordinal);
    private long _fence;
    private int _reads;
    private int _writes;

    /// <summary>When set, every call throws, as a store that is down does.</summary>
    public volatile bool Down;

    public int Reads => Volatile.Read(ref _reads);

    public int Writes => Volatile.Read(ref _writes);

    public IReadOnlyCollection<string> Keys
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Keys];
            }
        }
    }

    public (long Version, byte[] Data) Entry(string key)
    {
        lock (_gate)
        {
            return _entries[key];
        }
    }

    public void SetEntry(string key, long version, byte[] data)
    {
        lock (_gate)
        {
            _entries[key] = (version, data);
        }
    }

    /// <summary>Ends every lease as if its time had run out (the holder is not told).</summary>
    public void ExpireLeases()
    {
        lock (_gate)
        {
            _leases.Clear();
        }
    }

    public ValueTask<TokenStoreEntry?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        Interlocked.Increment(ref _reads);
        lock (_gate)
        {
            return new(_entries.TryGetValue(key, out var entry) ? new TokenStoreEntry(entry.Version, entry.Data) : null);
        }
    }

    public ValueTask<bool> TryWriteAsync(string key, long expectedVersion, ReadOnlyMemory<byte> protectedToken, TokenStoreLease lease, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        lock (_gate)
        {
            long current = _entries.TryGetValue(key, out var entry) ? entry.Version : 0;
            if (!HoldsLease(key, lease.Holder) || current != expectedVersion)
            {
                return new(false);
            }

            _entries[key] = (current + 1, protectedToken.ToArray());
            Interlocked.Increment(ref _writes);
            return new(true);
        }
    }

    public ValueTask<TokenStoreLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        lock (_gate)
        {
            if (HoldsLease(key, holder: null))
            {
                return new((TokenStoreLease?)null);
            }

            long fence = ++_fence;
            string holder = fence + ":memory";
            _leases[key] = (holder, clock.GetUtcNow() + duration);
            bool expired = _held.ContainsKey(key);
            _held[key] = holder;
            return new(new TokenStoreLease(fence, expired, holder));
        }
    }

    public ValueTask ReleaseLeaseAsync(string key, TokenStoreLease lease, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        lock (_gate)
        {
            if (_held.TryGetValue(key, out string? held) && held == lease.Holder)
            {
                _held.Remove(key);
            }

            if (_leases.TryGetValue(key, out var current) && current.Holder == lease.Holder)
            {
                _leases.Remove(key);
            }
        }

        return default;
    }

    // Under the lock. With a holder: whether that holder has the live lease; without: whether anyone has.
    private bool HoldsLease(string key, string? holder) =>
        _leases.TryGetValue(key, out var lease) && lease.Until > clock.GetUtcNow() && (holder is null || lease.Holder == holder);

    private void ThrowIfDown()
    {
        if (Down)
        {
            throw new IOException("The store is down.");
        }
    }
}
