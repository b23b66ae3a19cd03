using System;
using System.ComponentModel;
using System.Net.Http;

namespace TokenGen.Infrastructure;

/// <summary>Adds headers to a request. For generated clients.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequestHeaders
{
    /// <summary>
    /// Adds a header; a <see langword="null"/> value adds nothing. A content header (<c>Content-*</c>) goes on the
    /// request's content when there is one (replacing <c>Content-Type</c>); otherwise the header goes on the request.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="name">A header name, checked at compile time.</param>
    /// <param name="value">The formatted value.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> contains CR or LF (the message names the header, never the value).</exception>
    public static void Add(HttpRequestMessage request, string name, string? value) => throw new NotImplementedException();
}
