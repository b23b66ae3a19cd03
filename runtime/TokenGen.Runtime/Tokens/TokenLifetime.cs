using System;
using TokenGen.Diagnostics;

namespace TokenGen;

/// <summary>When a token expires and when a session replaces it: the arithmetic, apart from the session's state.</summary>
internal static class TokenLifetime
{
    /// <summary>
    /// The longest lifetime believed: ten years. A service that answers <c>expires_in: 9223372036854775807</c> means
    /// "does not expire soon", and capping keeps every sum below <see cref="DateTimeOffset.MaxValue"/>.
    /// </summary>
    internal static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3650);

    /// <summary>
    /// When the token of <paramref name="values"/> expires, counted from <paramref name="issuedAt"/>; <see langword="null"/>
    /// when the response gave no expiry.
    /// </summary>
    /// <remarks>
    /// A response that gives both a lifetime in seconds and a point in time expires at the earlier of the two: a token
    /// served after either says it expired is refused by the service, while one replaced a little early costs one
    /// request. With neither, and when <paramref name="readJwtExpiry"/> says so, the access token's own <c>exp</c> claim
    /// is the point in time. A negative lifetime or a point in the past means already expired; a lifetime longer than
    /// <see cref="MaxLifetime"/> is cut to it, and the cut is reported when it decides the expiry.
    /// </remarks>
    /// <param name="values">The answer's token values.</param>
    /// <param name="issuedAt">When the request was sent.</param>
    /// <param name="readJwtExpiry">Whether a JWT's <c>exp</c> claim counts when the answer states nothing.</param>
    /// <param name="log">Where a clamped lifetime is reported besides the event source, or <see langword="null"/>.</param>
    /// <param name="sessionName">The session's name, for <paramref name="log"/>.</param>
    internal static DateTimeOffset? ExpiresAt(TokenResponseValues values, DateTimeOffset issuedAt, bool readJwtExpiry, TokenGenLog? log = null, string? sessionName = null)
    {
        DateTimeOffset? pointInTime = values.ExpiresAt;
        if (values.ExpiresInSeconds is null && pointInTime is null && readJwtExpiry
            && values.AccessToken is { } accessToken && JwtExpiry.TryRead(accessToken, out DateTimeOffset claimed))
        {
            pointInTime = claimed;
        }

        Lifetime? fromSeconds = values.ExpiresInSeconds is long seconds ? FromSeconds(seconds) : null;
        Lifetime? fromPointInTime = pointInTime is DateTimeOffset expiresAt ? FromPointInTime(expiresAt, issuedAt) : null;
        Lifetime lifetime;
        if (fromSeconds is { } relative && fromPointInTime is { } absolute)
        {
            lifetime = absolute.Used < relative.Used ? absolute : relative;
        }
        else if ((fromSeconds ?? fromPointInTime) is { } only)
        {
            lifetime = only;
        }
        else
        {
            return null;
        }

        if (lifetime.Clamped)
        {
            TokenGenEventSource.Log.TokenLifetimeClamped(lifetime.StatedSeconds, (long)lifetime.Used.TotalSeconds);
            log?.TokenLifetimeClamped(sessionName, lifetime.StatedSeconds, (long)lifetime.Used.TotalSeconds);
        }

        // Only a fake clock near the end of the calendar gets here, but a session must not throw because of it.
        return issuedAt + Min(lifetime.Used, DateTimeOffset.MaxValue - issuedAt);
    }

    /// <summary>
    /// From when a session replaces a token: <paramref name="expiresAt"/> minus the skew, where the skew is the larger of
    /// <paramref name="minimumSkew"/> and <paramref name="skewRatio"/> of the lifetime, but at most half the lifetime —
    /// so a 30-second token with a 60-second skew is used for 15 seconds rather than replaced on every call.
    /// </summary>
    internal static DateTimeOffset RefreshAt(DateTimeOffset issuedAt, DateTimeOffset expiresAt, TimeSpan minimumSkew, double skewRatio)
    {
        TimeSpan lifetime = expiresAt - issuedAt;
        TimeSpan skew = Max(minimumSkew, lifetime * skewRatio);

        // Integer halving rounds down, so the token is never replaced before half its lifetime, not even by a tick.
        skew = Min(skew, new TimeSpan(lifetime.Ticks / 2));
        return expiresAt - skew;
    }

    private static Lifetime FromSeconds(long seconds)
    {
        TimeSpan used = seconds <= 0 ? TimeSpan.Zero
            : seconds >= (long)MaxLifetime.TotalSeconds ? MaxLifetime
            : TimeSpan.FromSeconds(seconds);

        // Zero means "expires now" and MaxLifetime itself is believed; anything else outside them was not.
        return new Lifetime(used, seconds, Clamped: seconds < 0 || seconds > (long)MaxLifetime.TotalSeconds);
    }

    private static Lifetime FromPointInTime(DateTimeOffset expiresAt, DateTimeOffset issuedAt)
    {
        // Both ends lie within the calendar, so the difference cannot overflow a TimeSpan. A point in the past is an
        // expired token, not an absurd one; a point beyond MaxLifetime is cut.
        TimeSpan stated = expiresAt - issuedAt;
        TimeSpan used = expiresAt <= issuedAt ? TimeSpan.Zero : Min(stated, MaxLifetime);
        return new Lifetime(used, (long)stated.TotalSeconds, Clamped: stated > MaxLifetime);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>A lifetime as the session uses it, what the response stated (for the report), and whether it was cut.</summary>
    private readonly record struct Lifetime(TimeSpan Used, long StatedSeconds, bool Clamped);
}
