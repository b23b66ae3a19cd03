using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TokenGen;
using TokenGen.Clients.DirectLine;
using TokenGen.Emulator;
using TokenGen.TestKit;

namespace TokenGen.Extensions.Http.Tests.Fleet;

/// <summary>
/// The token store on <see cref="IDistributedCache"/>, over <see cref="MemoryDistributedCache"/>: a versioned entry
/// written only over the version read and only by the lease holder, a best-effort lease with a fencing token, entries the
/// cache holds only in protected form, and sessions that warm-start from it (counted at the emulator).
/// </summary>
public sealed class DistributedCacheTokenStoreTests
{
    private const string Key = "directline:0f1e";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private readonly MemoryDistributedCache _cache = new(Options.Create(new MemoryDistributedCacheOptions()));
    private readonly ShiftedClock _clock = new();

    private DistributedCacheTokenStore NewStore() => new(_cache, new DistributedCacheTokenStoreOptions { TimeProvider = _clock });

    [Fact]
    public async Task An_entry_written_under_the_lease_reads_back_with_its_version_and_each_write_goes_one_version_up()
    {
        var store = NewStore();
        Assert.Null(await store.ReadAsync(Key, CancellationToken.None));

        var lease = await store.TryAcquireLeaseAsync(Key, Lease, CancellationToken.None);
        Assert.NotNull(lease);
        Assert.True(await store.TryWriteAsync(Key, 0, new byte[] { 1, 2, 3 }, lease, CancellationToken.None));
        Assert.True(await store.TryWriteAsync(Key, 1, new byte[] { 4, 5 }, lease, CancellationToken.None));

        // Another store object on the same cache: what another instance of the fleet sees.
        var entry = await NewStore().ReadAsync(Key, CancellationToken.None);
        Assert.NotNull(entry);
        Assert.Equal(2, entry.Version);
        Assert.Equal(new byte[] { 4, 5 }, entry.ProtectedToken.ToArray());
    }

    [Fact]
    public async Task A_write_over_another_version_is_refused_and_leaves_the_entry_as_it_was()
    {
        var store = NewStore();
        var lease = (await store.TryAcquireLeaseAsync(Key, Lease, CancellationToken.None))!;
        Assert.True(await store.TryWriteAsync(Key, 0, new byte[] { 1 }, lease, CancellationToken.None));

        Assert.False(await store.TryWriteAsync(Key, 0, new byte[] { 9 }, lease, CancellationToken.None));
        Assert.False(await store.TryWriteAsync(Key, 5, new byte[] { 9 }, lease, CancellationToken.None));

        var entry = await store.ReadAsync(Key, CancellationToken.None);
        Assert.Equal(1, entry!.Version);
        Assert.Equal(new byte[] { 1 }, entry.ProtectedToken.ToArray());
    }

    [Fact]
    public async Task A_write_without_the_lease_is_refused_whether_the_lease_was_released_expired_or_passed_on()
    {
        var first = NewStore();
        var second = NewStore();
        var lease = (await first.TryAcquireLeaseAsync(Key, Lease, CancellationToken.None))!;
        await first.ReleaseLeaseAsync(Key, lease, CancellationToken.None);
        Assert.False(await first.TryWriteAsync(Key, 0, new byte[] { 1 }, lease, CancellationToken.None));

        var expiring = (await first.TryAcquireLeaseAsync(Key, Lease, CancellationToken.None))!;
        _clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.False(await first.TryWriteAsync(Key, 0, new byte[] { 1 }, expiring, CancellationToken.None));

        var successor = (await second.TryAcquireLeaseAsync(Key, Lease, CancellationToken.None))!;
        Assert.False(await first.TryWriteAsync(Key, 0, new byte[] { 1 }, expiring, CancellationToken.None));
        Assert.True(await second.TryWriteAsync(Key, 0, new byte[] { 2 }, successor, CancellationToken.None));
        Assert.Equal(new byte[] { 2 }, (await first.ReadAsync(Key, CancellationToken.None))!.ProtectedToken.ToArray());
    }

    [Fact]
    public async Task The_lease_is_refused_while_held_and_says_when_the_one_before_expired_instead_of_being_released()
    {
        var first = NewStore();
        var second = NewStore();
        var held = (await first.TryAcquireLeaseAsync(Key, Lease, CancellationToken.None))!;
        Assert.False(held.PreviousLeaseExpired);
        Assert.Null(await second.TryAcquireLeaseAsync(Key, Lease, CancellationToken.None));

        await first.ReleaseLeaseAsync(Key, held, CancellationToken.None);
        var afterRelease = (await second.TryAcquireLeaseAsync(Key, Lease, CancellationToken.None))!;
        Assert.False(afterRelease.PreviousLeaseExpired);
        Assert.True(afterRelease.FencingToken > held.FencingToken);

        // Never released: its holder may have sent the refresh token and lost the answer.
        _clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var afterExpiry = (await first.TryAcquireLeaseAsync(Key, Lease, CancellationToken.None))!;
        Assert.True(afterExpiry.PreviousLeaseExpired);
        Assert.True(afterExpiry.FencingToken > afterRelease.FencingToken);
    }

    [Fact]
    public async Task A_session_keeps_its_token_in_the_cache_only_in_protected_form()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var httpClient = new System.Net.Http.HttpClient();
        var store = new DistributedCacheTokenStore(_cache);
        await using var session = DirectLineSession(emulator, httpClient, store);

        string token = await session.GetAccessTokenAsync();

        var entry = await store.ReadAsync(StoredKey(), CancellationToken.None);
        Assert.NotNull(entry);
        byte[] raw = (await _cache.GetAsync(store.EntryKey(StoredKey())))!;
        byte[] tokenBytes = Encoding.ASCII.GetBytes(token);
        Assert.Equal(-1, raw.AsSpan().IndexOf(tokenBytes.AsSpan(0, 24)));
        Assert.Equal(-1, raw.AsSpan().IndexOf(tokenBytes.AsSpan(tokenBytes.Length - 24)));
    }

    [Fact]
    public async Task A_new_session_starts_warm_from_the_stored_token_and_one_changed_in_the_cache_is_never_used()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var httpClient = new System.Net.Http.HttpClient();
        byte[] protectionKey = AesGcmTokenProtector.GenerateKey();

        string first;
        await using (var session = DirectLineSession(emulator, httpClient, new DistributedCacheTokenStore(_cache), protectionKey))
        {
            first = await session.GetAccessTokenAsync();
        }

        // A restarted instance: a new session and store object, the same cache and key. No request reaches the emulator.
        await using (var restarted = DirectLineSession(emulator, httpClient, new DistributedCacheTokenStore(_cache), protectionKey))
        {
            Assert.Equal(first, await restarted.GetAccessTokenAsync());
        }

        Assert.Equal(1, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));

        // One byte changed in the cache: refused, and the next instance acquires rather than use it.
        var store = new DistributedCacheTokenStore(_cache);
        string entryKey = store.EntryKey(StoredKey());
        byte[] raw = (await _cache.GetAsync(entryKey))!;
        raw[^1] ^= 0x01;
        await _cache.SetAsync(entryKey, raw);
        await using (var later = DirectLineSession(emulator, httpClient, store, protectionKey))
        {
            string after = await later.GetAccessTokenAsync();
            Assert.NotEqual(first, after);
        }

        Assert.Equal(2, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
    }

    [Fact]
    public async Task Registered_in_one_line_it_is_the_store_every_registered_session_shares()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        byte[] protectionKey = AesGcmTokenProtector.GenerateKey();

        // Two containers on one cache: two instances of a fleet.
        ServiceProvider Instance()
        {
            var services = new ServiceCollection();
            services.AddSingleton<IDistributedCache>(_cache);
            services.AddDistributedCacheTokenStore(protectionKey);
            services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, o => o.BaseAddress = emulator.DirectLineBaseAddress);
            services.AddTokenSession("directline", (sp, options) =>
                sp.GetRequiredService<IDirectLineTokens>().CreateTokenSession(emulator.Credentials.DirectLineSecret, options: options));
            return services.BuildServiceProvider();
        }

        await using var one = Instance();
        await using var two = Instance();
        Assert.IsType<DistributedCacheTokenStore>(one.GetRequiredService<ITokenStore>());
        Assert.IsType<AesGcmTokenProtector>(one.GetRequiredService<ITokenProtector>());

        string fromOne = await one.GetRequiredKeyedService<TokenSession>("directline").GetAccessTokenAsync();
        string fromTwo = await two.GetRequiredKeyedService<TokenSession>("directline").GetAccessTokenAsync();

        Assert.Equal(fromOne, fromTwo);
        Assert.Equal(1, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
    }

    [Fact]
    public void The_registration_checks_the_key_at_once()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentException>(() => services.AddDistributedCacheTokenStore(new byte[7]));
        Assert.Throws<ArgumentNullException>(() => services.AddDistributedCacheTokenStore(null!));
    }

    private const string SessionName = "directline";

    /// <summary>The key a session named <see cref="SessionName"/> with no credential id stores under: its name and the SHA-256 of "".</summary>
    private static string StoredKey() =>
        SessionName + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Array.Empty<byte>())).ToLowerInvariant();

    private static TokenSession DirectLineSession(EmulatorHost emulator, System.Net.Http.HttpClient httpClient, ITokenStore store, byte[]? protectionKey = null)
    {
        var client = IDirectLineTokens.Create(httpClient, new TokenApiClientOptions { BaseAddress = emulator.DirectLineBaseAddress });
        return client.CreateTokenSession(emulator.Credentials.DirectLineSecret, options: new TokenSessionOptions
        {
            Name = SessionName,
            Store = new TokenStoreOptions(store, new AesGcmTokenProtector(protectionKey ?? AesGcmTokenProtector.GenerateKey())),
        });
    }
}
