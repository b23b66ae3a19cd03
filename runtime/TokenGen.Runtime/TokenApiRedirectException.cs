using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using TokenGen.Infrastructure;

namespace TokenGen;

/// <summary>
/// The answer to a generated client's request came from another origin (scheme, host and port) than the one the request
/// was built for: the <see cref="HttpClient"/>'s handler followed a redirect there. TokenGen never reads such an answer,
/// whatever its status, so a token another origin hands out is never used.
/// </summary>
/// <remarks>
/// <para>
/// The clients TokenGen sets up never get here: <see cref="TokenApiHttpClient"/>, the parameterless <c>Create()</c> that
/// TokenGen generates on every interface, and <c>AddTokenApiClient</c> in TokenGen.Extensions.Http follow redirects only
/// within the request's origin (<see cref="SameOriginRedirectHandler"/>), and a redirect elsewhere ends the call with a
/// <see cref="TokenApiException"/> whose <see cref="TokenApiException.RedirectLocation"/> says where it pointed.
/// </para>
/// <para>
/// This exception means the client was built on an <see cref="HttpClient"/> of the application's own whose handler
/// follows redirects (<c>new HttpClient()</c> does): by the time the answer arrived, that handler had already sent the
/// request's headers — all but <c>Authorization</c> — and, for 307 and 308, its body to the other origin. Build the client
/// on <see cref="TokenApiHttpClient.Create"/>, or on a handler with <c>AllowAutoRedirect = false</c>.
/// </para>
/// <para>The message names the method, the request URI without its query, the status and the other origin, never a path or query it chose.</para>
/// </remarks>
public sealed class TokenApiRedirectException : HttpRequestException
{
    /// <summary>Creates an exception describing an answer from another origin.</summary>
    /// <param name="statusCode">The status code of the answer that came from the other origin.</param>
    /// <param name="method">The method of the request.</param>
    /// <param name="requestUri">The URI the request was built for; its query, fragment and user info are dropped.</param>
    /// <param name="answeredFrom">The URI that answered; only its origin is kept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> or <paramref name="answeredFrom"/> is null.</exception>
    public TokenApiRedirectException(HttpStatusCode statusCode, HttpMethod method, Uri? requestUri, Uri answeredFrom)
        : base(CreateMessage(statusCode, method, requestUri = TokenApiException.WithoutSecrets(requestUri), answeredFrom), inner: null, statusCode)
    {
        Method = method;
        RequestUri = requestUri;
        AnsweredFrom = OriginOnly(answeredFrom);
    }

    /// <summary>The status code of the answer that came from the other origin; it was not acted on.</summary>
    public new HttpStatusCode StatusCode => base.StatusCode.GetValueOrDefault();

    /// <summary>The method of the request.</summary>
    public HttpMethod Method { get; }

    /// <summary>The URI the request was built for, without its query, fragment or user info.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The origin that answered, <c>scheme://host:port</c> (no path or query), or <see langword="null"/> when it has no host.</summary>
    public Uri? AnsweredFrom { get; }

    private static string CreateMessage(HttpStatusCode statusCode, HttpMethod method, Uri? requestUri, Uri answeredFrom)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(answeredFrom);
        string uri = requestUri is null
            ? "(unknown URI)"
            : requestUri.IsAbsoluteUri ? requestUri.AbsoluteUri : requestUri.OriginalString;
        string origin = Origins.Describe(answeredFrom) ?? "another origin";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{method.Method} {uri} was redirected to {origin}, which answered {(int)statusCode}; the answer was not read, since a token API's answer is read only from the origin its request was built for. ")
            + "The HttpClient's handler followed the redirect and has already sent the request's headers (all but Authorization), and for 307/308 its body, there: "
            + "build the client on TokenApiHttpClient.Create(), or on a handler with AllowAutoRedirect = false.";
    }

    private static Uri? OriginOnly(Uri answeredFrom)
    {
        if (!answeredFrom.IsAbsoluteUri || answeredFrom.IdnHost.Length == 0)
        {
            return null;
        }

        var origin = new UriBuilder(answeredFrom.Scheme, answeredFrom.IdnHost, answeredFrom.Port);
        return origin.Uri;
    }
}
