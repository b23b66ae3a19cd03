using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using static TokenGen.Runtime.Tests.Resilience.ScriptedServer;

namespace TokenGen.Runtime.Tests.Resilience;

/// <summary>
/// <c>Retry-After</c> on 429 and 503, in both forms, read against the handler's clock; capped; never outlasting the
/// total timeout.
/// </summary>
public sealed class RetryAfterTests
{
    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Retry_After_in_delta_seconds_is_the_wait(HttpStatusCode status)
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(RetryAfterSeconds(status, 7), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.RequestedDelays);
        Assert.Equal(TimeSpan.FromSeconds(7), clock.Elapsed);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Retry_After_as_an_HTTP_date_is_counted_from_the_injected_clocks_now(HttpStatusCode status)
    {
        // The clock stands in 2030: against the machine's own clock this date is years away, far beyond the cap.
        var clock = new VirtualClock();
        var server = new ScriptedServer(RetryAfterDate(status, Clocks.Start.AddSeconds(12)), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(12)], clock.RequestedDelays);
    }

    [Fact]
    public async Task An_HTTP_date_is_counted_from_the_time_the_answer_arrived()
    {
        // The first answer comes 3 s after the call began (a slow server), asking to retry at Start + 10 s: 7 s from then.
        var clock = new VirtualClock();
        Step slowThrottle = async (attempt, request, token) =>
        {
            clock.Advance(TimeSpan.FromSeconds(3));
            return await RetryAfterDate(HttpStatusCode.ServiceUnavailable, Clocks.Start.AddSeconds(10))(attempt, request, token);
        };
        var server = new ScriptedServer(slowThrottle, Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal([TimeSpan.FromSeconds(7)], clock.RequestedDelays);
        Assert.Equal(TimeSpan.FromSeconds(10), clock.Elapsed);
    }

    [Fact]
    public async Task An_HTTP_date_already_past_retries_at_once()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(RetryAfterDate(HttpStatusCode.ServiceUnavailable, Clocks.Start.AddMinutes(-5)), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(2, server.Attempts);
        Assert.Empty(clock.RequestedDelays);
    }

    [Fact]
    public async Task A_Retry_After_of_a_year_reaches_the_caller_at_once_with_its_header()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(RetryAfterSeconds(HttpStatusCode.ServiceUnavailable, 365 * 24 * 3600), Ok());

        // No total timeout, so only the cap stands between the call and a year's wait.
        using var invoker = Pipeline.Create(server, clock, o => o.TotalTimeout = Timeout.InfiniteTimeSpan);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, server.Attempts);
        Assert.Empty(clock.RequestedDelays);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [Fact]
    public async Task An_HTTP_date_beyond_the_cap_reaches_the_caller_at_once()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(RetryAfterDate(HttpStatusCode.TooManyRequests, Clocks.Start.AddSeconds(31)), Ok());
        using var invoker = Pipeline.Create(server, clock, o => o.TotalTimeout = TimeSpan.FromMinutes(5));

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, server.Attempts);
        Assert.Empty(clock.RequestedDelays);
    }

    [Fact]
    public async Task A_Retry_After_equal_to_the_cap_is_waited_for()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(RetryAfterSeconds(HttpStatusCode.ServiceUnavailable, 20), Ok());
        using var invoker = Pipeline.Create(server, clock, o => o.MaxRetryAfter = TimeSpan.FromSeconds(20));

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(20)], clock.RequestedDelays);
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("99999999999")]
    [InlineData(" 99999999999999999999999999999 ")]
    public async Task A_Retry_After_too_large_for_dotnets_parser_is_too_long_to_wait_for_not_absent(string value)
    {
        // .NET drops delta-seconds above int.MaxValue as if the header were missing; the server still asked for quiet.
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.TooManyRequests, r => r.Headers.TryAddWithoutValidation("Retry-After", value)), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, server.Attempts);
        Assert.Empty(clock.RequestedDelays);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-99999999999")]
    [InlineData("1e30")]
    [InlineData("99999999999, 5")]
    public async Task A_Retry_After_that_is_no_delay_at_all_counts_as_absent(string value)
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.TryAddWithoutValidation("Retry-After", value)), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        // Retried on the handler's own backoff, as without the header.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Attempts);
    }

    [Fact]
    public async Task The_cap_is_a_setting()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(RetryAfterSeconds(HttpStatusCode.ServiceUnavailable, 5), Ok());
        using var invoker = Pipeline.Create(server, clock, o => o.MaxRetryAfter = TimeSpan.FromSeconds(4));

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task A_wait_that_would_outlast_the_total_timeout_is_not_started_and_the_answer_reaches_the_caller()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(RetryAfterSeconds(HttpStatusCode.ServiceUnavailable, 25), Ok());
        using var invoker = Pipeline.Create(server, clock, o => o.TotalTimeout = TimeSpan.FromSeconds(20));

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.Attempts);
        Assert.Empty(clock.RequestedDelays);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Retry_After_on_other_statuses_is_not_the_wait(HttpStatusCode status)
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(RetryAfterSeconds(status, 20), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(2, server.Attempts);
        Assert.Equal([TimeSpan.FromMilliseconds(200)], clock.RequestedDelays);
    }

    [Fact]
    public async Task A_503_without_Retry_After_backs_off()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.ServiceUnavailable), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal([TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)], clock.RequestedDelays);
    }

    [Fact]
    public async Task Retry_After_is_not_jittered()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(RetryAfterSeconds(HttpStatusCode.ServiceUnavailable, 3), Ok());
        using var invoker = Pipeline.Create(server, clock, o => o.JitterSource = () => 0.25);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal([TimeSpan.FromSeconds(3)], clock.RequestedDelays);
    }
}
