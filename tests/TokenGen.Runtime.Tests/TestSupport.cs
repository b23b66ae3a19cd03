using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests;

public sealed class TokenModel
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; set; }
}

public sealed class ErrorEnvelope
{
    [JsonPropertyName("error")]
    public ErrorDetail? Error { get; set; }
}

public sealed class ErrorDetail
{
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}

/// <summary>An identity provider's error, as Entra ID and Okta write it: the ids are what a support ticket needs.</summary>
public sealed class OAuthError
{
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }

    [JsonPropertyName("trace_id")]
    public string? TraceId { get; set; }

    [JsonPropertyName("correlation_id")]
    public string? CorrelationId { get; set; }
}

[JsonSerializable(typeof(TokenModel))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(OAuthError))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}




/// <summary>Content whose stream is handed out as it is and whose length is unknown (a chunked answer).</summary>
internal sealed class StreamingContent : HttpContent
{
    private readonly Stream _stream;

    public StreamingContent(Stream stream, string? mediaType = "application/json", long? declaredLength = null)
    {
        _stream = stream;
        if (mediaType is not null)
        {
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        if (declaredLength is not null)
        {
            Headers.ContentLength = declaredLength;
        }
    }

    public int StreamRequests { get; private set; }

    protected override Task<Stream> CreateContentReadStreamAsync()
    {
        StreamRequests++;
        return Task.FromResult(_stream);
    }

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
    {
        StreamRequests++;
        return Task.FromResult(_stream);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => _stream.CopyToAsync(stream);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

internal static class Responses
{
    public static HttpResponseMessage Create(HttpStatusCode status, HttpContent content, HttpMethod? method = null, string? uri = null)
    {
        var response = new HttpResponseMessage(status) { Content = content };
        if (uri is not null)
        {
            response.RequestMessage = new HttpRequestMessage(method ?? HttpMethod.Get, uri);
        }

        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body, string mediaType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return Create(status, content, HttpMethod.Post, "https://host/v1/token");
    }

    public static HttpResponseMessage Bytes(HttpStatusCode status, byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return Create(status, content, HttpMethod.Get, "https://host/v1/token");
    }
}
