using System;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Infrastructure;

/// <summary>
/// Bounds a whole generated call, the answer's body included, by the <see cref="HttpClient.Timeout"/>. For generated
/// clients.
/// </summary>
/// <remarks>
/// Generated clients send with <see cref="HttpCompletionOption.ResponseHeadersRead"/> so they can stop reading a body
/// at their size limit, and with that option <see cref="HttpClient"/>'s own timeout ends when the headers arrive: a
/// server that sends headers and then stalls would hold the call for as long as the connection lives. This token is
/// cancelled when the caller's is or when the client's timeout elapses since the call began, whichever comes first;
/// the call then fails as <see cref="HttpClient"/> reports its own timeout, with a <see cref="TaskCanceledException"/>
/// whose inner exception is a <see cref="TimeoutException"/>. With an infinite timeout nothing is allocated and the
/// caller's token is used as is.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct CallTimeout : IDisposable
{
    private readonly CancellationTokenSource? _source;
    private readonly CancellationToken _callerToken;
    private readonly TimeSpan _timeout;

    private CallTimeout(CancellationTokenSource? source, CancellationToken callerToken, TimeSpan timeout)
    {
        _source = source;
        _callerToken = callerToken;
        _timeout = timeout;
    }

    /// <summary>The token to send and read with: cancelled by the caller or when the timeout elapses.</summary>
    public CancellationToken Token => _source?.Token ?? _callerToken;

    /// <summary>Starts the clock for one call.</summary>
    /// <param name="httpClient">The client whose <see cref="HttpClient.Timeout"/> bounds the call.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The call's timeout, to dispose when the call ends.</returns>
    public static CallTimeout Start(HttpClient httpClient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        TimeSpan timeout = httpClient.Timeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return new CallTimeout(null, cancellationToken, timeout);
        }

        CancellationTokenSource source = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : new CancellationTokenSource();
        source.CancelAfter(timeout);
        return new CallTimeout(source, cancellationToken, timeout);
    }

    /// <summary>
    /// Whether a cancellation came from the elapsed timeout rather than from the caller (whose cancellation must
    /// surface unchanged).
    /// </summary>
    public bool HasElapsed => _source is { IsCancellationRequested: true } && !_callerToken.IsCancellationRequested;

    /// <summary>The exception a timed-out call throws, shaped as <see cref="HttpClient"/> reports its own timeout.</summary>
    /// <param name="cancellation">The cancellation the timeout caused.</param>
    /// <returns>The exception, to throw.</returns>
    public TaskCanceledException CreateTimeoutException(OperationCanceledException cancellation)
    {
        string seconds = _timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        return new TaskCanceledException(
            $"The request was canceled due to the configured HttpClient.Timeout of {seconds} seconds elapsing.",
            new TimeoutException(cancellation.Message, cancellation));
    }

    /// <summary>Stops the clock.</summary>
    public void Dispose() => _source?.Dispose();
}
