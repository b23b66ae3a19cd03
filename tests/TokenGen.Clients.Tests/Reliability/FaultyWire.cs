using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.TestKit;

namespace TokenGen.Clients.Tests.Reliability;

/// <summary>
/// The network under the resilience handler in the fault matrix: it asks the emulator for <paramref name="fault"/> on
/// the first attempt only (so the retry goes clean), or with <paramref name="everyAttempt"/> on every one.
/// </summary>
/// <remarks>
/// <para>
/// For an HTTP-date row it passes the emulator's <c>Retry-After: &lt;seconds&gt;</c> up as the same instant in the date
/// form, computed on the handler's <paramref name="clock"/>, as a server whose clock agrees with the client's would send it.
/// </para>
/// <para>
/// For a stall it waits until the emulator holds the request (its count of <paramref name="route"/> has gone up), then
/// lets the attempt timeout run out by moving the clock by <paramref name="attemptTimeout"/>: the answer is late for
/// certain, and no real time passes.
/// </para>
/// </remarks>
internal sealed class FaultyWire(
    WireFault fault,
    bool everyAttempt,
    VirtualClock clock,
    TimeSpan attemptTimeout,
    TestEmulator on,
    string route) : DelegatingHandler(new HttpClientHandler())
{
    private const string FaultHeader = "X-Emulator-Fault";

    /// <summary>How long the emulator may take to receive a request before the test calls it lost.</summary>
    private static readonly TimeSpan s_receiveGuard = TimeSpan.FromSeconds(10);

    private readonly int _receivedBefore = on.Host.RequestCount(route);
    private int _sent;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The handler sends the same request message again: each attempt sets the header afresh (or takes it off).
        var sent = Interlocked.Increment(ref _sent);
        request.Headers.Remove(FaultHeader);
        if (!everyAttempt && sent > 1)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        request.Headers.Add(FaultHeader, fault.Header);
        var sending = base.SendAsync(request, cancellationToken);
        if (fault.Stalls)
        {
            await UntilTheEmulatorHoldsAsync(_receivedBefore + sent, sending);
            clock.Advance(attemptTimeout);
        }

        var response = await sending;
        if (fault.RetryAfterAsHttpDate && response.Headers.RetryAfter?.Delta is { } delta)
        {
            response.Headers.Remove("Retry-After");
            response.Headers.TryAddWithoutValidation("Retry-After", (clock.GetUtcNow() + delta).ToString("r", CultureInfo.InvariantCulture));
        }

        return response;
    }

    private async Task UntilTheEmulatorHoldsAsync(int received, Task sending)
    {
        var waited = Stopwatch.StartNew();
        while (on.Host.RequestCount(route) < received && !sending.IsCompleted)
        {
            if (waited.Elapsed > s_receiveGuard)
            {
                throw new TimeoutException($"The emulator did not receive request {received} of {route} within {s_receiveGuard}.");
            }

            await Task.Delay(1);
        }
    }
}
