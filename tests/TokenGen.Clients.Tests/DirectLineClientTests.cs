using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using TokenGen.Clients.DirectLine;

namespace TokenGen.Clients.Tests;

/// <summary>
/// <see cref="IDirectLineTokens"/> against the emulator: generate and refresh, the 1800-second lifetime, refresh refused
/// after expiry with 403 <c>TokenExpired</c>, and 401/403/404/429/500 as <see cref="ErrorResponse"/> bodies.
/// </summary>
public sealed class DirectLineClientTests(TestEmulator emulator) : IClassFixture<TestEmulator>
{
    private static IDirectLineTokens Tokens(TestEmulator on, string? fault = null) =>
        IDirectLineTokens.Create(on.Http(fault), TestEmulator.At(on.Host.DirectLineBaseAddress));

    private string Secret => BearerToken.Format(emulator.Credentials.DirectLineSecret);

    [Fact]
    public async Task Generate_with_the_secret_returns_a_token_for_a_new_conversation_living_1800_seconds()
    {
        var conversation = await Tokens(emulator).GenerateTokenAsync(Secret);

        Assert.StartsWith("dl-conv-", conversation.ConversationId, StringComparison.Ordinal);
        Assert.Equal(1800, conversation.ExpiresIn);
        Assert.Equal(conversation.ConversationId, Jwt.Claim(conversation.Token, "conv"));
        Assert.Equal(emulator.Clock.GetUtcNow() + TestEmulator.DirectLineTokenLifetime, Jwt.ExpiresAt(conversation.Token));
        Assert.Null(conversation.StreamUrl);
    }

    [Fact]
    public async Task Generate_sends_the_optional_token_parameters_and_each_call_starts_a_new_conversation()
    {
        var parameters = new TokenParameters
        {
            User = new ChannelAccount { Id = "dl_ada", Name = "Ada" },
            TrustedOrigins = ["https://webchat.example.test"],
        };

        var first = await Tokens(emulator).GenerateTokenAsync(Secret, parameters);
        var second = await Tokens(emulator).GenerateTokenAsync(Secret);

        Assert.Equal(1800, first.ExpiresIn);
        Assert.NotEqual(first.ConversationId, second.ConversationId);
        Assert.NotEqual(first.Token, second.Token);
    }

    [Fact]
    public async Task Refresh_with_the_token_returns_a_new_token_for_the_same_conversation_which_refreshes_again()
    {
        var tokens = Tokens(emulator);
        var generated = await tokens.GenerateTokenAsync(Secret);

        var refreshed = await tokens.RefreshTokenAsync(BearerToken.Format(generated.Token!));
        var again = await tokens.RefreshTokenAsync(BearerToken.Format(refreshed.Token!));

        Assert.Equal(generated.ConversationId, refreshed.ConversationId);
        Assert.Equal(generated.ConversationId, again.ConversationId);
        Assert.NotEqual(generated.Token, refreshed.Token);
        Assert.NotEqual(refreshed.Token, again.Token);
        Assert.Equal(1800, refreshed.ExpiresIn);
        Assert.Equal(generated.ConversationId, Jwt.Claim(again.Token, "conv"));
    }

    [Fact]
    public async Task Refresh_works_until_the_token_expires_then_is_403_TokenExpired()
    {
        await using var own = await TestEmulator.StartAsync();
        var tokens = Tokens(own);
        var generated = await tokens.GenerateTokenAsync(BearerToken.Format(own.Credentials.DirectLineSecret));

        own.Clock.Advance(TimeSpan.FromSeconds(1799));
        var lastMoment = await tokens.RefreshTokenAsync(BearerToken.Format(generated.Token!));
        own.Clock.Advance(TimeSpan.FromSeconds(1));

        var (exception, error) = await ApiError.CatchAsync(HttpStatusCode.Forbidden, DirectLineJsonContext.Default.ErrorResponse,
            () => tokens.RefreshTokenAsync(BearerToken.Format(generated.Token!)));
        Assert.Equal("TokenExpired", error.Error?.Code);
        Assert.Equal("Token expired", error.Error?.Message);
        Assert.Equal(HttpMethod.Post, exception.Method);
        Assert.EndsWith("/directline/v3/directline/tokens/refresh", exception.RequestUri?.AbsolutePath, StringComparison.Ordinal);

        // The token refreshed a second before expiry has its own 1800 seconds and still refreshes.
        var fresh = await tokens.RefreshTokenAsync(BearerToken.Format(lastMoment.Token!));
        Assert.Equal(generated.ConversationId, fresh.ConversationId);
    }

    [Theory]
    [InlineData("Basic ZGVtbzpkZW1v")]
    [InlineData("Bearer ")]
    public async Task Generate_without_a_bearer_credential_is_401(string authorization)
    {
        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Unauthorized, DirectLineJsonContext.Default.ErrorResponse,
            () => Tokens(emulator).GenerateTokenAsync(authorization));

        Assert.Equal("BadArgument", error.Error?.Code);
        Assert.StartsWith("Missing token or secret", error.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_without_a_bearer_credential_is_401()
    {
        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Unauthorized, DirectLineJsonContext.Default.ErrorResponse,
            () => Tokens(emulator).RefreshTokenAsync("Basic ZGVtbzpkZW1v"));

        Assert.Equal("BadArgument", error.Error?.Code);
        Assert.StartsWith("Missing token or secret", error.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_with_a_wrong_secret_is_403()
    {
        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Forbidden, DirectLineJsonContext.Default.ErrorResponse,
            () => Tokens(emulator).GenerateTokenAsync(BearerToken.Format("not-the-direct-line-secret")));

        Assert.Equal("BadArgument", error.Error?.Code);
        Assert.Equal("Invalid token or secret", error.Error?.Message);
    }

    [Fact]
    public async Task Generate_with_a_token_instead_of_the_secret_is_403()
    {
        var tokens = Tokens(emulator);
        var generated = await tokens.GenerateTokenAsync(Secret);

        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Forbidden, DirectLineJsonContext.Default.ErrorResponse,
            () => tokens.GenerateTokenAsync(BearerToken.Format(generated.Token!)));

        Assert.Equal("BadArgument", error.Error?.Code);
        Assert.Equal("Generating a token needs the Direct Line secret, not a token.", error.Error?.Message);
    }

    [Fact]
    public async Task Refresh_with_an_unknown_token_is_403()
    {
        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Forbidden, DirectLineJsonContext.Default.ErrorResponse,
            () => Tokens(emulator).RefreshTokenAsync(BearerToken.Format("not-a-token-the-service-issued")));

        Assert.Equal("BadArgument", error.Error?.Code);
        Assert.Equal("Invalid token or secret", error.Error?.Message);
    }

    [Fact]
    public async Task Refresh_with_the_secret_is_403()
    {
        var (_, error) = await ApiError.CatchAsync(HttpStatusCode.Forbidden, DirectLineJsonContext.Default.ErrorResponse,
            () => Tokens(emulator).RefreshTokenAsync(Secret));

        Assert.Equal("BadArgument", error.Error?.Code);
        Assert.Equal("Refreshing needs a token; a secret cannot be refreshed.", error.Error?.Message);
    }

    [Fact]
    public async Task A_base_address_with_a_wrong_path_is_404_NotFound_with_an_ErrorResponse()
    {
        var misaddressed = IDirectLineTokens.Create(emulator.Http(), TestEmulator.At(new Uri(emulator.Host.DirectLineBaseAddress, "v2/")));

        var (exception, error) = await ApiError.CatchAsync(HttpStatusCode.NotFound, DirectLineJsonContext.Default.ErrorResponse,
            () => misaddressed.GenerateTokenAsync(Secret));

        Assert.Equal("NotFound", error.Error?.Code);
        // The path in the message is long enough to look like a token, so the exception redacts it.
        Assert.StartsWith("No operation POST ", error.Error?.Message, StringComparison.Ordinal);
        Assert.EndsWith("/directline/v2/v3/directline/tokens/generate", exception.RequestUri?.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("generate", 404, "NotFound", "Not Found")]
    [InlineData("generate", 500, "ServiceError", "Internal Server Error")]
    [InlineData("refresh", 404, "NotFound", "Not Found")]
    [InlineData("refresh", 500, "ServiceError", "Internal Server Error")]
    public async Task Statuses_only_a_fault_produces_reach_the_caller_with_an_ErrorResponse(string operation, int status, string code, string message)
    {
        var (exception, error) = await ApiError.CatchAsync((HttpStatusCode)status, DirectLineJsonContext.Default.ErrorResponse,
            () => CallAsync(operation, fault: $"status={status}"));

        Assert.Equal(code, error.Error?.Code);
        Assert.Equal(message, error.Error?.Message);
        Assert.Null(exception.RetryAfter);
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("refresh")]
    public async Task Too_many_requests_is_429_with_Retry_After_and_an_ErrorResponse(string operation)
    {
        var (exception, error) = await ApiError.CatchAsync(HttpStatusCode.TooManyRequests, DirectLineJsonContext.Default.ErrorResponse,
            () => CallAsync(operation, fault: "status=429; retry-after=7"));

        Assert.Equal("TooManyRequests", error.Error?.Code);
        Assert.Equal("Too many requests. Wait a moment and try again.", error.Error?.Message);
        Assert.Equal(TimeSpan.FromSeconds(7), exception.RetryAfter);
    }

    /// <summary>
    /// One operation with valid credentials, sent through an HttpClient that asks the emulator for <paramref name="fault"/>:
    /// the answer is then the fault's, whatever the credentials.
    /// </summary>
    private async Task CallAsync(string operation, string fault)
    {
        var faulted = Tokens(emulator, fault);
        switch (operation)
        {
            case "generate":
                await faulted.GenerateTokenAsync(Secret);
                break;
            case "refresh":
                var generated = await Tokens(emulator).GenerateTokenAsync(Secret);
                await faulted.RefreshTokenAsync(BearerToken.Format(generated.Token!));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }
    }
}
