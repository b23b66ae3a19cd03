using System;
using System.ComponentModel;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Infrastructure;

/// <summary>
/// What a generated client reads on every call, settled once when the client is built: the <see cref="HttpClient"/> it
/// sends through, where its base address comes from, the response size limit, whether plain HTTP is allowed, and its
/// clock. A client holds one, so each operation passes one value instead of each setting. For generated clients.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ClientSettings
{
    private readonly Uri? _optionsBaseAddress;
    private readonly Uri? _defaultBaseAddress;
    private readonly string _clientName;

    /// <summary>Settles a client's settings from its constructor's arguments.</summary>
    /// <param name="httpClient">The client that sends the requests.</param>
    /// <param name="options">The client's options, copied now; <see langword="null"/> for the defaults.</param>
    /// <param name="defaultBaseAddress">The interface's <c>[TokenApi(BaseAddress)]</c>, if set.</param>
    /// <param name="clientName">The generated client's name, for exception messages.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="clientName"/> is <see langword="null"/>.</exception>
    public ClientSettings(HttpClient httpClient, TokenApiClientOptions? options, Uri? defaultBaseAddress, string clientName)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(clientName);
        HttpClient = httpClient;
        _optionsBaseAddress = options?.BaseAddress;
        _defaultBaseAddress = defaultBaseAddress;
        _clientName = clientName;
        MaxResponseContentBytes = options?.MaxResponseContentBytes ?? TokenApiClientOptions.DefaultMaxResponseContentBytes;
        AllowInsecureHttp = options?.AllowInsecureHttp ?? false;
        TimeProvider = options?.TimeProvider ?? TimeProvider.System;
    }

    /// <summary>The client that sends the requests.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>The most bytes of a response body read (<see cref="TokenApiClientOptions.MaxResponseContentBytes"/>).</summary>
    public long MaxResponseContentBytes { get; }

    /// <summary>Whether a request may go out over plain HTTP to a host other than loopback (<see cref="TokenApiClientOptions.AllowInsecureHttp"/>).</summary>
    public bool AllowInsecureHttp { get; }

    /// <summary>The clock an HTTP-date <c>Retry-After</c> is measured against (<see cref="TokenApiClientOptions.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// The base address of the next request: the options', else the <see cref="HttpClient"/>'s (read at each call, as it
    /// may be set after the client is built), else the interface's.
    /// </summary>
    /// <returns>An absolute base address.</returns>
    /// <exception cref="InvalidOperationException">None is set, or the one chosen is not absolute.</exception>
    public Uri ResolveBaseAddress() => BaseAddressResolver.Resolve(_optionsBaseAddress, HttpClient, _defaultBaseAddress, _clientName);

    /// <summary>
    /// Creates an operation's request, once its URI passed the transport check (token API requests carry credentials,
    /// their answers tokens).
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="requestUri">The absolute request URI.</param>
    /// <param name="operationName">The generated operation's method name.</param>
    /// <param name="retryable">Whether a resilience handler may send the request again.</param>
    /// <returns>The request, which the caller owns.</returns>
    /// <exception cref="InvalidOperationException">The URI is plain HTTP to a host other than loopback and <see cref="AllowInsecureHttp"/> is off.</exception>
    public TokenApiRequestMessage CreateRequest(HttpMethod method, Uri requestUri, string operationName, bool retryable) =>
        new(method, TransportSecurity.RequireSecure(requestUri, AllowInsecureHttp), operationName, retryable);

    /// <summary>Starts a call's deadline from the <see cref="HttpClient"/>'s timeout (see <see cref="CallDeadline"/>).</summary>
    /// <returns>The deadline, to hand to the reader.</returns>
    public CallDeadline StartDeadline() => CallDeadline.Start(HttpClient);

    /// <summary>
    /// Sends <paramref name="request"/>, completing when the headers arrive, so the reader can hold the body to its
    /// size limit and to the call's deadline.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer, which the caller owns.</returns>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
}
