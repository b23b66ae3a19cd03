using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Infrastructure;

namespace TokenGen;

/// <summary>
/// Reads an answer's body into memory inside <see cref="TokenApiResilienceHandler"/>, so that a connection reset or a
/// truncation mid-body fails the attempt (and can be retried) instead of the caller's read.
/// </summary>
internal static class ResponseBuffer
{
    private const int InitialBufferBytes = 4096;

    /// <summary>
    /// Replaces the response's content with the same headers and its bytes in memory, at most <paramref name="limit"/>
    /// of them. A body that announces more is left as it is, unread; one that turns out larger while read is put back
    /// together — the bytes read, then the rest of the stream — and passed on unbuffered. Either way the caller reads the
    /// same bytes it would have read without the handler, and its own size limit decides.
    /// </summary>
    /// <returns>
    /// <see langword="true"/> when the body is in memory; <see langword="false"/> when it was too large and the caller
    /// reads it from the connection.
    /// </returns>
    /// <exception cref="HttpRequestException">
    /// The connection failed while the body was read (reset, truncated): the stream's <see cref="IOException"/> wrapped the
    /// way <see cref="HttpClient"/> and generated clients report a body they cannot read, naming the status and content
    /// type, never the bytes that arrived.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the body was read.</exception>
    internal static async ValueTask<bool> BufferAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        HttpContent content = response.Content;
        long? declaredLength = content.Headers.ContentLength;
        if (content is ByteArrayContent or ReadOnlyMemoryContent || declaredLength == 0 || HasNoBody(response))
        {
            // Already in memory, or nothing to read (a HEAD answer keeps its Content-Length as it came): no connection
            // left to fail.
            return true;
        }

        if (declaredLength > limit)
        {
            return false;
        }

        // One byte past the limit tells a body of exactly the limit from a larger one (or from one longer than announced).
        // The options keep limit + 1 within Array.MaxLength.
        long capacity = declaredLength is long known ? known + 1 : Math.Min(InitialBufferBytes, limit + 1);
        byte[] buffer = new byte[capacity];
        int length = 0;
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    // length <= limit here, so the new size is larger than the old one and fits an array.
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1));
                }

                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    response.Content = new PrefixedStreamContent(content, buffer.AsMemory(0, length), stream);
                    return false;
                }
            }
        }
        catch (IOException exception)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw BodyReadFailed(response, exception);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await stream.DisposeAsync().ConfigureAwait(false);
        var buffered = new ByteArrayContent(buffer, 0, length);
        CopyHeaders(content, buffered, skipContentLength: true);
        response.Content = buffered;
        content.Dispose();
        return true;
    }

    /// <summary>The failure a generated client's own read reports (see <c>ResponseReader</c>), so the handler changes nothing of it.</summary>
    private static HttpRequestException BodyReadFailed(HttpResponseMessage response, IOException exception)
    {
        // The server's media type, cleaned as the exceptions clean it, since this message is logged like theirs.
        string? mediaType = ServerText.Sanitize(response.Content.Headers.ContentType?.MediaType, TokenApiContentException.MaxContentTypeChars);
        string message = string.Create(
            CultureInfo.InvariantCulture,
            $"The connection failed while the body of the answer ({(int)response.StatusCode}, {(string.IsNullOrEmpty(mediaType) ? "no content type" : mediaType)}) was read; what arrived of it was dropped.");
        HttpRequestError error = exception is HttpIOException httpIOException ? httpIOException.HttpRequestError : HttpRequestError.ResponseEnded;
        return new HttpRequestException(error, message, exception);
    }

    /// <summary>Answers that never have a body, whatever their <c>Content-Length</c> says (RFC 9110, section 6.4.1).</summary>
    private static bool HasNoBody(HttpResponseMessage response) =>
        response.RequestMessage?.Method == HttpMethod.Head
        || response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotModified;

    /// <summary>Copies the content headers as they arrived, without parsing or validating them again.</summary>
    private static void CopyHeaders(HttpContent from, HttpContent to, bool skipContentLength)
    {
        foreach (KeyValuePair<string, HeaderStringValues> header in from.Headers.NonValidated)
        {
            // A buffered body computes its own length, which is the length that was read.
            if (skipContentLength && string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            to.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>
    /// A body the handler began to read and then left to the caller: the bytes already read, then the rest of the
    /// original stream. Owns the stream and the original content.
    /// </summary>
    private sealed class PrefixedStreamContent : HttpContent
    {
        private readonly HttpContent _original;
        private readonly ReadOnlyMemory<byte> _prefix;
        private readonly Stream _rest;
        private bool _streamHandedOut;

        public PrefixedStreamContent(HttpContent original, ReadOnlyMemory<byte> prefix, Stream rest)
        {
            _original = original;
            _prefix = prefix;
            _rest = rest;
            CopyHeaders(original, this, skipContentLength: false);
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(HandOut());

        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult<Stream>(HandOut());

        protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => HandOut();

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            Stream source = HandOut();
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            // The headers carry the Content-Length the server sent, if it sent one.
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _rest.Dispose();
                _original.Dispose();
            }

            base.Dispose(disposing);
        }

        /// <summary>The one stream over the whole body; like a connection's body, it can be read once.</summary>
        private PrefixedReadStream HandOut()
        {
            if (_streamHandedOut)
            {
                throw new InvalidOperationException("The response body was left unbuffered and can be read only once.");
            }

            _streamHandedOut = true;
            return new PrefixedReadStream(_prefix, _rest);
        }
    }

    /// <summary>Reads <c>prefix</c>, then <c>rest</c>.</summary>
    private sealed class PrefixedReadStream : Stream
    {
        private readonly Stream _rest;
        private ReadOnlyMemory<byte> _prefix;

        public PrefixedReadStream(ReadOnlyMemory<byte> prefix, Stream rest)
        {
            _prefix = prefix;
            _rest = rest;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (TryReadPrefix(buffer, out int copied))
            {
                return copied;
            }

            return _rest.Read(buffer);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (TryReadPrefix(buffer.Span, out int copied))
            {
                return new ValueTask<int>(copied);
            }

            return _rest.ReadAsync(buffer, cancellationToken);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _rest.Dispose();
            }

            base.Dispose(disposing);
        }

        private bool TryReadPrefix(Span<byte> buffer, out int copied)
        {
            if (_prefix.IsEmpty)
            {
                copied = 0;
                return false;
            }

            copied = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span.Slice(0, copied).CopyTo(buffer);
            _prefix = _prefix.Slice(copied);
            return true;
        }
    }
}
