using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TokenGen.TestKit;
using static TokenGen.Extensions.Http.Tests.StatusScript;

namespace TokenGen.Extensions.Http.Tests;

/// <summary><c>AddTokenApiResilience</c>: the handler joins the named client's pipeline with the container's clock and the configured options.</summary>
public sealed class ResilienceRegistrationTests
{
    private const string ClientName = "tokens";
    private static readonly Uri s_tokenUri = new("https://auth.example.test/oauth/token");

    [Fact]
    public async Task The_handler_joins_the_pipeline_and_retries_a_503()
    {
        var script = new StatusScript(Answer(HttpStatusCode.ServiceUnavailable), Answer(HttpStatusCode.OK));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new VirtualClock(DateTimeOffset.UtcNow) { WaitsPassAtOnce = true });
        services.AddHttpClient(ClientName)
            .AddTokenApiResilience()
            .ConfigurePrimaryHttpMessageHandler(() => script);
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName).GetAsync(s_tokenUri);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, script.Attempts);
    }

    [Fact]
    public async Task The_registered_TimeProvider_is_the_handlers_clock_for_Retry_After_dates_and_waits()
    {
        // The container's clock stands in 2030, 100 ms before the date the server names; the machine's clock is years
        // earlier, so a handler reading it would find the wait far beyond the cap and not retry.
        var clock = new VirtualClock(new DateTimeOffset(2030, 1, 1, 12, 0, 0, 900, TimeSpan.Zero)) { WaitsPassAtOnce = true };
        var retryAt = new DateTimeOffset(2030, 1, 1, 12, 0, 1, TimeSpan.Zero);
        var script = new StatusScript(
            Answer(HttpStatusCode.ServiceUnavailable, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(retryAt)),
            Answer(HttpStatusCode.OK));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddHttpClient(ClientName).AddTokenApiResilience().ConfigurePrimaryHttpMessageHandler(() => script);
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName).GetAsync(s_tokenUri);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromMilliseconds(100)], clock.RequestedDelays);
    }

    [Fact]
    public async Task Configure_runs_after_the_registered_clock_is_set_and_its_options_apply()
    {
        var registered = new VirtualClock(DateTimeOffset.UtcNow) { WaitsPassAtOnce = true };
        var configured = new VirtualClock(DateTimeOffset.UtcNow) { WaitsPassAtOnce = true };
        var script = new StatusScript(Answer(HttpStatusCode.BadGateway));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(registered);
        services.AddHttpClient(ClientName)
            .AddTokenApiResilience(o =>
            {
                Assert.Same(registered, o.TimeProvider);
                o.TimeProvider = configured;
                o.MaxAttempts = 4;
                o.JitterSource = () => 1.0;
            })
            .ConfigurePrimaryHttpMessageHandler(() => script);
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName).GetAsync(s_tokenUri);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(4, script.Attempts);
        Assert.Empty(registered.RequestedDelays);
        Assert.Equal([TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800)], configured.RequestedDelays);
    }

    [Fact]
    public async Task Without_a_registered_TimeProvider_the_system_clock_is_used()
    {
        TimeProvider? seen = null;
        var services = new ServiceCollection();
        services.AddHttpClient(ClientName)
            .AddTokenApiResilience(o => seen = o.TimeProvider)
            .ConfigurePrimaryHttpMessageHandler(() => new StatusScript(Answer(HttpStatusCode.OK)));
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName).GetAsync(s_tokenUri);

        Assert.Same(TimeProvider.System, seen);
    }

    [Fact]
    public async Task An_invalid_option_fails_when_the_client_is_created()
    {
        var services = new ServiceCollection();
        services.AddHttpClient(ClientName).AddTokenApiResilience(o => o.MaxAttempts = 0);
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        Assert.Throws<ArgumentOutOfRangeException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName));
    }

    [Fact]
    public void A_null_builder_is_refused() =>
        Assert.Throws<ArgumentNullException>(() => TokenGenResilienceHttpClientBuilderExtensions.AddTokenApiResilience(null!));
}
