using System;
using System.Threading;

namespace TokenGen.TestKit;

/// <summary>
/// A clock whose "now" a test moves ahead while its timers and delays run in real time: the system clock plus an offset.
/// </summary>
/// <remarks>
/// <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> does not fit where this clock is used: its timers
/// and delays run only when a test moves it, while these tests need them to run by themselves — a session's bounded
/// waits and store polls, a Redis lease that expires on the server's own clock — and
/// only "now" jumps, so tokens come due without waiting. It is also the one clock that works across processes: every
/// process of a fleet builds its own <see cref="ShiftedClock"/> from the system clock and the offset it is told.
/// </remarks>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far "now" has been moved.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves "now" ahead by <paramref name="by"/>; timers keep their real-time schedule.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is negative.</exception>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>Sets the offset outright (a child process told the fleet's offset).</summary>
    public void SetOffset(TimeSpan offset) => Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
}
