using System;
using System.Threading.Tasks;

namespace TokenGen.Emulator.Tests;

public sealed class DirectLineTests
{
    private static Uri Generate(Harness h) => new(h.Host.DirectLineBaseAddress, "v3/directline/tokens/generate");

    private static Uri Refresh(Harness h) => new(h.Host.DirectLineBaseAddress, "v3/directline/tokens/refresh");

    [Fact]
    public async Task Generate_with_the_secret_returns_a_conversation_token_living_1800_seconds()
    {
        await using var h = await Harness.StartAsync();

        var (status, body, response) = await h.SendAsync(Harness.Post(Generate(h), h.Credentials.DirectLineSecret));

        Assert.Equal(200, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("conversationId").GetString()));
        Assert.Equal(3, body.GetProperty("token").GetString()!.Split('.').Length);
        Assert.Equal(1800, body.GetProperty("expires_in").GetInt32());
        Assert.False(body.TryGetProperty("streamUrl", out _));
    }

    [Fact]
    public async Task Generate_accepts_optional_token_parameters_and_a_configured_lifetime()
    {
        await using var h = await Harness.StartAsync(o => o.DirectLineTokenLifetime = TimeSpan.FromMinutes(5));

        var (status, body, _) = await h.SendAsync(Harness.Post(Generate(h), h.Credentials.DirectLineSecret,
            Harness.Json("""{"user":{"id":"dl_123","name":"Ada"},"trustedOrigins":["https://example.test"]}""")));

        Assert.Equal(200, status);
        Assert.Equal(300, body.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Refresh_with_the_token_keeps_the_conversation_and_issues_a_new_token()
    {
        await using var h = await Harness.StartAsync();
        var (_, first, _) = await h.SendAsync(Harness.Post(Generate(h), h.Credentials.DirectLineSecret));
        h.Clock.Advance(TimeSpan.FromMinutes(29));

        var (status, second, _) = await h.SendAsync(Harness.Post(Refresh(h), first.GetProperty("token").GetString()));

        Assert.Equal(200, status);
        Assert.Equal(first.GetProperty("conversationId").GetString(), second.GetProperty("conversationId").GetString());
        Assert.NotEqual(first.GetProperty("token").GetString(), second.GetProperty("token").GetString());
        Assert.Equal(1800, second.GetProperty("expires_in").GetInt32());

        h.Clock.Advance(TimeSpan.FromMinutes(29));
        var (again, _, _) = await h.SendAsync(Harness.Post(Refresh(h), second.GetProperty("token").GetString()));
        Assert.Equal(200, again);
    }

    [Fact]
    public async Task Refresh_after_expiry_is_403_TokenExpired()
    {
        await using var h = await Harness.StartAsync();
        var (_, issued, _) = await h.SendAsync(Harness.Post(Generate(h), h.Credentials.DirectLineSecret));
        h.Clock.Advance(TimeSpan.FromSeconds(1800));

        var (status, body, _) = await h.SendAsync(Harness.Post(Refresh(h), issued.GetProperty("token").GetString()));

        Assert.Equal(403, status);
        Assert.Equal("TokenExpired", body.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Missing_authorization_is_401_and_unknown_secret_or_token_is_403()
    {
        await using var h = await Harness.StartAsync();

        var (missing, body, _) = await h.SendAsync(Harness.Post(Generate(h)));
        Assert.Equal(401, missing);
        Assert.Equal("BadArgument", body.GetProperty("error").GetProperty("code").GetString());

        var (wrongSecret, _, _) = await h.SendAsync(Harness.Post(Generate(h), "not-the-secret"));
        Assert.Equal(403, wrongSecret);

        var (unknownToken, _, _) = await h.SendAsync(Harness.Post(Refresh(h), "not-a-token"));
        Assert.Equal(403, unknownToken);

        var (refreshMissing, _, _) = await h.SendAsync(Harness.Post(Refresh(h)));
        Assert.Equal(401, refreshMissing);
    }

    [Fact]
    public async Task A_secret_cannot_be_refreshed_and_a_token_cannot_generate()
    {
        await using var h = await Harness.StartAsync();
        var (_, issued, _) = await h.SendAsync(Harness.Post(Generate(h), h.Credentials.DirectLineSecret));

        var (refreshSecret, _, _) = await h.SendAsync(Harness.Post(Refresh(h), h.Credentials.DirectLineSecret));
        var (generateWithToken, _, _) = await h.SendAsync(Harness.Post(Generate(h), issued.GetProperty("token").GetString()));

        Assert.Equal(403, refreshSecret);
        Assert.Equal(403, generateWithToken);
    }

    [Theory]
    [InlineData(429, "TooManyRequests")]
    [InlineData(500, "ServiceError")]
    [InlineData(404, "NotFound")]
    public async Task Error_statuses_from_faults_carry_an_ErrorResponse(int status, string code)
    {
        await using var h = await Harness.StartAsync();

        var (actual, body, _) = await h.SendAsync(Harness.Post(Generate(h), h.Credentials.DirectLineSecret, fault: $"status={status}"));

        Assert.Equal(status, actual);
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetString());
    }
}
