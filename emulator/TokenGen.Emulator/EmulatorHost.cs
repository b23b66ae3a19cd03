using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TokenGen.Emulator.Apis;

namespace TokenGen.Emulator;

/// <summary>
/// A running emulator of the five token APIs on <c>http://127.0.0.1:&lt;port&gt;/</c>, each API under its own
/// prefix (<see cref="DirectLineBaseAddress"/>, <see cref="BanyanBaseAddress"/>, <see cref="EsperBaseAddress"/>,
/// <see cref="RunAiBaseAddress"/>, <see cref="ProwlerBaseAddress"/>). Start one with <see cref="StartAsync"/>;
/// dispose it to stop it. It writes nothing to the console.
/// </summary>
/// <remarks>
/// <para>
/// <b>Faults.</b> Any request may carry <c>X-Emulator-Fault</c>, a <c>;</c>-separated list of items (names
/// case-insensitive, spaces ignored):
/// <c>status=&lt;400–599&gt;</c> answers that status with the API's own error body without running the operation;
/// <c>retry-after=&lt;seconds&gt;</c> (only with <c>status</c>) adds a <c>Retry-After</c> header;
/// <c>delay=&lt;milliseconds&gt;</c> waits that long in real time (abandoned if the client goes away), then goes on;
/// <c>drop</c> runs the operation, sends the headers and half the body, then resets the connection;
/// <c>truncate</c> runs the operation, announces the full <c>Content-Length</c>, sends half the body and ends;
/// <c>malformed</c> answers 200 with a body that is not valid JSON, without running the operation.
/// At most one of <c>status</c>, <c>drop</c>, <c>truncate</c>, <c>malformed</c>; <c>delay</c> combines with any.
/// Example: <c>X-Emulator-Fault: delay=200; status=429; retry-after=2</c>. A header the emulator cannot
/// parse is answered 400 with a plain-text explanation, so a typo never passes silently.
/// <see cref="EmulatorOptions.DefaultFault"/> gives the faults of every request that carries no such header.
/// </para>
/// <para>
/// <b>Counting.</b> <see cref="RequestCount"/> tells how many requests reached one operation (keys in
/// <see cref="EmulatorRoutes"/>), faulted and refused ones included; <see cref="ResetRequestCounts"/> zeroes them.
/// </para>
/// </remarks>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestPipeline _pipeline;
    private int _disposed;

    private EmulatorHost(WebApplication app, RequestPipeline pipeline, Uri baseAddress, EmulatorOptions options)
    {
        _app = app;
        _pipeline = pipeline;
        BaseAddress = baseAddress;
        Credentials = options.Credentials;
        TimeProvider = options.TimeProvider;
    }

    /// <summary>The server's root, <c>http://127.0.0.1:&lt;port&gt;/</c>, always with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The port the emulator listens on.</summary>
    public int Port => BaseAddress.Port;

    /// <summary>Direct Line's base address, <c>BaseAddress + "directline/"</c>: its routes are <c>v3/directline/tokens/…</c>.</summary>
    public Uri DirectLineBaseAddress => new(BaseAddress, "directline/");

    /// <summary>Banyan's base address with its <c>/api</c>, <c>BaseAddress + "banyan/api/"</c>: its routes are <c>v1/refresh_token</c>, <c>v2/refresh_token</c>.</summary>
    public Uri BanyanBaseAddress => new(BaseAddress, "banyan/api/");

    /// <summary>Esper's base address with its <c>/api</c>, <c>BaseAddress + "esper/api/"</c>: its routes are <c>v1/token-info/</c>, <c>v0/enterprise/…/renew-token/</c>.</summary>
    public Uri EsperBaseAddress => new(BaseAddress, "esper/api/");

    /// <summary>Run:ai's base address, <c>BaseAddress + "runai/"</c>: its routes are <c>api/v1/token</c> and <c>v1/k8s/auth/…</c>.</summary>
    public Uri RunAiBaseAddress => new(BaseAddress, "runai/");

    /// <summary>Prowler's base address, <c>BaseAddress + "prowler/"</c>: its routes are <c>api/v1/tokens</c>, <c>…/refresh</c>, <c>…/switch</c>.</summary>
    public Uri ProwlerBaseAddress => new(BaseAddress, "prowler/");

    /// <summary>The credentials the emulator was seeded with.</summary>
    public EmulatorCredentials Credentials { get; }

    /// <summary>The clock token lifetimes are measured by (<see cref="EmulatorOptions.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// Starts an emulator on 127.0.0.1 and returns once it accepts connections.
    /// </summary>
    /// <param name="options">Port, clock, credentials and token lifetimes; defaults when null.</param>
    /// <param name="cancellationToken">Abandons the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        options.Validate();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // Quiet and embeddable: no console logging, and no console lifetime taking over the host process's Ctrl+C.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port ?? 0);
        });

        var app = builder.Build();
        var pipeline = new RequestPipeline(options.DefaultFault);
        new DirectLineApi(options).Map(app, pipeline);
        new BanyanApi(options).Map(app, pipeline);
        new EsperApi(options).Map(app, pipeline);
        new RunAiApi(options).Map(app, pipeline);
        new ProwlerApi(options).Map(app, pipeline);
        app.Map(DirectLineApi.Prefix + "/{**rest}", pipeline.NotFound(Api.DirectLine));
        app.Map(BanyanApi.Prefix + "/{**rest}", pipeline.NotFound(Api.Banyan));
        app.Map(EsperApi.Prefix + "/{**rest}", pipeline.NotFound(Api.Esper));
        app.Map(RunAiApi.Prefix + "/{**rest}", pipeline.NotFound(Api.RunAi));
        app.Map(ProwlerApi.Prefix + "/{**rest}", pipeline.NotFound(Api.Prowler));

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        var port = new Uri(address).Port;
        return new EmulatorHost(app, pipeline, new Uri($"http://127.0.0.1:{port}/"), options);
    }

    /// <summary>How many requests reached the operation <paramref name="routeKey"/> (a constant of <see cref="EmulatorRoutes"/>) since start or the last reset.</summary>
    /// <param name="routeKey">One of the <see cref="EmulatorRoutes"/> constants.</param>
    /// <returns>The count, faulted and refused requests included.</returns>
    /// <exception cref="ArgumentException"><paramref name="routeKey"/> is not a route key.</exception>
    public int RequestCount(string routeKey) => _pipeline.Count(routeKey);

    /// <summary>Every operation's count, keyed by <see cref="EmulatorRoutes"/> constants.</summary>
    /// <returns>A snapshot; later requests do not change it.</returns>
    public IReadOnlyDictionary<string, int> RequestCounts() => _pipeline.Snapshot();

    /// <summary>Sets every operation's count back to zero.</summary>
    public void ResetRequestCounts() => _pipeline.Reset();

    /// <summary>Stops the server, closing open connections, and releases it.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
    }

    /// <summary>A host lifetime that leaves signals to whoever embeds the emulator (the tool handles Ctrl+C itself).</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
