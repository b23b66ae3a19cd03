using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using static TokenGen.Runtime.Tests.Resilience.ScriptedServer;

namespace TokenGen.Runtime.Tests.Resilience;

/// <summary>The documented defaults, the validated setters, and the copy a handler takes.</summary>
public sealed class ResilienceOptionsTests
{
    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        var options = new TokenApiResilienceOptions();

        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), options.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.TotalTimeout);
        Assert.True(options.BufferResponseContent);
        Assert.Equal(1024 * 1024, options.MaxBufferedContentBytes);
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.InRange(options.JitterSource(), 0, 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void MaxAttempts_outside_1_to_100_is_refused(int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenApiResilienceOptions { MaxAttempts = value });

    [Fact]
    public void Negative_or_oversized_delays_are_refused_and_zero_is_allowed()
    {
        var options = new TokenApiResilienceOptions { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, MaxRetryAfter = TimeSpan.Zero };

        Assert.Throws<ArgumentOutOfRangeException>(() => options.BaseDelay = TimeSpan.FromMilliseconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxDelay = Timeout.InfiniteTimeSpan);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxRetryAfter = TimeSpan.FromDays(25));
        Assert.Equal(TimeSpan.Zero, options.BaseDelay);
    }

    [Fact]
    public void Timeouts_must_be_positive_or_infinite()
    {
        var options = new TokenApiResilienceOptions { AttemptTimeout = Timeout.InfiniteTimeSpan, TotalTimeout = Timeout.InfiniteTimeSpan };

        Assert.Throws<ArgumentOutOfRangeException>(() => options.AttemptTimeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.TotalTimeout = TimeSpan.FromSeconds(-2));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.TotalTimeout = TokenApiResilienceOptions.MaxTimeSetting + TimeSpan.FromTicks(1));
        options.TotalTimeout = TokenApiResilienceOptions.MaxTimeSetting;
        Assert.Equal(Timeout.InfiniteTimeSpan, options.AttemptTimeout);
    }

    [Fact]
    public void The_buffer_limit_must_be_positive_and_fit_an_array()
    {
        var options = new TokenApiResilienceOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxBufferedContentBytes = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxBufferedContentBytes = Array.MaxLength);
        options.MaxBufferedContentBytes = 1;
        Assert.Equal(1, options.MaxBufferedContentBytes);
    }

    [Fact]
    public void Null_clock_or_jitter_source_is_refused()
    {
        var options = new TokenApiResilienceOptions();

        Assert.Throws<ArgumentNullException>(() => options.TimeProvider = null!);
        Assert.Throws<ArgumentNullException>(() => options.JitterSource = null!);
    }

    [Theory]
    [InlineData(-3.0, 0)]
    [InlineData(7.0, 200)]
    [InlineData(double.NaN, 200)]
    public async Task A_jitter_outside_0_to_1_is_clamped(double jitter, int expectedMilliseconds)
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable), Ok());
        using var invoker = Pipeline.Create(server, clock, o => o.JitterSource = () => jitter);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), clock.Elapsed);
    }

    [Fact]
    public async Task The_handler_copies_the_options_when_it_is_built()
    {
        var clock = new VirtualClock();
        var options = new TokenApiResilienceOptions { TimeProvider = clock, JitterSource = () => 1.0, MaxAttempts = 2 };
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable));
        using var invoker = new System.Net.Http.HttpMessageInvoker(new TokenApiResilienceHandler(server, options));
        options.MaxAttempts = 5;
        options.TimeProvider = TimeProvider.System;

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(2, server.Attempts);
        Assert.Equal([TimeSpan.FromMilliseconds(200)], clock.RequestedDelays);
    }
}
