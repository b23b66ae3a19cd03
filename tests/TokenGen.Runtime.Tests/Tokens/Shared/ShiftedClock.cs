using System;
using System.Threading;

namespace TokenGen.Runtime.Tests.Tokens.Shared;

/// <summary>
/// The system clock moved forward by what a test says: timers and delays run in real time (so a session's bounded waits
/// and polls work), while "now" jumps ahead to make tokens come due without waiting for them.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
