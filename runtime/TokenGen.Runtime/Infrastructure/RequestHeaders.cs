using System;
using System.Buffers;
using System.ComponentModel;
using System.Net.Http;

namespace TokenGen.Infrastructure;

/// <summary>Adds headers to a request. For generated clients.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequestHeaders
{
    // The headers HttpContentHeaders owns; HttpRequestHeaders refuses them.
    private static readonly string[] s_contentHeaders =
    [
        "Allow", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length", "Content-Location",
        "Content-MD5", "Content-Range", "Content-Type", "Expires", "Last-Modified",
    ];

    // RFC 9110 token characters: what a field name may be made of.
    private static readonly SearchValues<char> s_tokenChars =
        SearchValues.Create("!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~");

    /// <summary>
    /// Adds a header; a <see langword="null"/> value adds nothing. A content header (<c>Content-*</c>, <c>Expires</c>,
    /// <c>Last-Modified</c>, <c>Allow</c>) goes on the request's content when there is one (replacing <c>Content-Type</c>);
    /// every other header goes on the request, after any value it already has.
    /// </summary>
    /// <remarks>
    /// A content header on a request without content is dropped: there is no body for it to describe, and HTTP
    /// would not send it anyway. This is what lets an interface-wide <c>[Headers("Content-Type: ...")]</c> coexist with
    /// bodiless operations and with a <c>[Body]</c> argument of <see langword="null"/>. Generated code must therefore
    /// set <see cref="HttpRequestMessage.Content"/> before it adds headers.
    /// </remarks>
    /// <param name="request">The request.</param>
    /// <param name="name">A header name, checked at compile time.</param>
    /// <param name="value">The formatted value.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="value"/> contains CR or LF (the message names the header, never the value), or
    /// <paramref name="name"/> is not a valid header name.
    /// </exception>
    public static void Add(HttpRequestMessage request, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(name);
        if (value is null)
        {
            return;
        }

        if (name.Length == 0 || name.AsSpan().IndexOfAnyExcept(s_tokenChars) >= 0)
        {
            throw new ArgumentException($"'{name}' is not a valid HTTP header name.", nameof(name));
        }

        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            // Never echo the value: it may be a secret (Authorization, an API key).
            throw new ArgumentException(
                $"The value of the header '{name}' contains a carriage return or line feed, which could inject headers; it was not sent.",
                nameof(value));
        }

        if (IsContentHeader(name))
        {
            HttpContent? content = request.Content;
            if (content is null)
            {
                // No body for the header to describe: dropped (see the remarks).
                return;
            }

            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.Remove("Content-Type");
            }

            content.Headers.TryAddWithoutValidation(name, value);
            return;
        }

        if (!request.Headers.TryAddWithoutValidation(name, value))
        {
            throw new ArgumentException($"The header '{name}' could not be added to the request.", nameof(name));
        }
    }

    private static bool IsContentHeader(string name)
    {
        foreach (string contentHeader in s_contentHeaders)
        {
            if (string.Equals(name, contentHeader, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
