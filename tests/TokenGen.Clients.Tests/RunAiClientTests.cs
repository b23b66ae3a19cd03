using System;
using System.Net;
using System.Threading.Tasks;
using TokenGen.Clients.RunAi;

namespace TokenGen.Clients.Tests;

/// <summary>
/// <see cref="IRunAiTokens"/> against the emulator: the app token (snake_case answer), every grant type of
/// <c>/api/v1/token</c>, the code exchange and the refresh through the query; 400 from the emulator's own checks and
/// 500/503 through faults, each with Run:ai's <see cref="Error"/> body.
/// </summary>
public sealed class RunAiClientTests(TestEmulator emulator) : IClassFixture<TestEmulator>
{
    private const string MissingParameter = "Required parameter is missing";

    private static IRunAiTokens Tokens(TestEmulator on, string? fault = null) =>
        IRunAiTokens.Create(on.Http(fault), TestEmulator.At(on.Host.RunAiBaseAddress));

    [Fact]
    public async Task App_token_answers_snake_case_access_and_id_tokens_for_the_application()
    {
        var credentials = emulator.Credentials;

        var answer = await Tokens(emulator).GetAppTokenAsync(new AppTokenRequest
        {
            Id = credentials.RunAiAppId,
            Name = credentials.RunAiAppName,
            Secret = credentials.RunAiAppSecret,
        });

        Assert.Equal(credentials.RunAiAppId, Jwt.Claim(answer.AccessToken, "sub"));
        Assert.Equal("access", Jwt.Claim(answer.AccessToken, "typ"));
        Assert.Equal("id", Jwt.Claim(answer.IdToken, "typ"));
        Assert.Equal(credentials.RunAiAppName, Jwt.Claim(answer.IdToken, "name"));
        Assert.Equal(emulator.Clock.GetUtcNow() + TestEmulator.RunAiAccessTokenLifetime, Jwt.ExpiresAt(answer.AccessToken));
    }

    [Theory]
    [InlineData(RunAiGrantTypes.ClientCredentials)]
    [InlineData(RunAiGrantTypes.AppToken)]
    [InlineData(RunAiGrantTypes.Password)]
    [InlineData(RunAiGrantTypes.ExchangeToken)]
    [InlineData(RunAiGrantTypes.ExternalTokenExchange)]
    [InlineData(RunAiGrantTypes.RefreshToken)]
    public async Task Every_grant_type_answers_access_id_and_refresh_tokens_with_the_configured_lifetime(string grantType)
    {
        var (request, subject) = await ValidGrantAsync(grantType);

        var answer = await Tokens(emulator).GrantTokenAsync(request, userAgent: "TokenGen.Clients.Tests/1.0");

        Assert.Equal((int)TestEmulator.RunAiAccessTokenLifetime.TotalSeconds, answer.ExpiresIn);
        Assert.Equal(subject, Jwt.Claim(answer.AccessToken, "sub"));
        Assert.Equal("access", Jwt.Claim(answer.AccessToken, "typ"));
        Assert.Equal(subject, Jwt.Claim(answer.IdToken, "sub"));
        Assert.Equal("id", Jwt.Claim(answer.IdToken, "typ"));
        Assert.Equal(emulator.Clock.GetUtcNow() + TestEmulator.RunAiAccessTokenLifetime, Jwt.ExpiresAt(answer.AccessToken));
        Assert.StartsWith("runai-refresh.", answer.RefreshToken, StringComparison.Ordinal);

        // The refresh token each grant hands out is accepted by the next call.
        var refreshed = await Tokens(emulator).GrantTokenAsync(TokenRequest.ForRefreshToken(answer.RefreshToken!, emulator.Credentials.RunAiClientId));
        Assert.Equal(emulator.Credentials.RunAiClientId, Jwt.Claim(refreshed.AccessToken, "sub"));
    }

    [Fact]
    public async Task Exchange_code_through_the_query_answers_tokens_whose_refresh_token_works()
    {
        var tokens = Tokens(emulator);
        var credentials = emulator.Credentials;

        var answer = await tokens.ExchangeCodeForTokenAsync(credentials.RunAiRedirectUri, credentials.RunAiAuthorizationCode);

        Assert.Equal(credentials.RunAiClientId, Jwt.Claim(answer.AccessToken, "sub"));
        Assert.Equal((int)TestEmulator.RunAiAccessTokenLifetime.TotalSeconds, answer.ExpiresIn);
        Assert.Equal("id", Jwt.Claim(answer.IdToken, "typ"));
        var refreshed = await tokens.RefreshTokenAsync(answer.RefreshToken!);
        Assert.Equal(credentials.RunAiClientId, Jwt.Claim(refreshed.AccessToken, "sub"));
    }

    [Fact]
    public async Task Refresh_through_the_query_answers_new_tokens_whose_refresh_token_works_again()
    {
        var tokens = Tokens(emulator);
        var granted = await tokens.GrantTokenAsync(TokenRequest.ForClientCredentials(emulator.Credentials.RunAiClientId, emulator.Credentials.RunAiClientSecret));

        var refreshed = await tokens.RefreshTokenAsync(granted.RefreshToken!);
        var again = await tokens.RefreshTokenAsync(refreshed.RefreshToken!);

        Assert.NotEqual(granted.AccessToken, refreshed.AccessToken);
        Assert.NotEqual(granted.RefreshToken, refreshed.RefreshToken);
        Assert.Equal((int)TestEmulator.RunAiAccessTokenLifetime.TotalSeconds, refreshed.ExpiresIn);
        Assert.Equal(emulator.Credentials.RunAiClientId, Jwt.Claim(again.AccessToken, "sub"));
        Assert.Equal("id", Jwt.Claim(again.IdToken, "typ"));
    }

    [Fact]
    public async Task A_refresh_token_is_refused_with_400_once_it_expires()
    {
        await using var own = await TestEmulator.StartAsync();
        var tokens = Tokens(own);
        var granted = await tokens.GrantTokenAsync(TokenRequest.ForClientCredentials(own.Credentials.RunAiClientId, own.Credentials.RunAiClientSecret));
        own.Clock.Advance(TestEmulator.RunAiRefreshTokenLifetime - TimeSpan.FromSeconds(1));
        var lastMoment = await tokens.RefreshTokenAsync(granted.RefreshToken!);
        own.Clock.Advance(TimeSpan.FromSeconds(1));

        var (_, throughQuery) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, RunAiJsonContext.Default.Error,
            () => tokens.RefreshTokenAsync(granted.RefreshToken!));
        var (_, throughGrant) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, RunAiJsonContext.Default.Error,
            () => tokens.GrantTokenAsync(TokenRequest.ForRefreshToken(granted.RefreshToken!, own.Credentials.RunAiClientId)));

        Assert.Equal(400, throughQuery.Code);
        Assert.Equal("Invalid or expired refresh token", throughQuery.Message);
        Assert.Equal(400, throughGrant.Code);
        Assert.Equal("Invalid or expired refresh token", throughGrant.Message);
        Assert.Equal(own.Credentials.RunAiClientId, Jwt.Claim(lastMoment.AccessToken, "sub"));
    }

    [Theory]
    [InlineData(RunAiGrantTypes.ClientCredentials, "clientSecret")]
    [InlineData(RunAiGrantTypes.AppToken, "appSecret")]
    [InlineData(RunAiGrantTypes.Password, "password")]
    [InlineData(RunAiGrantTypes.ExchangeToken, "redirectUri")]
    [InlineData(RunAiGrantTypes.ExternalTokenExchange, "externalToken")]
    [InlineData(RunAiGrantTypes.RefreshToken, "clientID")]
    public async Task A_grant_missing_a_field_it_needs_is_400_naming_the_field(string grantType, string field)
    {
        var (request, _) = await ValidGrantAsync(grantType);
        Action<TokenRequest> leaveOut = field switch
        {
            "clientSecret" => r => r.ClientSecret = null,
            "appSecret" => r => r.AppSecret = null,
            "password" => r => r.Password = null,
            "redirectUri" => r => r.RedirectUri = null,
            "externalToken" => r => r.ExternalToken = null,
            "clientID" => r => r.ClientId = null,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
        leaveOut(request);

        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, RunAiJsonContext.Default.Error,
            () => Tokens(emulator).GrantTokenAsync(request));

        Assert.Equal(400, error.Code);
        Assert.Equal(MissingParameter, error.Message);
        Assert.Equal(field, error.Details);
    }

    [Theory]
    [InlineData(RunAiGrantTypes.ClientCredentials, "Invalid client credentials")]
    [InlineData(RunAiGrantTypes.AppToken, "Invalid application credentials")]
    [InlineData(RunAiGrantTypes.Password, "Invalid username or password")]
    [InlineData(RunAiGrantTypes.ExchangeToken, "Invalid authorization code or redirect URI")]
    [InlineData(RunAiGrantTypes.ExternalTokenExchange, "Invalid external token")]
    [InlineData(RunAiGrantTypes.RefreshToken, "Invalid or expired refresh token")]
    public async Task A_grant_with_a_wrong_secret_is_400(string grantType, string message)
    {
        const string Wrong = "wrong-value";
        var request = grantType switch
        {
            RunAiGrantTypes.ClientCredentials => TokenRequest.ForClientCredentials(emulator.Credentials.RunAiClientId, Wrong),
            RunAiGrantTypes.AppToken => TokenRequest.ForAppToken(emulator.Credentials.RunAiAppId, Wrong),
            RunAiGrantTypes.Password => TokenRequest.ForPassword(emulator.Credentials.RunAiUsername, Wrong),
            RunAiGrantTypes.ExchangeToken => TokenRequest.ForExchangeToken(Wrong, emulator.Credentials.RunAiClientId, emulator.Credentials.RunAiRedirectUri),
            RunAiGrantTypes.ExternalTokenExchange => TokenRequest.ForExternalTokenExchange(Wrong),
            RunAiGrantTypes.RefreshToken => TokenRequest.ForRefreshToken(Wrong, emulator.Credentials.RunAiClientId),
            _ => throw new ArgumentOutOfRangeException(nameof(grantType), grantType, null),
        };

        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, RunAiJsonContext.Default.Error,
            () => Tokens(emulator).GrantTokenAsync(request));

        Assert.Equal(400, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Null(error.Details);
    }

    [Theory]
    [InlineData(null, MissingParameter, "grantType")]
    [InlineData("authorization_code", "Unsupported grant type", "grantType 'authorization_code' is not one of client_credentials, refresh_token, exchange_token, app_token, password, external_token_exchange.")]
    public async Task A_grant_without_a_known_grant_type_is_400(string? grantType, string message, string details)
    {
        var request = new TokenRequest { GrantType = grantType, ClientId = emulator.Credentials.RunAiClientId, ClientSecret = emulator.Credentials.RunAiClientSecret };

        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, RunAiJsonContext.Default.Error,
            () => Tokens(emulator).GrantTokenAsync(request));

        Assert.Equal(400, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(details, error.Details);
    }

    [Fact]
    public async Task App_token_with_a_wrong_secret_or_a_missing_name_is_400()
    {
        var credentials = emulator.Credentials;
        var tokens = Tokens(emulator);

        var (_, wrong) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, RunAiJsonContext.Default.Error,
            () => tokens.GetAppTokenAsync(new AppTokenRequest { Id = credentials.RunAiAppId, Name = credentials.RunAiAppName, Secret = "wrong-value" }));
        var (_, missing) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, RunAiJsonContext.Default.Error,
            () => tokens.GetAppTokenAsync(new AppTokenRequest { Id = credentials.RunAiAppId, Secret = credentials.RunAiAppSecret }));

        Assert.Equal(400, wrong.Code);
        Assert.Equal("Invalid application credentials", wrong.Message);
        Assert.Equal(400, missing.Code);
        Assert.Equal(MissingParameter, missing.Message);
        Assert.Equal("name", missing.Details);
    }

    [Theory]
    [InlineData("wrong code", "Invalid authorization code or redirect URI", null)]
    [InlineData("wrong redirect", "Invalid authorization code or redirect URI", null)]
    [InlineData("no code", MissingParameter, "code")]
    public async Task Exchange_code_with_a_wrong_or_missing_code_or_redirect_is_400(string mistake, string message, string? details)
    {
        var credentials = emulator.Credentials;
        var (redirectUri, code) = mistake switch
        {
            "wrong code" => (credentials.RunAiRedirectUri, "not-the-authorization-code"),
            "wrong redirect" => ("https://elsewhere.example.test/callback", credentials.RunAiAuthorizationCode),
            "no code" => (credentials.RunAiRedirectUri, ""),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake), mistake, null),
        };

        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, RunAiJsonContext.Default.Error,
            () => Tokens(emulator).ExchangeCodeForTokenAsync(redirectUri, code));

        Assert.Equal(400, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(details, error.Details);
    }

    [Theory]
    [InlineData("runai-refresh.not-one-the-emulator-issued", "Invalid or expired refresh token", null)]
    [InlineData("", MissingParameter, "refresh_token")]
    public async Task Refresh_through_the_query_with_an_unknown_or_missing_token_is_400(string refreshToken, string message, string? details)
    {
        var (exception, error) = await ApiError.CatchAsync(HttpStatusCode.BadRequest, RunAiJsonContext.Default.Error,
            () => Tokens(emulator).RefreshTokenAsync(refreshToken));

        Assert.Equal(400, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(details, error.Details);
        Assert.Equal("", exception.RequestUri?.Query);
    }

    [Theory]
    [InlineData("apptoken", 500, "Internal Server Error")]
    [InlineData("apptoken", 503, "Please try again in few minutes.")]
    [InlineData("exchange", 500, "Internal Server Error")]
    [InlineData("exchange", 503, "Please try again in few minutes.")]
    [InlineData("grant", 500, "Internal Server Error")]
    [InlineData("grant", 503, "Please try again in few minutes.")]
    [InlineData("refresh", 500, "Internal Server Error")]
    [InlineData("refresh", 503, "Please try again in few minutes.")]
    public async Task Server_errors_only_a_fault_produces_reach_the_caller_with_an_Error_body(string operation, int status, string message)
    {
        var credentials = emulator.Credentials;
        var granted = await Tokens(emulator).GrantTokenAsync(TokenRequest.ForClientCredentials(credentials.RunAiClientId, credentials.RunAiClientSecret));
        var faulted = Tokens(emulator, fault: $"status={status}");
        Func<Task> call = operation switch
        {
            "apptoken" => () => faulted.GetAppTokenAsync(new AppTokenRequest { Id = credentials.RunAiAppId, Name = credentials.RunAiAppName, Secret = credentials.RunAiAppSecret }),
            "exchange" => () => faulted.ExchangeCodeForTokenAsync(credentials.RunAiRedirectUri, credentials.RunAiAuthorizationCode),
            "grant" => () => faulted.GrantTokenAsync(TokenRequest.ForClientCredentials(credentials.RunAiClientId, credentials.RunAiClientSecret)),
            "refresh" => () => faulted.RefreshTokenAsync(granted.RefreshToken!),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };

        var (_, error) = await ApiError.CatchAsync((HttpStatusCode)status, RunAiJsonContext.Default.Error, call);

        Assert.Equal(status, error.Code);
        Assert.Equal(message, error.Message);
    }

    /// <summary>A valid request for <paramref name="grantType"/> from the seeded credentials, and the subject its tokens name.</summary>
    private async Task<(TokenRequest Request, string Subject)> ValidGrantAsync(string grantType)
    {
        var credentials = emulator.Credentials;
        switch (grantType)
        {
            case RunAiGrantTypes.ClientCredentials:
                return (TokenRequest.ForClientCredentials(credentials.RunAiClientId, credentials.RunAiClientSecret), credentials.RunAiClientId);
            case RunAiGrantTypes.AppToken:
                return (TokenRequest.ForAppToken(credentials.RunAiAppId, credentials.RunAiAppSecret), credentials.RunAiAppId);
            case RunAiGrantTypes.Password:
                return (TokenRequest.ForPassword(credentials.RunAiUsername, credentials.RunAiPassword), credentials.RunAiUsername);
            case RunAiGrantTypes.ExchangeToken:
                return (TokenRequest.ForExchangeToken(credentials.RunAiAuthorizationCode, credentials.RunAiClientId, credentials.RunAiRedirectUri), credentials.RunAiClientId);
            case RunAiGrantTypes.ExternalTokenExchange:
                return (TokenRequest.ForExternalTokenExchange(credentials.RunAiExternalToken), "external-user");
            case RunAiGrantTypes.RefreshToken:
                var first = await Tokens(emulator).GrantTokenAsync(TokenRequest.ForPassword(credentials.RunAiUsername, credentials.RunAiPassword));
                return (TokenRequest.ForRefreshToken(first.RefreshToken!, credentials.RunAiClientId), credentials.RunAiClientId);
            default:
                throw new ArgumentOutOfRangeException(nameof(grantType), grantType, null);
        }
    }
}
