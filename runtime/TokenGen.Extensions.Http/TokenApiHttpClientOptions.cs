using System;
using System.Net.Http;

namespace TokenGen;

/// <summary>
/// Settings of a token API client registered with <c>services.AddTokenApiClient</c>
/// (<see cref="Microsoft.Extensions.DependencyInjection.TokenGenServiceCollectionExtensions"/>): where it sends, how long a
/// request may take, and how large an answer it reads.
/// </summary>
/// <remarks>
/// These are named options (Microsoft.Extensions.Options), named like the client's <see cref="HttpClient"/>, so they can
/// also be set apart from the registration: <c>services.Configure&lt;TokenApiHttpClientOptions&gt;("IDirectLineTokens", o =&gt; ...)</c>.
/// To read them from <c>IConfiguration</c>, pass the client's section to <c>AddTokenApiClient</c>
/// (<c>services.AddTokenApiClient&lt;IX&gt;(IX.Create, configuration.GetSection("TokenGen:Clients:x"))</c>): the section is
/// bound by the configuration binder's source generator, without reflection, and checked when the host starts.
/// </remarks>
public sealed class TokenApiHttpClientOptions
{
    private Uri? _baseAddress;
    private TimeSpan? _timeout;
    private long _maxResponseContentBytes = TokenApiClientOptions.DefaultMaxResponseContentBytes;

    /// <summary>
    /// The base address requests are sent to; it may carry a path prefix (<c>https://host/api</c>). When
    /// <see langword="null"/> (the default), the <see cref="HttpClient.BaseAddress"/> is used, then the interface's
    /// <c>[TokenApi(BaseAddress = ...)]</c>. Passed to the client as <see cref="TokenApiClientOptions.BaseAddress"/>.
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
    /// How long a request may take before it fails with a <see cref="System.Threading.Tasks.TaskCanceledException"/>
    /// whose inner exception is a <see cref="TimeoutException"/>: set as the <see cref="HttpClient.Timeout"/>.
    /// <see langword="null"/> (the default) leaves the <see cref="HttpClient"/>'s own (100 seconds unless configured).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is neither positive nor <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set
        {
            // The same rule as HttpClient.Timeout, checked here so a bad value fails where it is set.
            if (value is { } timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), timeout, "The timeout must be positive or Timeout.InfiniteTimeSpan.");
            }

            _timeout = value;
        }
    }

    /// <summary>
    /// The largest successful response body the client reads, in bytes (default 1 MiB). Passed to the client as
    /// <see cref="TokenApiClientOptions.MaxResponseContentBytes"/>.
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
    /// Whether the client may send over plain <c>http://</c> to a host other than loopback (default
    /// <see langword="false"/>: requests carry credentials, answers tokens). Passed to the client as
    /// <see cref="TokenApiClientOptions.AllowInsecureHttp"/>.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>The options a generated client's constructor takes; a new instance, since the client copies it.</summary>
    internal TokenApiClientOptions ToClientOptions() => new()
    {
        BaseAddress = _baseAddress,
        MaxResponseContentBytes = _maxResponseContentBytes,
        AllowInsecureHttp = AllowInsecureHttp,
    };
}
