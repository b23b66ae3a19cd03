using System;
using System.Net.Http;

namespace TokenGen.Runtime.Tests.Resilience;

/// <summary>Builds the handler under test over a <see cref="ScriptedServer"/>, and the requests a generated client sends.</summary>
internal static class Pipeline
{
    public const string Operation = "GenerateTokenAsync";

    /// <summary>
    /// The handler on <paramref name="clock"/> with jitter fixed at 1 (every backoff wait is its ceiling: 200 ms, 400 ms,
    /// …), unless <paramref name="configure"/> says otherwise.
    /// </summary>
    public static HttpMessageInvoker Create(HttpMessageHandler server, VirtualClock clock, Action<TokenApiResilienceOptions>? configure = null)
    {
        var options = new TokenApiResilienceOptions { TimeProvider = clock, JitterSource = () => 1.0 };
        configure?.Invoke(options);
        return new HttpMessageInvoker(new TokenApiResilienceHandler(server, options));
    }

    /// <summary>A request as a generated client builds it: the options set, and a body that can be sent again.</summary>
    public static HttpRequestMessage Request(HttpMethod? method = null, bool? retryable = true, HttpContent? content = null, string uri = "https://auth.example.com/v1/token")
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, uri) { Content = content };
        if (retryable is bool value)
        {
            request.Options.Set(TokenApiRequestOptions.Retryable, value);
        }

        request.Options.Set(TokenApiRequestOptions.OperationName, Operation);
        return request;
    }
}
