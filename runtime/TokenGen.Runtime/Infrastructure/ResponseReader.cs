using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Infrastructure;

/// <summary>
/// Turns answers into return values or exceptions. For generated clients. Every method reads at most the given
/// number of bytes: a larger body fails with <see cref="TokenApiContentException"/> (<see cref="TokenApiContentProblem.TooLarge"/>)
/// without being buffered, whether or not the server sent a <c>Content-Length</c>.
/// </summary>
/// <remarks>
/// <para>
/// Bodies are read once, from <see cref="HttpContent.ReadAsStreamAsync(CancellationToken)"/>, into a pooled buffer that
/// is cleared before it goes back to the pool (it may hold tokens). The bound only protects memory when the content has
/// not been buffered already, so generated code sends with <see cref="HttpCompletionOption.ResponseHeadersRead"/>.
/// A successful body that is already in memory (a <see cref="ByteArrayContent"/> or <see cref="StringContent"/>, as the
/// resilience handler buffers answers) is parsed in place from the content's own array instead, with the same limits
/// (see <see cref="InMemoryContent"/>). Cancellation surfaces as <see cref="OperationCanceledException"/>.
/// </para>
/// <para>
/// A transport failure while a successful body is read (a connection reset mid-body: an <see cref="IOException"/> from
/// the stream) surfaces as an <see cref="HttpRequestException"/> whose inner exception is that <see cref="IOException"/>,
/// as <see cref="HttpClient"/> itself reports a body it cannot buffer; the message names the status and content type,
/// never the bytes that did arrive, and they are dropped. A failure while an error body is read leaves
/// <see cref="TokenApiException.ErrorBody"/> <see langword="null"/> and keeps the status.
/// </para>
/// <para>
/// JSON is parsed with the serializer context's options, so its <see cref="JsonSerializerOptions.MaxDepth"/> (64 when
/// the context leaves it unset) bounds nesting: a deeper body fails with <see cref="TokenApiContentProblem.InvalidJson"/>.
/// The reader and <see cref="JsonDocument"/> keep their nesting on the heap, so even a body of a million <c>[</c> is
/// refused without deep recursion.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResponseReader
{
    /// <summary>The most bytes of an error body read: enough for <see cref="TokenApiException.MaxErrorBodyChars"/> characters in any encoding.</summary>
    internal const int MaxErrorBodyBytes = 4 * TokenApiException.MaxErrorBodyChars;

    // Characters decoded for the error body beyond the kept ones, so a token straddling the cut is still redacted whole.
    private const int ErrorBodyDecodeSlack = 1024;

    // Bytes decoded for a snippet: enough for MaxSnippetChars characters plus a token that straddles the cut.
    private const int SnippetBytes = 1024;

    private const int InitialBufferBytes = 4096;

    // The parser's own message is a sentence and a path; this bounds what a quoted literal can add to it.
    private const int MaxParserMessageChars = 1024;

    private static readonly HttpMethod s_unknownMethod = new("UNKNOWN");

    /// <summary>As the overload that takes a <see cref="TimeProvider"/>, measuring an HTTP-date <c>Retry-After</c> against the system clock, with no deadline.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="cancellationToken">Cancels reading the error body.</param>
    /// <returns>A task that completes when the answer is known to be a success.</returns>
    public static ValueTask EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        => EnsureSuccessAsync(response, TimeProvider.System, CallDeadline.None, cancellationToken);

    /// <summary>Throws the <see cref="TokenApiException"/> for a non-success answer; returns for a success.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="timeProvider">The clock an HTTP-date <c>Retry-After</c> is measured against.</param>
    /// <param name="deadline">The call's deadline, which the body read may not outlast (see <see cref="CallDeadline"/>).</param>
    /// <param name="cancellationToken">Cancels reading the error body.</param>
    /// <returns>A task that completes when the answer is known to be a success.</returns>
    public static ValueTask EnsureSuccessAsync(HttpResponseMessage response, TimeProvider timeProvider, CallDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ThrowIfAnsweredElsewhere(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return response.IsSuccessStatusCode ? default : ThrowAsync(response, timeProvider, deadline, cancellationToken);

        static async ValueTask ThrowAsync(HttpResponseMessage response, TimeProvider timeProvider, CallDeadline deadline, CancellationToken cancellationToken)
            => throw await CreateExceptionAsync(response, timeProvider, deadline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As the overload that takes a <see cref="TimeProvider"/>, measuring an HTTP-date <c>Retry-After</c> against the system clock, with no deadline.</summary>
    /// <typeparam name="T">The return type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="typeInfo">The source-generated type info.</param>
    /// <param name="maxContentBytes">The most bytes read.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The value.</returns>
    public static ValueTask<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, long maxContentBytes, CancellationToken cancellationToken)
        => ReadJsonAsync(response, typeInfo, maxContentBytes, TimeProvider.System, CallDeadline.None, cancellationToken);

    /// <summary>
    /// Reads a successful answer as JSON of a non-nullable type: an empty body or a JSON <c>null</c> fails with
    /// <see cref="TokenApiContentProblem.Empty"/>; invalid JSON with <see cref="TokenApiContentProblem.InvalidJson"/>.
    /// A non-success answer throws <see cref="TokenApiException"/>.
    /// </summary>
    /// <typeparam name="T">The return type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="typeInfo">The source-generated type info.</param>
    /// <param name="maxContentBytes">The most bytes read.</param>
    /// <param name="timeProvider">The clock an HTTP-date <c>Retry-After</c> is measured against.</param>
    /// <param name="deadline">The call's deadline, which the body read may not outlast (see <see cref="CallDeadline"/>).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The value.</returns>
    public static async ValueTask<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, long maxContentBytes, TimeProvider timeProvider, CallDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ThrowIfAnsweredElsewhere(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxContentBytes);
        if (!response.IsSuccessStatusCode)
        {
            throw await CreateExceptionAsync(response, timeProvider, deadline, cancellationToken).ConfigureAwait(false);
        }

        PooledBytes body = await ReadSuccessBodyAsync(response, maxContentBytes, deadline, cancellationToken).ConfigureAwait(false);
        try
        {
            if (TryParseJson(response, body, typeInfo, out T? value))
            {
                return value;
            }

            throw new TokenApiContentException(
                TokenApiContentProblem.Empty, response.StatusCode, MediaTypeOf(response.Content), snippet: null, innerException: null);
        }
        finally
        {
            body.Dispose();
        }
    }

    /// <summary>As the overload that takes a <see cref="TimeProvider"/>, measuring an HTTP-date <c>Retry-After</c> against the system clock, with no deadline.</summary>
    /// <typeparam name="T">The return type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="typeInfo">The source-generated type info.</param>
    /// <param name="maxContentBytes">The most bytes read.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The value, or <see langword="default"/>.</returns>
    public static ValueTask<T?> ReadNullableJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, long maxContentBytes, CancellationToken cancellationToken)
        => ReadNullableJsonAsync(response, typeInfo, maxContentBytes, TimeProvider.System, CallDeadline.None, cancellationToken);

    /// <summary>As <see cref="ReadJsonAsync{T}(HttpResponseMessage, JsonTypeInfo{T}, long, TimeProvider, CallDeadline, CancellationToken)"/>, but an empty body or JSON <c>null</c> gives <see langword="default"/>.</summary>
    /// <typeparam name="T">The return type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="typeInfo">The source-generated type info.</param>
    /// <param name="maxContentBytes">The most bytes read.</param>
    /// <param name="timeProvider">The clock an HTTP-date <c>Retry-After</c> is measured against.</param>
    /// <param name="deadline">The call's deadline, which the body read may not outlast (see <see cref="CallDeadline"/>).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The value, or <see langword="default"/>.</returns>
    public static async ValueTask<T?> ReadNullableJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, long maxContentBytes, TimeProvider timeProvider, CallDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ThrowIfAnsweredElsewhere(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxContentBytes);
        if (!response.IsSuccessStatusCode)
        {
            throw await CreateExceptionAsync(response, timeProvider, deadline, cancellationToken).ConfigureAwait(false);
        }

        return await ReadNullableBodyAsync(response, typeInfo, maxContentBytes, deadline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As the overload that takes a <see cref="TimeProvider"/>, measuring an HTTP-date <c>Retry-After</c> against the system clock, with no deadline.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="maxContentBytes">The most bytes read.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The text; empty for an empty body.</returns>
    public static ValueTask<string> ReadStringAsync(HttpResponseMessage response, long maxContentBytes, CancellationToken cancellationToken)
        => ReadStringAsync(response, maxContentBytes, TimeProvider.System, CallDeadline.None, cancellationToken);

    /// <summary>Reads a successful answer as text (decoded with the charset the answer names, UTF-8 by default).</summary>
    /// <param name="response">The answer.</param>
    /// <param name="maxContentBytes">The most bytes read.</param>
    /// <param name="timeProvider">The clock an HTTP-date <c>Retry-After</c> is measured against.</param>
    /// <param name="deadline">The call's deadline, which the body read may not outlast (see <see cref="CallDeadline"/>).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The text; empty for an empty body.</returns>
    /// <remarks>
    /// A byte order mark wins over the charset and is not part of the text; an unknown charset decodes as UTF-8.
    /// </remarks>
    public static async ValueTask<string> ReadStringAsync(HttpResponseMessage response, long maxContentBytes, TimeProvider timeProvider, CallDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ThrowIfAnsweredElsewhere(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxContentBytes);
        if (!response.IsSuccessStatusCode)
        {
            throw await CreateExceptionAsync(response, timeProvider, deadline, cancellationToken).ConfigureAwait(false);
        }

        PooledBytes body = await ReadSuccessBodyAsync(response, maxContentBytes, deadline, cancellationToken).ConfigureAwait(false);
        try
        {
            return TextDecoding.Decode(body.Span, response.Content.Headers.ContentType?.CharSet);
        }
        finally
        {
            body.Dispose();
        }
    }

    /// <summary>As the overload that takes a <see cref="TimeProvider"/>, measuring an HTTP-date <c>Retry-After</c> against the system clock, with no deadline.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="typeInfo">The source-generated type info.</param>
    /// <param name="maxContentBytes">The most bytes read of a successful body.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The response.</returns>
    public static ValueTask<ApiResponse<T>> ReadApiResponseAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, long maxContentBytes, CancellationToken cancellationToken)
        => ReadApiResponseAsync(response, typeInfo, maxContentBytes, TimeProvider.System, CallDeadline.None, cancellationToken);

    /// <summary>
    /// Reads any answer into an <see cref="ApiResponse{T}"/> without throwing for its status: a success is parsed
    /// (an empty body gives <see langword="default"/> content), a non-success carries its <see cref="TokenApiException"/>.
    /// Unreadable successful bodies still throw <see cref="TokenApiContentException"/>.
    /// </summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="typeInfo">The source-generated type info.</param>
    /// <param name="maxContentBytes">The most bytes read of a successful body.</param>
    /// <param name="timeProvider">The clock an HTTP-date <c>Retry-After</c> is measured against.</param>
    /// <param name="deadline">The call's deadline, which the body read may not outlast (see <see cref="CallDeadline"/>).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The response.</returns>
    public static async ValueTask<ApiResponse<T>> ReadApiResponseAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, long maxContentBytes, TimeProvider timeProvider, CallDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ThrowIfAnsweredElsewhere(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxContentBytes);

        T? content = default;
        TokenApiException? error = null;
        if (response.IsSuccessStatusCode)
        {
            content = await ReadNullableBodyAsync(response, typeInfo, maxContentBytes, deadline, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            error = await CreateExceptionAsync(response, timeProvider, deadline, cancellationToken).ConfigureAwait(false);
        }

        return new ApiResponse<T>(response.StatusCode, response.ReasonPhrase, response.Headers, response.Content.Headers, content, error);
    }

    /// <summary>
    /// As <see cref="EnsureSuccessAsync(HttpResponseMessage, TimeProvider, CallDeadline, CancellationToken)"/>, with the clock
    /// from <paramref name="settings"/>. For generated clients.
    /// </summary>
    /// <param name="response">The answer.</param>
    /// <param name="settings">The client's settings.</param>
    /// <param name="deadline">The call's deadline.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>A task that completes when the answer is checked.</returns>
    public static ValueTask EnsureSuccessAsync(HttpResponseMessage response, ClientSettings settings, CallDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return EnsureSuccessAsync(response, settings.TimeProvider, deadline, cancellationToken);
    }

    /// <summary>
    /// As <see cref="ReadJsonAsync{T}(HttpResponseMessage, JsonTypeInfo{T}, long, TimeProvider, CallDeadline, CancellationToken)"/>,
    /// with the size limit and clock from <paramref name="settings"/>. For generated clients.
    /// </summary>
    /// <typeparam name="T">The return type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="typeInfo">The source-generated type info.</param>
    /// <param name="settings">The client's settings.</param>
    /// <param name="deadline">The call's deadline.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The value.</returns>
    public static ValueTask<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, ClientSettings settings, CallDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ReadJsonAsync(response, typeInfo, settings.MaxResponseContentBytes, settings.TimeProvider, deadline, cancellationToken);
    }

    /// <summary>
    /// As <see cref="ReadNullableJsonAsync{T}(HttpResponseMessage, JsonTypeInfo{T}, long, TimeProvider, CallDeadline, CancellationToken)"/>,
    /// with the size limit and clock from <paramref name="settings"/>. For generated clients.
    /// </summary>
    /// <typeparam name="T">The return type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="typeInfo">The source-generated type info.</param>
    /// <param name="settings">The client's settings.</param>
    /// <param name="deadline">The call's deadline.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The value, or <see langword="default"/> for an empty body or JSON <c>null</c>.</returns>
    public static ValueTask<T?> ReadNullableJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, ClientSettings settings, CallDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ReadNullableJsonAsync(response, typeInfo, settings.MaxResponseContentBytes, settings.TimeProvider, deadline, cancellationToken);
    }

    /// <summary>
    /// As <see cref="ReadStringAsync(HttpResponseMessage, long, TimeProvider, CallDeadline, CancellationToken)"/>, with the
    /// size limit and clock from <paramref name="settings"/>. For generated clients.
    /// </summary>
    /// <param name="response">The answer.</param>
    /// <param name="settings">The client's settings.</param>
    /// <param name="deadline">The call's deadline.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The body as text.</returns>
    public static ValueTask<string> ReadStringAsync(HttpResponseMessage response, ClientSettings settings, CallDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ReadStringAsync(response, settings.MaxResponseContentBytes, settings.TimeProvider, deadline, cancellationToken);
    }

    /// <summary>
    /// As <see cref="ReadApiResponseAsync{T}(HttpResponseMessage, JsonTypeInfo{T}, long, TimeProvider, CallDeadline, CancellationToken)"/>,
    /// with the size limit and clock from <paramref name="settings"/>. For generated clients.
    /// </summary>
    /// <typeparam name="T">The content type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="typeInfo">The source-generated type info.</param>
    /// <param name="settings">The client's settings.</param>
    /// <param name="deadline">The call's deadline.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>Status, headers and content or error.</returns>
    public static ValueTask<ApiResponse<T>> ReadApiResponseAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, ClientSettings settings, CallDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ReadApiResponseAsync(response, typeInfo, settings.MaxResponseContentBytes, settings.TimeProvider, deadline, cancellationToken);
    }

    /// <summary>
    /// Returns <paramref name="response"/>, the answer an operation hands to its caller as it is, unless it came from another
    /// origin than its request was built for. For generated clients; every reader of this class applies the same check.
    /// </summary>
    /// <param name="response">The answer.</param>
    /// <returns><paramref name="response"/>.</returns>
    /// <exception cref="TokenApiRedirectException">
    /// The handler followed a redirect to another origin; the answer and its request are disposed.
    /// </exception>
    public static HttpResponseMessage RequireSameOrigin(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            ThrowIfAnsweredElsewhere(response);
            return response;
        }
        catch (TokenApiRedirectException)
        {
            // The caller would have owned both; nobody does now.
            HttpRequestMessage? request = response.RequestMessage;
            response.Dispose();
            request?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Refuses an answer to a generated request (a <see cref="TokenApiRequestMessage"/>) whose final URI, after whatever
    /// redirects the handlers followed, lies in another origin than the one the request was built for: a token that origin
    /// hands out is never read. Requests built elsewhere are not checked.
    /// </summary>
    private static void ThrowIfAnsweredElsewhere(HttpResponseMessage response)
    {
        if (response.RequestMessage is TokenApiRequestMessage { BuiltFor: { IsAbsoluteUri: true } builtFor, RequestUri: { } finalUri } request
            && !ReferenceEquals(builtFor, finalUri)
            && !Origins.AreSame(builtFor, finalUri))
        {
            throw new TokenApiRedirectException(response.StatusCode, request.Method, builtFor, finalUri);
        }
    }

    /// <summary>As the overload that takes a <see cref="TimeProvider"/>, measuring an HTTP-date <c>Retry-After</c> against the system clock, with no deadline.</summary>
    /// <param name="response">The non-success answer.</param>
    /// <param name="cancellationToken">Cancels reading the error body.</param>
    /// <returns>The exception, to throw.</returns>
    public static ValueTask<TokenApiException> CreateExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        => CreateExceptionAsync(response, TimeProvider.System, CallDeadline.None, cancellationToken);

    /// <summary>
    /// Creates the exception for a non-success answer: status, method, URI without query, reason, <c>Retry-After</c>
    /// (seconds, or an HTTP date measured against now) and at most 64 Ki characters of the error body.
    /// </summary>
    /// <param name="response">The non-success answer.</param>
    /// <param name="timeProvider">The clock an HTTP-date <c>Retry-After</c> is measured against.</param>
    /// <param name="deadline">The call's deadline, which the body read may not outlast (see <see cref="CallDeadline"/>).</param>
    /// <param name="cancellationToken">Cancels reading the error body.</param>
    /// <returns>The exception, to throw.</returns>
    /// <remarks>
    /// A failure while reading the error body (<see cref="IOException"/>, <see cref="HttpRequestException"/>, a disposed or
    /// already consumed content) leaves <see cref="TokenApiException.ErrorBody"/> <see langword="null"/> and never hides the status;
    /// cancellation is not swallowed and surfaces as <see cref="OperationCanceledException"/>.
    /// </remarks>
    public static async ValueTask<TokenApiException> CreateExceptionAsync(HttpResponseMessage response, TimeProvider timeProvider, CallDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        cancellationToken.ThrowIfCancellationRequested();

        HttpContent content = response.Content;
        string? errorBody = null;
        bool cut = false;
        try
        {
            PooledBytes body = await ReadUpToAsync(content, MaxErrorBodyBytes, deadline, cancellationToken).ConfigureAwait(false);
            try
            {
                errorBody = TextDecoding.Decode(
                    body.Span,
                    content.Headers.ContentType?.CharSet,
                    TokenApiException.MaxErrorBodyChars + ErrorBodyDecodeSlack,
                    out cut);
                cut |= body.Overflowed;
            }
            finally
            {
                body.Dispose();
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or ObjectDisposedException or InvalidOperationException
            or TaskCanceledException { InnerException: TimeoutException })
        {
            // The status is what matters; a body that cannot be read, or not before the call's deadline, is simply absent.
        }

        HttpRequestMessage? request = response.RequestMessage;
        return new TokenApiException(
            response.StatusCode,
            request?.Method ?? s_unknownMethod,
            request?.RequestUri,
            response.ReasonPhrase,
            HttpRules.RetryAfter(response.Headers, timeProvider.GetUtcNow()),
            errorBody,
            cut,
            MediaTypeOf(content),
            response.Headers.Location);
    }

    private static async ValueTask<T?> ReadNullableBodyAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, long maxContentBytes, CallDeadline deadline, CancellationToken cancellationToken)
    {
        PooledBytes body = await ReadSuccessBodyAsync(response, maxContentBytes, deadline, cancellationToken).ConfigureAwait(false);
        try
        {
            return TryParseJson(response, body, typeInfo, out T? value) ? value : default;
        }
        finally
        {
            body.Dispose();
        }
    }

    /// <summary>Parses the body; false for an empty body, white space, JSON <c>null</c> or a null result.</summary>
    private static bool TryParseJson<T>(HttpResponseMessage response, PooledBytes body, JsonTypeInfo<T> typeInfo, out T value)
    {
        ReadOnlySpan<byte> json = body.Span;
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json.Slice(3);
        }

        ReadOnlySpan<byte> trimmed = json.Trim(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed.SequenceEqual("null"u8))
        {
            value = default!;
            return false;
        }

        T? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException exception)
        {
            string snippet = Encoding.UTF8.GetString(json.Slice(0, Math.Min(json.Length, SnippetBytes)));
            throw new TokenApiContentException(
                TokenApiContentProblem.InvalidJson, response.StatusCode, MediaTypeOf(response.Content), snippet, WithoutSecrets(exception));
        }

        if (parsed is null)
        {
            value = default!;
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>Reads a successful body, failing with <see cref="TokenApiContentProblem.TooLarge"/> past the limit.</summary>
    private static async ValueTask<PooledBytes> ReadSuccessBodyAsync(HttpResponseMessage response, long maxContentBytes, CallDeadline deadline, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        HttpContent content = response.Content;
        if (InMemoryContent.TryGetBytes(content, out ArraySegment<byte> inMemory))
        {
            return ReadInMemoryBody(response, inMemory, maxContentBytes);
        }

        long? contentLength = content.Headers.ContentLength;
        if (contentLength > maxContentBytes)
        {
            throw TooLarge(response, maxContentBytes, contentLength);
        }

        // The pool cannot hand out more than Array.MaxLength bytes; a larger limit is as good as that.
        int limit = (int)Math.Min(maxContentBytes, Array.MaxLength - 1);
        PooledBytes body;
        try
        {
            body = await ReadUpToAsync(content, limit, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            // What HttpClient does for a body it cannot buffer: one documented type for transport failures. The partial
            // body is already cleared and back in the pool, and the message does not quote it.
            throw BodyReadFailed(response, exception);
        }

        if (body.Overflowed)
        {
            body.Dispose();
            throw TooLarge(response, maxContentBytes, contentLength: null);
        }

        return body;
    }

    /// <summary>
    /// <see cref="ReadSuccessBodyAsync"/> for a body already in memory (see <see cref="InMemoryContent"/>), with the same
    /// outcomes as reading it through its stream: the same length checks, in the same order, and the same exceptions.
    /// </summary>
    private static PooledBytes ReadInMemoryBody(HttpResponseMessage response, ArraySegment<byte> bytes, long maxContentBytes)
    {
        // The length the Content-Length getter gives: the header's, when the content carries one, else the length the
        // content computes, which for bytes in memory is their count. Taken without the getter where it would compute,
        // since it then stores what it computed in the headers (two objects a call).
        HttpContentHeaders headers = response.Content.Headers;
        long? contentLength = headers.NonValidated.Contains("Content-Length") ? headers.ContentLength : bytes.Count;
        if (contentLength > maxContentBytes)
        {
            throw TooLarge(response, maxContentBytes, contentLength);
        }

        if (contentLength == 0)
        {
            // As ReadUpToAsync: an announced empty body is not read.
            return default;
        }

        // As ReadUpToAsync reads at most the limit and one byte (a Content-Length that understates the body is not trusted).
        int limit = (int)Math.Min(maxContentBytes, Array.MaxLength - 1);
        if (bytes.Count > limit)
        {
            throw TooLarge(response, maxContentBytes, contentLength: null);
        }

        return PooledBytes.Borrowed(bytes);
    }

    private static HttpRequestException BodyReadFailed(HttpResponseMessage response, IOException exception)
    {
        // The server's media type, cleaned as the exceptions clean it, since this message is logged like theirs.
        string? mediaType = ServerText.Sanitize(MediaTypeOf(response.Content), TokenApiContentException.MaxContentTypeChars);
        string message = string.Create(
            CultureInfo.InvariantCulture,
            $"The connection failed while the body of the successful answer ({(int)response.StatusCode}, {(string.IsNullOrEmpty(mediaType) ? "no content type" : mediaType)}) was read; what arrived of it was dropped.");
        HttpRequestError error = exception is HttpIOException httpIOException ? httpIOException.HttpRequestError : HttpRequestError.ResponseEnded;
        return new HttpRequestException(error, message, exception);
    }

    private static TokenApiContentException TooLarge(HttpResponseMessage response, long maxContentBytes, long? contentLength)
        => new(
            TokenApiContentProblem.TooLarge,
            response.StatusCode,
            MediaTypeOf(response.Content),
            snippet: null,
            innerException: null,
            maxContentBytes,
            contentLength);

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes of <paramref name="content"/> into a pooled buffer; when more arrive,
    /// stops and sets <see cref="PooledBytes.Overflowed"/> (the buffer then holds at least <paramref name="limit"/> bytes).
    /// </summary>
    private static async ValueTask<PooledBytes> ReadUpToAsync(HttpContent content, int limit, CallDeadline deadline, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        long? contentLength = content.Headers.ContentLength;
        if (contentLength == 0)
        {
            return default;
        }

        // One byte past the limit tells a body of exactly the limit from a larger one.
        int initial = contentLength is long known && known < limit
            ? (int)known + 1
            : Math.Min(InitialBufferBytes, limit + 1);

        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(initial);
            int length = 0;

            // Made before the first read, because the first read is the one a server that stalls after the headers holds.
            CallDeadline.BodyReadGuard? guard = deadline.IsBounded ? deadline.Guard(stream, cancellationToken) : null;
            CancellationToken readToken = guard?.Token ?? cancellationToken;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        // length <= limit here, so the new size is larger than the old one.
                        int size = (int)Math.Min((long)buffer.Length * 2, (long)limit + 1);
                        byte[] larger = ArrayPool<byte>.Shared.Rent(size);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ReturnCleared(buffer, length);
                        buffer = larger;
                    }

                    int read = await stream.ReadAsync(buffer.AsMemory(length), readToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return new PooledBytes(buffer, length, length, overflowed: false);
                    }

                    length += read;
                    if (length > limit)
                    {
                        return new PooledBytes(buffer, limit, length, overflowed: true);
                    }
                }
            }
            catch (Exception exception) when (guard is { HasFired: true })
            {
                // The read ended because the deadline cancelled it or closed the stream (the exception varies with the stream).
                ReturnCleared(buffer, length);
                throw deadline.CreateTimeoutException(exception);
            }
            catch (OperationCanceledException) when (guard is not null && cancellationToken.IsCancellationRequested)
            {
                // The read was given the guard's linked token; the caller gets a cancellation that names their own.
                ReturnCleared(buffer, length);
                cancellationToken.ThrowIfCancellationRequested();
                throw;
            }
            catch
            {
                ReturnCleared(buffer, length);
                throw;
            }
            finally
            {
                guard?.Dispose();
            }
        }
    }

    /// <summary>
    /// Returns a buffer to the pool with its first <paramref name="length"/> bytes zeroed: a body may carry tokens, and the
    /// next renter of the array must not find them.
    /// </summary>
    private static void ReturnCleared(byte[] buffer, int length)
    {
        buffer.AsSpan(0, Math.Min(length, buffer.Length)).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>
    /// The parser quotes an invalid literal in its message (<c>'token=eyJ...' is an invalid JSON literal</c>), so a token
    /// sent as text would end up in the exception's <c>ToString()</c>. Such a message is cleaned like any text a server
    /// chose (redacted, control characters escaped, bounded); the position is kept.
    /// </summary>
    private static JsonException WithoutSecrets(JsonException exception)
    {
        string message = exception.Message;
        string redacted = ServerText.Sanitize(message, MaxParserMessageChars)!;
        return ReferenceEquals(message, redacted)
            ? exception
            : new JsonException(redacted, exception.Path, exception.LineNumber, exception.BytePositionInLine);
    }

    private static string? MediaTypeOf(HttpContent content) => content.Headers.ContentType?.MediaType;

    /// <summary>
    /// Bytes in a rented array, or borrowed from a content that holds them (see <see cref="Borrowed"/>);
    /// <see langword="default"/> is an empty body.
    /// </summary>
    private readonly struct PooledBytes : IDisposable
    {
        private readonly byte[]? _array;
        private readonly int _offset;
        private readonly int _length;

        // How many bytes of the array were written: more than _length when the body overflowed the limit.
        private readonly int _written;

        // Whether the array was rented here, and so is cleared and returned on disposal.
        private readonly bool _rented;

        public PooledBytes(byte[] array, int length, int written, bool overflowed)
            : this(array, offset: 0, length, written, rented: true, overflowed)
        {
        }

        private PooledBytes(byte[] array, int offset, int length, int written, bool rented, bool overflowed)
        {
            _array = array;
            _offset = offset;
            _length = length;
            _written = written;
            _rented = rented;
            Overflowed = overflowed;
        }

        /// <summary>More bytes arrived than the limit; <see cref="Span"/> holds the first <c>limit</c>.</summary>
        public bool Overflowed { get; }

        public ReadOnlySpan<byte> Span => _array is null ? default : _array.AsSpan(_offset, _length);

        /// <summary>The bytes of a content that holds them in memory: read in place, and left to the content on disposal.</summary>
        public static PooledBytes Borrowed(ArraySegment<byte> bytes) =>
            new(bytes.Array!, bytes.Offset, bytes.Count, bytes.Count, rented: false, overflowed: false);

        public void Dispose()
        {
            if (_array is not null && _rented)
            {
                ReturnCleared(_array, _written);
            }
        }
    }
}
