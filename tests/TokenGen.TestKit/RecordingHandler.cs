using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.TestKit;

/// <summary>
/// Stands in for the network: records every request exactly as the client handed it over (method, URI, headers in
/// order, body bytes read eagerly inside <c>SendAsync</c>, while the content is certainly alive) and answers from a
/// script, through a delegate, or with <see cref="Response"/>. Nothing leaves the process.
/// </summary>
/// <remarks>
/// The answer for a request is, in order: <see cref="Respond"/> when set; else the next scripted answer
/// (<see cref="Answer(CannedResponse)"/>; the last one repeats once the script runs out); else <see cref="Response"/>.
/// </remarks>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly RecordedRequests _requests = new();
    private readonly Queue<CannedResponse> _script = new();
    private readonly TaskCompletionSource _requestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _bodyReadStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CannedResponse? _lastScripted;
    private int _count;

    /// <summary>A handler that answers an empty 200 until told otherwise.</summary>
    public RecordingHandler()
    {
    }

    /// <summary>A handler that answers every request through <paramref name="respond"/>.</summary>
    public RecordingHandler(Func<RecordedRequest, HttpResponseMessage> respond) => Respond = respond;

    /// <summary>What the handler answers when there is neither a delegate nor a script; an empty 200 unless set.</summary>
    public CannedResponse Response { get; set; } = new();

    /// <summary>When set, builds the answer to each request (its <c>RequestMessage</c> is set by the handler if left null).</summary>
    public Func<RecordedRequest, HttpResponseMessage>? Respond { get; set; }

    /// <summary>Every request received, in order (thread-safe; <see cref="RecordedRequests.Clear"/> forgets them).</summary>
    public RecordedRequests Requests => _requests;

    /// <summary>The one request received.</summary>
    /// <exception cref="InvalidOperationException">There was not exactly one.</exception>
    public RecordedRequest Single
    {
        get
        {
            RecordedRequest[] all = _requests.ToArray();
            return all.Length == 1 ? all[0] : throw new InvalidOperationException($"Expected exactly one request, but {all.Length} arrived.");
        }
    }

    /// <summary>Completes when the first request has been recorded.</summary>
    public Task RequestArrived => _requestArrived.Task;

    /// <summary>Completes when a client first reads a stalled body (see <see cref="CannedResponse.StallBodyUntilCancelled"/>).</summary>
    public Task BodyReadStarted => _bodyReadStarted.Task;

    /// <summary>Whether the token passed to the handler was cancelled while it waited.</summary>
    public bool SawCancellation { get; private set; }

    /// <summary>The body stream of the last streamed answer, to see how much of it the client read.</summary>
    public TestStream? LastStream { get; private set; }

    /// <summary>Adds <paramref name="answer"/> to the script.</summary>
    public RecordingHandler Answer(CannedResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (_script)
        {
            _script.Enqueue(answer);
        }

        return this;
    }

    /// <summary>Adds a JSON answer (no body when <paramref name="json"/> is null) to the script.</summary>
    public RecordingHandler Answer(HttpStatusCode status, string? json) =>
        Answer(json is null ? new CannedResponse { StatusCode = status } : CannedResponse.Json(json, status));

    /// <summary>Adds a 200 JSON answer to the script.</summary>
    public RecordingHandler Answer(string json) => Answer(HttpStatusCode.OK, json);

    /// <summary>Adds an OAuth 2.0 error answer (<c>{"error":"…"}</c>) to the script.</summary>
    public RecordingHandler Error(string error, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        Answer(status, $$"""{"error":"{{error}}"}""");

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[]? body = null;
        if (request.Content is not null)
        {
            // Read before anything else, while the request (and its content) is certainly alive.
            body = await request.Content.ReadAsByteArrayAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var recorded = new RecordedRequest(
            Interlocked.Increment(ref _count),
            request.Method,
            request.RequestUri ?? throw new InvalidOperationException("A request reached the wire without a URI."),
            [.. request.Headers.Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray()))],
            request.Content?.Headers.Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray())).ToArray(),
            request.Content?.Headers.ContentType?.ToString(),
            request.Content?.Headers.ContentLength,
            request.Content,
            body);
        _requests.Add(recorded);
        _requestArrived.TrySetResult();

        if (Respond is { } respond)
        {
            HttpResponseMessage answer = respond(recorded);
            answer.RequestMessage ??= request;
            return answer;
        }

        CannedResponse plan;
        lock (_script)
        {
            if (_script.Count > 0)
            {
                _lastScripted = _script.Dequeue();
            }

            plan = _lastScripted ?? Response;
        }

        if (plan.WaitForCancellation)
        {
            try
            {
                // A guard, not a timing assertion: a client that never cancels gets an answer and fails its test.
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }
        }

        return Build(plan, request);
    }

    private HttpResponseMessage Build(CannedResponse plan, HttpRequestMessage request)
    {
        var response = new HttpResponseMessage(plan.StatusCode)
        {
            RequestMessage = request, // as every real handler does
            Version = HttpVersion.Version11,
        };
        if (plan.ReasonPhrase is not null)
        {
            response.ReasonPhrase = plan.ReasonPhrase;
        }

        HttpContent content;
        if (plan.StallBodyUntilCancelled || plan.OmitContentLength)
        {
            TestStream stream = plan.StallBodyUntilCancelled
                ? TestStream.Stalling(onStalledRead: () => _bodyReadStarted.TrySetResult())
                : TestStream.Of(plan.Body, plan.ChunkSize);
            LastStream = stream;
            content = new UnknownLengthContent(stream);
        }
        else
        {
            content = new ByteArrayContent(plan.Body);
        }

        if (plan.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", plan.ContentType);
        }

        response.Content = content;
        foreach (var (name, value) in plan.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                throw new InvalidOperationException($"The response header {name} could not be added.");
            }
        }

        plan.ConfigureHeaders?.Invoke(response.Headers);
        return response;
    }
}

/// <summary>The requests a <see cref="RecordingHandler"/> received, in order; safe to read while requests arrive.</summary>
public sealed class RecordedRequests : IReadOnlyList<RecordedRequest>
{
    private readonly List<RecordedRequest> _items = [];

    /// <inheritdoc />
    public int Count
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    /// <inheritdoc />
    public RecordedRequest this[int index]
    {
        get
        {
            lock (_items)
            {
                return _items[index];
            }
        }
    }

    /// <summary>Forgets every request recorded so far (numbering goes on).</summary>
    public void Clear()
    {
        lock (_items)
        {
            _items.Clear();
        }
    }

    /// <summary>A snapshot of the requests.</summary>
    public RecordedRequest[] ToArray()
    {
        lock (_items)
        {
            return [.. _items];
        }
    }

    /// <inheritdoc />
    public IEnumerator<RecordedRequest> GetEnumerator() => ((IEnumerable<RecordedRequest>)ToArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(RecordedRequest request)
    {
        lock (_items)
        {
            _items.Add(request);
        }
    }
}

/// <summary>One request as the <see cref="RecordingHandler"/> received it.</summary>
/// <param name="Number">Its place among the handler's requests, from 1.</param>
/// <param name="Method">The method.</param>
/// <param name="Uri">The request URI as sent.</param>
/// <param name="Headers">The request headers, in the order they were added.</param>
/// <param name="ContentHeaders">The content headers, or null without content.</param>
/// <param name="ContentType">The raw <c>Content-Type</c>, or null.</param>
/// <param name="ContentLength">The declared <c>Content-Length</c>, or null.</param>
/// <param name="Content">The content object itself (to check what kind the client built).</param>
/// <param name="BodyBytes">The body as sent, or null without content.</param>
public sealed record RecordedRequest(
    int Number,
    HttpMethod Method,
    Uri Uri,
    IReadOnlyList<KeyValuePair<string, string[]>> Headers,
    IReadOnlyList<KeyValuePair<string, string[]>>? ContentHeaders,
    string? ContentType,
    long? ContentLength,
    HttpContent? Content,
    byte[]? BodyBytes)
{
    /// <summary>The absolute URI.</summary>
    public string AbsoluteUri => Uri.AbsoluteUri;

    /// <summary>The URI as the client wrote it.</summary>
    public string OriginalString => Uri.OriginalString;

    /// <summary>The path and query.</summary>
    public string PathAndQuery => Uri.PathAndQuery;

    /// <summary>The <c>Authorization</c> header as sent, or null.</summary>
    public string? Authorization => Header("Authorization") is { } values ? string.Join(", ", values) : null;

    /// <summary>The body as UTF-8 text; empty without content.</summary>
    public string Body => BodyBytes is null ? "" : Encoding.UTF8.GetString(BodyBytes);

    /// <summary>The body as UTF-8 text.</summary>
    /// <exception cref="InvalidOperationException">The request had no content.</exception>
    public string BodyText => BodyBytes is null ? throw new InvalidOperationException("The request had no content.") : Encoding.UTF8.GetString(BodyBytes);

    /// <summary>The request header names in the order they were added.</summary>
    public IReadOnlyList<string> HeaderNames => [.. Headers.Select(h => h.Key)];

    /// <summary>The values of one request header, or null when it was not sent.</summary>
    public string[]? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();
}

/// <summary>How the <see cref="RecordingHandler"/> answers.</summary>
public sealed class CannedResponse
{
    /// <summary>The status; 200 unless set.</summary>
    public HttpStatusCode StatusCode { get; init; } = HttpStatusCode.OK;

    /// <summary>The reason phrase, or null for the default.</summary>
    public string? ReasonPhrase { get; init; }

    /// <summary>The body bytes.</summary>
    public byte[] Body { get; init; } = [];

    /// <summary>The raw <c>Content-Type</c> header, or null for none.</summary>
    public string? ContentType { get; init; }

    /// <summary>Response headers added as they are, for example <c>("Retry-After", "7")</c>.</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>Sets response headers that need a typed value, such as a <c>Retry-After</c> date.</summary>
    public Action<HttpResponseHeaders>? ConfigureHeaders { get; init; }

    /// <summary>Streams the body in chunks from a non-seekable stream, with no <c>Content-Length</c>.</summary>
    public bool OmitContentLength { get; init; }

    /// <summary>The most bytes one read of a streamed body returns.</summary>
    public int ChunkSize { get; init; } = 4096;

    /// <summary>The handler waits (on the request's cancellation token) before answering.</summary>
    public bool WaitForCancellation { get; init; }

    /// <summary>The headers arrive at once, but the body never does until the read is cancelled.</summary>
    public bool StallBodyUntilCancelled { get; init; }

    /// <summary>A JSON answer (<c>application/json; charset=utf-8</c>).</summary>
    public static CannedResponse Json(string json, HttpStatusCode status = HttpStatusCode.OK) => new()
    {
        StatusCode = status,
        Body = Encoding.UTF8.GetBytes(json),
        ContentType = "application/json; charset=utf-8",
    };

    /// <summary>A text answer.</summary>
    public static CannedResponse Text(string text, HttpStatusCode status = HttpStatusCode.OK, string contentType = "text/plain; charset=utf-8") => new()
    {
        StatusCode = status,
        Body = Encoding.UTF8.GetBytes(text),
        ContentType = contentType,
    };
}

/// <summary>Content whose length is unknown (no <c>Content-Length</c>) and whose stream is handed out unbuffered.</summary>
/// <param name="body">The body, handed out as it is.</param>
public sealed class UnknownLengthContent(Stream body) : HttpContent
{
    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => body.CopyToAsync(stream);

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        body.CopyToAsync(stream, cancellationToken);

    /// <inheritdoc />
    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(body);

    /// <inheritdoc />
    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult(body);

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.Dispose();
        }

        base.Dispose(disposing);
    }
}
