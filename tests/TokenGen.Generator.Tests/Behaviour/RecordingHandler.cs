using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>
/// Stands in for the network: records every request exactly as the client handed it over (method, URI strings,
/// headers in order, body bytes read inside <see cref="SendAsync"/>) and answers with <see cref="Response"/>.
/// Nothing leaves the process.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly List<RecordedRequest> _requests = new();
    private readonly TaskCompletionSource _requestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _bodyReadStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the handler answers; an empty 200 unless set.</summary>
    public CannedResponse Response { get; set; } = new();

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>The one request received (fails the test when there was not exactly one).</summary>
    public RecordedRequest Single => Assert.Single(Requests);

    /// <summary>Completes when the first request has been recorded.</summary>
    public Task RequestArrived => _requestArrived.Task;

    /// <summary>Completes when a client first reads a stalled body (see <see cref="CannedResponse.StallBodyUntilCancelled"/>).</summary>
    public Task BodyReadStarted => _bodyReadStarted.Task;

    /// <summary>Whether the token passed to the handler was cancelled while it waited.</summary>
    public bool SawCancellation { get; private set; }

    /// <summary>The body stream of the last streamed answer, to see how much of it the client read.</summary>
    public ChunkedStream? LastStream { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[]? body = null;
        if (request.Content is not null)
        {
            // Read before anything else, while the request (and its content) is certainly alive.
            body = await request.Content.ReadAsByteArrayAsync(CancellationToken.None);
        }

        var recorded = new RecordedRequest(
            request.Method.Method,
            request.RequestUri?.AbsoluteUri,
            request.RequestUri?.OriginalString,
            request.RequestUri?.PathAndQuery,
            request.Headers.Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray())).ToArray(),
            request.Content?.Headers.Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray())).ToArray(),
            request.Content?.Headers.ContentType?.ToString(),
            request.Content?.Headers.ContentLength,
            request.Content,
            body);
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        _requestArrived.TrySetResult();

        CannedResponse plan = Response;
        if (plan.WaitForCancellation)
        {
            try
            {
                // A guard, not a timing assertion: a client that never cancels gets an answer and fails its test.
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }
        }

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
            var stream = new ChunkedStream(plan.Body, plan.ChunkSize, plan.StallBodyUntilCancelled ? _bodyReadStarted : null);
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
            Assert.True(response.Headers.TryAddWithoutValidation(name, value), $"The response header {name} could not be added.");
        }

        plan.ConfigureHeaders?.Invoke(response.Headers);
        return response;
    }
}

/// <summary>One request as the handler received it.</summary>
public sealed record RecordedRequest(
    string Method,
    string? AbsoluteUri,
    string? OriginalString,
    string? PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string[]>> Headers,
    IReadOnlyList<KeyValuePair<string, string[]>>? ContentHeaders,
    string? ContentType,
    long? ContentLength,
    HttpContent? Content,
    byte[]? Body)
{
    /// <summary>The body as UTF-8 text (fails when there was no content).</summary>
    public string BodyText => Encoding.UTF8.GetString(Body ?? throw new Xunit.Sdk.XunitException("The request had no content."));

    /// <summary>The request header names in the order they were added.</summary>
    public IReadOnlyList<string> HeaderNames => Headers.Select(h => h.Key).ToArray();

    /// <summary>The values of one request header, or null when it was not sent.</summary>
    public string[]? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();
}

/// <summary>How the <see cref="RecordingHandler"/> answers.</summary>
public sealed class CannedResponse
{
    public HttpStatusCode StatusCode { get; init; } = HttpStatusCode.OK;

    public string? ReasonPhrase { get; init; }

    public byte[] Body { get; init; } = Array.Empty<byte>();

    /// <summary>The raw <c>Content-Type</c> header, or null for none.</summary>
    public string? ContentType { get; init; }

    /// <summary>Response headers added as they are, for example <c>("Retry-After", "7")</c>.</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = Array.Empty<(string, string)>();

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

    public static CannedResponse Json(string json, HttpStatusCode status = HttpStatusCode.OK) => new()
    {
        StatusCode = status,
        Body = Encoding.UTF8.GetBytes(json),
        ContentType = "application/json; charset=utf-8",
    };

    public static CannedResponse Text(string text, HttpStatusCode status = HttpStatusCode.OK, string contentType = "text/plain; charset=utf-8") => new()
    {
        StatusCode = status,
        Body = Encoding.UTF8.GetBytes(text),
        ContentType = contentType,
    };
}

/// <summary>Content whose length is unknown (no <c>Content-Length</c>) and whose stream is handed out unbuffered.</summary>
public sealed class UnknownLengthContent : HttpContent
{
    private readonly Stream _stream;

    public UnknownLengthContent(Stream stream) => _stream = stream;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _stream.CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _stream.CopyToAsync(stream, cancellationToken);

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(_stream);

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult(_stream);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// A non-seekable stream that serves its bytes at most <c>chunkSize</c> per read, counting what it served; or one
/// that stalls every read until the read is cancelled.
/// </summary>
public sealed class ChunkedStream : Stream
{
    private readonly byte[] _data;
    private readonly int _chunkSize;
    private readonly TaskCompletionSource? _stalledReadStarted;
    private readonly CancellationTokenSource _disposed = new();
    private int _position;

    /// <param name="data">The bytes served.</param>
    /// <param name="chunkSize">The most bytes one read returns.</param>
    /// <param name="stalledReadStarted">When set, every read stalls until cancelled, and this completes as the first one starts.</param>
    public ChunkedStream(byte[] data, int chunkSize, TaskCompletionSource? stalledReadStarted)
    {
        _data = data;
        _chunkSize = chunkSize;
        _stalledReadStarted = stalledReadStarted;
    }

    /// <summary>How many bytes readers have been given.</summary>
    public long BytesServed => Volatile.Read(ref _position);

    /// <summary>Whether a stalled read saw its cancellation.</summary>
    public bool SawCancellation { get; private set; }

    /// <summary>Whether a stalled read ended because the stream was disposed under it, as a socket's stream ends.</summary>
    public bool SawDisposal { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Serve(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Serve(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_stalledReadStarted is not null)
        {
            _stalledReadStarted.TrySetResult();
            using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
            try
            {
                // A guard, not a timing assertion: a reader that never cancels gets an empty body and fails its test.
                await Task.Delay(TimeSpan.FromSeconds(30), stalled.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Disposed while the read waited: a network stream fails the read the same way.
                SawDisposal = true;
                throw new ObjectDisposedException(nameof(ChunkedStream));
            }
            catch (OperationCanceledException)
            {
                // Reported with the reader's own token, as a stream that only watched that token would.
                SawCancellation = true;
                cancellationToken.ThrowIfCancellationRequested();
                throw;
            }

            return 0;
        }

        return Serve(buffer.Span);
    }

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed.Cancel();
        }

        base.Dispose(disposing);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Serve(Span<byte> destination)
    {
        int count = Math.Min(Math.Min(destination.Length, _chunkSize), _data.Length - _position);
        _data.AsSpan(_position, count).CopyTo(destination);
        Volatile.Write(ref _position, _position + count);
        return count;
    }
}

/// <summary>Splits a <c>multipart/form-data</c> body into its parts' names and text values.</summary>
public static class Multipart
{
    public static IReadOnlyList<(string Name, string Value, string? ContentType)> Parse(RecordedRequest request)
    {
        var mediaType = MediaTypeHeaderValue.Parse(request.ContentType ?? throw new Xunit.Sdk.XunitException("No Content-Type."));
        Assert.Equal("multipart/form-data", mediaType.MediaType);
        string boundary = mediaType.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');

        string body = request.BodyText;
        string[] sections = body.Split("--" + boundary);
        Assert.True(sections.Length >= 2, "The body has no boundary lines.");
        Assert.StartsWith("--", sections[^1], StringComparison.Ordinal); // the closing delimiter

        var parts = new List<(string, string, string?)>();
        foreach (string section in sections.Skip(1).Take(sections.Length - 2))
        {
            Assert.StartsWith("\r\n", section, StringComparison.Ordinal);
            Assert.EndsWith("\r\n", section, StringComparison.Ordinal);
            string inner = section.Substring(2, section.Length - 4);
            int split = inner.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            Assert.True(split >= 0, "A part has no blank line after its headers.");
            string[] headerLines = inner.Substring(0, split).Split("\r\n");
            string value = inner.Substring(split + 4);

            string? name = null;
            string? contentType = null;
            foreach (string line in headerLines)
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                string headerName = line.Substring(0, colon).Trim();
                string headerValue = line.Substring(colon + 1).Trim();
                if (headerName.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
                {
                    var disposition = ContentDispositionHeaderValue.Parse(headerValue);
                    Assert.Equal("form-data", disposition.DispositionType);
                    name = disposition.Name?.Trim('"');
                }
                else if (headerName.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = headerValue;
                }
            }

            parts.Add((name ?? throw new Xunit.Sdk.XunitException("A part has no name."), value, contentType));
        }

        return parts;
    }
}
