using System;
using System.Net;
using System.Net.Http;

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
}

/// <summary>
/// A token API answered with a success status, but its body could not be turned into the operation's return value:
/// empty, too large, or not valid JSON. Carries the status, the content type and a short snippet of the body.
/// </summary>
public sealed class TokenApiContentException : HttpRequestException
{
    /// <summary>The most characters of the body a snippet shows.</summary>
    public const int MaxSnippetChars = 128;

    /// <summary>Creates an exception describing an unreadable successful answer.</summary>
    /// <param name="problem">What was wrong with the body.</param>
    /// <param name="statusCode">The status code of the answer.</param>
    /// <param name="contentType">The media type of the body, if any.</param>
    /// <param name="snippet">The start of the body, if any; cut to <see cref="MaxSnippetChars"/> characters.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public TokenApiContentException(
        TokenApiContentProblem problem,
        HttpStatusCode statusCode,
        string? contentType,
        string? snippet,
        Exception? innerException)
        : base(CreateMessage(problem, statusCode, contentType, snippet), innerException, statusCode)
    {
        throw new NotImplementedException();
    }

    /// <summary>What was wrong with the body.</summary>
    public TokenApiContentProblem Problem { get; }

    /// <summary>The status code of the answer.</summary>
    public new HttpStatusCode StatusCode => base.StatusCode.GetValueOrDefault();

    /// <summary>The media type of the body, if the server named one.</summary>
    public string? ContentType { get; }

    /// <summary>The start of the body (at most <see cref="MaxSnippetChars"/> characters), or <see langword="null"/>.</summary>
    public string? Snippet { get; }

    private static string CreateMessage(TokenApiContentProblem problem, HttpStatusCode statusCode, string? contentType, string? snippet)
    {
        throw new NotImplementedException();
    }
}
