using System;
using System.ComponentModel;

namespace TokenGen.Infrastructure;

/// <summary>
/// Builds a request URI from a base address, route literals, escaped route values and query pairs, with no
/// intermediate strings. For generated clients; not meant to be called by hand.
/// </summary>
/// <remarks>
/// The base address's path prefix is kept and joined with exactly one slash: <c>https://host/api</c> or
/// <c>https://host/api/</c> followed by <c>/v1/x</c> gives <c>https://host/api/v1/x</c>. Its query and fragment are dropped.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct RequestUriBuilder
{
    /// <summary>Starts a URI at <paramref name="baseAddress"/>, writing into <paramref name="initialBuffer"/> while it fits.</summary>
    /// <param name="baseAddress">An absolute base address.</param>
    /// <param name="initialBuffer">Scratch space, usually stack memory; a pooled array is rented when it runs out.</param>
    public RequestUriBuilder(Uri baseAddress, Span<char> initialBuffer) => throw new NotImplementedException();

    /// <summary>
    /// Appends route text exactly as written in the route template (already valid URI text), for example
    /// <c>/v1/token-info/</c>. The first literal is joined to the base address with exactly one slash. A literal
    /// may contain a <c>?</c> that starts a fixed query; later query pairs then continue it with <c>&amp;</c>.
    /// </summary>
    /// <param name="literal">The route text.</param>
    public void AppendLiteral(string literal) => throw new NotImplementedException();

    /// <summary>
    /// Appends a route value escaped as part of one path segment: <c>/</c>, <c>?</c>, <c>#</c>, <c>%</c> and every
    /// character outside RFC 3986's unreserved set are percent-encoded, and a value of <c>.</c> or <c>..</c> is
    /// encoded (<c>%2E</c>) so it can never climb out of the route.
    /// </summary>
    /// <param name="value">The formatted route value.</param>
    /// <param name="parameterName">The parameter the value came from, named in the exception.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty.</exception>
    public void AppendPathSegment(string? value, string parameterName) => throw new NotImplementedException();

    /// <summary>Appends <c>name=value</c> to the query, both percent-encoded; a <see langword="null"/> value appends nothing.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The formatted value, or <see langword="null"/> to omit the pair.</param>
    public void AppendQuery(string name, string? value) => throw new NotImplementedException();

    /// <summary>Creates the absolute URI and returns any rented buffer.</summary>
    /// <returns>The request URI.</returns>
    public Uri ToUri() => throw new NotImplementedException();

    /// <summary>Returns any rented buffer without creating a URI (used when building fails part way).</summary>
    public void Dispose() => throw new NotImplementedException();
}
