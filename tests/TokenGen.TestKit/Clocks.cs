using System;
using Microsoft.Extensions.Time.Testing;

namespace TokenGen.TestKit;

/// <summary>Where the tests' clocks start, and <see cref="FakeTimeProvider"/>s set there.</summary>
public static class Clocks
{
    /// <summary>Where a test clock starts unless told: a whole second, so an HTTP date can name an exact instant of it.</summary>
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A <see cref="FakeTimeProvider"/> at <see cref="Start"/>: it stands still until moved; moving it fires the due timers.</summary>
    public static FakeTimeProvider Fake() => new(Start);
}
