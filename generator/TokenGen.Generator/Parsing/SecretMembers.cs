using Microsoft.CodeAnalysis;
using TokenGen.Shared;

namespace TokenGen.Generator.Parsing;

/// <summary>
/// Which members of a model hold secrets: a token role, or a name (C# or wire) that says so by
/// <see cref="SecretNames"/>, the one rule the runtime's redaction of answers applies too (<c>shared-src/SecretNames.cs</c>,
/// compiled into both). <c>code</c> counts only in models that are sent, where it is an authorization code.
/// </summary>
internal static class SecretMembers
{
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

    /// <summary>The rule the runtime's redaction of error bodies applies too: <see cref="SecretNames"/>.</summary>
    public static bool IsSecretName(string name, bool isSent) => SecretNames.IsSecretName(name, isSent);
}
