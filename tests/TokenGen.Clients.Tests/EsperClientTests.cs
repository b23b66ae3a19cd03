using System;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using TokenGen.Clients.Esper;

namespace TokenGen.Clients.Tests;

/// <summary>
/// <see cref="IEsperTokens"/> against the emulator: token-info (<c>developer_app</c>, <c>scope</c> array, <c>expires_on</c>)
/// and renew (<c>developerapp</c>, <c>scope</c> string, <c>expires_at</c>, the token in the query); 400/401/404 from the
/// emulator's own checks and 403/404/500 through faults, each with Esper's <c>{"errors","message","status"}</c> body.
/// </summary>
/// <remarks>
/// Esper declares no base address (every tenant has its own host), so these clients take it from
/// <c>HttpClient.BaseAddress</c>. The clients declare no error model for Esper either (its error body is not part of the
/// documented contract), so errors are read as <see cref="JsonElement"/>, as the interface's docs suggest.
/// </remarks>
public sealed class EsperClientTests(TestEmulator emulator) : IClassFixture<TestEmulator>
{
    private static IEsperTokens Tokens(TestEmulator on, string? fault = null) =>
        IEsperTokens.Create(on.Http(fault, baseAddress: on.Host.EsperBaseAddress));

    private string ApiKey => BearerToken.Format(emulator.Credentials.EsperApiKey);

    private string EnterpriseId => emulator.Credentials.EsperEnterpriseId.ToString();

    private string DeveloperAppId => emulator.Credentials.EsperDeveloperAppId.ToString();

    [Fact]
    public async Task Token_info_describes_the_api_key_with_developer_app_and_a_scope_array()
    {
        var info = await Tokens(emulator).GetTokenInfoAsync(ApiKey);

        Assert.Equal("1001", info.Id);
        Assert.Equal(EnterpriseId, info.Enterprise);
        Assert.Equal(emulator.Credentials.EsperUserId, info.User);
        Assert.Equal(DeveloperAppId, info.DeveloperApp);
        Assert.Equal(emulator.Credentials.EsperApiKey, info.Token);
        Assert.StartsWith("esper-refresh.", info.SourceRefreshToken, StringComparison.Ordinal);
        Assert.Equal(["read", "write"], info.Scope);
        Assert.Equal(TestEmulator.ClockStart + TestEmulator.EsperTokenLifetime, info.ExpiresOn);
        Assert.Equal(TestEmulator.ClockStart, info.CreatedOn);
        Assert.Equal(TestEmulator.ClockStart, info.UpdatedOn);
    }

    [Fact]
    public async Task Renew_returns_a_new_token_with_developerapp_and_a_scope_string_which_token_info_accepts()
    {
        var tokens = Tokens(emulator);

        var renewed = await tokens.RenewTokenAsync(ApiKey, EnterpriseId, DeveloperAppId, emulator.Credentials.EsperApiKey);

        Assert.Equal("1001", renewed.Id);
        Assert.Equal(EnterpriseId, renewed.Enterprise);
        Assert.Equal(emulator.Credentials.EsperUserId, renewed.User);
        Assert.Equal(DeveloperAppId, renewed.DeveloperApp);
        Assert.Equal("read write", renewed.Scope);
        Assert.StartsWith("esper-token.", renewed.Token, StringComparison.Ordinal);
        Assert.NotEqual(emulator.Credentials.EsperApiKey, renewed.Token);
        Assert.Equal(emulator.Clock.GetUtcNow() + TestEmulator.EsperTokenLifetime, renewed.ExpiresAt);
        Assert.Equal(emulator.Clock.GetUtcNow(), renewed.CreatedOn);

        var info = await tokens.GetTokenInfoAsync(BearerToken.Format(renewed.Token!));
        Assert.Equal(renewed.Token, info.Token);
        Assert.Equal(renewed.ExpiresAt, info.ExpiresOn);
        Assert.Equal(renewed.Id, info.Id);
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_401_and_can_still_be_renewed_with_a_live_key()
    {
        await using var own = await TestEmulator.StartAsync();
        var tokens = Tokens(own);
        var enterpriseId = own.Credentials.EsperEnterpriseId.ToString();
        var developerAppId = own.Credentials.EsperDeveloperAppId.ToString();
        var seeded = own.Credentials.EsperApiKey;
        own.Clock.Advance(TimeSpan.FromDays(1));
        var live = await tokens.RenewTokenAsync(BearerToken.Format(seeded), enterpriseId, developerAppId, seeded);

        // The seeded key was issued at the start: it expires one day before the key renewed a day later.
        own.Clock.Advance(TestEmulator.EsperTokenLifetime - TimeSpan.FromDays(1));

        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Unauthorized, EsperJsonContext.Default.JsonElement,
            () => tokens.GetTokenInfoAsync(BearerToken.Format(seeded)));
        AssertEsperError(error, 401, "Token has expired.");

        var renewed = await tokens.RenewTokenAsync(BearerToken.Format(live.Token!), enterpriseId, developerAppId, seeded);
        Assert.Equal(TestEmulator.ClockStart + TestEmulator.EsperTokenLifetime + TestEmulator.EsperTokenLifetime, renewed.ExpiresAt);
        var info = await tokens.GetTokenInfoAsync(BearerToken.Format(renewed.Token!));
        Assert.Equal(renewed.ExpiresAt, info.ExpiresOn);
    }

    [Fact]
    public async Task Token_info_with_an_unknown_key_is_401()
    {
        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Unauthorized, EsperJsonContext.Default.JsonElement,
            () => Tokens(emulator).GetTokenInfoAsync(BearerToken.Format("not-an-esper-api-key")));

        AssertEsperError(error, 401, "Invalid token.");
    }

    [Fact]
    public async Task Token_info_without_a_bearer_credential_is_401()
    {
        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Unauthorized, EsperJsonContext.Default.JsonElement,
            () => Tokens(emulator).GetTokenInfoAsync("Basic ZGVtbzpkZW1v"));

        AssertEsperError(error, 401, "Authentication credentials were not provided.");
    }

    [Fact]
    public async Task Renew_with_an_unknown_api_key_is_401()
    {
        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Unauthorized, EsperJsonContext.Default.JsonElement,
            () => Tokens(emulator).RenewTokenAsync(BearerToken.Format("not-an-esper-api-key"), EnterpriseId, DeveloperAppId,
                emulator.Credentials.EsperApiKey));

        AssertEsperError(error, 401, "Invalid token.");
    }

    [Theory]
    [InlineData("not-a-token-this-app-issued", "Invalid access_token: no such token for this developer app.")]
    [InlineData("", "The access_token query parameter is required.")]
    public async Task Renew_with_an_unknown_or_empty_access_token_is_400(string accessToken, string message)
    {
        var (exception, error) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, EsperJsonContext.Default.JsonElement,
            () => Tokens(emulator).RenewTokenAsync(ApiKey, EnterpriseId, DeveloperAppId, accessToken));

        AssertEsperError(error, 400, message);

        // The token to renew travels in the query; the exception keeps the path and drops the query.
        Assert.Equal("", exception.RequestUri?.Query);
        Assert.EndsWith($"/esper/api/v0/enterprise/{EnterpriseId}/developerapp/{DeveloperAppId}/renew-token/",
            exception.RequestUri?.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("enterprise", "Enterprise not found.")]
    [InlineData("developerapp", "Developer app not found.")]
    public async Task Renew_for_an_unknown_enterprise_or_developer_app_is_404(string unknown, string message)
    {
        const string other = "00000000-0000-4000-8000-0000000000aa";

        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.NotFound, EsperJsonContext.Default.JsonElement,
            () => Tokens(emulator).RenewTokenAsync(ApiKey,
                unknown == "enterprise" ? other : EnterpriseId,
                unknown == "developerapp" ? other : DeveloperAppId,
                emulator.Credentials.EsperApiKey));

        AssertEsperError(error, 404, message);
    }

    [Fact]
    public async Task Token_info_under_a_base_address_with_a_doubled_api_is_404()
    {
        var misaddressed = IEsperTokens.Create(emulator.Http(baseAddress: new Uri(emulator.Host.EsperBaseAddress, "api/")));

        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.NotFound, EsperJsonContext.Default.JsonElement,
            () => misaddressed.GetTokenInfoAsync(ApiKey));

        // The path in the message is long enough to look like a token, so the exception redacts it.
        Assert.Equal(404, error.GetProperty("status").GetInt32());
        Assert.StartsWith("No operation GET ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, "Not Found")]
    [InlineData(500, "Internal Server Error")]
    public async Task Token_info_statuses_only_a_fault_produces_reach_the_caller_with_the_error_body(int status, string message)
    {
        var (_, error) = await ApiError.CatchAsync((HttpStatusCode)status, EsperJsonContext.Default.JsonElement,
            () => Tokens(emulator, fault: $"status={status}").GetTokenInfoAsync(ApiKey));

        AssertEsperError(error, status, message);
    }

    [Theory]
    [InlineData(403, "Forbidden")]
    [InlineData(500, "Internal Server Error")]
    public async Task Renew_statuses_only_a_fault_produces_reach_the_caller_with_the_error_body(int status, string message)
    {
        var (_, error) = await ApiError.CatchAsync((HttpStatusCode)status, EsperJsonContext.Default.JsonElement,
            () => Tokens(emulator, fault: $"status={status}").RenewTokenAsync(ApiKey, EnterpriseId, DeveloperAppId,
                emulator.Credentials.EsperApiKey));

        AssertEsperError(error, status, message);
    }

    private static void AssertEsperError(JsonElement error, int status, string message)
    {
        Assert.Equal(status, error.GetProperty("status").GetInt32());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(message, Assert.Single(error.GetProperty("errors").EnumerateArray()).GetString());
    }
}
