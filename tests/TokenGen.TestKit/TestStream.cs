using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.TestKit;

/// <summary>
/// A non-seekable body as a network gives one: its bytes in chunks, then the end, more of one byte forever, a failure
/// (as a reset connection gives), or reads that stall until cancelled; counting what it served and telling what it saw.
/// </summary>
public sealed class TestStream : Stream
{
    private const string ResetMessage = "Unable to read data from the transport connection: Connection reset by peer.";

    /// <summary>A stalled read's guard, not a timing assertion: a reader that never cancels gets the end and fails its test.</summary>
    private static readonly TimeSpan s_stallGuard = TimeSpan.FromSeconds(30);

    private readonly byte[] _data;
    private readonly int _chunkSize;
    private readonly Tail _tail;
    private readonly byte _fill;
    private readonly Exception? _failure;
    private readonly Action? _onStalledRead;
    private readonly TaskCompletionSource _readStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _disposed = new();
    private long _served;
    private int _readCalls;

    private TestStream(byte[] data, int chunkSize, Tail tail, byte fill = 0, Exception? failure = null, Action? onStalledRead = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        _data = data;
        _chunkSize = chunkSize;
        _tail = tail;
        _fill = fill;
        _failure = failure;
        _onStalledRead = onStalledRead;
    }

    private enum Tail
    {
        End,
        Endless,
        Fail,
        Stall,
    }

    /// <summary>How many bytes readers have been given.</summary>
    public long BytesServed => Interlocked.Read(ref _served);

    /// <summary>How many reads were asked of it.</summary>
    public int ReadCalls => Volatile.Read(ref _readCalls);

    /// <summary>Completes when the first read starts.</summary>
    public Task ReadStarted => _readStarted.Task;

    /// <summary>Whether a stalled read saw its cancellation.</summary>
    public bool SawCancellation { get; private set; }

    /// <summary>Whether a stalled read ended because the stream was disposed under it, as a socket's stream ends.</summary>
    public bool SawDisposal { get; private set; }

    /// <summary>Whether the stream was disposed.</summary>
    public bool IsDisposed => _disposed.IsCancellationRequested;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Serves <paramref name="data"/>, at most <paramref name="chunkSize"/> bytes a read, then ends.</summary>
    public static TestStream Of(byte[] data, int chunkSize = 4096) => new(data, chunkSize, Tail.End);

    /// <summary>Serves <paramref name="total"/> bytes of <paramref name="fill"/>, at most <paramref name="chunkSize"/> a read, then ends.</summary>
    public static TestStream Of(int total, byte fill, int chunkSize)
    {
        var data = new byte[total];
        data.AsSpan().Fill(fill);
        return new(data, chunkSize, Tail.End);
    }

    /// <summary>Serves <paramref name="fill"/> forever, at most <paramref name="chunkSize"/> bytes a read.</summary>
    public static TestStream Endless(byte fill, int chunkSize = 8192) => new([], chunkSize, Tail.Endless, fill);

    /// <summary>Serves <paramref name="data"/>, then fails the next read with <paramref name="failure"/> (a connection reset unless given).</summary>
    public static TestStream FailingAfter(byte[] data, IOException? failure = null, int chunkSize = int.MaxValue) =>
        new(data, chunkSize, Tail.Fail, failure: failure ?? new IOException(ResetMessage));

    /// <summary>Fails every read with <paramref name="failure"/> (a connection reset unless given).</summary>
    public static TestStream Failing(IOException? failure = null) => FailingAfter([], failure ?? new IOException("The connection was reset."));

    /// <summary>
    /// Every read stalls until it is cancelled or the stream is disposed; <paramref name="onStalledRead"/> is told as each
    /// stalled read starts (to say that something is now blocked on a clock, say).
    /// </summary>
    public static TestStream Stalling(Action? onStalledRead = null) => new([], 1, Tail.Stall, onStalledRead: onStalledRead);

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        Interlocked.Increment(ref _readCalls);
        _readStarted.TrySetResult();
        return _tail == Tail.Stall ? throw new NotSupportedException("A synchronous read of a stalled body would block forever.") : Serve(buffer);
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _readCalls);
        _readStarted.TrySetResult();
        if (_tail == Tail.Stall)
        {
            return StallAsync(cancellationToken);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<int>(cancellationToken);
        }

        try
        {
            return new ValueTask<int>(Serve(buffer.Span));
        }
        catch (IOException exception)
        {
            return ValueTask.FromException<int>(exception);
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed.Cancel();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> StallAsync(CancellationToken cancellationToken)
    {
        _onStalledRead?.Invoke();
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        try
        {
            await Task.Delay(s_stallGuard, stalled.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Disposed while the read waited: a network stream fails the read the same way.
            SawDisposal = true;
            throw new ObjectDisposedException(nameof(TestStream));
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

    private int Serve(Span<byte> destination)
    {
        long position = Interlocked.Read(ref _served);
        int count;
        if (position < _data.Length)
        {
            count = (int)Math.Min(Math.Min(destination.Length, _chunkSize), _data.Length - position);
            _data.AsSpan((int)position, count).CopyTo(destination);
        }
        else if (_tail == Tail.Endless)
        {
            count = Math.Min(destination.Length, _chunkSize);
            destination[..count].Fill(_fill);
        }
        else if (_tail == Tail.Fail)
        {
            throw _failure!;
        }
        else
        {
            return 0;
        }

        Interlocked.Add(ref _served, count);
        return count;
    }
}
