using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests;

/// <summary>
/// Text a server chose (reason phrases, media types, a redirect's host) reaches exception messages and properties, and from
/// there logs: it is redacted like an error body, its control characters escaped visibly, and its length bounded.
/// </summary>
public sealed class ServerTextInExceptionsTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlMTIzNDU2";

    private static HttpResponseMessage ErrorAnswer(HttpStatusCode status, string? reasonPhrase)
    {
        var content = new ByteArrayContent("{}"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        HttpResponseMessage response = Responses.Create(status, content, HttpMethod.Post, "https://host/v1/token");
        response.ReasonPhrase = reasonPhrase;
        return response;
    }

    /// <summary>No control character at all: not in a message, not in a property.</summary>
    private static void AssertNoControlCharacters(string? text)
    {
        Assert.NotNull(text);
        Assert.DoesNotContain(text!, char.IsControl);
    }

    [Fact]
    public async Task AReasonPhraseWithATokenIsRedactedInTheMessageToStringAndProperty()
    {
        using HttpResponseMessage response = ErrorAnswer(HttpStatusCode.Unauthorized, "Invalid client secret " + Jwt);

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.Equal("POST https://host/v1/token answered 401 (Invalid client secret [redacted]).", exception.Message);
        Assert.Equal("Invalid client secret [redacted]", exception.ReasonPhrase);
        Assert.DoesNotContain(Jwt, exception.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad request: client_secret=hunter2&grant_type=client_credentials", "Bad request: client_secret=[redacted]&grant_type=client_credentials")]
    [InlineData("Wrong password: hunter2", "Wrong password: [redacted]")]
    [InlineData("Rejected pwd='hunter2' for ada", "Rejected pwd='[redacted]' for ada")]
    public async Task AReasonPhraseWithASecretPairIsRedacted(string reason, string expected)
    {
        using HttpResponseMessage response = ErrorAnswer(HttpStatusCode.BadRequest, reason);

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.Equal(expected, exception.ReasonPhrase);
        Assert.Contains("(" + expected + ")", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharactersInAReasonPhraseAreEscapedVisibly()
    {
        // CR and LF cannot reach HttpResponseMessage.ReasonPhrase (it refuses them), but anyone may call the constructor.
        var exception = new TokenApiException(
            HttpStatusCode.Unauthorized, HttpMethod.Post, new Uri("https://host/token"),
            "Denied\r\nX-Forged: 1\u001B[31m red\u0007\u007F\u0085\u202Eevil\u200B", null, null, null);

        const string Expected = @"Denied\u000D\u000AX-Forged: 1\u001B[31m red\u0007\u007F\u0085\u202Eevil\u200B";
        Assert.Equal(Expected, exception.ReasonPhrase);
        Assert.Equal("POST https://host/token answered 401 (" + Expected + ").", exception.Message);
        AssertNoControlCharacters(exception.Message);
        AssertNoControlCharacters(exception.ReasonPhrase);
    }

    [Fact]
    public async Task ControlCharactersThatAnHttpResponseMessageAcceptsAreEscapedToo()
    {
        using HttpResponseMessage response = ErrorAnswer(HttpStatusCode.Forbidden, "No\u001B]0;pwned\u0007\u007F");

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.Equal(@"No\u001B]0;pwned\u0007\u007F", exception.ReasonPhrase);
        AssertNoControlCharacters(exception.ToString().Replace(Environment.NewLine, " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A10KBReasonPhraseIsCutToTheBound_WithAnEllipsis_AndASecretStraddlingTheCutIsRedacted()
    {
        string reason = new string('x', 250) + " " + Jwt + " " + new string('y', 10_000);
        using HttpResponseMessage response = ErrorAnswer(HttpStatusCode.BadRequest, reason);

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.Equal(TokenApiException.MaxReasonPhraseChars, exception.ReasonPhrase!.Length);
        Assert.EndsWith(" [red…", exception.ReasonPhrase, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("yyy", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.Message.Length < TokenApiException.MaxReasonPhraseChars + 60, exception.Message);
    }

    [Fact]
    public void ACutNeverSplitsAnEscape()
    {
        string reason = new string('a', TokenApiException.MaxReasonPhraseChars - 4) + "\u001B\u001B";

        var exception = new TokenApiException(HttpStatusCode.BadRequest, HttpMethod.Get, null, reason, null, null, null);

        Assert.Equal(new string('a', TokenApiException.MaxReasonPhraseChars - 4) + "…", exception.ReasonPhrase);
    }

    [Fact]
    public void AHostileMediaTypeIsCleanedInTokenApiException()
    {
        var exception = new TokenApiException(
            HttpStatusCode.BadRequest, HttpMethod.Post, null, null, null, "{}", "text/html; x=" + Jwt + "\r\n\u001B; api_key=k3y" + new string(';', 500));

        // "x=" joins the token's run (= is base64's padding), so the run goes whole.
        Assert.StartsWith(@"text/html; [redacted]\u000D\u000A\u001B; api_key=[redacted];", exception.ErrorContentType, StringComparison.Ordinal);
        Assert.Equal(TokenApiException.MaxContentTypeChars, exception.ErrorContentType!.Length);
        AssertNoControlCharacters(exception.ErrorContentType);
        Assert.DoesNotContain("k3y", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AHostileMediaTypeIsCleanedInTokenApiContentException_InItsPropertyAndMessage()
    {
        var exception = new TokenApiContentException(
            TokenApiContentProblem.InvalidJson, HttpStatusCode.OK, "text/html; x=" + Jwt + "\u001B[2J\u0007", "<html>", null);

        Assert.Equal(@"text/html; [redacted]\u001B[2J\u0007", exception.ContentType);
        Assert.Contains("(200, " + exception.ContentType + ")", exception.Message, StringComparison.Ordinal);
        Assert.Contains("it is something else", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", exception.ToString(), StringComparison.Ordinal);
        AssertNoControlCharacters(exception.Message);
    }

    [Fact]
    public void AMediaTypeWithParametersIsJudgedByItsType()
    {
        var exception = new TokenApiContentException(TokenApiContentProblem.InvalidJson, HttpStatusCode.OK, "application/json; charset=utf-8", "{", null);

        Assert.Contains("is not valid JSON of the expected shape", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenLikeMediaTypeIsRedactedInEveryReaderException()
    {
        // A valid media type (token characters only) can still carry a token; "/" joins the run, which goes whole.
        const string MediaType = "application/" + "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0MTIzNDU2Nzg5";

        // The body read fails: an HttpRequestException the reader creates.
        using HttpResponseMessage failing = Responses.Create(HttpStatusCode.OK, new StreamingContent(TestStream.Failing(), MediaType), HttpMethod.Get, "https://h/x");
        var readFailed = await Assert.ThrowsAsync<HttpRequestException>(
            () => ResponseReader.ReadJsonAsync(failing, TestJsonContext.Default.TokenModel, 1024, CancellationToken.None).AsTask());
        Assert.Contains("(200, [redacted])", readFailed.Message, StringComparison.Ordinal);

        // Not JSON: TokenApiContentException.
        using HttpResponseMessage invalid = Responses.Bytes(HttpStatusCode.OK, "<html>"u8.ToArray(), MediaType);
        var notJson = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(invalid, TestJsonContext.Default.TokenModel, 1024, CancellationToken.None).AsTask());
        Assert.Equal("[redacted]", notJson.ContentType);

        // An error: TokenApiException.
        using HttpResponseMessage error = Responses.Bytes(HttpStatusCode.BadRequest, "{}"u8.ToArray(), MediaType);
        TokenApiException refused = await ResponseReader.CreateExceptionAsync(error, CancellationToken.None);
        Assert.Equal("[redacted]", refused.ErrorContentType);

        foreach (Exception exception in new Exception[] { readFailed, notJson, refused })
        {
            Assert.DoesNotContain("eyJ", exception.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AMediaTypeHeaderWithControlCharactersNeverReachesAnException()
    {
        var content = new ByteArrayContent("<html>"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "text/html; x=" + Jwt + "\u001B[31m");
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, content, HttpMethod.Get, "https://h/x");

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, 1024, CancellationToken.None).AsTask());

        Assert.DoesNotContain("eyJ", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', exception.ToString());
    }

    /// <summary>
    /// A real HTTP/1.1 answer on loopback, read by <see cref="SocketsHttpHandler"/>: what a hostile server can put in a
    /// status line is what reaches the exception, and nothing of its secret or control bytes comes out.
    /// </summary>
    [Fact]
    public async Task AReasonPhraseFromARealConnectionIsRedactedAndEscaped()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        byte[] answer = Encoding.Latin1.GetBytes(
            "HTTP/1.1 401 Invalid client secret " + Jwt + " client_secret=hunter2 \u001B[31mred\u0007\u007F\u0085\r\n"
            + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

        Task server = Task.Run(async () =>
        {
            using TcpClient client = await listener.AcceptTcpClientAsync();
            NetworkStream stream = client.GetStream();
            var buffer = new byte[4096];
            int read = 0;
            while (!Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                read += await stream.ReadAsync(buffer.AsMemory(read));
            }

            await stream.WriteAsync(answer);
        });

        using var http = new HttpClient(new SocketsHttpHandler());
        using HttpResponseMessage response = await http.PostAsync(new Uri($"http://127.0.0.1:{port}/token"), new StringContent("x"));
        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);
        await server;

        Assert.Contains(Jwt, response.ReasonPhrase!, StringComparison.Ordinal); // the raw phrase did arrive
        Assert.Equal(@"Invalid client secret [redacted] client_secret=[redacted] \u001B[31mred\u0007\u007F\u0085", exception.ReasonPhrase);
        Assert.Equal(
            $@"POST http://127.0.0.1:{port}/token answered 401 (Invalid client secret [redacted] client_secret=[redacted] \u001B[31mred\u0007\u007F\u0085).",
            exception.Message);
        Assert.DoesNotContain("hunter2", exception.ToString(), StringComparison.Ordinal);
    }
}
