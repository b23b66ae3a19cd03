using System;

namespace TokenGen;

/// <summary>
/// Settings of one <see cref="TokenSession"/>. The session copies them when it is constructed, so changing an instance
/// afterwards does not affect sessions already built from it.
/// </summary>
public sealed class TokenSessionOptions
{
    /// <summary>The default <see cref="MinimumRefreshSkew"/>: 60 seconds.</summary>
    public static readonly TimeSpan DefaultMinimumRefreshSkew = TimeSpan.FromSeconds(60);

    /// <summary>The default <see cref="RefreshSkewRatio"/>: 10 % of the token's lifetime.</summary>
    public const double DefaultRefreshSkewRatio = 0.1;

    private TimeProvider _timeProvider = TimeProvider.System;
    private TimeSpan _minimumRefreshSkew = DefaultMinimumRefreshSkew;
    private double _refreshSkewRatio = DefaultRefreshSkewRatio;

    /// <summary>Where the session reads the time and creates its timer. Tests pass a fake clock. Default: <see cref="TimeProvider.System"/>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _timeProvider = value;
        }
    }

    /// <summary>
    /// The least time before expiry at which the session replaces a token (default 60 s). The skew used is the larger of
    /// this and <see cref="RefreshSkewRatio"/> of the lifetime, but at most half the lifetime, so a short-lived token is
    /// not replaced on every call.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan MinimumRefreshSkew
    {
        get => _minimumRefreshSkew;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _minimumRefreshSkew = value;
        }
    }

    /// <summary>
    /// The share of the token's lifetime before expiry at which the session replaces it (default 0.1). See
    /// <see cref="MinimumRefreshSkew"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 0 and 1, or not a number.</exception>
    public double RefreshSkewRatio
    {
        get => _refreshSkewRatio;
        set
        {
            if (!(value is >= 0 and <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The refresh skew ratio must be between 0 and 1.");
            }

            _refreshSkewRatio = value;
        }
    }

    /// <summary>
    /// Whether the session replaces its token in the background when the refresh time comes, so no caller waits for it
    /// (default <see langword="false"/>: the first caller after the refresh time fetches the new token). A background
    /// failure is dropped; the next caller tries again.
    /// </summary>
    public bool ProactiveRefresh { get; set; }

    /// <summary>
    /// Whether the session reads the <c>exp</c> claim of an access token that is a JWT when the response states no
    /// lifetime and no expiry (default <see langword="true"/>), so tokens of services that only say it inside the token
    /// are still replaced ahead of expiry. The claim is only read, never validated; a token that is not a JWT, or has
    /// no <c>exp</c>, is used until a 401.
    /// </summary>
    public bool ReadJwtExpiry { get; set; } = true;

    /// <summary>A name for the session, shown by <see cref="TokenSession.ToString"/> and in its exception messages. Never a secret.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Where the session reports a clamped lifetime, besides the <c>TokenGen</c> event source; <see langword="null"/> (the
    /// default) for the event source alone. <c>AddTokenSession</c> in TokenGen.Extensions.Http sets one that writes to
    /// the container's <c>ILoggerFactory</c>.
    /// </summary>
    public TokenGen.Diagnostics.TokenGenLog? Log { get; set; }

    /// <summary>
    /// Where the session shares its token with the other instances of a fleet, and how; <see langword="null"/> (the
    /// default) for a session that keeps its token to itself. Needs a <see cref="Name"/>, which with
    /// <see cref="TokenStoreOptions.CredentialId"/> makes the store's key. See <see cref="TokenStoreOptions"/>.
    /// </summary>
    public TokenStoreOptions? Store { get; set; }
}
