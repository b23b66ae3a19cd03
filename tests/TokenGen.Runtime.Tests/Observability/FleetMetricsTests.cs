using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TokenGen.Runtime.Tests.Tokens.Shared;

namespace TokenGen.Runtime.Tests.Observability;

/// <summary>
/// With a fleet store, the session records its store's failures and how long it waited for another instance's token,
/// two sessions on one in-memory store standing for two instances.
/// </summary>
public sealed class FleetMetricsTests : IDisposable
{
    private const string LeaseWait = "tokengen.fleet.lease.wait.duration";

    private readonly TelemetryRecorder _recorder = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly InMemoryTokenStore _store;
    private readonly AesGcmTokenProtector _protector = new(AesGcmTokenProtector.GenerateKey());
    private readonly string _name = TelemetryRecorder.UniqueName("fleet");

    public FleetMetricsTests() => _store = new InMemoryTokenStore(_clock);

    public void Dispose() => _recorder.Dispose();

    [Fact]
    public async Task A_failing_store_is_counted_by_operation_and_error_type_and_the_session_acquires_alone()
    {
        _store.Down = true;
        await using TokenSession session = Instance(_ => ValueTask.FromResult(Values("alone")));

        Assert.Equal("SECRET-alone", await session.GetAccessTokenAsync());

        Measurement failure = Assert.Single(_recorder.ForSession("tokengen.fleet.store.failures", _name));
        Assert.Equal("{failure}", failure.Unit);
        Assert.Equal("read", failure.Tag("tokengen.store.operation"));
        Assert.Equal(typeof(IOException).FullName, failure.Tag("error.type"));
        Assert.Equal("acquired", Assert.Single(_recorder.ForSession("tokengen.token.fetches", _name)).Tag("tokengen.fetch.outcome"));

        // It never waited for another instance: the store failed before any lease was refused.
        Assert.Empty(_recorder.ForSession(LeaseWait, _name));
    }

    [Fact]
    public async Task An_instance_that_waits_for_the_lease_holders_token_records_the_wait_as_received()
    {
        var holderAnswer = new TaskCompletionSource<TokenResponseValues>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using TokenSession holder = Instance(_ => new ValueTask<TokenResponseValues>(holderAnswer.Task));
        await using TokenSession waiter = Instance(_ => throw new InvalidOperationException("the waiter must not fetch"));

        Task<string> holding = holder.GetAccessTokenAsync().AsTask();
        Task<string> waiting = waiter.GetAccessTokenAsync().AsTask();
        Assert.False(waiting.IsCompleted);
        holderAnswer.SetResult(Values("shared"));

        Assert.Equal("SECRET-shared", await TelemetryRecorder.RunAsync(_clock, waiting));
        Assert.Equal("SECRET-shared", await holding);

        Measurement wait = Assert.Single(_recorder.ForSession(LeaseWait, _name));
        Assert.Equal("s", wait.Unit);
        Assert.Equal("received", wait.Tag("tokengen.lease.wait.outcome"));
        Assert.True(wait.Value > 0, $"waited {wait.Value} s");

        // One fetch in the fleet: the holder's.
        Assert.Single(_recorder.ForSession("tokengen.token.fetches", _name));
    }

    [Fact]
    public async Task An_instance_that_gives_up_waiting_records_the_wait_as_timed_out()
    {
        var holderAnswer = new TaskCompletionSource<TokenResponseValues>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using TokenSession holder = Instance(_ => new ValueTask<TokenResponseValues>(holderAnswer.Task));
        await using TokenSession waiter = Instance(_ => ValueTask.FromResult(Values("own")), waitTimeout: TimeSpan.FromSeconds(1));

        Task<string> holding = holder.GetAccessTokenAsync().AsTask();
        Assert.Equal("SECRET-own", await TelemetryRecorder.RunAsync(_clock, waiter.GetAccessTokenAsync().AsTask()));
        holderAnswer.SetResult(Values("late"));
        await holding;

        Measurement wait = Assert.Single(_recorder.ForSession(LeaseWait, _name));
        Assert.Equal("timed_out", wait.Tag("tokengen.lease.wait.outcome"));
        Assert.True(wait.Value >= 1, $"waited {wait.Value} s");
    }

    private TokenSession Instance(Func<CancellationToken, ValueTask<TokenResponseValues>> acquire, TimeSpan? waitTimeout = null) =>
        new(acquire, refresh: null, new TokenSessionOptions
        {
            TimeProvider = _clock,
            Name = _name,
            Store = waitTimeout is { } timeout
                ? new TokenStoreOptions(_store, _protector) { WaitTimeout = timeout }
                : new TokenStoreOptions(_store, _protector),
        });

    private static TokenResponseValues Values(string name) => new("SECRET-" + name, null, 3600, null);
}
