using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TokenGen.Clients;
using TokenGen.Clients.DirectLine;
using TokenGen.Clients.Prowler;
using TokenGen.Emulator;
using TokenGen.TestKit;

namespace TokenGen.Extensions.Http.Tests;

/// <summary>
/// Generated clients with <c>AddTokenApiResilience</c> against the emulator over loopback, faults injected with its
/// <c>X-Emulator-Fault</c> header on chosen attempts: throttling with <c>Retry-After</c> (the emulator allows up to a day), a connection dropped mid-body and
/// a truncated body are retried into a success; a <c>[NoRetry]</c> refresh is not re-sent and its session falls back.
/// Waits are recorded and fast-forwarded, so no test sleeps.
/// </summary>
public sealed class ResilienceEmulatorTests
{
    [Fact]
    public async Task A_503_with_Retry_After_1_then_success_generates_the_token_after_waiting_the_second_asked()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var clock = new VirtualClock(DateTimeOffset.UtcNow) { WaitsPassAtOnce = true };
        await using var provider = DirectLine(emulator, clock, (_, attempt) => attempt == 1 ? "status=503;retry-after=1" : null);

        var conversation = await provider.GetRequiredService<IDirectLineTokens>()
            .GenerateTokenAsync(BearerToken.Format(emulator.Credentials.DirectLineSecret));

        Assert.False(string.IsNullOrEmpty(conversation.Token));
        Assert.Equal(2, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
        Assert.Equal([TimeSpan.FromSeconds(1)], clock.RequestedDelays);
    }

    [Theory]
    [InlineData("drop")]
    [InlineData("truncate")]
    public async Task An_answer_cut_off_mid_body_is_retried_and_the_caller_gets_the_token(string fault)
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var clock = new VirtualClock(DateTimeOffset.UtcNow) { WaitsPassAtOnce = true };
        await using var provider = DirectLine(emulator, clock, (_, attempt) => attempt == 1 ? fault : null);

        var conversation = await provider.GetRequiredService<IDirectLineTokens>()
            .GenerateTokenAsync(BearerToken.Format(emulator.Credentials.DirectLineSecret));

        Assert.False(string.IsNullOrEmpty(conversation.Token));
        Assert.Equal(1800, conversation.ExpiresIn);
        Assert.Equal(2, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
        Assert.Equal([TimeSpan.FromMilliseconds(200)], clock.RequestedDelays);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_fails_at_once_with_TokenApiException_carrying_RetryAfter()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var clock = new VirtualClock(DateTimeOffset.UtcNow) { WaitsPassAtOnce = true };
        await using var provider = DirectLine(emulator, clock, (_, _) => "status=503;retry-after=86400");

        var refused = await Assert.ThrowsAsync<TokenApiException>(() => provider.GetRequiredService<IDirectLineTokens>()
            .GenerateTokenAsync(BearerToken.Format(emulator.Credentials.DirectLineSecret)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromDays(1), refused.RetryAfter);
        Assert.Equal(1, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
        Assert.Empty(clock.RequestedDelays);
    }

    [Fact]
    public async Task A_malformed_200_is_an_answer_and_is_not_retried()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var clock = new VirtualClock(DateTimeOffset.UtcNow) { WaitsPassAtOnce = true };
        await using var provider = DirectLine(emulator, clock, (_, _) => "malformed");

        await Assert.ThrowsAsync<TokenApiContentException>(() => provider.GetRequiredService<IDirectLineTokens>()
            .GenerateTokenAsync(BearerToken.Format(emulator.Credentials.DirectLineSecret)));

        Assert.Equal(1, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
    }

    [Fact]
    public async Task A_rotating_refresh_that_drops_is_sent_once_and_the_session_falls_back_to_one_obtain()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var clock = new VirtualClock(DateTimeOffset.UtcNow) { WaitsPassAtOnce = true };
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddTokenApiClient<IProwlerTokens>(IProwlerTokens.Create, o => o.BaseAddress = emulator.ProwlerBaseAddress)
            .AddTokenApiResilience()
            .AddHttpMessageHandler(() => new FaultInjector(
                new ConcurrentDictionary<string, int>(),
                (request, _) => request.RequestUri!.AbsolutePath.EndsWith("/tokens/refresh", StringComparison.Ordinal) ? "drop" : null));
        await using var provider = TokenApiClientRegistrationTests.Build(services);
        await using var session = provider.GetRequiredService<IProwlerTokens>()
            .CreateTokenSession(emulator.Credentials.ProwlerEmail, emulator.Credentials.ProwlerPassword);

        string first = await session.GetAccessTokenAsync();
        IssuedToken replaced = await session.RefreshAsync(first);

        // The dropped refresh may have rotated the refresh token at the server: it is not sent again; one obtain replaces it.
        Assert.Equal(1, emulator.RequestCount(EmulatorRoutes.ProwlerRefresh));
        Assert.Equal(2, emulator.RequestCount(EmulatorRoutes.ProwlerObtain));
        Assert.NotEqual(first, replaced.AccessToken);
        Assert.Empty(clock.RequestedDelays);
    }

    /// <summary>A Direct Line client on the emulator with resilience on <paramref name="clock"/>, jitter fixed at 1, and faults inside it.</summary>
    private static ServiceProvider DirectLine(EmulatorHost emulator, VirtualClock clock, Func<HttpRequestMessage, int, string?> faultFor)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        var attempts = new ConcurrentDictionary<string, int>();
        services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, o => o.BaseAddress = emulator.DirectLineBaseAddress)
            .AddTokenApiResilience(o => o.JitterSource = () => 1.0)
            .AddHttpMessageHandler(() => new FaultInjector(attempts, faultFor));
        return TokenApiClientRegistrationTests.Build(services);
    }
}
