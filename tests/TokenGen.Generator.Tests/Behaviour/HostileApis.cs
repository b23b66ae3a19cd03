using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>
/// A token API whose answers are hostile or broken (<see cref="HostileAnswerTests"/>, <see cref="MalformedAnswerFuzzTests"/>):
/// one operation per way a body is read.
/// </summary>
[TokenApi(BaseAddress = "https://hostile.example.test/api", SerializerContext = typeof(HostileJsonContext))]
public partial interface IHostileTokens
{
    [Post("/oauth/token")]
    Task<HostileToken> AcquireAsync(CancellationToken cancellationToken = default);

    [Post("/oauth/token")]
    Task<ApiResponse<HostileToken>> AcquireResponseAsync(CancellationToken cancellationToken = default);

    [Get("/v1/text")]
    Task<string> GetTextAsync(CancellationToken cancellationToken = default);

    [Get("/v1/claims")]
    Task<JsonElement> GetClaimsAsync(CancellationToken cancellationToken = default);

    [Get("/v1/tree")]
    Task<TreeNode> GetTreeAsync(CancellationToken cancellationToken = default);

    [Post("/oauth/narrow")]
    Task<NarrowLifetimeToken> AcquireNarrowAsync(CancellationToken cancellationToken = default);
}

/// <summary>A token API whose callers pass hostile values (<see cref="HostileInputTests"/>): route, query and header.</summary>
[TokenApi(BaseAddress = "https://hostile.example.test/api", SerializerContext = typeof(HostileJsonContext))]
public partial interface IHostileInputTokens
{
    [Get("/v1/tenants/{tenant}/tokens/{id}")]
    Task<string> GetTokenAsync(
        string tenant,
        string id,
        [Query("scope")] string? requestedScope = null,
        [Header("X-Api-Key")] string? apiKey = null,
        CancellationToken cancellationToken = default);
}

/// <summary>A token response whose lifetime is wide enough for any number a service sends.</summary>
public sealed class HostileToken
{
    [JsonPropertyName("access_token")]
    [AccessToken]
    public string? AccessToken { get; set; }

    [JsonPropertyName("refresh_token")]
    [RefreshToken]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("expires_in")]
    [ExpiresIn]
    public long? ExpiresIn { get; set; }

    /// <summary>Free-form JSON inside a model: where a hostile service nests deeply.</summary>
    [JsonPropertyName("extra")]
    public JsonElement? Extra { get; set; }
}

/// <summary>A token response whose lifetime is an <see cref="int"/>, as some services document it.</summary>
public sealed class NarrowLifetimeToken
{
    [JsonPropertyName("access_token")]
    [AccessToken]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expires_in")]
    [ExpiresIn]
    public int? ExpiresIn { get; set; }
}

/// <summary>A recursive model: typed nesting, which the serializer follows with recursion.</summary>
public sealed class TreeNode
{
    [JsonPropertyName("child")]
    public TreeNode? Child { get; set; }
}

/// <summary>The serializer context of the hostile APIs; its <c>MaxDepth</c> is left at the default (64).</summary>
[JsonSerializable(typeof(HostileToken))]
[JsonSerializable(typeof(NarrowLifetimeToken))]
[JsonSerializable(typeof(TreeNode))]
public sealed partial class HostileJsonContext : JsonSerializerContext
{
}

/// <summary>Answers every request with what <c>answer</c> builds, and counts the requests.</summary>
public sealed class HostileHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;
    private int _requests;

    public HostileHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) => _answer = answer;

    /// <summary>How many requests reached the handler (were "sent").</summary>
    public int Requests => Volatile.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        HttpResponseMessage response = _answer(request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}

/// <summary>A clock that stands still (no test here moves it), so a session's times can be asserted exactly.</summary>
public static class StoppedClock
{
    public static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Now);
}

/// <summary>
/// Content whose stream is handed out as it is, with a <c>Content-Length</c> only when one is declared (which may lie).
/// </summary>
public sealed class HostileContent : HttpContent
{
    private readonly Stream _stream;

    public HostileContent(Stream stream, string? contentType, long? declaredLength = null)
    {
        _stream = stream;
        if (contentType is not null)
        {
            Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (declaredLength is not null)
        {
            Headers.ContentLength = declaredLength;
        }
    }

    /// <summary>Whether anyone asked for the body's stream.</summary>
    public bool StreamOpened { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _stream.CopyToAsync(stream);

    protected override Task<Stream> CreateContentReadStreamAsync()
    {
        StreamOpened = true;
        return Task.FromResult(_stream);
    }

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => CreateContentReadStreamAsync();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }
}

