using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>Static headers (interface, then method, in order), then header parameters; CR/LF refused before sending.</summary>
public sealed class HeaderTests
{
    [Fact]
    public async Task StaticHeadersFromInterfaceThenMethodThenHeaderParametersAreSentInOrder()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).HeadersAsync("contoso", 3, "Bearer abc.def");

        RecordedRequest request = handler.Single;
        Assert.Equal(
            new[] { "X-Client", "X-Trace", "Accept", "X-Tenant", "X-Attempt", "Authorization" },
            request.HeaderNames);
        Assert.Equal(new[] { "behaviour" }, request.Header("X-Client"));
        Assert.Equal(new[] { "interface", "method" }, request.Header("X-Trace"));
        Assert.Equal(new[] { "application/json" }, request.Header("Accept"));
        Assert.Equal(new[] { "contoso" }, request.Header("X-Tenant"));
        Assert.Equal(new[] { "3" }, request.Header("X-Attempt"));
        Assert.Equal(new[] { "Bearer abc.def" }, request.Header("Authorization"));
    }

    [Fact]
    public async Task NullHeaderParametersAreOmitted()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).HeadersAsync(null, null, null);

        RecordedRequest request = handler.Single;
        Assert.Equal(new[] { "X-Client", "X-Trace", "Accept" }, request.HeaderNames);
        Assert.Null(request.Header("X-Tenant"));
        Assert.Null(request.Header("X-Attempt"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task InterfaceStaticHeadersAreSentWithEveryOperation()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).GetInfoAsync();

        RecordedRequest request = handler.Single;
        Assert.Equal(new[] { "X-Client", "X-Trace" }, request.HeaderNames);
        Assert.Equal(new[] { "interface" }, request.Header("X-Trace"));
    }

    [Theory]
    [InlineData("secret-value\r\nX-Injected: yes")]
    [InlineData("secret-value\nX-Injected: yes")]
    [InlineData("secret-value\rX-Injected: yes")]
    public async Task HeaderValueWithCrOrLfIsRefusedBeforeSendingWithoutEchoingTheValue(string value)
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => IRequestTokens.Create(http).HeadersAsync(null, null, value));

        Assert.Empty(handler.Requests);
        Assert.DoesNotContain("secret-value", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Injected", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Authorization", exception.Message, StringComparison.Ordinal);
    }
}
