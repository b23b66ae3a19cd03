using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace TokenGen.Benchmarks.Calls;

/// <summary>
/// What the per-call benchmarks share: one <see cref="CannedAnswerHandler"/> under clients of one operation (the
/// TokenGen client, tight and idiomatic hand-written code, Refit, RestEase in two set-ups), and the check, run before
/// anything is measured, that they all send the same request and read the same answer.
/// </summary>
/// <remarks>
/// Every client sends through its own <see cref="HttpClient"/> over the same handler, with the service's base address
/// set on it, which is how <c>IHttpClientFactory</c> hands clients out. The check throws, and BenchmarkDotNet then
/// reports the benchmark as failed, if any client sends something else or reads a value wrong: a quick run that
/// passes proves the measured code does the job, not only that it runs.
/// <para>
/// The per-call goals compare means a few percent apart, so these classes run 30 to 80 iterations rather than the full
/// job's 30 at most: on a shared two-core machine a burst of noise can slow several iterations in a row, and more of
/// them keep one burst from widening the error past what the ratios are about.
/// </para>
/// </remarks>
[MinIterationCount(30)]
[MaxIterationCount(80)]
public abstract class CallBenchmark
{
    private readonly List<HttpClient> _httpClients = [];

    private protected CannedAnswerHandler Handler { get; private set; } = null!;

    /// <summary>Creates the handler that answers every request with <paramref name="body"/>.</summary>
    private protected void Answer(string body, string mediaType) => Handler = new CannedAnswerHandler(body, mediaType);

    /// <summary>A client over the shared handler, with <paramref name="baseAddress"/> as its base address.</summary>
    private protected HttpClient CreateHttpClient(string baseAddress)
    {
        var httpClient = new HttpClient(Handler, disposeHandler: false) { BaseAddress = new Uri(baseAddress, UriKind.Absolute) };
        _httpClients.Add(httpClient);
        return httpClient;
    }

    /// <summary>
    /// Calls each client once with recording on; throws unless the first (TokenGen) sent <paramref name="expectedRequestLine"/>,
    /// every other sent the same request line, headers and body, and <paramref name="checkAnswer"/> accepts each answer.
    /// </summary>
    private protected async Task VerifyAsync<T>(
        string expectedRequestLine,
        Action<string, T> checkAnswer,
        params (string Name, Func<Task<T>> Call)[] calls)
    {
        Handler.Record = true;
        try
        {
            foreach (var (name, call) in calls)
            {
                checkAnswer(name, await call().ConfigureAwait(false));
            }

            RecordedRequest reference = Handler.Recorded[0];
            if ($"{reference.Method} {reference.Uri}" != expectedRequestLine)
            {
                throw new InvalidOperationException($"{calls[0].Name} sent {reference.Method} {reference.Uri}, expected {expectedRequestLine}.");
            }

            for (var i = 1; i < calls.Length; i++)
            {
                if (Handler.Recorded[i] != reference)
                {
                    throw new InvalidOperationException(
                        $"{calls[i].Name} sent another request than {calls[0].Name}.\n--- {calls[0].Name}\n{reference}\n--- {calls[i].Name}\n{Handler.Recorded[i]}");
                }
            }
        }
        finally
        {
            Handler.Record = false;
            Handler.Recorded.Clear();
        }
    }

    /// <summary>Throws unless <paramref name="actual"/> is <paramref name="expected"/>.</summary>
    private protected static void Expect<TValue>(string client, string what, TValue expected, TValue actual)
    {
        if (!EqualityComparer<TValue>.Default.Equals(expected, actual))
        {
            throw new InvalidOperationException($"{client} read {what} as '{actual}', expected '{expected}'.");
        }
    }

    /// <summary>Disposes the clients and the handler.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var httpClient in _httpClients)
        {
            httpClient.Dispose();
        }

        _httpClients.Clear();
        Handler?.Dispose();
    }
}
