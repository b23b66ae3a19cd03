using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>Route values are escaped as exactly one path segment; route literals are sent as written.</summary>
public sealed class RouteTests
{
    private const string Base = "https://tokens.example.test/api";

    [Fact]
    public async Task RouteValueWithSlashesIsEscapedAsOneSegment()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).GetTokenAsync("a/b.c", "x");

        AssertSent(handler.Single, Base + "/v1/tenants/a%2Fb.c/tokens/x");
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/../b")]
    public async Task DotSegmentRouteValueIsRefused_BecauseAServerWouldDecodeItAndClimb(string value)
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => IRequestTokens.Create(http).GetTokenAsync(value, "x"));

        Assert.Equal("tenant", exception.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task RouteValueWithSpacesAndUnicodeIsPercentEncodedAsUtf8()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        // ü (C3 BC), space, Ω (CE A9), € (E2 82 AC), 😀 (F0 9F 98 80).
        await IRequestTokens.Create(http).GetTokenAsync("J\u00fcrgen \u03a9", "\u20ac \U0001F600");

        AssertSent(handler.Single, Base + "/v1/tenants/J%C3%BCrgen%20%CE%A9/tokens/%E2%82%AC%20%F0%9F%98%80");
    }

    [Fact]
    public async Task RouteValueWithQueryFragmentAndPercentCharactersIsEscaped()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).GetTokenAsync("50%?x=1#y", "a+b&c;d");

        AssertSent(handler.Single, Base + "/v1/tenants/50%25%3Fx%3D1%23y/tokens/a%2Bb%26c%3Bd");
    }

    [Fact]
    public async Task LiteralRouteKeepsItsTrailingSlash()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).GetInfoAsync();

        Assert.Equal("GET", handler.Single.Method.Method);
        AssertSent(handler.Single, Base + "/v1/token-info/");
    }

    [Fact]
    public async Task NullRouteValueThrowsArgumentNullExceptionBeforeSending()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() => IRequestTokens.Create(http).GetItemAsync(null));

        Assert.Equal("id", exception.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task NullNonNullableRouteValueThrowsArgumentNullExceptionBeforeSending()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() => IRequestTokens.Create(http).GetTokenAsync("tenant", null!));

        Assert.Equal("id", exception.ParamName);
        Assert.Empty(handler.Requests);
    }

    /// <summary>The URI the client built, as a handler sees it and as it goes on the wire.</summary>
    internal static void AssertSent(RecordedRequest request, string expectedUri)
    {
        Assert.Equal(expectedUri, request.AbsoluteUri);
        Assert.Equal(expectedUri, request.OriginalString);
        string authority = expectedUri.Substring(0, expectedUri.IndexOf('/', "https://".Length));
        Assert.Equal(expectedUri, authority + request.PathAndQuery);
    }
}
