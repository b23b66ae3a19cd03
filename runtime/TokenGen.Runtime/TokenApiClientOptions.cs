using System;

namespace TokenGen;

/// <summary>
/// Settings of one generated client. The client copies them when it is constructed, so changing an instance
/// afterwards does not affect clients already built from it.
/// </summary>
public sealed class TokenApiClientOptions
{
    /// <summary>The default limit on a successful response body: 1 MiB.</summary>
    public const long DefaultMaxResponseContentBytes = 1024 * 1024;

    private Uri? _baseAddress;
    private long _maxResponseContentBytes = DefaultMaxResponseContentBytes;
    private TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>
    /// The base address requests are sent to; it may carry a path prefix (<c>https://host/api</c>).
    /// When <see langword="null"/>, the <c>HttpClient.BaseAddress</c> is used, then the interface's
    /// <c>[TokenApi(BaseAddress = ...)]</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The address is not absolute.</exception>
    public Uri? BaseAddress
    {
        get => _baseAddress;
        set
        {
            if (value is not null && !value.IsAbsoluteUri)
            {
                throw new ArgumentException("The base address must be an absolute URI.", nameof(value));
            }

            _baseAddress = value;
        }
    }

    /// <summary>
    /// The largest successful response body the client reads, in bytes (default 1 MiB). A larger body fails the call
    /// with a <see cref="TokenApiContentException"/> instead of being buffered.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long MaxResponseContentBytes
    {
        get => _maxResponseContentBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxResponseContentBytes = value;
        }
    }

    /// <summary>
    /// Whether the client may send requests over plain <c>http://</c> to a host other than the loopback address
    /// (default <see langword="false"/>). Token API requests carry secrets, passwords or tokens and their answers carry
    /// tokens, so without this opt-out such a request fails before anything is sent. Loopback (<c>localhost</c>,
    /// <c>127.0.0.0/8</c>, <c>::1</c>) is always allowed, for local emulators and tests.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// The clock the client reads "now" from (default <see cref="TimeProvider.System"/>): a <c>Retry-After</c> given as
    /// an HTTP date becomes <see cref="TokenApiException.RetryAfter"/> measured against it. Tests and emulators with a
    /// virtual clock set the same provider here as on their sessions and handlers.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _timeProvider = value;
        }
    }
}
