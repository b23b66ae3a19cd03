using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TokenGen.Clients;
using TokenGen.Clients.DirectLine;
using TokenGen.Emulator;

namespace TokenGen.Extensions.Http.Tests.Configuration;

/// <summary>
/// Session, client and resilience settings read from configuration by name — each session and client its own section
/// of an appsettings.json document — reach the options the runtime is built with; keys left out keep the defaults, and
/// code configured after the section wins.
/// </summary>
public sealed class ConfigurationBindingTests
{
    private const string Document = """
        {
          "TokenGen": {
            "Sessions": {
              "directline": { "MinimumRefreshSkew": "00:05:00", "RefreshSkewRatio": 0.25, "ProactiveRefresh": true, "ReadJwtExpiry": false },
              "webchat": { "MinimumRefreshSkew": "00:00:30" }
            },
            "Clients": {
              "directline": {
                "Timeout": "00:00:07",
                "MaxResponseContentBytes": 4096,
                "Resilience": {
                  "MaxAttempts": 5,
                  "BaseDelay": "00:00:00.050",
                  "MaxDelay": "00:00:02",
                  "MaxRetryAfter": "00:00:00",
                  "AttemptTimeout": "-00:00:00.001",
                  "TotalTimeout": "00:01:00",
                  "BufferResponseContent": false,
                  "MaxBufferedContentBytes": 65536
                }
              }
            }
          }
        }
        """;

    [Fact]
    public async Task Each_session_gets_the_settings_of_its_own_section_and_the_defaults_for_keys_left_out()
    {
        var configuration = AppSettings.FromJson(Document);
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create);
        var seen = new ConcurrentDictionary<string, TokenSessionOptions>();
        foreach (var name in new[] { "directline", "webchat" })
        {
            services.AddTokenSession(name, configuration.GetSection($"TokenGen:Sessions:{name}"), (sp, options) =>
            {
                seen[name] = options;
                return sp.GetRequiredService<IDirectLineTokens>().CreateTokenSession("not-a-real-secret", options: options);
            });
        }

        await using var provider = TokenApiClientRegistrationTests.Build(services);
        provider.GetRequiredKeyedService<TokenSession>("directline");
        provider.GetRequiredKeyedService<TokenSession>("webchat");

        var directLine = seen["directline"];
        Assert.Equal(TimeSpan.FromMinutes(5), directLine.MinimumRefreshSkew);
        Assert.Equal(0.25, directLine.RefreshSkewRatio);
        Assert.True(directLine.ProactiveRefresh);
        Assert.False(directLine.ReadJwtExpiry);

        var webChat = seen["webchat"];
        Assert.Equal(TimeSpan.FromSeconds(30), webChat.MinimumRefreshSkew);
        Assert.Equal(TokenSessionOptions.DefaultRefreshSkewRatio, webChat.RefreshSkewRatio);
        Assert.False(webChat.ProactiveRefresh);
        Assert.True(webChat.ReadJwtExpiry);

        // What the registration sets besides the section stays: the name and the container's clock.
        Assert.Equal("webchat", webChat.Name);
        Assert.Same(clock, directLine.TimeProvider);
        Assert.Same(clock, webChat.TimeProvider);
    }

    [Fact]
    public async Task A_client_section_sets_the_base_address_the_timeout_and_the_size_limit_and_the_client_calls_that_address()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var configuration = AppSettings.FromJson(Document);
        // The emulator's address is known only at run time: a later provider adds it, as environment variables would.
        var overlay = AppSettings.FromKeys(("TokenGen:Clients:directline:BaseAddress", emulator.DirectLineBaseAddress.ToString()));
        var section = new ConfigurationBuilder()
            .AddConfiguration(configuration).AddConfiguration(overlay).Build().GetSection("TokenGen:Clients:directline");
        var services = new ServiceCollection();
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, section);
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        var options = provider.GetRequiredService<IOptionsMonitor<TokenApiHttpClientOptions>>().Get(nameof(IDirectLineTokens));
        Assert.Equal(emulator.DirectLineBaseAddress, options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Timeout);
        Assert.Equal(4096, options.MaxResponseContentBytes);
        Assert.False(options.AllowInsecureHttp);
        Assert.Equal(TimeSpan.FromSeconds(7), provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IDirectLineTokens)).Timeout);

        var conversation = await provider.GetRequiredService<IDirectLineTokens>()
            .GenerateTokenAsync(BearerToken.Format(emulator.Credentials.DirectLineSecret));
        Assert.False(string.IsNullOrEmpty(conversation.Token));
        Assert.Equal(1, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
    }

    [Fact]
    public async Task Code_that_configures_the_client_after_its_section_wins()
    {
        var section = AppSettings.FromJson(Document).GetSection("TokenGen:Clients:directline");
        var services = new ServiceCollection();
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, section);
        services.Configure<TokenApiHttpClientOptions>(nameof(IDirectLineTokens), o => o.Timeout = TimeSpan.FromSeconds(3));
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        var options = provider.GetRequiredService<IOptionsMonitor<TokenApiHttpClientOptions>>().Get(nameof(IDirectLineTokens));
        Assert.Equal(TimeSpan.FromSeconds(3), options.Timeout);
        Assert.Equal(4096, options.MaxResponseContentBytes);
    }

    [Fact]
    public async Task A_resilience_section_sets_every_handler_option_and_the_callback_runs_after_it()
    {
        var section = AppSettings.FromJson(Document).GetSection("TokenGen:Clients:directline");
        var clock = new FakeTimeProvider();
        TokenApiResilienceOptions? built = null;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, section)
            .AddTokenApiResilience(section.GetSection("Resilience"), o =>
            {
                // The section's values are already in place when the callback runs.
                Assert.Equal(5, o.MaxAttempts);
                o.MaxAttempts = 4;
                built = o;
            });
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IDirectLineTokens)).Dispose();

        Assert.NotNull(built);
        Assert.Equal(4, built.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(50), built.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(2), built.MaxDelay);
        Assert.Equal(TimeSpan.Zero, built.MaxRetryAfter);
        Assert.Equal(Timeout.InfiniteTimeSpan, built.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), built.TotalTimeout);
        Assert.False(built.BufferResponseContent);
        Assert.Equal(65536, built.MaxBufferedContentBytes);
        Assert.Same(clock, built.TimeProvider);
    }

    [Fact]
    public async Task A_missing_section_leaves_every_default()
    {
        var section = AppSettings.FromJson(Document).GetSection("TokenGen:Sessions:absent");
        TokenSessionOptions? seen = null;
        var services = new ServiceCollection();
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create);
        services.AddTokenSession("absent", section, (sp, options) =>
        {
            seen = options;
            return sp.GetRequiredService<IDirectLineTokens>().CreateTokenSession("not-a-real-secret", options: options);
        });
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        provider.GetRequiredKeyedService<TokenSession>("absent");

        Assert.NotNull(seen);
        Assert.Equal(TokenSessionOptions.DefaultMinimumRefreshSkew, seen.MinimumRefreshSkew);
        Assert.Equal(TokenSessionOptions.DefaultRefreshSkewRatio, seen.RefreshSkewRatio);
        Assert.False(seen.ProactiveRefresh);
        Assert.True(seen.ReadJwtExpiry);
    }

    [Fact]
    public void The_configuration_overloads_refuse_null_arguments()
    {
        var services = new ServiceCollection();
        var section = AppSettings.FromJson(Document).GetSection("TokenGen:Sessions:directline");
        Assert.Throws<ArgumentNullException>(() => services.AddTokenSession("directline", null!, (_, _) => null!));
        Assert.Throws<ArgumentNullException>(() => services.AddTokenSession("directline", section, null!));
        Assert.Throws<ArgumentException>(() => services.AddTokenSession("", section, (_, _) => null!));
        Assert.Throws<ArgumentNullException>(
            () => services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, (IConfigurationSection)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddHttpClient("x").AddTokenApiResilience((IConfigurationSection)null!));
    }
}
