using Microsoft.CodeAnalysis;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

/// <summary>
/// Decides at compile time how a value of a given type becomes text in a route, query, header or form field,
/// so the generated code formats it directly (invariant culture, ISO 8601 dates, enum JSON names).
/// </summary>
internal sealed class ValueFormats
{
    private readonly KnownTypeSymbols _known;
    private readonly EnumFormatterRegistry _enums;

    public ValueFormats(KnownTypeSymbols known, EnumFormatterRegistry enums)
    {
        _known = known;
        _enums = enums;
    }

    /// <summary>The format of <paramref name="type"/>, or null when it cannot be sent as text.</summary>
    /// <param name="type">The declared type.</param>
    /// <param name="allowCollection">Whether a collection of simple values is accepted (not for route values).</param>
    public ValueFormatSpec? Resolve(ITypeSymbol type, bool allowCollection)
    {
        if (TryResolveScalar(type, out var kind, out var isNullable, out var isNullableValueType, out var enumMethod))
        {
            return new ValueFormatSpec(kind, isNullable, isNullableValueType, IsCollection: false, ElementIsNullable: false, ElementIsNullableValueType: false, enumMethod);
        }

        if (!allowCollection || GetElementType(type) is not { } element)
        {
            return null;
        }

        if (!TryResolveScalar(element, out kind, out var elementIsNullable, out var elementIsNullableValueType, out enumMethod))
        {
            return null;
        }

        return new ValueFormatSpec(
            kind,
            IsNullable: type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated,
            IsNullableValueType: false,
            IsCollection: true,
            elementIsNullable,
            elementIsNullableValueType,
            enumMethod);
    }

    private bool TryResolveScalar(ITypeSymbol type, out ValueFormatKind kind, out bool isNullable, out bool isNullableValueType, out string? enumMethod)
    {
        enumMethod = null;
        isNullableValueType = false;
        isNullable = false;

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            isNullableValueType = true;
            isNullable = true;
        }
        else if (type.IsReferenceType)
        {
            // Oblivious (nullable-disabled) references are treated as nullable: a null is omitted rather than sent.
            isNullable = type.NullableAnnotation != NullableAnnotation.NotAnnotated;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                kind = ValueFormatKind.String;
                return true;
            case SpecialType.System_Boolean:
                kind = ValueFormatKind.Boolean;
                return true;
            case SpecialType.System_Char:
                kind = ValueFormatKind.Char;
                return true;
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
                kind = ValueFormatKind.Invariant;
                return true;
            case SpecialType.System_DateTime:
                kind = ValueFormatKind.RoundTripDate;
                return true;
        }

        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol enumType)
        {
            kind = ValueFormatKind.Enum;
            enumMethod = _enums.GetOrAdd(enumType);
            return true;
        }

        if (KnownTypeSymbols.IsSame(type, _known.DateTimeOffset))
        {
            kind = ValueFormatKind.RoundTripDate;
            return true;
        }

        if (KnownTypeSymbols.IsSame(type, _known.DateOnly))
        {
            kind = ValueFormatKind.DateOnly;
            return true;
        }

        if (KnownTypeSymbols.IsSame(type, _known.Guid) || KnownTypeSymbols.IsSame(type, _known.TimeSpan))
        {
            kind = ValueFormatKind.Invariant;
            return true;
        }

        kind = default;
        return false;
    }

    /// <summary>The element type of an array or <c>IEnumerable&lt;T&gt;</c> (never of <c>string</c>), or null.</summary>
    private ITypeSymbol? GetElementType(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return array.ElementType;
        }

        if (type.SpecialType == SpecialType.System_String || _known.IEnumerableOfT is null)
        {
            return null;
        }

        if (type is INamedTypeSymbol named && KnownTypeSymbols.IsSame(named.OriginalDefinition, _known.IEnumerableOfT))
        {
            return named.TypeArguments[0];
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (KnownTypeSymbols.IsSame(implemented.OriginalDefinition, _known.IEnumerableOfT))
            {
                return implemented.TypeArguments[0];
            }
        }

        return null;
    }
}
