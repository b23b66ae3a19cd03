using System;

namespace TokenGen.Benchmarks.Tokens;

/// <summary>A clock that moves only when told, so every measured burst starts with a token that is due for refresh.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
