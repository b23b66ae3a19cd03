using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Diagnostics;
using static TokenGen.Runtime.Tests.Resilience.ScriptedServer;

namespace TokenGen.Runtime.Tests.Resilience;

/// <summary>
/// The <c>TokenGen</c> event source: retries, refused <c>Retry-After</c> waits and clamped lifetimes are reported, with
/// numbers and names only — never a URI, a header or a token.
/// </summary>
public sealed class EventSourceTests
{
    private const string Secret = "SECRET-7f3a9c1e5b";

    [Fact]
    public void The_event_source_is_named_TokenGen()
    {
        Assert.Equal("TokenGen", TokenGenEventSource.Log.Name);
        Assert.Null(TokenGenEventSource.Log.ConstructionException);
    }

    [Fact]
    public async Task A_scheduled_retry_reports_operation_attempt_wait_and_status_and_nothing_secret()
    {
        using var listener = new TokenGenListener();
        string operation = UniqueOperation();
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(SecretRequest(operation), CancellationToken.None));

        EventWrittenEventArgs retry = Assert.Single(listener.For(operation));
        Assert.Equal(TokenGenEventSource.RetryScheduledId, retry.EventId);
        Assert.Equal("RetryScheduled", retry.EventName);
        Assert.Equal(EventLevel.Warning, retry.Level);
        Assert.Equal(["operationName", "attempt", "delayMilliseconds", "reason", "retryAfter"], retry.PayloadNames!.ToArray());
        Assert.Equal(new object?[] { operation, 1, 200L, "503", false }, retry.Payload!.ToArray());
        AssertNothingSecret(retry);
    }

    [Fact]
    public async Task A_retry_after_a_failure_names_the_exception_type_and_a_timeout_says_Timeout()
    {
        using var listener = new TokenGenListener();
        string operation = UniqueOperation();
        var clock = new VirtualClock();
        var server = new ScriptedServer(ConnectionFailure(), Hang(clock), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(SecretRequest(operation), CancellationToken.None));

        EventWrittenEventArgs[] retries = listener.For(operation);
        Assert.Equal(2, retries.Length);
        Assert.Equal(new object?[] { operation, 1, 200L, "HttpRequestException", false }, retries[0].Payload!.ToArray());
        Assert.Equal(new object?[] { operation, 2, 400L, "Timeout", false }, retries[1].Payload!.ToArray());
        Assert.All(retries, AssertNothingSecret);
    }

    [Fact]
    public async Task A_retry_that_waits_for_Retry_After_says_so()
    {
        using var listener = new TokenGenListener();
        string operation = UniqueOperation();
        var clock = new VirtualClock();
        var server = new ScriptedServer(RetryAfterSeconds(HttpStatusCode.TooManyRequests, 4), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(SecretRequest(operation), CancellationToken.None));

        EventWrittenEventArgs retry = Assert.Single(listener.For(operation));
        Assert.Equal(new object?[] { operation, 1, 4000L, "429", true }, retry.Payload!.ToArray());
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_is_reported_in_seconds_with_the_cap()
    {
        using var listener = new TokenGenListener();
        string operation = UniqueOperation();
        var clock = new VirtualClock();
        var server = new ScriptedServer(RetryAfterSeconds(HttpStatusCode.ServiceUnavailable, 365 * 24 * 3600));
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(SecretRequest(operation), CancellationToken.None));

        EventWrittenEventArgs tooLong = Assert.Single(listener.For(operation));
        Assert.Equal(TokenGenEventSource.RetryAfterTooLongId, tooLong.EventId);
        Assert.Equal(["operationName", "statusCode", "retryAfterSeconds", "maxRetryAfterSeconds"], tooLong.PayloadNames!.ToArray());
        Assert.Equal(new object?[] { operation, 503, 31_536_000L, 30L }, tooLong.Payload!.ToArray());
        AssertNothingSecret(tooLong);
    }

    [Theory]
    [InlineData(-5L, 0L)]
    [InlineData(1_000_000_000_000L, 315_360_000L)]
    public void An_absurd_expires_in_is_reported_with_the_lifetime_used(long reported, long used)
    {
        using var listener = new TokenGenListener();
        var values = new TokenResponseValues(Secret, Secret, reported, expiresAt: null);

        TokenLifetime.ExpiresAt(values, Clocks.Start, readJwtExpiry: false);

        EventWrittenEventArgs clamped = Assert.Single(listener.Clamped(reported));
        Assert.Equal(TokenGenEventSource.TokenLifetimeClampedId, clamped.EventId);
        Assert.Equal(["reportedSeconds", "usedSeconds"], clamped.PayloadNames!.ToArray());
        Assert.Equal(new object?[] { reported, used }, clamped.Payload!.ToArray());
        AssertNothingSecret(clamped);
    }

    [Fact]
    public void A_point_in_time_beyond_ten_years_is_reported()
    {
        using var listener = new TokenGenListener();
        var values = new TokenResponseValues(Secret, null, expiresInSeconds: null, Clocks.Start.AddYears(50));

        TokenLifetime.ExpiresAt(values, Clocks.Start, readJwtExpiry: false);

        long reported = (long)(Clocks.Start.AddYears(50) - Clocks.Start).TotalSeconds;
        EventWrittenEventArgs clamped = Assert.Single(listener.Clamped(reported));
        Assert.Equal(315_360_000L, clamped.Payload![1]);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(3600L)]
    [InlineData(315_360_000L)]
    public void A_believable_expires_in_is_not_reported(long seconds)
    {
        using var listener = new TokenGenListener();
        var values = new TokenResponseValues(Secret, null, seconds, expiresAt: null);

        TokenLifetime.ExpiresAt(values, Clocks.Start, readJwtExpiry: false);

        Assert.Empty(listener.Clamped(seconds));
    }

    /// <summary>A name no other test uses, so events of tests running in parallel are told apart.</summary>
    private static string UniqueOperation() => "Op" + Guid.NewGuid().ToString("N");

    /// <summary>A request full of secrets: in the query, the path, the headers and the body.</summary>
    private static HttpRequestMessage SecretRequest(string operation)
    {
        HttpRequestMessage request = Pipeline.Request(
            HttpMethod.Post,
            retryable: true,
            new StringContent("{\"refresh_token\":\"" + Secret + "\"}"),
            uri: "https://auth.example.com/v1/" + Secret + "/refresh?refresh_token=" + Secret);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        request.Options.Set(TokenApiRequestOptions.OperationName, operation);
        return request;
    }

    private static void AssertNothingSecret(EventWrittenEventArgs written)
    {
        foreach (object? value in written.Payload!)
        {
            string text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            Assert.DoesNotContain("SECRET", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("auth.example.com", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Bearer", text, StringComparison.OrdinalIgnoreCase);
        }

        string message = written.Message is null ? string.Empty : string.Format(System.Globalization.CultureInfo.InvariantCulture, written.Message, written.Payload!.ToArray());
        Assert.DoesNotContain("SECRET", message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Collects the TokenGen events written while it lives, from any thread.</summary>
    private sealed class TokenGenListener : EventListener
    {
        // Initialized before the base constructor runs, which already reports the existing sources.
        private readonly ConcurrentQueue<EventWrittenEventArgs> _events = new();

        public EventWrittenEventArgs[] For(string operation) =>
            _events.Where(e => e.Payload is { Count: > 0 } payload && Equals(payload[0], operation)).ToArray();

        public EventWrittenEventArgs[] Clamped(long reportedSeconds) =>
            _events.Where(e => e.EventId == TokenGenEventSource.TokenLifetimeClampedId && Equals(e.Payload![0], reportedSeconds)).ToArray();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "TokenGen")
            {
                EnableEvents(eventSource, EventLevel.Verbose, EventKeywords.All);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventSource.Name == "TokenGen" && eventData.EventId > 0)
            {
                _events.Enqueue(eventData);
            }
        }
    }
}
