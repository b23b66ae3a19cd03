using System;

namespace TokenGen.Emulator.Tool;

/// <summary>
/// The standalone emulator's clock: it reads <paramref name="start"/> when the emulator starts and from then on
/// moves <paramref name="rate"/> times as fast as <paramref name="real"/>. With neither option it is the real clock.
/// </summary>
/// <remarks>
/// Only <see cref="GetUtcNow"/> is shifted, which is all the emulator reads (token lifetimes); timers and timestamps
/// stay real, so the <c>delay</c> fault keeps waiting in real time.
/// </remarks>
internal sealed class EmulatorClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset _realOrigin;
    private readonly DateTimeOffset _start;
    private readonly double _rate;

    public EmulatorClock(TimeProvider real, DateTimeOffset? start, double rate)
    {
        ArgumentNullException.ThrowIfNull(real);
        if (!(rate > 0) || double.IsInfinity(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The clock rate must be a positive number.");
        }

        _real = real;
        _realOrigin = real.GetUtcNow();
        _start = start ?? _realOrigin;
        _rate = rate;
    }

    public override DateTimeOffset GetUtcNow()
    {
        var elapsed = _real.GetUtcNow() - _realOrigin;
        return _start + (_rate == 1 ? elapsed : TimeSpan.FromTicks((long)(elapsed.Ticks * _rate)));
    }
}
