namespace TokenGen.Generator.Parsing;

/// <summary>What a header name and a static header value may contain (RFC 9110 tokens; no CR, LF or NUL in values).</summary>
internal static class HeaderRules
{
    /// <summary>Returns null when <paramref name="name"/> is a valid header name, else the reason it is not.</summary>
    public static string? ValidateName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "the header name is empty";
        }

        foreach (var c in name!)
        {
            if (!IsTokenChar(c))
            {
                return $"the header name contains '{Printable(c)}', which is not allowed in a header name";
            }
        }

        return null;
    }

    /// <summary>Returns null when <paramref name="value"/> may be sent as a header value, else the reason it may not.</summary>
    public static string? ValidateValue(string value)
    {
        foreach (var c in value)
        {
            if (c is '\r' or '\n' or '\0')
            {
                return "the header value contains CR, LF or NUL, which would split or end the header";
            }
        }

        return null;
    }

    /// <summary>
    /// Splits <c>"Name: value"</c> into its name and value (both trimmed). Returns null and sets
    /// <paramref name="error"/> when the text is not a valid header.
    /// </summary>
    public static (string Name, string Value)? TryParseStatic(string? text, out string? error)
    {
        if (text is null)
        {
            error = "the header text is null";
            return null;
        }

        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            error = "write a static header as \"Name: value\"";
            return null;
        }

        var name = text.Substring(0, colon).Trim();
        var value = text.Substring(colon + 1).Trim(' ', '\t');
        error = ValidateName(name) ?? ValidateValue(value);
        return error is null ? (name, value) : null;
    }

    private static bool IsTokenChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    private static string Printable(char c) => c switch
    {
        ' ' => "space",
        '\r' => "CR",
        '\n' => "LF",
        '\t' => "tab",
        _ => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString(),
    };
}
