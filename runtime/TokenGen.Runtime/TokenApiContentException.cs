using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using TokenGen.Infrastructure;

namespace TokenGen;

/// <summary>What was wrong with a successful answer's body.</summary>
public enum TokenApiContentProblem
{
    /// <summary>The body was empty (or JSON <c>null</c>) where the operation's return type does not allow null.</summary>
    Empty = 0,

    /// <summary>The body was larger than <see cref="TokenApiClientOptions.MaxResponseContentBytes"/>.</summary>
    TooLarge = 1,

    /// <summary>The body was not valid JSON of the expected shape.</summary>
    InvalidJson = 2,

    /// <summary>
    /// A token response carried no access token (its <c>[AccessToken]</c> member was null, empty or white space), so a
    /// <see cref="TokenSession"/> had nothing to hand out.
    /// </summary>
    MissingAccessToken = 3,

    /// <summary>
    /// A token response carried a token that cannot be sent as it is: an access token, or a refresh token, with a control
    /// character, a space or anything outside visible ASCII (<c>!</c> to <c>~</c>). A <see cref="TokenSession"/> refuses
    /// it when it arrives, so it is never cached and never reaches a request header.
    /// </summary>
    InvalidToken = 4,

    /// <summary>
    /// A token response carried a lifetime that is not a time: an <c>[ExpiresIn]</c> or <c>[ExpiresAt]</c> member sent as
    /// a string that is not a number (or, for <c>[ExpiresAt]</c>, a date), or a number that is not finite.
    /// </summary>
    InvalidLifetime = 5,
}

/// <summary>
/// A token API answered with a success status, but its body could not be turned into the operation's return value:
/// empty, too large, or not valid JSON; or, for a <see cref="TokenSession"/>, a token response carried no access token, a
/// token that cannot be sent in a header, or a lifetime that is not a time (see <see cref="TokenApiContentProblem"/>).
/// Carries the status, the content type and a short snippet of the body.
/// </summary>
/// <remarks>
/// <para>
/// For the problems a session finds in the token values — <see cref="TokenApiContentProblem.MissingAccessToken"/>,
/// <see cref="TokenApiContentProblem.InvalidToken"/>, <see cref="TokenApiContentProblem.InvalidLifetime"/> — the answer
/// itself is no longer at hand: <see cref="StatusCode"/> is 200 and <see cref="ContentType"/> <see langword="null"/>.
/// </para>
/// <para>
/// The message says what was wrong, with the status and the content type (redacted, escaped and bounded like any text a
/// server chose; see <see cref="ContentType"/>). Only for
/// <see cref="TokenApiContentProblem.InvalidJson"/> does it quote the snippet; for the other problems it states the
/// size or the limit instead. A body is parsed as JSON whatever its content type says; when it fails and the content
/// type rules JSON out (<c>text/html</c>, <c>application/xml</c>, …), the message says so, since such an answer usually
/// comes from a proxy, gateway or login page rather than the token API: for example
/// <c>The successful answer (200, text/html) is not JSON: its content type says it is something else (text/html), …
/// The body starts with: &lt;html&gt;…</c>.
/// </para>
/// </remarks>
public sealed class TokenApiContentException : HttpRequestException
{
    /// <summary>The most characters of the body a snippet shows.</summary>
    public const int MaxSnippetChars = 128;

    /// <summary>The most characters of <see cref="ContentType"/>, and of the media type quoted in the message: 128.</summary>
    public const int MaxContentTypeChars = TokenApiException.MaxContentTypeChars;

    /// <summary>Creates an exception describing an unreadable successful answer.</summary>
    /// <param name="problem">What was wrong with the body.</param>
    /// <param name="statusCode">The status code of the answer.</param>
    /// <param name="contentType">
    /// The media type of the body, if any; it is redacted like the snippet, its control characters written as
    /// <c>\uXXXX</c>, and it is cut to <see cref="MaxContentTypeChars"/> characters.
    /// </param>
    /// <param name="snippet">
    /// The start of the body, if any; control characters are replaced, token-like values redacted, and it is cut to
    /// <see cref="MaxSnippetChars"/> characters.
    /// </param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public TokenApiContentException(
        TokenApiContentProblem problem,
        HttpStatusCode statusCode,
        string? contentType,
        string? snippet,
        Exception? innerException)
        : this(problem, statusCode, contentType, snippet, innerException, maxContentBytes: null, contentLength: null)
    {
    }

    /// <summary>The constructor <see cref="ResponseReader"/> uses: it knows the limit and, when sent, the body's length.</summary>
    internal TokenApiContentException(
        TokenApiContentProblem problem,
        HttpStatusCode statusCode,
        string? contentType,
        string? snippet,
        Exception? innerException,
        long? maxContentBytes,
        long? contentLength)
        : base(
            CreateMessage(
                problem,
                statusCode,
                contentType = ServerText.Sanitize(contentType, MaxContentTypeChars),
                snippet = CleanSnippet(snippet),
                maxContentBytes,
                contentLength),
            innerException,
            statusCode)
    {
        Problem = problem;
        ContentType = contentType;
        Snippet = snippet;
    }

    /// <summary>What was wrong with the body.</summary>
    public TokenApiContentProblem Problem { get; }

    /// <summary>The status code of the answer.</summary>
    public new HttpStatusCode StatusCode => base.StatusCode.GetValueOrDefault();

    /// <summary>
    /// The media type of the body, if the server named one: redacted, its control characters written as <c>\uXXXX</c>, at
    /// most <see cref="MaxContentTypeChars"/> characters (a cut one ends with <c>…</c>).
    /// </summary>
    public string? ContentType { get; }

    /// <summary>
    /// The start of the body (at most <see cref="MaxSnippetChars"/> characters, control characters replaced and
    /// token-like values redacted), or <see langword="null"/>.
    /// </summary>
    public string? Snippet { get; }

    private static string CreateMessage(
        TokenApiContentProblem problem,
        HttpStatusCode statusCode,
        string? contentType,
        string? snippet,
        long? maxContentBytes,
        long? contentLength)
    {
        string answer = string.Create(
            CultureInfo.InvariantCulture,
            $"The successful answer ({(int)statusCode}, {(string.IsNullOrEmpty(contentType) ? "no content type" : contentType)})");
        switch (problem)
        {
            case TokenApiContentProblem.Empty:
                return answer + " had an empty body (or JSON null), but the operation's return type does not allow null.";

            case TokenApiContentProblem.TooLarge:
                string size = contentLength is long length
                    ? string.Create(CultureInfo.InvariantCulture, $" of {length} bytes")
                    : string.Empty;
                string limit = maxContentBytes is long max
                    ? string.Create(CultureInfo.InvariantCulture, $"the limit of {max} bytes")
                    : "the limit";
                return answer + " has a body" + size + " larger than " + limit +
                    " (TokenApiClientOptions.MaxResponseContentBytes); it was not read.";

            case TokenApiContentProblem.InvalidJson:
                string invalid = IsClearlyNotJson(contentType)
                    ? answer + " is not JSON: its content type says it is something else (" + contentType +
                        "), which usually means a proxy, gateway or login page answered instead of the token API."
                    : answer + " is not valid JSON of the expected shape.";
                return snippet is null ? invalid : invalid + " The body starts with: " + snippet;

            case TokenApiContentProblem.MissingAccessToken:
                return answer + " is a token response without an access token (null, empty or white space); it was not used.";

            case TokenApiContentProblem.InvalidToken:
                return answer + " is a token response whose token cannot be sent in a header (a control character, a space or a "
                    + "character outside visible ASCII); it was not used.";

            case TokenApiContentProblem.InvalidLifetime:
                return answer + " is a token response whose lifetime (expires_in or expires_at) is not a number of seconds or a "
                    + "point in time; it was not used.";

            default:
                return answer + " could not be read.";
        }
    }

    /// <summary>
    /// Whether a media type rules JSON out: <c>text/html</c>, <c>application/xml</c> and the like. A missing type,
    /// <c>*/json</c>, <c>*/*+json</c>, <c>text/plain</c> and <c>application/octet-stream</c> (which services do send JSON
    /// as) do not; the body is parsed whatever the type says, and the type only words the message.
    /// </summary>
    private static bool IsClearlyNotJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        // Parameters (charset=utf-8) do not change what the type is.
        ReadOnlySpan<char> type = contentType.AsSpan();
        int parameters = type.IndexOf(';');
        type = (parameters < 0 ? type : type.Slice(0, parameters)).Trim();
        return !(type.EndsWith("/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase));
    }

    private static string? CleanSnippet(string? snippet)
    {
        if (snippet is null)
        {
            return null;
        }

        // Redact before cutting, so a token that straddles the cut is still recognised as one.
        string clean = SecretRedactor.Redact(ReplaceControlCharacters(snippet));
        if (clean.Length > MaxSnippetChars)
        {
            int length = MaxSnippetChars;
            if (char.IsHighSurrogate(clean[length - 1]))
            {
                length--;
            }

            clean = clean.Substring(0, length);
        }

        return clean;
    }

    private static string ReplaceControlCharacters(string text)
    {
        int first = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (chars, state) =>
        {
            state.text.AsSpan().CopyTo(chars);
            for (int i = state.first; i < chars.Length; i++)
            {
                char c = chars[i];
                if (char.IsControl(c))
                {
                    // White space becomes a space, so a pretty-printed body still reads; anything else becomes U+FFFD.
                    chars[i] = c is '\t' or '\r' or '\n' ? ' ' : '\uFFFD';
                }
            }
        });
    }
}
