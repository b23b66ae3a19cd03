using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using TokenGen.Clients.DirectLine;
using TokenGen.Emulator;

namespace TokenGen.Extensions.Http.Tests.Configuration;

/// <summary>
/// A token session registered in the container lives as long as it, and so does the client it was built with; yet each of
/// its token requests goes through the handler pipeline the factory holds at that moment, so handler rotation (a new
/// primary handler, new connections, a new DNS lookup) reaches it.
/// </summary>
public sealed class HttpClientFreshnessTests
{
    /// <summary>
    /// The container's handler factory, counting the pipelines handed out per name. A pipeline looked up per request is
    /// what lets the factory's rotation reach a client created once.
    /// </summary>
    private sealed class CountingPipelines(IHttpMessageHandlerFactory inner) : IHttpMessageHandlerFactory
    {
        public ConcurrentDictionary<string, int> Lookups { get; } = new(StringComparer.Ordinal);

        public HttpMessageHandler CreateHandler(string name)
        {
            Lookups.AddOrUpdate(name, 1, (_, count) => count + 1);
            return inner.CreateHandler(name);
        }
    }

    private static (ServiceCollection Services, Func<IServiceProvider, CountingPipelines> Pipelines) Services(EmulatorHost emulator)
    {
        var services = new ServiceCollection();
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, o => o.BaseAddress = emulator.DirectLineBaseAddress);
        services.AddTokenSession("directline", (sp, options) =>
            sp.GetRequiredService<IDirectLineTokens>().CreateTokenSession(emulator.Credentials.DirectLineSecret, options: options));

        // The factory behind IHttpClientFactory also makes the pipelines; the counter stands in front of it.
        services.AddSingleton(sp => new CountingPipelines((IHttpMessageHandlerFactory)sp.GetRequiredService<IHttpClientFactory>()));
        services.AddSingleton<IHttpMessageHandlerFactory>(sp => sp.GetRequiredService<CountingPipelines>());
        return (services, sp => sp.GetRequiredService<CountingPipelines>());
    }

    [Fact]
    public async Task Every_token_request_of_a_long_lived_session_looks_up_the_current_pipeline()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var (services, pipelines) = Services(emulator);
        await using var provider = TokenApiClientRegistrationTests.Build(services);
        var session = provider.GetRequiredKeyedService<TokenSession>("directline");
        var counting = pipelines(provider);

        var first = await session.GetTokenAsync();
        var afterAcquire = counting.Lookups.GetValueOrDefault(nameof(IDirectLineTokens));
        await session.RefreshAsync(first.AccessToken);
        await session.RefreshAsync(null);

        // One acquire and two refreshes, each through the pipeline current when it was sent: the session's client, built
        // once, did not pin the pipeline it was created with.
        Assert.Equal(1, afterAcquire);
        Assert.Equal(3, counting.Lookups[nameof(IDirectLineTokens)]);
        Assert.Equal(1, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
        Assert.Equal(2, emulator.RequestCount(EmulatorRoutes.DirectLineRefresh));
    }

    [Fact]
    public async Task The_client_still_gets_what_ConfigureHttpClient_sets_on_the_named_client()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var (services, _) = Services(emulator);
        services.AddHttpClient(nameof(IDirectLineTokens))
            .ConfigureHttpClient(http => http.DefaultRequestHeaders.Add("X-Probe", "configured"))
            .AddHttpMessageHandler(() => new ProbeRecorder());
        await using var provider = TokenApiClientRegistrationTests.Build(services);
        var session = provider.GetRequiredKeyedService<TokenSession>("directline");

        await session.GetTokenAsync();

        Assert.Equal("configured", Assert.Single(ProbeRecorder.Seen));
    }

    /// <summary>Records the <c>X-Probe</c> header of what passes through the pipeline; one test uses it.</summary>
    private sealed class ProbeRecorder : DelegatingHandler
    {
        public static ConcurrentQueue<string> Seen { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            Seen.Enqueue(string.Join(",", request.Headers.TryGetValues("X-Probe", out var values) ? values : Array.Empty<string>()));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
