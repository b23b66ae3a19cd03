using System;
using System.Globalization;

namespace TokenGen.Infrastructure;

/// <summary>
/// The origin rule every redirect decision goes through: an origin is a URI's scheme, host and port (RFC 6454), so
/// <c>https://a</c>, <c>http://a</c> and <c>https://a:8443</c> are three origins.
/// </summary>
internal static class Origins
{
    // The most characters of a host quoted in a message (a DNS name has at most 253).
    private const int MaxHostChars = 256;

    /// <summary>Whether two absolute URIs share scheme, host (case-insensitively, international names by their ASCII form) and port.</summary>
    internal static bool AreSame(Uri first, Uri second) =>
        first.IsAbsoluteUri
        && second.IsAbsoluteUri
        && string.Equals(first.Scheme, second.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(first.IdnHost, second.IdnHost, StringComparison.OrdinalIgnoreCase)
        && first.Port == second.Port;

    /// <summary>
    /// <paramref name="uri"/>'s origin alone, <c>scheme://host:port</c>, fit for a message: no user info, path, query or
    /// fragment (a server chose them, and may have filled them with anything), the host redacted, escaped and bounded like
    /// any text a server chose (an international name in its ASCII form), the port always written out; null for a
    /// relative URI or one without a host.
    /// </summary>
    internal static string? Describe(Uri uri)
    {
        if (!uri.IsAbsoluteUri || uri.HostNameType is UriHostNameType.Unknown || uri.IdnHost.Length == 0)
        {
            return null;
        }

        string host = uri.HostNameType is UriHostNameType.IPv6 && !uri.IdnHost.StartsWith('[')
            ? "[" + uri.IdnHost + "]"
            : uri.IdnHost;
        host = ServerText.Sanitize(host, MaxHostChars)!;
        return uri.Port < 0
            ? uri.Scheme + Uri.SchemeDelimiter + host
            : string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}{Uri.SchemeDelimiter}{host}:{uri.Port}");
    }
}
