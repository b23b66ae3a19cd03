using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.Tests.Reliability;

/// <summary>
/// The outermost handler of a session's token client: it counts the token requests in flight — each one a whole
/// acquire or refresh, retries included, since it sits above the resilience handler — and remembers the most at once.
/// A session that keeps to one flight never lets that exceed 1.
/// </summary>
internal sealed class InFlightRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _inFlight;
    private int _maxInFlight;
    private int _sent;

    /// <summary>The most token requests that were in flight at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>How many token requests the session sent (each counted once, however often the handler below retried it).</summary>
    public int Sent => Volatile.Read(ref _sent);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sent);
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); inFlight > max; max = Volatile.Read(ref _maxInFlight))
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) == max)
            {
                break;
            }
        }

        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

/// <summary>
/// The network under a session's resilience handler in the soak: each attempt, with probability <paramref name="rate"/>
/// drawn from a seeded <see cref="Random"/>, asks the emulator for a drop, a 503 or a truncated answer.
/// </summary>
internal sealed class RandomFaults(int seed, double rate) : DelegatingHandler(new HttpClientHandler())
{
    private const string FaultHeader = "X-Emulator-Fault";

    private static readonly string[] s_faults = ["drop", "status=503", "truncate"];

    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();
    private readonly int[] _injected = new int[s_faults.Length];
    private int _attempts;

    /// <summary>How many attempts went through.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>How many attempts carried each fault, for example <c>drop 12, status=503 9, truncate 14</c>.</summary>
    public string Injected
    {
        get
        {
            lock (_lock)
            {
                return string.Join(", ", s_faults.Select((fault, i) => $"{fault} {_injected[i]}"));
            }
        }
    }

    /// <summary>How many attempts carried a fault.</summary>
    public int InjectedTotal
    {
        get
        {
            lock (_lock)
            {
                return _injected.Sum();
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        string? fault = null;
        lock (_lock)
        {
            if (_random.NextDouble() < rate)
            {
                var which = _random.Next(s_faults.Length);
                _injected[which]++;
                fault = s_faults[which];
            }
        }

        // The resilience handler sends the same request message again: each attempt sets the header afresh or not at all.
        request.Headers.Remove(FaultHeader);
        if (fault is not null)
        {
            request.Headers.Add(FaultHeader, fault);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
