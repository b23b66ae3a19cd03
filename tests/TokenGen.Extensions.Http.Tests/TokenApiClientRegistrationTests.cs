using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TokenGen.Clients;
using TokenGen.Clients.DirectLine;
using TokenGen.Emulator;

namespace TokenGen.Extensions.Http.Tests;

/// <summary>
/// <c>AddTokenApiClient</c>: a generated client resolved from a real <see cref="ServiceProvider"/> sends through
/// <see cref="IHttpClientFactory"/> to the emulator, with the base address, timeout and size limit it was given.
/// </summary>
public sealed class TokenApiClientRegistrationTests
{
    /// <summary>The header the emulator reads faults from (see the emulator's README).</summary>
    private const string FaultHeader = "X-Emulator-Fault";

    /// <summary>Validates lifetimes as a development host does, so a singleton capturing a scoped service fails here.</summary>
    internal static ServiceProvider Build(IServiceCollection services) =>
        services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Fact]
    public async Task A_resolved_client_is_the_generated_one_and_generates_a_token_at_the_configured_base_address()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var services = new ServiceCollection();
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, o => o.BaseAddress = emulator.DirectLineBaseAddress);
        await using var provider = Build(services);

        var tokens = provider.GetRequiredService<IDirectLineTokens>();
        var conversation = await tokens.GenerateTokenAsync(BearerToken.Format(emulator.Credentials.DirectLineSecret));

        Assert.IsType<DirectLineTokensClient>(tokens);
        Assert.False(string.IsNullOrEmpty(conversation.Token));
        Assert.Equal(1800, conversation.ExpiresIn);
        Assert.Equal(1, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
    }

    [Fact]
    public async Task The_timeout_becomes_the_HttpClient_timeout_so_a_slower_answer_fails_with_a_TimeoutException()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var services = new ServiceCollection();
        services
            .AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, o =>
            {
                o.BaseAddress = emulator.DirectLineBaseAddress;
                o.Timeout = TimeSpan.FromMilliseconds(200);
            })
            // Far beyond the timeout, but bounded: without the timeout the call succeeds after it and the test fails.
            .ConfigureHttpClient(http => http.DefaultRequestHeaders.Add(FaultHeader, "delay=5000"));
        await using var provider = Build(services);

        var tokens = provider.GetRequiredService<IDirectLineTokens>();
        var timedOut = await Assert.ThrowsAsync<TaskCanceledException>(
            () => tokens.GenerateTokenAsync(BearerToken.Format(emulator.Credentials.DirectLineSecret)));

        Assert.IsType<TimeoutException>(timedOut.InnerException);
        Assert.Equal(
            TimeSpan.FromMilliseconds(200),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IDirectLineTokens)).Timeout);
    }

    [Fact]
    public async Task Without_a_timeout_the_HttpClient_keeps_the_one_configured_before()
    {
        var services = new ServiceCollection();
        services.AddHttpClient(nameof(IDirectLineTokens)).ConfigureHttpClient(http => http.Timeout = TimeSpan.FromSeconds(42));
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, o => o.BaseAddress = new Uri("https://directline.example.test"));
        await using var provider = Build(services);

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IDirectLineTokens));

        Assert.Equal(TimeSpan.FromSeconds(42), http.Timeout);
    }

    [Fact]
    public async Task The_response_size_limit_reaches_the_client_and_a_larger_answer_fails_with_TokenApiContentException()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var services = new ServiceCollection();
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, o =>
        {
            o.BaseAddress = emulator.DirectLineBaseAddress;
            o.MaxResponseContentBytes = 16;
        });
        await using var provider = Build(services);

        var tokens = provider.GetRequiredService<IDirectLineTokens>();

        await Assert.ThrowsAsync<TokenApiContentException>(
            () => tokens.GenerateTokenAsync(BearerToken.Format(emulator.Credentials.DirectLineSecret)));
        Assert.Equal(1, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
    }

    [Fact]
    public async Task The_registered_TimeProvider_is_the_clients_clock_for_an_HTTP_date_Retry_After()
    {
        // The container's clock stands in 2030, five seconds before the date the server names; measured against the
        // machine's clock the wait would come out years long.
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var script = new StatusScript(StatusScript.Answer(
            HttpStatusCode.ServiceUnavailable,
            r => r.Headers.RetryAfter = new RetryConditionHeaderValue(new DateTimeOffset(2030, 1, 1, 12, 0, 5, TimeSpan.Zero))));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, o => o.BaseAddress = new Uri("https://directline.example.test"))
            .ConfigurePrimaryHttpMessageHandler(() => script);
        await using var provider = Build(services);

        var exception = await Assert.ThrowsAsync<TokenApiException>(
            () => provider.GetRequiredService<IDirectLineTokens>().GenerateTokenAsync(BearerToken.Format("dl-secret")));

        Assert.Equal(TimeSpan.FromSeconds(5), exception.RetryAfter);
    }

    [Fact]
    public async Task The_client_is_registered_as_a_transient_factory_never_by_type_so_nothing_is_activated_by_reflection()
    {
        var services = new ServiceCollection();
        var builder = services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create);

        var registration = Assert.Single(services, descriptor => descriptor.ServiceType == typeof(IDirectLineTokens));
        Assert.Equal(ServiceLifetime.Transient, registration.Lifetime);
        Assert.NotNull(registration.ImplementationFactory);
        Assert.Null(registration.ImplementationType);
        Assert.DoesNotContain(services, descriptor => descriptor.ServiceType == typeof(DirectLineTokensClient));
        Assert.Equal("IDirectLineTokens", builder.Name);

        await using var provider = Build(services);
        Assert.NotSame(provider.GetRequiredService<IDirectLineTokens>(), provider.GetRequiredService<IDirectLineTokens>());
    }

    [Fact]
    public async Task A_client_registered_under_a_name_takes_the_HttpClient_and_the_options_of_that_name()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var services = new ServiceCollection();
        var builder = services.AddTokenApiClient<IDirectLineTokens>("directline-europe", IDirectLineTokens.Create);
        // Options set apart from the registration, the way configuration code or another module would.
        services.Configure<TokenApiHttpClientOptions>("directline-europe", o => o.BaseAddress = emulator.DirectLineBaseAddress);
        await using var provider = Build(services);

        var conversation = await provider.GetRequiredService<IDirectLineTokens>()
            .GenerateTokenAsync(BearerToken.Format(emulator.Credentials.DirectLineSecret));

        Assert.Equal("directline-europe", builder.Name);
        Assert.False(string.IsNullOrEmpty(conversation.Token));
        Assert.Equal(1, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
    }

    [Fact]
    public void The_options_refuse_a_relative_base_address_a_timeout_that_is_not_positive_and_a_size_limit_that_is_not_positive()
    {
        var options = new TokenApiHttpClientOptions();

        Assert.Throws<ArgumentException>(() => options.BaseAddress = new Uri("/v3/directline", UriKind.Relative));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxResponseContentBytes = 0);

        options.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        Assert.Equal(System.Threading.Timeout.InfiniteTimeSpan, options.Timeout);
        Assert.Null(options.BaseAddress);
        Assert.Equal(TokenApiClientOptions.DefaultMaxResponseContentBytes, options.MaxResponseContentBytes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AllowInsecureHttp_reaches_the_client_options(bool allow)
    {
        TokenApiClientOptions? received = null;
        var services = new ServiceCollection();
        services.AddTokenApiClient<IDirectLineTokens>(
            (httpClient, options) =>
            {
                received = options;
                return IDirectLineTokens.Create(httpClient, options);
            },
            o => o.AllowInsecureHttp = allow);
        using var provider = Build(services);

        provider.GetRequiredService<IDirectLineTokens>();

        Assert.Equal(allow, received!.AllowInsecureHttp);
    }

    [Fact]
    public void Registering_refuses_a_missing_factory_and_an_empty_name()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentNullException>(() => services.AddTokenApiClient<IDirectLineTokens>(factory: null!));
        Assert.Throws<ArgumentException>(() => services.AddTokenApiClient<IDirectLineTokens>("", IDirectLineTokens.Create));
        Assert.DoesNotContain(services, descriptor => descriptor.ServiceType == typeof(IDirectLineTokens));
    }
}
