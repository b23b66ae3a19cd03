using System;
using System.ComponentModel;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;

namespace TokenGen.Infrastructure;

/// <summary>Creates request bodies. For generated clients.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequestContent
{
    /// <summary>The media type of a JSON body when the operation names none.</summary>
    public const string JsonMediaType = "application/json";

    /// <summary>
    /// Serializes <paramref name="value"/> straight to UTF-8 bytes through <paramref name="typeInfo"/> and wraps them
    /// in content whose <c>Content-Type</c> is exactly <paramref name="mediaType"/> (no parameters are added, since
    /// JSON:API servers refuse them) and whose <c>Content-Length</c> is known.
    /// </summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">The source-generated type info.</param>
    /// <param name="mediaType">The media type, for example <c>application/vnd.api+json</c>.</param>
    /// <returns>The content.</returns>
    public static HttpContent CreateJson<T>(T value, JsonTypeInfo<T> typeInfo, string mediaType) => throw new NotImplementedException();
}

/// <summary>
/// Builds an <c>application/x-www-form-urlencoded</c> body field by field (names and values percent-encoded,
/// spaces as <c>+</c>, null values omitted). For generated clients.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FormUrlEncodedBuilder
{
    /// <summary>Adds <c>name=value</c>; a <see langword="null"/> value adds nothing.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The formatted value.</param>
    public void Add(string name, string? value) => throw new NotImplementedException();

    /// <summary>Creates the content, with a known <c>Content-Length</c>.</summary>
    /// <returns>The content.</returns>
    public HttpContent ToContent() => throw new NotImplementedException();
}

/// <summary>Adds fields to a <c>multipart/form-data</c> body. For generated clients.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MultipartContentWriter
{
    /// <summary>Adds a text part named <paramref name="name"/>; a <see langword="null"/> value adds nothing.</summary>
    /// <param name="content">The multipart content.</param>
    /// <param name="name">The part's name.</param>
    /// <param name="value">The formatted value.</param>
    public static void AddText(MultipartFormDataContent content, string name, string? value) => throw new NotImplementedException();
}
