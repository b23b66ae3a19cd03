using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>
/// The base address comes from <see cref="TokenApiClientOptions.BaseAddress"/>, else <see cref="HttpClient.BaseAddress"/>,
/// else <c>[TokenApi(BaseAddress)]</c>; its path prefix is kept and joined with exactly one slash.
/// </summary>
public sealed class BaseAddressTests
{
    [Fact]
    public async Task AttributeBaseAddressKeepsItsPathPrefix()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).GetInfoAsync();

        RouteTests.AssertSent(handler.Single, "https://tokens.example.test/api/v1/token-info/");
    }

    [Theory]
    [InlineData("https://host.example.test/api")]
    [InlineData("https://host.example.test/api/")]
    public async Task HttpClientBaseAddressWithOrWithoutTrailingSlashKeepsItsPathPrefix(string baseAddress)
    {
        var handler = new RecordingHandler { Response = CannedResponse.Text("ok") };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseAddress) };

        await IUnaddressedTokens.Create(http).GetXAsync();

        RouteTests.AssertSent(handler.Single, "https://host.example.test/api/v1/x");
    }

    [Fact]
    public async Task OptionsBaseAddressIsUsedWhenNothingElseIsSet()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Text("ok") };
        using var http = new HttpClient(handler);
        var options = new TokenApiClientOptions { BaseAddress = new Uri("https://options.example.test/prefix/") };

        await new UnaddressedTokensClient(http, options).GetXAsync();

        RouteTests.AssertSent(handler.Single, "https://options.example.test/prefix/v1/x");
    }

    [Fact]
    public async Task OptionsBaseAddressWinsOverHttpClientAndAttribute()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://client.example.test/from-client/") };
        var options = new TokenApiClientOptions { BaseAddress = new Uri("https://options.example.test/from-options") };

        await IRequestTokens.Create(http, options).GetInfoAsync();

        RouteTests.AssertSent(handler.Single, "https://options.example.test/from-options/v1/token-info/");
    }

    [Fact]
    public async Task HttpClientBaseAddressWinsOverAttribute()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://client.example.test/from-client") };

        await new RequestTokensClient(http).GetInfoAsync();

        RouteTests.AssertSent(handler.Single, "https://client.example.test/from-client/v1/token-info/");
    }

    [Fact]
    public async Task OptionsWithoutBaseAddressFallBackToHttpClientBaseAddress()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://client.example.test/") };

        await new RequestTokensClient(http, new TokenApiClientOptions()).GetInfoAsync();

        RouteTests.AssertSent(handler.Single, "https://client.example.test/v1/token-info/");
    }

    [Fact]
    public async Task NoBaseAddressAnywhereThrowsInvalidOperationExceptionBeforeSending()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => IUnaddressedTokens.Create(http).GetXAsync());

        Assert.Contains("UnaddressedTokensClient", exception.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }
}
