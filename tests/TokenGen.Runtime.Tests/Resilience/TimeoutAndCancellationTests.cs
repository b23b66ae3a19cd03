using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using static TokenGen.Runtime.Tests.Resilience.ScriptedServer;

namespace TokenGen.Runtime.Tests.Resilience;

/// <summary>
/// Per-attempt and total timeouts on the handler's clock, and the caller's cancellation: never a hang, and each ending
/// reported the way <see cref="HttpClient"/> reports it.
/// </summary>
public sealed class TimeoutAndCancellationTests
{
    /// <summary>How long, in real time, a test waits for a call that should end at once before calling it hung.</summary>
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_attempt_that_hangs_past_the_attempt_timeout_is_abandoned_and_retried()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Hang(clock), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(10) + TimeSpan.FromMilliseconds(200), clock.Elapsed);
    }

    [Fact]
    public async Task When_the_last_attempt_times_out_the_caller_gets_a_TaskCanceledException_with_a_TimeoutException_inside()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Hang(clock));
        using var invoker = Pipeline.Create(server, clock, o =>
        {
            o.MaxAttempts = 2;
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
        });

        var thrown = await clock.RunToThrowAsync<TaskCanceledException>(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.IsType<TimeoutException>(thrown.InnerException);
        Assert.Contains("AttemptTimeout of 5 seconds", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(10.2), clock.Elapsed);
        Assert.Equal(0, clock.ActiveTimers);
    }

    [Fact]
    public async Task A_request_sent_once_still_has_its_attempt_timeout()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Hang(clock), Ok());
        using var invoker = Pipeline.Create(server, clock);

        var thrown = await clock.RunToThrowAsync<TaskCanceledException>(invoker.SendAsync(Pipeline.Request(retryable: false), CancellationToken.None));

        Assert.IsType<TimeoutException>(thrown.InnerException);
        Assert.Equal(1, server.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(10), clock.Elapsed);
    }

    [Fact]
    public async Task The_total_timeout_bounds_a_server_that_never_answers()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Hang(clock));
        using var invoker = Pipeline.Create(server, clock, o => o.AttemptTimeout = Timeout.InfiniteTimeSpan);

        var thrown = await clock.RunToThrowAsync<TaskCanceledException>(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.IsType<TimeoutException>(thrown.InnerException);
        Assert.Contains("TotalTimeout of 30 seconds", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(30), clock.Elapsed);
        Assert.Equal(0, clock.ActiveTimers);
    }

    [Fact]
    public async Task The_total_timeout_bounds_all_attempts_and_the_waits_between_them()
    {
        // Attempts start at 0 s, 10.2 s and 20.6 s; the third is cut at 25 s, though attempts are left.
        var clock = new VirtualClock();
        var server = new ScriptedServer(Hang(clock));
        using var invoker = Pipeline.Create(server, clock, o =>
        {
            o.MaxAttempts = 10;
            o.TotalTimeout = TimeSpan.FromSeconds(25);
        });

        var thrown = await clock.RunToThrowAsync<TaskCanceledException>(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.IsType<TimeoutException>(thrown.InnerException);
        Assert.Equal(3, server.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(25), clock.Elapsed);
    }

    [Fact]
    public async Task A_body_that_stalls_is_cut_by_the_attempt_timeout_and_retried()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(StallMidBody(clock), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        // Unbuffered, the stalled body would reach the caller and this read would never end.
        Assert.Equal("{\"attempt\":2}", await response.Content.ReadAsStringAsync().WaitAsync(s_hangGuard));
        Assert.Equal(TimeSpan.FromSeconds(10.2), clock.Elapsed);
    }

    [Fact]
    public async Task The_callers_cancellation_stops_a_hanging_attempt_at_once()
    {
        var clock = new VirtualClock();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Step hang = async (_, _, token) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        };
        var server = new ScriptedServer(hang, Ok());
        using var invoker = Pipeline.Create(server, clock);
        using var caller = new CancellationTokenSource();

        Task<HttpResponseMessage> call = invoker.SendAsync(Pipeline.Request(), caller.Token);
        await entered.Task.WaitAsync(s_hangGuard);
        await caller.CancelAsync();

        // A TimeoutException from the guard would mean the cancellation did not stop the call.
        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(s_hangGuard));
        Assert.Equal(caller.Token, thrown.CancellationToken);
        Assert.Equal(1, server.Attempts);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
        Assert.Equal(0, clock.ActiveTimers);
    }

    [Fact]
    public async Task The_callers_cancellation_stops_a_wait_at_once()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(RetryAfterSeconds(HttpStatusCode.ServiceUnavailable, 20), Ok());
        using var invoker = Pipeline.Create(server, clock);
        using var caller = new CancellationTokenSource();

        Task<HttpResponseMessage> call = invoker.SendAsync(Pipeline.Request(), caller.Token);
        await clock.WaitUntilDelayRequestedAsync().WaitAsync(s_hangGuard);
        await caller.CancelAsync();

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(s_hangGuard));
        Assert.Equal(caller.Token, thrown.CancellationToken);
        Assert.Equal(1, server.Attempts);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
        Assert.True(((TrackedContent)server.Responses[0].Content).IsDisposed);
    }

    [Fact]
    public async Task A_token_cancelled_before_the_call_sends_nothing()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Ok());
        using var invoker = Pipeline.Create(server, clock);

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => invoker.SendAsync(Pipeline.Request(), new CancellationToken(canceled: true)));

        Assert.True(thrown.CancellationToken.IsCancellationRequested);
        Assert.Equal(0, server.Attempts);
    }

    [Fact]
    public async Task A_cancellation_from_below_that_is_not_the_handlers_is_not_retried()
    {
        var clock = new VirtualClock();
        var foreign = new TaskCanceledException("cancelled by something below");
        var server = new ScriptedServer(Throw(foreign), Ok());
        using var invoker = Pipeline.Create(server, clock);

        var thrown = await clock.RunToThrowAsync<TaskCanceledException>(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Same(foreign, thrown);
        Assert.Equal(1, server.Attempts);
    }
}
