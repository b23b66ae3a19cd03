using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TokenGen.Emulator;

/// <summary>Small helpers the API handlers share for reading a request.</summary>
internal static class RequestReading
{
    /// <summary>The value after <c>Bearer </c> in the Authorization header, or null when there is none.</summary>
    public static string? Bearer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var value = header[Prefix.Length..].Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>The media type of the request without parameters, lower case, or null when none is given.</summary>
    public static string? MediaType(HttpContext context) =>
        MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var parsed) && parsed.MediaType.HasValue
            ? parsed.MediaType.Value!.ToLowerInvariant()
            : null;

    /// <summary>Reads the body as one JSON document; null when the body is empty or not JSON.</summary>
    public static async Task<JsonDocument?> TryReadJsonAsync(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string property of <paramref name="element"/>; null when it is absent, not a string or the element is not an object.</summary>
    public static string? String(JsonElement element, string name, bool ignoreCase = false)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            }
        }

        return null;
    }

    /// <summary>Writes a date-time the way the services do: UTC, ISO 8601, whole seconds, <c>Z</c>.</summary>
    public static void WriteTimestamp(Utf8JsonWriter writer, string name, DateTimeOffset value) =>
        writer.WriteString(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
