using System;

namespace TokenGen.Extensions.Http.Tests;

/// <summary>A clock of its own, so a test can tell whether the registered <see cref="TimeProvider"/> reached a session.</summary>
internal sealed class TestClock : TimeProvider
{
}
