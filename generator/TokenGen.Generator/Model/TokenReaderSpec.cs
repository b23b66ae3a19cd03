namespace TokenGen.Generator.Model;

/// <summary>
/// How to read the token values of one response type: the C# expression, over a parameter named <c>response</c>, for
/// each role the type's graph carries. The parser wrote the expressions (null-conditional where a step may be null,
/// with the conversion a member's type needs); the emitter copies them into a reader method.
/// </summary>
/// <param name="ResponseTypeFullName">The response type, fully qualified, as <c>TokenResponseReaders.Register&lt;T&gt;</c> takes it.</param>
/// <param name="MethodName">The reader method's name in the client, unique there (for example <c>ReadConversationToken</c>).</param>
/// <param name="AccessToken">The expression giving the access token (<c>string?</c>).</param>
/// <param name="RefreshToken">The expression giving the refresh token (<c>string?</c>), or null when the type has none.</param>
/// <param name="ExpiresInSeconds">The expression giving the lifetime in seconds (<c>long?</c>), or null.</param>
/// <param name="ExpiresAt">The expression giving the expiry (<c>DateTimeOffset?</c>), or null.</param>
internal sealed record TokenReaderSpec(
    string ResponseTypeFullName,
    string MethodName,
    string AccessToken,
    string? RefreshToken,
    string? ExpiresInSeconds,
    string? ExpiresAt);
