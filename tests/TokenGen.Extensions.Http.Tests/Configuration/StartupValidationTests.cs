using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TokenGen.Clients.DirectLine;

namespace TokenGen.Extensions.Http.Tests.Configuration;

/// <summary>
/// Bad settings stop the host from starting — before any session or client is built — with a message that names each
/// bad key's full configuration path and its value; good settings start it.
/// </summary>
public sealed class StartupValidationTests
{
    /// <summary>
    /// A host whose configuration holds <paramref name="keys"/>, with a Direct Line client (and its resilience) read from
    /// <c>TokenGen:Clients:directline</c> and a session read from <c>TokenGen:Sessions:directline</c>.
    /// </summary>
    private static IHost Host(Action onSessionBuilt, params (string Key, string? Value)[] keys)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddKeys(keys);
        var client = builder.Configuration.GetSection("TokenGen:Clients:directline");
        builder.Services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, client)
            .AddTokenApiResilience(client.GetSection("Resilience"));
        builder.Services.AddTokenSession("directline", builder.Configuration.GetSection("TokenGen:Sessions:directline"), (sp, options) =>
        {
            onSessionBuilt();
            return sp.GetRequiredService<IDirectLineTokens>().CreateTokenSession("not-a-real-secret", options: options);
        });
        return builder.Build();
    }

    private static async Task<OptionsValidationException> StartFails(params (string Key, string? Value)[] keys)
    {
        var sessionsBuilt = 0;
        using var host = Host(() => sessionsBuilt++, keys);
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Equal(0, sessionsBuilt);
        return failure;
    }

    [Fact]
    public async Task Good_settings_start_the_host_and_the_session_is_built_with_them()
    {
        var sessionsBuilt = 0;
        using var host = Host(
            () => sessionsBuilt++,
            ("TokenGen:Clients:directline:BaseAddress", "https://europe.directline.botframework.com"),
            ("TokenGen:Clients:directline:Timeout", "00:00:10"),
            ("TokenGen:Clients:directline:Resilience:MaxAttempts", "2"),
            ("TokenGen:Sessions:directline:RefreshSkewRatio", "0.2"));

        await host.StartAsync();
        host.Services.GetRequiredKeyedService<TokenSession>("directline");
        await host.StopAsync();

        Assert.Equal(1, sessionsBuilt);
    }

    [Fact]
    public async Task Session_settings_out_of_range_name_their_path_and_value()
    {
        var failure = await StartFails(
            ("TokenGen:Sessions:directline:MinimumRefreshSkew", "-00:00:01"),
            ("TokenGen:Sessions:directline:RefreshSkewRatio", "1.5"));

        Assert.Equal(
            new[]
            {
                "TokenGen:Sessions:directline:MinimumRefreshSkew must be 00:00:00 or longer (it is -00:00:01).",
                "TokenGen:Sessions:directline:RefreshSkewRatio must be between 0 and 1 (it is 1.5).",
            },
            failure.Failures);
        Assert.Contains("RefreshSkewRatio must be between 0 and 1 (it is 1.5)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_session_key_fails_and_lists_the_settings_there_are()
    {
        var failure = await StartFails(("TokenGen:Sessions:directline:RefreshSkew", "00:02:00"));

        Assert.Equal(
            "TokenGen:Sessions:directline:RefreshSkew is not a setting of a token session; the settings are MinimumRefreshSkew, RefreshSkewRatio, ProactiveRefresh, ReadJwtExpiry.",
            Assert.Single(failure.Failures));
    }

    [Fact]
    public async Task Resilience_settings_out_of_range_name_their_path_and_value()
    {
        var failure = await StartFails(
            ("TokenGen:Clients:directline:Resilience:MaxAttempts", "0"),
            ("TokenGen:Clients:directline:Resilience:BaseDelay", "-00:00:01"),
            ("TokenGen:Clients:directline:Resilience:AttemptTimeout", "00:00:00"),
            ("TokenGen:Clients:directline:Resilience:TotalTimeout", "-00:00:05"),
            ("TokenGen:Clients:directline:Resilience:MaxBufferedContentBytes", "0"));

        Assert.Equal(
            new[]
            {
                "TokenGen:Clients:directline:Resilience:MaxAttempts must be between 1 and 100 (it is 0).",
                "TokenGen:Clients:directline:Resilience:BaseDelay must be between 00:00:00 and 24.20:31:23.6470000 (it is -00:00:01).",
                "TokenGen:Clients:directline:Resilience:AttemptTimeout must be more than 00:00:00 and at most 24.20:31:23.6470000, or -00:00:00.0010000 (infinite) (it is 00:00:00).",
                "TokenGen:Clients:directline:Resilience:TotalTimeout must be more than 00:00:00 and at most 24.20:31:23.6470000, or -00:00:00.0010000 (infinite) (it is -00:00:05).",
                $"TokenGen:Clients:directline:Resilience:MaxBufferedContentBytes must be between 1 and {Array.MaxLength - 1} (it is 0).",
            },
            failure.Failures);
    }

    [Theory]
    [InlineData("", "TokenGen:Clients:directline:BaseAddress is empty: give an absolute https URI, or leave the key out to use the interface's [TokenApi(BaseAddress)].")]
    [InlineData("/v3/directline", "TokenGen:Clients:directline:BaseAddress must be an absolute http or https URI (it is \"/v3/directline\").")]
    [InlineData("ftp://directline.example.com", "TokenGen:Clients:directline:BaseAddress must be an absolute http or https URI (it is \"ftp://directline.example.com\").")]
    [InlineData("http://directline.example.com", "TokenGen:Clients:directline:BaseAddress sends credentials over plain http to a host other than loopback: use https, or set AllowInsecureHttp to true (it is \"http://directline.example.com\").")]
    public async Task A_base_address_the_client_could_not_use_fails_the_start(string address, string message)
    {
        var failure = await StartFails(("TokenGen:Clients:directline:BaseAddress", address));

        Assert.Equal(message, Assert.Single(failure.Failures));
    }

    [Fact]
    public async Task Plain_http_is_accepted_to_loopback_or_with_AllowInsecureHttp()
    {
        foreach (var keys in new[]
        {
            new[] { ("TokenGen:Clients:directline:BaseAddress", (string?)"http://127.0.0.1:5000/directline/") },
            new[] { ("TokenGen:Clients:directline:BaseAddress", (string?)"http://directline.internal"), ("TokenGen:Clients:directline:AllowInsecureHttp", "true") },
        })
        {
            using var host = Host(() => { }, keys);
            await host.StartAsync();
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Client_timeout_and_size_limit_out_of_range_name_their_path_and_value()
    {
        var failure = await StartFails(
            ("TokenGen:Clients:directline:Timeout", "00:00:00"),
            ("TokenGen:Clients:directline:MaxResponseContentBytes", "-1"),
            ("TokenGen:Clients:directline:Retries", "3"));

        Assert.Equal(
            new[]
            {
                "TokenGen:Clients:directline:Retries is not a setting of a token API client; the settings are BaseAddress, Timeout, MaxResponseContentBytes, AllowInsecureHttp, Resilience.",
                "TokenGen:Clients:directline:Timeout must be more than 00:00:00 and at most 24.20:31:23.6470000, or -00:00:00.0010000 (infinite) (it is 00:00:00).",
                "TokenGen:Clients:directline:MaxResponseContentBytes must be 1 or more (it is -1).",
            },
            failure.Failures);
    }

    [Fact]
    public async Task A_value_that_is_not_a_time_fails_the_start_with_its_path()
    {
        using var host = Host(() => { }, ("TokenGen:Sessions:directline:MinimumRefreshSkew", "two minutes"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("TokenGen:Sessions:directline:MinimumRefreshSkew", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_sections_of_a_session_and_a_client_are_reported_together()
    {
        using var host = Host(
            () => { },
            ("TokenGen:Sessions:directline:RefreshSkewRatio", "2"),
            ("TokenGen:Clients:directline:Resilience:MaxAttempts", "101"));

        var failure = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync());

        Assert.Equal(2, failure.InnerExceptions.Count);
        Assert.All(failure.InnerExceptions, inner => Assert.IsType<OptionsValidationException>(inner));
        Assert.Contains("TokenGen:Sessions:directline:RefreshSkewRatio must be between 0 and 1 (it is 2).", failure.Message, StringComparison.Ordinal);
        Assert.Contains("TokenGen:Clients:directline:Resilience:MaxAttempts must be between 1 and 100 (it is 101).", failure.Message, StringComparison.Ordinal);
    }
}
