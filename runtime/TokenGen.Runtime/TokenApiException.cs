using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TokenGen.Infrastructure;

namespace TokenGen;

/// <summary>
/// A token API answered with a non-success status code. Carries what a caller needs to decide what to do next:
/// the status, the request's method and URI (without its query, which may hold secrets), the reason phrase,
/// the server's <c>Retry-After</c>, where a redirect pointed, and the error body (at most <see cref="MaxErrorBodyChars"/>
/// characters kept, secrets redacted).
/// </summary>
/// <remarks>
/// <para>
/// The message names the method, the URI without query, fragment or user info, the status and the reason
/// phrase, for example <c>POST https://host/v3/directline/tokens/refresh answered 403 (Forbidden).</c>; it never
/// includes the error body. A 3xx answer with a <c>Location</c> says where it pointed, by origin only:
/// <c>POST https://a/token answered 307 (Temporary Redirect): a redirect to https://b:8443, not followed; …</c>.
/// </para>
/// <para>
/// Everything in this exception that a server chose is redacted: the reason phrase (<see cref="ReasonPhrase"/>, at most
/// <see cref="MaxReasonPhraseChars"/> characters), the media type (<see cref="ErrorContentType"/>, at most
/// <see cref="MaxContentTypeChars"/>) and the redirect's host are redacted like the error body, their control and
/// invisible characters written as <c>\uXXXX</c>, and cut (ending with <c>…</c>) to their bound; the properties hold that
/// text too, so nothing read from them needs cleaning before it is logged. The text as it arrived is on the
/// <see cref="HttpResponseMessage"/> (or <see cref="ApiResponse{T}"/>'s headers) for those who need it.
/// </para>
/// <para>
/// Redacted means: the value of every JSON member and every <c>name=value</c> or <c>name: value</c> pair whose name says
/// it holds a secret (it ends with <c>token</c>, <c>secret</c>, <c>password</c>, <c>passphrase</c>, <c>apikey</c>,
/// <c>privatekey</c>, <c>assertion</c> or <c>otp</c>, or is <c>pwd</c>, <c>passwd</c>, <c>pin</c>, <c>secret_id</c>,
/// <c>session_key</c>, <c>code_verifier</c>, <c>credentials</c>, …, ignoring case and <c>_ - . @</c>; never <c>code</c>,
/// <c>token_type</c> or <c>expires_in</c>), however short, and every token-like run: 24 or more characters of letters,
/// digits and <c>- _ . ~ + / =</c> with at least two letters and a digit (JWTs, base64 and hex secrets, and GUIDs such as a
/// <c>trace_id</c>, which look no different). Each is replaced by <c>[redacted]</c>; a JSON body stays valid JSON.
/// </para>
/// </remarks>
public sealed class TokenApiException : HttpRequestException
{
    /// <summary>The most characters of an error body an exception keeps: 64 Ki.</summary>
    public const int MaxErrorBodyChars = 64 * 1024;

    /// <summary>The most characters of <see cref="ReasonPhrase"/>, and of the reason phrase quoted in the message: 256.</summary>
    public const int MaxReasonPhraseChars = 256;

    /// <summary>The most characters of <see cref="ErrorContentType"/>: 128.</summary>
    public const int MaxContentTypeChars = 128;

    // The error body as it arrived, for TryReadError alone: when it was complete, cut to MaxErrorBodyChars, never redacted.
    // A private field, so no serializer, logger or debugger display of the public surface carries it.
    private readonly string? _originalErrorBody;

    /// <summary>Creates an exception describing a non-success answer.</summary>
    /// <param name="statusCode">The status code of the answer.</param>
    /// <param name="method">The method of the request.</param>
    /// <param name="requestUri">The request URI; its query, fragment and user info are dropped.</param>
    /// <param name="reasonPhrase">
    /// The reason phrase of the answer, if any; it is redacted, its control characters escaped and it is cut to
    /// <see cref="MaxReasonPhraseChars"/> characters.
    /// </param>
    /// <param name="retryAfter">How long the server asked the caller to wait, if it said so.</param>
    /// <param name="errorBody">
    /// The error body, if any; secrets are redacted and it is cut to <see cref="MaxErrorBodyChars"/> characters.
    /// <see cref="TryReadError{TError}"/> reads it as it was given.
    /// </param>
    /// <param name="errorContentType">
    /// The media type of the error body, if any; redacted, escaped and cut to <see cref="MaxContentTypeChars"/> characters.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> is null.</exception>
    public TokenApiException(
        HttpStatusCode statusCode,
        HttpMethod method,
        Uri? requestUri,
        string? reasonPhrase,
        TimeSpan? retryAfter,
        string? errorBody,
        string? errorContentType)
        : this(statusCode, method, requestUri, reasonPhrase, retryAfter, errorBody, errorBodyWasCut: false, errorContentType, redirectLocation: null)
    {
    }

    /// <summary>
    /// The constructor <see cref="ResponseReader"/> uses: it knows whether it stopped reading the body early, and the
    /// answer's <c>Location</c> (used only when the status is 3xx).
    /// </summary>
    /// <remarks>
    /// The server's text is cleaned in the arguments of the base call, so the message and the properties are made from the
    /// same cleaned values; <paramref name="requestUri"/> is assigned before <paramref name="redirectLocation"/> is resolved
    /// against it (arguments are evaluated from left to right).
    /// </remarks>
    internal TokenApiException(
        HttpStatusCode statusCode,
        HttpMethod method,
        Uri? requestUri,
        string? reasonPhrase,
        TimeSpan? retryAfter,
        string? errorBody,
        bool errorBodyWasCut,
        string? errorContentType,
        Uri? redirectLocation)
        : base(
            CreateMessage(
                statusCode,
                method,
                requestUri = WithoutSecrets(requestUri),
                reasonPhrase = ServerText.Sanitize(reasonPhrase, MaxReasonPhraseChars),
                redirectLocation = ResolveRedirect(statusCode, requestUri, redirectLocation)),
            inner: null,
            statusCode)
    {
        Method = method;
        RequestUri = requestUri;
        ReasonPhrase = reasonPhrase;
        RetryAfter = retryAfter;
        RedirectLocation = redirectLocation;
        ErrorContentType = ServerText.Sanitize(errorContentType, MaxContentTypeChars);

        if (!string.IsNullOrEmpty(errorBody))
        {
            // Redact the whole text given (the reader decodes a little past the bound), so a secret straddling the cut is
            // still recognised as one; then cut the redacted text. The original is kept only when it is whole.
            string redacted = SecretRedactor.Redact(errorBody);
            bool redactedCut = redacted.Length > MaxErrorBodyChars;
            ErrorBody = redactedCut ? CutAt(redacted, MaxErrorBodyChars) : redacted;
            IsErrorBodyTruncated = errorBodyWasCut || redactedCut;

            // Redaction changes the length ("[redacted]" is longer than a short password, shorter than a JWT), so whether
            // the server's body was whole is judged on the original.
            if (!errorBodyWasCut && errorBody.Length <= MaxErrorBodyChars)
            {
                _originalErrorBody = errorBody;
            }
        }
    }

    /// <summary>The status code of the answer.</summary>
    public new HttpStatusCode StatusCode => base.StatusCode.GetValueOrDefault();

    /// <summary>The method of the request.</summary>
    public HttpMethod Method { get; }

    /// <summary>The request URI without its query, fragment or user info, or <see langword="null"/> when unknown.</summary>
    public Uri? RequestUri { get; }

    /// <summary>
    /// The reason phrase of the answer, if the server sent one: redacted, its control characters written as <c>\uXXXX</c>, at
    /// most <see cref="MaxReasonPhraseChars"/> characters (a cut one ends with <c>…</c>). The phrase as it arrived is
    /// <see cref="HttpResponseMessage.ReasonPhrase"/> (and <see cref="ApiResponse{T}.ReasonPhrase"/>).
    /// </summary>
    public string? ReasonPhrase { get; }

    /// <summary>
    /// Where a redirect (a 3xx answer with a <c>Location</c>) pointed: the <c>Location</c> resolved against the request URI,
    /// without its query, fragment or user info, as <see cref="RequestUri"/>; <see langword="null"/> for other answers.
    /// A generated client on <see cref="TokenApiHttpClient"/> (its <c>Create()</c>, or <c>AddTokenApiClient</c>) follows
    /// redirects only within the origin a request was built for, so such an answer is a redirect to another origin — to
    /// which nothing was sent — or a same-origin one that was not followed (too many hops, or a body that cannot be sent again).
    /// </summary>
    /// <remarks>The message names only the origin (scheme, host and port); the path here is the server's choice.</remarks>
    public Uri? RedirectLocation { get; }

    /// <summary>How long the server asked the caller to wait (<c>Retry-After</c>, as seconds or an HTTP date), if it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// The error body as text, at most <see cref="MaxErrorBodyChars"/> characters, with secrets (see the remarks on
    /// <see cref="TokenApiException"/>) replaced by <c>[redacted]</c>; <see langword="null"/> when there was none. Fit to
    /// log; <see cref="TryReadError{TError}"/> reads the body as it arrived instead.
    /// </summary>
    public string? ErrorBody { get; }

    /// <summary>Whether <see cref="ErrorBody"/> was cut to <see cref="MaxErrorBodyChars"/> characters (or the server sent more than was read).</summary>
    public bool IsErrorBodyTruncated { get; }

    /// <summary>
    /// The media type of the error body, if the server named one: redacted, its control characters written as
    /// <c>\uXXXX</c>, at most <see cref="MaxContentTypeChars"/> characters.
    /// </summary>
    public string? ErrorContentType { get; }

    /// <summary>
    /// Reads the error body as JSON of type <typeparamref name="TError"/> through a source-generated type info: the body as
    /// the server sent it, not <see cref="ErrorBody"/>, so an identity provider's <c>trace_id</c> or <c>correlation_id</c>
    /// comes back whole, not <c>[redacted]</c>.
    /// </summary>
    /// <remarks>
    /// The exception keeps that original body (at most <see cref="MaxErrorBodyChars"/> characters) in a private field for
    /// this method alone: it is never in <see cref="Exception.Message"/>, <see cref="Exception.ToString()"/>,
    /// <see cref="ErrorBody"/> or any other property. The model it returns is the caller's: what the body held, secrets
    /// included, is in it, so log the fields a log needs (a generated <c>ToString()</c> of a partial model prints
    /// secret-named members as <c>***</c>).
    /// </remarks>
    /// <typeparam name="TError">The error model, for example Direct Line's <c>ErrorResponse</c>.</typeparam>
    /// <param name="typeInfo">The type info from a <c>JsonSerializerContext</c>.</param>
    /// <param name="error">The parsed error when this returns <see langword="true"/>.</param>
    /// <returns>
    /// <see langword="true"/> when the body was complete, valid JSON of that shape; <see langword="false"/> when there was
    /// no body, the server sent more than <see cref="MaxErrorBodyChars"/> characters (or more than was read), it was not
    /// valid JSON of that shape, or it was JSON <c>null</c>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is null.</exception>
    public bool TryReadError<TError>(JsonTypeInfo<TError> typeInfo, out TError? error)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        error = default;
        if (_originalErrorBody is null)
        {
            return false;
        }

        try
        {
            error = JsonSerializer.Deserialize(_originalErrorBody, typeInfo);
        }
        catch (JsonException)
        {
            error = default;
            return false;
        }

        return error is not null;
    }

    private static string CreateMessage(HttpStatusCode statusCode, HttpMethod method, Uri? requestUri, string? reasonPhrase, Uri? redirectLocation)
    {
        ArgumentNullException.ThrowIfNull(method);
        string uri = requestUri is null
            ? "(unknown URI)"
            : requestUri.IsAbsoluteUri ? requestUri.AbsoluteUri : requestUri.OriginalString;
        string answered = string.IsNullOrEmpty(reasonPhrase)
            ? string.Create(CultureInfo.InvariantCulture, $"{method.Method} {uri} answered {(int)statusCode}")
            : string.Create(CultureInfo.InvariantCulture, $"{method.Method} {uri} answered {(int)statusCode} ({reasonPhrase})");
        if (redirectLocation is null)
        {
            return answered + ".";
        }

        string? origin = Origins.Describe(redirectLocation);
        if (origin is not null && requestUri is { IsAbsoluteUri: true } && Origins.AreSame(requestUri, redirectLocation))
        {
            // Same origin, yet here: the handler follows no redirects, gave up after too many, or could not resend the body.
            return answered + ": a redirect within the same origin, not followed.";
        }

        return answered + (origin is null ? ": a redirect" : ": a redirect to " + origin)
            + ", not followed; TokenGen sends a request's values only to the origin it was built for.";
    }

    /// <summary>
    /// The <c>Location</c> of a 3xx answer resolved against the request URI and stripped like it; null for other statuses,
    /// without a <c>Location</c>, or when it cannot be resolved.
    /// </summary>
    private static Uri? ResolveRedirect(HttpStatusCode statusCode, Uri? requestUri, Uri? location)
    {
        if (location is null || (int)statusCode is < 300 or > 399)
        {
            return null;
        }

        Uri? resolved = location;
        if (!location.IsAbsoluteUri && requestUri is { IsAbsoluteUri: true } && !Uri.TryCreate(requestUri, location, out resolved))
        {
            return null;
        }

        return WithoutSecrets(resolved);
    }

    /// <summary>The first <paramref name="length"/> characters of <paramref name="text"/>, one fewer rather than half a surrogate pair.</summary>
    private static string CutAt(string text, int length)
        => text.Substring(0, char.IsHighSurrogate(text[length - 1]) ? length - 1 : length);

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
