using System;
using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using TokenGen.Shared;

namespace TokenGen.Infrastructure;

/// <summary>
/// Hides secrets in text a server chose that ends up in exception messages or properties: error bodies, snippets,
/// reason phrases, media types.
/// </summary>
/// <remarks>
/// <para>Three passes, in this order:</para>
/// <list type="number">
/// <item>the value of every JSON member named like a secret (<see cref="SecretNames"/>), a string or a number, however
/// short: <c>"password":"hunter2"</c> becomes <c>"password":"[redacted]"</c>;</item>
/// <item>the value of every <c>name=value</c> or <c>name: value</c> pair in free text whose name is a secret's, as
/// servers echo form bodies and headers in error messages: <c>client_secret=abc&amp;x=y</c> becomes
/// <c>client_secret=[redacted]&amp;x=y</c>, <c>password: 'hunter2'</c> becomes <c>password: '[redacted]'</c>; an
/// unquoted value ends at white space or one of <c>&amp; , ; " ' \ &lt; &gt; ( ) [ ] { }</c>;</item>
/// <item>every token-like run: at least <see cref="MinimumTokenLength"/> characters from the alphabets tokens are written
/// in (letters, digits, <c>- _ . ~ + / =</c>) with at least two letters and one digit: JWTs, base64 and hex secrets,
/// opaque refresh tokens, and also GUIDs (a <c>trace_id</c>), which cannot be told from a secret by their look.</item>
/// </list>
/// <para>
/// A JSON body stays valid JSON: only the inside of strings changes, and a secret member's number becomes the string
/// <c>"[redacted]"</c>. Quotes, backslashes, colons, commas, braces and white space end every run and every unquoted
/// value, so JSON's structure, its escapes and its other numbers and literals are never touched. Names that merely
/// mention a secret (<c>token_type</c>, <c>expires_in</c>) and <c>code</c> (in an answer, an error's code) are kept.
/// </para>
/// </remarks>
internal static partial class SecretRedactor
{
    /// <summary>The text a secret is replaced with.</summary>
    internal const string Replacement = "[redacted]";

    /// <summary>The shortest run treated as a token.</summary>
    internal const int MinimumTokenLength = 24;

    /// <summary>The longest name of a <c>name=value</c> pair that is looked at.</summary>
    private const int MaxPairNameLength = 64;

    private static readonly SearchValues<char> s_tokenChars =
        SearchValues.Create("+-./0123456789=ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");

    private static readonly SearchValues<char> s_nameChars =
        SearchValues.Create("-.0123456789@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> s_pairSeparators = SearchValues.Create(":=");

    private static readonly SearchValues<char> s_unquotedValueEnds = SearchValues.Create(" \t\r\n\f\v&,;\"'\\<>()[]{}");

    private static readonly string[] s_authorizationSchemes = { "Bearer", "Basic", "Digest", "DPoP", "MAC", "Token" };

    /// <summary>
    /// Returns <paramref name="text"/> with secret-named JSON members, secret-named pairs and token-like runs replaced by
    /// <see cref="Replacement"/>; the same instance when there is none.
    /// </summary>
    internal static string Redact(string text) => RedactTokenRuns(RedactSecretPairs(RedactSecretMembers(text)));

    /// <summary>
    /// Replaces the string or number value of each JSON member whose name says it holds a secret (<c>password</c>,
    /// <c>client_secret</c>, <c>refresh_token</c>, <c>api_key</c>, <c>otp</c>, …), however short: a short password
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
            bool changed = false;
            string result = JsonMember().Replace(text, match =>
            {
                Group value = match.Groups["value"];
                Group number = match.Groups["number"];
                if (!IsSecretName(match.Groups["name"].ValueSpan) || (!number.Success && value.Length == 0))
                {
                    return match.Value;
                }

                changed = true;

                // A number becomes a string: "pin": 1234 must not keep its digits, and the JSON stays valid.
                return number.Success
                    ? match.Value.Substring(0, number.Index - match.Index) + "\"" + Replacement + "\""
                    : match.Value.Substring(0, value.Index - match.Index) + Replacement + "\"";
            });

            // Members that are not secrets match too (their numbers included); the text is then kept as it is.
            return changed ? result : text;
        }
        catch (RegexMatchTimeoutException)
        {
            // A body built to be slow to scan: building an exception must not fail; the other passes still run.
            return text;
        }
    }

    /// <summary>
    /// Replaces the value of each <c>name=value</c> or <c>name: value</c> pair in free text whose name says it holds a
    /// secret: a form body or a header a server echoes in its error (<c>client_secret=abc&amp;grant_type=x</c>,
    /// <c>password: hunter2</c>). A value may be quoted (<c>'…'</c>, <c>"…"</c>, or <c>\"…\"</c> inside a JSON string); an
    /// authorization scheme before it (<c>Bearer</c>, <c>Basic</c>, …) is kept. A JSON member's own colon is never taken
    /// for a pair's (its name ends with a quote), so JSON stays valid.
    /// </summary>
    internal static string RedactSecretPairs(string text)
    {
        ReadOnlySpan<char> span = text;
        StringBuilder? builder = null;
        int copiedUpTo = 0;
        int i = 0;
        while (i < span.Length)
        {
            int found = span.Slice(i).IndexOfAny(s_pairSeparators);
            if (found < 0)
            {
                break;
            }

            int separator = i + found;
            i = separator + 1;

            // The name: name characters right before the separator (spaces or tabs between them allowed).
            int nameEnd = separator;
            while (nameEnd > copiedUpTo && span[nameEnd - 1] is ' ' or '\t')
            {
                nameEnd--;
            }

            int nameStart = nameEnd;
            while (nameStart > copiedUpTo && nameEnd - nameStart <= MaxPairNameLength && s_nameChars.Contains(span[nameStart - 1]))
            {
                nameStart--;
            }

            if (nameStart == nameEnd || nameEnd - nameStart > MaxPairNameLength || !IsSecretName(span[nameStart..nameEnd]))
            {
                continue;
            }

            if (!TryFindPairValue(span, separator + 1, out int valueStart, out int valueEnd))
            {
                continue;
            }

            builder ??= new StringBuilder(text.Length);
            builder.Append(span[copiedUpTo..valueStart]).Append(Replacement);
            copiedUpTo = valueEnd;
            i = valueEnd;
        }

        if (builder is null)
        {
            return text;
        }

        return builder.Append(span.Slice(copiedUpTo)).ToString();
    }

    /// <summary>The rule the generator applies to model members that are received: <see cref="SecretNames"/>, without <c>code</c>.</summary>
    internal static bool IsSecretName(ReadOnlySpan<char> name) => SecretNames.IsSecretName(name, isSent: false);

    /// <summary>Finds the value of a pair whose separator ends before <paramref name="start"/>; false when there is none.</summary>
    private static bool TryFindPairValue(ReadOnlySpan<char> text, int start, out int valueStart, out int valueEnd)
    {
        int v = start;
        while (v < text.Length && text[v] is ' ' or '\t')
        {
            v++;
        }

        valueStart = valueEnd = v;
        if (v == text.Length)
        {
            return false;
        }

        ReadOnlySpan<char> rest = text.Slice(v);
        int length;
        if (rest[0] is '"' or '\'' || rest.StartsWith("\\\""))
        {
            // Quoted: up to the closing quote, or a backslash (the closing \" inside a JSON string), or the line's end.
            int open = rest[0] == '\\' ? 2 : 1;
            ReadOnlySpan<char> inside = rest.Slice(open);
            length = rest[0] == '\''
                ? inside.IndexOfAny("'\"\\\r\n")
                : inside.IndexOfAny("\"\\\r\n");
            if (length < 0)
            {
                length = inside.Length;
            }

            valueStart = v + open;
        }
        else
        {
            length = rest.IndexOfAny(s_unquotedValueEnds);
            if (length < 0)
            {
                length = rest.Length;
            }

            // "Authorization: Bearer abc" and the like: the scheme is no secret, the credentials after it are.
            if (length > 0 && length < rest.Length && rest[length] == ' ' && IsAuthorizationScheme(rest.Slice(0, length)))
            {
                int credentials = length + 1;
                int credentialsLength = rest.Slice(credentials).IndexOfAny(s_unquotedValueEnds);
                if (credentialsLength < 0)
                {
                    credentialsLength = rest.Length - credentials;
                }

                if (credentialsLength > 0)
                {
                    valueStart = v + credentials;
                    length = credentialsLength;
                }
            }
            else
            {
                valueStart = v;
            }
        }

        valueEnd = valueStart + length;
        return length > 0 && !text.Slice(valueStart, length).SequenceEqual(Replacement);
    }

    private static bool IsAuthorizationScheme(ReadOnlySpan<char> word)
    {
        foreach (string scheme in s_authorizationSchemes)
        {
            if (word.Equals(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // "name": "value" or "name": number, with escapes inside either string; bounded so a hostile body cannot make it
    // backtrack for long. A number is matched whole or not at all, so no digit of it is left after the replacement.
    [GeneratedRegex(@"""(?<name>[^""\\]{1,64})""\s*:\s*(?:""(?<value>(?:[^""\\]|\\.){0,65536})""|(?<number>-?[0-9][0-9.eE+\-]{0,63})(?![0-9.eE+\-]))", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex JsonMember();

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
