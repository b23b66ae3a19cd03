using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace TokenGen.TestKit;

/// <summary>
/// A clock that moves only when a test (or, in <see cref="WaitsPassAtOnce"/> mode, a wait) moves it, and that keeps a
/// ledger of every timer asked of it. Reach for <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> first;
/// use this clock where a test needs what that one does not give.
/// </summary>
/// <remarks>
/// <para>Why <c>FakeTimeProvider</c> does not fit these tests:</para>
/// <list type="bullet">
/// <item><description>
/// Its <c>Advance</c> sets the target time first and then fires the due timers, so a timer's callback reads the target,
/// not its own due time. Here each timer fires <b>at its due time</b>, in due order: a refresh that falls due halfway
/// through a long <see cref="Advance"/> stamps the instant it was due, and a test can assert exact instants.
/// </description></item>
/// <item><description>
/// It keeps its timers private. Here the ledger is public: the waits (<c>Task.Delay</c>) apart from the timeouts
/// (<c>new CancellationTokenSource(timeout, clock)</c>, whose timer state is the source), the timers still armed, how
/// many were created, when the next is due, and a stream of them as they are created (<see cref="NextTimerAsync"/>).
/// </description></item>
/// <item><description>
/// It cannot drive a call: <see cref="RunAsync{T}"/> moves the clock to the next timer whenever something is blocked
/// on it (a wait was armed, or a fake server called <see cref="NotifyBlocked"/>), so a test states what happens in
/// order and never sleeps.
/// </description></item>
/// <item><description>
/// Its waits never pass by themselves. With <see cref="WaitsPassAtOnce"/>, a wait moves the clock to its end as it is
/// armed (backoff and <c>Retry-After</c> cost no real time, and a timeout the jump passes fires), and due timers fire
/// on the thread pool, never inside the call that moved the clock — for many concurrent calls where no test could
/// say when to advance.
/// </description></item>
/// </list>
/// <para>Otherwise, timers fire synchronously inside <see cref="Advance"/>, outside the clock's lock.</para>
/// </remarks>
public sealed class VirtualClock : TimeProvider
{
    /// <summary>How long <see cref="RunAsync{T}"/> waits in real time for the next step before it calls the test hung.</summary>
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<VirtualTimer> _timers = [];
    private readonly List<TimeSpan> _delays = [];
    private readonly List<TimeSpan> _timeouts = [];
    private readonly SemaphoreSlim _blocked = new(0);
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();
    private DateTimeOffset _now;
    private int _createdTimers;

    /// <summary>A clock at <see cref="Clocks.Start"/>.</summary>
    public VirtualClock()
        : this(Clocks.Start)
    {
    }

    /// <summary>A clock at <paramref name="start"/>.</summary>
    public VirtualClock(DateTimeOffset start)
    {
        Start = start;
        _now = start;
    }

    /// <summary>Where this clock started.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>
    /// Whether a wait (a timer that is not a cancellation source's timeout) moves the clock to its end as it is armed;
    /// in this mode due timers fire on the thread pool.
    /// </summary>
    public bool WaitsPassAtOnce { get; init; }

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

    /// <summary>Timers created and not yet disposed, nor fired without a period (a timer disarmed by <c>Change</c> still counts).</summary>
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
    public int CreatedTimers => Volatile.Read(ref _createdTimers);

    /// <summary>When the next timer is due, if one is armed.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return EarliestDue();
            }
        }
    }

    /// <summary>How far the clock has moved since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Says that something (a fake server, a stalled body) is now blocked until the clock moves.</summary>
    public void NotifyBlocked() => _blocked.Release();

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, each at its due time.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is negative: the clock does not go back.</exception>
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

    /// <summary>Moves the clock to <paramref name="instant"/>, firing due timers on the way.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is before now.</exception>
    public void SetUtcNow(DateTimeOffset instant) => Advance(instant - GetUtcNow());

    /// <summary>Moves the clock to the earliest armed timer and fires it (and any due at the same instant).</summary>
    /// <exception cref="InvalidOperationException">No timer is armed: whatever is blocked would wait forever.</exception>
    public void AdvanceToNextTimer()
    {
        DateTimeOffset? next;
        lock (_gate)
        {
            next = EarliestDue();
        }

        AdvanceTo(next ?? throw new InvalidOperationException("Something is blocked on the clock, but no timer is armed."));
    }

    /// <summary>
    /// Runs <paramref name="work"/> to its end, moving the clock to the next timer each time something is blocked on it.
    /// </summary>
    /// <exception cref="TimeoutException">Nothing happened for 30 seconds of real time: the test is hung.</exception>
    public async Task<T> RunAsync<T>(Task<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        while (!work.IsCompleted)
        {
            using var stop = new CancellationTokenSource();
            Task blocked = _blocked.WaitAsync(stop.Token);
            Task first = await Task.WhenAny(work, blocked).WaitAsync(s_hangGuard).ConfigureAwait(false);
            if (first == work)
            {
                // A cancelled wait does not take a count, so a later notification is not lost.
                await stop.CancelAsync().ConfigureAwait(false);
                break;
            }

            AdvanceToNextTimer();
        }

        return await work.ConfigureAwait(false);
    }

    /// <summary>As <see cref="RunAsync{T}"/>, for a call that is expected to throw exactly <typeparamref name="TException"/>.</summary>
    /// <returns>What the call threw.</returns>
    /// <exception cref="InvalidOperationException">The call completed, or threw something else (the inner exception).</exception>
    public async Task<TException> RunToThrowAsync<TException>(Task work)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await RunAsync(Wrap(work)).ConfigureAwait(false);
        }
        catch (Exception thrown) when (thrown.GetType() == typeof(TException))
        {
            return (TException)thrown;
        }
        catch (Exception other)
        {
            throw new InvalidOperationException($"Expected {typeof(TException).Name}, but the call threw {other.GetType().Name}.", other);
        }

        throw new InvalidOperationException($"Expected {typeof(TException).Name}, but the call completed.");

        static async Task<bool> Wrap(Task task)
        {
            await task.ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>Completes once something has armed a wait on this clock (without moving it).</summary>
    public async Task WaitUntilDelayRequestedAsync()
    {
        while (RequestedDelays.Count == 0)
        {
            await _blocked.WaitAsync(s_hangGuard).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the code under test creates a timer (any kind), and returns its due time.</summary>
    /// <remarks>Timers are reported in the order they were created, each once; a test moves the clock exactly as far as the code waits.</remarks>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var guard = new CancellationTokenSource(s_hangGuard);
        return await _created.Reader.ReadAsync(guard.Token).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        bool isWait = state is not CancellationTokenSource;
        bool armed = dueTime != Timeout.InfiniteTimeSpan;
        Interlocked.Increment(ref _createdTimers);
        lock (_gate)
        {
            if (armed)
            {
                (isWait ? _delays : _timeouts).Add(dueTime);
            }
        }

        timer.Change(dueTime, period);
        _created.Writer.TryWrite(dueTime);
        if (isWait && armed)
        {
            if (WaitsPassAtOnce)
            {
                Advance(dueTime);
            }
            else
            {
                // The caller is about to await this wait: it is blocked until the clock reaches it.
                _blocked.Release();
            }
        }

        return timer;
    }

    // Under the lock.
    private DateTimeOffset? EarliestDue()
    {
        DateTimeOffset? next = null;
        foreach (VirtualTimer timer in _timers)
        {
            if (timer.Due is DateTimeOffset due && (next is null || due < next))
            {
                next = due;
            }
        }

        return next;
    }

    private void AdvanceTo(DateTimeOffset target)
    {
        while (true)
        {
            VirtualTimer? due = null;
            lock (_gate)
            {
                foreach (VirtualTimer timer in _timers)
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

            if (WaitsPassAtOnce)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static timer => timer.Fire(), due, preferLocal: false);
            }
            else
            {
                // Outside the lock, like a real timer: the callback may read the clock or arm other timers.
                due.Fire();
            }
        }
    }

    private sealed class VirtualTimer(VirtualClock owner, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        // Guarded by the owner's lock.
        public DateTimeOffset? Due { get; set; }

        // Guarded by the owner's lock.
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

        public void Fire()
        {
            if (!Volatile.Read(ref _disposed))
            {
                callback(state);
            }
        }

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
