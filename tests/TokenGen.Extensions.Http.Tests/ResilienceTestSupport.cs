using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Extensions.Http.Tests;

/// <summary>
/// Sits inside the resilience handler, so it sees every attempt: adds the emulator's <c>X-Emulator-Fault</c> header to
/// the attempts <paramref name="faultFor"/> names (given the request and the attempt number for its path, from 1), and
/// takes it off the others — the handler sends the same request message again.
/// </summary>
internal sealed class FaultInjector(ConcurrentDictionary<string, int> attemptsByPath, Func<HttpRequestMessage, int, string?> faultFor) : DelegatingHandler
{
    public const string FaultHeader = "X-Emulator-Fault";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int attempt = attemptsByPath.AddOrUpdate(request.RequestUri!.AbsolutePath, 1, (_, n) => n + 1);
        request.Headers.Remove(FaultHeader);
        if (faultFor(request, attempt) is { } fault)
        {
            request.Headers.Add(FaultHeader, fault);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A primary handler that plays scripted statuses, one per attempt (the last again when they run out), and counts.</summary>
internal sealed class StatusScript(params Func<HttpRequestMessage, HttpResponseMessage>[] steps) : HttpMessageHandler
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public static Func<HttpRequestMessage, HttpResponseMessage> Answer(HttpStatusCode status, Action<HttpResponseMessage>? configure = null) =>
        request =>
        {
            var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent("{}") };
            configure?.Invoke(response);
            return response;
        };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int attempt = Interlocked.Increment(ref _attempts);
        return Task.FromResult(steps[Math.Min(attempt, steps.Length) - 1](request));
    }
}
