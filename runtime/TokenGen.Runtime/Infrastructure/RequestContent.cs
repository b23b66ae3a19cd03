using System;
using System.ComponentModel;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;

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
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> or <paramref name="mediaType"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="mediaType"/> is empty or white space.</exception>
    /// <exception cref="FormatException"><paramref name="mediaType"/> is not a valid media type.</exception>
    public static HttpContent CreateJson<T>(T value, JsonTypeInfo<T> typeInfo, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);

        // Checked before serializing, so a bad one fails without doing the work.
        RequireValidMediaType(mediaType);
        byte[] utf8 = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        var content = new ByteArrayContent(utf8);
        AddContentType(content, mediaType);
        return content;
    }

    // The media type a generated client passes is a constant, so the last one found valid is remembered by reference
    // and not parsed again: a parse allocates the parsed value, which a body then carries for nothing, since the header
    // goes on the wire as the same text.
    private static string? s_lastValidMediaType;

    /// <summary>Throws <see cref="FormatException"/> unless <paramref name="mediaType"/> is a media type without parameters.</summary>
    private static void RequireValidMediaType(string mediaType)
    {
        if (ReferenceEquals(mediaType, Volatile.Read(ref s_lastValidMediaType)))
        {
            return;
        }

        _ = new MediaTypeHeaderValue(mediaType);
        Volatile.Write(ref s_lastValidMediaType, mediaType);
    }

    /// <summary>Sets a <c>Content-Type</c> already known to be valid, as text: no parsed header value is allocated.</summary>
    internal static void AddContentType(HttpContent content, string validMediaType) =>
        content.Headers.TryAddWithoutValidation("Content-Type", validMediaType);
}

/// <summary>
/// Builds an <c>application/x-www-form-urlencoded</c> body field by field (names and values percent-encoded as UTF-8,
/// spaces as <c>+</c>, everything outside RFC 3986's unreserved set escaped, null values omitted). For generated clients.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FormUrlEncodedBuilder
{
    private const string MediaType = "application/x-www-form-urlencoded";

    // The encoded form is ASCII, so it is written as bytes directly and handed to the content without a copy.
    private byte[] _bytes = Array.Empty<byte>();
    private int _length;

    // Set once ToContent hands _bytes to a content; the next write copies them first.
    private bool _shared;

    /// <summary>Adds <c>name=value</c>; a <see langword="null"/> value adds nothing.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The formatted value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public void Add(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is null)
        {
            return;
        }

        if (_length > 0)
        {
            Write((byte)'&');
        }

        WriteEncoded(name);
        Write((byte)'=');
        WriteEncoded(value);
    }

    /// <summary>Creates the content, with a known <c>Content-Length</c>.</summary>
    /// <returns>The content, whose <c>Content-Type</c> is <c>application/x-www-form-urlencoded</c>.</returns>
    public HttpContent ToContent()
    {
        var content = new ByteArrayContent(_bytes, 0, _length);
        RequestContent.AddContentType(content, MediaType);
        _shared = true;
        return content;
    }

    private void WriteEncoded(string text)
    {
        ReadOnlySpan<char> rest = text;
        Span<char> escaped = stackalloc char[PercentEncoding.MaxEncodedCharsPerCodePoint];
        while (!rest.IsEmpty)
        {
            int escapeAt = rest.IndexOfAnyExcept(PercentEncoding.Unreserved);
            ReadOnlySpan<char> run = escapeAt < 0 ? rest : rest.Slice(0, escapeAt);
            EnsureCapacity(run.Length);
            for (int i = 0; i < run.Length; i++)
            {
                _bytes[_length + i] = (byte)run[i];
            }

            _length += run.Length;
            if (escapeAt < 0)
            {
                return;
            }

            rest = rest.Slice(escapeAt);
            if (rest[0] == ' ')
            {
                Write((byte)'+');
                rest = rest.Slice(1);
                continue;
            }

            int consumed = PercentEncoding.EncodeCodePoint(rest, escaped, out int written);
            EnsureCapacity(written);
            for (int i = 0; i < written; i++)
            {
                _bytes[_length + i] = (byte)escaped[i];
            }

            _length += written;
            rest = rest.Slice(consumed);
        }
    }

    private void Write(byte value)
    {
        EnsureCapacity(1);
        _bytes[_length++] = value;
    }

    private void EnsureCapacity(int additional)
    {
        if (!_shared && _bytes.Length - _length >= additional)
        {
            return;
        }

        int required = checked(_length + additional);
        int size = _bytes.Length - _length >= additional ? _bytes.Length : Math.Max(required, Math.Max(128, _bytes.Length * 2));
        byte[] next = new byte[size];
        _bytes.AsSpan(0, _length).CopyTo(next);
        _bytes = next;
        _shared = false;
    }
}

/// <summary>Adds fields to a <c>multipart/form-data</c> body. For generated clients.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MultipartContentWriter
{
    /// <summary>Adds a text part named <paramref name="name"/>; a <see langword="null"/> value adds nothing.</summary>
    /// <param name="content">The multipart content.</param>
    /// <param name="name">The part's name.</param>
    /// <param name="value">The formatted value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or <paramref name="name"/> is null.</exception>
    public static void AddText(MultipartFormDataContent content, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        if (value is null)
        {
            return;
        }

        content.Add(new StringContent(value), name);
    }
}
