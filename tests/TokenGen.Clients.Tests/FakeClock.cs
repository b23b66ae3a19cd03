using System;
using System.Threading;

namespace TokenGen.Clients.Tests;

/// <summary>
/// The emulator's clock in these tests: it stands still at <see cref="Start"/> until a test moves it, so every
/// lifetime and expiry the emulator reports is an exact, known instant.
/// </summary>
internal sealed class FakeClock : TimeProvider
{
    /// <summary>Where every clock starts: a fixed UTC instant on whole seconds (the APIs report whole seconds).</summary>
    public static readonly DateTimeOffset Start = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly Lock _lock = new();
    private DateTimeOffset _now = Start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_lock)
        {
            _now += by;
        }
    }
}
