using System;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Infrastructure;

/// <summary>
/// Carries <see cref="HttpClient.Timeout"/> over the reading of an answer's body. For generated clients.
/// </summary>
/// <remarks>
/// <para>
/// Generated clients send with <see cref="HttpCompletionOption.ResponseHeadersRead"/> so they can stop reading a body at
/// their size limit, and with that option <see cref="HttpClient"/>'s own timeout ends when the headers arrive: a server
/// that sends headers and then stalls would hold the call for as long as the connection lives. A call's deadline is
/// taken when it is sent, and <see cref="ResponseReader"/> holds the body read to what is left of it: when the deadline
/// passes, the body's reads are cancelled and its stream closed, which ends a waiting read, and the call fails as
/// <see cref="HttpClient"/> reports its own timeout: a <see cref="TaskCanceledException"/> whose inner exception is a
/// <see cref="TimeoutException"/>.
/// </para>
/// <para>
/// Taking it costs a value type and one read of <see cref="Environment.TickCount64"/> (a few nanoseconds, where the
/// precise timestamp costs about 25 on Linux; a timeout is seconds, so milliseconds are precise enough). An answer
/// already in memory is parsed in place and needs nothing more; a body read from a stream under a finite timeout costs
/// one cancellation source and its timer.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct CallDeadline
{
    private readonly long _startedAt;
    private readonly TimeSpan _timeout;

    private CallDeadline(long startedAt, TimeSpan timeout)
    {
        _startedAt = startedAt;
        _timeout = timeout;
    }

    /// <summary>No deadline: reads wait as long as the caller's token lets them.</summary>
    public static CallDeadline None => default;

    /// <summary>Whether the deadline bounds anything.</summary>
    internal bool IsBounded => _timeout > TimeSpan.Zero;

    /// <summary>What is left of the deadline; zero or less once it has passed.</summary>
    internal TimeSpan Remaining => _timeout - TimeSpan.FromMilliseconds(Environment.TickCount64 - _startedAt);

    /// <summary>Takes the deadline of a call sent now through <paramref name="httpClient"/>: its <see cref="HttpClient.Timeout"/> from now.</summary>
    /// <param name="httpClient">The client whose timeout bounds the call.</param>
    /// <returns>The deadline; <see cref="None"/> when the timeout is infinite.</returns>
    public static CallDeadline Start(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        TimeSpan timeout = httpClient.Timeout;
        return timeout == Timeout.InfiniteTimeSpan ? None : new CallDeadline(Environment.TickCount64, timeout);
    }

    /// <summary>The exception of a call whose deadline passed, shaped as <see cref="HttpClient"/> reports its own timeout.</summary>
    internal TaskCanceledException CreateTimeoutException(Exception? readFailure)
    {
        string seconds = _timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        var timeout = new TimeoutException("The answer's body did not arrive before the deadline.", readFailure);
        return new TaskCanceledException(
            $"The request was canceled due to the configured HttpClient.Timeout of {seconds} seconds elapsing.",
            timeout);
    }

    /// <summary>
    /// The cancellation of one body's reads: <paramref name="cancellationToken"/>, or the deadline passing, whichever comes
    /// first. Made only for a bounded deadline, before the body's first read.
    /// </summary>
    internal BodyReadGuard Guard(Stream stream, CancellationToken cancellationToken)
    {
        TimeSpan remaining = Remaining;
        return new BodyReadGuard(stream, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken);
    }

    /// <summary>
    /// Ends a body's reads when the deadline passes; <see cref="HasFired"/> tells a failure it caused from any other.
    /// </summary>
    /// <remarks>
    /// The reads are cancelled, not only the stream closed: closing <see cref="SocketsHttpHandler"/>'s response stream with
    /// a read waiting starts a drain of the connection, and the waiting read ends only when the drain gives up, after the
    /// handler's <see cref="SocketsHttpHandler.ResponseDrainTimeout"/> (2 s by default, and whatever the app set). A
    /// cancelled read aborts the connection at once. The stream is closed as well, for streams that do not watch the
    /// token.
    /// </remarks>
    internal sealed class BodyReadGuard : IDisposable
    {
        private readonly CancellationTokenSource _source;
        private readonly CancellationToken _callerToken;
        private readonly CancellationTokenRegistration _closeStream;

        internal BodyReadGuard(Stream stream, TimeSpan dueTime, CancellationToken callerToken)
        {
            _callerToken = callerToken;
            _source = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
            _closeStream = _source.Token.UnsafeRegister(static state => ((Stream)state!).Dispose(), stream);

            // Real time, as HttpClient.Timeout is.
            _source.CancelAfter(dueTime);
        }

        /// <summary>The token every read of the body is given.</summary>
        internal CancellationToken Token => _source.Token;

        /// <summary>Whether the deadline passed (and not the caller's cancellation) and the reads were ended.</summary>
        internal bool HasFired => _source.IsCancellationRequested && !_callerToken.IsCancellationRequested;

        public void Dispose()
        {
            _closeStream.Dispose();
            _source.Dispose();
        }
    }
}
