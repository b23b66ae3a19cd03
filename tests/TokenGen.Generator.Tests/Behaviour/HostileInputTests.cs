using System;
using System.Net.Http;
using System.Threading.Tasks;
using TokenGen.Infrastructure;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>
/// Hostile values from the caller, through a real generated client: what can be escaped is escaped (and is exactly what
/// the handler receives); what cannot be sent safely is refused with an <see cref="ArgumentException"/> before any
/// request reaches the handler, naming where the value was going and never the value itself.
/// </summary>
public sealed class HostileInputTests
{
    private const string Base = "https://hostile.example.test/api";
    private const string Secret = "s3cr3t-k3y-value";

    // ---- header values ----

    [Theory]
    [InlineData("\r\nX-Injected: 1", "carriage return or line feed")]
    [InlineData("\nX-Injected: 1", "carriage return or line feed")]
    [InlineData("\r", "carriage return or line feed")]
    [InlineData("\0", "U+0000")]
    [InlineData("\u0007", "U+0007")]
    [InlineData("\u001B[31m", "U+001B")]
    [InlineData("\u007F", "U+007F")]
    [InlineData("\u0085", "U+0085")]
    public async Task AHeaderValueWithAControlCharacterIsRefusedAndNeverSent(string hostile, string named)
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => IHostileInputTokens.Create(http).GetTokenAsync("t", "i", apiKey: Secret + hostile));

        Assert.Empty(handler.Requests);
        Assert.Contains("'X-Api-Key' (parameter 'apiKey')", exception.Message, StringComparison.Ordinal);
        Assert.Equal("apiKey", exception.ParamName);
        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("X-Injected", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeaderValueWithATabIsSentAsItIs()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IHostileInputTokens.Create(http).GetTokenAsync("t", "i", apiKey: "a\tb");

        Assert.Equal(new[] { "a\tb" }, handler.Single.Header("X-Api-Key"));
    }

    [Fact]
    public async Task AMegabyteHeaderValueIsRefusedAndTheLimitItselfIsSent()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);
        IHostileInputTokens client = IHostileInputTokens.Create(http);

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => client.GetTokenAsync("t", "i", apiKey: Secret + new string('k', 1024 * 1024)));

        Assert.Empty(handler.Requests);
        Assert.Contains("'X-Api-Key' (parameter 'apiKey') is 1048592 characters long, over the limit of 16384", exception.Message, StringComparison.Ordinal);
        Assert.Equal("apiKey", exception.ParamName);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);

        await client.GetTokenAsync("t", "i", apiKey: new string('k', RequestHeaders.MaxValueLength));
        Assert.Equal(RequestHeaders.MaxValueLength, handler.Single.Header("X-Api-Key")![0].Length);
    }

    // ---- route values ----

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("%2F", "%252F")]
    [InlineData("%2E%2E", "%252E%252E")]
    [InlineData("%2e%2e%2f", "%252e%252e%252f")]
    [InlineData("..%2F..", "..%252F..")]
    [InlineData("...", "...")]
    [InlineData("a\r\nb\0c\u001Bd\u007F", "a%0D%0Ab%00c%1Bd%7F")]
    [InlineData("x?y=1#z", "x%3Fy%3D1%23z")]
    [InlineData(" ", "%20")]
    [InlineData("\u0130\u00df\U0001F600", "%C4%B0%C3%9F%F0%9F%98%80")]
    public async Task AHostileRouteValueIsEscapedAsExactlyOneSegment(string value, string escaped)
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IHostileInputTokens.Create(http).GetTokenAsync(value, "id");

        RouteTests.AssertSent(handler.Single, Base + "/v1/tenants/" + escaped + "/tokens/id");
    }

    [Fact]
    public async Task AnEmptyRouteValueIsRefusedNamingTheParameter()
    {
        // An empty segment would name another resource (/v1/tenants//tokens/…), so it is refused rather than sent.
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => IHostileInputTokens.Create(http).GetTokenAsync("acme", string.Empty));

        Assert.Empty(handler.Requests);
        Assert.Equal("id", exception.ParamName);
        Assert.Contains("The route value 'id' is empty", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMegabyteRouteValueIsRefusedNamingTheParameter()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => IHostileInputTokens.Create(http).GetTokenAsync(Secret + new string('t', 1024 * 1024), "id"));

        Assert.Empty(handler.Requests);
        Assert.Equal("tenant", exception.ParamName);
        Assert.Contains("The route value 'tenant' makes the request URI", exception.Message, StringComparison.Ordinal);
        Assert.Contains("over the limit of 32768", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
    }

    // ---- query values ----

    [Fact]
    public async Task AHostileQueryValueIsEscapedAsOneValue()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IHostileInputTokens.Create(http).GetTokenAsync("t", "i", requestedScope: "read&admin=true#frag\r\nX-Injected: 1 \u00fc\U0001F600%41+");

        RouteTests.AssertSent(
            handler.Single,
            Base + "/v1/tenants/t/tokens/i?scope=read%26admin%3Dtrue%23frag%0D%0AX-Injected%3A%201%20%C3%BC%F0%9F%98%80%2541%2B");
    }

    [Fact]
    public async Task AMegabyteQueryValueIsRefusedNamingItsKey()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => IHostileInputTokens.Create(http).GetTokenAsync("t", "i", requestedScope: Secret + new string('s', 1024 * 1024)));

        Assert.Empty(handler.Requests);
        Assert.Contains("The query value 'scope' (parameter 'requestedScope')", exception.Message, StringComparison.Ordinal);
        Assert.Equal("requestedScope", exception.ParamName);
        Assert.Contains("over the limit of 32768", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
    }
}
