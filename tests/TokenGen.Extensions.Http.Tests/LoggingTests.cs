using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using TokenGen.Clients;
using TokenGen.Clients.DirectLine;
using TokenGen.TestKit;
using static TokenGen.Extensions.Http.Tests.StatusScript;

namespace TokenGen.Extensions.Http.Tests;

/// <summary>
/// What the resilience handler and token sessions report reaches the container's <see cref="ILoggerFactory"/> through
/// <see cref="LoggerTokenGenLog"/>'s source-generated <c>LoggerMessage</c> methods, under the category of the component that reported it.
/// </summary>
public sealed class LoggingTests
{
    private const string ClientName = "tokens";
    private const string Secret = "s3cr3t-value-never-logged";
    private static readonly Uri s_tokenUri = new("https://auth.example.test/oauth/token?client_secret=" + Secret);

    [Fact]
    public async Task A_retry_is_logged_as_a_warning_with_the_attempt_the_reason_and_the_wait()
    {
        using var logs = new FakeLoggerProvider();
        var script = new StatusScript(Answer(HttpStatusCode.ServiceUnavailable), Answer(HttpStatusCode.OK));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new VirtualClock(DateTimeOffset.UtcNow) { WaitsPassAtOnce = true });
        services.AddSingleton<ILoggerProvider>(logs);
        services.AddHttpClient(ClientName)
            .AddTokenApiResilience(o => o.JitterSource = () => 1.0)
            .ConfigurePrimaryHttpMessageHandler(() => script);
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName).GetAsync(s_tokenUri);

        var entry = Assert.Single(logs.Collector.GetSnapshot(), e => e.Category == LoggerTokenGenLog.ResilienceCategory);
        Assert.Equal(new EventId(1, "RetryScheduled"), entry.Id);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("Attempt 1 of a request failed (503); retrying in 200 ms (backoff)", entry.Message);
        Assert.Equal("1", entry.GetStructuredStateValue("Attempt"));
        Assert.DoesNotContain(Secret, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_of_a_generated_operation_names_the_operation()
    {
        using var logs = new FakeLoggerProvider();
        var script = new StatusScript(
            Answer(HttpStatusCode.ServiceUnavailable),
            Answer(HttpStatusCode.OK, r => r.Content = new StringContent("""{"conversationId":"c","token":"dl-token","expires_in":1800}""")));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new VirtualClock(DateTimeOffset.UtcNow) { WaitsPassAtOnce = true });
        services.AddSingleton<ILoggerProvider>(logs);
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, o => o.BaseAddress = new Uri("https://directline.example.test"))
            .AddTokenApiResilience(o => o.JitterSource = () => 1.0)
            .ConfigurePrimaryHttpMessageHandler(() => script);
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        var conversation = await provider.GetRequiredService<IDirectLineTokens>().GenerateTokenAsync(BearerToken.Format(Secret));

        Assert.Equal("dl-token", conversation.Token);
        var entry = Assert.Single(logs.Collector.GetSnapshot(), e => e.Category == LoggerTokenGenLog.ResilienceCategory);
        Assert.Equal("Attempt 1 of GenerateTokenAsync failed (503); retrying in 200 ms (backoff)", entry.Message);
        Assert.DoesNotContain(Secret, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Retry_After_over_the_cap_is_logged_with_both_durations()
    {
        using var logs = new FakeLoggerProvider();
        var script = new StatusScript(
            Answer(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromDays(1))));
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerProvider>(logs);
        services.AddHttpClient(ClientName).AddTokenApiResilience().ConfigurePrimaryHttpMessageHandler(() => script);
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName).GetAsync(s_tokenUri);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var entry = Assert.Single(logs.Collector.GetSnapshot(), e => e.Category == LoggerTokenGenLog.ResilienceCategory);
        Assert.Equal(2, entry.Id.Id);
        Assert.Equal("The answer to a request was 429 with Retry-After of 86400 s, over the cap of 30 s; not retried", entry.Message);
    }

    [Fact]
    public async Task An_absurd_lifetime_is_logged_by_the_registered_session_under_its_name()
    {
        using var logs = new FakeLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerProvider>(logs);
        services.AddLogging();
        services.AddTokenSession("absurd", (_, options) => new TokenSession(
            _ => ValueTask.FromResult(new TokenResponseValues(Secret, null, 1_000_000_000_000, null)),
            options: options));
        await using var provider = TokenApiClientRegistrationTests.Build(services);

        string token = await provider.GetRequiredKeyedService<TokenSession>("absurd").GetAccessTokenAsync();

        Assert.Equal(Secret, token);
        var entry = Assert.Single(logs.Collector.GetSnapshot(), e => e.Category == LoggerTokenGenLog.SessionsCategory);
        Assert.Equal(new EventId(3, "TokenLifetimeClamped"), entry.Id);
        Assert.Equal("Token session absurd was given a lifetime of 1000000000000 s and uses 315360000 s", entry.Message);
        Assert.DoesNotContain(Secret, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_formatted_when_the_level_is_off()
    {
        var logger = new FakeLogger(new FakeLogCollector(), LoggerTokenGenLog.CategoryName);
        foreach (LogLevel below in (LogLevel[])[LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning])
        {
            logger.ControlLevel(below, enabled: false);
        }

        new LoggerTokenGenLog(logger).RetryScheduled("AcquireAsync", 1, TimeSpan.FromSeconds(1), "503", fromRetryAfter: false);

        Assert.Equal(0, logger.Collector.Count);
    }
}
