using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests;

public sealed class RequestHeadersTests
{
    private const string Secret = "Bearer s3cr3t-t0ken";

    [Fact]
    public void NullValueAddsNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h/");
        RequestHeaders.Add(request, "X-Api-Key", null);
        Assert.False(request.Headers.Contains("X-Api-Key"));
    }

    [Fact]
    public void RequestHeaderIsAddedWithoutValidation()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h/");
        RequestHeaders.Add(request, "Authorization", "Bearer abc");
        RequestHeaders.Add(request, "X-Custom", "a, b ; weird=\"value\"");
        Assert.Equal("Bearer abc", request.Headers.GetValues("Authorization").Single());
        Assert.Equal("a, b ; weird=\"value\"", request.Headers.GetValues("X-Custom").Single());
    }

    [Fact]
    public void LaterValuesOfARequestHeaderFollowEarlierOnes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h/");
        RequestHeaders.Add(request, "Accept", "application/json");
        RequestHeaders.Add(request, "Accept", "text/plain");
        Assert.Equal(new[] { "application/json", "text/plain" }, request.Headers.GetValues("Accept").ToArray());
    }

    [Theory]
    [InlineData(Secret + "\r\nX-Injected: 1")]
    [InlineData(Secret + "\nX-Injected: 1")]
    [InlineData(Secret + "\r")]
    public void CrOrLfIsRefusedWithoutEchoingTheValue(string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h/");
        var exception = Assert.Throws<ArgumentException>(() => RequestHeaders.Add(request, "Authorization", value));
        Assert.Contains("Authorization", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("X-Injected", exception.ToString(), StringComparison.Ordinal);
        Assert.False(request.Headers.Contains("Authorization"));
    }

    [Fact]
    public void ContentTypeReplacesTheContentsOwn()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://h/")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };

        RequestHeaders.Add(request, "Content-Type", "application/vnd.api+json");

        Assert.Equal("application/vnd.api+json", request.Content.Headers.GetValues("Content-Type").Single());
        Assert.Equal("application/vnd.api+json", request.Content.Headers.ContentType!.ToString());
        Assert.DoesNotContain(request.Headers, header => header.Key == "Content-Type");
    }

    [Fact]
    public void OtherContentHeadersGoOnTheContent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://h/") { Content = new ByteArrayContent([1, 2, 3]) };
        RequestHeaders.Add(request, "Content-Language", "de-CH");
        RequestHeaders.Add(request, "Expires", "Thu, 01 Dec 1994 16:00:00 GMT");
        Assert.Equal("de-CH", request.Content.Headers.GetValues("Content-Language").Single());
        Assert.Equal("Thu, 01 Dec 1994 16:00:00 GMT", request.Content.Headers.GetValues("Expires").Single());
    }

    [Fact]
    public void ContentHeaderWithoutContentIsDropped()
    {
        // An interface-wide [Headers("Content-Type: ...")] must not break its GET operations or a null [Body].
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h/");
        RequestHeaders.Add(request, "Content-Type", "application/vnd.api+json");
        Assert.Null(request.Content);
        Assert.DoesNotContain(request.Headers, header => header.Key == "Content-Type");
    }

    [Fact]
    public void ContentHeaderValueWithCrLfIsRefusedEvenWithoutContent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h/");
        Assert.Throws<ArgumentException>(() => RequestHeaders.Add(request, "Content-Type", "a\r\nb"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bad Name")]
    [InlineData("Bad:Name")]
    [InlineData("Bad\nName")]
    public void InvalidNameIsRefused(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h/");
        var exception = Assert.Throws<ArgumentException>(() => RequestHeaders.Add(request, name, "v"));
        Assert.Equal("name", exception.ParamName);
    }
}
