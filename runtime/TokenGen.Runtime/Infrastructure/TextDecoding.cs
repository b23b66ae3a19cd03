using System;
using System.Text;

namespace TokenGen.Infrastructure;

/// <summary>Decodes bodies as text the way <c>HttpContent.ReadAsStringAsync</c> does, without its buffering.</summary>
internal static class TextDecoding
{
    /// <summary>
    /// Decodes <paramref name="bytes"/>: a byte order mark wins (and is skipped), else the charset, else UTF-8.
    /// An unknown or unsupported charset decodes as UTF-8. Invalid bytes become U+FFFD.
    /// </summary>
    internal static string Decode(ReadOnlySpan<byte> bytes, string? charset)
    {
        Encoding encoding = Choose(ref bytes, charset);
        return bytes.IsEmpty ? string.Empty : encoding.GetString(bytes);
    }

    /// <summary>As <see cref="Decode(ReadOnlySpan{byte}, string?)"/>, but stops after <paramref name="maxChars"/> characters.</summary>
    internal static string Decode(ReadOnlySpan<byte> bytes, string? charset, int maxChars, out bool cut)
    {
        Encoding encoding = Choose(ref bytes, charset);
        cut = false;
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        if (encoding.GetMaxCharCount(bytes.Length) <= maxChars)
        {
            return encoding.GetString(bytes);
        }

        char[] chars = new char[maxChars];
        Decoder decoder = encoding.GetDecoder();
        decoder.Convert(bytes, chars, flush: true, out _, out int charsUsed, out bool completed);
        cut = !completed;
        return new string(chars, 0, charsUsed);
    }

    private static Encoding Choose(ref ReadOnlySpan<byte> bytes, string? charset)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes.Slice(3);
            return Encoding.UTF8;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            bytes = bytes.Slice(4);
            return Encoding.UTF32;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            bytes = bytes.Slice(2);
            return Encoding.BigEndianUnicode;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            bytes = bytes.Slice(2);
            return Encoding.Unicode;
        }

        return FromCharset(charset);
    }

    private static Encoding FromCharset(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return Encoding.UTF8;
        }

        ReadOnlySpan<char> name = charset.AsSpan().Trim().Trim('"');
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(name.ToString());
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
        catch (NotSupportedException)
        {
            return Encoding.UTF8;
        }
    }
}
