using System;
using System.Threading.Tasks;
using TokenGen.Clients.Banyan;
using TokenGen.Clients.Esper;
using TokenGen.Clients.RunAi;
using TokenGen.Emulator;

namespace TokenGen.Clients.Tests.Sessions;

/// <summary>
/// The ready sessions of Banyan, Esper and Run:ai through a first token and a replacement at the skew, on the emulator's
/// fake clock. (Direct Line and Prowler have classes of their own.)
/// </summary>
public sealed class ReadySessionTests
{
    [Fact]
    public async Task Banyan_reads_the_expiry_from_the_JWT_exp_claim_and_exchanges_the_refresh_token_again_at_the_skew()
    {
        await using var on = await TestEmulator.StartAsync();
        await using var session = SessionTarget.BanyanClient(on).CreateTokenSession(on.Credentials.BanyanRefreshToken, Options(on));

        // v1 answers only {"Message": jwt}: the 45-minute lifetime is known from the token's exp claim alone.
        var first = await session.GetTokenAsync();
        Assert.Equal(TestEmulator.ClockStart, first.IssuedAt);
        Assert.Equal(TestEmulator.ClockStart + TestEmulator.BanyanAccessTokenLifetime, first.ExpiresAt);
        Assert.Equal(first.ExpiresAt - TimeSpan.FromSeconds(270), first.RefreshAt);
        Assert.Null(first.RefreshToken);
        await SessionTarget.For(SessionTarget.Banyan).ProveAcceptedAsync(on, first);

        on.Clock.Advance(first.RefreshAt!.Value - on.Clock.GetUtcNow());
        var second = await session.GetTokenAsync();

        Assert.Equal(2, on.Host.RequestCount(EmulatorRoutes.BanyanRefreshV1));
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(on.Clock.GetUtcNow() + TestEmulator.BanyanAccessTokenLifetime, second.ExpiresAt);
        await SessionTarget.For(SessionTarget.Banyan).ProveAcceptedAsync(on, second);
    }

    [Fact]
    public async Task Esper_takes_the_expiry_from_token_info_and_renews_through_the_developer_app_at_the_skew()
    {
        await using var on = await TestEmulator.StartAsync();
        var credentials = on.Credentials;
        await using var session = SessionTarget.EsperClient(on).CreateTokenSession(
            credentials.EsperApiKey, credentials.EsperEnterpriseId.ToString(), credentials.EsperDeveloperAppId.ToString(), Options(on));

        // Token-info describes the API key itself.
        var key = await session.GetTokenAsync();
        Assert.Equal(credentials.EsperApiKey, key.AccessToken);
        Assert.Equal(TestEmulator.ClockStart + TestEmulator.EsperTokenLifetime, key.ExpiresAt);
        Assert.Equal(key.ExpiresAt - (TestEmulator.EsperTokenLifetime / 10), key.RefreshAt);
        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.EsperTokenInfo));

        on.Clock.Advance(key.RefreshAt!.Value - on.Clock.GetUtcNow());
        var renewed = await session.GetTokenAsync();

        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.EsperRenewToken));
        Assert.Equal(1, on.Host.RequestCount(EmulatorRoutes.EsperTokenInfo));
        Assert.StartsWith("esper-token.", renewed.AccessToken, StringComparison.Ordinal);
        Assert.Equal(on.Clock.GetUtcNow() + TestEmulator.EsperTokenLifetime, renewed.ExpiresAt);
        await SessionTarget.For(SessionTarget.Esper).ProveAcceptedAsync(on, renewed);
    }

    [Fact]
    public async Task RunAi_grants_client_credentials_then_uses_the_refresh_token_grant_at_the_skew()
    {
        await using var on = await TestEmulator.StartAsync();
        var tap = new RequestTap();
        await using var session = SessionTarget.RunAiClient(on, tap).CreateTokenSession(
            on.Credentials.RunAiClientId, on.Credentials.RunAiClientSecret, Options(on));

        var granted = await session.GetTokenAsync();
        Assert.Equal(TestEmulator.ClockStart + TestEmulator.RunAiAccessTokenLifetime, granted.ExpiresAt);
        Assert.Equal(granted.ExpiresAt - (TestEmulator.RunAiAccessTokenLifetime / 10), granted.RefreshAt);
        Assert.StartsWith("runai-refresh.", granted.RefreshToken, StringComparison.Ordinal);

        on.Clock.Advance(granted.RefreshAt!.Value - on.Clock.GetUtcNow());
        var refreshed = await session.GetTokenAsync();

        Assert.Equal(2, on.Host.RequestCount(EmulatorRoutes.RunAiGrantToken));
        Assert.Collection(tap.Requests,
            request => Assert.Equal(RunAiGrantTypes.ClientCredentials, SessionTarget.GrantType(request)),
            request =>
            {
                Assert.Equal(RunAiGrantTypes.RefreshToken, SessionTarget.GrantType(request));
                Assert.Contains(granted.RefreshToken!, request.Body, StringComparison.Ordinal);
                Assert.DoesNotContain(on.Credentials.RunAiClientSecret, request.Body, StringComparison.Ordinal);
            });
        Assert.NotEqual(granted.AccessToken, refreshed.AccessToken);
        Assert.Equal(on.Clock.GetUtcNow() + TestEmulator.RunAiAccessTokenLifetime, refreshed.ExpiresAt);
        await SessionTarget.For(SessionTarget.RunAi).ProveAcceptedAsync(on, refreshed);
    }

    private static TokenSessionOptions Options(TestEmulator on) => new() { TimeProvider = on.Clock };
}
