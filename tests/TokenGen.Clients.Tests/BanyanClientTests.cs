using System;
using System.Net;
using System.Threading.Tasks;
using TokenGen.Clients.Banyan;

namespace TokenGen.Clients.Tests;

/// <summary>
/// <see cref="IBanyanTokens"/> against the emulator: v1 turns a refresh token into a short-lived access token
/// (<c>{"Message": jwt}</c>), v2 turns an access token into a new refresh token in the v2 envelope; 400/401/403/500
/// reach the caller with Banyan's error envelope (<c>data</c> an integer).
/// </summary>
public sealed class BanyanClientTests(TestEmulator emulator) : IClassFixture<TestEmulator>
{
    private static IBanyanTokens Tokens(TestEmulator on, string? fault = null) =>
        IBanyanTokens.Create(on.Http(fault), TestEmulator.At(on.Host.BanyanBaseAddress));

    private string SeededRefreshToken => BearerToken.Format(emulator.Credentials.BanyanRefreshToken);

    [Fact]
    public async Task V1_exchanges_the_refresh_token_for_an_access_token_living_the_configured_lifetime()
    {
        var answer = await Tokens(emulator).RefreshTokenAsync(SeededRefreshToken);

        Assert.Equal("access", Jwt.Claim(answer.Message, "typ"));
        Assert.Equal("https://net.banyanops.com", Jwt.Claim(answer.Message, "iss"));
        Assert.Equal(emulator.Clock.GetUtcNow() + TestEmulator.BanyanAccessTokenLifetime, Jwt.ExpiresAt(answer.Message));
    }

    [Fact]
    public async Task V2_turns_the_access_token_into_a_new_refresh_token_which_v1_accepts()
    {
        var tokens = Tokens(emulator);
        var access = await tokens.RefreshTokenAsync(SeededRefreshToken);

        var envelope = await tokens.GenerateRefreshTokenAsync(BearerToken.Format(access.Message!));

        Assert.Equal(0, envelope.ErrorCode);
        Assert.Equal("", envelope.ErrorDescription);
        Assert.True(Guid.TryParse(envelope.RequestId, out _), envelope.RequestId);
        var refreshToken = envelope.Data?.RefreshToken;
        Assert.StartsWith("bnn-refresh.", refreshToken, StringComparison.Ordinal);
        Assert.NotEqual(emulator.Credentials.BanyanRefreshToken, refreshToken);

        var next = await tokens.RefreshTokenAsync(BearerToken.Format(refreshToken!));
        Assert.Equal("access", Jwt.Claim(next.Message, "typ"));
        Assert.NotEqual(access.Message, next.Message);
    }

    [Theory]
    [InlineData("Basic ZGVtbzpkZW1v", "Authorization header with a Bearer refresh token is required")]
    [InlineData("Bearer not-a-banyan-refresh-token", "Invalid refresh token")]
    public async Task V1_without_a_known_refresh_token_is_401(string authorization, string message)
    {
        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Unauthorized, BanyanJsonContext.Default.RefreshTokenV1Error,
            () => Tokens(emulator).RefreshTokenAsync(authorization));

        Assert.Equal(message, error.Message);
        Assert.Equal(401, error.ErrorCode?.GetInt32());
        Assert.Equal(message, error.AdditionalProperties?["error_description"].GetString());
    }

    [Fact]
    public async Task V1_with_an_access_token_instead_of_a_refresh_token_is_403()
    {
        var tokens = Tokens(emulator);
        var access = await tokens.RefreshTokenAsync(SeededRefreshToken);

        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Forbidden, BanyanJsonContext.Default.RefreshTokenV1Error,
            () => tokens.RefreshTokenAsync(BearerToken.Format(access.Message!)));

        Assert.Equal("An access token cannot be exchanged here; send a refresh token", error.Message);
        Assert.Equal(403, error.ErrorCode?.GetInt32());
    }

    [Theory]
    [InlineData("Basic ZGVtbzpkZW1v", "Authorization header with a Bearer access token is required")]
    [InlineData("Bearer not-a-banyan-access-token", "Invalid access token")]
    public async Task V2_without_a_known_access_token_is_401_with_the_v2_error_envelope(string authorization, string message)
    {
        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Unauthorized, BanyanJsonContext.Default.RefreshTokenV2Error,
            () => Tokens(emulator).GenerateRefreshTokenAsync(authorization));

        Assert.Equal(401, error.ErrorCode);
        Assert.Equal(message, error.ErrorDescription);
        Assert.Equal(0, error.Data);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task V2_with_a_refresh_token_instead_of_an_access_token_is_403_with_the_v2_error_envelope()
    {
        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Forbidden, BanyanJsonContext.Default.RefreshTokenV2Error,
            () => Tokens(emulator).GenerateRefreshTokenAsync(SeededRefreshToken));

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal("A refresh token cannot generate a refresh token; send an access token", error.ErrorDescription);
        Assert.Equal(0, error.Data);
    }

    [Fact]
    public async Task V2_with_an_expired_access_token_is_401()
    {
        await using var own = await TestEmulator.StartAsync();
        var tokens = Tokens(own);
        var access = await tokens.RefreshTokenAsync(BearerToken.Format(own.Credentials.BanyanRefreshToken));

        own.Clock.Advance(TestEmulator.BanyanAccessTokenLifetime - TimeSpan.FromSeconds(1));
        var stillLive = await tokens.GenerateRefreshTokenAsync(BearerToken.Format(access.Message!));
        own.Clock.Advance(TimeSpan.FromSeconds(1));

        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Unauthorized, BanyanJsonContext.Default.RefreshTokenV2Error,
            () => tokens.GenerateRefreshTokenAsync(BearerToken.Format(access.Message!)));
        Assert.Equal(401, error.ErrorCode);
        Assert.Equal("Access token expired", error.ErrorDescription);
        Assert.StartsWith("bnn-refresh.", stillLive.Data?.RefreshToken, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(500, "Internal Server Error")]
    public async Task V1_statuses_only_a_fault_produces_reach_the_caller_with_the_error_envelope(int status, string description)
    {
        var (_, error) = await ApiError.CatchAsync((HttpStatusCode)status, BanyanJsonContext.Default.RefreshTokenV1Error,
            () => Tokens(emulator, fault: $"status={status}").RefreshTokenAsync(SeededRefreshToken));

        Assert.Equal(status, error.ErrorCode?.GetInt32());
        Assert.Equal(description, error.AdditionalProperties?["error_description"].GetString());
    }

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(500, "Internal Server Error")]
    public async Task V2_statuses_only_a_fault_produces_reach_the_caller_with_the_error_envelope(int status, string description)
    {
        var access = await Tokens(emulator).RefreshTokenAsync(SeededRefreshToken);

        var (_, error) = await ApiError.CatchAsync((HttpStatusCode)status, BanyanJsonContext.Default.RefreshTokenV2Error,
            () => Tokens(emulator, fault: $"status={status}").GenerateRefreshTokenAsync(BearerToken.Format(access.Message!)));

        Assert.Equal(status, error.ErrorCode);
        Assert.Equal(description, error.ErrorDescription);
        Assert.Equal(0, error.Data);
    }
}
