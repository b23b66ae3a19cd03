using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace TokenGen;

/// <summary>
/// An <see cref="ITokenStore"/> on any <see cref="IDistributedCache"/> (SQL Server, Cosmos DB, NCache, a Redis cache the
/// application already has as one), for warm start and one encrypted token shared by a fleet — with <b>weaker
/// guarantees</b> than TokenGen.Extensions.Redis's <c>RedisTokenStore</c>, because <see cref="IDistributedCache"/> has
/// no atomic compare-and-swap and no "set if absent".
/// </summary>
/// <remarks>
/// <para>
/// <b>What holds</b>, as with any store: a new or restarted instance uses a still-fresh stored token (warm start); tokens
/// at rest are protected by the session's <see cref="ITokenProtector"/>, and an entry that was changed, moved to another
/// key or version, or protected under another key is refused, never used; freshness comes from the times inside the
/// entry, never from the cache's expiration; a cache that fails or is slow is logged and the session falls back to a
/// token of its own without refreshing.
/// </para>
/// <para>
/// <b>What does not hold.</b> Every operation here is read, compare, then write — two round trips another instance can
/// come between:
/// </para>
/// <list type="bullet">
/// <item><b>Single flight is best effort.</b> The lease is a cache entry taken when none is found; two instances that look
/// at the same moment can both take it (the store reads its lease back after writing it, which narrows the window but
/// does not close it). Then two fetches happen in one expiry window; usually there is one.</item>
/// <item><b>Rotation is not safe.</b> Two instances that both believe they hold the lease can both send the same refresh
/// token. Against a service that rotates refresh tokens and revokes the chain when a rotated one is reused, use
/// <c>RedisTokenStore</c>, or no store.</item>
/// <item><b>Compare-and-swap is not atomic.</b> A write checks the version and the lease, then writes; a write by another
/// instance in between can be overwritten (the last writer wins). Both tokens are valid; the fleet converges on the one
/// left in the cache.</item>
/// <item><b>Fencing and lease expiry are approximate.</b> Fencing tokens come from a counter read and written back, so
/// two leases taken in a race can share one; a lease ends by the clock of the instance that looks at it
/// (<see cref="DistributedCacheTokenStoreOptions.TimeProvider"/>), so clock skew between instances shortens or lengthens
/// it; whether the previous lease expired (and its refresh token may be spent) is detected as with Redis, from a record
/// the holder removes when it releases — unless the cache evicted that record early.</item>
/// <item>A cache may evict entries under memory pressure: an evicted entry costs an acquire; an evicted lease lets
/// another instance fetch.</item>
/// </list>
/// <para>
/// Keys: <c>{prefix}{key}:entry</c> (<c>[format 1][version 8][protected bytes]</c>), <c>:lease</c>
/// (<c>[format 1][fencing token 8][ends at, UTC ticks 8][holder]</c>), <c>:fence</c> and <c>:held</c>. No reflection
/// and no serializer: trim- and native-AOT-safe.
/// </para>
/// </remarks>
public sealed class DistributedCacheTokenStore : ITokenStore
{
    private const byte EntryFormat = 1;
    private const byte LeaseFormat = 1;
    private const int EntryHeaderSize = 1 + 8;
    private const int LeaseHeaderSize = 1 + 8 + 8;

    private readonly IDistributedCache _cache;
    private readonly string _keyPrefix;
    private readonly TimeSpan _entryTimeToLive;
    private readonly TimeProvider _timeProvider;

    // Makes this store's lease holders unique across instances even when two leases share a fencing token.
    private readonly string _instance = Guid.NewGuid().ToString("N");

    /// <summary>Creates a store on <paramref name="cache"/>.</summary>
    /// <param name="cache">The application's distributed cache, shared by every instance of the fleet.</param>
    /// <param name="options">Key prefix, entry lifetime and clock; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cache"/> is null.</exception>
    public DistributedCacheTokenStore(IDistributedCache cache, DistributedCacheTokenStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        options ??= new DistributedCacheTokenStoreOptions();
        _keyPrefix = options.KeyPrefix;
        _entryTimeToLive = options.EntryTimeToLive;
        _timeProvider = options.TimeProvider;
    }

    /// <summary>The cache key of <paramref name="key"/>'s entry, for operators and tests: <c>{prefix}{key}:entry</c>.</summary>
    /// <param name="key">The session's key.</param>
    /// <returns>The cache key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public string EntryKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return CacheKey(key, "entry");
    }

    /// <inheritdoc />
    public async ValueTask<TokenStoreEntry?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        byte[]? value = await _cache.GetAsync(CacheKey(key, "entry"), cancellationToken).ConfigureAwait(false);
        return TryReadEntry(value, out long version, out ReadOnlyMemory<byte> protectedToken) ? new TokenStoreEntry(version, protectedToken) : null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Not atomic: the lease and the version are read, then the entry is written, then read back. It returns
    /// <see langword="true"/> only if the entry read back is the one written; a write by another instance between the
    /// check and the write is lost (see the remarks on <see cref="DistributedCacheTokenStore"/>).
    /// </remarks>
    public async ValueTask<bool> TryWriteAsync(
        string key, long expectedVersion, ReadOnlyMemory<byte> protectedToken, TokenStoreLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(lease);
        if (!IsHolder(await ReadLeaseAsync(key, cancellationToken).ConfigureAwait(false), lease.Holder))
        {
            return false;
        }

        string entryKey = CacheKey(key, "entry");
        byte[]? current = await _cache.GetAsync(entryKey, cancellationToken).ConfigureAwait(false);

        // An entry that is not in this format counts as none, so garbage in the cache cannot block the fleet for good.
        long currentVersion = TryReadEntry(current, out long version, out _) ? version : 0;
        if (currentVersion != expectedVersion)
        {
            return false;
        }

        byte[] written = new byte[EntryHeaderSize + protectedToken.Length];
        written[0] = EntryFormat;
        BinaryPrimitives.WriteInt64BigEndian(written.AsSpan(1), expectedVersion + 1);
        protectedToken.Span.CopyTo(written.AsSpan(EntryHeaderSize));
        await _cache.SetAsync(entryKey, written, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _entryTimeToLive }, cancellationToken)
            .ConfigureAwait(false);

        byte[]? readBack = await _cache.GetAsync(entryKey, cancellationToken).ConfigureAwait(false);
        return readBack is not null && readBack.AsSpan().SequenceEqual(written);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Best effort: the lease is taken when none is found, then read back; two instances that look at the same moment can
    /// both get it (see the remarks on <see cref="DistributedCacheTokenStore"/>).
    /// </remarks>
    public async ValueTask<TokenStoreLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        if (await ReadLeaseAsync(key, cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        string fenceKey = CacheKey(key, "fence");
        byte[]? fenceValue = await _cache.GetAsync(fenceKey, cancellationToken).ConfigureAwait(false);
        long fence = (fenceValue is { Length: 8 } ? BinaryPrimitives.ReadInt64BigEndian(fenceValue) : 0) + 1;
        var keep = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _entryTimeToLive };
        byte[] fenceBytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(fenceBytes, fence);
        await _cache.SetAsync(fenceKey, fenceBytes, keep, cancellationToken).ConfigureAwait(false);

        string holder = fence.ToString(CultureInfo.InvariantCulture) + ":" + _instance;
        DateTimeOffset endsAt = _timeProvider.GetUtcNow() + duration;
        byte[] holderBytes = Encoding.UTF8.GetBytes(holder);
        byte[] leaseValue = new byte[LeaseHeaderSize + holderBytes.Length];
        leaseValue[0] = LeaseFormat;
        BinaryPrimitives.WriteInt64BigEndian(leaseValue.AsSpan(1), fence);
        BinaryPrimitives.WriteInt64BigEndian(leaseValue.AsSpan(9), endsAt.UtcTicks);
        holderBytes.CopyTo(leaseValue.AsSpan(LeaseHeaderSize));

        // The cache's own expiration (by the cache's clock) only removes the entry; whether the lease still holds is judged
        // from endsAt, by this store's clock.
        await _cache.SetAsync(CacheKey(key, "lease"), leaseValue, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = duration }, cancellationToken)
            .ConfigureAwait(false);
        if (!IsHolder(await ReadLeaseAsync(key, cancellationToken).ConfigureAwait(false), holder))
        {
            // Another instance wrote its lease after this one: it holds it.
            return null;
        }

        // A holder that released removed ":held"; finding it means the previous lease ran out instead.
        string heldKey = CacheKey(key, "held");
        bool previousLeaseExpired = await _cache.GetAsync(heldKey, cancellationToken).ConfigureAwait(false) is not null;
        await _cache.SetAsync(heldKey, holderBytes, keep, cancellationToken).ConfigureAwait(false);
        return new TokenStoreLease(fence, previousLeaseExpired, holder);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseLeaseAsync(string key, TokenStoreLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(lease);
        string heldKey = CacheKey(key, "held");
        byte[]? held = await _cache.GetAsync(heldKey, cancellationToken).ConfigureAwait(false);
        if (held is not null && Encoding.UTF8.GetString(held) == lease.Holder)
        {
            await _cache.RemoveAsync(heldKey, cancellationToken).ConfigureAwait(false);
        }

        if (IsHolder(await ReadLeaseAsync(key, cancellationToken).ConfigureAwait(false), lease.Holder))
        {
            await _cache.RemoveAsync(CacheKey(key, "lease"), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Names the key prefix, never an entry.</summary>
    /// <returns>For example <c>DistributedCacheTokenStore { KeyPrefix = tokengen: }</c>.</returns>
    public override string ToString() => $"DistributedCacheTokenStore {{ KeyPrefix = {_keyPrefix} }}";

    private static bool TryReadEntry(byte[]? value, out long version, out ReadOnlyMemory<byte> protectedToken)
    {
        version = 0;
        protectedToken = default;
        if (value is null || value.Length < EntryHeaderSize || value[0] != EntryFormat)
        {
            return false;
        }

        version = BinaryPrimitives.ReadInt64BigEndian(value.AsSpan(1));
        protectedToken = value.AsMemory(EntryHeaderSize);
        return version >= 1;
    }

    private static bool IsHolder(string? current, string holder) => string.Equals(current, holder, StringComparison.Ordinal);

    /// <summary>The holder of the key's lease while it lasts, by this store's clock; <see langword="null"/> when there is none.</summary>
    private async Task<string?> ReadLeaseAsync(string key, CancellationToken cancellationToken)
    {
        byte[]? value = await _cache.GetAsync(CacheKey(key, "lease"), cancellationToken).ConfigureAwait(false);
        if (value is null || value.Length < LeaseHeaderSize || value[0] != LeaseFormat)
        {
            return null;
        }

        long endsAtTicks = BinaryPrimitives.ReadInt64BigEndian(value.AsSpan(9));
        if (endsAtTicks <= _timeProvider.GetUtcNow().UtcTicks)
        {
            return null;
        }

        return Encoding.UTF8.GetString(value.AsSpan(LeaseHeaderSize));
    }

    private string CacheKey(string key, string part) => _keyPrefix + key + ":" + part;
}
