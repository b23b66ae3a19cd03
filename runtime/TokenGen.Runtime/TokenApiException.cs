using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TokenGen;

/// <summary>
/// A token API answered with a non-success status code. Carries what a caller needs to decide what to do next:
/// the status, the request's method and URI (without its query, which may hold secrets), the reason phrase,
/// the server's <c>Retry-After</c>, and the error body (at most <see cref="MaxErrorBodyChars"/> characters kept).
/// </summary>
public sealed class TokenApiException : HttpRequestException
{
    /// <summary>The most characters of an error body an exception keeps: 64 Ki.</summary>
    public const int MaxErrorBodyChars = 64 * 1024;

    /// <summary>Creates an exception describing a non-success answer.</summary>
    /// <param name="statusCode">The status code of the answer.</param>
    /// <param name="method">The method of the request.</param>
    /// <param name="requestUri">The request URI; its query and fragment are dropped.</param>
    /// <param name="reasonPhrase">The reason phrase of the answer, if any.</param>
    /// <param name="retryAfter">How long the server asked the caller to wait, if it said so.</param>
    /// <param name="errorBody">The error body, if any; cut to <see cref="MaxErrorBodyChars"/> characters.</param>
    /// <param name="errorContentType">The media type of the error body, if any.</param>
    public TokenApiException(
        HttpStatusCode statusCode,
        HttpMethod method,
        Uri? requestUri,
        string? reasonPhrase,
        TimeSpan? retryAfter,
        string? errorBody,
        string? errorContentType)
        : base(CreateMessage(statusCode, method, requestUri, reasonPhrase), inner: null, statusCode)
    {
        throw new NotImplementedException();
    }

    /// <summary>The status code of the answer.</summary>
    public new HttpStatusCode StatusCode => base.StatusCode.GetValueOrDefault();

    /// <summary>The method of the request.</summary>
    public HttpMethod Method { get; }

    /// <summary>The request URI without its query or fragment, or <see langword="null"/> when unknown.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The reason phrase of the answer, if the server sent one.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>How long the server asked the caller to wait (<c>Retry-After</c>, as seconds or an HTTP date), if it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The error body as text, at most <see cref="MaxErrorBodyChars"/> characters, or <see langword="null"/> when there was none.</summary>
    public string? ErrorBody { get; }

    /// <summary>Whether <see cref="ErrorBody"/> was cut to <see cref="MaxErrorBodyChars"/> characters.</summary>
    public bool IsErrorBodyTruncated { get; }

    /// <summary>The media type of the error body, if the server named one.</summary>
    public string? ErrorContentType { get; }

    /// <summary>
    /// Reads the error body as JSON of type <typeparamref name="TError"/> through a source-generated type info.
    /// </summary>
    /// <typeparam name="TError">The error model, for example Direct Line's <c>ErrorResponse</c>.</typeparam>
    /// <param name="typeInfo">The type info from a <c>JsonSerializerContext</c>.</param>
    /// <param name="error">The parsed error when this returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when the body was complete, valid JSON of that shape.</returns>
    public bool TryReadError<TError>(JsonTypeInfo<TError> typeInfo, out TError? error)
    {
        throw new NotImplementedException();
    }

    private static string CreateMessage(HttpStatusCode statusCode, HttpMethod method, Uri? requestUri, string? reasonPhrase)
    {
        throw new NotImplementedException();
    }
}
