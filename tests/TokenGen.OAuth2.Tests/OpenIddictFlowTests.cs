using System.Net;
using System.Web;
using TokenGen.Clients.OAuth2;
using TokenGen.OAuth2.Tests.Infrastructure;

namespace TokenGen.OAuth2.Tests;

/// <summary>Every flow OpenIddict 7.9 supports, through the ready clients, against the server in process.</summary>
public sealed class OpenIddictFlowTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AuthorizationServer Server => fixture.Server;

    [Fact]
    public async Task Discovery_from_the_issuer_finds_every_endpoint_the_server_publishes()
    {
        var client = await OAuth2Client.DiscoverAsync(
            Server.Issuer,
            OAuth2ClientAuthentication.ClientSecretBasic(AuthorizationServer.ConfidentialClientId, AuthorizationServer.ConfidentialClientSecret));

        Assert.Equal(Server.Issuer, client.Endpoints.Issuer);
        Assert.Equal(Server.Endpoint("connect/token"), client.Endpoints.TokenEndpoint);
        Assert.Equal(Server.Endpoint("connect/authorize"), client.Endpoints.AuthorizationEndpoint);
        Assert.Equal(Server.Endpoint("connect/introspect"), client.Endpoints.IntrospectionEndpoint);
        Assert.Equal(Server.Endpoint("connect/revoke"), client.Endpoints.RevocationEndpoint);
        Assert.Equal(Server.Endpoint("connect/device"), client.Endpoints.DeviceAuthorizationEndpoint);

        var token = await client.RequestClientCredentialsTokenAsync();
        Assert.False(string.IsNullOrEmpty(token.AccessToken));
    }

    [Fact]
    public async Task Discovery_reads_the_metadata_with_grant_types_and_auth_methods()
    {
        var metadata = await OAuth2Discovery.DiscoverAsync(Server.Issuer);

        Assert.Equal(Server.Issuer.AbsoluteUri, metadata.Issuer);
        Assert.Contains(OAuth2GrantTypes.TokenExchange, metadata.GrantTypesSupported!);
        Assert.Contains("client_secret_basic", metadata.TokenEndpointAuthMethodsSupported!);
        Assert.Contains("client_secret_post", metadata.TokenEndpointAuthMethodsSupported!);
        Assert.Contains(PkceCodes.S256, metadata.CodeChallengeMethodsSupported!);
    }

    [Fact]
    public async Task Client_credentials_with_client_secret_basic_gets_a_bearer_token_for_the_client()
    {
        var token = await fixture.Confidential().RequestClientCredentialsTokenAsync(scope: "api.read");

        Assert.Equal("Bearer", token.TokenType, ignoreCase: true);
        Assert.InRange(token.ExpiresIn!.Value, 3500, 3600);
        Assert.Equal(AuthorizationServer.ConfidentialClientId, Jwt.Claim(token.AccessToken!, "sub"));
        Assert.Equal("api.read", Jwt.Claim(token.AccessToken!, "scope"));
    }

    [Fact]
    public async Task Client_credentials_with_client_secret_post_gets_a_token()
    {
        var client = fixture.Client(OAuth2ClientAuthentication.ClientSecretPost(AuthorizationServer.ConfidentialClientId, AuthorizationServer.ConfidentialClientSecret));

        var token = await client.RequestClientCredentialsTokenAsync();

        Assert.Equal(AuthorizationServer.ConfidentialClientId, Jwt.Claim(token.AccessToken!, "sub"));
    }

    [Fact]
    public async Task A_client_id_and_secret_that_need_form_encoding_authenticate_with_basic()
    {
        // ':' '+' '%' ' ' '/' and non-ASCII: only the RFC 6749 §2.3.1 encoding before Base64 lets OpenIddict decode them.
        var client = fixture.Client(OAuth2ClientAuthentication.ClientSecretBasic(AuthorizationServer.AwkwardClientId, AuthorizationServer.AwkwardClientSecret));

        var token = await client.RequestClientCredentialsTokenAsync();

        Assert.Equal(AuthorizationServer.AwkwardClientId, Jwt.Claim(token.AccessToken!, "sub"));
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_invalid_client_readable_from_the_exception()
    {
        var client = fixture.Client(OAuth2ClientAuthentication.ClientSecretBasic(AuthorizationServer.ConfidentialClientId, "wrong"));

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => client.RequestClientCredentialsTokenAsync());

        Assert.True(exception.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, exception.StatusCode.ToString());
        Assert.True(exception.TryReadOAuth2Error(out var error));
        Assert.Equal(OAuth2ErrorCodes.InvalidClient, error.Error);
        Assert.Equal("The client credentials are invalid.", error.ErrorDescription);
        Assert.True(exception.IsOAuth2Error(OAuth2ErrorCodes.InvalidClient));
    }

    [Fact]
    public async Task Scope_and_resources_reach_the_token()
    {
        var token = await fixture.Confidential().RequestClientCredentialsTokenAsync(
            scope: "api.read api.write",
            resources: [AuthorizationServer.Resource, AuthorizationServer.OtherResource]);

        var audiences = Jwt.Payload(token.AccessToken!).GetProperty("aud").EnumerateArray().Select(a => a.GetString()!).ToArray();
        Assert.Equal(new[] { AuthorizationServer.Resource, AuthorizationServer.OtherResource }, audiences);
        Assert.Equal("api.read api.write", Jwt.Claim(token.AccessToken!, "scope"));
    }

    [Fact]
    public async Task An_unknown_resource_is_refused_with_its_error()
    {
        var exception = await Assert.ThrowsAsync<TokenApiException>(() =>
            fixture.Confidential().RequestClientCredentialsTokenAsync(resources: ["https://elsewhere.example.com/"]));

        Assert.True(exception.TryReadOAuth2Error(out var error));
        Assert.Equal(OAuth2ErrorCodes.InvalidTarget, error.Error);
    }

    [Fact]
    public async Task Password_grant_gets_a_token_and_a_refresh_token_for_the_user()
    {
        var token = await fixture.Confidential().RequestPasswordTokenAsync(
            AuthorizationServer.UserName, AuthorizationServer.UserPassword, scope: "api.read offline_access");

        Assert.Equal(AuthorizationServer.UserName, Jwt.Claim(token.AccessToken!, "sub"));
        Assert.False(string.IsNullOrEmpty(token.RefreshToken));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_invalid_grant()
    {
        var exception = await Assert.ThrowsAsync<TokenApiException>(() =>
            fixture.Confidential().RequestPasswordTokenAsync(AuthorizationServer.UserName, "not it"));

        Assert.True(exception.IsOAuth2Error(OAuth2ErrorCodes.InvalidGrant));
    }

    [Fact]
    public async Task Refresh_rotates_the_refresh_token_and_the_old_one_is_refused_when_reused()
    {
        var client = fixture.Confidential();
        var first = await client.RequestPasswordTokenAsync(AuthorizationServer.UserName, AuthorizationServer.UserPassword, "api.read offline_access");

        var second = await client.RefreshTokenAsync(first.RefreshToken!);

        Assert.False(string.IsNullOrEmpty(second.RefreshToken));
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(AuthorizationServer.UserName, Jwt.Claim(second.AccessToken!, "sub"));

        var reuse = await Assert.ThrowsAsync<TokenApiException>(() => client.RefreshTokenAsync(first.RefreshToken!));
        Assert.True(reuse.IsOAuth2Error(OAuth2ErrorCodes.InvalidGrant));

        var third = await client.RefreshTokenAsync(second.RefreshToken!);
        Assert.NotEqual(second.RefreshToken, third.RefreshToken);
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_refused()
    {
        var client = fixture.Confidential();
        var token = await client.RequestPasswordTokenAsync(AuthorizationServer.UserName, AuthorizationServer.UserPassword, "offline_access");

        await client.RevokeTokenAsync(token.RefreshToken!, OAuth2TokenTypeHints.RefreshToken);

        var refused = await Assert.ThrowsAsync<TokenApiException>(() => client.RefreshTokenAsync(token.RefreshToken!));
        Assert.True(refused.TryReadOAuth2Error(out var error));
        Assert.Equal(OAuth2ErrorCodes.InvalidGrant, error.Error);
        Assert.Equal("The refresh token was revoked.", error.ErrorDescription);
    }

    [Fact]
    public async Task A_refresh_token_revoked_by_a_client_it_was_not_issued_to_stays_usable()
    {
        var token = await fixture.Confidential().RequestPasswordTokenAsync(AuthorizationServer.UserName, AuthorizationServer.UserPassword, "offline_access");
        var other = fixture.Client(OAuth2ClientAuthentication.ClientSecretBasic(AuthorizationServer.AwkwardClientId, AuthorizationServer.AwkwardClientSecret));

        // OpenIddict checks that the token was issued to the revoking client (RFC 7009 §2.1) before the revocation reaches
        // the store, and answers 200 as for any invalid token (§2.2), so the other client learns nothing.
        await other.RevokeTokenAsync(token.RefreshToken!, OAuth2TokenTypeHints.RefreshToken);

        var refreshed = await fixture.Confidential().RefreshTokenAsync(token.RefreshToken!);
        Assert.False(string.IsNullOrEmpty(refreshed.AccessToken));
    }

    [Fact]
    public async Task Introspection_says_a_rotated_out_refresh_token_is_inactive_and_its_successor_active()
    {
        var client = fixture.Confidential();
        var first = await client.RequestPasswordTokenAsync(AuthorizationServer.UserName, AuthorizationServer.UserPassword, "offline_access");
        var second = await client.RefreshTokenAsync(first.RefreshToken!);

        Assert.False((await client.IntrospectTokenAsync(first.RefreshToken!, OAuth2TokenTypeHints.RefreshToken)).Active);
        Assert.True((await client.IntrospectTokenAsync(second.RefreshToken!, OAuth2TokenTypeHints.RefreshToken)).Active);
    }

    [Fact]
    public async Task A_revoked_access_token_is_inactive_at_introspection()
    {
        var client = fixture.Confidential();
        var token = await client.RequestClientCredentialsTokenAsync(scope: "api.read");

        await client.RevokeTokenAsync(token.AccessToken!, OAuth2TokenTypeHints.AccessToken);

        Assert.False((await client.IntrospectTokenAsync(token.AccessToken!, OAuth2TokenTypeHints.AccessToken)).Active);
    }

    [Fact]
    public async Task Revocation_by_another_client_with_a_wrong_secret_is_refused()
    {
        var token = await fixture.Confidential().RequestPasswordTokenAsync(AuthorizationServer.UserName, AuthorizationServer.UserPassword, "offline_access");
        var impostor = fixture.Client(OAuth2ClientAuthentication.ClientSecretPost(AuthorizationServer.ConfidentialClientId, "guess"));

        var refused = await Assert.ThrowsAsync<TokenApiException>(() => impostor.RevokeTokenAsync(token.RefreshToken!));

        Assert.True(refused.IsOAuth2Error(OAuth2ErrorCodes.InvalidClient));
        await fixture.Confidential().RefreshTokenAsync(token.RefreshToken!);
    }

    [Fact]
    public async Task Introspection_says_a_valid_token_is_active_and_whose_it_is()
    {
        var client = fixture.Confidential();
        var token = await client.RequestPasswordTokenAsync(AuthorizationServer.UserName, AuthorizationServer.UserPassword, "api.read");

        var introspection = await client.IntrospectTokenAsync(token.AccessToken!, OAuth2TokenTypeHints.AccessToken);

        Assert.True(introspection.Active);
        Assert.Equal(AuthorizationServer.ConfidentialClientId, introspection.ClientId);
        Assert.Equal(AuthorizationServer.UserName, introspection.Subject);
        Assert.Equal(Server.Issuer.AbsoluteUri, introspection.Issuer);
        Assert.True(introspection.ExpiresAt > introspection.IssuedAt);
    }

    [Fact]
    public async Task Introspection_says_a_revoked_or_unknown_token_is_inactive()
    {
        var client = fixture.Confidential();
        var token = await client.RequestPasswordTokenAsync(AuthorizationServer.UserName, AuthorizationServer.UserPassword, "offline_access");
        await client.RevokeTokenAsync(token.RefreshToken!);

        var revoked = await client.IntrospectTokenAsync(token.RefreshToken!, OAuth2TokenTypeHints.RefreshToken);
        var unknown = await client.IntrospectTokenAsync("not-a-token-this-server-issued");

        Assert.False(revoked.Active);
        Assert.Null(revoked.Subject);
        Assert.False(unknown.Active);
    }

    [Fact]
    public async Task Token_exchange_issues_a_token_for_the_subject_of_the_subject_token()
    {
        var client = fixture.Confidential();
        var user = await client.RequestPasswordTokenAsync(AuthorizationServer.UserName, AuthorizationServer.UserPassword, "api.read");

        var exchanged = await client.ExchangeTokenAsync(
            user.AccessToken!, OAuth2TokenTypes.AccessToken, resources: [AuthorizationServer.OtherResource]);

        Assert.Equal(OAuth2TokenTypes.AccessToken, exchanged.IssuedTokenType);
        Assert.NotEqual(user.AccessToken, exchanged.AccessToken);
        Assert.Equal(AuthorizationServer.UserName, Jwt.Claim(exchanged.AccessToken!, "sub"));
        Assert.Equal(AuthorizationServer.OtherResource, Jwt.Claim(exchanged.AccessToken!, "aud"));
    }

    [Fact]
    public async Task Token_exchange_with_a_subject_token_the_server_did_not_issue_is_refused()
    {
        var exception = await Assert.ThrowsAsync<TokenApiException>(() =>
            fixture.Confidential().ExchangeTokenAsync("forged.subject.token", OAuth2TokenTypes.AccessToken));

        Assert.True(exception.IsOAuth2Error(OAuth2ErrorCodes.InvalidGrant));
    }

    [Fact]
    public async Task Authorization_code_with_pkce_gets_a_token_for_the_user()
    {
        var client = fixture.Confidential();
        var pkce = PkceCodes.Create();

        var code = await AuthorizeAsync(client, pkce, state: "xyz-123");
        var token = await client.RedeemAuthorizationCodeAsync(code, new Uri(AuthorizationServer.RedirectUri), pkce);

        Assert.Equal(AuthorizationServer.UserName, Jwt.Claim(token.AccessToken!, "sub"));
        Assert.False(string.IsNullOrEmpty(token.RefreshToken));
    }

    [Fact]
    public async Task Authorization_code_with_the_wrong_pkce_verifier_is_refused()
    {
        var client = fixture.Confidential();
        var code = await AuthorizeAsync(client, PkceCodes.Create(), state: "s");

        var exception = await Assert.ThrowsAsync<TokenApiException>(() =>
            client.RedeemAuthorizationCodeAsync(code, new Uri(AuthorizationServer.RedirectUri), PkceCodes.Create()));

        Assert.True(exception.IsOAuth2Error(OAuth2ErrorCodes.InvalidGrant));
    }

    [Fact]
    public async Task An_authorization_code_is_good_for_one_token()
    {
        var client = fixture.Confidential();
        var pkce = PkceCodes.Create();
        var code = await AuthorizeAsync(client, pkce, state: "once");
        await client.RedeemAuthorizationCodeAsync(code, new Uri(AuthorizationServer.RedirectUri), pkce);

        var exception = await Assert.ThrowsAsync<TokenApiException>(() =>
            client.RedeemAuthorizationCodeAsync(code, new Uri(AuthorizationServer.RedirectUri), pkce));

        Assert.True(exception.TryReadOAuth2Error(out var error));
        Assert.Equal(OAuth2ErrorCodes.InvalidGrant, error.Error);
        Assert.Equal("The authorization code has already been redeemed.", error.ErrorDescription);
    }

    /// <summary>Drives the authorization endpoint like a browser whose user approves, and returns the code from the redirect.</summary>
    private static async Task<string> AuthorizeAsync(OAuth2Client client, PkceCodes pkce, string state)
    {
        var uri = client.BuildAuthorizationUri(new Uri(AuthorizationServer.RedirectUri), pkce, "api.read offline_access", state);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(uri);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(AuthorizationServer.RedirectUri, location.AbsoluteUri, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal(state, query["state"]);
        return query["code"]!;
    }
}
