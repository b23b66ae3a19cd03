using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace TokenGen;

/// <summary>
/// An <see cref="ITokenStore"/> on Redis, for the instances of a fleet to share their token sessions.
/// </summary>
/// <remarks>
/// <para>
/// Each session key has four Redis keys, with one hash tag so they live in one cluster slot:
/// <c>tokengen:{key}:entry</c> (a hash of the version <c>v</c> and the protected bytes <c>d</c>, kept for
/// <see cref="RedisTokenStoreOptions.EntryTimeToLive"/> after each write), <c>:lease</c> (the holder, set with
/// <c>SET NX PX</c>), <c>:fence</c> (the counter the fencing tokens come from, by <c>INCR</c>) and <c>:held</c> (who took
/// the lease last and has not released it: found on the next take, it means the lease expired).
/// </para>
/// <para>
/// Taking the lease, the compare-and-swap write and the release are each one Lua script (<c>EVAL</c>), so each is atomic:
/// the write happens only while the writer still holds the lease and the version is the one it read; the release removes
/// only the caller's own lease. The scripts take plain keys and values — no reflection — so the store is trim- and
/// native-AOT-safe.
/// </para>
/// <para>
/// Give the connection <c>BacklogPolicy.FailFast</c> (or short timeouts): a command queued while Redis is down only delays
/// the session's fall-back to a token of its own. The session bounds every call with
/// <see cref="TokenStoreOptions.OperationTimeout"/> all the same.
/// </para>
/// </remarks>
public sealed class RedisTokenStore : ITokenStore
{
    private const string AcquireLeaseScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return false end
        local fence = redis.call('INCR', KEYS[2])
        local holder = fence .. ':' .. ARGV[2]
        if not redis.call('SET', KEYS[1], holder, 'NX', 'PX', ARGV[1]) then return false end
        local expired = redis.call('EXISTS', KEYS[3])
        redis.call('SET', KEYS[3], holder, 'PX', ARGV[3])
        return {fence, expired}
        """;

    private const string WriteScript = """
        if redis.call('GET', KEYS[2]) ~= ARGV[2] then return 0 end
        local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
        if current ~= tonumber(ARGV[1]) then return -1 end
        redis.call('HSET', KEYS[1], 'v', current + 1, 'd', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
        if redis.call('GET', KEYS[1]) == ARGV[1] then
            redis.call('DEL', KEYS[1])
            return 1
        end
        return 0
        """;

    private static readonly RedisValue[] s_entryFields = ["v", "d"];

    private readonly IConnectionMultiplexer _connection;
    private readonly RedisTokenStoreOptions _options;

    // Makes this store's lease holders unique even if Redis restarts without persistence and the fencing counter starts over.
    private readonly string _instance = Guid.NewGuid().ToString("N");

    /// <summary>Creates a store on <paramref name="connection"/>.</summary>
    /// <param name="connection">The application's Redis connection, shared and long-lived.</param>
    /// <param name="options">Key prefix, entry lifetime and database; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> is null.</exception>
    public RedisTokenStore(IConnectionMultiplexer connection, RedisTokenStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        options ??= new RedisTokenStoreOptions();
        _options = new RedisTokenStoreOptions
        {
            KeyPrefix = options.KeyPrefix,
            EntryTimeToLive = options.EntryTimeToLive,
            Database = options.Database,
        };
    }

    /// <summary>The Redis key of <paramref name="key"/>'s entry, for operators and tests: <c>tokengen:{key}:entry</c>.</summary>
    /// <param name="key">The session's key.</param>
    /// <returns>The Redis key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public string EntryKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return RedisKeyOf(key, "entry");
    }

    /// <inheritdoc />
    public async ValueTask<TokenStoreEntry?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        RedisValue[] values = await Database.HashGetAsync(RedisKeyOf(key, "entry"), s_entryFields).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (values.Length != 2 || values[0].IsNull
            || !long.TryParse((string?)values[0], NumberStyles.None, CultureInfo.InvariantCulture, out long version) || version < 1)
        {
            return null;
        }

        // Bytes that are missing or not the session's own fail to open there, and are refused: never used as a token.
        return new TokenStoreEntry(version, values[1].IsNull ? ReadOnlyMemory<byte>.Empty : (byte[])values[1]!);
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryWriteAsync(
        string key, long expectedVersion, ReadOnlyMemory<byte> protectedToken, TokenStoreLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(lease);
        RedisResult result = await Database.ScriptEvaluateAsync(
            WriteScript,
            [RedisKeyOf(key, "entry"), RedisKeyOf(key, "lease")],
            [expectedVersion, lease.Holder, protectedToken, (long)_options.EntryTimeToLive.TotalMilliseconds]).WaitAsync(cancellationToken).ConfigureAwait(false);
        return (long)result == 1;
    }

    /// <inheritdoc />
    public async ValueTask<TokenStoreLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        long milliseconds = Math.Max(1, (long)Math.Ceiling(duration.TotalMilliseconds));
        RedisResult result = await Database.ScriptEvaluateAsync(
            AcquireLeaseScript,
            [RedisKeyOf(key, "lease"), RedisKeyOf(key, "fence"), RedisKeyOf(key, "held")],
            [milliseconds, _instance, (long)_options.EntryTimeToLive.TotalMilliseconds]).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsNull)
        {
            return null;
        }

        RedisResult[] parts = (RedisResult[])result!;
        long fence = (long)parts[0];
        return new TokenStoreLease(fence, previousLeaseExpired: (long)parts[1] == 1, holder: fence.ToString(CultureInfo.InvariantCulture) + ":" + _instance);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseLeaseAsync(string key, TokenStoreLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(lease);
        await Database.ScriptEvaluateAsync(
            ReleaseScript,
            [RedisKeyOf(key, "lease"), RedisKeyOf(key, "held")],
            [lease.Holder]).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Names the key prefix, never an entry.</summary>
    /// <returns>For example <c>RedisTokenStore { KeyPrefix = tokengen: }</c>.</returns>
    public override string ToString() => $"RedisTokenStore {{ KeyPrefix = {_options.KeyPrefix} }}";

    private IDatabase Database => _connection.GetDatabase(_options.Database);

    // One hash tag around the session key: the four keys of a session share a cluster slot, as scripts need.
    private string RedisKeyOf(string key, string part) => _options.KeyPrefix + "{" + key + "}:" + part;
}
