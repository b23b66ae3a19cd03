using System;
using System.Security.Cryptography;
using System.Text;

namespace TokenGen.Clients.OAuth2;

/// <summary>
/// A Proof Key for Code Exchange pair (RFC 7636): send <see cref="Challenge"/> and <see cref="ChallengeMethod"/> with the
/// authorization request, and <see cref="Verifier"/> with the code to the token endpoint. Its <see cref="ToString"/>
/// never shows the verifier.
/// </summary>
public sealed class PkceCodes
{
    /// <summary>The only challenge method this type makes, <c>S256</c> (RFC 7636 §4.2).</summary>
    public const string S256 = "S256";

    private PkceCodes(string verifier)
    {
        Verifier = verifier;
        Challenge = ComputeS256Challenge(verifier);
    }

    /// <summary>The code verifier (RFC 7636 §4.1): kept by the client, sent only to the token endpoint.</summary>
    public string Verifier { get; }

    /// <summary>The code challenge, <c>BASE64URL(SHA256(ASCII(verifier)))</c> (RFC 7636 §4.2).</summary>
    public string Challenge { get; }

    /// <summary>The challenge method, always <see cref="S256"/>.</summary>
    public string ChallengeMethod => S256;

    /// <summary>
    /// Creates a pair from 32 random bytes, which gives a 43-character verifier of unreserved characters, as RFC 7636
    /// §4.1 recommends.
    /// </summary>
    /// <returns>The pair.</returns>
    public static PkceCodes Create()
    {
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        return new PkceCodes(Base64UrlEncode(random));
    }

    /// <summary>Makes the pair for a verifier the caller already has.</summary>
    /// <param name="verifier">43 to 128 characters of <c>A–Z a–z 0–9 - . _ ~</c> (RFC 7636 §4.1).</param>
    /// <returns>The pair.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="verifier"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="verifier"/> is not a valid code verifier.</exception>
    public static PkceCodes FromVerifier(string verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        if (verifier.Length is < 43 or > 128 || !IsUnreserved(verifier))
        {
            throw new ArgumentException("A code verifier is 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~' (RFC 7636 §4.1).", nameof(verifier));
        }

        return new PkceCodes(verifier);
    }

    /// <summary>Computes the <c>S256</c> challenge of a verifier: <c>BASE64URL(SHA256(ASCII(verifier)))</c> (RFC 7636 §4.2).</summary>
    /// <param name="verifier">The code verifier.</param>
    /// <returns>The challenge, 43 characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="verifier"/> is <see langword="null"/>.</exception>
    public static string ComputeS256Challenge(string verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes(verifier), hash);
        return Base64UrlEncode(hash);
    }

    /// <summary>The method and the challenge; never the verifier.</summary>
    /// <returns>For example <c>PkceCodes { ChallengeMethod = S256, Challenge = E9Melhoa… }</c>.</returns>
    public override string ToString() => $"PkceCodes {{ ChallengeMethod = {ChallengeMethod}, Challenge = {Challenge} }}";

    private static string Base64UrlEncode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool IsUnreserved(string text)
    {
        foreach (char c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
            {
                return false;
            }
        }

        return true;
    }
}
