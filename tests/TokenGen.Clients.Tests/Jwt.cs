using System;
using System.Text.Json;

namespace TokenGen.Clients.Tests;

/// <summary>
/// Reads the claims of the emulator's JWT-shaped tokens, so tests can check what a token says (its expiry, subject,
/// conversation or tenant) and not only that it is there.
/// </summary>
internal static class Jwt
{
    public static JsonElement Claims(string? token)
    {
        Assert.False(string.IsNullOrEmpty(token), "Expected a token.");
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var document = JsonDocument.Parse(Convert.FromBase64String(payload));
        return document.RootElement.Clone();
    }

    public static string? Claim(string? token, string name) => Claims(token).GetProperty(name).GetString();

    public static DateTimeOffset ExpiresAt(string? token) => DateTimeOffset.FromUnixTimeSeconds(Claims(token).GetProperty("exp").GetInt64());
}
