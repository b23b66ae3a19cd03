using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Resilience;

/// <summary>
/// A clock that moves only when a test moves it, and that remembers every timer asked of it: the waits (from
/// <c>Task.Delay</c>) apart from the timeouts (from <c>new CancellationTokenSource(timeout, clock)</c>, whose timer state is
/// the source). Timers fire synchronously inside <see cref="Advance"/>, in due order.
/// </summary>
/// <remarks>
/// <see cref="RunAsync{T}"/> drives a call to its end: whenever something is blocked on the clock — a wait was armed, or a
/// fake server called <see cref="NotifyBlocked"/> — it moves the clock to the next timer. So a test states what happens
/// in order and never sleeps; the clock tells how much time the call took.
/// </remarks>
internal sealed class ManualClock : TimeProvider
{
    /// <summary>A whole second, so an HTTP date (which has no fractions) can name an exact instant of this clock.</summary>
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>How long <see cref="RunAsync{T}"/> waits in real time for the next step before it calls the test hung.</summary>
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(30);

    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<TimeSpan> _delays = [];
    private readonly List<TimeSpan> _timeouts = [];
    private readonly SemaphoreSlim _blocked = new(0);
    private DateTimeOffset _now;

    public ManualClock()
        : this(Start)
    {
    }

    public ManualClock(DateTimeOffset now) => _now = now;

    /// <summary>The waits asked of this clock (<c>Task.Delay</c>), in order.</summary>
    public IReadOnlyList<TimeSpan> RequestedDelays
    {
        get
        {
            lock (_gate)
            {
                return _delays.ToArray();
            }
        }
    }

    /// <summary>The timeouts armed on this clock (cancellation sources), in order.</summary>
    public IReadOnlyList<TimeSpan> RequestedTimeouts
    {
        get
        {
            lock (_gate)
            {
                return _timeouts.ToArray();
            }
        }
    }

    /// <summary>Timers created and not yet disposed or fired.</summary>
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

    /// <summary>How far the clock has moved since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Says that something (a fake server) is now blocked until the clock moves.</summary>
    public void NotifyBlocked() => _blocked.Release();

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, each at its due time.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        AdvanceTo(target);
    }

    /// <summary>Moves the clock to the earliest armed timer and fires it (and any due at the same instant).</summary>
    /// <exception cref="InvalidOperationException">No timer is armed: whatever is blocked would wait forever.</exception>
    public void AdvanceToNextTimer()
    {
        DateTimeOffset? next = null;
        lock (_gate)
        {
            foreach (ManualTimer timer in _timers)
            {
                if (timer.Due is DateTimeOffset due && (next is null || due < next))
                {
                    next = due;
                }
            }
        }

        AdvanceTo(next ?? throw new InvalidOperationException("Something is blocked on the clock, but no timer is armed."));
    }

    /// <summary>
    /// Runs <paramref name="work"/> to its end, moving the clock to the next timer each time something is blocked on it.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> work)
    {
        while (!work.IsCompleted)
        {
            using var stop = new CancellationTokenSource();
            Task blocked = _blocked.WaitAsync(stop.Token);
            Task first = await Task.WhenAny(work, blocked).WaitAsync(s_hangGuard);
            if (first == work)
            {
                // A cancelled wait does not take a count, so a later notification is not lost.
                stop.Cancel();
                break;
            }

            AdvanceToNextTimer();
        }

        return await work;
    }

    /// <summary>Completes once something has armed a wait on this clock (without moving it).</summary>
    public async Task WaitUntilDelayRequestedAsync()
    {
        while (RequestedDelays.Count == 0)
        {
            await _blocked.WaitAsync();
        }
    }

    /// <summary>As <see cref="RunAsync{T}"/>, for a call that is expected to throw; returns what it threw.</summary>
    public async Task<TException> RunToThrowAsync<TException>(Task work)
        where TException : Exception
    {
        Task<bool> wrapped = Wrap(work);
        return await Assert.ThrowsAsync<TException>(() => RunAsync(wrapped));

        static async Task<bool> Wrap(Task task)
        {
            await task;
            return true;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        bool isWait = state is not CancellationTokenSource;
        lock (_gate)
        {
            _timers.Add(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                (isWait ? _delays : _timeouts).Add(dueTime);
            }
        }

        timer.Change(dueTime, period);
        if (isWait && dueTime != Timeout.InfiniteTimeSpan)
        {
            // The caller is about to await this wait: it is blocked until the clock reaches it.
            _blocked.Release();
        }

        return timer;
    }

    private void AdvanceTo(DateTimeOffset target)
    {
        while (true)
        {
            ManualTimer? due = null;
            lock (_gate)
            {
                foreach (ManualTimer timer in _timers)
                {
                    if (timer.Due is DateTimeOffset at && at <= target && (due is null || at < due.Due))
                    {
                        due = timer;
                    }
                }

                if (due is null)
                {
                    if (target > _now)
                    {
                        _now = target;
                    }

                    return;
                }

                if (due.Due!.Value > _now)
                {
                    _now = due.Due.Value;
                }

                due.Due = due.Period is TimeSpan period ? _now + period : null;
                if (due.Due is null)
                {
                    _timers.Remove(due);
                }
            }

            // Outside the lock, like a real timer: the callback may read the clock or arm other timers.
            due.Fire();
        }
    }

    private sealed class ManualTimer(ManualClock owner, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        // Guarded by the owner's lock.
        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                if (_disposed)
                {
                    return false;
                }

                Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
                if (Due is not null && !owner._timers.Contains(this))
                {
                    owner._timers.Add(this);
                }

                return true;
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                _disposed = true;
                Due = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
