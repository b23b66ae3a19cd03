using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TokenGen.Emulator;

namespace TokenGen.Clients.Tests;

/// <summary>
/// One emulator on a <see cref="FakeTimeProvider"/>, and the <see cref="HttpClient"/>s the generated clients send through.
/// A test class shares one through <c>IClassFixture&lt;TestEmulator&gt;</c> when its tests leave the clock alone; a test
/// that moves the clock starts its own with <see cref="StartAsync"/>.
/// </summary>
/// <remarks>
/// The lifetimes are set explicitly so that tests can assert them: the documented ones where a service documents
/// one (Direct Line 1800 s, Prowler 30 min / 1440 min), and values unlike the emulator's defaults elsewhere, so an
/// answer that matches proves the configured value reached the wire.
/// </remarks>
public sealed class TestEmulator : IAsyncLifetime, IAsyncDisposable
{
    public static readonly TimeSpan DirectLineTokenLifetime = TimeSpan.FromSeconds(1800);
    public static readonly TimeSpan BanyanAccessTokenLifetime = TimeSpan.FromMinutes(45);
    public static readonly TimeSpan EsperTokenLifetime = TimeSpan.FromDays(14);
    public static readonly TimeSpan RunAiAccessTokenLifetime = TimeSpan.FromMinutes(20);
    public static readonly TimeSpan RunAiRefreshTokenLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan ProwlerAccessTokenLifetime = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan ProwlerRefreshTokenLifetime = TimeSpan.FromMinutes(1440);

    /// <summary>The header the emulator reads faults from (see the emulator's README).</summary>
    private const string FaultHeader = "X-Emulator-Fault";

    private readonly ConcurrentBag<HttpClient> _httpClients = [];
    private EmulatorHost? _host;

    /// <summary>Where every emulator's clock starts: a fixed UTC instant on whole seconds (the APIs report whole seconds).</summary>
    internal static readonly DateTimeOffset ClockStart = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The emulator's clock: it stands still at <see cref="ClockStart"/> until a test moves it.</summary>
    internal FakeTimeProvider Clock { get; } = new(ClockStart);

    internal EmulatorHost Host => _host ?? throw new InvalidOperationException("The emulator has not been started.");

    internal EmulatorCredentials Credentials => Host.Credentials;

    /// <summary>A started emulator of its own, for a test that moves the clock.</summary>
    internal static async Task<TestEmulator> StartAsync()
    {
        var emulator = new TestEmulator();
        await emulator.InitializeAsync();
        return emulator;
    }

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            TimeProvider = Clock,
            DirectLineTokenLifetime = DirectLineTokenLifetime,
            BanyanAccessTokenLifetime = BanyanAccessTokenLifetime,
            EsperTokenLifetime = EsperTokenLifetime,
            RunAiAccessTokenLifetime = RunAiAccessTokenLifetime,
            RunAiRefreshTokenLifetime = RunAiRefreshTokenLifetime,
            ProwlerAccessTokenLifetime = ProwlerAccessTokenLifetime,
            ProwlerRefreshTokenLifetime = ProwlerRefreshTokenLifetime,
        });
    }

    /// <summary>
    /// An <see cref="HttpClient"/> for a generated client. With <paramref name="fault"/>, every request it sends carries
    /// <c>X-Emulator-Fault: &lt;fault&gt;</c> through <see cref="HttpClient.DefaultRequestHeaders"/>: the generated clients
    /// add their own headers to each request and leave the HttpClient's defaults in place, which is how a caller sends a
    /// header the interface does not declare.
    /// </summary>
    internal HttpClient Http(string? fault = null, HttpMessageHandler? handler = null, Uri? baseAddress = null)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: true);
        http.BaseAddress = baseAddress;
        if (fault is not null)
        {
            http.DefaultRequestHeaders.Add(FaultHeader, fault);
        }

        _httpClients.Add(http);
        return http;
    }

    /// <summary>The options that point a generated client at one API of this emulator.</summary>
    internal static TokenApiClientOptions At(Uri baseAddress) => new() { BaseAddress = baseAddress };

    /// <summary>Options for a client at <paramref name="baseAddress"/> that reads "now" from <paramref name="clock"/>.</summary>
    internal static TokenApiClientOptions At(Uri baseAddress, TimeProvider clock) => new() { BaseAddress = baseAddress, TimeProvider = clock };

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        while (_httpClients.TryTake(out var http))
        {
            http.Dispose();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
