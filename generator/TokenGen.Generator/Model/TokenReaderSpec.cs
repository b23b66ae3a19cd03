namespace TokenGen.Generator.Model;

/// <summary>
/// How to read the token values of one response type: for each role its graph carries, the path of members from the
/// response to the role's member and the conversion the member's type needs. Facts only; the emitter writes the C#.
/// </summary>
/// <param name="ResponseType">The response type, as <c>TokenResponseReaders.Register&lt;T&gt;</c> takes it.</param>
/// <param name="AccessToken">The access token (<c>string?</c>).</param>
/// <param name="RefreshToken">The refresh token (<c>string?</c>), or null when the type has none.</param>
/// <param name="ExpiresIn">The lifetime in seconds (<c>long?</c> once converted), or null.</param>
/// <param name="ExpiresAt">The expiry (<c>DateTimeOffset?</c> once converted), or null.</param>
internal sealed record TokenReaderSpec(
    TypeRef ResponseType,
    TokenValueSpec AccessToken,
    TokenValueSpec? RefreshToken,
    TokenValueSpec? ExpiresIn,
    TokenValueSpec? ExpiresAt);
