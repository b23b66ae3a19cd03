using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;

namespace TokenGen.Infrastructure;

/// <summary>
/// Builds a request URI from a base address, route literals, escaped route values and query pairs, with no
/// intermediate strings. For generated clients; not meant to be called by hand.
/// </summary>
/// <remarks>
/// <para>
/// The base address's path prefix is kept and joined with exactly one slash: <c>https://host/api</c> or
/// <c>https://host/api/</c> followed by <c>/v1/x</c> gives <c>https://host/api/v1/x</c>. Its query and fragment are dropped.
/// A route that starts with a route value (<c>{id}</c>) is joined the same way; a route that starts with <c>?</c>
/// continues the base address's path as it is, and an empty route gives the base address's path as it is.
/// </para>
/// <para>
/// A path that carries an escaped dot (<c>%2E</c>, which a route value of <c>.</c> or <c>..</c> becomes) is created with
/// <see cref="UriCreationOptions.DangerousDisablePathAndQueryCanonicalization"/>: a canonicalizing <see cref="Uri"/>
/// would unescape <c>%2E</c> and then remove the dot segment, so <c>..</c> would climb one level. Everything this
/// builder writes is already valid, fully escaped URI text, so such a URI is sent exactly as built. Any other URI is
/// created the ordinary way (canonicalization cannot change its meaning), so it compares equal to the same URI
/// written by hand. Route literals are written as they are, except for characters a URI cannot carry (space,
/// controls, <c>#</c>, brackets, non-ASCII), which are percent-encoded.
/// </para>
/// <para>
/// A URI longer than <see cref="MaxUriLength"/> characters once escaped is refused with an <see cref="ArgumentException"/>
/// that names the route value or query key that took it over the limit, never its value; the builder's buffer is
/// returned first. Nothing has been sent at that point.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct RequestUriBuilder
{
    /// <summary>
    /// The longest request URI built: 32 Ki characters, escaped. Mainstream servers refuse far less by default (Kestrel's
    /// request line 8 KiB, http.sys 16 KiB), and <see cref="Uri"/> itself holds at most 65,519 characters; the limit
    /// stops a runaway value (a megabyte of route or query text) early, with an exception that names it.
    /// </summary>
    public const int MaxUriLength = 32 * 1024;

    private Span<char> _chars;
    private char[]? _rented;
    private int _length;

    // Length of the base prefix once its trailing slashes are trimmed: where the first route text is joined.
    private readonly int _joinAt;
    private bool _routeStarted;
    private bool _hasQuery;

    /// <summary>Starts a URI at <paramref name="baseAddress"/>, writing into <paramref name="initialBuffer"/> while it fits.</summary>
    /// <param name="baseAddress">An absolute base address.</param>
    /// <param name="initialBuffer">Scratch space, usually stack memory; a pooled array is rented when it runs out.</param>
    /// <exception cref="ArgumentNullException"><paramref name="baseAddress"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="baseAddress"/> is not absolute.</exception>
    public RequestUriBuilder(Uri baseAddress, Span<char> initialBuffer)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("The base address must be an absolute URI.", nameof(baseAddress));
        }

        _chars = initialBuffer;
        _rented = null;
        _length = 0;
        _routeStarted = false;
        _hasQuery = false;

        // AbsoluteUri is escaped and cached by Uri, so slicing it costs nothing. Its first '?' or '#' ends the path.
        ReadOnlySpan<char> absolute = baseAddress.AbsoluteUri;
        int end = absolute.IndexOfAny('?', '#');
        ReadOnlySpan<char> prefix = end < 0 ? absolute : absolute.Slice(0, end);
        Append(prefix);

        int pathStart = 0;
        int schemeEnd = prefix.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            int slash = prefix.Slice(schemeEnd + 3).IndexOf('/');
            pathStart = slash < 0 ? prefix.Length : schemeEnd + 3 + slash;
        }

        int joinAt = prefix.Length;
        while (joinAt > pathStart && prefix[joinAt - 1] == '/')
        {
            joinAt--;
        }

        _joinAt = joinAt;
    }

    /// <summary>
    /// Appends route text exactly as written in the route template (already valid URI text), for example
    /// <c>/v1/token-info/</c>. The first literal is joined to the base address with exactly one slash. A literal
    /// may contain a <c>?</c> that starts a fixed query; later query pairs then continue it with <c>&amp;</c>.
    /// </summary>
    /// <param name="literal">The route text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="literal"/> is null.</exception>
    public void AppendLiteral(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        if (literal.Length == 0)
        {
            return;
        }

        BeginRoute(literalStart: literal[0]);
        ReadOnlySpan<char> rest = literal;
        while (!rest.IsEmpty)
        {
            int unsafeAt = rest.IndexOfAnyExcept(PercentEncoding.LiteralSafe);
            ReadOnlySpan<char> run = unsafeAt < 0 ? rest : rest.Slice(0, unsafeAt);
            if (!_hasQuery && run.Contains('?'))
            {
                _hasQuery = true;
            }

            Append(run);
            if (unsafeAt < 0)
            {
                return;
            }

            rest = rest.Slice(unsafeAt);
            rest = rest.Slice(AppendEncodedCodePoint(rest));
        }
    }

    /// <summary>
    /// Appends a route value escaped as part of one path segment: <c>/</c>, <c>?</c>, <c>#</c>, <c>%</c> and every
    /// character outside RFC 3986's unreserved set are percent-encoded (as UTF-8), and a value of <c>.</c> or <c>..</c> is
    /// encoded (<c>%2E</c>) so it can never climb out of the route.
    /// </summary>
    /// <param name="value">The formatted route value.</param>
    /// <param name="parameterName">The parameter the value came from, named in the exception.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="value"/> is empty (an empty segment would change which resource the route names), or makes the URI
    /// longer than <see cref="MaxUriLength"/>.
    /// </exception>
    public void AppendPathSegment(string? value, string parameterName)
    {
        if (value is null)
        {
            Dispose();
            throw new ArgumentNullException(parameterName, $"The route value '{parameterName}' is null; a value placed in the route is required.");
        }

        if (value.Length == 0)
        {
            Dispose();
            throw new ArgumentException($"The route value '{parameterName}' is empty; a value placed in the route must not be empty.", parameterName);
        }

        ThrowIfTooLong(value.Length, routeValue: parameterName, queryKey: null, parameterName);

        if (HasDotSegment(value))
        {
            // Escaping cannot help: servers decode %2E (Kestrel does, then removes the dot segment), and some decode
            // %2F and %5C too, so ".." in any escaped form can climb once it arrives.
            Dispose();
            throw new ArgumentException(
                $"The route value '{parameterName}' is or contains a '.' or '..' path segment, which a server may resolve to another resource; it was not sent.",
                parameterName);
        }

        // The segment's text is always escaped, so it never starts with '/' or '?': it is joined with one slash.
        BeginRoute(literalStart: '\0');
        AppendEncoded(value);

        ThrowIfTooLong(0, routeValue: parameterName, queryKey: null, parameterName);
    }

    /// <summary>Appends <c>name=value</c> to the query, both percent-encoded; a <see langword="null"/> value appends nothing.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The formatted value, or <see langword="null"/> to omit the pair.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The pair makes the URI longer than <see cref="MaxUriLength"/>; the exception names the query key.
    /// </exception>
    public void AppendQuery(string name, string? value) => AppendQuery(name, value, parameterName: null);

    /// <summary>
    /// As <see cref="AppendQuery(string, string?)"/>, for a value that came from an argument: a refused value's exception
    /// names <paramref name="parameterName"/> (its <see cref="ArgumentException.ParamName"/>) as well as the query key.
    /// </summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The formatted value, or <see langword="null"/> to omit the pair.</param>
    /// <param name="parameterName">The parameter the value came from; <see langword="null"/> to name the key alone.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">The pair makes the URI longer than <see cref="MaxUriLength"/>.</exception>
    public void AppendQuery(string name, string? value, string? parameterName)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is null)
        {
            return;
        }

        ThrowIfTooLong((long)name.Length + value.Length, routeValue: null, queryKey: name, parameterName);

        // A query before any route text continues the base address's path as it is.
        _routeStarted = true;
        Append(_hasQuery ? '&' : '?');
        _hasQuery = true;
        AppendEncoded(name);
        Append('=');
        AppendEncoded(value);
        ThrowIfTooLong(0, routeValue: null, queryKey: name, parameterName);
    }

    /// <summary>Creates the absolute URI and returns any rented buffer.</summary>
    /// <returns>The request URI, sent exactly as built (see the remarks on <see cref="RequestUriBuilder"/>).</returns>
    /// <exception cref="ArgumentException">The URI is longer than <see cref="MaxUriLength"/> (a base address that long).</exception>
    public Uri ToUri()
    {
        ThrowIfTooLong(0, routeValue: null, queryKey: null, parameterName: null);
        string text = new(_chars.Slice(0, _length));
        Dispose();
        return UriText.Create(text);
    }

    /// <summary>Returns any rented buffer without creating a URI (used when building fails part way).</summary>
    public void Dispose()
    {
        char[]? rented = _rented;
        _rented = null;
        _chars = default;
        _length = 0;
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Refuses a URI that is, or would be with <paramref name="adding"/> more characters, longer than <see cref="MaxUriLength"/>.
    /// Checking the raw length first spares escaping a megabyte only to refuse it; the escaped length is checked after.
    /// The message is only built when it is thrown, so a URI within the limit costs no allocation.
    /// </summary>
    private void ThrowIfTooLong(long adding, string? routeValue, string? queryKey, string? parameterName)
    {
        long length = _length + adding;
        if (length <= MaxUriLength)
        {
            return;
        }

        Dispose();
        string what = routeValue is not null ? $"The route value '{routeValue}'"
            : queryKey is null ? "The base address and route"
            : parameterName is null ? $"The query value '{queryKey}'"
            : $"The query value '{queryKey}' (parameter '{parameterName}')";
        throw new ArgumentException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{what} makes the request URI at least {length} characters long, over the limit of {MaxUriLength} (RequestUriBuilder.MaxUriLength); nothing was sent."),
            parameterName ?? queryKey);
    }

    /// <summary>Whether any piece of <paramref name="value"/> between '/' or '\\' is "." or "..".</summary>
    private static bool HasDotSegment(ReadOnlySpan<char> value)
    {
        while (true)
        {
            int end = value.IndexOfAny('/', '\\');
            ReadOnlySpan<char> piece = end < 0 ? value : value.Slice(0, end);
            if (piece is "." or "..")
            {
                return true;
            }

            if (end < 0)
            {
                return false;
            }

            value = value.Slice(end + 1);
        }
    }

    private void BeginRoute(char literalStart)
    {
        if (_routeStarted)
        {
            return;
        }

        _routeStarted = true;
        if (literalStart == '?')
        {
            return;
        }

        _length = _joinAt;
        if (literalStart != '/')
        {
            Append('/');
        }
    }

    private void AppendEncoded(ReadOnlySpan<char> value)
    {
        while (!value.IsEmpty)
        {
            int escapeAt = value.IndexOfAnyExcept(PercentEncoding.Unreserved);
            if (escapeAt < 0)
            {
                Append(value);
                return;
            }

            Append(value.Slice(0, escapeAt));
            value = value.Slice(escapeAt);
            value = value.Slice(AppendEncodedCodePoint(value));
        }
    }

    private int AppendEncodedCodePoint(ReadOnlySpan<char> value)
    {
        EnsureCapacity(PercentEncoding.MaxEncodedCharsPerCodePoint);
        int consumed = PercentEncoding.EncodeCodePoint(value, _chars.Slice(_length), out int written);
        _length += written;
        return consumed;
    }

    private void Append(char c)
    {
        EnsureCapacity(1);
        _chars[_length++] = c;
    }

    private void Append(scoped ReadOnlySpan<char> text)
    {
        EnsureCapacity(text.Length);
        text.CopyTo(_chars.Slice(_length));
        _length += text.Length;
    }

    private void EnsureCapacity(int additional)
    {
        if (_chars.Length - _length >= additional)
        {
            return;
        }

        int required = checked(_length + additional);
        int doubled = _chars.Length > Array.MaxLength / 2 ? Array.MaxLength : _chars.Length * 2;
        int size = Math.Max(required, Math.Max(256, doubled));
        char[] next = ArrayPool<char>.Shared.Rent(size);
        _chars.Slice(0, _length).CopyTo(next);
        char[]? previous = _rented;
        _chars = next;
        _rented = next;
        if (previous is not null)
        {
            ArrayPool<char>.Shared.Return(previous);
        }
    }
}
