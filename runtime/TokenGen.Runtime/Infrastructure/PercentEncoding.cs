using System;
using System.Buffers;
using System.Text;

namespace TokenGen.Infrastructure;

/// <summary>The character sets and byte-level helpers shared by the URI and form encoders.</summary>
internal static class PercentEncoding
{
    /// <summary>RFC 3986 unreserved: ALPHA DIGIT - . _ ~. Everything else in a value is percent-encoded.</summary>
    internal static readonly SearchValues<char> Unreserved =
        SearchValues.Create("-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");

    /// <summary>
    /// What route-template text may carry as it is: unreserved, sub-delims, <c>: @ / ?</c> and <c>%</c>
    /// (already percent-encoded text). Anything else (space, controls, <c>#</c>, brackets, non-ASCII) is encoded.
    /// </summary>
    internal static readonly SearchValues<char> LiteralSafe =
        SearchValues.Create("!$%&'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");

    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>The most characters one UTF-16 code point can take once percent-encoded (4 UTF-8 bytes, 3 chars each).</summary>
    internal const int MaxEncodedCharsPerCodePoint = 12;

    /// <summary>
    /// Percent-encodes the code point starting at <paramref name="source"/>[0] as UTF-8 into <paramref name="destination"/>.
    /// A lone surrogate is encoded as U+FFFD.
    /// </summary>
    /// <returns>The number of chars consumed from <paramref name="source"/>.</returns>
    internal static int EncodeCodePoint(ReadOnlySpan<char> source, Span<char> destination, out int charsWritten)
    {
        char c = source[0];
        if (c < 0x80)
        {
            WriteEscapedByte((byte)c, destination);
            charsWritten = 3;
            return 1;
        }

        if (Rune.DecodeFromUtf16(source, out Rune rune, out int consumed) != OperationStatus.Done)
        {
            rune = Rune.ReplacementChar;
            consumed = 1;
        }

        Span<byte> utf8 = stackalloc byte[4];
        int byteCount = rune.EncodeToUtf8(utf8);
        for (int i = 0; i < byteCount; i++)
        {
            WriteEscapedByte(utf8[i], destination.Slice(i * 3));
        }

        charsWritten = byteCount * 3;
        return consumed;
    }

    /// <summary>Writes <c>%XX</c> (upper-case hex) for <paramref name="value"/>.</summary>
    internal static void WriteEscapedByte(byte value, Span<char> destination)
    {
        destination[0] = '%';
        destination[1] = HexDigits[value >> 4];
        destination[2] = HexDigits[value & 0xF];
    }
}
