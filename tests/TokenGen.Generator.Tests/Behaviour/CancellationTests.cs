using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>
/// The operation's <see cref="CancellationToken"/> reaches the send and the body read, and <see cref="HttpClient.Timeout"/>
/// bounds the body read too (generated clients send with ResponseHeadersRead, where HttpClient's own timeout stops at the
/// headers).
/// </summary>
public sealed class CancellationTests
{
    /// <remarks>
    /// The handler answers at once and does not look at the token itself, so the client alone must notice the
    /// cancellation, whatever the operation returns (a real socket handler would also refuse a cancelled token).
    /// </remarks>
    [Theory]
    [InlineData("Task<T>")]
    [InlineData("Task<T?>")]
    [InlineData("Task")]
    [InlineData("Task<string>")]
    [InlineData("Task<HttpResponseMessage>")]
    [InlineData("Task<ApiResponse<T>>")]
    public async Task PreCancelledTokenThrowsOperationCanceledExceptionForEveryReturnKind(string returnKind)
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json("{\"access_token\":\"a\",\"expires_in\":1}") };
        using var http = new HttpClient(handler);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        IResponseTokens api = IResponseTokens.Create(http);

        Func<Task> call = returnKind switch
        {
            "Task<T>" => () => api.GetTokenAsync(cancellationToken: cts.Token),
            "Task<T?>" => () => api.GetOptionalTokenAsync(cts.Token),
            "Task" => () => api.RevokeAsync("x", cts.Token),
            "Task<string>" => () => api.GetTextAsync(cts.Token),
            "Task<HttpResponseMessage>" => async () => (await api.GetRawAsync(cts.Token)).Dispose(),
            "Task<ApiResponse<T>>" => () => api.ExchangeAsync(cts.Token),
            _ => throw new ArgumentOutOfRangeException(nameof(returnKind)),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(call);
    }

    [Fact]
    public async Task CancellingWhileTheServerHasNotAnsweredThrowsOperationCanceledException()
    {
        var handler = new RecordingHandler { Response = new CannedResponse { WaitForCancellation = true } };
        using var http = new HttpClient(handler);
        using var cts = new CancellationTokenSource();

        Task<TokenResponse> call = IResponseTokens.Create(http).GetTokenAsync(cancellationToken: cts.Token);
        await handler.RequestArrived;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(handler.SawCancellation, "The handler's token was not cancelled: the operation's token did not reach SendAsync.");
    }

    [Fact]
    public async Task CancellingWhileReadingTheBodyThrowsOperationCanceledException()
    {
        var handler = new RecordingHandler { Response = new CannedResponse { StallBodyUntilCancelled = true, ContentType = "application/json" } };
        using var http = new HttpClient(handler);
        using var cts = new CancellationTokenSource();

        Task<string> call = IResponseTokens.Create(http).GetTextAsync(cts.Token);
        await handler.BodyReadStarted;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(handler.LastStream?.SawCancellation, "The body read was not cancelled: the operation's token did not reach the read.");
    }

    [Theory]
    [InlineData("Task<T>")]
    [InlineData("Task<JsonElement> without a token")]
    [InlineData("Task<string>")]
    [InlineData("Task<ApiResponse<T>>")]
    public async Task ABodyThatStallsAfterTheHeadersFailsWithHttpClientsTimeoutException(string returnKind)
    {
        // The body never ends; only the client's timeout can end the call. Nothing here measures how long it took.
        var handler = new RecordingHandler { Response = new CannedResponse { StallBodyUntilCancelled = true, ContentType = "application/json" } };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(200) };
        IResponseTokens api = IResponseTokens.Create(http);

        Func<Task> call = returnKind switch
        {
            "Task<T>" => () => api.GetTokenAsync(),
            "Task<JsonElement> without a token" => () => api.GetElementAsync(),
            "Task<string>" => () => api.GetTextAsync(),
            "Task<ApiResponse<T>>" => () => api.ExchangeAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(returnKind)),
        };

        var exception = await Assert.ThrowsAsync<TaskCanceledException>(call);
        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.Contains("HttpClient.Timeout of 0.2 seconds", exception.Message, StringComparison.Ordinal);
        Assert.True(handler.LastStream?.SawDisposal, "The stalled read was not ended by the deadline closing its stream.");
    }

    [Fact]
    public async Task AServerThatNeverAnswersStillFailsWithHttpClientsTimeoutException()
    {
        var handler = new RecordingHandler { Response = new CannedResponse { WaitForCancellation = true } };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(200) };

        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.IsType<TimeoutException>(exception.InnerException);
    }

    [Fact]
    public async Task AStalledErrorBodyPastTheDeadlineKeepsTheStatusWithoutTheBody()
    {
        var handler = new RecordingHandler
        {
            Response = new CannedResponse { StatusCode = System.Net.HttpStatusCode.BadRequest, StallBodyUntilCancelled = true, ContentType = "application/json" },
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(200) };

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Null(exception.ErrorBody);
    }

    [Fact]
    public async Task CancellingAStalledBodyUnderAFiniteTimeoutIsACancellationNotATimeout()
    {
        var handler = new RecordingHandler { Response = new CannedResponse { StallBodyUntilCancelled = true, ContentType = "application/json" } };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(10) };
        using var cts = new CancellationTokenSource();

        Task<string> call = IResponseTokens.Create(http).GetTextAsync(cts.Token);
        await handler.BodyReadStarted;
        await cts.CancelAsync();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotType<TimeoutException>(exception.InnerException);
    }

    [Fact]
    public async Task AnInfiniteTimeoutLeavesTheCallersTokenInCharge()
    {
        var handler = new RecordingHandler { Response = new CannedResponse { StallBodyUntilCancelled = true, ContentType = "application/json" } };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var cts = new CancellationTokenSource();

        Task<string> call = IResponseTokens.Create(http).GetTextAsync(cts.Token);
        await handler.BodyReadStarted;
        Assert.False(call.IsCompleted);
        await cts.CancelAsync();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cts.Token, exception.CancellationToken);
    }
}
