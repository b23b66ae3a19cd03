using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TokenGen.Clients.DirectLine;
using TokenGen.Emulator;
using TokenGen.TestKit;

namespace TokenGen.Extensions.Http.Tests;

/// <summary>
/// <c>AddTokenSession</c> and <c>AddBearerToken</c>: a Direct Line session registered once, built from the registered
/// Direct Line client, whose token the emulator issued reaches downstream clients for their configured hosts only —
/// from one acquire however many clients use it — until the provider disposes the session.
/// </summary>
public sealed class TokenSessionRegistrationTests
{
    private const string SessionName = "directline";

    /// <summary>The Direct Line client pointed at the emulator, and a session of it registered as <see cref="SessionName"/>.</summary>
    private static ServiceCollection DirectLineServices(EmulatorHost emulator)
    {
        var services = new ServiceCollection();
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, o => o.BaseAddress = emulator.DirectLineBaseAddress);
        services.AddTokenSession(SessionName, (sp, options) =>
            sp.GetRequiredService<IDirectLineTokens>().CreateTokenSession(emulator.Credentials.DirectLineSecret, options: options));
        return services;
    }

    [Fact]
    public async Task A_downstream_client_carries_the_token_the_emulator_issued_to_its_configured_host_and_to_no_other()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var services = new ServiceCollection();
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, o => o.BaseAddress = emulator.DirectLineBaseAddress);
        services.AddTokenSession(SessionName, sp =>
            sp.GetRequiredService<IDirectLineTokens>().CreateTokenSession(emulator.Credentials.DirectLineSecret));
        var wire = new RecordingHandler();
        services.AddHttpClient("bot")
            .AddBearerToken(SessionName, "bot.example.test")
            .ConfigurePrimaryHttpMessageHandler(() => wire);
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        var bot = provider.GetRequiredService<IHttpClientFactory>().CreateClient("bot");
        (await bot.GetAsync(new Uri("https://bot.example.test/v3/conversations"))).Dispose();
        (await bot.GetAsync(new Uri("https://elsewhere.example.test/v3/conversations"))).Dispose();

        var sent = wire.Requests.ToArray();
        Assert.Equal(2, sent.Length);
        Assert.Equal("bot.example.test", sent[0].Uri.Host);
        Assert.NotNull(sent[0].Authorization);
        Assert.StartsWith("Bearer ", sent[0].Authorization, StringComparison.Ordinal);
        Assert.Equal("elsewhere.example.test", sent[1].Uri.Host);
        Assert.Null(sent[1].Authorization);
        Assert.Equal(1, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));

        // The emulator only refreshes a token it issued and that is still alive: the header carried one.
        var refreshed = await provider.GetRequiredService<IDirectLineTokens>().RefreshTokenAsync(sent[0].Authorization!);
        Assert.False(string.IsNullOrEmpty(refreshed.Token));
    }

    [Fact]
    public async Task Clients_created_twice_under_two_names_share_one_session_and_one_acquire()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var services = DirectLineServices(emulator);
        var wire = new RecordingHandler();
        services.AddHttpClient("bot")
            .AddBearerToken(SessionName, "bot.example.test")
            .ConfigurePrimaryHttpMessageHandler(() => wire);
        services.AddHttpClient("webchat")
            .AddBearerToken(SessionName, "https://webchat.example.test")
            .ConfigurePrimaryHttpMessageHandler(() => wire);
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        var factory = provider.GetRequiredService<IHttpClientFactory>();
        (await factory.CreateClient("bot").GetAsync(new Uri("https://bot.example.test/"))).Dispose();
        (await factory.CreateClient("webchat").GetAsync(new Uri("https://webchat.example.test/"))).Dispose();
        (await factory.CreateClient("bot").GetAsync(new Uri("https://bot.example.test/"))).Dispose();

        var sent = wire.Requests.ToArray();
        Assert.Equal(3, sent.Length);
        Assert.NotNull(sent[0].Authorization);
        Assert.All(sent, request => Assert.Equal(sent[0].Authorization, request.Authorization));
        Assert.Equal(1, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
        Assert.Equal(0, emulator.RequestCount(EmulatorRoutes.DirectLineRefresh));

        await using var scope = provider.CreateAsyncScope();
        Assert.Same(
            provider.GetRequiredKeyedService<TokenSession>(SessionName),
            scope.ServiceProvider.GetRequiredKeyedService<TokenSession>(SessionName));
    }

    [Fact]
    public async Task The_session_is_disposed_with_the_provider()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var provider = TokenApiClientRegistrationTests.Build(DirectLineServices(emulator));
        TokenSession session;
        try
        {
            session = provider.GetRequiredKeyedService<TokenSession>(SessionName);
            Assert.False(string.IsNullOrEmpty(await session.GetAccessTokenAsync()));
            Assert.NotNull(session.Current);
        }
        finally
        {
            await provider.DisposeAsync();
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await session.GetAccessTokenAsync());
        Assert.Null(session.Current);
        Assert.Contains("Disposed", session.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_options_carry_the_sessions_name_and_the_registered_clock()
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create);
        TokenSessionOptions? given = null;
        services.AddTokenSession(SessionName, (sp, options) =>
        {
            given = options;
            return sp.GetRequiredService<IDirectLineTokens>().CreateTokenSession("dl-secret", options: options);
        });
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        var session = provider.GetRequiredKeyedService<TokenSession>(SessionName);

        Assert.NotNull(given);
        Assert.Equal(SessionName, given.Name);
        Assert.Same(clock, given.TimeProvider);
        Assert.Contains("'directline'", session.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_registered_clock_the_session_options_use_the_system_clock()
    {
        var services = new ServiceCollection();
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create);
        TokenSessionOptions? given = null;
        services.AddTokenSession(SessionName, (sp, options) =>
        {
            given = options;
            return sp.GetRequiredService<IDirectLineTokens>().CreateTokenSession("dl-secret", options: options);
        });
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        provider.GetRequiredKeyedService<TokenSession>(SessionName);

        Assert.NotNull(given);
        Assert.Same(TimeProvider.System, given.TimeProvider);
    }

    [Fact]
    public async Task A_client_whose_session_was_never_registered_fails_when_created_and_the_message_names_the_session()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("bot").AddBearerToken("nowhere", "bot.example.test");
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        var missing = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("bot"));

        Assert.Contains("'nowhere'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBearerToken_refuses_an_empty_session_name_and_an_empty_host_list()
    {
        var builder = new ServiceCollection().AddHttpClient("bot");

        Assert.Throws<ArgumentException>(() => builder.AddBearerToken("", "bot.example.test"));
        Assert.Throws<ArgumentException>(() => builder.AddBearerToken(SessionName));
        Assert.Throws<ArgumentNullException>(() => builder.AddBearerToken(SessionName, hosts: null!));
    }

    [Fact]
    public async Task The_hosts_are_copied_when_registered_so_changing_the_array_later_sends_no_token_elsewhere()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var services = DirectLineServices(emulator);
        var wire = new RecordingHandler();
        string[] hosts = ["bot.example.test"];
        services.AddHttpClient("bot")
            .AddBearerToken(SessionName, hosts)
            .ConfigurePrimaryHttpMessageHandler(() => wire);
        hosts[0] = "elsewhere.example.test";
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        var bot = provider.GetRequiredService<IHttpClientFactory>().CreateClient("bot");
        (await bot.GetAsync(new Uri("https://elsewhere.example.test/"))).Dispose();

        var sent = Assert.Single(wire.Requests);
        Assert.Null(sent.Authorization);
        Assert.Equal(0, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
    }
}
