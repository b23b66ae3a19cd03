using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.Tests.Reliability;

/// <summary>
/// The resilience handler's clock in the fault matrix: time moves only when someone waits on it or a test moves it, so
/// backoff and <c>Retry-After</c> waits cost no real time and a timeout fires exactly when the test says it has run out.
/// </summary>
/// <remarks>
/// <para>
/// A <b>wait</b> (a timer from <c>Task.Delay(delay, clock)</c>) passes at once: the clock jumps to its end, and it is
/// recorded in <see cref="Waits"/>, so a test can state what the handler waited for — the server's <c>Retry-After</c>,
/// or a backoff ceiling.
/// </para>
/// <para>
/// A <b>timeout</b> (a timer from <c>new CancellationTokenSource(timeout, clock)</c>, whose timer state is the source
/// itself) fires only when the clock passes its due time: through <see cref="Advance"/>, or through a wait that jumps
/// past it.
/// </para>
/// <para>Due timers fire on the thread pool, never inside the call that moved the clock.</para>
/// </remarks>
internal sealed class VirtualClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<VirtualTimer> _timers = [];
    private readonly List<TimeSpan> _waits = [];
    private DateTimeOffset _now = FakeClock.Start;

    /// <summary>Every wait asked of this clock, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_lock)
            {
                return _waits.ToArray();
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        if (state is not CancellationTokenSource && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_lock)
            {
                _waits.Add(dueTime);
            }

            Advance(dueTime);
        }

        return timer;
    }

    /// <summary>Moves the clock on and fires every timer that has come due.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        List<VirtualTimer> due = [];
        lock (_lock)
        {
            _now += by;
            foreach (var timer in _timers)
            {
                if (timer.TakeIfDue(_now))
                {
                    due.Add(timer);
                }
            }
        }

        foreach (var timer in due)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static timer => timer.Fire(), timer, preferLocal: false);
        }
    }

    private void Arm(VirtualTimer timer, DateTimeOffset? dueAt, TimeSpan period)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            if (dueAt is { } at)
            {
                timer.Set(at, period);
                _timers.Add(timer);
            }
        }
    }

    private sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private DateTimeOffset _dueAt;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (Volatile.Read(ref _disposed))
            {
                return false;
            }

            clock.Arm(this, dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime, period);
            return true;
        }

        public void Dispose()
        {
            Volatile.Write(ref _disposed, true);
            clock.Arm(this, dueAt: null, Timeout.InfiniteTimeSpan);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }

        // Under the clock's lock.
        internal void Set(DateTimeOffset dueAt, TimeSpan period)
        {
            _dueAt = dueAt;
            _period = period;
        }

        // Under the clock's lock: whether the timer is due at now; a periodic one is re-armed for its next time.
        internal bool TakeIfDue(DateTimeOffset now)
        {
            if (_dueAt > now)
            {
                return false;
            }

            if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
            {
                _dueAt += _period;
            }
            else
            {
                _dueAt = DateTimeOffset.MaxValue;
            }

            return true;
        }

        internal void Fire()
        {
            if (!Volatile.Read(ref _disposed))
            {
                callback(state);
            }
        }
    }
}
