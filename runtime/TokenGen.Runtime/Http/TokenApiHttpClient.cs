using System;
using System.Net.Http;
using System.Threading;

namespace TokenGen;

/// <summary>
/// <see cref="HttpClient"/>s fit for token APIs, for applications without <c>IHttpClientFactory</c>: redirects are
/// followed only within the origin a request was sent to (<see cref="SameOriginRedirectHandler"/>), and pooled connections
/// are renewed every two minutes, so DNS changes are seen.
/// </summary>
/// <remarks>
/// The parameterless <c>Create()</c> that TokenGen generates on every <c>[TokenApi]</c> interface uses
/// <see cref="Create"/>. With dependency injection, <c>AddTokenApiClient</c> of TokenGen.Extensions.Http gives its clients
/// the same redirect rule.
/// </remarks>
public static class TokenApiHttpClient
{
    /// <summary>How long a pooled connection is used before a new one is opened (and the host's name resolved again).</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    private static SameOriginRedirectHandler? s_sharedHandler;

    /// <summary>
    /// Creates an <see cref="HttpClient"/> over one handler shared by every client this method creates, so connections are
    /// pooled across them; disposing the client leaves the shared handler open.
    /// </summary>
    /// <returns>A client with no base address and the default timeout (100 seconds).</returns>
    public static HttpClient Create()
    {
        SameOriginRedirectHandler handler = Volatile.Read(ref s_sharedHandler)
            ?? Interlocked.CompareExchange(ref s_sharedHandler, new SameOriginRedirectHandler(CreatePrimaryHandler()), null)
            ?? s_sharedHandler!;
        return new HttpClient(handler, disposeHandler: false);
    }

    /// <summary>
    /// Creates the handler that sends a token API's requests: a <see cref="SocketsHttpHandler"/> that follows no redirects
    /// itself (put a <see cref="SameOriginRedirectHandler"/> over it for the ones that stay within the origin) and renews
    /// its connections after <see cref="PooledConnectionLifetime"/>.
    /// </summary>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = PooledConnectionLifetime,
    };
}
