using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Clients.DirectLine;
using TokenGen.Clients.Prowler;
using TokenGen.Clients.Tests.Sessions;
using Xunit.Abstractions;

namespace TokenGen.Clients.Tests.Reliability;

/// <summary>The soak runs alone: it owns the thread pool for its seconds, and it watches for unobserved task exceptions.</summary>
[CollectionDefinition(nameof(SoakCollection), DisableParallelization = true)]
public sealed class SoakCollection;

/// <summary>
/// 64 tasks × 1,000 token requests on a Direct Line session and a Prowler session, each over a token client with the
/// resilience handler, while a seeded few percent of the attempts that reach the token endpoints are dropped, answered
/// 503 or truncated, and the emulator's clock jumps ahead so that the sessions refresh again and again.
/// </summary>
/// <remarks>
/// The seed fixes which attempts are faulted, in the order each session sends them; how the 64 tasks interleave with the
/// clock's jumps is up to the thread pool, so the counts vary a little from run to run and the assertions hold for any
/// interleaving.
/// </remarks>
[Collection(nameof(SoakCollection))]
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int Seed = 60464;
    private const int Tasks = 64;
    private const int RequestsPerTask = 1000;
    private const int Requests = Tasks * RequestsPerTask;

    /// <summary>The share of attempts faulted: a few percent.</summary>
    private const double FaultRate = 0.04;

    /// <summary>Every this many answers, the clock jumps.</summary>
    private const int AnswersPerJump = 64;

    /// <summary>
    /// The longest jump: 45 min. Jumps of 1 to 45 whole minutes, drawn from the seed, land before a token's refresh time
    /// (27 min: 30 min minus the larger of 60 s and 10 %), inside its refresh window, or past its expiry (30 min), so the
    /// sessions serve from cache, refresh, and — Direct Line, whose refresh needs a live token — acquire again.
    /// </summary>
    private const int MaxJumpMinutes = 45;

    /// <summary>The longest the soak may take in real time; only a hang comes near it.</summary>
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Soak_seed_60464_64_tasks_x_1000_token_requests_under_random_drops_503s_and_truncations_answer_every_caller_with_one_flight_per_session()
    {
        await using var on = await TestEmulator.StartAsync();
        var directLine = SoakSession.Create(on, SessionTarget.DirectLine, Seed);
        var prowler = SoakSession.Create(on, SessionTarget.Prowler, Seed + 1);
        SoakSession[] sessions = [directLine, prowler];

        // Exceptions left unobserved by earlier tests surface now, not inside the soak's window.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var unobserved = new ConcurrentQueue<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> onUnobserved = (_, args) => unobserved.Enqueue(args.Exception);
        TaskScheduler.UnobservedTaskException += onUnobserved;

        var tokens = 0;
        var emptyTokens = 0;
        var answered = 0;
        var jumps = new ClockJumps(Seed);
        var documented = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var undocumented = new ConcurrentQueue<Exception>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var elapsed = Stopwatch.StartNew();
        try
        {
            var callers = Enumerable.Range(0, Tasks).Select(caller => Task.Run(async () =>
            {
                await start.Task;
                for (var request = 0; request < RequestsPerTask; request++)
                {
                    var session = sessions[(caller + request) % sessions.Length].Session;
                    try
                    {
                        var accessToken = await session.GetAccessTokenAsync();
                        Interlocked.Increment(ref string.IsNullOrEmpty(accessToken) ? ref emptyTokens : ref tokens);
                    }
                    catch (Exception exception) when (IsDocumented(exception))
                    {
                        documented.AddOrUpdate(Describe(exception), 1, (_, count) => count + 1);
                    }
                    catch (Exception exception)
                    {
                        undocumented.Enqueue(exception);
                    }

                    if (Interlocked.Increment(ref answered) % AnswersPerJump == 0)
                    {
                        on.Clock.Advance(jumps.Next());
                    }
                }
            })).ToArray();

            start.SetResult();
            await Task.WhenAll(callers).WaitAsync(s_bound);
            elapsed.Stop();

            // The sessions still hand out tokens the service accepts.
            foreach (var soaked in sessions)
            {
                await soaked.Target.ProveAcceptedAsync(on, await soaked.Session.GetTokenAsync());
            }
        }
        finally
        {
            foreach (var soaked in sessions)
            {
                await soaked.Session.DisposeAsync();
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            TaskScheduler.UnobservedTaskException -= onUnobserved;
        }

        var failures = documented.Values.Sum();
        output.WriteLine($"seed {Seed}: {Requests} requests in {elapsed.Elapsed.TotalSeconds:0.00} s, {jumps}");
        output.WriteLine($"answered: {tokens} tokens, {failures} documented exceptions [{string.Join(", ", documented.Select(pair => $"{pair.Key} {pair.Value}"))}], {undocumented.Count} undocumented");
        foreach (var soaked in sessions)
        {
            output.WriteLine(soaked.Describe(on));
        }

        Assert.Empty(undocumented);
        Assert.Equal(0, emptyTokens);
        Assert.Empty(unobserved);
        Assert.Equal(Requests, tokens + failures);
        Assert.True(tokens >= Requests * 99 / 100, $"Only {tokens} of {Requests} callers got a token.");
        Assert.All(sessions, soaked =>
        {
            Assert.Equal(1, soaked.Recorder.MaxInFlight);
            Assert.True(on.Host.RequestCount(soaked.Target.RefreshRoute) > 10, $"{soaked.Name} refreshed too rarely to prove anything.");
            Assert.True(soaked.Wire.InjectedTotal > 0, $"No fault reached {soaked.Name}.");
        });
    }

    /// <summary>
    /// What a caller may get instead of a token: <see cref="HttpRequestException"/> (which <see cref="TokenApiException"/>
    /// and <see cref="TokenApiContentException"/> derive from) or the handler's timeout.
    /// </summary>
    private static bool IsDocumented(Exception exception) =>
        exception is HttpRequestException || exception is TaskCanceledException { InnerException: TimeoutException };

    private static string Describe(Exception exception) => exception switch
    {
        TokenApiException api => $"{nameof(TokenApiException)}({(int)api.StatusCode})",
        _ => exception.GetType().Name,
    };

    /// <summary>The seeded jumps of the emulator's clock, and how far it has gone.</summary>
    private sealed class ClockJumps(int seed)
    {
        private readonly Random _random = new(seed);
        private readonly Lock _lock = new();
        private int _count;
        private TimeSpan _total;

        public TimeSpan Next()
        {
            lock (_lock)
            {
                var jump = TimeSpan.FromMinutes(_random.Next(1, MaxJumpMinutes + 1));
                _count++;
                _total += jump;
                return jump;
            }
        }

        public override string ToString()
        {
            lock (_lock)
            {
                return $"{_count} clock jumps of 1 to {MaxJumpMinutes} min ({_total.TotalHours:0} h in all)";
            }
        }
    }

    /// <summary>One soaked session and the handlers that watch it.</summary>
    private sealed record SoakSession(string Name, SessionTarget Target, TokenSession Session, InFlightRecorder Recorder, RandomFaults Wire)
    {
        public static SoakSession Create(TestEmulator on, string api, int seed)
        {
            var target = SessionTarget.For(api);
            var wire = new RandomFaults(seed, FaultRate);
            var resilience = new TokenApiResilienceHandler(wire, new TokenApiResilienceOptions
            {
                // Real time, kept short: the retries of a few hundred faults must not add up to seconds.
                BaseDelay = TimeSpan.FromMilliseconds(2),
                JitterSource = new Random(seed).NextDouble,
                AttemptTimeout = TimeSpan.FromSeconds(10),
            });
            var recorder = new InFlightRecorder(resilience);
            var options = new TokenSessionOptions { TimeProvider = on.Clock, Name = api };
            var session = api switch
            {
                SessionTarget.DirectLine => SessionTarget.DirectLineClient(on, recorder).CreateTokenSession(on.Credentials.DirectLineSecret, options: options),
                SessionTarget.Prowler => SessionTarget.ProwlerClient(on, recorder).CreateTokenSession(on.Credentials.ProwlerEmail, on.Credentials.ProwlerPassword, options: options),
                _ => throw new ArgumentOutOfRangeException(nameof(api), api, "The soak runs Direct Line and Prowler."),
            };
            return new SoakSession(api, target, session, recorder, wire);
        }

        public string Describe(TestEmulator on) =>
            $"{Name}: {Recorder.Sent} token requests ({on.Host.RequestCount(Target.AcquireRoute)} acquire and "
            + $"{on.Host.RequestCount(Target.RefreshRoute)} refresh attempts at the emulator), {Wire.Attempts} attempts, "
            + $"faults injected: {Wire.Injected}; most in flight at once: {Recorder.MaxInFlight}";
    }
}
