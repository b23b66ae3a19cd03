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
        Assert.True(handler.LastStream?.SawCancellation, "The stalled read was not ended by the deadline cancelling it.");
    }

    /// <summary>
    /// Over a real socket: closing <see cref="SocketsHttpHandler"/>'s response stream under a waiting read starts a drain of
    /// the connection, which holds the read until <see cref="SocketsHttpHandler.ResponseDrainTimeout"/> gives up. The
    /// deadline must cancel the read instead, so a drain timeout of ten minutes must not hold the call. Nothing is timed:
    /// the guard only tells a hang from an end.
    /// </summary>
    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"access_token\":")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"error\":")]
    public async Task ABodyThatStallsOnASocketEndsAtTheDeadlineNotWhenTheHandlersDrainGivesUp(string answerHead)
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        using var serverStop = new CancellationTokenSource();
        var headSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task server = StallAfterAsync(listener, answerHead, headSent, serverStop.Token);

        // Two seconds leave a loaded machine time to connect and answer the headers, so the deadline falls in the body.
        using var handler = new SocketsHttpHandler { ResponseDrainTimeout = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(2), BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        Task<TokenResponse> call = IResponseTokens.Create(http).GetTokenAsync();

        Task ended = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(90)));
        await serverStop.CancelAsync();
        await server;
        Assert.True(headSent.Task.IsCompleted, "The server never sent its answer's head: the deadline passed before the body, and this test checked nothing.");
        Assert.True(ended == call, "The call was still waiting long after its 2 s deadline: the stalled read was left to the handler's drain.");
        if (answerHead.StartsWith("HTTP/1.1 400", StringComparison.Ordinal))
        {
            // An error body that stalls past the deadline: the status is kept, the body is not.
            var error = await Assert.ThrowsAsync<TokenApiException>(() => call);
            Assert.Null(error.ErrorBody);
        }
        else
        {
            var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => call);
            Assert.IsType<TimeoutException>(exception.InnerException);
            Assert.Contains("HttpClient.Timeout of 2 seconds", exception.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Answers one request with <paramref name="answerHead"/> and then sends nothing until stopped.</summary>
    private static async Task StallAfterAsync(System.Net.Sockets.TcpListener listener, string answerHead, TaskCompletionSource headSent, CancellationToken stop)
    {
        System.Net.Sockets.TcpClient client;
        try
        {
            client = await listener.AcceptTcpClientAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return; // no request came: the test reports it
        }

        using var connection = client;
        System.Net.Sockets.NetworkStream stream = client.GetStream();
        try
        {
            var request = new byte[8192];
            var received = new System.Text.StringBuilder();
            while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                int read = await stream.ReadAsync(request, stop);
                if (read == 0)
                {
                    return;
                }

                received.Append(System.Text.Encoding.ASCII.GetString(request, 0, read));
            }

            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(answerHead), stop);
            await stream.FlushAsync(stop);
            headSent.SetResult();
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.IO.IOException)
        {
            // The test is over, or the client gave up on the connection.
        }
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
