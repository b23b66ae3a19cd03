using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>
/// Successful bodies: parsed through the context; empty bodies give null or <see cref="TokenApiContentProblem.Empty"/>;
/// too large or invalid bodies fail with <see cref="TokenApiContentException"/>.
/// </summary>
public sealed class ContentTests
{
    [Fact]
    public async Task SuccessBodyIsParsedIntoTheModel()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json("{\"access_token\":\"abc\",\"expires_in\":3600}") };
        using var http = new HttpClient(handler);

        TokenResponse token = await IResponseTokens.Create(http).GetTokenAsync();

        Assert.Equal("abc", token.AccessToken);
        Assert.Equal(3600, token.ExpiresIn);
        Assert.Equal("GET", handler.Single.Method.Method);
    }

    [Fact]
    public async Task NullableReturnWithEmptyBodyGivesNull()
    {
        var handler = new RecordingHandler { Response = new CannedResponse { StatusCode = HttpStatusCode.OK } };
        using var http = new HttpClient(handler);

        TokenResponse? token = await IResponseTokens.Create(http).GetOptionalTokenAsync();

        Assert.Null(token);
    }

    [Fact]
    public async Task NullableReturnWithNoContentStatusGivesNull()
    {
        var handler = new RecordingHandler { Response = new CannedResponse { StatusCode = HttpStatusCode.NoContent } };
        using var http = new HttpClient(handler);

        Assert.Null(await IResponseTokens.Create(http).GetOptionalTokenAsync());
    }

    [Fact]
    public async Task NullableReturnWithBodyIsParsed()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json("{\"access_token\":\"z\",\"expires_in\":1}") };
        using var http = new HttpClient(handler);

        TokenResponse? token = await IResponseTokens.Create(http).GetOptionalTokenAsync();

        Assert.Equal("z", token?.AccessToken);
    }

    [Fact]
    public async Task NonNullableReturnWithEmptyBodyThrowsTokenApiContentExceptionEmpty()
    {
        var handler = new RecordingHandler { Response = new CannedResponse { StatusCode = HttpStatusCode.Created, ContentType = "application/json" } };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.Equal(TokenApiContentProblem.Empty, exception.Problem);
        Assert.Equal(HttpStatusCode.Created, exception.StatusCode);
        Assert.Equal("application/json", exception.ContentType);
    }

    [Fact]
    public async Task NonNullableReturnWithJsonNullThrowsTokenApiContentExceptionEmpty()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json("null") };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.Equal(TokenApiContentProblem.Empty, exception.Problem);
    }

    [Fact]
    public async Task InvalidJsonThrowsTokenApiContentExceptionWithStatusContentTypeAndSnippet()
    {
        const string body = "{\"access_token\": nope}";
        var handler = new RecordingHandler { Response = CannedResponse.Json(body, HttpStatusCode.Accepted) };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
        Assert.Equal(HttpStatusCode.Accepted, exception.StatusCode);
        Assert.Equal("application/json", exception.ContentType);
        Assert.Equal(body, exception.Snippet);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(exception.InnerException);
    }

    [Fact]
    public async Task InvalidJsonSnippetIsCutToMaxSnippetChars()
    {
        string body = "<html><body>" + string.Concat(Enumerable.Repeat("not json ", 60));
        var handler = new RecordingHandler { Response = CannedResponse.Text(body, HttpStatusCode.OK, "text/html; charset=utf-8") };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
        Assert.Equal("text/html", exception.ContentType);
        Assert.Equal(body.Substring(0, TokenApiContentException.MaxSnippetChars), exception.Snippet);
    }

    [Fact]
    public async Task JsonOfTheWrongShapeThrowsInvalidJson()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json("[1,2,3]") };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
        Assert.Equal("[1,2,3]", exception.Snippet);
    }

    [Fact]
    public async Task SuccessBodyOverDefaultLimitWithContentLengthThrowsTooLarge()
    {
        var handler = new RecordingHandler
        {
            Response = new CannedResponse
            {
                Body = JsonOfLength(checked((int)TokenApiClientOptions.DefaultMaxResponseContentBytes + 1)),
                ContentType = "application/json",
            },
        };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Null(exception.Snippet);
    }

    [Fact]
    public async Task SuccessBodyOfExactlyDefaultLimitIsRead()
    {
        var handler = new RecordingHandler
        {
            Response = new CannedResponse
            {
                Body = JsonOfLength(checked((int)TokenApiClientOptions.DefaultMaxResponseContentBytes)),
                ContentType = "application/json",
            },
        };
        using var http = new HttpClient(handler);

        TokenResponse token = await IResponseTokens.Create(http).GetTokenAsync();

        Assert.Equal(7, token.ExpiresIn);
    }

    [Fact]
    public async Task SuccessBodyOverDefaultLimitWithoutContentLengthThrowsTooLargeWithoutReadingItAll()
    {
        const int total = 8 * 1024 * 1024;
        var handler = new RecordingHandler
        {
            Response = new CannedResponse { Body = JsonOfLength(total), ContentType = "application/json", OmitContentLength = true },
        };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IResponseTokens.Create(http).GetTokenAsync());

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        TestStream stream = Assert.IsType<TestStream>(handler.LastStream);
        Assert.True(stream.BytesServed > TokenApiClientOptions.DefaultMaxResponseContentBytes, "The limit was hit before the limit was read.");
        Assert.True(stream.BytesServed < total / 2, $"The client read {stream.BytesServed} bytes of a body over its limit.");
    }

    [Fact]
    public async Task SuccessBodyUnderDefaultLimitWithoutContentLengthIsRead()
    {
        var handler = new RecordingHandler
        {
            Response = new CannedResponse { Body = JsonOfLength(200_000), ContentType = "application/json", OmitContentLength = true, ChunkSize = 1000 },
        };
        using var http = new HttpClient(handler);

        TokenResponse token = await IResponseTokens.Create(http).GetTokenAsync();

        Assert.Equal(7, token.ExpiresIn);
        Assert.Equal(200_000, token.AccessToken!.Length + "{\"access_token\":\"\",\"expires_in\":7}".Length);
    }

    [Fact]
    public async Task SuccessBodyOverConfiguredLimitWithContentLengthThrowsTooLarge()
    {
        var handler = new RecordingHandler { Response = new CannedResponse { Body = JsonOfLength(101), ContentType = "application/json" } };
        using var http = new HttpClient(handler);
        var options = new TokenApiClientOptions { MaxResponseContentBytes = 100 };

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IResponseTokens.Create(http, options).GetTokenAsync());

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
    }

    [Fact]
    public async Task SuccessBodyOverConfiguredLimitWithoutContentLengthThrowsTooLarge()
    {
        var handler = new RecordingHandler
        {
            Response = new CannedResponse { Body = JsonOfLength(1000), ContentType = "application/json", OmitContentLength = true, ChunkSize = 16 },
        };
        using var http = new HttpClient(handler);
        var options = new TokenApiClientOptions { MaxResponseContentBytes = 100 };

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => new ResponseTokensClient(http, options).GetTokenAsync());

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        Assert.True(handler.LastStream!.BytesServed < 1000, $"The client read {handler.LastStream.BytesServed} bytes with a limit of 100.");
    }

    [Fact]
    public async Task SuccessBodyOfExactlyConfiguredLimitIsRead()
    {
        var handler = new RecordingHandler { Response = new CannedResponse { Body = JsonOfLength(100), ContentType = "application/json" } };
        using var http = new HttpClient(handler);
        var options = new TokenApiClientOptions { MaxResponseContentBytes = 100 };

        TokenResponse token = await IResponseTokens.Create(http, options).GetTokenAsync();

        Assert.Equal(7, token.ExpiresIn);
    }

    [Fact]
    public async Task ConfiguredLimitAppliesToStringReturns()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Text(new string('a', 101)) };
        using var http = new HttpClient(handler);
        var options = new TokenApiClientOptions { MaxResponseContentBytes = 100 };

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IResponseTokens.Create(http, options).GetTextAsync());

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
    }

    /// <summary>A valid token response of exactly <paramref name="length"/> UTF-8 bytes (padding in the access token).</summary>
    internal static byte[] JsonOfLength(int length)
    {
        const string prefix = "{\"access_token\":\"";
        const string suffix = "\",\"expires_in\":7}";
        int padding = length - prefix.Length - suffix.Length;
        Assert.True(padding >= 0);
        byte[] bytes = new byte[length];
        Encoding.ASCII.GetBytes(prefix).CopyTo(bytes, 0);
        bytes.AsSpan(prefix.Length, padding).Fill((byte)'a');
        Encoding.ASCII.GetBytes(suffix).CopyTo(bytes, prefix.Length + padding);
        return bytes;
    }
}
