using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests;

public sealed class ResponseReaderTests
{
    private const long Limit = TokenApiClientOptions.DefaultMaxResponseContentBytes;

    [Fact]
    public async Task ValidJsonIsParsed()
    {
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, "{\"access_token\":\"abc\",\"expires_in\":1800}");
        TokenModel model = await ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None);
        Assert.Equal("abc", model.AccessToken);
        Assert.Equal(1800, model.ExpiresIn);
    }

    [Fact]
    public async Task Utf8ByteOrderMarkIsSkipped()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"expires_in\":5}")];
        using HttpResponseMessage response = Responses.Bytes(HttpStatusCode.OK, body, "application/json");
        TokenModel model = await ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None);
        Assert.Equal(5, model.ExpiresIn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("null")]
    [InlineData("  null \n")]
    public async Task EmptyOrNullBodyIsAnEmptyProblemForNonNullableReturns(string body)
    {
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, body);
        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());
        Assert.Equal(TokenApiContentProblem.Empty, exception.Problem);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("application/json", exception.ContentType);
        Assert.Null(exception.Snippet);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("null")]
    public async Task EmptyOrNullBodyOfAValueTypeIsEmptyToo(string body)
    {
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, body);
        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.Int32, Limit, CancellationToken.None).AsTask());
        Assert.Equal(TokenApiContentProblem.Empty, exception.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n ")]
    [InlineData("null")]
    public async Task EmptyOrNullBodyIsDefaultForNullableReturns(string body)
    {
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, body);
        TokenModel? model = await ResponseReader.ReadNullableJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None);
        Assert.Null(model);
    }

    [Fact]
    public async Task NoContentAnswerIsDefaultForNullableReturns()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.NoContent);
        TokenModel? model = await ResponseReader.ReadNullableJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None);
        Assert.Null(model);
    }

    [Fact]
    public async Task InvalidJsonCarriesStatusContentTypeSnippetAndParserError()
    {
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.Created, "<html>Service Unavailable</html>", "text/html");
        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());

        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
        Assert.Equal(HttpStatusCode.Created, exception.StatusCode);
        Assert.Equal("text/html", exception.ContentType);
        Assert.Equal("<html>Service Unavailable</html>", exception.Snippet);
        Assert.IsType<JsonException>(exception.InnerException, exactMatch: false);
        Assert.Contains("201", exception.Message, StringComparison.Ordinal);
        Assert.Contains("text/html", exception.Message, StringComparison.Ordinal);
        Assert.Contains("<html>Service Unavailable</html>", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongShapeIsInvalidJsonToo()
    {
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, "{\"expires_in\":\"soon\"}");
        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadNullableJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());
        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
    }

    [Fact]
    public async Task SnippetIsCutAndControlCharactersAreReplaced()
    {
        string body = "{\n\t\"a\": \u0001" + new string('x', 500);
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, body);
        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());

        Assert.Equal(TokenApiContentException.MaxSnippetChars, exception.Snippet!.Length);
        Assert.StartsWith("{  \"a\": \uFFFDxxx", exception.Snippet, StringComparison.Ordinal);
        foreach (char c in exception.Message)
        {
            Assert.False(char.IsControl(c));
        }
    }

    [Fact]
    public async Task SnippetDoesNotShowATokenThatCameBackAsText()
    {
        const string Token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlMTIzNDU2";
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, "token=" + Token + "&expires=3600", "text/plain");
        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());

        Assert.DoesNotContain("c2lnbmF0dXJl", exception.Snippet!, StringComparison.Ordinal);
        Assert.DoesNotContain("c2lnbmF0dXJl", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", exception.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentLengthOverTheLimitFailsWithoutReading()
    {
        var stream = TestStream.Of(2000, (byte)'1', chunkSize: 100);
        var content = new StreamingContent(stream, declaredLength: 2000);
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, content);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.Int32, 1000, CancellationToken.None).AsTask());

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        Assert.Equal(0, content.StreamRequests);
        Assert.Equal(0, stream.BytesServed);
        Assert.Contains("1000", exception.Message, StringComparison.Ordinal);
        Assert.Contains("2000", exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.Snippet);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimitStopsSoonAfterTheLimit()
    {
        var stream = TestStream.Of(100_000, (byte)'1', chunkSize: 100);
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new StreamingContent(stream));

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.Int32, 1000, CancellationToken.None).AsTask());

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        Assert.InRange(stream.BytesServed, 1001, 1100);
        Assert.Contains("1000", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChunkedBodyOfExactlyTheLimitIsRead()
    {
        string json = "\"" + new string('a', 998) + "\"";
        var ok = TestStream.Of(Encoding.UTF8.GetBytes(json), chunkSize: 64);
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new StreamingContent(ok));
        string value = await ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.String, 1000, CancellationToken.None);
        Assert.Equal(998, value.Length);

        var tooMuch = TestStream.Of(Encoding.UTF8.GetBytes(json), chunkSize: 64);
        using HttpResponseMessage second = Responses.Create(HttpStatusCode.OK, new StreamingContent(tooMuch));
        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(second, TestJsonContext.Default.String, 999, CancellationToken.None).AsTask());
        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
    }

    [Fact]
    public async Task LargeChunkedBodyGrowsThePooledBuffer()
    {
        string json = "\"" + new string('b', 300_000) + "\"";
        var stream = TestStream.Of(Encoding.UTF8.GetBytes(json), chunkSize: 8192);
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new StreamingContent(stream));
        string value = await ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.String, Limit, CancellationToken.None);
        Assert.Equal(300_000, value.Length);
    }

    [Fact]
    public async Task NonSuccessThrowsTokenApiException()
    {
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.Unauthorized, "{\"error\":{\"code\":\"TokenExpired\"}}");
        var exception = await Assert.ThrowsAsync<TokenApiException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal("{\"error\":{\"code\":\"TokenExpired\"}}", exception.ErrorBody);

        using HttpResponseMessage again = Responses.Json(HttpStatusCode.Forbidden, "{}");
        await Assert.ThrowsAsync<TokenApiException>(
            () => ResponseReader.ReadNullableJsonAsync(again, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());
        using HttpResponseMessage text = Responses.Json(HttpStatusCode.BadRequest, "no");
        await Assert.ThrowsAsync<TokenApiException>(() => ResponseReader.ReadStringAsync(text, Limit, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task EnsureSuccessReturnsForSuccessAndThrowsOtherwise()
    {
        using HttpResponseMessage ok = Responses.Json(HttpStatusCode.NoContent, string.Empty);
        ValueTask done = ResponseReader.EnsureSuccessAsync(ok, CancellationToken.None);
        Assert.True(done.IsCompletedSuccessfully);
        await done;

        using HttpResponseMessage failed = Responses.Json(HttpStatusCode.TooManyRequests, "slow down");
        var exception = await Assert.ThrowsAsync<TokenApiException>(() => ResponseReader.EnsureSuccessAsync(failed, CancellationToken.None).AsTask());
        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Equal("slow down", exception.ErrorBody);
    }

    [Theory]
    [InlineData("text/plain; charset=iso-8859-1", new byte[] { 0x63, 0x61, 0x66, 0xE9 }, "café")]
    [InlineData("text/plain; charset=\"ISO-8859-1\"", new byte[] { 0x63, 0x61, 0x66, 0xE9 }, "café")]
    [InlineData("text/plain; charset=utf-16", new byte[] { 0x63, 0x00, 0xE9, 0x00 }, "cé")]
    [InlineData("text/plain; charset=utf-8", new byte[] { 0x63, 0xC3, 0xA9 }, "cé")]
    [InlineData("text/plain", new byte[] { 0x63, 0xC3, 0xA9 }, "cé")]
    [InlineData(null, new byte[] { 0x63, 0xC3, 0xA9 }, "cé")]
    [InlineData("text/plain; charset=x-no-such-charset", new byte[] { 0x63, 0xC3, 0xA9 }, "cé")]
    [InlineData("text/plain; charset=iso-8859-1", new byte[] { 0xEF, 0xBB, 0xBF, 0x63, 0xC3, 0xA9 }, "cé")]
    [InlineData("text/plain", new byte[] { 0xFF, 0xFE, 0x63, 0x00 }, "c")]
    [InlineData("text/plain", new byte[] { 0x63, 0xFF }, "c\uFFFD")]
    [InlineData("text/plain", new byte[0], "")]
    public async Task StringIsDecodedWithTheAnswersCharset(string? contentType, byte[] body, string expected)
    {
        using HttpResponseMessage response = Responses.Bytes(HttpStatusCode.OK, body, contentType);
        Assert.Equal(expected, await ResponseReader.ReadStringAsync(response, Limit, CancellationToken.None));
    }

    [Fact]
    public async Task StringOverTheLimitIsTooLarge()
    {
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new StreamingContent(TestStream.Of(50, (byte)'a', 7), "text/plain"));
        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => ResponseReader.ReadStringAsync(response, 49, CancellationToken.None).AsTask());
        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        Assert.Equal("text/plain", exception.ContentType);
    }

    [Fact]
    public async Task ApiResponseOfASuccessCarriesTheParsedBody()
    {
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, "{\"access_token\":\"abc\"}");
        response.Headers.Add("X-Request-Id", "r-1");
        ApiResponse<TokenModel> result = await ResponseReader.ReadApiResponseAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None);

        Assert.True(result.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Null(result.Error);
        Assert.Equal("abc", result.Content!.AccessToken);
        Assert.Equal("r-1", Assert.Single(result.Headers.GetValues("X-Request-Id")));
        Assert.Equal("application/json", result.ContentHeaders!.ContentType!.MediaType);
        Assert.Same(result.Content, result.EnsureSuccess());
    }

    [Fact]
    public async Task ApiResponseOfAnEmptySuccessHasDefaultContent()
    {
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.Accepted, string.Empty);
        ApiResponse<TokenModel> result = await ResponseReader.ReadApiResponseAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None);
        Assert.Null(result.Content);
        Assert.Null(result.Error);
        Assert.Equal(HttpStatusCode.Accepted, result.StatusCode);
    }

    [Fact]
    public async Task ApiResponseOfAnErrorCarriesTheExceptionWithoutThrowing()
    {
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.TooManyRequests, "{\"error\":{\"code\":\"Throttled\",\"message\":\"wait\"}}");
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        response.ReasonPhrase = "Too Many Requests";

        ApiResponse<TokenModel> result = await ResponseReader.ReadApiResponseAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None);

        Assert.False(result.IsSuccessStatusCode);
        Assert.Null(result.Content);
        Assert.Equal("Too Many Requests", result.ReasonPhrase);
        TokenApiException error = Assert.IsType<TokenApiException>(result.Error);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.True(error.TryReadError(TestJsonContext.Default.ErrorEnvelope, out ErrorEnvelope? envelope));
        Assert.Equal("Throttled", envelope!.Error!.Code);
        Assert.Same(error, Assert.Throws<TokenApiException>(() => result.EnsureSuccess()));
    }

    [Fact]
    public async Task ApiResponseStillThrowsForAnUnreadableSuccess()
    {
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, "not json");
        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadApiResponseAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());
        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
    }

    [Fact]
    public async Task AlreadyCancelledTokenCancelsBeforeReading()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var stream = TestStream.Of(10, (byte)'1', 10);
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new StreamingContent(stream));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.Int32, Limit, cts.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ResponseReader.ReadStringAsync(response, Limit, cts.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ResponseReader.ReadApiResponseAsync(response, TestJsonContext.Default.Int32, Limit, cts.Token).AsTask());
        Assert.Equal(0, stream.BytesServed);
    }

    [Fact]
    public async Task AlreadyCancelledTokenCancelsErrorReadingToo()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.InternalServerError, "boom");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ResponseReader.EnsureSuccessAsync(response, cts.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ResponseReader.CreateExceptionAsync(response, cts.Token).AsTask());
    }

    [Fact]
    public async Task CancellingWhileTheBodyIsBlockedSurfacesAsCancellation()
    {
        var stream = TestStream.Stalling();
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new StreamingContent(stream));
        using var cts = new CancellationTokenSource();

        Task<TokenModel> reading = ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, cts.Token).AsTask();
        await stream.ReadStarted;
        Assert.False(reading.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    [Fact]
    public async Task CancellingWhileTheErrorBodyIsBlockedIsNotSwallowed()
    {
        var stream = TestStream.Stalling();
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.BadGateway, new StreamingContent(stream, "text/plain"));
        using var cts = new CancellationTokenSource();

        Task<TokenApiException> creating = ResponseReader.CreateExceptionAsync(response, cts.Token).AsTask();
        await stream.ReadStarted;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => creating);
    }

    [Fact]
    public async Task InvalidArgumentsAreRefused()
    {
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, "1");
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.Int32, 0, CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => ResponseReader.ReadJsonAsync<int>(response, null!, Limit, CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => ResponseReader.ReadJsonAsync(null!, TestJsonContext.Default.Int32, Limit, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task BuiltInTypeInfosReadFreeFormJson()
    {
        const string Json = "{\"a\":1,\"b\":{\"c\":[true]}}";
        using HttpResponseMessage r1 = Responses.Json(HttpStatusCode.OK, Json);
        JsonElement element = await ResponseReader.ReadJsonAsync(r1, BuiltInJsonTypeInfo.JsonElement, Limit, CancellationToken.None);
        Assert.Equal(1, element.GetProperty("a").GetInt32());

        using HttpResponseMessage r2 = Responses.Json(HttpStatusCode.OK, Json);
        System.Text.Json.Nodes.JsonObject obj = await ResponseReader.ReadJsonAsync(r2, BuiltInJsonTypeInfo.JsonObject, Limit, CancellationToken.None);
        Assert.True(obj["b"]!["c"]![0]!.GetValue<bool>());

        using HttpResponseMessage r3 = Responses.Json(HttpStatusCode.OK, Json);
        var dictionary = await ResponseReader.ReadJsonAsync(r3, BuiltInJsonTypeInfo.DictionaryOfStringJsonElement, Limit, CancellationToken.None);
        Assert.Equal(JsonValueKind.Object, dictionary["b"].ValueKind);

        using HttpResponseMessage r4 = Responses.Json(HttpStatusCode.OK, "null");
        var empty = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(r4, BuiltInJsonTypeInfo.JsonElement, Limit, CancellationToken.None).AsTask());
        Assert.Equal(TokenApiContentProblem.Empty, empty.Problem);
    }
}
