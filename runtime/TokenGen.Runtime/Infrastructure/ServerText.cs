using System;
using System.Globalization;
using System.Text;

namespace TokenGen.Infrastructure;

/// <summary>
/// Makes text a server chose (a reason phrase, a media type, a header value) fit to be quoted in an exception's message
/// or property, which end up in logs: redacted like an error body, control characters escaped, length bounded.
/// </summary>
/// <remarks>
/// <para>
/// In this order: the text is redacted by <see cref="SecretRedactor"/> (so <c>Invalid client secret eyJ…</c> and
/// <c>client_secret=abc</c> lose their secrets, and a control character cannot split a secret's value from its name);
/// then every control character (U+0000–U+001F, U+007F–U+009F, CR, LF and tab included), every invisible format character
/// (bidirectional overrides, zero-width characters, the byte order mark, tags), U+2028, U+2029 and every lone surrogate is
/// written as <c>\uXXXX</c>, visibly, so a log line cannot be split, recoloured or reordered by a server and what it did
/// still shows; then the text is cut to the bound, never inside an escape or a surrogate pair, and a cut text ends with
/// <c>…</c> (U+2026) within the bound. A backslash is kept as it is, so a server's literal <c>\u001B</c> reads the same as an
/// escaped ESC: the text is for people, and both are harmless.
/// </para>
/// <para>
/// Only the first <c>bound + 1024</c> characters are looked at: nothing after them can appear in the result, and the extra
/// 1024 let a secret that straddles the cut be recognised whole.
/// </para>
/// </remarks>
internal static class ServerText
{
    private const int Slack = 1024;

    private const char Ellipsis = '\u2026';

    /// <summary>Returns <paramref name="text"/> redacted, escaped and cut to <paramref name="maxChars"/>; null and empty as they are.</summary>
    internal static string? Sanitize(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        bool windowCut = text.Length > maxChars + Slack;
        string window = windowCut ? text.Substring(0, maxChars + Slack) : text;
        string redacted = SecretRedactor.Redact(window);

        if (!windowCut && redacted.Length <= maxChars && !NeedsEscaping(redacted))
        {
            return redacted;
        }

        var builder = new StringBuilder(Math.Min(redacted.Length, maxChars) + 8);

        // The longest prefix made of whole units (a character, a surrogate pair or an escape) that leaves room for the ellipsis.
        int cutAt = 0;
        bool cut = windowCut;
        for (int i = 0; i < redacted.Length; i++)
        {
            char c = redacted[i];
            if (char.IsHighSurrogate(c) && i + 1 < redacted.Length && char.IsLowSurrogate(redacted[i + 1]))
            {
                if (IsInvisible(CharUnicodeInfo.GetUnicodeCategory(redacted, i)))
                {
                    AppendEscape(builder, c);
                    AppendEscape(builder, redacted[i + 1]);
                }
                else
                {
                    builder.Append(c).Append(redacted[i + 1]);
                }

                i++;
            }
            else if (NeedsEscaping(c))
            {
                AppendEscape(builder, c);
            }
            else
            {
                builder.Append(c);
            }

            if (builder.Length > maxChars)
            {
                cut = true;
                break;
            }

            if (builder.Length <= maxChars - 1)
            {
                cutAt = builder.Length;
            }
        }

        if (cut)
        {
            builder.Length = cutAt;
            builder.Append(Ellipsis);
        }

        return builder.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsInvisible(CharUnicodeInfo.GetUnicodeCategory(text, i)))
                {
                    return true;
                }

                i++;
            }
            else if (NeedsEscaping(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A character that is escaped on its own (a valid surrogate pair is judged as one code point by the caller).</summary>
    private static bool NeedsEscaping(char c) =>
        c < ' '
        || (c >= '\u007F' && (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' || IsInvisible(CharUnicodeInfo.GetUnicodeCategory(c))));

    private static bool IsInvisible(UnicodeCategory category) =>
        category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static void AppendEscape(StringBuilder builder, char c)
        => builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
}
