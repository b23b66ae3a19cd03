using System;

namespace TokenGen;

/// <summary>Where and for how long a <see cref="RedisTokenStore"/> keeps entries.</summary>
public sealed class RedisTokenStoreOptions
{
    private string _keyPrefix = "tokengen:";
    private TimeSpan _entryTimeToLive = TimeSpan.FromDays(30);

    /// <summary>
    /// What every Redis key of the store starts with (default <c>tokengen:</c>), so the store's keys are recognisable and
    /// can share a database with other data.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public string KeyPrefix
    {
        get => _keyPrefix;
        set => _keyPrefix = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// How long an entry is kept after its last write (default 30 days): garbage collection for credentials no longer
    /// used, not freshness, which the session computes from the times inside the entry. Longer than the refresh token's
    /// lifetime, so a fleet that was idle for a while can still refresh instead of acquiring.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan EntryTimeToLive
    {
        get => _entryTimeToLive;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _entryTimeToLive = value;
        }
    }

    /// <summary>The Redis database number; -1 (the default) for the connection's default database.</summary>
    public int Database { get; set; } = -1;
}
