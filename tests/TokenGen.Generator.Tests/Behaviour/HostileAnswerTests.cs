using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>
/// Hostile and broken answers through a real generated client: each ends in a documented exception (or a documented
/// value), promptly, having read no more of the body than the limit allows. Every call is bounded, so a hang fails the
/// test instead of stalling the run.
/// </summary>
public sealed class HostileAnswerTests
{
    private const long Limit = TokenApiClientOptions.DefaultMaxResponseContentBytes;
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);

    // ---- a body over the size limit ----

    [Theory]
    [InlineData("model")]
    [InlineData("api-response")]
    [InlineData("string")]
    [InlineData("json-element")]
    public async Task ABodyOverTheLimitWithAContentLengthIsTooLargeWithoutOpeningIt(string returnKind)
    {
        var content = new HostileContent(TestStream.Of(new byte[16]), "application/json", declaredLength: 2 * Limit);
        using var http = new HttpClient(new HostileHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => Call(http, returnKind));

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        Assert.False(content.StreamOpened);
        Assert.Contains("of 2097152 bytes larger than the limit of 1048576 bytes", exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.Snippet);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("api-response")]
    [InlineData("string")]
    [InlineData("json-element")]
    public async Task AnEndlessChunkedBodyIsTooLargeAfterReadingJustPastTheLimit(string returnKind)
    {
        var stream = TestStream.Endless((byte)' ');
        using var http = new HttpClient(new HostileHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new HostileContent(stream, "application/json"),
        }));

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => Call(http, returnKind));

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        Assert.InRange(stream.BytesServed, Limit + 1, Limit + 8192);
    }

    [Fact]
    public async Task ABodyLongerThanItsContentLengthSaysIsStillStoppedAtTheLimit()
    {
        var stream = TestStream.Endless((byte)' ');
        using var http = new HttpClient(new HostileHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new HostileContent(stream, "application/json", declaredLength: 100),
        }));

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IHostileTokens.Create(http).AcquireAsync().WaitAsync(s_bound));

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        Assert.InRange(stream.BytesServed, Limit + 1, Limit + 8192);
    }

    // ---- JSON nested beyond the depth limit ----

    [Theory]
    [InlineData("model")]
    [InlineData("api-response")]
    [InlineData("json-element")]
    public async Task TenThousandNestedArraysAreInvalidJsonAtTheContextsDepthOf64(string returnKind)
    {
        Assert.Equal(0, HostileJsonContext.Default.Options.MaxDepth); // unset: the serializer's default of 64 applies
        string nested = new string('[', 10_000) + new string(']', 10_000);
        string body = returnKind == "json-element" ? nested : "{\"access_token\":\"abc\",\"extra\":" + nested + "}";
        using var http = new HttpClient(new HostileHandler(_ => Json(body)));

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => Call(http, returnKind));

        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
        JsonException parserError = Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        Assert.Contains("depth of 64", parserError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenThousandNestedObjectsOfARecursiveModelAreInvalidJsonNotAStackOverflow()
    {
        var body = new StringBuilder();
        for (int i = 0; i < 10_000; i++)
        {
            body.Append("{\"child\":");
        }

        body.Append("null").Append('}', 10_000);
        using var http = new HttpClient(new HostileHandler(_ => Json(body.ToString())));

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IHostileTokens.Create(http).GetTreeAsync().WaitAsync(s_bound));

        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
        Assert.Contains("depth of 64", exception.InnerException!.Message, StringComparison.Ordinal);
    }

    // ---- truncated and malformed JSON ----

    [Fact]
    public async Task EveryTruncationOfATokenResponseIsInvalidJsonQuotingWhatArrived()
    {
        const string complete = "{\"access_token\":\"abc\",\"refresh_token\":\"def\",\"expires_in\":3600,\"extra\":{\"scopes\":[\"a\",\"b\"],\"ok\":true}}";
        for (int length = 1; length < complete.Length; length++)
        {
            string truncated = complete.Substring(0, length);
            using var http = new HttpClient(new HostileHandler(_ => Json(truncated)));

            var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IHostileTokens.Create(http).AcquireAsync().WaitAsync(s_bound));

            // What arrived is quoted, except the values of complete secret-named members, however short.
            string expected = truncated
                .Replace("\"access_token\":\"abc\"", "\"access_token\":\"[redacted]\"", StringComparison.Ordinal)
                .Replace("\"refresh_token\":\"def\"", "\"refresh_token\":\"[redacted]\"", StringComparison.Ordinal);
            Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
            Assert.Equal(expected, exception.Snippet);
        }
    }

    [Fact]
    public async Task ABodyThatEndsBeforeItsContentLengthIsInvalidJson()
    {
        byte[] sent = "{\"access_token\":\"abc\",\"expi"u8.ToArray();
        using var http = new HttpClient(new HostileHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new HostileContent(TestStream.Of(sent), "application/json", declaredLength: 1000),
        }));

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IHostileTokens.Create(http).AcquireAsync().WaitAsync(s_bound));

        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
    }

    [Theory]
    [InlineData("{'access_token':'abc'}")]
    [InlineData("{\"access_token\":\"abc\",}")]
    [InlineData("{\"access_token\":\"abc\"} trailing")]
    [InlineData("{\"access_token\":\"abc\"}{\"access_token\":\"def\"}")]
    [InlineData("/* comment */ {\"access_token\":\"abc\"}")]
    [InlineData("{\"access_token\":abc}")]
    [InlineData("{\"access_token\":\"a\u0001b\"}")]
    [InlineData("{\"expires_in\":NaN}")]
    [InlineData("{\"expires_in\":1e999999}")]
    [InlineData("{\"expires_in\":99999999999999999999999}")]
    [InlineData("{\"expires_in\":\"3600\"}")]
    [InlineData("{\"access_token\":123}")]
    [InlineData("{\"access_token\":{\"value\":\"abc\"}}")]
    [InlineData("[{\"access_token\":\"abc\"}]")]
    [InlineData("\"abc\"")]
    [InlineData("42")]
    [InlineData("true")]
    public async Task MalformedJsonAndJsonOfTheWrongShapeAreInvalidJson(string body)
    {
        using var http = new HttpClient(new HostileHandler(_ => Json(body)));

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IHostileTokens.Create(http).AcquireAsync().WaitAsync(s_bound));

        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        Assert.Contains("is not valid JSON of the expected shape", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidUtf8IsInvalidJsonAndTheSnippetShowsReplacementCharacters()
    {
        byte[] body = [.. "{\"expires_in\":\"a"u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]; // not a secret member, so the snippet keeps it
        using var http = new HttpClient(new HostileHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new HostileContent(TestStream.Of(body), "application/json; charset=utf-8"),
        }));

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IHostileTokens.Create(http).AcquireAsync().WaitAsync(s_bound));

        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
        Assert.Contains('\uFFFD', exception.Snippet!);
    }

    // ---- an HTML error page with status 200 ----

    [Theory]
    [InlineData("model")]
    [InlineData("api-response")]
    [InlineData("json-element")]
    public async Task AnHtmlPageWithStatus200IsInvalidJsonThatSaysSoWithARedactedSnippet(string returnKind)
    {
        const string session = "eyJhbGciOiJIUzI1NiJ9.c2Vzc2lvbi0xMjM0NTY3ODkw.c2lnbmF0dXJlMTIz";
        string page = "<!DOCTYPE html><html><head><meta name=\"csrf\" content=\"" + session + "\"><title>Sign in</title></head>" +
            "<body><form action=\"/login\">" + new string(' ', 500) + "</form></body></html>";
        using var http = new HttpClient(new HostileHandler(_ => Text(page, "text/html; charset=utf-8")));

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => Call(http, returnKind));

        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("text/html", exception.ContentType);
        Assert.StartsWith(
            "The successful answer (200, text/html) is not JSON: its content type says it is something else (text/html), which usually means a proxy, gateway or login page answered instead of the token API. The body starts with: <!DOCTYPE html>",
            exception.Message,
            StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html><html><head><meta name=\"csrf\" content=\"[redacted]\">", exception.Snippet, StringComparison.Ordinal);
        Assert.True(exception.Snippet!.Length <= TokenApiContentException.MaxSnippetChars);
        Assert.DoesNotContain(session, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHtmlPageAskedForAsTextIsTheText()
    {
        // A string return is the body as text, whatever it is; nothing to parse, nothing to refuse.
        using var http = new HttpClient(new HostileHandler(_ => Text("<html>Sign in</html>", "text/html")));

        Assert.Equal("<html>Sign in</html>", await IHostileTokens.Create(http).GetTextAsync().WaitAsync(s_bound));
    }

    // ---- a 200 without the token member ----

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"token_type\":\"bearer\",\"expires_in\":3600}")]
    [InlineData("{\"access_token\":null,\"expires_in\":3600}")]
    [InlineData("{\"access_token\":\"\",\"expires_in\":3600}")]
    [InlineData("{\"access_token\":\"   \",\"expires_in\":3600}")]
    public async Task A200WithoutAnAccessTokenIsAModelWithoutOneAndASessionRefusesIt(string body)
    {
        using var http = new HttpClient(new HostileHandler(_ => Json(body)));
        IHostileTokens client = IHostileTokens.Create(http);

        HostileToken token = await client.AcquireAsync().WaitAsync(s_bound);
        Assert.True(string.IsNullOrWhiteSpace(token.AccessToken));

        await using TokenSession session = TokenSession.Create(client.AcquireAsync, new TokenSessionOptions { TimeProvider = StoppedClock.Create() });
        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => session.GetAccessTokenAsync().AsTask().WaitAsync(s_bound));

        Assert.Equal(TokenApiContentProblem.MissingAccessToken, exception.Problem);
        Assert.Null(session.Current);
    }

    // ---- absurd lifetimes ----

    [Theory]
    [InlineData("-5", 0L)]
    [InlineData("0", 0L)]
    [InlineData("-9223372036854775808", 0L)]
    [InlineData("1000000000000", 3650L * 24 * 3600)]
    [InlineData("9223372036854775807", 3650L * 24 * 3600)]
    public async Task AnAbsurdLifetimeIsClampedBySessionWithoutOverflow(string expiresIn, long expectedSeconds)
    {
        using var http = new HttpClient(new HostileHandler(_ => Json("{\"access_token\":\"abc\",\"expires_in\":" + expiresIn + "}")));
        IHostileTokens client = IHostileTokens.Create(http);
        await using TokenSession session = TokenSession.Create(client.AcquireAsync, new TokenSessionOptions { TimeProvider = StoppedClock.Create() });

        IssuedToken token = await session.GetTokenAsync().AsTask().WaitAsync(s_bound);

        Assert.Equal("abc", token.AccessToken);
        Assert.Equal(StoppedClock.Now, token.IssuedAt);
        Assert.Equal(StoppedClock.Now.AddSeconds(expectedSeconds), token.ExpiresAt);
        Assert.NotNull(token.RefreshAt);
        Assert.InRange(token.RefreshAt!.Value, token.IssuedAt, token.ExpiresAt!.Value);
    }

    [Fact]
    public async Task ALifetimeTooLargeForTheModelsIntIsInvalidJsonThroughTheSession()
    {
        // The model decides what fits: an int member cannot hold 10^12, so the answer is refused, not clamped.
        using var http = new HttpClient(new HostileHandler(_ => Json("{\"access_token\":\"abc\",\"expires_in\":1000000000000}")));
        IHostileTokens client = IHostileTokens.Create(http);
        await using TokenSession session = TokenSession.Create(client.AcquireNarrowAsync);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => session.GetAccessTokenAsync().AsTask().WaitAsync(s_bound));

        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
    }

    // ---- a Retry-After of a year ----

    [Theory]
    [InlineData("31536000")]
    [InlineData("date")]
    public async Task ARetryAfterOfAYearIsReportedAtOnceWithoutWaiting(string retryAfter)
    {
        using var http = new HttpClient(new HostileHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            string value = retryAfter == "date" ? DateTimeOffset.UtcNow.AddDays(365).ToString("R", CultureInfo.InvariantCulture) : retryAfter;
            response.Headers.TryAddWithoutValidation("Retry-After", value);
            return response;
        }));

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => IHostileTokens.Create(http).AcquireAsync().WaitAsync(s_bound));

        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.InRange(exception.RetryAfter!.Value, TimeSpan.FromDays(365) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(365));
    }

    [Theory]
    [InlineData("99999999999999999999", true)] // beyond what .NET holds: the longest delay, as RFC 9111 reads a delta-seconds overflow
    [InlineData("-1", false)]
    [InlineData("soon", false)]
    [InlineData("2147483647", true)] // 68 years
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT", true)]
    [InlineData("Mon, 01 Jan 0001 00:00:00 GMT", true)]
    public async Task AnAbsurdRetryAfterNeitherOverflowsNorWaits(string retryAfter, bool understood)
    {
        using var http = new HttpClient(new HostileHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            return response;
        }));

        ApiResponse<HostileToken> answer = await IHostileTokens.Create(http).AcquireResponseAsync().WaitAsync(s_bound);

        TokenApiException exception = Assert.IsType<TokenApiException>(answer.Error);
        Assert.Equal(understood, exception.RetryAfter is not null);
        Assert.True(exception.RetryAfter is null || exception.RetryAfter >= TimeSpan.Zero);
    }

    // ---- a connection reset mid-body ----

    [Theory]
    [InlineData("model")]
    [InlineData("api-response")]
    [InlineData("string")]
    [InlineData("json-element")]
    public async Task AConnectionResetMidBodyIsAnHttpRequestExceptionAroundTheIOExceptionWithoutThePartialBody(string returnKind)
    {
        byte[] partial = Encoding.UTF8.GetBytes("{\"access_token\":\"eyJhbGciOiJIUzI1NiJ9.cGFydGlhbC1zZWNyZXQ");
        using var http = new HttpClient(new HostileHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new HostileContent(TestStream.FailingAfter(partial, chunkSize: 16), "application/json"),
        }));

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => Call(http, returnKind));

        Assert.IsNotType<TokenApiException>(exception);
        Assert.IsNotType<TokenApiContentException>(exception);
        Assert.IsType<IOException>(exception.InnerException);
        Assert.Equal(HttpRequestError.ResponseEnded, exception.HttpRequestError);
        Assert.StartsWith("The connection failed while the body of the successful answer (200, application/json) was read", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("cGFydGlhbC1zZWNyZXQ", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConnectionResetMidErrorBodyKeepsTheStatusAndDropsTheBody()
    {
        using var http = new HttpClient(new HostileHandler(_ => new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new HostileContent(TestStream.FailingAfter("{\"error\":\"upstr"u8.ToArray(), chunkSize: 4096), "application/json"),
        }));

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => IHostileTokens.Create(http).AcquireAsync().WaitAsync(s_bound));

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Null(exception.ErrorBody);
    }

    /// <summary>Calls the operation that reads the body as <paramref name="returnKind"/>; bounded in time.</summary>
    internal static Task Call(HttpClient http, string returnKind)
    {
        IHostileTokens client = IHostileTokens.Create(http);
        Task call = returnKind switch
        {
            "model" => client.AcquireAsync(),
            "api-response" => client.AcquireResponseAsync(),
            "string" => client.GetTextAsync(),
            "json-element" => client.GetClaimsAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(returnKind)),
        };
        return call.WaitAsync(s_bound);
    }

    private static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) => Text(body, "application/json", status);

    private static HttpResponseMessage Text(string body, string contentType, HttpStatusCode status = HttpStatusCode.OK)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpResponseMessage(status) { Content = content };
    }
}
