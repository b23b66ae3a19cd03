using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>The operation's <see cref="CancellationToken"/> reaches the send and the body read.</summary>
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
}
