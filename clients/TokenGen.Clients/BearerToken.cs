using System;

namespace TokenGen.Clients;

/// <summary>
/// Builds the value of an <c>Authorization</c> header for the services that take a credential with the
/// <c>Bearer</c> scheme: Direct Line (secret or token), Banyan (refresh or access token), Esper (API key) and
/// Prowler (access token).
/// </summary>
/// <example>
/// <code>
/// var tokens = IDirectLineTokens.Create(httpClient);
/// var conversation = await tokens.GenerateTokenAsync(BearerToken.Format(directLineSecret));
/// </code>
/// </example>
public static class BearerToken
{
    /// <summary>The authentication scheme, <c>Bearer</c>.</summary>
    public const string Scheme = "Bearer";

    /// <summary>Returns <c>"Bearer " + credential</c>, the value of an <c>Authorization</c> header.</summary>
    /// <param name="credential">The secret, token or API key, without any scheme.</param>
    /// <returns>The header value, for example <c>Bearer eyJhbGciOi…</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="credential"/> is empty or only white space.</exception>
    public static string Format(string credential)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(credential);
        return string.Concat(Scheme, " ", credential);
    }
}
