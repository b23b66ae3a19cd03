using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace TokenGen.OAuth2.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when code under test starts waiting and for how long, so a test moves
/// the clock exactly when and as far as the code waits: no sleeps, no guessing.
/// </summary>
internal sealed class ObservableTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public ObservableTimeProvider()
        : base(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until the code under test creates a timer, and returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _timers.Reader.ReadAsync(timeout.Token);
    }
}
