using System.Net.Http;

namespace TokenGen;

/// <summary>
/// What the handlers below a generated client can learn about each request: whether it may be sent again, and which
/// operation built it. Generated clients send a <see cref="TokenApiRequestMessage"/>, which carries both; requests built
/// elsewhere can carry them in <see cref="HttpRequestMessage.Options"/> under <see cref="Retryable"/> and
/// <see cref="OperationName"/>. <see cref="TryGetRetryable"/> and <see cref="GetOperationName"/> read either.
/// </summary>
public static class TokenApiRequestOptions
{
    /// <summary>
    /// Whether a request that is not a <see cref="TokenApiRequestMessage"/> may be sent again after a transient failure.
    /// For requests with neither, only idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE) are retried.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new("TokenGen.Retryable");

    /// <summary>The name of the operation that built a request that is not a <see cref="TokenApiRequestMessage"/>, for diagnostics.</summary>
    public static readonly HttpRequestOptionsKey<string> OperationName = new("TokenGen.OperationName");

    /// <summary>Whether the request says if it may be sent again, and what it says.</summary>
    /// <param name="request">The request.</param>
    /// <param name="retryable">What the request says; <see langword="false"/> when it says nothing.</param>
    /// <returns>Whether the request is a <see cref="TokenApiRequestMessage"/> or carries <see cref="Retryable"/>.</returns>
    public static bool TryGetRetryable(HttpRequestMessage request, out bool retryable)
    {
        System.ArgumentNullException.ThrowIfNull(request);
        if (request is TokenApiRequestMessage generated)
        {
            retryable = generated.Retryable;
            return true;
        }

        return request.Options.TryGetValue(Retryable, out retryable);
    }

    /// <summary>The name of the operation that built the request, or <see langword="null"/> when it does not say.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The operation's method name, for example <c>RefreshTokenAsync</c>.</returns>
    public static string? GetOperationName(HttpRequestMessage request)
    {
        System.ArgumentNullException.ThrowIfNull(request);
        return request is TokenApiRequestMessage generated ? generated.OperationName
            : request.Options.TryGetValue(OperationName, out string? name) ? name
            : null;
    }
}
