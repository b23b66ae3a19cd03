using System;

namespace TokenGen;

/// <summary>
/// How a <see cref="TokenSession"/> shares its token with the other instances of a fleet through an
/// <see cref="ITokenStore"/>: set it on <see cref="TokenSessionOptions.Store"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>What the fleet gets.</b> Of any number of instances finding the token due, one takes the store's lease and fetches;
/// the others wait (at most <see cref="WaitTimeout"/>) for the new entry and use it. The lease holder re-reads the store
/// after taking the lease, and writes its new token only over the version it refreshed. A token rejected with a 401 is
/// replaced once for the fleet. With <see cref="TokenSessionOptions.ProactiveRefresh"/>, the instance whose jittered
/// timer fires first and takes the lease refreshes ahead of time; the others pick its token up. A new instance starts
/// with the stored token when it is still fresh.
/// </para>
/// <para>
/// <b>When the store fails</b> (throws, or takes longer than <see cref="OperationTimeout"/>), the failure is logged to
/// <see cref="TokenSessionOptions.Log"/> and the session acquires a token of its own with its credentials. It never
/// refreshes without the lease, because a rotating refresh token sent twice can revoke the whole chain.
/// </para>
/// </remarks>
public sealed class TokenStoreOptions
{
    /// <summary>The default <see cref="LeaseDuration"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromSeconds(30);

    private TimeSpan _leaseDuration = DefaultLeaseDuration;
    private TimeSpan _waitTimeout = TimeSpan.FromSeconds(45);
    private TimeSpan _pollInterval = TimeSpan.FromMilliseconds(50);
    private TimeSpan _operationTimeout = TimeSpan.FromSeconds(5);
    private TimeSpan _proactiveRefreshJitter = TimeSpan.FromSeconds(30);

    /// <summary>Creates the settings of a shared session.</summary>
    /// <param name="store">Where the fleet keeps the token.</param>
    /// <param name="protector">What encrypts the token before it reaches the store.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="protector"/> is null.</exception>
    public TokenStoreOptions(ITokenStore store, ITokenProtector protector)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(protector);
        Store = store;
        Protector = protector;
    }

    /// <summary>Where the fleet keeps the token.</summary>
    public ITokenStore Store { get; }

    /// <summary>What encrypts the token before it reaches the store, and refuses entries that do not open.</summary>
    public ITokenProtector Protector { get; }

    /// <summary>
    /// What identifies the credential behind the session — a client id, a user name, a tenant — when one session name
    /// covers several; <see langword="null"/> when the name alone does. Only a SHA-256 hash of it reaches the store's key.
    /// Never put the secret here: a hash of a guessable password can be reversed by guessing.
    /// </summary>
    public string? CredentialId { get; set; }

    /// <summary>
    /// How long the lease holder may take to fetch before the others take it for dead (default 30 s). Longer than the
    /// token API's slowest answer; a holder that outlives its lease still uses its token but cannot write it, and the next
    /// holder acquires rather than refreshing, since the refresh token may be spent.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan LeaseDuration
    {
        get => _leaseDuration;
        set => _leaseDuration = Positive(value);
    }

    /// <summary>
    /// How long an instance waits for the lease holder's new token before it acquires one of its own (default 45 s).
    /// The wait ends sooner when the holder writes, or its lease ends and this instance takes it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan WaitTimeout
    {
        get => _waitTimeout;
        set => _waitTimeout = Positive(value);
    }

    /// <summary>How often a waiting instance reads the store for the new token (default 50 ms).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan PollInterval
    {
        get => _pollInterval;
        set => _pollInterval = Positive(value);
    }

    /// <summary>The longest one store operation may take before the store counts as unreachable (default 5 s).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan OperationTimeout
    {
        get => _operationTimeout;
        set => _operationTimeout = Positive(value);
    }

    /// <summary>
    /// With <see cref="TokenSessionOptions.ProactiveRefresh"/>: how much earlier than the refresh time, at most, each
    /// instance's timer fires (a random share, drawn per token), so instances do not all reach for the lease at once
    /// (default 30 s; never earlier than half the token's lifetime). Zero for none.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan ProactiveRefreshJitter
    {
        get => _proactiveRefreshJitter;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _proactiveRefreshJitter = value;
        }
    }

    private static TimeSpan Positive(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
        return value;
    }
}
