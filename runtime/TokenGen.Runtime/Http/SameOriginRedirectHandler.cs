using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Infrastructure;

namespace TokenGen;

/// <summary>
/// Follows redirects that stay within the origin (scheme, host and port) a request was sent to, and no others: a token
/// API that answers 307 with a <c>Location</c> on another host or port does not get the request's secrets re-sent there.
/// </summary>
/// <remarks>
/// <para>
/// <b>What is followed.</b> 301, 302, 303, 307 and 308 with a <c>Location</c> (absolute, or relative to the request URI)
/// in the same origin, checked again at every hop, up to <see cref="MaxRedirects"/> hops. 307 and 308 keep the method and
/// send the same body again — only when it can be sent again (none, a <see cref="ByteArrayContent"/> such as the bodies
/// generated clients build, a <see cref="ReadOnlyMemoryContent"/>, or multipart content of those). 303, and 301 or 302
/// to a <c>POST</c>, continue as a <c>GET</c> without the body, as browsers and <see cref="HttpClientHandler"/> do. The
/// request's headers go along: the origin is the same server that received them.
/// </para>
/// <para>
/// <b>What is not.</b> A redirect to another origin — another host, another port, or <c>http</c> from <c>https</c> — and
/// one that would exceed <see cref="MaxRedirects"/> or would have to resend a body that cannot be resent: the 3xx answer
/// reaches the caller as it came. A generated client turns it into a <see cref="TokenApiException"/> whose
/// <see cref="TokenApiException.RedirectLocation"/> says where it pointed; nothing was sent there.
/// </para>
/// <para>
/// <b>The handler below must not follow redirects itself</b>, or it would follow them all before this one sees any:
/// give it a <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/> with <c>AllowAutoRedirect = false</c>.
/// Those two are checked when the first request is sent; <see cref="TokenApiHttpClient.CreatePrimaryHandler"/> builds a right
/// one. <see cref="TokenApiHttpClient.Create"/> uses this handler, and so does <c>AddTokenApiClient</c> of
/// TokenGen.Extensions.Http.
/// </para>
/// </remarks>
public sealed class SameOriginRedirectHandler : DelegatingHandler
{
    /// <summary>The default of <see cref="MaxRedirects"/>.</summary>
    public const int DefaultMaxRedirects = 10;

    private bool _innerHandlerChecked;

    /// <summary>
    /// Creates a handler whose <see cref="DelegatingHandler.InnerHandler"/> is set later: by an <c>IHttpClientFactory</c>
    /// pipeline, or by hand (<c>new SameOriginRedirectHandler { InnerHandler = TokenApiHttpClient.CreatePrimaryHandler() }</c>).
    /// </summary>
    public SameOriginRedirectHandler()
    {
    }

    /// <summary>Creates a handler over <paramref name="innerHandler"/>, which must not follow redirects itself.</summary>
    /// <param name="innerHandler">The handler that sends each hop.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerHandler"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="innerHandler"/> follows redirects itself.</exception>
    public SameOriginRedirectHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        ArgumentNullException.ThrowIfNull(innerHandler);
        ThrowIfFollowsRedirects(innerHandler, nameof(innerHandler));
        _innerHandlerChecked = true;
    }

    /// <summary>The most redirects followed for one request; past it the last 3xx answer reaches the caller. 10 unless set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxRedirects
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = DefaultMaxRedirects;

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureInnerHandlerChecked();

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        for (int hops = 0; hops < MaxRedirects && NextHop(request, response) is { } next; hops++)
        {
            response.Dispose();
            request.RequestUri = next;
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <inheritdoc/>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureInnerHandlerChecked();

        HttpResponseMessage response = base.Send(request, cancellationToken);
        for (int hops = 0; hops < MaxRedirects && NextHop(request, response) is { } next; hops++)
        {
            response.Dispose();
            request.RequestUri = next;
            response = base.Send(request, cancellationToken);
        }

        return response;
    }

    /// <summary>
    /// Where to send <paramref name="request"/> next, having changed its method and body as the status says; null when
    /// <paramref name="response"/> is not a redirect to follow, and then the request is left as it was.
    /// </summary>
    private static Uri? NextHop(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (!IsRedirect(response.StatusCode)
            || response.Headers.Location is not { } location
            || request.RequestUri is not { IsAbsoluteUri: true } current
            || !Uri.TryCreate(current, location, out Uri? next)
            || !Origins.AreSame(current, next))
        {
            return null;
        }

        bool keepsMethodAndBody = response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
        if (keepsMethodAndBody)
        {
            if (!HttpRules.CanResend(request.Content))
            {
                return null;
            }
        }
        else if (response.StatusCode == HttpStatusCode.SeeOther ? request.Method != HttpMethod.Head : request.Method == HttpMethod.Post)
        {
            request.Method = HttpMethod.Get;
            HttpContent? content = request.Content;
            request.Content = null;
            content?.Dispose();
        }

        return next;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>The inner handler may have been set through <see cref="DelegatingHandler.InnerHandler"/> after construction.</summary>
    private void EnsureInnerHandlerChecked()
    {
        if (!_innerHandlerChecked)
        {
            ThrowIfFollowsRedirects(InnerHandler, nameof(InnerHandler));
            _innerHandlerChecked = true;
        }
    }

    private static void ThrowIfFollowsRedirects(HttpMessageHandler? handler, string paramName)
    {
        bool follows = handler switch
        {
            SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
            HttpClientHandler client => client.AllowAutoRedirect,
            _ => false,
        };

        if (follows)
        {
            throw new ArgumentException(
                $"The inner handler follows redirects itself, to any origin, before {nameof(SameOriginRedirectHandler)} sees them; set its AllowAutoRedirect to false.",
                paramName);
        }
    }
}
