namespace TokenGen.Fleet.Tests;

/// <summary>
/// The system clock plus an offset: timers and delays run in real time (the sessions' bounded waits, Redis' lease expiry),
/// while "now" jumps ahead so tokens come due without waiting. The emulator and every instance read the same offset.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
