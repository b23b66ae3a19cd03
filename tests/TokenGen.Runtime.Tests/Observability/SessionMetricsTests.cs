using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace TokenGen.Runtime.Tests.Observability;

/// <summary>
/// A session's fetches on the <c>TokenGen</c> meter and activity source: one count, one duration and one span per flight,
/// tagged with the session's name, what the flight did first (acquire or refresh) and how it ended.
/// </summary>
public sealed class SessionMetricsTests : IDisposable
{
    private const string Fetches = "tokengen.token.fetches";
    private const string Duration = "tokengen.token.fetch.duration";
    private const long OneHour = 3600;

    private readonly TelemetryRecorder _recorder = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly string _name = TelemetryRecorder.UniqueName("metrics");

    public void Dispose() => _recorder.Dispose();

    [Fact]
    public async Task A_first_token_is_counted_as_an_acquire_that_acquired_and_timed_by_the_session_clock()
    {
        var answer = new TaskCompletionSource<TokenResponseValues>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using TokenSession session = Session(_ => new ValueTask<TokenResponseValues>(answer.Task));

        ValueTask<string> pending = session.GetAccessTokenAsync();
        _clock.Advance(TimeSpan.FromSeconds(2.5));
        answer.SetResult(Values("first"));
        await pending;

        Measurement fetch = Assert.Single(_recorder.ForSession(Fetches, _name));
        Assert.Equal(1, fetch.Value);
        Assert.Equal("{fetch}", fetch.Unit);
        Assert.Equal("acquire", fetch.Tag("tokengen.fetch.operation"));
        Assert.Equal("acquired", fetch.Tag("tokengen.fetch.outcome"));
        Assert.False(fetch.Tags.ContainsKey("error.type"));

        Measurement duration = Assert.Single(_recorder.ForSession(Duration, _name));
        Assert.Equal("s", duration.Unit);
        Assert.Equal(2.5, duration.Value);
        Assert.Equal(fetch.Tags.OrderBy(t => t.Key), duration.Tags.OrderBy(t => t.Key));
    }

    [Fact]
    public async Task A_due_token_with_a_refresh_token_is_counted_as_a_refresh_that_refreshed()
    {
        await using TokenSession session = Session(_ => ValueTask.FromResult(Values("first")), (_, _) => ValueTask.FromResult(Values("renewed")));
        await session.GetAccessTokenAsync();

        _clock.Advance(TimeSpan.FromSeconds(OneHour - 60));
        await session.GetAccessTokenAsync();

        Measurement refresh = Assert.Single(_recorder.ForSession(Fetches, _name), m => Equals(m.Tag("tokengen.fetch.operation"), "refresh"));
        Assert.Equal("refreshed", refresh.Tag("tokengen.fetch.outcome"));
        Assert.Equal(2, _recorder.ForSession(Duration, _name).Length);
    }

    [Fact]
    public async Task A_refused_refresh_then_an_acquire_is_counted_as_falling_back_to_acquire()
    {
        int acquires = 0;
        await using TokenSession session = Session(
            _ => ValueTask.FromResult(Values("acquired-" + Interlocked.Increment(ref acquires))),
            (_, _) => throw Refused());
        await session.GetAccessTokenAsync();

        _clock.Advance(TimeSpan.FromSeconds(OneHour - 60));
        Assert.Equal(Secret("acquired-2"), await session.GetAccessTokenAsync());

        Measurement fallback = Assert.Single(_recorder.ForSession(Fetches, _name), m => Equals(m.Tag("tokengen.fetch.operation"), "refresh"));
        Assert.Equal("fell_back_to_acquire", fallback.Tag("tokengen.fetch.outcome"));
        Assert.False(fallback.Tags.ContainsKey("error.type"));
    }

    [Fact]
    public async Task A_failure_inside_the_skew_is_counted_as_serving_the_still_valid_token_with_the_error_type()
    {
        int acquires = 0;
        await using TokenSession session = Session(_ => Interlocked.Increment(ref acquires) == 1
            ? ValueTask.FromResult(Values("first"))
            : throw Refused());
        await session.GetAccessTokenAsync();

        _clock.Advance(TimeSpan.FromSeconds(OneHour - 60));
        Assert.Equal(Secret("first"), await session.GetAccessTokenAsync());

        Measurement stale = _recorder.ForSession(Fetches, _name).Last();
        Assert.Equal("acquire", stale.Tag("tokengen.fetch.operation"));
        Assert.Equal("served_stale", stale.Tag("tokengen.fetch.outcome"));
        Assert.Equal(typeof(TokenApiException).FullName, stale.Tag("error.type"));

        // The callers got a token, so the span is not an error; its error.type says what the request met.
        Activity span = _recorder.SpansOf(_name).Last();
        Assert.Equal("served_stale", span.GetTagItem("tokengen.fetch.outcome"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task A_failed_fetch_is_counted_with_its_error_type_and_its_span_has_error_status()
    {
        await using TokenSession session = Session(_ => throw new HttpRequestFailure());

        await Assert.ThrowsAsync<HttpRequestFailure>(() => session.GetAccessTokenAsync().AsTask());

        Measurement failed = Assert.Single(_recorder.ForSession(Fetches, _name));
        Assert.Equal("failed", failed.Tag("tokengen.fetch.outcome"));
        Assert.Equal(typeof(HttpRequestFailure).FullName, failed.Tag("error.type"));
        Assert.Single(_recorder.ForSession(Duration, _name), m => Equals(m.Tag("tokengen.fetch.outcome"), "failed"));

        Activity span = Assert.Single(_recorder.SpansOf(_name));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(HttpRequestFailure).FullName, span.StatusDescription);
        Assert.Equal(typeof(HttpRequestFailure).FullName, span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Callers_that_find_a_fetch_in_flight_are_counted_as_joined_and_the_fetch_once()
    {
        var answer = new TaskCompletionSource<TokenResponseValues>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using TokenSession session = Session(_ => new ValueTask<TokenResponseValues>(answer.Task));

        Task<string>[] callers = [.. Enumerable.Range(0, 4).Select(_ => session.GetAccessTokenAsync().AsTask())];
        answer.SetResult(Values("shared"));
        await Task.WhenAll(callers);

        Measurement[] joined = _recorder.ForSession("tokengen.token.fetch.joined_callers", _name);
        Assert.Equal(3, joined.Sum(m => m.Value));
        Assert.All(joined, m => Assert.Equal("{caller}", m.Unit));
        Assert.Single(_recorder.ForSession(Fetches, _name));
    }

    [Fact]
    public async Task Each_fetch_has_one_internal_span_named_for_the_session_with_its_operation_and_outcome()
    {
        await using TokenSession session = Session(_ => ValueTask.FromResult(Values("first")));

        await session.GetAccessTokenAsync();

        Activity span = Assert.Single(_recorder.SpansOf(_name));
        Assert.Equal("tokengen.fetch " + _name, span.OperationName);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal("acquire", span.GetTagItem("tokengen.fetch.operation"));
        Assert.Equal("acquired", span.GetTagItem("tokengen.fetch.outcome"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    private TokenSession Session(
        Func<CancellationToken, ValueTask<TokenResponseValues>> acquire,
        Func<IssuedToken, CancellationToken, ValueTask<TokenResponseValues>>? refresh = null) =>
        new(acquire, refresh, new TokenSessionOptions { TimeProvider = _clock, Name = _name });

    private static TokenResponseValues Values(string name) => new(Secret(name), Secret(name + "-refresh"), OneHour, null);

    private static string Secret(string name) => "SECRET-" + name + "-5d1e";

    private static TokenApiException Refused() =>
        new(HttpStatusCode.BadRequest, System.Net.Http.HttpMethod.Post, new Uri("https://auth.example.com/token"), reasonPhrase: null, retryAfter: null, errorBody: null, errorContentType: null);

    private sealed class HttpRequestFailure : Exception
    {
    }
}
