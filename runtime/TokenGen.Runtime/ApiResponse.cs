using System;
using System.Net;
using System.Net.Http.Headers;

namespace TokenGen;

/// <summary>
/// The whole answer of an operation declared as <c>Task&lt;ApiResponse&lt;T&gt;&gt;</c>: status, headers and body,
/// returned without throwing for a non-success status.
/// </summary>
/// <remarks>
/// Reading one still throws where there is no answer to report: <see cref="TokenApiContentException"/> for a successful
/// body that cannot be read, and <see cref="TokenApiRedirectException"/> for an answer that came from another origin than
/// the request was built for.
/// </remarks>
/// <typeparam name="T">The type of a successful body.</typeparam>
public sealed class ApiResponse<T>
{
    /// <summary>Creates a response.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="reasonPhrase">The reason phrase, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="contentHeaders">The content headers, if there was content.</param>
    /// <param name="content">The parsed body of a successful answer.</param>
    /// <param name="error">The error of a non-success answer.</param>
    public ApiResponse(
        HttpStatusCode statusCode,
        string? reasonPhrase,
        HttpResponseHeaders headers,
        HttpContentHeaders? contentHeaders,
        T? content,
        TokenApiException? error)
    {
        ArgumentNullException.ThrowIfNull(headers);
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Headers = headers;
        ContentHeaders = contentHeaders;
        Content = content;
        Error = error;
    }

    /// <summary>The status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Whether the status code is in the 2xx range.</summary>
    public bool IsSuccessStatusCode => (int)StatusCode is >= 200 and <= 299;

    /// <summary>
    /// The reason phrase as the server sent it, if it did: not cleaned, so quote it in a log only with care.
    /// <see cref="Error"/>'s <see cref="TokenApiException.ReasonPhrase"/> is the same phrase redacted, escaped and bounded.
    /// </summary>
    public string? ReasonPhrase { get; }

    /// <summary>The response headers, as the server sent them (not redacted).</summary>
    public HttpResponseHeaders Headers { get; }

    /// <summary>The content headers, when the answer had content.</summary>
    public HttpContentHeaders? ContentHeaders { get; }

    /// <summary>The parsed body of a successful answer; <see langword="default"/> for a non-success answer or an empty body.</summary>
    public T? Content { get; }

    /// <summary>The error of a non-success answer, with its status, <c>Retry-After</c> and error body; <see langword="null"/> on success.</summary>
    public TokenApiException? Error { get; }

    /// <summary>Returns <see cref="Content"/> of a successful answer, or throws <see cref="Error"/>.</summary>
    /// <returns>The parsed body, which may be <see langword="default"/> when the body was empty.</returns>
    /// <exception cref="TokenApiException">The answer was not a success.</exception>
    public T? EnsureSuccess()
    {
        if (Error is not null)
        {
            throw Error;
        }

        return Content;
    }
}
