using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace TokenGen.Extensions.Http.Tests.Observability;

/// <summary>
/// <see cref="LoggerTokenGenLog"/> writes each component under its own category, so an application filters TokenGen's
/// logs by component (<c>TokenGen.Resilience</c>, <c>TokenGen.Sessions</c>, <c>TokenGen.Http</c>, <c>TokenGen.Fleet</c>), or
/// all of them by the <c>TokenGen</c> prefix.
/// </summary>
public sealed class LoggingCategoryTests
{
    public static TheoryData<string, string> EventsAndCategories => new()
    {
        { "RetryScheduled", "TokenGen.Resilience" },
        { "RetryAfterTooLong", "TokenGen.Resilience" },
        { "TokenLifetimeClamped", "TokenGen.Sessions" },
        { "BearerTokenRejected", "TokenGen.Http" },
        { "TokenStoreFailed", "TokenGen.Fleet" },
        { "TokenStoreEntryRefused", "TokenGen.Fleet" },
        { "TokenStoreWaitTimedOut", "TokenGen.Fleet" },
    };

    [Theory]
    [MemberData(nameof(EventsAndCategories))]
    public void Each_event_is_written_under_its_components_category(string eventName, string category)
    {
        var logs = new FakeLoggerProvider();
        using ILoggerFactory factory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));

        Report(new LoggerTokenGenLog(factory), eventName);

        var record = Assert.Single(logs.Collector.GetSnapshot());
        Assert.Equal(category, record.Category);
        Assert.Equal(eventName, record.Id.Name);
        Assert.StartsWith(LoggerTokenGenLog.CategoryName + ".", record.Category, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_on_one_category_silences_that_component_only()
    {
        var logs = new FakeLoggerProvider();
        using ILoggerFactory factory = LoggerFactory.Create(builder => builder
            .AddProvider(logs)
            .AddFilter(LoggerTokenGenLog.ResilienceCategory, LogLevel.None));
        var log = new LoggerTokenGenLog(factory);

        Report(log, "RetryScheduled");
        Report(log, "TokenStoreFailed");

        var record = Assert.Single(logs.Collector.GetSnapshot());
        Assert.Equal(LoggerTokenGenLog.FleetCategory, record.Category);
    }

    [Fact]
    public void A_filter_on_the_TokenGen_prefix_covers_every_component()
    {
        var logs = new FakeLoggerProvider();
        using ILoggerFactory factory = LoggerFactory.Create(builder => builder
            .AddProvider(logs)
            .AddFilter(LoggerTokenGenLog.CategoryName, LogLevel.None));
        var log = new LoggerTokenGenLog(factory);

        foreach (string eventName in EventsAndCategories.Select(row => (string)row[0]))
        {
            Report(log, eventName);
        }

        Assert.Empty(logs.Collector.GetSnapshot());
    }

    [Fact]
    public void A_log_made_from_one_logger_writes_every_component_there()
    {
        var logs = new FakeLoggerProvider();
        var log = new LoggerTokenGenLog(logs.CreateLogger("MyApp.Tokens"));

        Report(log, "RetryScheduled");
        Report(log, "TokenLifetimeClamped");
        Report(log, "BearerTokenRejected");

        Assert.All(logs.Collector.GetSnapshot(), record => Assert.Equal("MyApp.Tokens", record.Category));
        Assert.Equal(3, logs.Collector.Count);
    }

    [Fact]
    public async Task A_401_to_a_registered_sessions_token_is_logged_under_TokenGen_Http_with_the_session_name()
    {
        const string Token = "SECRET-first-token";
        var logs = new FakeLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs));
        int acquires = 0;
        services.AddTokenSession("api-session", (_, options) => new TokenSession(
            _ => ValueTask.FromResult(new TokenResponseValues(Interlocked.Increment(ref acquires) == 1 ? Token : "SECRET-second-token", null, 3600, null)),
            options: options));
        await using var provider = TokenApiClientRegistrationTests.Build(services);
        var session = provider.GetRequiredKeyedService<TokenSession>("api-session");
        using var client = new HttpMessageInvoker(new BearerTokenHandler(session, "api.example.test") { InnerHandler = new RejectFirstToken(Token) });

        using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.test/things"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(logs.Collector.GetSnapshot(), r => r.Category == LoggerTokenGenLog.HttpCategory);
        Assert.Equal(new EventId(7, "BearerTokenRejected"), record.Id);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal("The service answered 401 to the token of session api-session; the session replaced it (request sent again: True)", record.Message);
        Assert.DoesNotContain("SECRET", record.Message, StringComparison.Ordinal);
    }

    private static void Report(LoggerTokenGenLog log, string eventName)
    {
        switch (eventName)
        {
            case "RetryScheduled":
                log.RetryScheduled("AcquireAsync", 1, TimeSpan.FromMilliseconds(200), "503", fromRetryAfter: false);
                break;
            case "RetryAfterTooLong":
                log.RetryAfterTooLong("AcquireAsync", 429, TimeSpan.FromHours(1), TimeSpan.FromSeconds(30));
                break;
            case "TokenLifetimeClamped":
                log.TokenLifetimeClamped("s", -5, 0);
                break;
            case "BearerTokenRejected":
                log.BearerTokenRejected("s", resent: true);
                break;
            case "TokenStoreFailed":
                log.TokenStoreFailed("s", "read", "IOException");
                break;
            case "TokenStoreEntryRefused":
                log.TokenStoreEntryRefused("s", 3);
                break;
            case "TokenStoreWaitTimedOut":
                log.TokenStoreWaitTimedOut("s", TimeSpan.FromSeconds(45));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(eventName), eventName, "No such event.");
        }
    }

    private sealed class RejectFirstToken(string rejected) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(
                request.Headers.Authorization?.Parameter == rejected ? HttpStatusCode.Unauthorized : HttpStatusCode.OK));
    }
}
