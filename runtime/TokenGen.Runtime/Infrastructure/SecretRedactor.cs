using System;
using System.Buffers;
using System.Text;

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
internal static class SecretRedactor
{
    /// <summary>The text a token-like value is replaced with.</summary>
    internal const string Replacement = "[redacted]";

    /// <summary>The shortest run treated as a token.</summary>
    internal const int MinimumTokenLength = 24;

    private static readonly SearchValues<char> s_tokenChars =
        SearchValues.Create("+-./0123456789=ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");

    /// <summary>Returns <paramref name="text"/> with every token-like run replaced; the same instance when there is none.</summary>
    internal static string Redact(string text)
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
