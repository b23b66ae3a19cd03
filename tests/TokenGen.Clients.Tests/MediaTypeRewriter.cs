using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.Tests;

/// <summary>
/// A handler in the caller's pipeline that relabels every request body with another media type, as a misconfigured
/// proxy or middleware would. The generated clients always label their bodies correctly, so this is the only way to
/// see how they report a server's 415 without writing the request by hand.
/// </summary>
internal sealed class MediaTypeRewriter(string mediaType) : DelegatingHandler(new HttpClientHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
