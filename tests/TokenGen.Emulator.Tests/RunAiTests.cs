using System;
using System.Text.Json;
using System.Threading.Tasks;

namespace TokenGen.Emulator.Tests;

public sealed class RunAiTests
{
    private static Uri Token(Harness h) => new(h.Host.RunAiBaseAddress, "api/v1/token");

    private static void AssertTokenResponse(JsonElement body, int expiresIn = 3600)
    {
        Assert.Equal(3, body.GetProperty("accessToken").GetString()!.Split('.').Length);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("idToken").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refreshToken").GetString()));
        Assert.Equal(expiresIn, body.GetProperty("expiresIn").GetInt32());
    }

    private static string Body(params (string Key, string Value)[] fields)
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in fields)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task<JsonElement> GrantAsync(Harness h, params (string, string)[] fields)
    {
        var (status, body, _) = await h.SendAsync(Harness.Post(Token(h), content: Harness.Json(Body(fields))));
        Assert.Equal(200, status);
        return body;
    }

    [Fact]
    public async Task Every_grant_type_with_its_fields_returns_a_TokenResponse()
    {
        await using var h = await Harness.StartAsync();
        var c = h.Credentials;

        var clientCredentials = await GrantAsync(h, ("grantType", "client_credentials"), ("clientID", c.RunAiClientId), ("clientSecret", c.RunAiClientSecret));
        AssertTokenResponse(clientCredentials);
        AssertTokenResponse(await GrantAsync(h, ("grantType", "refresh_token"), ("refreshToken", clientCredentials.GetProperty("refreshToken").GetString()!), ("clientID", c.RunAiClientId)));
        AssertTokenResponse(await GrantAsync(h, ("grantType", "exchange_token"), ("code", c.RunAiAuthorizationCode), ("clientID", c.RunAiClientId), ("redirectUri", c.RunAiRedirectUri)));
        AssertTokenResponse(await GrantAsync(h, ("grantType", "app_token"), ("appID", c.RunAiAppId), ("appSecret", c.RunAiAppSecret)));
        AssertTokenResponse(await GrantAsync(h, ("grantType", "password"), ("username", c.RunAiUsername), ("password", c.RunAiPassword)));
        AssertTokenResponse(await GrantAsync(h, ("grantType", "external_token_exchange"), ("externalToken", c.RunAiExternalToken)));
    }

    [Fact]
    public async Task Keys_match_case_insensitively_and_the_lifetime_is_configurable()
    {
        await using var h = await Harness.StartAsync(o => o.RunAiAccessTokenLifetime = TimeSpan.FromMinutes(10));

        var body = await GrantAsync(h, ("grantType", "client_credentials"), ("clientId", h.Credentials.RunAiClientId), ("ClientSecret", h.Credentials.RunAiClientSecret));

        AssertTokenResponse(body, expiresIn: 600);
    }

    [Theory]
    [InlineData("""{"clientID":"a"}""", "grantType")]
    [InlineData("""{"grantType":"client_credentials","clientID":"runai-demo-client"}""", "clientSecret")]
    [InlineData("""{"grantType":"refresh_token","clientID":"runai-demo-client"}""", "refreshToken")]
    [InlineData("""{"grantType":"exchange_token","code":"c","clientID":"runai-demo-client"}""", "redirectUri")]
    [InlineData("""{"grantType":"app_token","appID":"a"}""", "appSecret")]
    [InlineData("""{"grantType":"password","username":"u"}""", "password")]
    [InlineData("""{"grantType":"external_token_exchange"}""", "externalToken")]
    public async Task A_missing_field_is_400_Required_parameter_is_missing(string json, string field)
    {
        await using var h = await Harness.StartAsync();

        var (status, body, _) = await h.SendAsync(Harness.Post(Token(h), content: Harness.Json(json)));

        Assert.Equal(400, status);
        Assert.Equal(400, body.GetProperty("code").GetInt32());
        Assert.Equal("Required parameter is missing", body.GetProperty("message").GetString());
        Assert.Equal(field, body.GetProperty("details").GetString());
    }

    [Theory]
    [InlineData("""{"grantType":"magic"}""")]
    [InlineData("""{"grantType":"client_credentials","clientID":"runai-demo-client","clientSecret":"wrong"}""")]
    [InlineData("""{"grantType":"refresh_token","clientID":"runai-demo-client","refreshToken":"unknown"}""")]
    [InlineData("""{"grantType":"password","username":"demo@tokengen.test","password":"wrong"}""")]
    [InlineData("not json")]
    public async Task An_unknown_grant_wrong_credentials_or_a_bad_body_is_400_with_an_Error(string json)
    {
        await using var h = await Harness.StartAsync();

        var (status, body, _) = await h.SendAsync(Harness.Post(Token(h), content: Harness.Json(json)));

        Assert.Equal(400, status);
        Assert.Equal(400, body.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_refresh_token_is_refused_once_expired()
    {
        await using var h = await Harness.StartAsync();
        var issued = await GrantAsync(h, ("grantType", "password"), ("username", h.Credentials.RunAiUsername), ("password", h.Credentials.RunAiPassword));
        var refresh = issued.GetProperty("refreshToken").GetString()!;
        h.Clock.Advance(TimeSpan.FromHours(24));

        var (grant, _, _) = await h.SendAsync(Harness.Post(Token(h), content: Harness.Json(Body(("grantType", "refresh_token"), ("refreshToken", refresh), ("clientID", h.Credentials.RunAiClientId)))));
        var (query, _, _) = await h.SendAsync(Harness.Post(new Uri(h.Host.RunAiBaseAddress, "v1/k8s/auth/oauth/tokens/refresh?refresh_token=" + Uri.EscapeDataString(refresh))));

        Assert.Equal(400, grant);
        Assert.Equal(400, query);
    }

    [Fact]
    public async Task App_token_returns_snake_case_access_and_id_tokens()
    {
        await using var h = await Harness.StartAsync();
        var c = h.Credentials;

        var (status, body, _) = await h.SendAsync(Harness.Post(new Uri(h.Host.RunAiBaseAddress, "v1/k8s/auth/oauth/apptoken"),
            content: Harness.Json(Body(("id", c.RunAiAppId), ("name", c.RunAiAppName), ("secret", c.RunAiAppSecret)))));

        Assert.Equal(200, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("id_token").GetString()));
    }

    [Fact]
    public async Task App_token_with_a_missing_or_wrong_field_is_400()
    {
        await using var h = await Harness.StartAsync();
        var uri = new Uri(h.Host.RunAiBaseAddress, "v1/k8s/auth/oauth/apptoken");

        var (missing, body, _) = await h.SendAsync(Harness.Post(uri, content: Harness.Json(Body(("id", h.Credentials.RunAiAppId), ("name", h.Credentials.RunAiAppName)))));
        var (wrong, _, _) = await h.SendAsync(Harness.Post(uri, content: Harness.Json(Body(("id", h.Credentials.RunAiAppId), ("name", h.Credentials.RunAiAppName), ("secret", "wrong")))));

        Assert.Equal(400, missing);
        Assert.Equal("secret", body.GetProperty("details").GetString());
        Assert.Equal(400, wrong);
    }

    [Fact]
    public async Task Exchange_takes_code_and_redirect_uri_from_the_query()
    {
        await using var h = await Harness.StartAsync();
        var c = h.Credentials;
        var query = $"v1/k8s/auth/token/exchange?redirect_uri={Uri.EscapeDataString(c.RunAiRedirectUri)}&code={Uri.EscapeDataString(c.RunAiAuthorizationCode)}";

        var (status, body, _) = await h.SendAsync(Harness.Get(new Uri(h.Host.RunAiBaseAddress, query)));
        Assert.Equal(200, status);
        AssertTokenResponse(body);

        var (missing, missingBody, _) = await h.SendAsync(Harness.Get(new Uri(h.Host.RunAiBaseAddress, "v1/k8s/auth/token/exchange?code=x")));
        Assert.Equal(400, missing);
        Assert.Equal("redirect_uri", missingBody.GetProperty("details").GetString());

        var (wrong, _, _) = await h.SendAsync(Harness.Get(new Uri(h.Host.RunAiBaseAddress, $"v1/k8s/auth/token/exchange?redirect_uri={Uri.EscapeDataString(c.RunAiRedirectUri)}&code=wrong")));
        Assert.Equal(400, wrong);
    }

    [Fact]
    public async Task Refresh_takes_the_refresh_token_from_the_query_without_a_body()
    {
        await using var h = await Harness.StartAsync();
        var issued = await GrantAsync(h, ("grantType", "client_credentials"), ("clientID", h.Credentials.RunAiClientId), ("clientSecret", h.Credentials.RunAiClientSecret));
        var refresh = issued.GetProperty("refreshToken").GetString()!;

        var (status, body, _) = await h.SendAsync(Harness.Post(new Uri(h.Host.RunAiBaseAddress, "v1/k8s/auth/oauth/tokens/refresh?refresh_token=" + Uri.EscapeDataString(refresh))));
        Assert.Equal(200, status);
        AssertTokenResponse(body);

        var (missing, missingBody, _) = await h.SendAsync(Harness.Post(new Uri(h.Host.RunAiBaseAddress, "v1/k8s/auth/oauth/tokens/refresh")));
        Assert.Equal(400, missing);
        Assert.Equal("Required parameter is missing", missingBody.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(500, "Internal Server Error")]
    [InlineData(503, "Please try again in few minutes.")]
    public async Task Server_errors_come_from_faults_as_Error_bodies(int status, string message)
    {
        await using var h = await Harness.StartAsync();

        var (actual, body, _) = await h.SendAsync(Harness.Post(Token(h), content: Harness.Json("{}"), fault: $"status={status}"));

        Assert.Equal(status, actual);
        Assert.Equal(status, body.GetProperty("code").GetInt32());
        Assert.Equal(message, body.GetProperty("message").GetString());
    }
}
