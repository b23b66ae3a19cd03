using System;
using System.Net.Http;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests;

public sealed class BaseAddressResolverTests
{
    private static readonly Uri Options = new("https://options/api/");
    private static readonly Uri Client = new("https://client/api/");
    private static readonly Uri Default = new("https://default/api/");

    [Fact]
    public void OptionsWin()
    {
        using var http = new HttpClient { BaseAddress = Client };
        Assert.Same(Options, BaseAddressResolver.Resolve(Options, http, Default, "DirectLineTokensClient"));
    }

    [Fact]
    public void HttpClientComesNext()
    {
        using var http = new HttpClient { BaseAddress = Client };
        Assert.Same(Client, BaseAddressResolver.Resolve(null, http, Default, "DirectLineTokensClient"));
    }

    [Fact]
    public void DefaultComesLast()
    {
        using var http = new HttpClient();
        Assert.Same(Default, BaseAddressResolver.Resolve(null, http, Default, "DirectLineTokensClient"));
    }

    [Fact]
    public void NoneSetNamesTheClientAndTheThreeWays()
    {
        using var http = new HttpClient();
        var exception = Assert.Throws<InvalidOperationException>(() => BaseAddressResolver.Resolve(null, http, null, "DirectLineTokensClient"));
        Assert.Contains("DirectLineTokensClient", exception.Message, StringComparison.Ordinal);
        Assert.Contains("TokenApiClientOptions.BaseAddress", exception.Message, StringComparison.Ordinal);
        Assert.Contains("HttpClient.BaseAddress", exception.Message, StringComparison.Ordinal);
        Assert.Contains("[TokenApi(BaseAddress", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeAddressIsRefused()
    {
        using var http = new HttpClient();
        var relative = new Uri("/api", UriKind.Relative);
        Assert.Throws<InvalidOperationException>(() => BaseAddressResolver.Resolve(relative, http, Default, "C"));
        Assert.Throws<InvalidOperationException>(() => BaseAddressResolver.Resolve(null, http, relative, "C"));
    }

    [Fact]
    public void NullHttpClientIsRefused()
        => Assert.Throws<ArgumentNullException>(() => BaseAddressResolver.Resolve(Options, null!, Default, "C"));
}
