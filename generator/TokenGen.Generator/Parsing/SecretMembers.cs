using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace TokenGen.Generator.Parsing;

/// <summary>Which members of a model hold secrets: a token role, or a name (C# or wire) that says token, secret, password or key.</summary>
internal static class SecretMembers
{
    private static readonly string[] s_exactNames = { "code", "access", "refresh", "authorizationcode", "assertion", "credential", "credentials", "privatekey", "passwd" };
    private static readonly string[] s_suffixes = { "token", "secret", "password", "apikey" };

    public static bool IsSecret(ISymbol member, KnownTypeSymbols known)
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
                && IsSecretName(wireName))
            {
                return true;
            }
        }

        return IsSecretName(member.Name);
    }

    /// <summary><c>client_secret</c>, <c>ClientSecret</c>, <c>refresh-token</c>, <c>Password</c>, <c>api_key</c>, <c>code</c> … but not <c>token_type</c>.</summary>
    public static bool IsSecretName(string name)
    {
        var normalized = Normalize(name);
        if (Array.IndexOf(s_exactNames, normalized) >= 0)
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
