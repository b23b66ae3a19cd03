using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>Every supported return kind: Task, Task&lt;string&gt;, HttpResponseMessage, ApiResponse&lt;T&gt; and free-form JSON.</summary>
public sealed class ReturnKindTests
{
    [Fact]
    public async Task TaskReturnCompletesOnSuccess()
    {
        var handler = new RecordingHandler { Response = new CannedResponse { StatusCode = HttpStatusCode.NoContent } };
        using var http = new HttpClient(handler);

        await IResponseTokens.Create(http).RevokeAsync("t-1");

        Assert.Equal("DELETE", handler.Single.Method.Method);
        RouteTests.AssertSent(handler.Single, "https://responses.example.test/v1/token/t-1");
    }

    [Fact]
    public async Task TaskReturnIgnoresASuccessBody()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Text("not json at all") };
        using var http = new HttpClient(handler);

        await IResponseTokens.Create(http).RevokeAsync("t-1");

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task TaskReturnThrowsTokenApiExceptionOnFailure()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json("{\"error\":\"gone\"}", HttpStatusCode.Gone) };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => IResponseTokens.Create(http).RevokeAsync("t-1"));

        Assert.Equal(HttpStatusCode.Gone, exception.StatusCode);
        Assert.Equal(HttpMethod.Delete, exception.Method);
        Assert.Equal("{\"error\":\"gone\"}", exception.ErrorBody);
    }

    [Fact]
    public async Task StringReturnGivesTheBodyDecodedWithItsCharset()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Text("h\u00e9llo w\u00f6rld \u20ac") };
        using var http = new HttpClient(handler);

        string text = await IResponseTokens.Create(http).GetTextAsync();

        Assert.Equal("h\u00e9llo w\u00f6rld \u20ac", text);
    }

    [Fact]
    public async Task StringReturnWithEmptyBodyGivesEmptyString()
    {
        var handler = new RecordingHandler { Response = new CannedResponse() };
        using var http = new HttpClient(handler);

        Assert.Equal(string.Empty, await IResponseTokens.Create(http).GetTextAsync());
    }

    [Fact]
    public async Task StringReturnThrowsTokenApiExceptionOnFailure()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Text("nope", HttpStatusCode.BadRequest) };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiException>(() => IResponseTokens.Create(http).GetTextAsync());

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("nope", exception.ErrorBody);
    }

    [Fact]
    public async Task HttpResponseMessageReturnIsUndisposedAndUncheckedEvenFor500()
    {
        var handler = new RecordingHandler
        {
            Response = new CannedResponse
            {
                StatusCode = HttpStatusCode.InternalServerError,
                Body = "boom"u8.ToArray(),
                ContentType = "text/plain",
                Headers = new[] { ("X-Request-Id", "r-500") },
            },
        };
        using var http = new HttpClient(handler);

        using HttpResponseMessage response = await IResponseTokens.Create(http).GetRawAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(new[] { "r-500" }, response.Headers.GetValues("X-Request-Id"));
        Assert.Equal("boom", await response.Content.ReadAsStringAsync()); // throws when disposed
    }

    [Fact]
    public async Task HttpResponseMessageReturnBodyIsStillReadableAfterTheCall()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json("{\"a\":1}") };
        using var http = new HttpClient(handler);

        using HttpResponseMessage response = await IResponseTokens.Create(http).GetRawAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"a\":1}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ApiResponseOnSuccessCarriesParsedContentStatusAndHeaders()
    {
        var handler = new RecordingHandler
        {
            Response = new CannedResponse
            {
                StatusCode = HttpStatusCode.Created,
                Body = "{\"access_token\":\"t\",\"expires_in\":60}"u8.ToArray(),
                ContentType = "application/json",
                Headers = new[] { ("X-Request-Id", "r-1") },
            },
        };
        using var http = new HttpClient(handler);

        ApiResponse<TokenResponse> response = await IResponseTokens.Create(http).ExchangeAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(response.IsSuccessStatusCode);
        Assert.Null(response.Error);
        Assert.Equal("t", response.Content?.AccessToken);
        Assert.Equal(60, response.Content?.ExpiresIn);
        Assert.Equal(new[] { "r-1" }, response.Headers.GetValues("X-Request-Id"));
        Assert.Equal("application/json", response.ContentHeaders?.ContentType?.MediaType);
        Assert.Same(response.Content, response.EnsureSuccess());
        Assert.Equal("POST", handler.Single.Method.Method);
    }

    [Fact]
    public async Task ApiResponseOnFailureCarriesTheErrorWithoutThrowing()
    {
        var handler = new RecordingHandler
        {
            Response = new CannedResponse
            {
                StatusCode = HttpStatusCode.TooManyRequests,
                ReasonPhrase = "Slow Down",
                Body = "{\"error\":\"slow_down\"}"u8.ToArray(),
                ContentType = "application/json",
                Headers = new[] { ("Retry-After", "12") },
            },
        };
        using var http = new HttpClient(handler);

        ApiResponse<TokenResponse> response = await IResponseTokens.Create(http).ExchangeAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("Slow Down", response.ReasonPhrase);
        Assert.Null(response.Content);
        TokenApiException error = Assert.IsType<TokenApiException>(response.Error);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(HttpMethod.Post, error.Method);
        Assert.Equal("https://responses.example.test/v1/exchange", error.RequestUri?.AbsoluteUri);
        Assert.Equal(TimeSpan.FromSeconds(12), error.RetryAfter);
        Assert.Equal("{\"error\":\"slow_down\"}", error.ErrorBody);
        Assert.Same(error, Assert.Throws<TokenApiException>(() => response.EnsureSuccess()));
    }

    [Fact]
    public async Task ApiResponseWithEmptySuccessBodyHasNullContent()
    {
        var handler = new RecordingHandler { Response = new CannedResponse { StatusCode = HttpStatusCode.NoContent } };
        using var http = new HttpClient(handler);

        ApiResponse<TokenResponse> response = await IResponseTokens.Create(http).ExchangeAsync();

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(response.Content);
        Assert.Null(response.Error);
    }

    [Fact]
    public async Task FreeFormJsonElementIsReturnedWithoutContextRegistration()
    {
        const string json = "{\"a\":1,\"b\":[true,null,\"x\"]}";
        var handler = new RecordingHandler { Response = CannedResponse.Json(json) };
        using var http = new HttpClient(handler);

        JsonElement element = await IResponseTokens.Create(http).GetElementAsync();

        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        Assert.Equal(json, element.GetRawText()); // still readable after the response is gone
        Assert.Equal(1, element.GetProperty("a").GetInt32());
        Assert.Equal(3, element.GetProperty("b").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"a\":1}", "{\"a\":1}")]
    [InlineData("[1,2]", "[1,2]")]
    [InlineData("null", null)]
    [InlineData("", null)]
    public async Task FreeFormNullableJsonElementIsReturnedWithoutContextRegistration(string body, string? expected)
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json(body) };
        using var http = new HttpClient(handler);

        JsonElement? element = await IResponseTokens.Create(http).GetMaybeElementAsync();

        Assert.Equal(expected, element?.GetRawText());
    }

    [Fact]
    public async Task FreeFormJsonObjectIsReturnedWithoutContextRegistration()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json("{\"access_token\":\"t\",\"nested\":{\"n\":2.5}}") };
        using var http = new HttpClient(handler);

        JsonObject json = await IResponseTokens.Create(http).GetObjectAsync();

        Assert.Equal(new[] { "access_token", "nested" }, json.Select(p => p.Key).ToArray());
        Assert.Equal("t", json["access_token"]!.GetValue<string>());
        Assert.Equal(2.5, json["nested"]!["n"]!.GetValue<double>());
    }

    [Fact]
    public async Task FreeFormDictionaryOfJsonElementIsReturnedWithoutContextRegistration()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json("{\"access_token\":\"t\",\"expires_in\":30,\"scopes\":[\"a\"]}") };
        using var http = new HttpClient(handler);

        Dictionary<string, JsonElement> json = await IResponseTokens.Create(http).GetDictionaryAsync();

        Assert.Equal(new[] { "access_token", "expires_in", "scopes" }, json.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Assert.Equal("t", json["access_token"].GetString());
        Assert.Equal(30, json["expires_in"].GetInt32());
        Assert.Equal("[\"a\"]", json["scopes"].GetRawText());
    }

    [Fact]
    public async Task FreeFormJsonWithInvalidBodyThrowsInvalidJson()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json("{oops") };
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => IResponseTokens.Create(http).GetObjectAsync());

        Assert.Equal(TokenApiContentProblem.InvalidJson, exception.Problem);
    }
}
