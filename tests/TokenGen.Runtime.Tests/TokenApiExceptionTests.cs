using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests;

public sealed class TokenApiExceptionTests
{
    private static HttpResponseMessage ErrorResponse(HttpStatusCode status, string body, string method = "POST", string uri = "https://host/v3/directline/tokens/refresh")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return Responses.Create(status, content, new HttpMethod(method), uri);
    }

    [Fact]
    public async Task CarriesStatusMethodUriReasonAndBody()
    {
        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.Forbidden, "{\"error\":{\"code\":\"Forbidden\"}}");
        response.ReasonPhrase = "Forbidden";

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.Equal("POST https://host/v3/directline/tokens/refresh answered 403 (Forbidden).", exception.Message);
        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ((HttpRequestException)exception).StatusCode);
        Assert.Equal(HttpMethod.Post, exception.Method);
        Assert.Equal("https://host/v3/directline/tokens/refresh", exception.RequestUri!.AbsoluteUri);
        Assert.Equal("Forbidden", exception.ReasonPhrase);
        Assert.Equal("{\"error\":{\"code\":\"Forbidden\"}}", exception.ErrorBody);
        Assert.False(exception.IsErrorBodyTruncated);
        Assert.Equal("application/json", exception.ErrorContentType);
        Assert.Null(exception.RetryAfter);
    }

    [Fact]
    public async Task QueryFragmentAndUserInfoNeverAppear()
    {
        using HttpResponseMessage response = ErrorResponse(
            HttpStatusCode.Unauthorized, "{}", "GET", "https://user:p4ssw0rd@host:8443/v1/token-info/?access_token=SECRET123&x=1#frag");

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.Equal("https://host:8443/v1/token-info/", exception.RequestUri!.AbsoluteUri);
        Assert.StartsWith("GET https://host:8443/v1/token-info/ answered 401", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET123", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("p4ssw0rd", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("frag", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscapedRouteValuesStayEscapedWhenTheQueryIsDropped()
    {
        var builder = new RequestUriBuilder(new Uri("https://h/api"), stackalloc char[64]);
        builder.AppendLiteral("/users/");
        builder.AppendPathSegment("%2E%2E", "id");
        builder.AppendLiteral("/x/");
        builder.AppendPathSegment("a/b", "id2");
        builder.AppendQuery("key", "secret");
        Uri uri = builder.ToUri();

        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.NotFound, string.Empty, "DELETE", "https://placeholder/");
        response.RequestMessage!.RequestUri = uri;

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.Equal("https://h/api/users/%252E%252E/x/a%2Fb", exception.RequestUri!.AbsoluteUri);
        Assert.Equal("/api/users/%252E%252E/x/a%2Fb", exception.RequestUri.AbsolutePath);
        Assert.Equal("DELETE https://h/api/users/%252E%252E/x/a%2Fb answered 404 (Not Found).", exception.Message);
    }

    [Fact]
    public async Task UriWithoutQueryIsKeptAsItIs()
    {
        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.NotFound, string.Empty, "GET", "https://host/a");
        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);
        Assert.Same(response.RequestMessage!.RequestUri, exception.RequestUri);
        Assert.Null(exception.ErrorBody);
        Assert.False(exception.IsErrorBodyTruncated);
    }

    [Fact]
    public async Task RetryAfterSeconds()
    {
        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.TooManyRequests, string.Empty);
        response.Headers.TryAddWithoutValidation("Retry-After", "120");
        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
    }

    [Fact]
    public async Task RetryAfterBeyondWhatDotnetParsesIsTheLongestDelayNotNone()
    {
        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.TooManyRequests, string.Empty);
        response.Headers.TryAddWithoutValidation("Retry-After", "99999999999");
        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(int.MaxValue), exception.RetryAfter);
    }

    [Fact]
    public async Task RetryAfterHttpDateIsMeasuredAgainstNow()
    {
        DateTimeOffset inAnHour = DateTimeOffset.UtcNow.AddHours(1);
        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.ServiceUnavailable, string.Empty);
        response.Headers.TryAddWithoutValidation("Retry-After", inAnHour.ToString("R", System.Globalization.CultureInfo.InvariantCulture));

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        // The header has whole seconds, so up to one second is lost; however slow the test machine, it cannot be more than an hour.
        Assert.NotNull(exception.RetryAfter);
        Assert.InRange(exception.RetryAfter.Value, TimeSpan.FromMinutes(50), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task RetryAfterDateInThePastIsZero()
    {
        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.ServiceUnavailable, string.Empty);
        response.Headers.TryAddWithoutValidation("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);
        Assert.Equal(TimeSpan.Zero, exception.RetryAfter);
    }

    [Fact]
    public async Task BodyIsCutAt64KiCharacters()
    {
        string body = new('a', TokenApiException.MaxErrorBodyChars + 10);
        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.BadRequest, body);
        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.Equal(TokenApiException.MaxErrorBodyChars, exception.ErrorBody!.Length);
        Assert.True(exception.IsErrorBodyTruncated);
        Assert.DoesNotContain("aaaa", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyOfExactly64KiCharactersIsWhole()
    {
        string body = new('é', TokenApiException.MaxErrorBodyChars);
        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.BadRequest, body);
        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.Equal(body, exception.ErrorBody);
        Assert.False(exception.IsErrorBodyTruncated);
    }

    [Fact]
    public async Task HugeChunkedErrorBodyIsReadOnlyInPart()
    {
        var stream = TestStream.Of(10_000_000, (byte)'z', chunkSize: 4096);
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.InternalServerError, new StreamingContent(stream, "text/plain"), HttpMethod.Get, "https://h/x");

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.Equal(TokenApiException.MaxErrorBodyChars, exception.ErrorBody!.Length);
        Assert.True(exception.IsErrorBodyTruncated);
        Assert.InRange(stream.BytesServed, TokenApiException.MaxErrorBodyChars, (4 * TokenApiException.MaxErrorBodyChars) + 4096);
        Assert.Equal("text/plain", exception.ErrorContentType);
    }

    [Fact]
    public async Task ErrorBodyThatFailsToReadDoesNotHideTheStatus()
    {
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.BadGateway, new StreamingContent(TestStream.Failing(), "text/html"), HttpMethod.Get, "https://h/x");
        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);
        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Null(exception.ErrorBody);
        Assert.Equal("text/html", exception.ErrorContentType);
    }

    [Fact]
    public async Task AnswerWithoutRequestStillDescribesItself()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError) { ReasonPhrase = "Internal Server Error" };
        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);
        Assert.Null(exception.RequestUri);
        Assert.Equal("UNKNOWN (unknown URI) answered 500 (Internal Server Error).", exception.Message);
    }

    [Fact]
    public async Task TokenLikeValuesInTheErrorBodyAreRedacted_TheRedactedBodyStillParses_AndTryReadErrorSeesTheOriginal()
    {
        const string Token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlMTIzNDU2";
        using HttpResponseMessage response = ErrorResponse(
            HttpStatusCode.BadRequest, "{\"error\":{\"code\":\"BadToken\",\"message\":\"token " + Token + " expired\"}}");

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.DoesNotContain(Token, exception.ErrorBody!, StringComparison.Ordinal);
        ErrorEnvelope? redacted = System.Text.Json.JsonSerializer.Deserialize(exception.ErrorBody!, TestJsonContext.Default.ErrorEnvelope);
        Assert.Equal("token [redacted] expired", redacted!.Error!.Message);

        Assert.True(exception.TryReadError(TestJsonContext.Default.ErrorEnvelope, out ErrorEnvelope? envelope));
        Assert.Equal("BadToken", envelope!.Error!.Code);
        Assert.Equal("token " + Token + " expired", envelope.Error.Message);
        Assert.DoesNotContain(Token, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryReadErrorReturnsTheTraceIdWhole_WhileErrorBodyRedactsIt_AndNeitherToStringNorMessageHasIt()
    {
        const string TraceId = "0f8fad5b-d9cb-469f-a165-70867728950e";
        const string CorrelationId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        string body = "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\","
            + "\"trace_id\":\"" + TraceId + "\",\"correlation_id\":\"" + CorrelationId + "\",\"client_secret\":\"hunter2\"}";
        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.Unauthorized, body);

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.True(exception.TryReadError(TestJsonContext.Default.OAuthError, out OAuthError? error));
        Assert.Equal(TraceId, error!.TraceId);
        Assert.Equal(CorrelationId, error.CorrelationId);
        Assert.Equal("invalid_client", error.Error);

        Assert.Contains("\"trace_id\":\"[redacted]\"", exception.ErrorBody, StringComparison.Ordinal);
        Assert.Contains("\"client_secret\":\"[redacted]\"", exception.ErrorBody, StringComparison.Ordinal);
        foreach (string text in new[] { exception.ToString(), exception.Message, exception.ErrorBody! })
        {
            Assert.DoesNotContain(TraceId, text, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheOriginalBodyIsInNoPublicMember()
    {
        const string Secret = "hunter2-original";
        var exception = new TokenApiException(
            HttpStatusCode.BadRequest, HttpMethod.Post, null, null, null, "{\"password\":\"" + Secret + "\"}", "application/json");

        foreach (System.Reflection.PropertyInfo property in typeof(TokenApiException).GetProperties())
        {
            if (property.GetIndexParameters().Length == 0 && property.GetValue(exception) is { } value)
            {
                Assert.DoesNotContain(Secret, value.ToString() ?? string.Empty, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain(Secret, exception.ToString(), StringComparison.Ordinal);
        Assert.Empty(exception.Data);
    }

    [Fact]
    public void TryReadErrorSeesTheWholeBody_EvenWhenRedactionMakesErrorBodyLongerThanTheBound()
    {
        // Each short password grows into "[redacted]", so the redacted text passes the bound while the body does not.
        var builder = new StringBuilder("{\"error\":\"bad\",\"list\":[");
        while (builder.Length < TokenApiException.MaxErrorBodyChars - 40)
        {
            builder.Append("{\"pwd\":\"x\"},");
        }

        builder.Append("{}]}");
        var exception = new TokenApiException(HttpStatusCode.BadRequest, HttpMethod.Post, null, null, null, builder.ToString(), "application/json");

        Assert.True(exception.IsErrorBodyTruncated);
        Assert.Equal(TokenApiException.MaxErrorBodyChars, exception.ErrorBody!.Length);
        Assert.True(exception.TryReadError(TestJsonContext.Default.OAuthError, out OAuthError? error));
        Assert.Equal("bad", error!.Error);
    }

    [Fact]
    public async Task TheWidenedSecretNamesAreRedactedInAnErrorBody_WhichStaysValidJson()
    {
        const string Body = """
            {"error":"invalid_grant","code":"E7","token_type":"Bearer","expires_in":3600,
             "pwd":"p1","passphrase":"p2","client_assertion":"p3","private_key":"p4","api_key":"p5","apikey":"p6",
             "secret_id":"p7","subject_token":"p8","actor_token":"p9","id_token":"p10","session_key":"p11",
             "otp":123456,"pin":"4321","code_verifier":"p12","key":"public-k","signature":"sig"}
            """;
        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.BadRequest, Body);

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        using System.Text.Json.JsonDocument document = System.Text.Json.JsonDocument.Parse(exception.ErrorBody!);
        foreach (System.Text.Json.JsonProperty member in document.RootElement.EnumerateObject())
        {
            bool secret = member.Name is not ("error" or "code" or "token_type" or "expires_in" or "key" or "signature");
            Assert.Equal(secret, member.Value.ToString() == "[redacted]");
        }

        Assert.Equal("E7", document.RootElement.GetProperty("code").GetString());
        Assert.Equal(3600, document.RootElement.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task ARedirectSaysWhereItPointedByOriginOnly_AndThatItWasNotFollowed()
    {
        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.TemporaryRedirect, string.Empty, "POST", "https://a/token?client_secret=s");
        response.ReasonPhrase = "Temporary Redirect";
        response.Headers.Location = new Uri("https://user:pw@b:8443/steal/" + "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0MTIzNDU2Nzg5" + "?code=abc#f");

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.Equal(
            "POST https://a/token answered 307 (Temporary Redirect): a redirect to https://b:8443, not followed; "
                + "TokenGen sends a request's values only to the origin it was built for.",
            exception.Message);
        Assert.Equal(new Uri("https://b:8443/steal/eyJhbGciOiJIUzI1NiJ9.c2VjcmV0MTIzNDU2Nzg5"), exception.RedirectLocation);
        Assert.Equal(string.Empty, exception.RedirectLocation!.Query);
        Assert.Equal(string.Empty, exception.RedirectLocation.UserInfo);
        Assert.DoesNotContain("steal", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pw@", exception.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v2/token?x=1", "https://host:443/v2/token", "a redirect within the same origin, not followed.")]
    [InlineData("https://host:8443/v2/token", "https://host:8443/v2/token", "a redirect to https://host:8443, not followed; TokenGen sends a request's values only to the origin it was built for.")]
    [InlineData("http://host/v2/token", "http://host/v2/token", "a redirect to http://host:80, not followed")]
    [InlineData("http://[::1]:8080/x", "http://[::1]:8080/x", "a redirect to http://[::1]:8080,")]
    [InlineData("https://eyJhbGciOiJIUzI1NiJ9c2VjcmV0MTIzNDU2Nzg5.example/x", "https://eyJhbGciOiJIUzI1NiJ9c2VjcmV0MTIzNDU2Nzg5.example/x", "a redirect to https://[redacted]:443,")]
    public async Task ARedirectsLocationIsResolvedAgainstTheRequest_AndItsHostCleaned(string location, string expected, string inMessage)
    {
        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.Found, string.Empty, "GET", "https://host/v1/token");
        response.Headers.TryAddWithoutValidation("Location", location);

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.Equal(new Uri(expected), exception.RedirectLocation);
        Assert.Contains(inMessage, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALocationOnAnAnswerThatIsNoRedirectIsNotReported()
    {
        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.Unauthorized, string.Empty);
        response.Headers.Location = new Uri("https://login.example/");

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.Null(exception.RedirectLocation);
        Assert.Equal("POST https://host/v3/directline/tokens/refresh answered 401 (Unauthorized).", exception.Message);
    }

    [Fact]
    public async Task ARedirectWithoutLocationSaysNothingOfOne()
    {
        using HttpResponseMessage response = ErrorResponse(HttpStatusCode.MovedPermanently, string.Empty);

        TokenApiException exception = await ResponseReader.CreateExceptionAsync(response, CancellationToken.None);

        Assert.Null(exception.RedirectLocation);
        Assert.Equal("POST https://host/v3/directline/tokens/refresh answered 301 (Moved Permanently).", exception.Message);
    }

    [Fact]
    public void TryReadErrorParsesAWholeJsonBody()
    {
        var exception = new TokenApiException(
            HttpStatusCode.BadRequest, HttpMethod.Post, null, null, null, "{\"error\":{\"code\":\"BadArgument\",\"message\":\"no\"}}", "application/json");
        Assert.True(exception.TryReadError(TestJsonContext.Default.ErrorEnvelope, out ErrorEnvelope? error));
        Assert.Equal("BadArgument", error!.Error!.Code);
        Assert.Equal("no", error.Error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<html>bad gateway</html>")]
    [InlineData("{\"error\":")]
    [InlineData("{\"error\":42}")]
    [InlineData("null")]
    public void TryReadErrorIsFalseForMissingInvalidOrNullBodies(string? body)
    {
        var exception = new TokenApiException(HttpStatusCode.BadRequest, HttpMethod.Post, null, null, null, body, null);
        Assert.False(exception.TryReadError(TestJsonContext.Default.ErrorEnvelope, out ErrorEnvelope? error));
        Assert.Null(error);
    }

    [Fact]
    public void TryReadErrorIsFalseForATruncatedBody()
    {
        string body = "{\"error\":{\"message\":\"" + new string('x', TokenApiException.MaxErrorBodyChars) + "\"}}";
        var exception = new TokenApiException(HttpStatusCode.BadRequest, HttpMethod.Post, null, null, null, body, "application/json");
        Assert.True(exception.IsErrorBodyTruncated);
        Assert.Equal(TokenApiException.MaxErrorBodyChars, exception.ErrorBody!.Length);
        Assert.False(exception.TryReadError(TestJsonContext.Default.ErrorEnvelope, out _));
    }

    [Fact]
    public void ConstructorDropsQueryAndHandlesMissingReason()
    {
        var exception = new TokenApiException(
            (HttpStatusCode)418, HttpMethod.Get, new Uri("https://h/tea?secret=1"), reasonPhrase: null, TimeSpan.FromSeconds(3), errorBody: null, errorContentType: null);
        Assert.Equal("GET https://h/tea answered 418.", exception.Message);
        Assert.Equal(new Uri("https://h/tea"), exception.RequestUri);
        Assert.Equal(TimeSpan.FromSeconds(3), exception.RetryAfter);
        Assert.Null(exception.ErrorBody);
    }

    [Fact]
    public void ConstructorDropsTheQueryOfARelativeUri()
    {
        var exception = new TokenApiException(HttpStatusCode.NotFound, HttpMethod.Get, new Uri("/v1/x?k=1", UriKind.Relative), "Not Found", null, null, null);
        Assert.Equal("/v1/x", exception.RequestUri!.OriginalString);
        Assert.Equal("GET /v1/x answered 404 (Not Found).", exception.Message);
    }

    [Fact]
    public void ConstructorRefusesANullMethod()
        => Assert.Throws<ArgumentNullException>(() => new TokenApiException(HttpStatusCode.BadRequest, null!, null, null, null, null, null));

    [Fact]
    public void IsAnHttpRequestException()
    {
        HttpRequestException exception = new TokenApiException(HttpStatusCode.BadRequest, HttpMethod.Post, null, null, null, null, null);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
    }
}

public sealed class TokenApiContentExceptionTests
{
    [Fact]
    public void EmptyMessageStatesTheProblemWithoutSnippet()
    {
        var exception = new TokenApiContentException(TokenApiContentProblem.Empty, HttpStatusCode.OK, "application/json", "ignored", null);
        Assert.Contains("empty", exception.Message, StringComparison.Ordinal);
        Assert.Contains("200", exception.Message, StringComparison.Ordinal);
        Assert.Contains("application/json", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ignored", exception.Message, StringComparison.Ordinal);
        Assert.Equal(TokenApiContentProblem.Empty, exception.Problem);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
    }

    [Fact]
    public void TooLargeMessageStatesTheLimitWithoutSnippet()
    {
        var exception = new TokenApiContentException(TokenApiContentProblem.TooLarge, HttpStatusCode.OK, null, "abc", null);
        Assert.Contains("larger than the limit", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MaxResponseContentBytes", exception.Message, StringComparison.Ordinal);
        Assert.Contains("no content type", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidJsonMessageQuotesTheCleanSnippet()
    {
        var inner = new System.Text.Json.JsonException("bad");
        var exception = new TokenApiContentException(TokenApiContentProblem.InvalidJson, HttpStatusCode.OK, "text/html", "<p>\r\nhi" + new string('!', 200), inner);
        Assert.Same(inner, exception.InnerException);
        Assert.Equal(TokenApiContentException.MaxSnippetChars, exception.Snippet!.Length);
        Assert.StartsWith("<p>  hi!!!", exception.Snippet, StringComparison.Ordinal);
        Assert.Contains(exception.Snippet, exception.Message, StringComparison.Ordinal);
        Assert.Contains("text/html", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SnippetCutNeverSplitsASurrogatePair()
    {
        string snippet = new string('a', TokenApiContentException.MaxSnippetChars - 1) + "😀";
        var exception = new TokenApiContentException(TokenApiContentProblem.InvalidJson, HttpStatusCode.OK, null, snippet, null);
        Assert.Equal(TokenApiContentException.MaxSnippetChars - 1, exception.Snippet!.Length);
    }
}
