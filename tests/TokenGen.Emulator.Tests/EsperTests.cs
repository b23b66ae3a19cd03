using System;
using System.Text.Json;
using System.Threading.Tasks;

namespace TokenGen.Emulator.Tests;

public sealed class EsperTests
{
    private static Uri TokenInfo(Harness h) => new(h.Host.EsperBaseAddress, "v1/token-info/");

    private static Uri Renew(Harness h, Guid? enterprise = null, Guid? app = null, string? accessToken = null)
    {
        var path = $"v0/enterprise/{enterprise ?? h.Credentials.EsperEnterpriseId}/developerapp/{app ?? h.Credentials.EsperDeveloperAppId}/renew-token/";
        return new Uri(h.Host.EsperBaseAddress, accessToken is null ? path : path + "?access_token=" + Uri.EscapeDataString(accessToken));
    }

    private static void AssertError(JsonElement body, int status)
    {
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
        Assert.Equal(JsonValueKind.Array, body.GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task Token_info_describes_the_api_key()
    {
        await using var h = await Harness.StartAsync();

        var (status, body, _) = await h.SendAsync(Harness.Get(TokenInfo(h), h.Credentials.EsperApiKey));

        Assert.Equal(200, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("id").GetString()));
        Assert.Equal(h.Credentials.EsperEnterpriseId, body.GetProperty("enterprise").GetGuid());
        Assert.Equal(h.Credentials.EsperDeveloperAppId, body.GetProperty("developer_app").GetGuid());
        Assert.Equal(h.Credentials.EsperApiKey, body.GetProperty("token").GetString());
        Assert.Equal(h.Clock.GetUtcNow() + TimeSpan.FromDays(30), body.GetProperty("expires_on").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("scope").ValueKind);
        Assert.True(body.TryGetProperty("created_on", out _));
        Assert.True(body.TryGetProperty("source_refresh_token", out _));
    }

    [Fact]
    public async Task Renew_takes_the_token_from_the_query_and_answers_in_the_v0_shape()
    {
        await using var h = await Harness.StartAsync();
        h.Clock.Advance(TimeSpan.FromDays(1));

        var request = Harness.Post(Renew(h, accessToken: h.Credentials.EsperApiKey), h.Credentials.EsperApiKey);
        var (status, body, _) = await h.SendAsync(request);

        Assert.Equal(200, status);
        Assert.Null(request.Content);
        Assert.Equal(h.Credentials.EsperDeveloperAppId, body.GetProperty("developerapp").GetGuid());
        Assert.False(body.TryGetProperty("developer_app", out _));
        Assert.Equal(JsonValueKind.String, body.GetProperty("scope").ValueKind);
        Assert.Equal(h.Clock.GetUtcNow() + TimeSpan.FromDays(30), body.GetProperty("expires_at").GetDateTimeOffset());
        var renewed = body.GetProperty("token").GetString();
        Assert.NotEqual(h.Credentials.EsperApiKey, renewed);

        var (info, infoBody, _) = await h.SendAsync(Harness.Get(TokenInfo(h), renewed));
        Assert.Equal(200, info);
        Assert.Equal(renewed, infoBody.GetProperty("token").GetString());
    }

    [Fact]
    public async Task A_missing_unknown_or_expired_key_is_401()
    {
        await using var h = await Harness.StartAsync();

        var (missing, body, _) = await h.SendAsync(Harness.Get(TokenInfo(h)));
        Assert.Equal(401, missing);
        AssertError(body, 401);

        var (unknown, _, _) = await h.SendAsync(Harness.Get(TokenInfo(h), "not-a-key"));
        Assert.Equal(401, unknown);

        var (renewUnknown, _, _) = await h.SendAsync(Harness.Post(Renew(h, accessToken: h.Credentials.EsperApiKey), "not-a-key"));
        Assert.Equal(401, renewUnknown);

        h.Clock.Advance(TimeSpan.FromDays(30));
        var (expired, _, _) = await h.SendAsync(Harness.Get(TokenInfo(h), h.Credentials.EsperApiKey));
        Assert.Equal(401, expired);
    }

    [Fact]
    public async Task An_unknown_enterprise_or_developer_app_is_404()
    {
        await using var h = await Harness.StartAsync();

        var (enterprise, body, _) = await h.SendAsync(Harness.Post(Renew(h, enterprise: Guid.NewGuid(), accessToken: h.Credentials.EsperApiKey), h.Credentials.EsperApiKey));
        var (app, _, _) = await h.SendAsync(Harness.Post(Renew(h, app: Guid.NewGuid(), accessToken: h.Credentials.EsperApiKey), h.Credentials.EsperApiKey));

        Assert.Equal(404, enterprise);
        AssertError(body, 404);
        Assert.Equal(404, app);
    }

    [Fact]
    public async Task Renew_without_a_known_access_token_is_400()
    {
        await using var h = await Harness.StartAsync();

        var (missing, body, _) = await h.SendAsync(Harness.Post(Renew(h), h.Credentials.EsperApiKey));
        var (unknown, _, _) = await h.SendAsync(Harness.Post(Renew(h, accessToken: "nope"), h.Credentials.EsperApiKey));

        Assert.Equal(400, missing);
        AssertError(body, 400);
        Assert.Equal(400, unknown);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(500)]
    public async Task Other_documented_statuses_come_from_faults_in_the_esper_error_shape(int status)
    {
        await using var h = await Harness.StartAsync();

        var (actual, body, _) = await h.SendAsync(Harness.Post(Renew(h, accessToken: h.Credentials.EsperApiKey), h.Credentials.EsperApiKey, fault: $"status={status}"));

        Assert.Equal(status, actual);
        AssertError(body, status);
    }
}
