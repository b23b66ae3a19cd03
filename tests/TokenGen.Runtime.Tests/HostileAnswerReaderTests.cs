using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests;

/// <summary>
/// <see cref="ResponseReader"/> against answers built to hurt: a connection reset mid-body, bodies that lie about their
/// length, nesting far past the depth limit, and pages that are not JSON at all.
/// </summary>
public sealed class HostileAnswerReaderTests
{
    /// <summary>The most an endless body serves per read (<see cref="TestStream.Endless"/>'s default).</summary>
    private const int EndlessChunkSize = 8192;

    private const long Limit = TokenApiClientOptions.DefaultMaxResponseContentBytes;

    [Fact]
    public async Task ConnectionResetMidBodyIsAnHttpRequestExceptionWrappingTheIOException()
    {
        const string partial = "{\"access_token\":\"eyJhbGciOiJIUzI1NiJ9.partial-secret-0123456789";
        var stream = TestStream.FailingAfter(Encoding.UTF8.GetBytes(partial));
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new StreamingContent(stream), HttpMethod.Post, "https://host/v1/token");

        var exception = await Assert.ThrowsAsync<HttpRequestException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());

        Assert.IsNotType<TokenApiContentException>(exception);
        Assert.IsType<IOException>(exception.InnerException);
        Assert.Equal(HttpRequestError.ResponseEnded, exception.HttpRequestError);
        Assert.Null(exception.StatusCode); // a transport failure, as HttpClient reports one; the status is in the message
        Assert.Contains("200", exception.Message, StringComparison.Ordinal);
        Assert.Contains("application/json", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("partial-secret", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionResetMidBodyIsWrappedTheSameWayForEveryReturnKind()
    {
        static HttpResponseMessage Reset() => Responses.Create(
            HttpStatusCode.OK, new StreamingContent(TestStream.FailingAfter("{\"expires_in\":"u8.ToArray())), HttpMethod.Get, "https://host/x");

        using HttpResponseMessage forNullable = Reset();
        using HttpResponseMessage forString = Reset();
        using HttpResponseMessage forApiResponse = Reset();
        await AssertWrapped(() => ResponseReader.ReadNullableJsonAsync(forNullable, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());
        await AssertWrapped(() => ResponseReader.ReadStringAsync(forString, Limit, CancellationToken.None).AsTask());
        await AssertWrapped(() => ResponseReader.ReadApiResponseAsync(forApiResponse, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());

        static async Task AssertWrapped(Func<Task> read)
        {
            var exception = await Assert.ThrowsAsync<HttpRequestException>(read);
            Assert.IsType<IOException>(exception.InnerException);
        }
    }

    [Fact]
    public async Task AnHttpIOExceptionKeepsItsOwnRequestError()
    {
        var stream = TestStream.FailingAfter("{"u8.ToArray(), new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new StreamingContent(stream));

        var exception = await Assert.ThrowsAsync<HttpRequestException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());

        Assert.IsType<HttpIOException>(exception.InnerException);
        Assert.Equal(HttpRequestError.ResponseEnded, exception.HttpRequestError);
    }

    [Fact]
    public async Task ConnectionResetWhileReadingAnErrorBodyKeepsTheStatus()
    {
        var stream = TestStream.FailingAfter("{\"error\":"u8.ToArray());
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.ServiceUnavailable, new StreamingContent(stream), HttpMethod.Get, "https://host/x");

        var exception = await Assert.ThrowsAsync<TokenApiException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Null(exception.ErrorBody);
    }

    [Fact]
    public async Task ABodyLongerThanItsDeclaredLengthStillStopsAtTheLimit()
    {
        // Declares 10 bytes, sends 100,000: the declared length sizes the first buffer, never the bound.
        var stream = TestStream.Of(100_000, (byte)'1', chunkSize: 4096);
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new StreamingContent(stream, declaredLength: 10));

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.Int32, 1000, CancellationToken.None).AsTask());

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        Assert.InRange(stream.BytesServed, 1001, 1000 + 4096);
    }

    [Fact]
    public async Task AnAbsurdDeclaredLengthIsRefusedWithoutOpeningTheBody()
    {
        var stream = TestStream.Of(10, (byte)'1', chunkSize: 10);
        var content = new StreamingContent(stream, declaredLength: long.MaxValue);
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, content);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadStringAsync(response, Limit, CancellationToken.None).AsTask());

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        Assert.Equal(0, content.StreamRequests);
        Assert.Contains(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndlessErrorBodyIsReadOnlyUpToTheErrorBodyBound()
    {
        var stream = TestStream.Endless((byte)'x');
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.BadGateway, new StreamingContent(stream, "text/plain"), HttpMethod.Get, "https://host/x");

        var exception = await Assert.ThrowsAsync<TokenApiException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());

        Assert.True(exception.IsErrorBodyTruncated);
        Assert.Equal(TokenApiException.MaxErrorBodyChars, exception.ErrorBody?.Length);
        Assert.InRange(stream.BytesServed, ResponseReader.MaxErrorBodyBytes + 1, ResponseReader.MaxErrorBodyBytes + EndlessChunkSize);
    }

    [Fact]
    public async Task AnEndlessSuccessBodyIsRefusedSoonAfterTheLimit()
    {
        var stream = TestStream.Endless((byte)' ');
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new StreamingContent(stream));

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        Assert.InRange(stream.BytesServed, Limit + 1, Limit + EndlessChunkSize);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{\"a\":", "}")]
    public async Task NestingFarPastTheDepthLimitIsInvalidJsonForEveryJsonReturn(string open, string close)
    {
        byte[] body = Nested(open, close, 100_000);

        await AssertInvalid(() => ReadJson(body, TestJsonContext.Default.TokenModel));
        await AssertInvalid(() => ReadJson(body, BuiltInJsonTypeInfo.JsonElement));
        await AssertInvalid(() => ReadJson(body, BuiltInJsonTypeInfo.JsonObject));
        await AssertInvalid(() => ReadJson(body, BuiltInJsonTypeInfo.DictionaryOfStringJsonElement));

        static async Task AssertInvalid(Func<Task> read)
        {
            var exception = await Assert.ThrowsAsync<TokenApiContentException>(read);
            Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
            Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        }
    }

    [Fact]
    public async Task NestingIsBoundByTheContextsMaxDepthOf64()
    {
        // 64 levels is the default MaxDepth of a context that sets none; one more is refused.
        Assert.Equal(0, BuiltInJsonContext.Default.Options.MaxDepth);
        JsonElement atLimit = await ReadJson(Nested("[", "]", 64), BuiltInJsonTypeInfo.JsonElement);
        Assert.Equal(JsonValueKind.Array, atLimit.ValueKind);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => ReadJson(Nested("[", "]", 65), BuiltInJsonTypeInfo.JsonElement));
        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
        Assert.Contains("depth", exception.InnerException!.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("text/html", "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>Sign in</body></html>")]
    [InlineData("application/xml", "<error><code>Throttled</code></error>")]
    [InlineData("image/png", "\u0089PNG\r\n")]
    public async Task ABodyWhoseContentTypeRulesOutJsonSaysSo(string mediaType, string body)
    {
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, body, mediaType);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());

        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
        Assert.Equal(mediaType, exception.ContentType);
        Assert.Contains("is not JSON: its content type says it is something else (" + mediaType + ")", exception.Message, StringComparison.Ordinal);
        Assert.Contains("proxy, gateway or login page", exception.Message, StringComparison.Ordinal);
        Assert.NotNull(exception.Snippet);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/problem+json")]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    public async Task ABodyThatMayBeJsonByItsTypeKeepsTheUsualMessage(string mediaType)
    {
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, "{\"access_token\": nope}", mediaType);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None).AsTask());

        Assert.Contains("is not valid JSON of the expected shape", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("content type says", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidJsonUnderAnHtmlContentTypeIsStillRead()
    {
        // The content type only words the failure; a service that labels its JSON wrongly still works.
        using HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, "{\"access_token\":\"abc\",\"expires_in\":5}", "text/html");

        TokenModel model = await ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None);

        Assert.Equal("abc", model.AccessToken);
    }

    [Fact]
    public async Task ABodyGoesBackToThePoolCleared()
    {
        // The pool hands this thread the array it was just given back; it must not still hold the token. The body comes
        // through a stream, as from a connection: a body already in memory is parsed in place and never reaches the pool.
        byte[] body = Encoding.UTF8.GetBytes("{\"access_token\":\"" + new string('Q', 3000) + "\",\"expires_in\":5}");
        var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, content, HttpMethod.Get, "https://host/v1/token");

        TokenModel model = await ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None);
        Assert.Equal(3000, model.AccessToken!.Length);

        byte[] rented = ArrayPool<byte>.Shared.Rent(body.Length + 1);
        try
        {
            Assert.DoesNotContain((byte)'Q', rented.AsSpan(0, body.Length + 1).ToArray());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static async Task<T> ReadJson<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        using HttpResponseMessage response = Responses.Bytes(HttpStatusCode.OK, body, "application/json");
        return await ResponseReader.ReadJsonAsync(response, typeInfo, Limit, CancellationToken.None);
    }

    private static byte[] Nested(string open, string close, int depth)
    {
        var builder = new StringBuilder((open.Length + close.Length) * depth + 1);
        for (int i = 0; i < depth; i++)
        {
            builder.Append(open);
        }

        builder.Append(open == "[" ? "" : "1");
        for (int i = 0; i < depth; i++)
        {
            builder.Append(close);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }


}
