using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Benchmarks.Calls;

/// <summary>
/// An in-memory server for one operation: every request gets the same canned answer, so a per-call benchmark measures
/// only the client's own work (building the request, reading the answer) and every client pays the same for the rest.
/// </summary>
/// <remarks>
/// The request body is read to the end, as a transport would send it, so content that serializes lazily when it is sent
/// (<c>JsonContent</c>) pays for its serialization as content serialized up front does. The answer's content type goes
/// in unparsed, as a real transport hands it over. With <see cref="Record"/> on, each request is also captured, which is
/// how the benchmarks check that the four clients send the same request; it is off while they are measured.
/// </remarks>
internal sealed class CannedAnswerHandler : HttpMessageHandler
{
    private readonly byte[] _body;
    private readonly string _mediaType;

    public CannedAnswerHandler(string body, string mediaType)
    {
        _body = Encoding.UTF8.GetBytes(body);
        _mediaType = mediaType;
    }

    /// <summary>Whether to capture the next requests into <see cref="Recorded"/>.</summary>
    public bool Record { get; set; }

    /// <summary>The requests captured while <see cref="Record"/> was on.</summary>
    public List<RecordedRequest> Recorded { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Record)
        {
            return RecordAndAnswerAsync(request, cancellationToken);
        }

        if (request.Content is { } content)
        {
            Task sent = content.CopyToAsync(Stream.Null, cancellationToken);
            if (!sent.IsCompletedSuccessfully)
            {
                return AnswerAfterAsync(sent, request);
            }
        }

        return Task.FromResult(Answer(request));
    }

    private async Task<HttpResponseMessage> AnswerAfterAsync(Task sent, HttpRequestMessage request)
    {
        await sent.ConfigureAwait(false);
        return Answer(request);
    }

    private async Task<HttpResponseMessage> RecordAndAnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Recorded.Add(await RecordedRequest.CaptureAsync(request, cancellationToken).ConfigureAwait(false));
        return Answer(request);
    }

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var content = new ByteArrayContent(_body);
        content.Headers.TryAddWithoutValidation("Content-Type", _mediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content };
    }
}

/// <summary>What a client sent, in a form two clients' requests can be compared in.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The absolute request URI.</param>
/// <param name="Headers">The request headers as <c>name: value</c> lines, sorted by name.</param>
/// <param name="ContentMediaType">The body's media type without parameters (a <c>charset</c> is the clients' own choice).</param>
/// <param name="Body">The body as text; empty when there is none.</param>
internal sealed record RecordedRequest(string Method, string Uri, string Headers, string? ContentMediaType, string Body)
{
    public static async Task<RecordedRequest> CaptureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string headers = string.Join(
            "\n",
            request.Headers
                .OrderBy(header => header.Key, StringComparer.OrdinalIgnoreCase)
                .Select(header => $"{header.Key.ToLowerInvariant()}: {string.Join(", ", header.Value)}"));
        string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new RecordedRequest(
            request.Method.Method,
            request.RequestUri?.AbsoluteUri ?? "",
            headers,
            request.Content?.Headers.ContentType?.MediaType,
            body);
    }

    public override string ToString() =>
        $"{Method} {Uri}\n{Headers}\ncontent: {ContentMediaType ?? "(none)"}\n{Body}";
}
