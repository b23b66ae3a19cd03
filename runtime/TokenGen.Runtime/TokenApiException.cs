using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TokenGen.Infrastructure;

namespace TokenGen;

/// <summary>
/// A token API answered with a non-success status code. Carries what a caller needs to decide what to do next:
/// the status, the request's method and URI (without its query, which may hold secrets), the reason phrase,
/// the server's <c>Retry-After</c>, and the error body (at most <see cref="MaxErrorBodyChars"/> characters kept,
/// token-like values redacted).
/// </summary>
/// <remarks>
/// The message names the method, the URI without query, fragment or user info, the status and the reason
/// phrase, for example <c>POST https://host/v3/directline/tokens/refresh answered 403 (Forbidden).</c>; it never
/// includes the error body.
/// </remarks>
public sealed class TokenApiException : HttpRequestException
{
    /// <summary>The most characters of an error body an exception keeps: 64 Ki.</summary>
    public const int MaxErrorBodyChars = 64 * 1024;

    /// <summary>Creates an exception describing a non-success answer.</summary>
    /// <param name="statusCode">The status code of the answer.</param>
    /// <param name="method">The method of the request.</param>
    /// <param name="requestUri">The request URI; its query, fragment and user info are dropped.</param>
    /// <param name="reasonPhrase">The reason phrase of the answer, if any.</param>
    /// <param name="retryAfter">How long the server asked the caller to wait, if it said so.</param>
    /// <param name="errorBody">
    /// The error body, if any; token-like values are redacted and it is cut to <see cref="MaxErrorBodyChars"/> characters.
    /// </param>
    /// <param name="errorContentType">The media type of the error body, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> is null.</exception>
    public TokenApiException(
        HttpStatusCode statusCode,
        HttpMethod method,
        Uri? requestUri,
        string? reasonPhrase,
        TimeSpan? retryAfter,
        string? errorBody,
        string? errorContentType)
        : this(statusCode, method, requestUri, reasonPhrase, retryAfter, errorBody, errorBodyWasCut: false, errorContentType)
    {
    }

    /// <summary>The constructor <see cref="ResponseReader"/> uses: it knows whether it stopped reading the body early.</summary>
    internal TokenApiException(
        HttpStatusCode statusCode,
        HttpMethod method,
        Uri? requestUri,
        string? reasonPhrase,
        TimeSpan? retryAfter,
        string? errorBody,
        bool errorBodyWasCut,
        string? errorContentType)
        : base(CreateMessage(statusCode, method, requestUri = WithoutSecrets(requestUri), reasonPhrase), inner: null, statusCode)
    {
        Method = method;
        RequestUri = requestUri;
        ReasonPhrase = reasonPhrase;
        RetryAfter = retryAfter;
        ErrorContentType = errorContentType;

        if (!string.IsNullOrEmpty(errorBody))
        {
            string redacted = SecretRedactor.Redact(errorBody);
            bool cut = errorBodyWasCut;
            if (redacted.Length > MaxErrorBodyChars)
            {
                int length = MaxErrorBodyChars;
                if (char.IsHighSurrogate(redacted[length - 1]))
                {
                    length--;
                }

                redacted = redacted.Substring(0, length);
                cut = true;
            }

            ErrorBody = redacted;
            IsErrorBodyTruncated = cut;
        }
    }

    /// <summary>The status code of the answer.</summary>
    public new HttpStatusCode StatusCode => base.StatusCode.GetValueOrDefault();

    /// <summary>The method of the request.</summary>
    public HttpMethod Method { get; }

    /// <summary>The request URI without its query, fragment or user info, or <see langword="null"/> when unknown.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The reason phrase of the answer, if the server sent one.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>How long the server asked the caller to wait (<c>Retry-After</c>, as seconds or an HTTP date), if it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// The error body as text, at most <see cref="MaxErrorBodyChars"/> characters, with token-like values replaced by
    /// <c>[redacted]</c>; <see langword="null"/> when there was none.
    /// </summary>
    public string? ErrorBody { get; }

    /// <summary>Whether <see cref="ErrorBody"/> was cut to <see cref="MaxErrorBodyChars"/> characters (or the server sent more than was read).</summary>
    public bool IsErrorBodyTruncated { get; }

    /// <summary>The media type of the error body, if the server named one.</summary>
    public string? ErrorContentType { get; }

    /// <summary>
    /// Reads the error body as JSON of type <typeparamref name="TError"/> through a source-generated type info.
    /// </summary>
    /// <typeparam name="TError">The error model, for example Direct Line's <c>ErrorResponse</c>.</typeparam>
    /// <param name="typeInfo">The type info from a <c>JsonSerializerContext</c>.</param>
    /// <param name="error">The parsed error when this returns <see langword="true"/>.</param>
    /// <returns>
    /// <see langword="true"/> when the body was complete, valid JSON of that shape; <see langword="false"/> when there was
    /// no body, it was truncated, it was not valid JSON of that shape, or it was JSON <c>null</c>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is null.</exception>
    public bool TryReadError<TError>(JsonTypeInfo<TError> typeInfo, out TError? error)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        error = default;
        if (ErrorBody is null || IsErrorBodyTruncated)
        {
            return false;
        }

        try
        {
            error = JsonSerializer.Deserialize(ErrorBody, typeInfo);
        }
        catch (JsonException)
        {
            error = default;
            return false;
        }

        return error is not null;
    }

    private static string CreateMessage(HttpStatusCode statusCode, HttpMethod method, Uri? requestUri, string? reasonPhrase)
    {
        ArgumentNullException.ThrowIfNull(method);
        string uri = requestUri is null
            ? "(unknown URI)"
            : requestUri.IsAbsoluteUri ? requestUri.AbsoluteUri : requestUri.OriginalString;
        return string.IsNullOrEmpty(reasonPhrase)
            ? $"{method.Method} {uri} answered {(int)statusCode}."
            : $"{method.Method} {uri} answered {(int)statusCode} ({reasonPhrase}).";
    }

    /// <summary>
    /// Drops the query, the fragment and the user info, which may carry secrets. The path is kept exactly as it was
    /// (a URI built by <see cref="RequestUriBuilder"/> keeps <c>%2E%2E</c>), so the result is created the same way.
    /// </summary>
    internal static Uri? WithoutSecrets(Uri? uri)
    {
        if (uri is null)
        {
            return null;
        }

        if (!uri.IsAbsoluteUri)
        {
            string original = uri.OriginalString;
            int end = original.AsSpan().IndexOfAny('?', '#');
            return end < 0 ? uri : new Uri(original.Substring(0, end), UriKind.Relative);
        }

        if (uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0)
        {
            return uri;
        }

        return UriText.Create(string.Concat(uri.Scheme, Uri.SchemeDelimiter, uri.Authority, uri.AbsolutePath));
    }
}
