using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace TokenGen.Runtime.Tests.Observability;

/// <summary>
/// With every TokenGen instrument and span listened to, a session's cached read still records nothing and allocates
/// nothing; and no tag TokenGen writes carries a token, a secret or a query string.
/// </summary>
public sealed class TelemetryCostAndSecrecyTests : IDisposable
{
    private readonly TelemetryRecorder _recorder = new();
    private readonly FakeTimeProvider _clock = new();

    public void Dispose() => _recorder.Dispose();

    [Fact]
    public async Task The_cached_read_records_nothing_and_allocates_nothing_with_listeners_on()
    {
        string name = TelemetryRecorder.UniqueName("cached");
        await using var session = new TokenSession(
            _ => ValueTask.FromResult(new TokenResponseValues("SECRET-cached-token", null, 3600, null)),
            options: new TokenSessionOptions { TimeProvider = _clock, Name = name });
        await session.GetAccessTokenAsync();
        int recorded = _recorder.AllForSession(name).Length;
        int spans = _recorder.SpansOf(name).Length;
        Assert.Equal(2, recorded);

        AssertCachedReadsAllocateNothing(session);

        Assert.Equal(recorded, _recorder.AllForSession(name).Length);
        Assert.Equal(spans, _recorder.SpansOf(name).Length);
    }

    [Fact]
    public async Task No_tag_of_any_instrument_or_span_carries_a_token_a_secret_or_a_query()
    {
        // A marker no other test uses: whatever any test records in parallel, none of it can contain this.
        string secret = "SECRET" + Guid.NewGuid().ToString("N");
        string name = TelemetryRecorder.UniqueName("secrecy");
        string operation = TelemetryRecorder.UniqueName("Operation");
        int acquires = 0;

        // Tokens carrying the marker; an acquire failing with it in the message (the token in hand is served); refreshes
        // refused with the refresh token in the message (each falls back to an acquire); and a 401 to the third token.
        await using var session = new TokenSession(
            _ => Interlocked.Increment(ref acquires) switch
            {
                2 => throw new InvalidOperationException("refused " + secret),
                int n => ValueTask.FromResult(new TokenResponseValues(secret + "-access-" + n, secret + "-refresh", 3600, null)),
            },
            (token, _) => throw new InvalidOperationException("refresh token " + token.RefreshToken + " refused"),
            new TokenSessionOptions { TimeProvider = _clock, Name = name });
        await session.GetAccessTokenAsync();
        _clock.Advance(TimeSpan.FromSeconds(3540));
        await session.GetAccessTokenAsync();
        var api = new HttpMessageInvoker(new BearerTokenHandler(session, "api.example.com")
        {
            InnerHandler = new AnswerHandler(request => request.Headers.Authorization!.Parameter!.EndsWith("-4", StringComparison.Ordinal)
                ? HttpStatusCode.OK
                : HttpStatusCode.Unauthorized),
        });
        using (HttpResponseMessage response = await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/x?key=" + secret), CancellationToken.None))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // A retried request whose query and body carry the marker.
        var resilient = new HttpMessageInvoker(new TokenApiResilienceHandler(
            new AnswerHandler(_ => HttpStatusCode.ServiceUnavailable),
            new TokenApiResilienceOptions { TimeProvider = _clock, JitterSource = () => 1.0, MaxAttempts = 2 }));
        var request = new HttpRequestMessage(HttpMethod.Post, "https://auth.example.com/token?client_secret=" + secret) { Content = new StringContent(secret) };
        request.Options.Set(TokenApiRequestOptions.OperationName, operation);
        request.Options.Set(TokenApiRequestOptions.Retryable, true);
        using (await TelemetryRecorder.RunAsync(_clock, resilient.SendAsync(request, CancellationToken.None)))
        {
        }

        // What this test caused was recorded: fetches, the 401 replacement and the retry.
        Assert.NotEmpty(_recorder.ForSession("tokengen.bearer.refreshes", name));
        Assert.Equal(4, _recorder.ForSession("tokengen.token.fetches", name).Length);
        Assert.NotEmpty(_recorder.For("tokengen.resilience.retries", "tokengen.operation.name", operation));

        IEnumerable<string> texts = _recorder.Measurements.SelectMany(m => m.Tags.Select(t => t.Key + "=" + t.Value))
            .Concat(_recorder.Spans.Where(s => s.Source.Name == "TokenGen")
                .SelectMany(s => s.TagObjects.Select(t => t.Key + "=" + t.Value).Append(s.DisplayName).Append(s.StatusDescription ?? string.Empty)));
        Assert.All(texts, text =>
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("?", text, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// Measures 200,000 cached reads at a time and requires one measurement of exactly 0 bytes: the runtime may allocate
    /// once on this thread while the loop runs (tiered compilation), which a single measurement would blame on the path.
    /// </summary>
    private static void AssertCachedReadsAllocateNothing(TokenSession session)
    {
        ReadCached(session, 10_000);
        var measured = new List<long>();
        for (int attempt = 0; attempt < 5; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            ReadCached(session, 200_000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated == 0)
            {
                return;
            }

            measured.Add(allocated);
        }

        Assert.Fail($"Every measurement of 200,000 cached reads allocated: {string.Join(", ", measured)} bytes.");
    }

    private static void ReadCached(TokenSession session, int count)
    {
        for (int i = 0; i < count; i++)
        {
            ValueTask<string> read = session.GetAccessTokenAsync();
            if (!read.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("The token was not served from cache.");
            }
        }
    }

    private sealed class AnswerHandler(Func<HttpRequestMessage, HttpStatusCode> status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status(request)) { RequestMessage = request });
    }
}
