using System.Net.Http;

namespace TokenGen;

/// <summary>
/// What a generated client tells the handlers below it about each request, through <see cref="HttpRequestMessage.Options"/>.
/// </summary>
public static class TokenApiRequestOptions
{
    /// <summary>
    /// Whether the request may be sent again after a transient failure. Generated clients always set it: <see langword="true"/>
    /// unless the operation is marked <see cref="NoRetryAttribute"/> (a rotating refresh, which the service may already
    /// have carried out when the answer was lost). For requests without it, only idempotent methods (GET, HEAD, OPTIONS,
    /// PUT, DELETE) are retried.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new("TokenGen.Retryable");

    /// <summary>The name of the operation that built the request (for example <c>RefreshTokenAsync</c>), for diagnostics.</summary>
    public static readonly HttpRequestOptionsKey<string> OperationName = new("TokenGen.OperationName");
}
