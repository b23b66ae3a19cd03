using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;

namespace TokenGen.Infrastructure;

/// <summary>Adds headers to a request. For generated clients.</summary>
/// <remarks>
/// A value is refused with an <see cref="ArgumentException"/> before anything is sent when it holds a control character
/// (CR and LF could inject headers; NUL, the other C0 and C1 controls and DEL have no place in a field value; horizontal
/// tab is allowed) or is longer than <see cref="MaxValueLength"/> characters. The message names the header (and the
/// parameter, when given), never the value, which may be a secret.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequestHeaders
{
    /// <summary>
    /// The longest header value sent: 16 Ki characters, what http.sys accepts for one field by default (nginx and Apache
    /// take 8 KiB, Kestrel 32 KiB for all headers together). Large JWTs fit; a longer value would almost surely be
    /// refused by the server after it had been sent.
    /// </summary>
    public const int MaxValueLength = 16 * 1024;

    // Control characters a field value cannot carry: C0 but horizontal tab, DEL, and C1 (which Latin-1 would send as bytes).
    private static readonly SearchValues<char> s_controlChars = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F");

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
    /// <paramref name="value"/> contains a control character other than tab, or is longer than <see cref="MaxValueLength"/>
    /// (the message names the header, never the value); or <paramref name="name"/> is not a valid header name.
    /// </exception>
    public static void Add(HttpRequestMessage request, string name, string? value) => Add(request, name, value, parameterName: null);

    /// <summary>
    /// As <see cref="Add(HttpRequestMessage, string, string?)"/>, for a value that came from an argument: a refused value's
    /// exception names <paramref name="parameterName"/> (its <see cref="ArgumentException.ParamName"/>) as well as the header.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="name">A header name, checked at compile time.</param>
    /// <param name="value">The formatted value.</param>
    /// <param name="parameterName">The parameter the value came from; <see langword="null"/> for a static header.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="value"/> contains a control character other than tab, or is longer than <see cref="MaxValueLength"/>
    /// (the message names the header and the parameter, never the value); or <paramref name="name"/> is not a valid header name.
    /// </exception>
    public static void Add(HttpRequestMessage request, string name, string? value, string? parameterName)
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

        CheckValue(name, value, parameterName);

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

    /// <summary>Refuses a value HTTP cannot carry safely. Never echoes it: it may be a secret (Authorization, an API key).</summary>
    /// <remarks>Runs for every header of every call, so a value that passes costs two scans and no allocation.</remarks>
    private static void CheckValue(string name, string value, string? parameterName)
    {
        if (value.Length > MaxValueLength)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{Source(name, parameterName)} is {value.Length} characters long, over the limit of {MaxValueLength} (RequestHeaders.MaxValueLength); it was not sent."),
                parameterName ?? nameof(value));
        }

        int at = value.AsSpan().IndexOfAny(s_controlChars);
        if (at >= 0)
        {
            throw ControlCharacter(name, value, parameterName);
        }
    }

    private static ArgumentException ControlCharacter(string name, string value, string? parameterName)
    {
        // CR and LF are named first, whichever comes first: they are the ones that would inject headers.
        int at = value.AsSpan().IndexOfAny('\r', '\n');
        if (at < 0)
        {
            at = value.AsSpan().IndexOfAny(s_controlChars);
        }

        char c = value[at];
        string problem = c is '\r' or '\n'
            ? "a carriage return or line feed, which could inject headers"
            : string.Create(CultureInfo.InvariantCulture, $"the control character U+{(int)c:X4}, which a header value cannot carry");
        return new ArgumentException($"{Source(name, parameterName)} contains {problem}; it was not sent.", parameterName ?? nameof(value));
    }

    private static string Source(string name, string? parameterName) =>
        parameterName is null
            ? $"The value of the header '{name}'"
            : $"The value of the header '{name}' (parameter '{parameterName}')";

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
