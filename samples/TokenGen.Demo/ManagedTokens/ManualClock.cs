using System;
using System.Threading;

namespace TokenGen.Demo.ManagedTokens;

/// <summary>
/// A clock that stands still until the demo moves it. The emulator and the token sessions both read it, so an hour
/// of token lifetimes passes in a moment, and both sides agree on what time it is. Only <see cref="GetUtcNow"/> is
/// replaced: the sessions here use no timers (no proactive refresh), and timestamps for elapsed time stay real.
/// </summary>
/// <remarks>Plain overrides, no reflection: as safe for native AOT as the rest of the demo.</remarks>
internal sealed class ManualClock : TimeProvider
{
    private long _utcTicks;

    /// <summary>Starts the clock at <paramref name="start"/>.</summary>
    /// <param name="start">The first time it shows.</param>
    public ManualClock(DateTimeOffset start) => _utcTicks = start.UtcTicks;

    /// <summary>The time the demo has moved the clock to.</summary>
    /// <returns>The current time, in UTC.</returns>
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock forward.</summary>
    /// <param name="by">How far; not negative, since nothing that reads a clock expects it to run backwards.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is negative.</exception>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _utcTicks, by.Ticks);
    }

    /// <summary>The current time of the system clock, cut to the whole minute, so the demo's times read cleanly.</summary>
    /// <returns>A starting point for the clock.</returns>
    public static DateTimeOffset WholeMinuteNow()
    {
        var now = System.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }
}
