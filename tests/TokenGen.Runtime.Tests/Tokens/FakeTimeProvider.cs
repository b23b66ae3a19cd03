using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Tokens;

/// <summary>
/// A clock that only moves when a test says so. Timers fire synchronously inside <see cref="Advance"/>, in due order,
/// so a test knows exactly what has run when <see cref="Advance"/> returns.
/// </summary>
internal sealed class FakeTimeProvider : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;

    public FakeTimeProvider()
        : this(Start)
    {
    }

    public FakeTimeProvider(DateTimeOffset now) => _now = now;

    /// <summary>Timers created and not yet disposed.</summary>
    public int ActiveTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>How many timers were ever created.</summary>
    public int CreatedTimers { get; private set; }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>When the next timer is due, if one is armed.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                DateTimeOffset? next = null;
                foreach (FakeTimer timer in _timers)
                {
                    if (timer.Due is DateTimeOffset due && (next is null || due < next))
                    {
                        next = due;
                    }
                }

                return next;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock to <paramref name="instant"/>, firing due timers on the way.</summary>
    public void SetUtcNow(DateTimeOffset instant) => Advance(instant - GetUtcNow());

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, each at its due time.</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), "The fake clock does not go backwards.");
        }

        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (true)
        {
            FakeTimer? due = null;
            lock (_gate)
            {
                foreach (FakeTimer timer in _timers)
                {
                    if (timer.Due is DateTimeOffset at && at <= target && (due is null || at < due.Due))
                    {
                        due = timer;
                    }
                }

                if (due is null)
                {
                    _now = target;
                    return;
                }

                _now = due.Due!.Value;
                due.Due = due.Period is TimeSpan period ? _now + period : null;
            }

            // Outside the lock, like a real timer: the callback may read the clock or re-arm the timer.
            due.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        lock (_gate)
        {
            CreatedTimers++;
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class FakeTimer : ITimer
    {
        private readonly FakeTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private bool _disposed;

        public FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        // Guarded by the owner's lock.
        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_owner._gate)
            {
                if (_disposed)
                {
                    return false;
                }

                Due = dueTime == Timeout.InfiniteTimeSpan ? null : _owner._now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
                return true;
            }
        }

        public void Fire() => _callback(_state);

        public void Dispose()
        {
            lock (_owner._gate)
            {
                _disposed = true;
                Due = null;
                _owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
