using System;
using System.ComponentModel;
using System.Net;

namespace TokenGen.Infrastructure;

/// <summary>
/// Keeps credentials off plain HTTP: generated clients pass every request URI through <see cref="RequireSecure"/>.
/// For generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TransportSecurity
{
    /// <summary>
    /// Returns <paramref name="requestUri"/> when it is <c>https</c>, or <c>http</c> to a loopback host, or when the
    /// caller opted out; otherwise refuses it before anything is sent.
    /// </summary>
    /// <param name="requestUri">The absolute request URI.</param>
    /// <param name="allowInsecureHttp"><see cref="TokenApiClientOptions.AllowInsecureHttp"/>.</param>
    /// <returns><paramref name="requestUri"/>.</returns>
    /// <exception cref="InvalidOperationException">The URI is plain HTTP to a host other than loopback.</exception>
    public static Uri RequireSecure(Uri requestUri, bool allowInsecureHttp)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        if (allowInsecureHttp
            || !requestUri.IsAbsoluteUri
            || !string.Equals(requestUri.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase)
            || IsLoopback(requestUri))
        {
            return requestUri;
        }

        // The message names the host, never the path or query (either may carry a token).
        throw new InvalidOperationException(
            $"TokenGen refuses to send a token API request over plain HTTP to '{requestUri.Host}': it would expose credentials and tokens. "
            + "Use an https:// address, or set TokenApiClientOptions.AllowInsecureHttp to opt out.");
    }

    /// <summary>Whether <paramref name="uri"/> names this machine: <c>localhost</c>, <c>127.0.0.0/8</c> or <c>::1</c>.</summary>
    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback
        || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
