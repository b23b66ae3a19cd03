using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace TokenGen.Generator.Parsing;

/// <summary>
/// Which members of a model hold secrets: a token role, or a name (C# or wire) that says token, secret, password or key.
/// </summary>
/// <remarks>
/// <c>code</c> is the one name whose meaning depends on the direction: in a model that is sent it is an OAuth authorization
/// code, a bearer credential until it is redeemed (RFC 6749 §10.5); in an answer it is almost always an error's code
/// (<c>invalid_grant</c>, JSON:API's <c>code</c>), which a log needs. So it counts only in models that are sent, as the
/// runtime's redaction of error bodies (<c>SecretRedactor</c>) never counts it.
/// </remarks>
internal static class SecretMembers
{
    private static readonly string[] s_exactNames = { "access", "refresh", "authorizationcode", "assertion", "credential", "credentials", "privatekey", "passwd" };
    private static readonly string[] s_suffixes = { "token", "secret", "password", "apikey" };

    /// <param name="member">A public property or field of the model.</param>
    /// <param name="known">The attribute types.</param>
    /// <param name="isSent">Whether the model is sent (a request body), where <c>code</c> is an authorization code.</param>
    public static bool IsSecret(ISymbol member, KnownTypeSymbols known, bool isSent)
    {
        foreach (var attribute in member.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (KnownTypeSymbols.IsSame(attributeClass, known.AccessTokenAttribute) || KnownTypeSymbols.IsSame(attributeClass, known.RefreshTokenAttribute))
            {
                return true;
            }

            if (KnownTypeSymbols.IsSame(attributeClass, known.JsonPropertyNameAttribute)
                && attribute.ConstructorArguments is [{ Value: string wireName }]
                && IsSecretName(wireName, isSent))
            {
                return true;
            }
        }

        return IsSecretName(member.Name, isSent);
    }

    /// <summary>
    /// <c>client_secret</c>, <c>ClientSecret</c>, <c>refresh-token</c>, <c>Password</c>, <c>api_key</c>, and <c>code</c> when
    /// <paramref name="isSent"/> … but not <c>token_type</c>.
    /// </summary>
    public static bool IsSecretName(string name, bool isSent)
    {
        var normalized = Normalize(name);
        if (Array.IndexOf(s_exactNames, normalized) >= 0 || (isSent && normalized == "code"))
        {
            return true;
        }

        foreach (var suffix in s_suffixes)
        {
            if (normalized.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string name)
    {
        var chars = new List<char>(name.Length);
        foreach (var c in name)
        {
            if (c is not ('_' or '-' or '.' or '@'))
            {
                chars.Add(char.ToLowerInvariant(c));
            }
        }

        return new string(chars.ToArray());
    }
}
