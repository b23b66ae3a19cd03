using System;
using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace TokenGen.Emulator;

/// <summary>
/// Makes tokens. The JWT-shaped ones carry readable claims (<c>sub</c>, <c>iat</c>, <c>exp</c>, <c>jti</c>, …)
/// so they look like the services' own, but the signature is random bytes: the emulator recognises its tokens by
/// looking them up, never by verifying them.
/// </summary>
internal static class TokenMinter
{
    private static readonly string s_header = Base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"tokengen-emulator\"}"u8);

    public static string Jwt(string issuer, string subject, string tokenType, DateTimeOffset issuedAt, DateTimeOffset expiresAt, Action<Utf8JsonWriter>? extraClaims = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("iss", issuer);
            w.WriteString("sub", subject);
            w.WriteString("typ", tokenType);
            w.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            w.WriteNumber("nbf", issuedAt.ToUnixTimeSeconds());
            w.WriteNumber("exp", expiresAt.ToUnixTimeSeconds());
            w.WriteString("jti", Guid.NewGuid().ToString("N"));
            extraClaims?.Invoke(w);
            w.WriteEndObject();
        }

        return s_header + "." + Base64Url(buffer.WrittenSpan) + "." + Base64Url(RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>An opaque token: a prefix that says which API issued it, then random URL-safe characters.</summary>
    public static string Opaque(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(24));

    private static string Base64Url(ReadOnlySpan<byte> bytes)
    {
        var text = new byte[Base64.GetMaxEncodedToUtf8Length(bytes.Length)];
        Base64.EncodeToUtf8(bytes, text, out _, out var written);
        var chars = new char[written];
        var length = 0;
        for (var i = 0; i < written; i++)
        {
            var c = (char)text[i];
            switch (c)
            {
                case '=':
                    continue;
                case '+':
                    c = '-';
                    break;
                case '/':
                    c = '_';
                    break;
            }

            chars[length++] = c;
        }

        return new string(chars, 0, length);
    }
}
