using System.Net;
using System.Web;
using TokenGen.Clients.OAuth2;
using TokenGen.OAuth2.Tests.Infrastructure;
using TokenGen.TestKit;

namespace TokenGen.OAuth2.Tests;

/// <summary>
/// Requests byte for byte against the RFCs' own examples (form body, Basic header), and the RFCs' example answers read
/// back, through a recording handler: the wire format of every flow, OpenIddict's or not.
/// </summary>
public sealed class RfcExampleTests
{
    // RFC 6749's example client: s6BhdRkqt3 / gX1fBat3bV.
    private const string RfcBasic = "Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW";
    private static readonly Uri s_token = new("https://server.example.com/token");

    private static OAuth2Client Client(RecordingHandler handler, OAuth2ClientAuthentication? authentication = null) =>
        new(new OAuth2Endpoints(s_token)
            {
                AuthorizationEndpoint = new Uri("https://server.example.com/authorize"),
                DeviceAuthorizationEndpoint = new Uri("https://server.example.com/device_authorization"),
                IntrospectionEndpoint = new Uri("https://server.example.com/introspect"),
                RevocationEndpoint = new Uri("https://server.example.com/revoke"),
            },
            authentication ?? OAuth2ClientAuthentication.ClientSecretBasic("s6BhdRkqt3", "gX1fBat3bV"),
            new HttpClient(handler));

    [Fact]
    public void Client_secret_basic_of_the_rfc_6749_client_is_the_rfc_header()
    {
        Assert.Equal(RfcBasic, ClientSecretBasic.Format("s6BhdRkqt3", "gX1fBat3bV"));
    }

    [Fact]
    public void Client_secret_basic_form_encodes_id_and_secret_before_base64()
    {
        // RFC 6749 §2.3.1: app%3A%C3%A9%C3%A9n%2B1 ":" p%40ss+w%2Brd%2F%25%3A%C3%A9%3D, then Base64.
        Assert.Equal("app%3A%C3%A9%C3%A9n%2B1", ClientSecretBasic.FormEncode("app:één+1"));
        Assert.Equal("p%40ss+w%2Brd%2F%25%3A%C3%A9%3D", ClientSecretBasic.FormEncode("p@ss w+rd/%:é="));
        Assert.Equal(
            "Basic YXBwJTNBJUMzJUE5JUMzJUE5biUyQjE6cCU0MHNzK3clMkJyZCUyRiUyNSUzQSVDMyVBOSUzRA==",
            ClientSecretBasic.Format("app:één+1", "p@ss w+rd/%:é="));
    }

    [Fact]
    public async Task Client_credentials_request_is_rfc_6749_section_4_4_2()
    {
        var handler = new RecordingHandler().Answer("""{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,"example_parameter":"example_value"}""");

        var token = await Client(handler).RequestClientCredentialsTokenAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(s_token, request.Uri);
        Assert.Equal(RfcBasic, request.Authorization);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("grant_type=client_credentials", request.Body);
        Assert.Equal("2YotnFZFEjr1zCsicMWpAA", token.AccessToken);
        Assert.Equal(3600, token.ExpiresIn);
        Assert.Equal("example_value", token.AdditionalProperties!["example_parameter"].GetString());
    }

    [Fact]
    public async Task Password_request_is_rfc_6749_section_4_3_2()
    {
        var handler = new RecordingHandler().Answer("""{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA"}""");

        var token = await Client(handler).RequestPasswordTokenAsync("johndoe", "A3ddj3w");

        var request = Assert.Single(handler.Requests);
        Assert.Equal(RfcBasic, request.Authorization);
        Assert.Equal("grant_type=password&username=johndoe&password=A3ddj3w", request.Body);
        Assert.Equal("tGzv3JOkF0XG5Qx2TlKWIA", token.RefreshToken);
    }

    [Fact]
    public async Task Refresh_request_is_rfc_6749_section_6()
    {
        var handler = new RecordingHandler().Answer("""{"access_token":"a","token_type":"Bearer"}""");

        await Client(handler).RefreshTokenAsync("tGzv3JOkF0XG5Qx2TlKWIA");

        var request = Assert.Single(handler.Requests);
        Assert.Equal(RfcBasic, request.Authorization);
        Assert.Equal("grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA", request.Body);
    }

    [Fact]
    public async Task Client_secret_post_is_the_rfc_6749_section_2_3_1_body()
    {
        var handler = new RecordingHandler().Answer("""{"access_token":"a","token_type":"Bearer"}""");
        var client = Client(handler, OAuth2ClientAuthentication.ClientSecretPost("s6BhdRkqt3", "7Fjfp0ZBr1KtDRbnfVdmIw"));

        await client.RefreshTokenAsync("tGzv3JOkF0XG5Qx2TlKWIA");

        var request = Assert.Single(handler.Requests);
        Assert.Null(request.Authorization);
        Assert.Equal(
            "grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA&client_id=s6BhdRkqt3&client_secret=7Fjfp0ZBr1KtDRbnfVdmIw",
            request.Body);
    }

    [Fact]
    public async Task Authorization_code_request_is_rfc_6749_section_4_1_3_with_the_pkce_verifier_of_rfc_7636()
    {
        var handler = new RecordingHandler().Answer("""{"access_token":"a","token_type":"Bearer"}""");
        var pkce = PkceCodes.FromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        await Client(handler).RedeemAuthorizationCodeAsync("SplxlOBeZQQYbYS6WbSbIA", new Uri("https://client.example.com/cb"), pkce);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(RfcBasic, request.Authorization);

        // The RFC writes '.' as %2E; both are the same form value (RFC 3986 §2.3: '.' is unreserved, so it is sent as it is).
        Assert.Equal(
            "grant_type=authorization_code&code=SplxlOBeZQQYbYS6WbSbIA&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb" +
            "&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
            request.Body);
        var rfc = HttpUtility.ParseQueryString("grant_type=authorization_code&code=SplxlOBeZQQYbYS6WbSbIA&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb");
        var sent = HttpUtility.ParseQueryString(request.Body);
        Assert.Equal(rfc["redirect_uri"], sent["redirect_uri"]);
    }

    [Fact]
    public void Pkce_challenge_of_the_rfc_7636_verifier_is_the_rfc_challenge()
    {
        var pkce = PkceCodes.FromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", pkce.Challenge);
        Assert.Equal("S256", pkce.ChallengeMethod);
        Assert.DoesNotContain(pkce.Verifier, pkce.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_pkce_verifier_is_43_unreserved_characters_and_different_each_time()
    {
        var first = PkceCodes.Create();
        var second = PkceCodes.Create();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", first.Verifier);
        Assert.NotEqual(first.Verifier, second.Verifier);
        Assert.Equal(PkceCodes.ComputeS256Challenge(first.Verifier), first.Challenge);
        Assert.Throws<ArgumentException>(() => PkceCodes.FromVerifier("too-short"));
    }

    [Fact]
    public void The_authorization_uri_carries_the_request_of_rfc_6749_section_4_1_1_and_the_pkce_challenge()
    {
        var client = Client(new RecordingHandler());
        var pkce = PkceCodes.FromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        var uri = client.BuildAuthorizationUri(new Uri("https://client.example.com/cb"), pkce, scope: "read write", state: "xyz",
            resources: ["https://cal.example.com/", "https://contacts.example.com/"]);

        Assert.Equal(
            "https://server.example.com/authorize?response_type=code&client_id=s6BhdRkqt3&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb" +
            "&scope=read%20write&state=xyz&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256" +
            "&resource=https%3A%2F%2Fcal.example.com%2F&resource=https%3A%2F%2Fcontacts.example.com%2F",
            uri.AbsoluteUri);
    }

    [Fact]
    public async Task Resource_repeats_once_per_value_as_rfc_8707_section_2_shows()
    {
        var handler = new RecordingHandler().Answer("""{"access_token":"a","token_type":"Bearer"}""");

        await Client(handler).RequestClientCredentialsTokenAsync(
            scope: "calendar contacts", audience: "urn:example:cooperation-context",
            resources: ["https://cal.example.com/", "https://contacts.example.com/"]);

        Assert.Equal(
            "grant_type=client_credentials&scope=calendar+contacts&audience=urn%3Aexample%3Acooperation-context" +
            "&resource=https%3A%2F%2Fcal.example.com%2F&resource=https%3A%2F%2Fcontacts.example.com%2F",
            Assert.Single(handler.Requests).Body);
    }

    [Fact]
    public async Task Token_exchange_request_is_rfc_8693_section_2_3_and_its_answer_is_read()
    {
        var handler = new RecordingHandler().Answer("""
            {"access_token":"eyJhbGciOiJFUzI1NiIsImtpZCI6IjllciJ9.eyJhdWQiOiJodHRwczovL2JhY2tlbmQuZXhhbXBsZS5jb20iLCJpc3MiOiJodHRwczovL2FzLmV4YW1wbGUuY29tIiwiZXhwIjoxNDQxOTE3NTkzLCJpYXQiOjE0NDE5MTc1MzMsInN1YiI6ImJkY0BleGFtcGxlLmNvbSIsInNjb3BlIjoiYXBpIn0.40y3ZgQedw6rxf59WlwHDD9jryFOr0_Wh3CGozQBihNBhnXEQgU85AI9x3KmsPottVMLPIWvmDCMy5-kdXjwhw","issued_token_type":"urn:ietf:params:oauth:token-type:access_token","token_type":"Bearer","expires_in":60}
            """);
        var client = Client(handler, OAuth2ClientAuthentication.ClientSecretBasic("rs08", "long-secure-random-secret"));

        var token = await client.ExchangeTokenAsync(
            "accVkjcJyb4BWCxGsndESCJQbdFMogUC5PbRDqceLTC", OAuth2TokenTypes.AccessToken, resources: ["https://backend.example.com/api"]);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("Basic cnMwODpsb25nLXNlY3VyZS1yYW5kb20tc2VjcmV0", request.Authorization);
        Assert.Equal(
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange" +
            "&resource=https%3A%2F%2Fbackend.example.com%2Fapi" +
            "&subject_token=accVkjcJyb4BWCxGsndESCJQbdFMogUC5PbRDqceLTC" +
            "&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token",
            request.Body);
        Assert.Equal(OAuth2TokenTypes.AccessToken, token.IssuedTokenType);
        Assert.Equal(60, token.ExpiresIn);
    }

    [Fact]
    public async Task Token_exchange_with_an_actor_token_but_no_type_is_refused_before_sending()
    {
        var handler = new RecordingHandler();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Client(handler).ExchangeTokenAsync("subject", OAuth2TokenTypes.AccessToken, actorToken: "actor"));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Revocation_request_is_rfc_7009_section_2_1()
    {
        var handler = new RecordingHandler().Answer(HttpStatusCode.OK, null);

        await Client(handler).RevokeTokenAsync("45ghiukldjahdnhzdauz", OAuth2TokenTypeHints.RefreshToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(new Uri("https://server.example.com/revoke"), request.Uri);
        Assert.Equal(RfcBasic, request.Authorization);
        Assert.Equal("token=45ghiukldjahdnhzdauz&token_type_hint=refresh_token", request.Body);
    }

    [Fact]
    public async Task Revocation_refused_with_unsupported_token_type_is_readable()
    {
        var handler = new RecordingHandler().Error(OAuth2ErrorCodes.UnsupportedTokenType);

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => Client(handler).RevokeTokenAsync("45ghiukldjahdnhzdauz"));

        Assert.True(exception.IsOAuth2Error(OAuth2ErrorCodes.UnsupportedTokenType));
    }

    [Fact]
    public async Task Introspection_request_and_answer_are_rfc_7662_section_2()
    {
        var handler = new RecordingHandler().Answer("""
            {"active":true,"client_id":"l238j323ds-23ij4","username":"jdoe","scope":"read write dolphin","sub":"Z5O3upPC88QrAjx00dis",
             "aud":"https://protected.example.net/resource","iss":"https://server.example.com/","exp":1419356238,"iat":1419350238,
             "extension_field":"twenty-seven"}
            """);

        var answer = await Client(handler).IntrospectTokenAsync("mF_9.B5f-4.1JqM", OAuth2TokenTypeHints.AccessToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(RfcBasic, request.Authorization);
        Assert.Equal("token=mF_9.B5f-4.1JqM&token_type_hint=access_token", request.Body);
        Assert.True(answer.Active);
        Assert.Equal("l238j323ds-23ij4", answer.ClientId);
        Assert.Equal("jdoe", answer.Username);
        Assert.Equal(["https://protected.example.net/resource"], answer.GetAudiences());
        Assert.Equal(1419356238, answer.ExpiresAt);
        Assert.Equal("twenty-seven", answer.AdditionalProperties!["extension_field"].GetString());
    }

    [Fact]
    public async Task An_error_answer_of_rfc_6749_section_5_2_is_readable_with_all_three_members()
    {
        var handler = new RecordingHandler().Answer(HttpStatusCode.BadRequest,
            """{"error":"invalid_scope","error_description":"Scope 'admin' is not allowed.","error_uri":"https://server.example.com/errors/scope"}""");

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => Client(handler).RequestClientCredentialsTokenAsync("admin"));

        Assert.True(exception.TryReadOAuth2Error(out var error));
        Assert.Equal(OAuth2ErrorCodes.InvalidScope, error.Error);
        Assert.Equal("Scope 'admin' is not allowed.", error.ErrorDescription);
        Assert.Equal("https://server.example.com/errors/scope", error.ErrorUri);
    }

    [Fact]
    public async Task A_failure_whose_body_is_no_oauth_error_is_not_read_as_one()
    {
        var handler = new RecordingHandler().Answer(HttpStatusCode.BadGateway, """{"message":"upstream down"}""");

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => Client(handler).RequestClientCredentialsTokenAsync());

        Assert.False(exception.TryReadOAuth2Error(out var error));
        Assert.Null(error);
    }

    [Fact]
    public async Task An_expires_in_sent_as_a_string_is_read()
    {
        var handler = new RecordingHandler().Answer("""{"access_token":"a","token_type":"Bearer","expires_in":"3599"}""");

        var token = await Client(handler).RequestClientCredentialsTokenAsync();

        Assert.Equal(3599, token.ExpiresIn);
    }

    [Fact]
    public void Metadata_uris_are_rfc_8414_section_3_1_then_openid_connect_discovery()
    {
        var uris = OAuth2Discovery.GetMetadataUris(new Uri("https://example.com/issuer1"));

        Assert.Equal(
            [new Uri("https://example.com/.well-known/oauth-authorization-server/issuer1"), new Uri("https://example.com/issuer1/.well-known/openid-configuration")],
            uris);
        Assert.Equal(
            new Uri("https://example.com/.well-known/oauth-authorization-server"),
            OAuth2Discovery.GetMetadataUris(new Uri("https://example.com/"))[0]);
    }

    [Fact]
    public async Task Discovery_falls_back_to_openid_configuration_when_rfc_8414_is_not_published()
    {
        var handler = new RecordingHandler()
            .Answer(HttpStatusCode.NotFound, null)
            .Answer("""{"issuer":"https://example.com/issuer1","token_endpoint":"https://example.com/issuer1/token"}""");

        var metadata = await OAuth2Discovery.DiscoverAsync(new Uri("https://example.com/issuer1"), new HttpClient(handler));

        Assert.Equal(
            ["https://example.com/.well-known/oauth-authorization-server/issuer1", "https://example.com/issuer1/.well-known/openid-configuration"],
            handler.Requests.Select(r => r.Uri.AbsoluteUri));
        Assert.All(handler.Requests, r => Assert.Equal(HttpMethod.Get, r.Method));
        Assert.Equal("https://example.com/issuer1/token", metadata.TokenEndpoint);
    }

    [Fact]
    public async Task Metadata_that_names_another_issuer_is_refused_as_rfc_8414_section_3_3_requires()
    {
        var handler = new RecordingHandler().Answer("""{"issuer":"https://attacker.example.net","token_endpoint":"https://attacker.example.net/token"}""");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            OAuth2Client.DiscoverAsync(new Uri("https://example.com"), OAuth2ClientAuthentication.PublicClient("app"), new HttpClient(handler)));
    }

    [Fact]
    public void Nothing_that_prints_a_client_shows_its_secret()
    {
        var basic = OAuth2ClientAuthentication.ClientSecretBasic("s6BhdRkqt3", "gX1fBat3bV");
        var post = OAuth2ClientAuthentication.ClientSecretPost("s6BhdRkqt3", "gX1fBat3bV");

        Assert.DoesNotContain("gX1fBat3bV", basic.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("gX1fBat3bV", post.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("gX1fBat3bV", Client(new RecordingHandler(), post).ToString(), StringComparison.Ordinal);
    }
}
