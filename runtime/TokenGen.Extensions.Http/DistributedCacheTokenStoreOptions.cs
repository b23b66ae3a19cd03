using System;

namespace TokenGen;

/// <summary>Settings of a <see cref="DistributedCacheTokenStore"/>.</summary>
public sealed class DistributedCacheTokenStoreOptions
{
    private string _keyPrefix = "tokengen:";
    private TimeSpan _entryTimeToLive = TimeSpan.FromDays(30);
    private TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>The start of every cache key (default <c>tokengen:</c>), to keep TokenGen's entries apart from the application's.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public string KeyPrefix
    {
        get => _keyPrefix;
        set => _keyPrefix = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// How long the cache keeps an entry after its last write (default 30 days). Only garbage collection: a session decides
    /// whether a stored token is fresh from the times inside the entry, never from the cache's expiration.
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

    /// <summary>
    /// The clock a lease's end is judged by (default the system clock). Every instance reads its own, so a lease is only as
    /// exact as the instances' clocks agree.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }
}
