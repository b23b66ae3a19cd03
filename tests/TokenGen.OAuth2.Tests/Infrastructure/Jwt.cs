using System.Text;
using System.Text.Json;

namespace TokenGen.OAuth2.Tests.Infrastructure;

/// <summary>Reads a JWT's claims (never validated: the tests only look at what the server put in).</summary>
internal static class Jwt
{
    public static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part))).RootElement.Clone();
    }

    public static string? Claim(string jwt, string name) =>
        Payload(jwt).TryGetProperty(name, out var value) ? value.ToString() : null;
}
