using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TokenGen.Emulator;

/// <summary>The five APIs, so that faults and unknown routes can answer in each API's own error shape.</summary>
internal enum Api
{
    DirectLine,
    Banyan,
    Esper,
    RunAi,
    Prowler,
}

/// <summary>
/// A complete answer, built before anything is written, so the fault stage can send it whole, cut it short or
/// drop the connection halfway through it.
/// </summary>
internal sealed class Reply
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string JsonApiContentType = "application/vnd.api+json";

    // Bodies go to API clients, never into HTML, so quotes and the like are written as themselves.
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private Reply(int status, string contentType, byte[] body)
    {
        Status = status;
        ContentType = contentType;
        Body = body;
    }

    public int Status { get; }

    public string ContentType { get; }

    public byte[] Body { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public Reply WithHeader(string name, string value)
    {
        Headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    public static Reply Json(int status, Action<Utf8JsonWriter> write, string contentType = JsonContentType)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            write(writer);
        }

        return new Reply(status, contentType, buffer.WrittenSpan.ToArray());
    }

    public static Reply Raw(int status, string contentType, byte[] body) => new(status, contentType, body);
}
