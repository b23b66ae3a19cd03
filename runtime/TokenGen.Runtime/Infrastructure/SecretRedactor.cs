using System;
using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace TokenGen.Infrastructure;

/// <summary>
/// Hides token-like values in text that ends up in exception messages or properties (error bodies, snippets).
/// </summary>
/// <remarks>
/// A token-like value is a run of at least <see cref="MinimumTokenLength"/> characters from the alphabets tokens are
/// written in (letters, digits, <c>- _ . ~ + / =</c>) with at least two letters and one digit: JWTs, base64 and hex
/// secrets, opaque refresh tokens. Quotes, colons, commas, braces and white space end a run, so a JSON body stays
/// valid JSON (only the inside of strings changes), and no JSON number or literal is ever touched.
/// </remarks>
internal static partial class SecretRedactor
{
    /// <summary>The text a token-like value is replaced with.</summary>
    internal const string Replacement = "[redacted]";

    /// <summary>The shortest run treated as a token.</summary>
    internal const int MinimumTokenLength = 24;

    private static readonly SearchValues<char> s_tokenChars =
        SearchValues.Create("+-./0123456789=ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");

    /// <summary>
    /// Returns <paramref name="text"/> with the value of every JSON member named like a secret replaced, then every
    /// token-like run; the same instance when there is neither.
    /// </summary>
    internal static string Redact(string text) => RedactTokenRuns(RedactSecretMembers(text));

    /// <summary>
    /// Replaces the string value of each JSON member whose name says it holds a secret (<c>password</c>,
    /// <c>client_secret</c>, <c>refresh_token</c>, <c>api_key</c>, …), however short: a short password
    /// is no token-like run. <c>token_type</c> and other names that merely mention a token are kept.
    /// </summary>
    internal static string RedactSecretMembers(string text)
    {
        if (text.IndexOf('"', StringComparison.Ordinal) < 0)
        {
            return text;
        }

        try
        {
            return StringMember().Replace(text, static match =>
                match.Groups["value"].Length > 0 && IsSecretName(match.Groups["name"].ValueSpan)
                    ? match.Value.Substring(0, match.Groups["value"].Index - match.Index) + Replacement + "\""
                    : match.Value);
        }
        catch (RegexMatchTimeoutException)
        {
            // A body built to be slow to scan: building an exception must not fail; the token-run pass still runs.
            return text;
        }
    }

    /// <summary>Nearly the rule the generator applies to model members: a few exact names, and the endings token, secret, password and apikey.</summary>
    internal static bool IsSecretName(ReadOnlySpan<char> name)
    {
        Span<char> buffer = stackalloc char[64];
        int length = 0;
        foreach (char c in name)
        {
            if (c is '_' or '-' or '.' or '@')
            {
                continue;
            }

            if (length == buffer.Length)
            {
                return false;
            }

            buffer[length++] = char.ToLowerInvariant(c);
        }

        ReadOnlySpan<char> normalized = buffer.Slice(0, length);
        // As in the generator's rule for received models, "code" is not here: in an error body it is the error's code.
        return normalized is "access" or "refresh" or "authorizationcode" or "assertion" or "credential" or "credentials" or "privatekey" or "passwd"
            || normalized.EndsWith("token") || normalized.EndsWith("secret") || normalized.EndsWith("password") || normalized.EndsWith("apikey");
    }

    // "name": "value", with escapes inside either; bounded so a hostile body cannot make it backtrack for long.
    [GeneratedRegex(@"""(?<name>[^""\\]{1,64})""\s*:\s*""(?<value>(?:[^""\\]|\\.){0,65536})""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StringMember();

    private static string RedactTokenRuns(string text)
    {
        StringBuilder? builder = null;
        int copiedUpTo = 0;
        int i = 0;
        ReadOnlySpan<char> span = text;
        while (i < span.Length)
        {
            int start = span.Slice(i).IndexOfAny(s_tokenChars);
            if (start < 0)
            {
                break;
            }

            start += i;
            int runLength = span.Slice(start).IndexOfAnyExcept(s_tokenChars);
            if (runLength < 0)
            {
                runLength = span.Length - start;
            }

            if (runLength >= MinimumTokenLength && LooksLikeToken(span.Slice(start, runLength)))
            {
                builder ??= new StringBuilder(text.Length);
                builder.Append(span.Slice(copiedUpTo, start - copiedUpTo)).Append(Replacement);
                copiedUpTo = start + runLength;
            }

            i = start + runLength;
        }

        if (builder is null)
        {
            return text;
        }

        return builder.Append(span.Slice(copiedUpTo)).ToString();
    }

    private static bool LooksLikeToken(ReadOnlySpan<char> run)
    {
        int letters = 0;
        bool digit = false;
        foreach (char c in run)
        {
            if (char.IsAsciiLetter(c))
            {
                letters++;
            }
            else if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
        }

        return letters >= 2 && digit;
    }
}
