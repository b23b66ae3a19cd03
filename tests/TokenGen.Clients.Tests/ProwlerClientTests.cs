using System;
using System.Net;
using System.Threading.Tasks;
using TokenGen.Clients.Prowler;

namespace TokenGen.Clients.Tests;

/// <summary>
/// <see cref="IProwlerTokens"/> against the emulator, every operation in both its JSON:API (<c>application/vnd.api+json</c>)
/// and its form (<c>application/x-www-form-urlencoded</c>) variant: obtain, refresh with rotation, switch tenant; and
/// 400/401/409/415/429 as JSON:API error documents with their codes and pointers.
/// </summary>
public sealed class ProwlerClientTests(TestEmulator emulator) : IClassFixture<TestEmulator>
{
    private const string NotMember = "Tenant does not exist or user is not a member.";

    /// <summary>A well-formed tenant id the user is not a member of.</summary>
    private const string ForeignTenant = "00000000-0000-4000-8000-0000000000bb";

    private static IProwlerTokens Tokens(TestEmulator on, string? fault = null) =>
        IProwlerTokens.Create(on.Http(fault), TestEmulator.At(on.Host.ProwlerBaseAddress));

    private string FirstTenant => emulator.Credentials.ProwlerTenantId.ToString();

    private string SecondTenant => emulator.Credentials.ProwlerSecondTenantId.ToString();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Obtain_answers_a_token_pair_in_the_first_tenant_with_the_configured_lifetimes(bool form)
    {
        var (type, access, refresh) = await ObtainAsync(emulator, form, tenantId: null);

        Assert.Equal(ProwlerResourceTypes.Tokens, type);
        Assert.NotEqual(access, refresh);
        Assert.Equal(FirstTenant, Jwt.Claim(access, "tenant_id"));
        Assert.Equal(FirstTenant, Jwt.Claim(refresh, "tenant_id"));
        Assert.Equal("access", Jwt.Claim(access, "typ"));
        Assert.Equal("refresh", Jwt.Claim(refresh, "typ"));
        Assert.Equal("https://api.prowler.com", Jwt.Claim(access, "aud"));
        Assert.Equal(emulator.Clock.GetUtcNow() + TestEmulator.ProwlerAccessTokenLifetime, Jwt.ExpiresAt(access));
        Assert.Equal(emulator.Clock.GetUtcNow() + TestEmulator.ProwlerRefreshTokenLifetime, Jwt.ExpiresAt(refresh));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Obtain_with_a_tenant_the_user_belongs_to_scopes_the_pair_to_it(bool form)
    {
        var (_, access, refresh) = await ObtainAsync(emulator, form, SecondTenant);

        Assert.Equal(SecondTenant, Jwt.Claim(access, "tenant_id"));
        Assert.Equal(SecondTenant, Jwt.Claim(refresh, "tenant_id"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Refresh_rotates_the_pair_keeps_the_tenant_and_refuses_the_old_refresh_token(bool form)
    {
        var (_, access, refresh) = await ObtainAsync(emulator, form, SecondTenant);

        var (type, newAccess, newRefresh) = await RefreshAsync(emulator, form, refresh);

        Assert.Equal(ProwlerResourceTypes.TokensRefresh, type);
        Assert.NotEqual(access, newAccess);
        Assert.NotEqual(refresh, newRefresh);
        Assert.Equal(SecondTenant, Jwt.Claim(newAccess, "tenant_id"));
        Assert.Equal(emulator.Clock.GetUtcNow() + TestEmulator.ProwlerAccessTokenLifetime, Jwt.ExpiresAt(newAccess));

        var (_, errors) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => RefreshAsync(emulator, form, refresh));
        AssertSingleError(errors, "400", "invalid", "Invalid or expired token", "/data/attributes/refresh");

        // The rotated refresh token is the one that works now, once.
        var (_, _, third) = await RefreshAsync(emulator, form, newRefresh);
        Assert.NotEqual(newRefresh, third);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Switch_answers_a_pair_scoped_to_the_new_tenant_whose_access_token_switches_back(bool form)
    {
        var (_, access, _) = await ObtainAsync(emulator, form, tenantId: null);

        var (type, switchedAccess, switchedRefresh) = await SwitchAsync(emulator, form, access, SecondTenant);

        Assert.Equal(ProwlerResourceTypes.TokensSwitchTenant, type);
        Assert.Equal(SecondTenant, Jwt.Claim(switchedAccess, "tenant_id"));
        Assert.Equal(SecondTenant, Jwt.Claim(switchedRefresh, "tenant_id"));
        Assert.Equal(emulator.Clock.GetUtcNow() + TestEmulator.ProwlerRefreshTokenLifetime, Jwt.ExpiresAt(switchedRefresh));

        var (_, back, _) = await SwitchAsync(emulator, form, switchedAccess, FirstTenant);
        Assert.Equal(FirstTenant, Jwt.Claim(back, "tenant_id"));

        var (_, refreshed, _) = await RefreshAsync(emulator, form, switchedRefresh);
        Assert.Equal(SecondTenant, Jwt.Claim(refreshed, "tenant_id"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Obtain_with_a_wrong_password_is_400_Invalid_credentials(bool form)
    {
        var (_, errors) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => ObtainAsync(emulator, form, tenantId: null, password: "Not-the-password-1"));

        AssertSingleError(errors, "400", "invalid", "Invalid credentials", "/data");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Obtain_in_a_tenant_the_user_does_not_belong_to_is_400(bool form)
    {
        var (_, errors) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => ObtainAsync(emulator, form, ForeignTenant));

        AssertSingleError(errors, "400", "invalid", NotMember, "/data");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Obtain_with_field_errors_is_400_with_one_error_per_field(bool form)
    {
        var (_, errors) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => ObtainAsync(emulator, form, tenantId: "not-a-uuid", email: "no-at-sign", password: " "));

        Assert.Collection(errors.Errors ?? [],
            e => AssertError(e, "400", "blank", "This field may not be blank.", "/data/attributes/password"),
            e => AssertError(e, "400", "invalid", "Enter a valid email address.", "/data/attributes/email"),
            e => AssertError(e, "400", "invalid", "Must be a valid UUID.", "/data/attributes/tenant_id"));
    }

    [Fact]
    public async Task Obtain_with_a_document_without_attributes_is_400_required_per_field()
    {
        var request = new TokenRequest { Data = new JsonApiResource<TokenRequestAttributes> { Type = ProwlerResourceTypes.Tokens } };

        var (_, errors) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => Tokens(emulator).ObtainTokenAsync(request));

        Assert.Collection(errors.Errors ?? [],
            e => AssertError(e, "400", "required", "This field is required.", "/data/attributes/email"),
            e => AssertError(e, "400", "required", "This field is required.", "/data/attributes/password"));
    }

    [Fact]
    public async Task Obtain_with_a_document_without_data_is_400()
    {
        var (_, errors) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => Tokens(emulator).ObtainTokenAsync(new TokenRequest()));

        AssertSingleError(errors, "400", "parse_error", "Received document does not contain primary data", "/data");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Refresh_with_a_token_the_service_never_issued_or_a_blank_one_is_400(bool form)
    {
        var (_, unknown) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => RefreshAsync(emulator, form, "not-a-refresh-token"));
        var (_, blank) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => RefreshAsync(emulator, form, ""));

        AssertSingleError(unknown, "400", "invalid", "Invalid or expired token", "/data/attributes/refresh");
        AssertSingleError(blank, "400", "blank", "This field may not be blank.", "/data/attributes/refresh");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_refresh_token_is_refused_with_400_once_it_expires(bool form)
    {
        await using var own = await TestEmulator.StartAsync();
        var (_, _, refresh) = await ObtainAsync(own, form, tenantId: null);
        var (_, _, spare) = await ObtainAsync(own, form, tenantId: null);
        own.Clock.Advance(TestEmulator.ProwlerRefreshTokenLifetime - TimeSpan.FromSeconds(1));
        var (_, lastMoment, _) = await RefreshAsync(own, form, spare);
        own.Clock.Advance(TimeSpan.FromSeconds(1));

        var (_, errors) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => RefreshAsync(own, form, refresh));

        AssertSingleError(errors, "400", "invalid", "Invalid or expired token", "/data/attributes/refresh");
        Assert.Equal(own.Clock.GetUtcNow() - TimeSpan.FromSeconds(1) + TestEmulator.ProwlerAccessTokenLifetime, Jwt.ExpiresAt(lastMoment));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Switch_to_a_tenant_the_user_does_not_belong_to_or_to_a_non_uuid_is_400(bool form)
    {
        var (_, access, _) = await ObtainAsync(emulator, form, tenantId: null);

        var (_, notMember) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => SwitchAsync(emulator, form, access, ForeignTenant));
        var (_, notUuid) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => SwitchAsync(emulator, form, access, "tenant-two"));

        AssertSingleError(notMember, "400", "invalid", NotMember, "/data/attributes/tenant_id");
        AssertSingleError(notUuid, "400", "invalid", "Must be a valid UUID.", "/data/attributes/tenant_id");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Switch_without_a_bearer_access_token_is_401_not_authenticated(bool form)
    {
        var (exception, errors) = await ApiError.CatchAsync(HttpStatusCode.Unauthorized, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => SwitchWithAuthorizationAsync(emulator, form, "Basic ZGVtbzpkZW1v", SecondTenant));

        AssertSingleError(errors, "401", "not_authenticated", "Authentication credentials were not provided.", "/data");
        Assert.Equal("application/vnd.api+json", exception.ErrorContentType);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Switch_with_a_refresh_token_or_an_unknown_token_is_401_token_not_valid(bool form)
    {
        var (_, _, refresh) = await ObtainAsync(emulator, form, tenantId: null);

        var (_, withRefresh) = await ApiError.CatchAsync(HttpStatusCode.Unauthorized, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => SwitchAsync(emulator, form, refresh, SecondTenant));
        var (_, withUnknown) = await ApiError.CatchAsync(HttpStatusCode.Unauthorized, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => SwitchAsync(emulator, form, "not-an-access-token", SecondTenant));

        AssertSingleError(withRefresh, "401", "token_not_valid", "Given token not valid for any token type", "/data");
        AssertSingleError(withUnknown, "401", "token_not_valid", "Given token not valid for any token type", "/data");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Switch_with_an_expired_access_token_is_401_token_not_valid(bool form)
    {
        await using var own = await TestEmulator.StartAsync();
        var (_, access, _) = await ObtainAsync(own, form, tenantId: null);
        own.Clock.Advance(TestEmulator.ProwlerAccessTokenLifetime - TimeSpan.FromSeconds(1));
        var (_, lastMoment, _) = await SwitchAsync(own, form, access, own.Credentials.ProwlerSecondTenantId.ToString());
        own.Clock.Advance(TimeSpan.FromSeconds(1));

        var (_, errors) = await ApiError.CatchAsync(HttpStatusCode.Unauthorized, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => SwitchAsync(own, form, access, own.Credentials.ProwlerSecondTenantId.ToString()));

        AssertSingleError(errors, "401", "token_not_valid", "Given token not valid for any token type", "/data");
        Assert.Equal(own.Credentials.ProwlerSecondTenantId.ToString(), Jwt.Claim(lastMoment, "tenant_id"));
    }

    [Theory]
    [InlineData("obtain", "tokens-refresh", "tokens")]
    [InlineData("refresh", "tokens", "tokens-refresh")]
    [InlineData("switch", "tokens", "tokens-switch-tenant")]
    public async Task A_document_of_another_resource_type_is_409(string operation, string sentType, string expectedType)
    {
        var (access, refresh) = await PairAsync();
        var tokens = Tokens(emulator);
        var credentials = emulator.Credentials;
        Func<Task> call = operation switch
        {
            "obtain" => () => tokens.ObtainTokenAsync(new TokenRequest
            {
                Data = new() { Type = sentType, Attributes = new() { Email = credentials.ProwlerEmail, Password = credentials.ProwlerPassword } },
            }),
            "refresh" => () => tokens.RefreshTokenAsync(new TokenRefreshRequest
            {
                Data = new() { Type = sentType, Attributes = new() { Refresh = refresh } },
            }),
            "switch" => () => tokens.SwitchTenantAsync(BearerToken.Format(access), new TokenSwitchTenantRequest
            {
                Data = new() { Type = sentType, Attributes = new() { TenantId = SecondTenant } },
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };

        var (_, errors) = await ApiError.CatchAsync(HttpStatusCode.Conflict, ProwlerJsonContext.Default.JsonApiErrorDocument, call);

        AssertSingleError(errors, "409", "error",
            $"The resource object's type ({sentType}) is not the type that constitute the collection represented by the endpoint ({expectedType}).",
            "/data/type");
    }

    [Theory]
    [InlineData("obtain", false)]
    [InlineData("obtain", true)]
    [InlineData("refresh", false)]
    [InlineData("refresh", true)]
    [InlineData("switch", false)]
    [InlineData("switch", true)]
    public async Task A_body_labelled_plain_application_json_is_415(string operation, bool form)
    {
        var (access, refresh) = await PairAsync();
        var relabelled = IProwlerTokens.Create(
            emulator.Http(handler: new MediaTypeRewriter("application/json")), TestEmulator.At(emulator.Host.ProwlerBaseAddress));
        var credentials = emulator.Credentials;
        Func<Task> call = (operation, form) switch
        {
            ("obtain", false) => () => relabelled.ObtainTokenAsync(new TokenRequest(credentials.ProwlerEmail, credentials.ProwlerPassword)),
            ("obtain", true) => () => relabelled.ObtainTokenFormAsync(credentials.ProwlerEmail, credentials.ProwlerPassword),
            ("refresh", false) => () => relabelled.RefreshTokenAsync(new TokenRefreshRequest(refresh)),
            ("refresh", true) => () => relabelled.RefreshTokenFormAsync(refresh),
            ("switch", false) => () => relabelled.SwitchTenantAsync(BearerToken.Format(access), new TokenSwitchTenantRequest(SecondTenant)),
            ("switch", true) => () => relabelled.SwitchTenantFormAsync(BearerToken.Format(access), SecondTenant),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };

        var (_, errors) = await ApiError.CatchAsync(HttpStatusCode.UnsupportedMediaType, ProwlerJsonContext.Default.JsonApiErrorDocument, call);

        var error = AssertSingleError(errors, "415", "unsupported_media_type", "Unsupported media type \"application/json\" in request.", pointer: null);
        Assert.Null(error.Source);

        // Refused before the operation ran: the refresh token was not rotated away.
        var (_, _, rotated) = await RefreshAsync(emulator, form, refresh);
        Assert.NotEqual(refresh, rotated);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Obtain_when_throttled_is_429_throttled_with_Retry_After(bool form)
    {
        var credentials = emulator.Credentials;
        var throttled = Tokens(emulator, fault: "status=429; retry-after=30");

        var (exception, errors) = await ApiError.CatchAsync(HttpStatusCode.TooManyRequests, ProwlerJsonContext.Default.JsonApiErrorDocument,
            () => form
                ? throttled.ObtainTokenFormAsync(credentials.ProwlerEmail, credentials.ProwlerPassword)
                : throttled.ObtainTokenAsync(new TokenRequest(credentials.ProwlerEmail, credentials.ProwlerPassword)));

        AssertSingleError(errors, "429", "throttled", "Request was throttled.", pointer: null);
        Assert.Equal(TimeSpan.FromSeconds(30), exception.RetryAfter);
    }

    private async Task<(string Access, string Refresh)> PairAsync()
    {
        var (_, access, refresh) = await ObtainAsync(emulator, form: false, tenantId: null);
        return (access, refresh);
    }

    private static async Task<(string? Type, string Access, string Refresh)> ObtainAsync(
        TestEmulator on, bool form, string? tenantId, string? email = null, string? password = null)
    {
        email ??= on.Credentials.ProwlerEmail;
        password ??= on.Credentials.ProwlerPassword;
        var answer = form
            ? await Tokens(on).ObtainTokenFormAsync(email, password, tenantId)
            : await Tokens(on).ObtainTokenAsync(new TokenRequest(email, password, tenantId));
        return (answer.Data?.Type, NotEmpty(answer.Access), NotEmpty(answer.Refresh));
    }

    private static async Task<(string? Type, string Access, string Refresh)> RefreshAsync(TestEmulator on, bool form, string refresh)
    {
        var answer = form
            ? await Tokens(on).RefreshTokenFormAsync(refresh)
            : await Tokens(on).RefreshTokenAsync(new TokenRefreshRequest(refresh));
        return (answer.Data?.Type, NotEmpty(answer.Access), NotEmpty(answer.Refresh));
    }

    private static Task<(string? Type, string Access, string Refresh)> SwitchAsync(TestEmulator on, bool form, string access, string tenantId) =>
        SwitchWithAuthorizationAsync(on, form, BearerToken.Format(access), tenantId);

    private static async Task<(string? Type, string Access, string Refresh)> SwitchWithAuthorizationAsync(
        TestEmulator on, bool form, string authorization, string tenantId)
    {
        var answer = form
            ? await Tokens(on).SwitchTenantFormAsync(authorization, tenantId)
            : await Tokens(on).SwitchTenantAsync(authorization, new TokenSwitchTenantRequest(tenantId));
        return (answer.Data?.Type, NotEmpty(answer.Access), NotEmpty(answer.Refresh));
    }

    private static string NotEmpty(string? token)
    {
        Assert.False(string.IsNullOrEmpty(token), "Expected a token.");
        return token;
    }

    private static JsonApiError AssertSingleError(JsonApiErrorDocument document, string status, string code, string detail, string? pointer)
    {
        var error = Assert.Single(document.Errors ?? []);
        AssertError(error, status, code, detail, pointer);
        return error;
    }

    private static void AssertError(JsonApiError error, string status, string code, string detail, string? pointer)
    {
        Assert.Equal(status, error.Status);
        Assert.Equal(code, error.Code);
        Assert.Equal(detail, error.Detail);
        Assert.Equal(pointer, error.Source?.Pointer);
    }
}
