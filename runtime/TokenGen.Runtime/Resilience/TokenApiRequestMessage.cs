using System;
using System.Net.Http;

namespace TokenGen;

/// <summary>
/// A request built by a generated client: an <see cref="HttpRequestMessage"/> that also says which operation built it and
/// whether it may be sent again, for the handlers below the client (<see cref="TokenApiResilienceHandler"/>, or a
/// pipeline of the application's own).
/// </summary>
/// <remarks>
/// Both are fields of the request rather than entries of <see cref="HttpRequestMessage.Options"/>, whose dictionary a
/// call would otherwise allocate just to carry them. Handlers that also see requests built elsewhere read them through
/// <see cref="TokenApiRequestOptions.TryGetRetryable"/> and <see cref="TokenApiRequestOptions.GetOperationName"/>, which
/// fall back to the options keys.
/// </remarks>
public sealed class TokenApiRequestMessage : HttpRequestMessage
{
    /// <summary>Creates a request of <paramref name="operationName"/>.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="requestUri">The absolute request URI.</param>
    /// <param name="operationName">The generated operation's method name, for example <c>RefreshTokenAsync</c>.</param>
    /// <param name="retryable">Whether the request may be sent again after a transient failure.</param>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> or <paramref name="operationName"/> is null.</exception>
    public TokenApiRequestMessage(HttpMethod method, Uri? requestUri, string operationName, bool retryable)
        : base(method, requestUri)
    {
        ArgumentNullException.ThrowIfNull(operationName);
        OperationName = operationName;
        Retryable = retryable;
        BuiltFor = requestUri;
    }

    /// <summary>
    /// The URI the request was built for. Handlers that follow a redirect change <see cref="HttpRequestMessage.RequestUri"/>;
    /// this one stays, so the client can refuse an answer that came from another origin.
    /// </summary>
    internal Uri? BuiltFor { get; }

    /// <summary>The name of the operation that built the request (for example <c>RefreshTokenAsync</c>), for diagnostics.</summary>
    public string OperationName { get; }

    /// <summary>
    /// Whether the request may be sent again after a transient failure: <see langword="true"/> unless the operation is
    /// marked <see cref="NoRetryAttribute"/> (a rotating refresh, which the service may already have carried out when the
    /// answer was lost).
    /// </summary>
    public bool Retryable { get; }
}
