using System;

namespace TokenGen.Infrastructure;

/// <summary>Creates a <see cref="Uri"/> from escaped text without letting it collapse escaped dot segments.</summary>
internal static class UriText
{
    private static readonly UriCreationOptions s_keepPathAsWritten = new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <summary>
    /// Creates an absolute URI from fully escaped text. When the path holds <c>%2E</c>, the URI keeps its path and query
    /// exactly as written (a canonicalizing URI would turn <c>/a/%2E%2E/b</c> into <c>/b</c>); otherwise it is an ordinary URI.
    /// </summary>
    internal static Uri Create(string escaped)
    {
        ReadOnlySpan<char> text = escaped;
        int queryAt = text.IndexOfAny('?', '#');
        ReadOnlySpan<char> path = queryAt < 0 ? text : text.Slice(0, queryAt);
        return path.Contains("%2E", StringComparison.OrdinalIgnoreCase)
            ? new Uri(escaped, in s_keepPathAsWritten)
            : new Uri(escaped, UriKind.Absolute);
    }
}
