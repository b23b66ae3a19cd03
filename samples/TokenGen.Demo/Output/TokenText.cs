using System;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TokenGen.Demo.Output;

/// <summary>How tokens and their expiry appear in the table: enough to tell tokens apart, never enough to use one.</summary>
internal static class TokenText
{
    /// <summary>How many leading characters of a token are shown.</summary>
    public const int VisiblePrefix = 6;

    // Below this length a 6-character prefix would give away too large a share of the token, so nothing is shown.
    private const int MinLengthForPrefix = 3 * VisiblePrefix;

    /// <summary>The first <see cref="VisiblePrefix"/> characters and an ellipsis, for example <c>eyJhbG…</c>.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The shortened token; only <c>…</c> for a token too short to show a prefix safely.</returns>
    public static string Shorten(string token) =>
        token.Length < MinLengthForPrefix ? "…" : string.Concat(token.AsSpan(0, VisiblePrefix), "…");

    /// <summary>
    /// The expiry as the answer states it: a lifetime (<c>in 1800 s</c>) when it gives one, a UTC time when it gives
    /// that, and otherwise the <c>exp</c> claim when the token is a JWT, marked as read from the token. The demo shows
    /// what each service says rather than converting, so the table doubles as a view of the wire formats.
    /// </summary>
    /// <param name="token">The issued token and its stated expiry.</param>
    /// <returns>The text for the Expires column.</returns>
    public static string Expiry(StepToken token)
    {
        if (token.ExpiresInSeconds is long seconds)
        {
            return string.Create(CultureInfo.InvariantCulture, $"in {seconds} s");
        }

        if (token.ExpiresAt is DateTimeOffset at)
        {
            return FormatUtc(at);
        }

        if (token.Value is not null && TryReadJwtExpiry(token.Value, out var exp))
        {
            return FormatUtc(exp) + " (JWT exp)";
        }

        return "not stated";
    }

    private static string FormatUtc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads the <c>exp</c> claim of a JWT without validating it: the demo only displays it. Anything that is not a
    /// three-part token with a JSON payload and a numeric <c>exp</c> gives <see langword="false"/>. Utf8JsonReader
    /// keeps this free of reflection.
    /// </summary>
    private static bool TryReadJwtExpiry(string token, out DateTimeOffset expiry)
    {
        expiry = default;
        var parts = token.Split('.');
        if (parts.Length != 3 || !TryDecodeBase64Url(parts[1], out var payload))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(payload);
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

                if (isExp && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds)
                    && seconds is > 0 and < 253402300800)
                {
                    expiry = DateTimeOffset.FromUnixTimeSeconds(seconds);
                    return true;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the token is opaque, which is fine.
        }

        return false;
    }

    private static bool TryDecodeBase64Url(string text, out byte[] bytes)
    {
        var base64 = new StringBuilder(text.Length + 3).Append(text).Replace('-', '+').Replace('_', '/');
        base64.Append('=', (4 - (base64.Length % 4)) % 4);
        bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(base64.Length)];
        if (!Convert.TryFromBase64String(base64.ToString(), bytes, out var written))
        {
            return false;
        }

        bytes = bytes[..written];
        return true;
    }
}
