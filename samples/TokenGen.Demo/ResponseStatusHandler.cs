using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Demo;

/// <summary>
/// Records the HTTP status of the answer to each demo step. The generated clients return the model and throw on a
/// non-success status, which is what callers want; the table should still show the status the service really sent
/// (200, 201, …) rather than one assumed from the docs, so the demo reads it off the wire here.
/// </summary>
internal sealed class ResponseStatusHandler : DelegatingHandler
{
    // An AsyncLocal rather than a field: the capture follows the step's own async flow, so it stays right even if
    // flows someday run concurrently over the one HttpClient.
    private static readonly AsyncLocal<StatusCapture?> s_current = new();

    /// <summary>Wraps the handler that really sends.</summary>
    /// <param name="innerHandler">The sending handler.</param>
    public ResponseStatusHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <summary>Starts recording for the calling async flow; what it sends from here on lands in the returned capture.</summary>
    /// <returns>The capture the next answer's status is written to.</returns>
    public static StatusCapture BeginCapture()
    {
        var capture = new StatusCapture();
        s_current.Value = capture;
        return capture;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        s_current.Value?.Record(response.StatusCode, response.ReasonPhrase);
        return response;
    }
}

/// <summary>
/// The statuses of the answers one step received, as <c>200 OK</c>. A raw-flow step makes one request; one call of a
/// token session can make two (a refused refresh, then an acquire), so all are kept in order.
/// </summary>
internal sealed class StatusCapture
{
    private readonly List<string> _all = [];

    /// <summary>The last status, or <see langword="null"/> when no answer arrived (connection refused, timeout).</summary>
    public string? Status => _all.Count > 0 ? _all[^1] : null;

    /// <summary>Every status, in the order the answers arrived.</summary>
    public IReadOnlyList<string> All => _all;

    /// <summary>Records an answer's status.</summary>
    /// <param name="code">The status code.</param>
    /// <param name="reasonPhrase">The reason phrase the server sent; HTTP/2 and later send none, so the code's name stands in.</param>
    public void Record(HttpStatusCode code, string? reasonPhrase)
    {
        var reason = string.IsNullOrEmpty(reasonPhrase) ? code.ToString() : reasonPhrase;
        _all.Add(string.Create(CultureInfo.InvariantCulture, $"{(int)code} {reason}"));
    }
}
