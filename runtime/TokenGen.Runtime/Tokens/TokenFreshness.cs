using System;

namespace TokenGen;

/// <summary>
/// How a session on the system clock decides whether its token is still fresh: against <see cref="Environment.TickCount64"/>,
/// not the precise clock.
/// </summary>
/// <remarks>
/// <para>
/// Every request that carries a managed token asks the session for it, so the cached path is worth nanoseconds. Reading
/// the precise time (<see cref="TimeProvider.GetUtcNow"/>, a <c>clock_gettime</c> call on Linux) costs about 25 ns, more
/// than the rest of the path together; the tick count costs a few. Its resolution, milliseconds, is far finer than the
/// refresh skew, which is a minute or more.
/// </para>
/// <para>
/// When a token arrives, the time left until its refresh time is measured on the precise clock once and laid onto the tick
/// count. A monotonic count also keeps a step of the wall clock (a correction by the time service) from moving the refresh:
/// lifetimes are stated in seconds from now, and so they are counted. A session on any other <see cref="TimeProvider"/>
/// (a test's fake clock) reads that provider every time, as before.
/// </para>
/// </remarks>
internal static class TokenFreshness
{
    /// <summary>Whether a token whose deadline is <paramref name="freshUntilTickCount"/> is fresh now.</summary>
    public static bool IsFresh(long freshUntilTickCount) => Environment.TickCount64 < freshUntilTickCount;

    /// <summary>
    /// The tick count at which a token that is to be refreshed at <paramref name="refreshAt"/> stops being fresh, given the
    /// tick count and the time now; <see cref="long.MaxValue"/> for a token that does not expire. Rounded down, so the
    /// token is never taken for fresh later than its refresh time.
    /// </summary>
    public static long TickDeadline(long nowTickCount, DateTimeOffset now, DateTimeOffset? refreshAt)
    {
        if (refreshAt is not DateTimeOffset due)
        {
            return long.MaxValue;
        }

        double millisecondsLeft = Math.Floor((due - now).TotalMilliseconds);
        if (millisecondsLeft <= 0)
        {
            return nowTickCount;
        }

        // A refresh time centuries away (a clamped lifetime) must not overflow into the past.
        return millisecondsLeft >= long.MaxValue - nowTickCount ? long.MaxValue : nowTickCount + (long)millisecondsLeft;
    }
}
