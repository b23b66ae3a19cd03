using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace TokenGen.TestKit.Tests;

/// <summary>What the other test projects rely on the kit for, starting with what FakeTimeProvider does differently.</summary>
public sealed class KitTests
{
    [Fact]
    public void A_virtual_clock_fires_each_timer_at_its_due_time_where_FakeTimeProvider_fires_it_at_the_target()
    {
        var virtualClock = new VirtualClock();
        var fake = Clocks.Fake();
        DateTimeOffset? virtualSeen = null;
        DateTimeOffset? fakeSeen = null;
        using ITimer virtualTimer = virtualClock.CreateTimer(_ => virtualSeen = virtualClock.GetUtcNow(), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
        using ITimer fakeTimer = fake.CreateTimer(_ => fakeSeen = fake.GetUtcNow(), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

        virtualClock.Advance(TimeSpan.FromHours(1));
        fake.Advance(TimeSpan.FromHours(1));

        Assert.Equal(Clocks.Start.AddMinutes(5), virtualSeen);
        Assert.Equal(Clocks.Start.AddHours(1), fakeSeen);
        Assert.Equal(Clocks.Start.AddHours(1), virtualClock.GetUtcNow());
    }

    [Fact]
    public void A_virtual_clock_keeps_a_ledger_of_its_timers()
    {
        var clock = new VirtualClock();
        using ITimer first = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using ITimer periodic = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1), clock);

        Assert.Equal(3, clock.CreatedTimers);
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10)], clock.RequestedDelays);
        Assert.Equal([TimeSpan.FromMinutes(1)], clock.RequestedTimeouts);
        Assert.Equal(Clocks.Start.AddSeconds(10), clock.NextDue);

        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(2, clock.ActiveTimers); // the one-shot fired; the periodic one and the timeout remain
        Assert.Equal(Clocks.Start.AddSeconds(40), clock.NextDue);
    }

    [Fact]
    public async Task With_waits_passing_at_once_a_delay_completes_without_a_test_moving_the_clock_and_a_timeout_it_passes_fires()
    {
        var clock = new VirtualClock { WaitsPassAtOnce = true };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), clock);

        await Task.Delay(TimeSpan.FromSeconds(7), clock).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(7), clock.Elapsed);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.RequestedDelays);
        await Task.Delay(Timeout.Infinite, timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task RunAsync_moves_the_clock_whenever_the_call_waits_on_it()
    {
        var clock = new VirtualClock();

        TimeSpan waited = await clock.RunAsync(WaitTwiceAsync(clock));

        Assert.Equal(TimeSpan.FromSeconds(3), waited);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], clock.RequestedDelays);

        static async Task<TimeSpan> WaitTwiceAsync(VirtualClock clock)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            await Task.Delay(TimeSpan.FromSeconds(2), clock);
            return clock.Elapsed;
        }
    }

    [Fact]
    public async Task A_shifted_clock_moves_now_while_its_timers_keep_real_time()
    {
        var clock = new ShiftedClock();
        DateTimeOffset before = TimeProvider.System.GetUtcNow();

        clock.Advance(TimeSpan.FromDays(1));
        await Task.Delay(TimeSpan.FromMilliseconds(1), clock).WaitAsync(TimeSpan.FromSeconds(30));
        DateTimeOffset shifted = clock.GetUtcNow();
        clock.SetOffset(TimeSpan.FromHours(1));

        Assert.True(shifted >= before.AddDays(1));
        Assert.Equal(TimeSpan.FromHours(1), clock.Offset);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
    }

    [Fact]
    public async Task The_recording_handler_records_bodies_eagerly_and_plays_its_script_repeating_the_last_answer()
    {
        var handler = new RecordingHandler().Answer(HttpStatusCode.BadRequest, """{"error":"slow_down"}""").Answer("""{"ok":true}""");
        using var client = new HttpClient(handler);

        using var first = await client.PostAsync(new Uri("https://a.example.test/token"), new StringContent("grant_type=x"));
        using var second = await client.GetAsync(new Uri("https://a.example.test/again"));
        using var third = await client.GetAsync(new Uri("https://a.example.test/again"));

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.OK], [first.StatusCode, second.StatusCode, third.StatusCode]);
        Assert.Equal("""{"ok":true}""", await third.Content.ReadAsStringAsync());
        Assert.Equal("grant_type=x", handler.Requests[0].Body);
        Assert.Equal(HttpMethod.Post, handler.Requests[0].Method);
        Assert.Equal([1, 2, 3], [handler.Requests[0].Number, handler.Requests[1].Number, handler.Requests[2].Number]);
        handler.Requests.Clear();
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_delegate_answers_with_what_it_was_sent()
    {
        var handler = new RecordingHandler(request => new HttpResponseMessage(request.Authorization is null ? HttpStatusCode.Unauthorized : HttpStatusCode.OK));
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://a.example.test/");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer t");

        using var anonymous = await client.GetAsync(new Uri("https://a.example.test/"));
        using var authorized = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
        Assert.Equal("Bearer t", handler.Requests[1].Authorization);
        Assert.Same(request, authorized.RequestMessage);
    }

    [Fact]
    public async Task A_test_stream_serves_in_chunks_then_fails_as_a_reset_connection_does()
    {
        using var stream = TestStream.FailingAfter([1, 2, 3, 4, 5], chunkSize: 2);
        var buffer = new byte[10];

        Assert.Equal(2, await stream.ReadAsync(buffer));
        Assert.Equal(2, await stream.ReadAsync(buffer));
        Assert.Equal(1, await stream.ReadAsync(buffer));
        await Assert.ThrowsAsync<IOException>(async () => Assert.Equal(0, await stream.ReadAsync(buffer)));
        Assert.Equal(5, stream.BytesServed);
        Assert.Equal(4, stream.ReadCalls);
    }

    [Fact]
    public async Task A_stalled_test_stream_reports_the_cancellation_or_the_disposal_that_ended_its_read()
    {
        int stalledReads = 0;
        using var cancelled = TestStream.Stalling(() => Interlocked.Increment(ref stalledReads));
        using var stop = new CancellationTokenSource();
        Task<int> read = cancelled.ReadAtLeastAsync(new byte[1], 1, cancellationToken: stop.Token).AsTask();
        await cancelled.ReadStarted;
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);

        var disposed = TestStream.Stalling();
        Task<int> cut = disposed.ReadAtLeastAsync(new byte[1], 1).AsTask();
        await disposed.ReadStarted;
        await disposed.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => cut);

        Assert.True(cancelled.SawCancellation);
        Assert.Equal(1, stalledReads);
        Assert.True(disposed.SawDisposal);
        Assert.True(disposed.IsDisposed);
    }

    [Fact]
    public void An_endless_test_stream_never_ends()
    {
        using var stream = TestStream.Endless((byte)'x', chunkSize: 4);
        var buffer = new byte[10];

        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(4, stream.Read(buffer));
        }

        Assert.Equal(400, stream.BytesServed);
        Assert.Equal((byte)'x', buffer[3]);
    }

    [Fact]
    public void Clocks_Fake_is_a_FakeTimeProvider_at_the_shared_start()
    {
        FakeTimeProvider clock = Clocks.Fake();

        Assert.Equal(Clocks.Start, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, Clocks.Start.Offset);
    }
}
