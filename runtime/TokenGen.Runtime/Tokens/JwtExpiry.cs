using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace TokenGen;

/// <summary>
/// Reads the <c>exp</c> claim of an access token that is a JWT, for token responses that state no lifetime (Banyan
/// v1, Prowler). Only to schedule a refresh: nothing here validates the token, which is the server's business.
/// </summary>
internal static class JwtExpiry
{
    // A JWT payload worth reading is small; anything larger is not a token we should spend memory on.
    private const int MaxPayloadChars = 16 * 1024;

    /// <summary>Reads the <c>exp</c> claim (seconds since the Unix epoch) of <paramref name="token"/>.</summary>
    /// <param name="token">The access token.</param>
    /// <param name="expiresAt">The expiry, when the token is a JWT with a numeric <c>exp</c> in range.</param>
    /// <returns>Whether an expiry was read.</returns>
    public static bool TryRead(string token, out DateTimeOffset expiresAt)
    {
        expiresAt = default;
        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        if (firstDot <= 0)
        {
            return false;
        }

        var secondDot = token.IndexOf('.', firstDot + 1);
        if (secondDot < 0)
        {
            return false;
        }

        var payload = token.AsSpan(firstDot + 1, secondDot - firstDot - 1);
        if (payload.Length == 0 || payload.Length > MaxPayloadChars)
        {
            return false;
        }

        var rented = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length(payload.Length + 3) + 3);
        try
        {
            if (!TryDecodeBase64Url(payload, rented, out var length))
            {
                return false;
            }

            return TryReadExp(rented.AsSpan(0, length), out expiresAt);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool TryDecodeBase64Url(ReadOnlySpan<char> text, byte[] buffer, out int length)
    {
        length = 0;
        var padded = (text.Length + 3) / 4 * 4;
        var encoded = ArrayPool<byte>.Shared.Rent(padded);
        try
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                encoded[i] = c switch
                {
                    '-' => (byte)'+',
                    '_' => (byte)'/',
                    _ when c < 128 => (byte)c,
                    _ => (byte)0, // not base64url; the decoder refuses it
                };
            }

            for (var i = text.Length; i < padded; i++)
            {
                encoded[i] = (byte)'=';
            }

            return Base64.DecodeFromUtf8(encoded.AsSpan(0, padded), buffer, out _, out length) == OperationStatus.Done;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encoded);
        }
    }

    private static bool TryReadExp(ReadOnlySpan<byte> json, out DateTimeOffset expiresAt)
    {
        expiresAt = default;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isExp = reader.ValueTextEquals("exp"u8);
                if (!reader.Read())
                {
                    return false;
                }

                if (isExp)
                {
                    // RFC 7519 allows a fractional NumericDate; whole seconds are plenty for scheduling.
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var seconds)
                        || double.IsNaN(seconds) || seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
                    {
                        return false;
                    }

                    expiresAt = DateTimeOffset.FromUnixTimeSeconds((long)seconds);
                    return true;
                }

                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
