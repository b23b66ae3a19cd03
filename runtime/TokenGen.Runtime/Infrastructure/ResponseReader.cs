using System;
using System.ComponentModel;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Infrastructure;

/// <summary>
/// Turns answers into return values or exceptions. For generated clients. Every method reads at most the given
/// number of bytes: a larger body fails with <see cref="TokenApiContentException"/> (<see cref="TokenApiContentProblem.TooLarge"/>)
/// without being buffered, whether or not the server sent a <c>Content-Length</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResponseReader
{
    /// <summary>Throws the <see cref="TokenApiException"/> for a non-success answer; returns for a success.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="cancellationToken">Cancels reading the error body.</param>
    /// <returns>A task that completes when the answer is known to be a success.</returns>
    public static ValueTask EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>
    /// Reads a successful answer as JSON of a non-nullable type: an empty body or a JSON <c>null</c> fails with
    /// <see cref="TokenApiContentProblem.Empty"/>; invalid JSON with <see cref="TokenApiContentProblem.InvalidJson"/>.
    /// A non-success answer throws <see cref="TokenApiException"/>.
    /// </summary>
    /// <typeparam name="T">The return type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="typeInfo">The source-generated type info.</param>
    /// <param name="maxContentBytes">The most bytes read.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The value.</returns>
    public static ValueTask<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, long maxContentBytes, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>As <see cref="ReadJsonAsync{T}"/>, but an empty body or JSON <c>null</c> gives <see langword="default"/>.</summary>
    /// <typeparam name="T">The return type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="typeInfo">The source-generated type info.</param>
    /// <param name="maxContentBytes">The most bytes read.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The value, or <see langword="default"/>.</returns>
    public static ValueTask<T?> ReadNullableJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, long maxContentBytes, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Reads a successful answer as text (decoded with the charset the answer names, UTF-8 by default).</summary>
    /// <param name="response">The answer.</param>
    /// <param name="maxContentBytes">The most bytes read.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The text; empty for an empty body.</returns>
    public static ValueTask<string> ReadStringAsync(HttpResponseMessage response, long maxContentBytes, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>
    /// Reads any answer into an <see cref="ApiResponse{T}"/> without throwing for its status: a success is parsed
    /// (an empty body gives <see langword="default"/> content), a non-success carries its <see cref="TokenApiException"/>.
    /// Unreadable successful bodies still throw <see cref="TokenApiContentException"/>.
    /// </summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="typeInfo">The source-generated type info.</param>
    /// <param name="maxContentBytes">The most bytes read of a successful body.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The response.</returns>
    public static ValueTask<ApiResponse<T>> ReadApiResponseAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, long maxContentBytes, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>
    /// Creates the exception for a non-success answer: status, method, URI without query, reason, <c>Retry-After</c>
    /// (seconds, or an HTTP date measured against now) and at most 64 Ki characters of the error body.
    /// </summary>
    /// <param name="response">The non-success answer.</param>
    /// <param name="cancellationToken">Cancels reading the error body.</param>
    /// <returns>The exception, to throw.</returns>
    public static ValueTask<TokenApiException> CreateExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken) => throw new NotImplementedException();
}
