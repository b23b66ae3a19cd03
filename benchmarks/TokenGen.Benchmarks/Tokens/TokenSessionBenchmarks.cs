using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using TokenGen.Clients.DirectLine;

namespace TokenGen.Benchmarks.Tokens;

/// <summary>
/// What a managed token costs: the cached read every outgoing request pays, and one refresh shared by 64 concurrent
/// callers, both through a Direct Line session over the generated client.
/// </summary>
[BenchmarkCategory("Tokens")]
[MinIterationCount(30)] // the cached read's goal is a few nanoseconds wide: more iterations narrow its error (see CallBenchmark)
[MaxIterationCount(80)]
public class TokenSessionBenchmarks
{
    private const int Callers = 64;

    private readonly Func<Task<string>> _caller;
    private readonly Task<string>[] _burst = new Task<string>[Callers];
    private DirectLineTokenServer _cachedServer = null!;
    private DirectLineTokenServer _contendedServer = null!;
    private TokenSession _cachedSession = null!;
    private TokenSession _contendedSession = null!;
    private ManualClock _clock = null!;

    public TokenSessionBenchmarks() => _caller = () => _contendedSession.GetAccessTokenAsync().AsTask();

    // Synchronous, because BenchmarkDotNet's in-process toolchain (the quick run's) does not await an async setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        // The cached read runs on the real clock, as it does in an application.
        _cachedServer = new DirectLineTokenServer();
        _cachedSession = IDirectLineTokens.Create(new HttpClient(_cachedServer)).CreateTokenSession("dl-demo-secret.Xq7ZkP2mV9sLr4Tw");
        string first = await _cachedSession.GetAccessTokenAsync();
        if (first != DirectLineTokenServer.TokenNumber(1) || await CachedRead() != first || _cachedServer.Generated != 1)
        {
            throw new InvalidOperationException("The session did not cache its first token.");
        }

        _clock = new ManualClock();
        _contendedServer = new DirectLineTokenServer();
        _contendedSession = IDirectLineTokens.Create(new HttpClient(_contendedServer))
            .CreateTokenSession("dl-demo-secret.Xq7ZkP2mV9sLr4Tw", options: new TokenSessionOptions { TimeProvider = _clock });
        await _contendedSession.GetAccessTokenAsync();

        // One burst, checked: every caller gets the same new token, and it cost exactly one refresh.
        string[] tokens = await RefreshUnder64WayContention();
        if (_contendedServer.Refreshed != 1 || tokens.Any(token => token != DirectLineTokenServer.TokenNumber(2)))
        {
            throw new InvalidOperationException(
                $"A burst of {Callers} callers caused {_contendedServer.Refreshed} refreshes and got [{string.Join(", ", tokens.Distinct())}].");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task CleanupAsync()
    {
        await _cachedSession.DisposeAsync();
        await _contendedSession.DisposeAsync();
        _cachedServer.Dispose();
        _contendedServer.Dispose();
    }

    /// <summary>The token a request attaches while the session's token is fresh: no lock, no allocation.</summary>
    [Benchmark]
    public ValueTask<string> CachedRead() => _cachedSession.GetAccessTokenAsync();

    /// <summary>
    /// Not the session: the floor under <see cref="CachedRead"/>, the clock read it cannot skip without handing out a
    /// token past its refresh time. Measured in the same run so the goals table can show how much of the read is the clock.
    /// </summary>
    [Benchmark]
    public long ClockRead() => Environment.TickCount64;

    /// <summary>
    /// The token has come due (the clock moved 29 minutes); 64 callers on the thread pool ask for it at once. One of
    /// them starts the refresh, the rest wait for it, and all get the new token.
    /// </summary>
    [Benchmark(OperationsPerInvoke = 1)]
    public Task<string[]> RefreshUnder64WayContention()
    {
        _clock.Advance(TimeSpan.FromMinutes(29));
        for (var i = 0; i < Callers; i++)
        {
            _burst[i] = Task.Run(_caller);
        }

        return Task.WhenAll(_burst);
    }
}
