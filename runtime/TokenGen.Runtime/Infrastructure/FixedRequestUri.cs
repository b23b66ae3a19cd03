using System;
using System.ComponentModel;
using System.Threading;

namespace TokenGen.Infrastructure;

/// <summary>
/// The request URI of an operation that takes no route value and no query parameter, built once per base address
/// instead of on every call. For generated clients.
/// </summary>
/// <remarks>
/// Building and parsing a URI is most of what a small request costs on the client. Such an operation's URI depends on the
/// base address alone, and a client nearly always sends to one base address, so the last one and its URI are kept: a
/// call to the same base address (the same <see cref="Uri"/> instance) takes the kept URI; any other builds its own and
/// keeps that. Clients of one interface with different base addresses stay correct and only build more often.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FixedRequestUri
{
    private readonly string _route;
    private Entry? _last;

    /// <summary>Keeps the URIs of <paramref name="route"/>.</summary>
    /// <param name="route">The operation's route, as <see cref="RequestUriBuilder.AppendLiteral(string)"/> takes it.</param>
    public FixedRequestUri(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        _route = route;
    }

    /// <summary>The URI of the route under <paramref name="baseAddress"/>.</summary>
    /// <param name="baseAddress">The absolute base address.</param>
    /// <returns>The request URI.</returns>
    public Uri For(Uri baseAddress)
    {
        // Uri is immutable, so the same instance always yields the same URI; comparing by reference costs nothing.
        Entry? last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.BaseAddress, baseAddress))
        {
            return last.RequestUri;
        }

        var builder = new RequestUriBuilder(baseAddress, stackalloc char[256]);
        builder.AppendLiteral(_route);
        Uri requestUri = builder.ToUri();
        Volatile.Write(ref _last, new Entry(baseAddress, requestUri));
        return requestUri;
    }

    private sealed record Entry(Uri BaseAddress, Uri RequestUri);
}
