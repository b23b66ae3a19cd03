using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>A token API with one ordinary and one [NoRetry] operation, and no default base address.</summary>
[TokenApi(SerializerContext = typeof(BehaviourJsonContext))]
public partial interface ITransportTokens
{
    [Post("/token")]
    Task<TokenInfo?> AcquireAsync([Header("Authorization")] string authorization, CancellationToken cancellationToken = default);

    [NoRetry]
    [Post("/token/refresh")]
    Task<TokenInfo?> RotateAsync([Header("Authorization")] string authorization, CancellationToken cancellationToken = default);
}

/// <summary>
/// Credentials stay off plain HTTP unless the address is loopback or the user opts out; every request tells the
/// handlers below whether it may be sent again and which operation built it.
/// </summary>
public sealed class TransportAndRetryTests
{
    [Theory]
    [InlineData("http://tokens.example.test/")]
    [InlineData("http://10.1.2.3:8080/")]
    [InlineData("HTTP://TOKENS.EXAMPLE.TEST/")]
    public async Task PlainHttpToARemoteHost_IsRefusedBeforeAnythingIsSent(string baseAddress)
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseAddress) };

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => ITransportTokens.Create(http).AcquireAsync("Bearer s3cret-value"));

        Assert.Empty(handler.Requests);
        Assert.Contains("AllowInsecureHttp", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", exception.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    [InlineData("http://127.8.9.10/")]
    [InlineData("https://tokens.example.test/")]
    public async Task LoopbackOrHttps_IsSent(string baseAddress)
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json("""{"active":true}""") };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseAddress) };

        var info = await ITransportTokens.Create(http).AcquireAsync("Bearer token");

        Assert.True(info!.Active);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task AllowInsecureHttp_OptsOut()
    {
        var handler = new RecordingHandler { Response = CannedResponse.Json("""{"active":true}""") };
        using var http = new HttpClient(handler);
        var options = new TokenApiClientOptions { BaseAddress = new Uri("http://tokens.internal.test/"), AllowInsecureHttp = true };

        await ITransportTokens.Create(http, options).AcquireAsync("Bearer token");

        RouteTests.AssertSent(handler.Single, "http://tokens.internal.test/token");
    }

    [Fact]
    public async Task EveryRequestSaysWhetherItMayBeRetried_AndWhichOperationBuiltIt()
    {
        var probe = new OptionsProbe();
        using var http = new HttpClient(probe) { BaseAddress = new Uri("https://tokens.example.test/") };
        var client = ITransportTokens.Create(http);

        await client.AcquireAsync("Bearer a");
        await client.RotateAsync("Bearer r");

        Assert.Equal(new (bool?, string?)[] { (true, "AcquireAsync"), (false, "RotateAsync") }, probe.Seen);
    }

    /// <summary>Records what each request says of itself, as a resilience handler would read it.</summary>
    private sealed class OptionsProbe : HttpMessageHandler
    {
        public System.Collections.Generic.List<(bool?, string?)> Seen { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            bool? retryable = TokenApiRequestOptions.TryGetRetryable(request, out var value) ? value : null;
            string? operation = TokenApiRequestOptions.GetOperationName(request);
            Assert.IsType<TokenApiRequestMessage>(request);
            Seen.Add((retryable, operation));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }
}
