using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Infrastructure;

/// <summary>
/// Hands over the bytes of an answer whose body is already in memory, without the stream and task a read through
/// <see cref="HttpContent.ReadAsStreamAsync(CancellationToken)"/> allocates for it.
/// </summary>
/// <remarks>
/// <para>
/// A <see cref="ByteArrayContent"/> (or <see cref="StringContent"/>) is what <see cref="TokenApiResilienceHandler"/>
/// buffers an answer into, and what in-memory handlers and test doubles answer with. Reading one through a stream costs
/// a <see cref="MemoryStream"/> and a <c>Task&lt;Stream&gt;</c> (136 bytes a call) only to copy bytes that are already
/// there. <see cref="HttpContent.CopyTo(Stream, System.Net.TransportContext?, CancellationToken)"/> of these types writes
/// its own array to the destination in one synchronous <see cref="Stream.Write(byte[], int, int)"/>, so a destination that
/// keeps the segment instead of copying it hands the bytes over as they are: no copy, nothing pooled, nothing to clear.
/// </para>
/// <para>
/// Only these exact types qualify: a type derived from them, or any other content, may write in several pieces, from a
/// pooled array, or from a stream that blocks, so it is read through its stream as before. The bytes belong to the
/// content and are only read, never written or returned anywhere.
/// </para>
/// </remarks>
internal static class InMemoryContent
{
    // One destination per thread, taken while in use, so a call re-entered on the same thread (which CopyTo of these
    // types does not do) would build its own rather than share one.
    [ThreadStatic]
    private static SegmentCapture? t_capture;

    /// <summary>
    /// Gets the bytes of <paramref name="content"/> when it is a <see cref="ByteArrayContent"/> or
    /// <see cref="StringContent"/>; otherwise returns <see langword="false"/> and the content is untouched.
    /// </summary>
    /// <param name="content">The answer's content.</param>
    /// <param name="bytes">The content's own bytes, to read only.</param>
    /// <returns>Whether the bytes were handed over.</returns>
    /// <exception cref="ObjectDisposedException">The content is disposed (as its stream would have thrown).</exception>
    internal static bool TryGetBytes(HttpContent content, out ArraySegment<byte> bytes)
    {
        Type type = content.GetType();
        if (type != typeof(ByteArrayContent) && type != typeof(StringContent))
        {
            bytes = default;
            return false;
        }

        SegmentCapture capture = t_capture ?? new SegmentCapture();
        t_capture = null;
        try
        {
            content.CopyTo(capture, context: null, CancellationToken.None);
            return capture.TryTake(out bytes);
        }
        finally
        {
            capture.Reset();
            t_capture = capture;
        }
    }

    /// <summary>A write-only stream that keeps the one segment written to it instead of copying it.</summary>
    private sealed class SegmentCapture : Stream
    {
        private ArraySegment<byte> _segment;
        private int _writes;

        // Anything but one write of an array (several writes, a span, a byte) is not kept: the caller reads the stream.
        private bool _unusable;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public bool TryTake(out ArraySegment<byte> bytes)
        {
            bytes = _segment;
            return !_unusable && _writes <= 1;
        }

        public void Reset()
        {
            // The segment is the content's array: not held past the call.
            _segment = default;
            _writes = 0;
            _unusable = false;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _writes++;
            _segment = new ArraySegment<byte>(buffer, offset, count);
        }

        // A span (or a byte) may live in a pooled or stack buffer, which cannot be kept.
        public override void Write(ReadOnlySpan<byte> buffer) => _unusable = true;

        public override void WriteByte(byte value) => _unusable = true;

        // Not called by CopyTo; refused rather than let the base class write on another thread.
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _unusable = true;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _unusable = true;
            return default;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
