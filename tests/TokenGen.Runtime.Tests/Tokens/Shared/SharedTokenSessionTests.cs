using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Diagnostics;

namespace TokenGen.Runtime.Tests.Tokens.Shared;

/// <summary>
/// The fleet semantics of <see cref="TokenSessionOptions.Store"/>, with several sessions standing for several instances
/// of one application on one in-memory store, and one <see cref="FakeTokenApi"/> standing for the service (so its counts
/// are the fleet's). The same semantics against a real Redis, and across processes, are in TokenGen.Fleet.Tests.
/// </summary>
public sealed class SharedTokenSessionTests
{
    private static readonly TimeSpan BoundedWait = TimeSpan.FromSeconds(30);

    private readonly ShiftedClock _clock = new();
    private readonly InMemoryTokenStore _store;
    private readonly FakeTokenApi _api = new();
    private readonly RecordingLog _log = new();
    private readonly AesGcmTokenProtector _protector = new(AesGcmTokenProtector.GenerateKey());

    public SharedTokenSessionTests() => _store = new InMemoryTokenStore(_clock);

    [Fact]
    public async Task A_new_instance_starts_with_the_stored_token_instead_of_acquiring()
    {
        await using (TokenSession first = Instance())
        {
            Assert.Equal(FakeTokenApi.Secret("access-1"), await first.GetAccessTokenAsync());
        }

        await using TokenSession restarted = Instance();
        Assert.Equal(FakeTokenApi.Secret("access-1"), await restarted.GetAccessTokenAsync());
        Assert.Equal(1, _api.AcquireCalls);
    }

    [Fact]
    public async Task Instances_finding_the_token_due_at_once_cost_the_fleet_one_acquire_then_one_refresh()
    {
        TokenSession[] fleet = [.. Enumerable.Range(0, 6).Select(_ => Instance())];
        try
        {
            string[] first = await Burst(fleet, callersEach: 20);
            Assert.All(first, token => Assert.Equal(FakeTokenApi.Secret("access-1"), token));
            Assert.Equal((1, 0), (_api.AcquireCalls, _api.RefreshCalls));

            _clock.Advance(TimeSpan.FromMinutes(55));
            string[] second = await Burst(fleet, callersEach: 20);
            Assert.All(second, token => Assert.Equal(FakeTokenApi.Secret("refreshed-1"), token));
            Assert.Equal((1, 1), (_api.AcquireCalls, _api.RefreshCalls));
            Assert.Equal([FakeTokenApi.Secret("refresh-1")], _api.RefreshedWith());
        }
        finally
        {
            foreach (TokenSession session in fleet)
            {
                await session.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_cached_path_with_a_store_reads_nothing_from_it_and_allocates_nothing()
    {
        await using TokenSession session = Instance(new TokenSessionOptions { Name = "cached" });
        await session.GetAccessTokenAsync();
        int reads = _store.Reads;

        ReadCached(session, 10_000);
        var measured = new System.Collections.Generic.List<long>();
        for (int attempt = 0; attempt < 5; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            ReadCached(session, 100_000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated == 0)
            {
                Assert.Equal(reads, _store.Reads);
                return;
            }

            measured.Add(allocated);
        }

        Assert.Fail($"Every measurement of 100,000 cached reads with a store allocated: {string.Join(", ", measured)} bytes.");
    }

    [Fact]
    public async Task A_lease_that_expired_during_a_refresh_makes_the_next_holder_acquire_and_the_late_writer_is_refused()
    {
        await using TokenSession a = Instance();
        await using TokenSession b = Instance();
        await a.GetAccessTokenAsync();
        _clock.Advance(TimeSpan.FromMinutes(55));

        // A sends the refresh token; the answer is slow, and A's lease runs out meanwhile.
        var refreshSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowRefresh = new TaskCompletionSource<TokenResponseValues>(TaskCreationOptions.RunContinuationsAsynchronously);
        _api.OnRefresh = (_, _, _) =>
        {
            refreshSent.TrySetResult();
            return slowRefresh.Task;
        };
        Task<string> fromA = a.GetAccessTokenAsync().AsTask();
        await refreshSent.Task.WaitAsync(BoundedWait);
        _store.ExpireLeases();

        // B takes the lease: A may have spent the refresh token, so B acquires and never sends it again.
        string fromB = await b.GetAccessTokenAsync().AsTask().WaitAsync(BoundedWait);
        Assert.Equal(FakeTokenApi.Secret("access-2"), fromB);
        Assert.Equal((2, 1), (_api.AcquireCalls, _api.RefreshCalls));

        // A's answer arrives: A may use its token, but it cannot overwrite B's.
        slowRefresh.SetResult(FakeTokenApi.Values("refreshed-late", "rotated-late"));
        Assert.Equal(FakeTokenApi.Secret("refreshed-late"), await fromA.WaitAsync(BoundedWait));
        await using TokenSession c = Instance();
        Assert.Equal(FakeTokenApi.Secret("access-2"), await c.GetAccessTokenAsync());
    }

    [Fact]
    public async Task A_token_rejected_by_every_instance_is_replaced_once_for_the_fleet()
    {
        TokenSession[] fleet = [.. Enumerable.Range(0, 4).Select(_ => Instance())];
        try
        {
            string rejected = (await Burst(fleet, callersEach: 1))[0];
            IssuedToken[] replaced = await Task.WhenAll(fleet.Select(s => Task.Run(() => s.RefreshAsync(rejected).AsTask())));

            Assert.All(replaced, token => Assert.Equal(FakeTokenApi.Secret("refreshed-1"), token.AccessToken));
            Assert.Equal((1, 1), (_api.AcquireCalls, _api.RefreshCalls));

            // A late 401 for the old token, from an instance that already has the new one, costs nothing.
            await fleet[0].RefreshAsync(rejected);
            Assert.Equal(1, _api.RefreshCalls);
        }
        finally
        {
            foreach (TokenSession session in fleet)
            {
                await session.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task With_the_store_down_callers_are_answered_by_acquires_never_by_an_unleased_refresh_and_the_failure_is_logged()
    {
        await using TokenSession session = Instance();
        await session.GetAccessTokenAsync();
        _store.Down = true;
        _clock.Advance(TimeSpan.FromMinutes(55));

        string token = await session.GetAccessTokenAsync().AsTask().WaitAsync(BoundedWait);

        Assert.Equal(FakeTokenApi.Secret("access-2"), token);
        Assert.Equal((2, 0), (_api.AcquireCalls, _api.RefreshCalls));
        Assert.Contains(_log.Lines, line => line.StartsWith("TokenStoreFailed fleet read IOException", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Lines, line => line.Contains("SECRET", StringComparison.Ordinal));

        // Back up: the next due token goes through the store again, under the lease, and is shared. The stored refresh
        // token was never sent (the instance acquired alone), so the lease holder may refresh with it.
        _store.Down = false;
        _clock.Advance(TimeSpan.FromMinutes(55));
        Assert.Equal(FakeTokenApi.Secret("refreshed-1"), await session.GetAccessTokenAsync());
        await using TokenSession other = Instance();
        Assert.Equal(FakeTokenApi.Secret("refreshed-1"), await other.GetAccessTokenAsync());
        Assert.Equal((2, 1), (_api.AcquireCalls, _api.RefreshCalls));
        Assert.Equal([FakeTokenApi.Secret("refresh-1")], _api.RefreshedWith());
    }

    [Fact]
    public async Task The_store_holds_no_readable_token_and_its_key_holds_no_credential()
    {
        var options = new TokenSessionOptions { Name = "fleet" };
        await using TokenSession session = Instance(options, credentialId: "client-42");
        await session.GetAccessTokenAsync();

        string key = Assert.Single(_store.Keys);
        Assert.StartsWith("fleet:", key, StringComparison.Ordinal);
        Assert.DoesNotContain("client-42", key, StringComparison.Ordinal);
        Assert.Equal(64, key.Length - "fleet:".Length);
        string stored = System.Text.Encoding.Latin1.GetString(_store.Entry(key).Data);
        Assert.DoesNotContain("SECRET", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("access-1", stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a changed byte")]
    [InlineData("another key")]
    [InlineData("another version")]
    public async Task An_entry_that_does_not_open_is_refused_never_used(string how)
    {
        await using (TokenSession first = Instance())
        {
            await first.GetAccessTokenAsync();
        }

        string key = Assert.Single(_store.Keys);
        (long version, byte[] data) = _store.Entry(key);
        switch (how)
        {
            case "a changed byte":
                data[^1] ^= 1;
                _store.SetEntry(key, version, data);
                break;
            case "another key":
                // A real token of the same shape, protected by an instance configured with another key.
                _store.SetEntry(key, version, ProtectAs(new AesGcmTokenProtector(AesGcmTokenProtector.GenerateKey()), key, version));
                break;
            case "another version":
                _store.SetEntry(key, version + 1, data);
                break;
        }

        await using TokenSession reader = Instance();
        string token = await reader.GetAccessTokenAsync();

        Assert.Equal(FakeTokenApi.Secret("access-2"), token);
        Assert.Equal(2, _api.AcquireCalls);
        Assert.Contains(_log.Lines, line => line.StartsWith("TokenStoreEntryRefused fleet", StringComparison.Ordinal));
    }

    [Fact]
    public void A_store_without_a_session_name_is_refused_at_construction()
    {
        var options = new TokenSessionOptions { Store = new TokenStoreOptions(_store, _protector) };
        Assert.Throws<ArgumentException>(() => new TokenSession(_api.AcquireAsync, _api.RefreshAsync, options));
    }

    [Fact]
    public void The_protector_refuses_a_key_of_the_wrong_size_and_opens_what_an_earlier_key_protected()
    {
        Assert.Throws<ArgumentException>(() => new AesGcmTokenProtector(new byte[20]));
        byte[] oldKey = AesGcmTokenProtector.GenerateKey();
        byte[] sealedBytes = new AesGcmTokenProtector(oldKey).Protect("token"u8, "ad"u8);

        var rotated = new AesGcmTokenProtector(AesGcmTokenProtector.GenerateKey(), oldKey);
        Assert.True(rotated.TryUnprotect(sealedBytes, "ad"u8, out byte[]? opened));
        Assert.Equal("token"u8.ToArray(), opened);
        Assert.False(rotated.TryUnprotect(sealedBytes, "other"u8, out _));
        Assert.False(new AesGcmTokenProtector(AesGcmTokenProtector.GenerateKey()).TryUnprotect(sealedBytes, "ad"u8, out _));
    }

    /// <summary>An entry as a session with <paramref name="protector"/> would write it: a real token, the wrong key.</summary>
    private static byte[] ProtectAs(AesGcmTokenProtector protector, string key, long version)
    {
        var token = new IssuedToken(FakeTokenApi.Secret("intruder"), null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(1));
        return protector.Protect(StoredTokenFormat.Write(token), StoredTokenFormat.AssociatedData(key, version));
    }

    private TokenSession Instance(TokenSessionOptions? options = null, string? credentialId = null) =>
        new(_api.AcquireAsync, _api.RefreshAsync, Options(options ?? new TokenSessionOptions(), _protector, credentialId));

    private TokenSessionOptions Options(TokenSessionOptions options, ITokenProtector protector, string? credentialId = null)
    {
        options.Name ??= "fleet";
        options.TimeProvider = _clock;
        options.Log = _log;
        options.Store = new TokenStoreOptions(_store, protector) { CredentialId = credentialId, PollInterval = TimeSpan.FromMilliseconds(5) };
        return options;
    }

    private static async Task<string[]> Burst(TokenSession[] fleet, int callersEach)
    {
        using var start = new ManualResetEventSlim();
        Task<string>[] callers = [.. fleet.SelectMany(session => Enumerable.Range(0, callersEach).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await session.GetAccessTokenAsync();
        })))];
        start.Set();
        return await Task.WhenAll(callers).WaitAsync(BoundedWait);
    }

    private static void ReadCached(TokenSession session, int count)
    {
        for (int i = 0; i < count; i++)
        {
            ValueTask<string> read = session.GetAccessTokenAsync();
            if (!read.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("The token was not cached.");
            }
        }
    }

    private sealed class RecordingLog : TokenGenLog
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public override void TokenStoreFailed(string? sessionName, string operation, string reason) =>
            Lines.Enqueue($"TokenStoreFailed {sessionName} {operation} {reason}");

        public override void TokenStoreEntryRefused(string? sessionName, long version) =>
            Lines.Enqueue($"TokenStoreEntryRefused {sessionName} {version}");

        public override void TokenStoreWaitTimedOut(string? sessionName, TimeSpan waited) =>
            Lines.Enqueue($"TokenStoreWaitTimedOut {sessionName}");
    }
}
