using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

/// <summary>What a member's type is, as far as token roles care.</summary>
internal enum TokenMemberType
{
    Other,
    String,

    /// <summary><c>sbyte</c>, <c>byte</c>, <c>short</c>, <c>ushort</c>, <c>int</c>, <c>uint</c>, <c>long</c>: all convert to <c>long</c>.</summary>
    Integer,
    UInt64,

    /// <summary><c>double</c> and <c>float</c>.</summary>
    FloatingPoint,
    Decimal,
    DateTime,
    DateTimeOffset,
}

/// <summary>
/// The one table of which member types each token role accepts and how each is converted. The parser reads it to
/// build a reader's spec, and the diagnostics read it to say what is accepted, so the two cannot drift apart.
/// </summary>
internal static class TokenRoleTypes
{
    private static readonly (TokenRole Role, TokenMemberType Type, TokenValueConversion Conversion)[] s_accepted =
    {
        (TokenRole.AccessToken, TokenMemberType.String, TokenValueConversion.None),
        (TokenRole.RefreshToken, TokenMemberType.String, TokenValueConversion.None),

        (TokenRole.ExpiresIn, TokenMemberType.Integer, TokenValueConversion.None),
        (TokenRole.ExpiresIn, TokenMemberType.UInt64, TokenValueConversion.SecondsFromUInt64),
        (TokenRole.ExpiresIn, TokenMemberType.FloatingPoint, TokenValueConversion.SecondsFromFloatingPoint),
        (TokenRole.ExpiresIn, TokenMemberType.Decimal, TokenValueConversion.SecondsFromDecimal),
        (TokenRole.ExpiresIn, TokenMemberType.String, TokenValueConversion.SecondsFromString),

        (TokenRole.ExpiresAt, TokenMemberType.DateTimeOffset, TokenValueConversion.None),
        (TokenRole.ExpiresAt, TokenMemberType.DateTime, TokenValueConversion.InstantFromDateTime),
        (TokenRole.ExpiresAt, TokenMemberType.Integer, TokenValueConversion.InstantFromUnixTimeInteger),
        (TokenRole.ExpiresAt, TokenMemberType.UInt64, TokenValueConversion.InstantFromUnixTimeUInt64),
        (TokenRole.ExpiresAt, TokenMemberType.FloatingPoint, TokenValueConversion.InstantFromUnixTimeFloatingPoint),
        (TokenRole.ExpiresAt, TokenMemberType.Decimal, TokenValueConversion.InstantFromUnixTimeDecimal),
        (TokenRole.ExpiresAt, TokenMemberType.String, TokenValueConversion.InstantFromString),
    };

    /// <summary>How a member of <paramref name="type"/> is read for <paramref name="role"/>; null when it cannot carry it.</summary>
    public static TokenValueConversion? ConversionFor(TokenRole role, TokenMemberType type)
    {
        foreach (var (acceptedRole, acceptedType, conversion) in s_accepted)
        {
            if (acceptedRole == role && acceptedType == type)
            {
                return conversion;
            }
        }

        return null;
    }

    /// <summary>
    /// The types <paramref name="role"/> accepts and what they mean, worded to follow "a property or field of", for
    /// example <c>type string</c>.
    /// </summary>
    public static string Requirement(TokenRole role)
    {
        var names = new List<string>();
        foreach (var (acceptedRole, acceptedType, _) in s_accepted)
        {
            if (acceptedRole == role)
            {
                names.AddRange(NamesOf(acceptedType));
            }
        }

        var text = new StringBuilder("type ");
        for (var i = 0; i < names.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : i == names.Count - 1 ? " or " : ", ").Append(names[i]);
        }

        return text.Append(Meaning(role)).ToString();
    }

    /// <summary>What a type is, for the table; nullable value types count as their underlying type.</summary>
    public static TokenMemberType Classify(ITypeSymbol type, KnownTypeSymbols known)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] })
        {
            type = inner;
        }

        return type.SpecialType switch
        {
            SpecialType.System_String => TokenMemberType.String,
            SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 => TokenMemberType.Integer,
            SpecialType.System_UInt64 => TokenMemberType.UInt64,
            SpecialType.System_Double or SpecialType.System_Single => TokenMemberType.FloatingPoint,
            SpecialType.System_Decimal => TokenMemberType.Decimal,
            SpecialType.System_DateTime => TokenMemberType.DateTime,
            _ when KnownTypeSymbols.IsSame(type, known.DateTimeOffset) => TokenMemberType.DateTimeOffset,
            _ => TokenMemberType.Other,
        };
    }

    private static string[] NamesOf(TokenMemberType type) => type switch
    {
        TokenMemberType.String => new[] { "string" },
        TokenMemberType.Integer => new[] { "int", "long", "short", "sbyte", "byte", "ushort", "uint" },
        TokenMemberType.UInt64 => new[] { "ulong" },
        TokenMemberType.FloatingPoint => new[] { "double", "float" },
        TokenMemberType.Decimal => new[] { "decimal" },
        TokenMemberType.DateTime => new[] { "DateTime" },
        TokenMemberType.DateTimeOffset => new[] { "DateTimeOffset" },
        _ => System.Array.Empty<string>(),
    };

    private static string Meaning(TokenRole role) => role switch
    {
        TokenRole.ExpiresIn => ", nullable or not (a number of seconds; a string must hold a number)",
        TokenRole.ExpiresAt => ", nullable or not (a number is a Unix time in seconds, or in milliseconds from 10^11; a string holds such a number or an ISO 8601 date)",
        _ => string.Empty,
    };
}
