using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>
/// A non-success answer throws <see cref="TokenApiException"/> with status, method, URI without query, reason,
/// Retry-After and a bounded error body.
/// </summary>
public sealed class ErrorResponseTests
{
    [Fact]
    public async Task NonSuccessThrowsTokenApiExceptionWithStatusMethodUriReasonAndErrorBody()
    {
        var handler = new RecordingHandler
        {
            Response = new CannedResponse
            {
                StatusCode = HttpStatusCode.Forbidden,
                ReasonPhrase = "Forbidden Here",
                Body = Encoding.UTF8.GetBytes("{\"error\":\"access_denied\"}"),
                ContentType = "application/problem+json; charset=utf-8",
            },
        };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ((HttpRequestException)exception).StatusCode);
        Assert.Equal(HttpMethod.Get, exception.Method);
        Assert.Equal("https://responses.example.test/v1/token", exception.RequestUri?.AbsoluteUri);
        Assert.Equal("Forbidden Here", exception.ReasonPhrase);
        Assert.Null(exception.RetryAfter);
        Assert.Equal("{\"error\":\"access_denied\"}", exception.ErrorBody);
        Assert.False(exception.IsErrorBodyTruncated);
        Assert.Equal("application/problem+json", exception.ErrorContentType);
        Assert.Contains("GET", exception.Message, StringComparison.Ordinal);
        Assert.Contains("https://responses.example.test/v1/token", exception.Message, StringComparison.Ordinal);
        Assert.Contains("403", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("access_denied", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestUriAndMessageOfTokenApiExceptionLeaveOutTheQueryWithItsSecret()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json("{}", HttpStatusCode.Unauthorized) };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiException>(
            () => IResponseTokens.Create(http).GetTokenAsync(accessToken: "sup3r-s3cret"));

        // The secret did go out (it is a query value), but the exception does not carry it.
        Assert.Equal("https://responses.example.test/v1/token?access_token=sup3r-s3cret", handler.Single.AbsoluteUri);
        Assert.Equal("https://responses.example.test/v1/token", exception.RequestUri?.AbsoluteUri);
        Assert.Equal(string.Empty, exception.RequestUri?.Query);
        Assert.DoesNotContain("sup3r-s3cret", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("access_token", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sup3r-s3cret", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestUriOfTokenApiExceptionKeepsAnEscapedRouteValue()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json("{}", HttpStatusCode.NotFound) };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => IResponseTokens.Create(http).RevokeAsync("%2E%2E/x"));

        Assert.Equal(HttpMethod.Delete, exception.Method);
        Assert.Equal("https://responses.example.test/v1/token/%252E%252E%2Fx", exception.RequestUri?.AbsoluteUri);
    }

    [Fact]
    public async Task RetryAfterInSecondsIsExposedAsTimeSpan()
    {
        var handler = new RecordingHandler
        {
            Response = new CannedResponse
            {
                StatusCode = HttpStatusCode.TooManyRequests,
                Headers = new[] { ("Retry-After", "7") },
            },
        };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), exception.RetryAfter);
    }

    [Fact]
    public async Task RetryAfterAsHttpDateIsExposedAsTheTimeUntilThatDate()
    {
        var handler = new RecordingHandler
        {
            Response = new CannedResponse
            {
                StatusCode = HttpStatusCode.ServiceUnavailable,
                ConfigureHeaders = headers => headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddHours(1)),
            },
        };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => IResponseTokens.Create(http).GetTokenAsync());

        TimeSpan retryAfter = Assert.NotNull(exception.RetryAfter);
        Assert.InRange(retryAfter, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task ErrorBodyOver64KiBIsCutToMaxErrorBodyCharsAndMarkedTruncated()
    {
        // Short words with no digits: nothing here looks like a token, so nothing is redacted.
        string body = string.Concat(Enumerable.Repeat("error ", 20_000)); // 120,000 chars
        var handler = new RecordingHandler { Response = CannedResponse.Text(body, HttpStatusCode.InternalServerError) };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.Equal(TokenApiException.MaxErrorBodyChars, exception.ErrorBody?.Length);
        Assert.Equal(body.Substring(0, TokenApiException.MaxErrorBodyChars), exception.ErrorBody);
        Assert.True(exception.IsErrorBodyTruncated);
        Assert.Equal("text/plain", exception.ErrorContentType);
    }

    [Fact]
    public async Task ErrorBodyOfExactlyMaxErrorBodyCharsIsKeptWholeAndNotTruncated()
    {
        string body = new('e', TokenApiException.MaxErrorBodyChars);
        var handler = new RecordingHandler { Response = CannedResponse.Text(body, HttpStatusCode.BadRequest) };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.Equal(body, exception.ErrorBody);
        Assert.False(exception.IsErrorBodyTruncated);
    }

    [Fact]
    public async Task TokenLikeValueInErrorBodyIsRedacted()
    {
        const string token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N";
        var handler = new RecordingHandler
        {
            Response = CannedResponse.Json("{\"error\":\"invalid_grant\",\"token\":\"" + token + "\"}", HttpStatusCode.BadRequest),
        };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.DoesNotContain(token, exception.ErrorBody, StringComparison.Ordinal);
        Assert.Contains("invalid_grant", exception.ErrorBody, StringComparison.Ordinal);
        Assert.DoesNotContain(token, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyErrorBodyGivesNullErrorBody()
    {
        var handler = new RecordingHandler { Response = new CannedResponse { StatusCode = HttpStatusCode.NotFound } };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Null(exception.ErrorBody);
        Assert.False(exception.IsErrorBodyTruncated);
    }
}
