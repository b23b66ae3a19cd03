using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Tokens;

/// <summary>
/// A flight has no side effects on its callers: it never runs on their synchronization context, and a failure nobody is
/// waiting for any more is not reported as an unobserved task exception.
/// </summary>
public sealed class TokenSessionSideEffectTests
{
    private readonly FakeTimeProvider _clock = Clocks.Fake();
    private readonly FakeTokenApi _api = new();

    [Fact]
    public async Task AFailureAfterEveryCallerCancelledIsNotReportedAsUnobserved()
    {
        var failure = new InvalidOperationException("the flight failed after its callers left");
        var unobserved = new ConcurrentBag<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> listener = (_, e) =>
        {
            foreach (Exception inner in e.Exception.Flatten().InnerExceptions)
            {
                unobserved.Add(inner);
            }
        };

        TaskScheduler.UnobservedTaskException += listener;
        try
        {
            await using TokenSession session = _api.CreateSession(_clock);
            await FailAFlightThatEveryCallerLeftAsync(session, failure);

            // Finalizers report faulted tasks nobody observed; run them until the flight's task is surely collected.
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= listener;
        }

        Assert.DoesNotContain(failure, unobserved);
    }

    // Apart, and not inlined, so no local of the test method keeps the flight's task alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task FailAFlightThatEveryCallerLeftAsync(TokenSession session, Exception failure)
    {
        TaskCompletionSource<TokenResponseValues> gate = _api.GateAcquire();
        using (var leaving = new CancellationTokenSource())
        {
            Task<string>[] callers = [session.GetAccessTokenAsync(leaving.Token).AsTask(), session.GetAccessTokenAsync(leaving.Token).AsTask()];
            leaving.Cancel();
            foreach (Task<string> caller in callers)
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => caller);
            }
        }

        gate.SetException(failure);

        // Wait for the flight to end without joining it (a caller that joined would observe its failure).
        while (session.ToString().Contains("Fetching = true", StringComparison.Ordinal))
        {
            await Task.Yield();
        }

        _api.OnAcquire = (_, _) => Task.FromResult(FakeTokenApi.Values("after"));
        Assert.Equal(FakeTokenApi.Secret("after"), await session.GetAccessTokenAsync());
    }

    [Fact]
    public async Task DisposeOnASingleThreadedContextDoesNotDeadlockAnAcquireWrittenWithoutConfigureAwait()
    {
        // App code: awaits capture the current context, as code on a UI thread or a legacy ASP.NET request does.
        var acquireStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async ValueTask<TokenResponseValues> AcquireLikeAppCode(CancellationToken cancellationToken)
        {
            acquireStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return FakeTokenApi.Values("never");
        }

        Exception? outcome = null;
        Task? caller = null;
        bool finished = SingleThreadedContext.Run(
            () =>
            {
                var session = new TokenSession(AcquireLikeAppCode, refresh: null, new TokenSessionOptions { TimeProvider = _clock });
                caller = session.GetAccessTokenAsync().AsTask();
                acquireStarted.Task.Wait();

                // Blocks this, the context's only thread, until the cancelled acquire has ended.
                session.Dispose();
            },
            hangGuard: TimeSpan.FromSeconds(60),
            out outcome);

        Assert.True(finished, "Dispose() blocked the context's thread while the acquire waited to continue on it: a deadlock.");
        Assert.Null(outcome);
        // The caller learns of the disposal once its own continuation has run, on the pool: await it rather than read it.
        await Assert.ThrowsAsync<ObjectDisposedException>(() => caller!);
    }

    [Fact]
    public async Task OperationsRunWithoutTheCallersSynchronizationContext()
    {
        SynchronizationContext? seenByAcquire = new SynchronizationContext();
        _api.OnAcquire = (_, _) =>
        {
            seenByAcquire = SynchronizationContext.Current;
            return Task.FromResult(FakeTokenApi.Values("access"));
        };
        await using TokenSession session = _api.CreateSession(_clock);

        Task<string>? caller = null;
        bool finished = SingleThreadedContext.Run(() => caller = session.GetAccessTokenAsync().AsTask(), TimeSpan.FromSeconds(60), out Exception? outcome);

        Assert.True(finished);
        Assert.Null(outcome);
        Assert.Equal(FakeTokenApi.Secret("access"), await caller!);
        Assert.Null(seenByAcquire);
    }

    [Fact]
    public async Task OperationsRunOnTheDefaultSchedulerWhenTheCallerRunsOnAnotherOne()
    {
        TaskScheduler? seenByAcquire = null;
        _api.OnAcquire = (_, _) =>
        {
            seenByAcquire = TaskScheduler.Current;
            return Task.FromResult(FakeTokenApi.Values("access"));
        };
        await using TokenSession session = _api.CreateSession(_clock);
        var exclusive = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;

        Task<string> caller = await Task.Factory.StartNew(
            () => session.GetAccessTokenAsync().AsTask(), CancellationToken.None, TaskCreationOptions.None, exclusive);

        Assert.Equal(FakeTokenApi.Secret("access"), await caller);
        Assert.Same(TaskScheduler.Default, seenByAcquire);
    }

    /// <summary>A synchronization context with one thread and a queue, like a UI thread's.</summary>
    private sealed class SingleThreadedContext : SynchronizationContext
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException();

        /// <summary>
        /// Runs <paramref name="work"/> on a new thread under this context, then the callbacks posted to it until the
        /// queue is empty; false when the thread is still busy after <paramref name="hangGuard"/> (a deadlock).
        /// </summary>
        public static bool Run(Action work, TimeSpan hangGuard, out Exception? outcome)
        {
            var context = new SingleThreadedContext();
            Exception? failure = null;
            var thread = new Thread(() =>
            {
                SetSynchronizationContext(context);
                try
                {
                    work();
                    while (context._queue.TryTake(out var item))
                    {
                        item.Callback(item.State);
                    }
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            })
            { IsBackground = true };
            thread.Start();
            bool finished = thread.Join(hangGuard);
            outcome = failure;
            return finished;
        }
    }
}
