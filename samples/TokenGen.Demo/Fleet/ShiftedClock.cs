using System;
using System.Threading;

namespace TokenGen.Demo.Fleet;

/// <summary>
/// A worker's clock: the system clock plus an offset the demo sets to the emulator's time before each round. Timers (the
/// session's polling while another instance holds the lease) run in real time; "now" agrees with the emulator, whose
/// clock the demo moves by whole expiry windows.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>The system time plus the offset.</summary>
    /// <returns>The time the emulator shows, give or take the milliseconds since it was set.</returns>
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Makes <see cref="GetUtcNow"/> show <paramref name="now"/> now.</summary>
    /// <param name="now">The emulator's time.</param>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - System.GetUtcNow()).Ticks);
}
