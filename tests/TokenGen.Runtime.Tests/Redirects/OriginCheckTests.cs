using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests.Redirects;

/// <summary>
/// A generated client reads an answer only from the origin its request was built for: when a handler followed a redirect
/// elsewhere, every reader refuses the answer with <see cref="TokenApiRedirectException"/>.
/// </summary>
public sealed class OriginCheckTests
{
    private static readonly Uri s_builtFor = new("https://login.example.com/oauth/token?client_secret=s3cr3t");

    public static TheoryData<string> OtherOrigins => new()
    {
        "https://evil.example.com/oauth/token",
        "https://login.example.com:8443/oauth/token",
        "http://login.example.com/oauth/token",
    };

    [Theory]
    [MemberData(nameof(OtherOrigins))]
    public async Task Every_reader_refuses_an_answer_from_another_origin(string answeredFrom)
    {
        foreach (Func<HttpResponseMessage, Task> read in Readers())
        {
            using HttpResponseMessage response = AnswerFrom(answeredFrom, HttpStatusCode.OK, "{\"access_token\":\"FOREIGN-TOKEN-d41d8cd98f00b204\"}");

            TokenApiRedirectException exception = await Assert.ThrowsAsync<TokenApiRedirectException>(() => read(response));

            Assert.Equal(new Uri("https://login.example.com/oauth/token"), exception.RequestUri);
            Assert.Equal(new Uri(new Uri(answeredFrom).GetLeftPart(UriPartial.Authority)), exception.AnsweredFrom);
            Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
            Assert.IsAssignableFrom<HttpRequestException>(exception);
            Assert.DoesNotContain("s3cr3t", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("FOREIGN-TOKEN", exception.ToString(), StringComparison.Ordinal);
            Assert.Contains(new Uri(answeredFrom).Host, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_error_answer_from_another_origin_is_refused_too_never_read_as_the_token_apis_error()
    {
        using HttpResponseMessage response = AnswerFrom("https://evil.example.com/x", HttpStatusCode.BadRequest, "{\"error\":\"invalid_client\"}");

        await Assert.ThrowsAsync<TokenApiRedirectException>(() => ResponseReader.EnsureSuccessAsync(response, default).AsTask());
    }

    [Theory]
    [InlineData("https://login.example.com/other/path")]
    [InlineData("https://LOGIN.EXAMPLE.COM:443/oauth/token")]
    public async Task An_answer_from_elsewhere_within_the_origin_is_read(string answeredFrom)
    {
        using HttpResponseMessage response = AnswerFrom(answeredFrom, HttpStatusCode.OK, "\"fine\"");

        Assert.Equal("\"fine\"", await ResponseReader.ReadStringAsync(response, 1024, default));
    }

    [Fact]
    public async Task A_request_built_elsewhere_is_not_checked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://login.example.com/");
        request.RequestUri = new Uri("https://other.example.com/");
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent("text") };

        Assert.Equal("text", await ResponseReader.ReadStringAsync(response, 1024, default));
    }

    [Fact]
    public void RequireSameOrigin_returns_an_answer_from_the_origin_and_disposes_one_from_elsewhere()
    {
        using HttpResponseMessage same = AnswerFrom("https://login.example.com/moved", HttpStatusCode.NotFound, "x");
        Assert.Same(same, ResponseReader.RequireSameOrigin(same));

        HttpResponseMessage foreign = AnswerFrom("https://evil.example.com/", HttpStatusCode.OK, "x");
        Assert.Throws<TokenApiRedirectException>(() => ResponseReader.RequireSameOrigin(foreign));
        Assert.Throws<ObjectDisposedException>(() => foreign.Content.ReadAsStream());
    }

    private static Func<HttpResponseMessage, Task>[] Readers() =>
    [
        response => ResponseReader.EnsureSuccessAsync(response, default).AsTask(),
        response => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, 1024, default).AsTask(),
        response => ResponseReader.ReadNullableJsonAsync(response, TestJsonContext.Default.TokenModel, 1024, default).AsTask(),
        response => ResponseReader.ReadStringAsync(response, 1024, default).AsTask(),
        response => ResponseReader.ReadApiResponseAsync(response, TestJsonContext.Default.TokenModel, 1024, default).AsTask(),
        response => Task.FromResult(ResponseReader.RequireSameOrigin(response)),
    ];

    /// <summary>An answer to a generated request whose handler moved it to <paramref name="answeredFrom"/>.</summary>
    private static HttpResponseMessage AnswerFrom(string answeredFrom, HttpStatusCode status, string body)
    {
        var request = new TokenApiRequestMessage(HttpMethod.Post, s_builtFor, "AcquireAsync", retryable: true)
        {
            RequestUri = new Uri(answeredFrom),
        };
        return new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
    }
}
