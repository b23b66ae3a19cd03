namespace TokenGen.Fleet.App;

/// <summary>The system clock plus an offset the test sets: timers run in real time, "now" jumps so tokens come due.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void SetOffset(TimeSpan offset) => Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
}
