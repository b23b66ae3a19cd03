using System.Net;
using System.Text;

namespace TokenGen.OAuth2.Tests.Infrastructure;

/// <summary>One request as it left the client: what an RFC example shows.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string Body);

/// <summary>
/// Records every request and answers from a script, in order (the last answer repeats). Answers are built per request,
/// so each carries its own content.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string? Json)> _script = new();
    private (HttpStatusCode Status, string? Json) _last = (HttpStatusCode.OK, "{}");

    public List<RecordedRequest> Requests { get; } = [];

    public RecordingHandler Answer(HttpStatusCode status, string? json)
    {
        _script.Enqueue((status, json));
        return this;
    }

    public RecordingHandler Answer(string json) => Answer(HttpStatusCode.OK, json);

    public RecordingHandler Error(string error, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        Answer(status, $$"""{"error":"{{error}}"}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri!,
                request.Headers.Authorization?.ToString(),
                request.Content?.Headers.ContentType?.ToString(),
                body));
            if (_script.Count > 0)
            {
                _last = _script.Dequeue();
            }
        }

        var response = new HttpResponseMessage(_last.Status) { RequestMessage = request };
        if (_last.Json is not null)
        {
            response.Content = new StringContent(_last.Json, Encoding.UTF8, "application/json");
        }

        return response;
    }
}
