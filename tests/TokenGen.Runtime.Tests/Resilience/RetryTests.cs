using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using static TokenGen.Runtime.Tests.Resilience.ScriptedServer;

namespace TokenGen.Runtime.Tests.Resilience;

/// <summary>Which answers and failures <see cref="TokenApiResilienceHandler"/> retries, how often, and what the caller gets.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task A_503_then_a_200_costs_two_attempts_and_the_200_reaches_the_caller()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Same(server.Responses[1], response);
        Assert.Equal(2, server.Attempts);
        Assert.Equal("{\"attempt\":2}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Each_transient_status_is_retried(int status)
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status((HttpStatusCode)status), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Attempts);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(415)]
    [InlineData(422)]
    [InlineData(501)]
    [InlineData(505)]
    public async Task Any_other_status_reaches_the_caller_after_one_attempt(int status)
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status((HttpStatusCode)status), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(1, server.Attempts);
        Assert.Empty(clock.RequestedDelays);
    }

    [Fact]
    public async Task Three_attempts_by_default_and_the_last_answer_reaches_the_caller_unchanged()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.BadGateway, r => r.Headers.Add("X-Attempt", "last")));
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(3, server.Attempts);
        Assert.Same(server.Responses[2], response);
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("last", Assert.Single(response.Headers.GetValues("X-Attempt")));
        Assert.Equal("{\"attempt\":3}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MaxAttempts_bounds_the_attempts()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable));
        using var invoker = Pipeline.Create(server, clock, o => o.MaxAttempts = 5);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(5, server.Attempts);
        Assert.Equal(4, clock.RequestedDelays.Count);
    }

    [Fact]
    public async Task MaxAttempts_of_one_sends_once()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable), Ok());
        using var invoker = Pipeline.Create(server, clock, o => o.MaxAttempts = 1);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task Each_retried_answer_is_disposed_before_the_next_attempt_is_sent()
    {
        var clock = new VirtualClock();
        bool[] previousDisposedWhenSent = new bool[3];
        ScriptedServer? server = null;
        Step failing = Status(HttpStatusCode.ServiceUnavailable);
        Step checking = (attempt, request, token) =>
        {
            var previous = (TrackedContent)server!.Responses[attempt - 2].Content;
            previousDisposedWhenSent[attempt - 1] = previous.IsDisposed;
            return failing(attempt, request, token);
        };
        server = new ScriptedServer(failing, checking, checking);
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal([false, true, true], previousDisposedWhenSent);
        Assert.True(((TrackedContent)server.Responses[1].Content).IsDisposed);
        Assert.False(((TrackedContent)response.Content).IsDisposed);
    }

    [Fact]
    public async Task A_refused_or_reset_connection_is_retried()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(ConnectionFailure(), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Attempts);
    }

    [Fact]
    public async Task An_HttpRequestException_without_a_category_is_retried()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Throw(new HttpRequestException("An error occurred while sending the request.")), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(2, server.Attempts);
    }

    [Fact]
    public async Task The_last_attempts_exception_reaches_the_caller_unchanged()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(ConnectionFailure());
        using var invoker = Pipeline.Create(server, clock);

        var thrown = await clock.RunToThrowAsync<HttpRequestException>(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(3, server.Attempts);
        Assert.Equal("Connection refused (attempt 3).", thrown.Message);
        Assert.Equal(HttpRequestError.ConnectionError, thrown.HttpRequestError);
    }

    [Theory]
    [InlineData(HttpRequestError.SecureConnectionError)]
    [InlineData(HttpRequestError.ExtendedConnectNotSupported)]
    [InlineData(HttpRequestError.UserAuthenticationError)]
    [InlineData(HttpRequestError.ConfigurationLimitExceeded)]
    [InlineData(HttpRequestError.VersionNegotiationError)]
    [InlineData(HttpRequestError.InvalidResponse)]
    public async Task A_failure_another_attempt_cannot_fix_is_not_retried(HttpRequestError error)
    {
        var clock = new VirtualClock();
        var failure = new HttpRequestException(error, $"A failure of kind {error}.");
        var server = new ScriptedServer(Throw(failure), Ok());
        using var invoker = Pipeline.Create(server, clock);

        var thrown = await clock.RunToThrowAsync<HttpRequestException>(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Same(failure, thrown);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task A_TokenApiException_from_below_is_an_answer_and_is_not_retried()
    {
        var clock = new VirtualClock();
        var refused = new TokenApiException(HttpStatusCode.ServiceUnavailable, HttpMethod.Post, new Uri("https://auth.example.com/token"), null, null, null, null);
        var server = new ScriptedServer(Throw(refused), Ok());
        using var invoker = Pipeline.Create(server, clock);

        var thrown = await clock.RunToThrowAsync<TokenApiException>(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Same(refused, thrown);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task Any_other_exception_from_below_is_not_retried()
    {
        var clock = new VirtualClock();
        var bug = new InvalidOperationException("a bug below");
        var server = new ScriptedServer(Throw(bug), Ok());
        using var invoker = Pipeline.Create(server, clock);

        var thrown = await clock.RunToThrowAsync<InvalidOperationException>(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Same(bug, thrown);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task Backoff_doubles_from_the_base_delay_and_stops_at_the_max_delay()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.InternalServerError));
        using var invoker = Pipeline.Create(server, clock, o =>
        {
            o.MaxAttempts = 6;
            o.MaxDelay = TimeSpan.FromSeconds(1);
            o.TotalTimeout = Timeout.InfiniteTimeSpan;
        });

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(
            new[] { 200, 400, 800, 1000, 1000 }.Select(ms => TimeSpan.FromMilliseconds(ms)),
            clock.RequestedDelays);
        Assert.Equal(TimeSpan.FromMilliseconds(3400), clock.Elapsed);
    }

    [Fact]
    public async Task Full_jitter_draws_each_wait_between_zero_and_its_ceiling_from_the_jitter_source()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable));
        var seeded = new Random(20300101);
        using var invoker = Pipeline.Create(server, clock, o =>
        {
            o.MaxAttempts = 4;
            o.JitterSource = seeded.NextDouble;
        });

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        var same = new Random(20300101);
        double[] draws = [same.NextDouble(), same.NextDouble(), same.NextDouble()];
        double[] ceilings = [200, 400, 800];
        Assert.Equal(
            ceilings.Select((ceiling, i) => TimeSpan.FromMilliseconds(Math.Floor(ceiling * draws[i]))),
            clock.RequestedDelays);
        Assert.All(clock.RequestedDelays.Zip(ceilings), pair => Assert.InRange(pair.First.TotalMilliseconds, 0, pair.Second));
    }

    [Fact]
    public async Task A_jitter_of_zero_retries_at_once_without_a_timer()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable), Ok());
        using var invoker = Pipeline.Create(server, clock, o => o.JitterSource = () => 0);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(2, server.Attempts);
        Assert.Empty(clock.RequestedDelays);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [Fact]
    public async Task No_timer_outlives_the_call()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(0, clock.ActiveTimers);
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)], clock.RequestedTimeouts);
    }

    [Fact]
    public async Task Synchronous_sends_are_refused()
    {
        var server = new ScriptedServer(Ok());
        using var invoker = Pipeline.Create(server, new VirtualClock());

        Assert.Throws<NotSupportedException>(() => invoker.Send(Pipeline.Request(), CancellationToken.None));
        Assert.Equal(0, server.Attempts);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_reset_while_the_body_is_read_is_retried_and_the_next_body_reaches_the_caller_in_memory()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(ResetMidBody(), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(2, server.Attempts);
        Assert.Equal("{\"attempt\":2}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reset_while_the_last_body_is_read_reaches_the_caller_as_a_generated_client_reports_it()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(ResetMidBody());
        using var invoker = Pipeline.Create(server, clock);

        var thrown = await clock.RunToThrowAsync<HttpRequestException>(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        // An HttpRequestException around the stream's IOException, as ResponseReader and HttpClient report an unreadable body.
        Assert.Equal("The connection was reset.", Assert.IsType<IOException>(thrown.InnerException).Message);
        Assert.Equal(HttpRequestError.ResponseEnded, thrown.HttpRequestError);
        Assert.Equal("The connection failed while the body of the answer (200, application/json) was read; what arrived of it was dropped.", thrown.Message);
        Assert.Equal(3, server.Attempts);
    }

    [Fact]
    public async Task A_body_failure_of_any_kind_is_retried()
    {
        // An HttpIOException that says the answer was invalid (a broken chunk) is not a send failure the rules would retry,
        // but it arrived mid-body, after the service answered: another attempt may well get a whole body.
        var clock = new VirtualClock();
        Step brokenChunk = (_, request, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(TestStream.Failing(new HttpIOException(HttpRequestError.InvalidResponse, "Received an invalid chunk terminator."))),
            RequestMessage = request,
        });
        var server = new ScriptedServer(brokenChunk, Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(2, server.Attempts);
    }

}
