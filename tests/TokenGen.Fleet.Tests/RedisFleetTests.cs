using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;
using TokenGen.Clients.DirectLine;
using TokenGen.Emulator;
using TokenGen.TestKit;

namespace TokenGen.Fleet.Tests;

/// <summary>
/// Instances of one application in this process — each its own service container, Redis connection and session,
/// registered as an application would (<c>AddRedisTokenStore</c>, <c>AddTokenSession</c>) — against one real Redis and the
/// emulator: warm start, entries that must be refused, and Redis killed and restarted while callers keep asking.
/// </summary>
public sealed class RedisFleetTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private static readonly TimeSpan BoundedWait = TimeSpan.FromSeconds(60);

    private readonly ShiftedClock _clock = new();
    private readonly byte[] _key = AesGcmTokenProtector.GenerateKey();
    private readonly FakeLogCollector _logs = new();
    private readonly List<ServiceProvider> _instances = [];
    private readonly string _name = "directline-" + Guid.NewGuid().ToString("N")[..8];
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = _clock });

    public async Task DisposeAsync()
    {
        foreach (ServiceProvider instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_restarted_instance_uses_the_stored_token_instead_of_acquiring()
    {
        string first = await Session(Instance()).GetAccessTokenAsync();
        await _instances[0].DisposeAsync();
        _instances.Clear();

        string afterRestart = await Session(Instance()).GetAccessTokenAsync();

        Assert.Equal(first, afterRestart);
        Assert.Equal(1, _emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
    }

    [Fact]
    public async Task Redis_holds_only_ciphertext_under_a_key_without_the_credential()
    {
        string token = await Session(Instance()).GetAccessTokenAsync();

        IDatabase database = await Database();
        RedisKey[] keys = [.. (await Server()).Keys(pattern: "tokengen:{" + _name + ":*")];
        RedisKey entryKey = Assert.Single(keys, key => key.ToString().EndsWith(":entry", StringComparison.Ordinal));
        Assert.DoesNotContain(_emulator.Credentials.DirectLineSecret, entryKey.ToString(), StringComparison.Ordinal);
        byte[] stored = (byte[])(await database.HashGetAsync(entryKey, "d"))!;
        Assert.DoesNotContain(token[..20], System.Text.Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_changed_in_Redis_is_refused_and_replaced_never_used()
    {
        string first = await Session(Instance()).GetAccessTokenAsync();
        IDatabase database = await Database();
        RedisKey entryKey = EntryKey();
        byte[] stored = (byte[])(await database.HashGetAsync(entryKey, "d"))!;
        stored[^1] ^= 0x01;
        await database.HashSetAsync(entryKey, "d", stored);

        string other = await Session(Instance()).GetAccessTokenAsync();

        Assert.NotEqual(first, other);
        Assert.Equal(2, _emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
        Assert.Contains(LogLines(), line => line.Contains("TokenStoreEntryRefused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_entry_written_under_another_key_is_refused_never_used()
    {
        string foreign = await Session(Instance(protectionKey: AesGcmTokenProtector.GenerateKey())).GetAccessTokenAsync();

        string own = await Session(Instance()).GetAccessTokenAsync();

        Assert.NotEqual(foreign, own);
        Assert.Equal(2, _emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
        Assert.Contains(LogLines(), line => line.Contains("TokenStoreEntryRefused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_Redis_killed_and_restarted_mid_run_every_caller_is_answered_and_no_log_holds_a_secret()
    {
        TokenSession[] fleet = [Session(Instance()), Session(Instance()), Session(Instance())];
        var tokens = new ConcurrentBag<string>();
        for (int round = 0; round < 8; round++)
        {
            if (round == 2)
            {
                await redis.KillAsync();
            }
            else if (round == 5)
            {
                await redis.StartAsync();
            }

            if (round > 0)
            {
                _clock.Advance(TimeSpan.FromMinutes(29));
            }

            // Every caller of every instance gets a token: an exception here fails the test.
            string[] answered = await Task.WhenAll(fleet.SelectMany(session => Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
                await session.GetAccessTokenAsync().AsTask().WaitAsync(BoundedWait)))));
            Assert.Equal(24, answered.Length);
            foreach (string token in answered)
            {
                tokens.Add(token);
            }
        }

        Assert.Contains(LogLines(), line => line.Contains("TokenStoreFailed", StringComparison.Ordinal));
        string[] secrets = [.. tokens.Distinct(), _emulator.Credentials.DirectLineSecret, Convert.ToHexString(_key)];
        foreach (string line in LogLines())
        {
            foreach (string secret in secrets)
            {
                Assert.False(line.Contains(secret, StringComparison.OrdinalIgnoreCase), $"A log line holds a secret: {line}");
            }
        }
    }

    private ServiceProvider Instance(byte[]? protectionKey = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(_logs)).SetMinimumLevel(LogLevel.Trace));
        services.AddRedisTokenStore(redis.Configuration, protectionKey ?? _key);
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, o => o.BaseAddress = _emulator.DirectLineBaseAddress);
        services.AddTokenSession(_name, (provider, options) =>
        {
            options.Store!.PollInterval = TimeSpan.FromMilliseconds(10);
            options.Store.OperationTimeout = TimeSpan.FromSeconds(3);
            return provider.GetRequiredService<IDirectLineTokens>().CreateTokenSession(_emulator.Credentials.DirectLineSecret, options: options);
        });
        ServiceProvider provider = services.BuildServiceProvider();
        _instances.Add(provider);
        return provider;
    }

    private TokenSession Session(ServiceProvider instance) => instance.GetRequiredKeyedService<TokenSession>(_name);

    private async Task<IDatabase> Database() => (await Connection()).GetDatabase();

    private async Task<IServer> Server() => (await Connection()).GetServer("127.0.0.1", redis.Port);

    private RedisKey EntryKey() => "tokengen:{" + _name + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData([])).ToLowerInvariant() + "}:entry";

    private ConnectionMultiplexer? _connection;

    private async Task<ConnectionMultiplexer> Connection() => _connection ??= await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");

    /// <summary>Each log record as one line: category, event name, message and exception, to search for names and secrets.</summary>
    private IEnumerable<string> LogLines() =>
        _logs.GetSnapshot().Select(record => $"{record.Category} {record.Id.Name} {record.Message} {record.Exception}");
}
