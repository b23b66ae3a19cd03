using System;
using System.Text.Json;
using System.Threading.Tasks;

namespace TokenGen.Emulator.Tests;

public sealed class BanyanTests
{
    private static Uri V1(Harness h) => new(h.Host.BanyanBaseAddress, "v1/refresh_token");

    private static Uri V2(Harness h) => new(h.Host.BanyanBaseAddress, "v2/refresh_token");

    private static void AssertErrorEnvelope(JsonElement body, int status)
    {
        Assert.False(string.IsNullOrEmpty(body.GetProperty("request_id").GetString()));
        Assert.Equal(status, body.GetProperty("error_code").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
        Assert.Equal(JsonValueKind.Number, body.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task V1_turns_the_refresh_token_into_a_jwt_access_token_under_Message()
    {
        await using var h = await Harness.StartAsync();

        var (status, body, _) = await h.SendAsync(Harness.Post(V1(h), h.Credentials.BanyanRefreshToken));

        Assert.Equal(200, status);
        Assert.Equal(3, body.GetProperty("Message").GetString()!.Split('.').Length);
    }

    [Fact]
    public async Task V2_turns_a_live_access_token_into_a_new_refresh_token_in_the_v2_envelope()
    {
        await using var h = await Harness.StartAsync();
        var (_, v1, _) = await h.SendAsync(Harness.Post(V1(h), h.Credentials.BanyanRefreshToken));

        var (status, body, _) = await h.SendAsync(Harness.Post(V2(h), v1.GetProperty("Message").GetString()));

        Assert.Equal(200, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("request_id").GetString()));
        Assert.Equal(0, body.GetProperty("error_code").GetInt32());
        Assert.Equal("", body.GetProperty("error_description").GetString());
        var refresh = body.GetProperty("data").GetProperty("refresh_token").GetString();
        Assert.False(string.IsNullOrEmpty(refresh));

        var (again, _, _) = await h.SendAsync(Harness.Post(V1(h), refresh));
        Assert.Equal(200, again);
    }

    [Fact]
    public async Task V2_with_an_expired_access_token_is_401()
    {
        await using var h = await Harness.StartAsync();
        var (_, v1, _) = await h.SendAsync(Harness.Post(V1(h), h.Credentials.BanyanRefreshToken));
        h.Clock.Advance(TimeSpan.FromHours(1));

        var (status, body, _) = await h.SendAsync(Harness.Post(V2(h), v1.GetProperty("Message").GetString()));

        Assert.Equal(401, status);
        AssertErrorEnvelope(body, 401);
    }

    [Fact]
    public async Task Missing_or_unknown_tokens_are_401_with_the_error_envelope()
    {
        await using var h = await Harness.StartAsync();

        foreach (var (uri, bearer) in new[] { (V1(h), (string?)null), (V1(h), "unknown"), (V2(h), null), (V2(h), "unknown") })
        {
            var (status, body, _) = await h.SendAsync(Harness.Post(uri, bearer));
            Assert.Equal(401, status);
            AssertErrorEnvelope(body, 401);
        }
    }

    [Fact]
    public async Task A_token_of_the_wrong_kind_is_403_with_the_error_envelope()
    {
        await using var h = await Harness.StartAsync();
        var (_, v1, _) = await h.SendAsync(Harness.Post(V1(h), h.Credentials.BanyanRefreshToken));

        var (accessToV1, body1, _) = await h.SendAsync(Harness.Post(V1(h), v1.GetProperty("Message").GetString()));
        var (refreshToV2, body2, _) = await h.SendAsync(Harness.Post(V2(h), h.Credentials.BanyanRefreshToken));

        Assert.Equal(403, accessToV1);
        AssertErrorEnvelope(body1, 403);
        Assert.Equal(403, refreshToV2);
        AssertErrorEnvelope(body2, 403);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(500)]
    public async Task Undocumented_error_bodies_still_come_in_the_envelope(int status)
    {
        await using var h = await Harness.StartAsync();

        var (actual, body, _) = await h.SendAsync(Harness.Post(V2(h), "x", fault: $"status={status}"));

        Assert.Equal(status, actual);
        AssertErrorEnvelope(body, status);
    }
}
