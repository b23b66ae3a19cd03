using Microsoft.Extensions.Time.Testing;
using TokenGen.Clients.OAuth2;
using TokenGen.OAuth2.Tests.Infrastructure;

namespace TokenGen.OAuth2.Tests;

/// <summary>The ready sessions against OpenIddict: the server keeps real time, the sessions run on a fake clock.</summary>
public sealed class SessionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AuthorizationServer Server => fixture.Server;

    [Fact]
    public async Task A_client_credentials_session_caches_its_token_until_the_refresh_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        await using var session = fixture.Confidential().CreateClientCredentialsSession(
            scope: "api.read", options: new TokenSessionOptions { TimeProvider = clock });
        var before = Server.TokenRequests;

        var first = await session.GetAccessTokenAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(first, await session.GetAccessTokenAsync());
        }

        Assert.Equal(before + 1, Server.TokenRequests);

        // OpenIddict's 1 h lifetime (expires_in 3599 or 3600): refresh time is 10 % before expiry, so at 55 min a new grant.
        clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(first, await session.GetAccessTokenAsync());
        clock.Advance(TimeSpan.FromMinutes(5));
        var second = await session.GetAccessTokenAsync();

        Assert.NotEqual(first, second);
        Assert.Equal(before + 2, Server.TokenRequests);
    }

    [Fact]
    public async Task Concurrent_callers_of_a_new_session_share_one_token_request()
    {
        // A class fixture of its own would be cleaner; a fresh server is the only way to count this session's requests alone.
        await using var server = await AuthorizationServer.StartAsync();
        var client = new OAuth2Client(
            new OAuth2Endpoints(server.Endpoint("connect/token")),
            OAuth2ClientAuthentication.ClientSecretBasic(AuthorizationServer.ConfidentialClientId, AuthorizationServer.ConfidentialClientSecret));
        await using var session = client.CreateClientCredentialsSession();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => session.GetAccessTokenAsync().AsTask()));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, server.TokenRequests);
    }

    [Fact]
    public async Task A_refresh_token_session_rotates_and_reports_each_new_refresh_token()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var client = fixture.Confidential();
        var stored = (await client.RequestPasswordTokenAsync(AuthorizationServer.UserName, AuthorizationServer.UserPassword, "api.read offline_access")).RefreshToken!;
        var reported = new List<string>();
        await using var session = client.CreateRefreshTokenSession(
            stored, reported.Add, options: new TokenSessionOptions { TimeProvider = clock });

        var first = await session.GetTokenAsync();

        Assert.Equal(AuthorizationServer.UserName, Jwt.Claim(first.AccessToken, "sub"));
        Assert.Single(reported);
        Assert.NotEqual(stored, reported[0]);
        Assert.Equal(reported[0], first.RefreshToken);

        clock.Advance(TimeSpan.FromMinutes(55));
        var second = await session.GetTokenAsync();

        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(2, reported.Count);
        Assert.Equal(reported[1], second.RefreshToken);
        Assert.NotEqual(reported[0], reported[1]);

        // Each rotated-out refresh token is spent on the server: the session never sent one twice.
        var reuse = await Assert.ThrowsAsync<TokenApiException>(() => client.RefreshTokenAsync(stored));
        Assert.True(reuse.IsOAuth2Error(OAuth2ErrorCodes.InvalidGrant));
    }

    [Fact]
    public async Task A_refused_refresh_falls_back_to_exactly_one_acquire_and_the_error_reaches_the_caller()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        await using var server = await AuthorizationServer.StartAsync();
        var client = new OAuth2Client(
            new OAuth2Endpoints(server.Endpoint("connect/token")) { RevocationEndpoint = server.Endpoint("connect/revoke") },
            OAuth2ClientAuthentication.ClientSecretPost(AuthorizationServer.ConfidentialClientId, AuthorizationServer.ConfidentialClientSecret));
        var stored = (await client.RequestPasswordTokenAsync(AuthorizationServer.UserName, AuthorizationServer.UserPassword, "offline_access")).RefreshToken!;
        await using var session = client.CreateRefreshTokenSession(stored, options: new TokenSessionOptions { TimeProvider = clock });
        var first = await session.GetTokenAsync();

        // The user signs out elsewhere: the current refresh token is revoked.
        await client.RevokeTokenAsync(first.RefreshToken!);
        var requestsBefore = server.TokenRequests;
        clock.Advance(TimeSpan.FromHours(2));

        var refused = await Assert.ThrowsAsync<TokenApiException>(() => session.GetAccessTokenAsync().AsTask());

        Assert.True(refused.IsOAuth2Error(OAuth2ErrorCodes.InvalidGrant));
        Assert.Equal(requestsBefore + 2, server.TokenRequests);   // the refresh, then one acquire: no loop
    }

    [Fact]
    public async Task A_client_credentials_session_with_a_wrong_secret_fails_each_caller_and_caches_nothing()
    {
        var client = fixture.Client(OAuth2ClientAuthentication.ClientSecretBasic(AuthorizationServer.ConfidentialClientId, "wrong"));
        await using var session = client.CreateClientCredentialsSession();

        var first = await Assert.ThrowsAsync<TokenApiException>(() => session.GetAccessTokenAsync().AsTask());
        var second = await Assert.ThrowsAsync<TokenApiException>(() => session.GetAccessTokenAsync().AsTask());

        Assert.True(first.IsOAuth2Error(OAuth2ErrorCodes.InvalidClient));
        Assert.True(second.IsOAuth2Error(OAuth2ErrorCodes.InvalidClient));
        Assert.Null(session.Current);
    }
}
