using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace TokenGen;

/// <summary>
/// The stored form of an <see cref="IssuedToken"/>, written by hand (no serializer, so nothing for trimming to lose):
/// <c>[format 1][issued-at ticks 8][expires-at ticks 8][refresh-at ticks 8][access length 4][access][refresh length 4][refresh]</c>,
/// big-endian, times in UTC ticks with -1 for none, a refresh length of -1 for none. The generation is the entry's
/// version, bound in by the associated data rather than written.
/// </summary>
internal static class StoredTokenFormat
{
    private const byte Format = 1;
    private const int FixedSize = 1 + 8 + 8 + 8 + 4 + 4;

    /// <summary>What the protector binds an entry to: its key and version, so it opens nowhere else.</summary>
    public static byte[] AssociatedData(string key, long version) =>
        Encoding.UTF8.GetBytes("TokenGen token entry 1\n" + key + "\n" + version.ToString(CultureInfo.InvariantCulture));

    public static byte[] Write(IssuedToken token)
    {
        int accessLength = Encoding.ASCII.GetByteCount(token.AccessToken);
        int refreshLength = token.RefreshToken is null ? -1 : Encoding.ASCII.GetByteCount(token.RefreshToken);
        byte[] buffer = new byte[FixedSize + accessLength + Math.Max(refreshLength, 0)];
        Span<byte> span = buffer;
        span[0] = Format;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], token.IssuedAt.UtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(span[9..], token.ExpiresAt?.UtcTicks ?? -1);
        BinaryPrimitives.WriteInt64BigEndian(span[17..], token.RefreshAt?.UtcTicks ?? -1);
        BinaryPrimitives.WriteInt32BigEndian(span[25..], accessLength);
        Encoding.ASCII.GetBytes(token.AccessToken, span.Slice(29, accessLength));
        BinaryPrimitives.WriteInt32BigEndian(span[(29 + accessLength)..], refreshLength);
        if (token.RefreshToken is not null)
        {
            Encoding.ASCII.GetBytes(token.RefreshToken, span[(33 + accessLength)..]);
        }

        return buffer;
    }

    /// <summary>Reads what <see cref="Write"/> wrote; false for anything else, including tokens that could not be sent.</summary>
    public static bool TryRead(
        ReadOnlySpan<byte> data, out string accessToken, out string? refreshToken, out DateTimeOffset issuedAt, out DateTimeOffset? expiresAt, out DateTimeOffset? refreshAt)
    {
        accessToken = string.Empty;
        refreshToken = null;
        issuedAt = default;
        expiresAt = null;
        refreshAt = null;
        if (data.Length < FixedSize || data[0] != Format
            || !TryTime(BinaryPrimitives.ReadInt64BigEndian(data[1..]), out DateTimeOffset? issued) || issued is null
            || !TryTime(BinaryPrimitives.ReadInt64BigEndian(data[9..]), out expiresAt)
            || !TryTime(BinaryPrimitives.ReadInt64BigEndian(data[17..]), out refreshAt))
        {
            return false;
        }

        int accessLength = BinaryPrimitives.ReadInt32BigEndian(data[25..]);
        if (accessLength <= 0 || accessLength > data.Length - FixedSize)
        {
            return false;
        }

        int refreshLength = BinaryPrimitives.ReadInt32BigEndian(data[(29 + accessLength)..]);
        if (refreshLength < -1 || FixedSize + accessLength + Math.Max(refreshLength, 0) != data.Length)
        {
            return false;
        }

        accessToken = Encoding.ASCII.GetString(data.Slice(29, accessLength));
        refreshToken = refreshLength <= 0 ? null : Encoding.ASCII.GetString(data.Slice(33 + accessLength, refreshLength));
        issuedAt = issued.Value;

        // The same rule as a token arriving from the service: only one run of visible ASCII is ever sent.
        return TokenCharacters.AreSendable(accessToken)
            && (string.IsNullOrEmpty(refreshToken) || TokenCharacters.AreSendable(refreshToken));
    }

    private static bool TryTime(long ticks, out DateTimeOffset? time)
    {
        time = null;
        if (ticks == -1)
        {
            return true;
        }

        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        time = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
