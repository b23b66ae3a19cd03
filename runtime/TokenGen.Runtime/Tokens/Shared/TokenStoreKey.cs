using System;
using System.Security.Cryptography;
using System.Text;

namespace TokenGen;

/// <summary>The key a session's token is stored under: its name and a hash of what identifies the credential.</summary>
internal static class TokenStoreKey
{
    /// <summary>
    /// <c>name:hex</c>, where <c>hex</c> is the SHA-256 (lower-case hex) of <paramref name="credentialId"/> (empty when
    /// null). The name stays readable, so an operator sees which session a key belongs to; the credential never appears.
    /// </summary>
    public static string For(string name, string? credentialId)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(credentialId ?? string.Empty));
        return name + ":" + Convert.ToHexString(hash).ToLowerInvariant();
    }
}
