using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace TokenGen.Emulator.Tests;

public sealed class ProwlerTests
{
    private static Uri Tokens(Harness h, string rest = "") => new(h.Host.ProwlerBaseAddress, "api/v1/tokens" + rest);

    private static StringContent Document(string type, string attributes) =>
        Harness.JsonApi("{\"data\":{\"type\":\"" + type + "\",\"attributes\":{" + attributes + "}}}");

    private static string ObtainAttributes(Harness h, string extra = "") =>
        $"\"email\":\"{h.Credentials.ProwlerEmail}\",\"password\":\"{h.Credentials.ProwlerPassword}\"{extra}";

    private static (string Access, string Refresh) Pair(JsonElement body, string type)
    {
        var data = body.GetProperty("data");
        Assert.Equal(type, data.GetProperty("type").GetString());
        Assert.False(data.TryGetProperty("id", out _));
        var attributes = data.GetProperty("attributes");
        return (attributes.GetProperty("access").GetString()!, attributes.GetProperty("refresh").GetString()!);
    }

    private static JsonElement SingleError(JsonElement body, string status)
    {
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(status, error.GetProperty("status").GetString());
        return error;
    }

    private static string TenantClaim(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var document = JsonDocument.Parse(Convert.FromBase64String(payload));
        return document.RootElement.GetProperty("tenant_id").GetString()!;
    }

    private static async Task<(string Access, string Refresh)> ObtainAsync(Harness h)
    {
        var (status, body, _) = await h.SendAsync(Harness.Post(Tokens(h), content: Document("tokens", ObtainAttributes(h))));
        Assert.Equal(200, status);
        return Pair(body, "tokens");
    }

    [Fact]
    public async Task Obtain_with_email_and_password_answers_a_jsonapi_token_pair_in_the_first_tenant()
    {
        await using var h = await Harness.StartAsync();

        var (status, body, response) = await h.SendAsync(Harness.Post(Tokens(h), content: Document("tokens", ObtainAttributes(h))));

        Assert.Equal(200, status);
        Assert.Equal("application/vnd.api+json", response.Content.Headers.ContentType?.MediaType);
        var (access, refresh) = Pair(body, "tokens");
        Assert.NotEqual(access, refresh);
        Assert.Equal(h.Credentials.ProwlerTenantId.ToString(), TenantClaim(access));
    }

    [Fact]
    public async Task Obtain_with_a_tenant_the_user_belongs_to_scopes_the_token_to_it()
    {
        await using var h = await Harness.StartAsync();

        var (status, body, _) = await h.SendAsync(Harness.Post(Tokens(h),
            content: Document("tokens", ObtainAttributes(h, $",\"tenant_id\":\"{h.Credentials.ProwlerSecondTenantId}\""))));

        Assert.Equal(200, status);
        Assert.Equal(h.Credentials.ProwlerSecondTenantId.ToString(), TenantClaim(Pair(body, "tokens").Access));
    }

    [Fact]
    public async Task Obtain_accepts_flat_form_fields_urlencoded_and_multipart()
    {
        await using var h = await Harness.StartAsync();

        var (urlencoded, body, _) = await h.SendAsync(Harness.Post(Tokens(h),
            content: Harness.Form(("email", h.Credentials.ProwlerEmail), ("password", h.Credentials.ProwlerPassword))));
        Assert.Equal(200, urlencoded);
        Pair(body, "tokens");

        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(h.Credentials.ProwlerEmail), "email" },
            { new StringContent(h.Credentials.ProwlerPassword), "password" },
        };
        var (status, _, _) = await h.SendAsync(Harness.Post(Tokens(h), content: multipart));
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Plain_application_json_is_415()
    {
        await using var h = await Harness.StartAsync();

        var (status, body, response) = await h.SendAsync(Harness.Post(Tokens(h),
            content: Harness.Json("{\"data\":{\"type\":\"tokens\",\"attributes\":{" + ObtainAttributes(h) + "}}}")));

        Assert.Equal(415, status);
        Assert.Equal("application/vnd.api+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unsupported_media_type", SingleError(body, "415").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("", "tokens-refresh")]
    [InlineData("/refresh", "tokens")]
    [InlineData("/switch", "tokens")]
    public async Task A_data_type_other_than_the_endpoints_is_409(string route, string wrongType)
    {
        await using var h = await Harness.StartAsync();
        var (access, _) = await ObtainAsync(h);

        var (status, body, _) = await h.SendAsync(Harness.Post(Tokens(h, route), access, Document(wrongType, "\"refresh\":\"x\",\"tenant_id\":\"x\"")));

        Assert.Equal(409, status);
        SingleError(body, "409");
    }

    [Fact]
    public async Task A_document_without_data_is_400()
    {
        await using var h = await Harness.StartAsync();

        var (status, body, _) = await h.SendAsync(Harness.Post(Tokens(h), content: Harness.JsonApi("""{"email":"a@b.c"}""")));

        Assert.Equal(400, status);
        Assert.Equal("/data", SingleError(body, "400").GetProperty("source").GetProperty("pointer").GetString());
    }

    [Fact]
    public async Task Missing_fields_are_400_with_one_pointer_per_field()
    {
        await using var h = await Harness.StartAsync();

        var (status, body, _) = await h.SendAsync(Harness.Post(Tokens(h), content: Document("tokens", "")));

        Assert.Equal(400, status);
        var errors = body.GetProperty("errors");
        Assert.Equal(2, errors.GetArrayLength());
        Assert.Equal("/data/attributes/email", errors[0].GetProperty("source").GetProperty("pointer").GetString());
        Assert.Equal("/data/attributes/password", errors[1].GetProperty("source").GetProperty("pointer").GetString());
        Assert.Equal("400", errors[0].GetProperty("status").GetString());
        Assert.Equal("This field is required.", errors[0].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Wrong_credentials_or_a_foreign_tenant_are_400()
    {
        await using var h = await Harness.StartAsync();

        var (wrong, body, _) = await h.SendAsync(Harness.Post(Tokens(h),
            content: Document("tokens", $"\"email\":\"{h.Credentials.ProwlerEmail}\",\"password\":\"nope\"")));
        Assert.Equal(400, wrong);
        Assert.Equal("Invalid credentials", SingleError(body, "400").GetProperty("detail").GetString());

        var (foreign, foreignBody, _) = await h.SendAsync(Harness.Post(Tokens(h),
            content: Document("tokens", ObtainAttributes(h, $",\"tenant_id\":\"{Guid.NewGuid()}\""))));
        Assert.Equal(400, foreign);
        Assert.Equal("Tenant does not exist or user is not a member.", SingleError(foreignBody, "400").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Refresh_rotates_and_the_old_refresh_token_is_refused_afterwards()
    {
        await using var h = await Harness.StartAsync();
        var (_, refresh) = await ObtainAsync(h);

        var (status, body, _) = await h.SendAsync(Harness.Post(Tokens(h, "/refresh"), content: Document("tokens-refresh", $"\"refresh\":\"{refresh}\"")));
        Assert.Equal(200, status);
        var (_, rotated) = Pair(body, "tokens-refresh");
        Assert.NotEqual(refresh, rotated);

        var (reused, reusedBody, _) = await h.SendAsync(Harness.Post(Tokens(h, "/refresh"), content: Document("tokens-refresh", $"\"refresh\":\"{refresh}\"")));
        Assert.Equal(400, reused);
        var error = SingleError(reusedBody, "400");
        Assert.Equal("Invalid or expired token", error.GetProperty("detail").GetString());
        Assert.Equal("/data/attributes/refresh", error.GetProperty("source").GetProperty("pointer").GetString());

        var (next, _, _) = await h.SendAsync(Harness.Post(Tokens(h, "/refresh"), content: Harness.Form(("refresh", rotated))));
        Assert.Equal(200, next);
    }

    [Fact]
    public async Task Refresh_tokens_expire_after_1440_minutes()
    {
        await using var h = await Harness.StartAsync();
        var (_, refresh) = await ObtainAsync(h);
        h.Clock.Advance(TimeSpan.FromMinutes(1440));

        var (status, _, _) = await h.SendAsync(Harness.Post(Tokens(h, "/refresh"), content: Document("tokens-refresh", $"\"refresh\":\"{refresh}\"")));

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Switch_with_a_live_access_token_moves_to_a_member_tenant()
    {
        await using var h = await Harness.StartAsync();
        var (access, _) = await ObtainAsync(h);

        var (status, body, _) = await h.SendAsync(Harness.Post(Tokens(h, "/switch"), access,
            Document("tokens-switch-tenant", $"\"tenant_id\":\"{h.Credentials.ProwlerSecondTenantId}\"")));

        Assert.Equal(200, status);
        Assert.Equal(h.Credentials.ProwlerSecondTenantId.ToString(), TenantClaim(Pair(body, "tokens-switch-tenant").Access));
    }

    [Fact]
    public async Task Switch_without_or_with_an_expired_access_token_is_401()
    {
        await using var h = await Harness.StartAsync();
        var (access, refresh) = await ObtainAsync(h);
        var document = $"\"tenant_id\":\"{h.Credentials.ProwlerSecondTenantId}\"";

        var (missing, body, response) = await h.SendAsync(Harness.Post(Tokens(h, "/switch"), content: Document("tokens-switch-tenant", document)));
        Assert.Equal(401, missing);
        Assert.Equal("not_authenticated", SingleError(body, "401").GetProperty("code").GetString());
        Assert.NotEmpty(response.Headers.WwwAuthenticate);

        var (refreshAsAccess, _, _) = await h.SendAsync(Harness.Post(Tokens(h, "/switch"), refresh, Document("tokens-switch-tenant", document)));
        Assert.Equal(401, refreshAsAccess);

        h.Clock.Advance(TimeSpan.FromMinutes(30));
        var (expired, expiredBody, _) = await h.SendAsync(Harness.Post(Tokens(h, "/switch"), access, Document("tokens-switch-tenant", document)));
        Assert.Equal(401, expired);
        Assert.Equal("token_not_valid", SingleError(expiredBody, "401").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("not-a-uuid", "Must be a valid UUID.")]
    [InlineData("11111111-2222-4333-8444-555555555555", "Tenant does not exist or user is not a member.")]
    public async Task Switch_to_a_bad_uuid_or_a_foreign_tenant_is_400(string tenant, string detail)
    {
        await using var h = await Harness.StartAsync();
        var (access, _) = await ObtainAsync(h);

        var (status, body, _) = await h.SendAsync(Harness.Post(Tokens(h, "/switch"), access, Document("tokens-switch-tenant", $"\"tenant_id\":\"{tenant}\"")));

        Assert.Equal(400, status);
        var error = SingleError(body, "400");
        Assert.Equal(detail, error.GetProperty("detail").GetString());
        Assert.Equal("invalid", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Throttling_from_a_fault_is_a_jsonapi_429_with_retry_after()
    {
        await using var h = await Harness.StartAsync();

        var (status, body, response) = await h.SendAsync(Harness.Post(Tokens(h), content: Document("tokens", ObtainAttributes(h)), fault: "status=429;retry-after=7"));

        Assert.Equal(429, status);
        Assert.Equal("throttled", SingleError(body, "429").GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }
}
