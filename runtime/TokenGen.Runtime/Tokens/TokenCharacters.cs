using System;

namespace TokenGen;

/// <summary>Which tokens a session accepts: the rule applied to every token as it arrives.</summary>
/// <remarks>
/// A token is sent in a header (<c>Authorization: Bearer &lt;token&gt;</c>, or a refresh operation's own header), so it
/// must be one run of visible ASCII, <c>!</c> (0x21) to <c>~</c> (0x7E): RFC 6750's <c>b64token</c> and every real
/// token format (JWTs, base64, hex, opaque ids) fit, while a control character would break the header or smuggle another
/// one (CR/LF), a space would end the token for the server, and anything beyond ASCII has no defined header encoding.
/// </remarks>
internal static class TokenCharacters
{
    /// <summary>Whether <paramref name="token"/> is non-empty and only visible ASCII.</summary>
    internal static bool AreSendable(ReadOnlySpan<char> token) => !token.IsEmpty && !token.ContainsAnyExceptInRange('!', '~');
}
