using System;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.Tests.Sessions;

/// <summary>What a burst of callers got, and how many of them had their answer before the held request was let go.</summary>
internal sealed record BurstResult<T>(T[] Answers, int AnsweredBeforeRelease);

/// <summary>
/// A thousand callers on one session at once. They start together from a gate on the thread pool (so they race for the
/// session's lock on many threads), and the <see cref="RequestTap"/> holds every request until the last caller has made
/// its call: whatever request the session sends, all callers are waiting while it is in flight.
/// </summary>
internal static class Burst
{
    public const int Callers = 1000;

    /// <summary>The longest a burst may take; far more than it needs, so only a hang trips it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<BurstResult<T>> RunAsync<T>(RequestTap tap, Func<ValueTask<T>> call, int callers = Callers)
    {
        tap.Hold();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var called = 0;
        var answered = 0;
        var answeredBeforeRelease = -1;
        var calls = new Task<T>[callers];
        for (var i = 0; i < callers; i++)
        {
            calls[i] = Task.Run(async () =>
            {
                await start.Task;
                ValueTask<T> pending;
                try
                {
                    pending = call();
                }
                finally
                {
                    if (Interlocked.Increment(ref called) == callers)
                    {
                        Volatile.Write(ref answeredBeforeRelease, Volatile.Read(ref answered));
                        tap.Release();
                    }
                }

                var answer = await pending;
                Interlocked.Increment(ref answered);
                return answer;
            });
        }

        start.SetResult();
        try
        {
            var answers = await Task.WhenAll(calls).WaitAsync(Timeout);
            return new BurstResult<T>(answers, Volatile.Read(ref answeredBeforeRelease));
        }
        finally
        {
            tap.Release();
        }
    }
}
