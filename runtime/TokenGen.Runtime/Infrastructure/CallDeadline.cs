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
/// taken when it is sent, and <see cref="ResponseReader"/> holds the body read to what is left of it: when a read has to
/// wait and the deadline passes, the body's stream is closed, which ends the read, and the call fails as
/// <see cref="HttpClient"/> reports its own timeout: a <see cref="TaskCanceledException"/> whose inner exception is a
/// <see cref="TimeoutException"/>.
/// </para>
/// <para>
/// It costs nothing while the body is already there when read (a small answer usually is): a value type, one read of
/// <see cref="Environment.TickCount64"/> (a few nanoseconds, where the precise timestamp costs about 25 on Linux; a
/// timeout is seconds, so milliseconds are precise enough), and a timer only once a read actually waits.
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
    /// Closes <paramref name="stream"/> when the deadline passes, which ends a read waiting on it; made once per body, and
    /// only when a read has to wait.
    /// </summary>
    internal BodyReadGuard Guard(Stream stream)
    {
        TimeSpan remaining = Remaining;
        return new BodyReadGuard(stream, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
    }

    /// <summary>The timer of one body read; <see cref="HasFired"/> tells a failure it caused from any other.</summary>
    internal sealed class BodyReadGuard : IDisposable
    {
        private readonly Stream _stream;
        private readonly ITimer _timer;
        private int _fired;

        internal BodyReadGuard(Stream stream, TimeSpan dueTime)
        {
            _stream = stream;

            // Real time, as HttpClient.Timeout is; the timer holds the guard only until it is disposed.
            _timer = TimeProvider.System.CreateTimer(static state => ((BodyReadGuard)state!).Fire(), this, dueTime, Timeout.InfiniteTimeSpan);
        }

        /// <summary>Whether the deadline passed and the stream was closed.</summary>
        internal bool HasFired => Volatile.Read(ref _fired) != 0;

        public void Dispose() => _timer.Dispose();

        private void Fire()
        {
            Volatile.Write(ref _fired, 1);
            _stream.Dispose();
        }
    }
}
