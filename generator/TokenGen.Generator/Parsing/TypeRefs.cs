using Microsoft.CodeAnalysis;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

/// <summary>Reads a <see cref="TypeRef"/> from a type symbol: the one place the spec's type facts come from.</summary>
internal static class TypeRefs
{
    /// <summary>The type as declared, nullable annotations included; no element type is read.</summary>
    public static TypeRef From(ITypeSymbol type) => Create(type, withElement: false);

    /// <summary>
    /// A parameter's type for the client's copy of the signature. The copy lives in a <c>#nullable enable</c> file, so a
    /// reference type written in a <c>#nullable disable</c> file (oblivious) is copied as nullable: that accepts what
    /// the interface accepts, <c>string s = null</c> included, and an oblivious declaration matches either way.
    /// </summary>
    /// <remarks>A parameter's element type is read: a parameter is where a collection of values is sent.</remarks>
    public static TypeRef ForParameter(ITypeSymbol type) =>
        Create(type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.None ? type.WithNullableAnnotation(NullableAnnotation.Annotated) : type, withElement: true);

    /// <summary>The type with its top-level nullable annotation removed (a reference type's <c>?</c>; <c>Nullable&lt;T&gt;</c> stays).</summary>
    public static TypeRef WithoutTopLevelAnnotation(ITypeSymbol type) =>
        From(type.IsReferenceType ? type.WithNullableAnnotation(NullableAnnotation.NotAnnotated) : type);

    private static TypeRef Create(ITypeSymbol type, bool withElement)
    {
        var fullName = TypeNames.Annotated(type);
        var isNullable = type.IsReferenceType
            ? type.NullableAnnotation == NullableAnnotation.Annotated
            : type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

        // Element types are read one level deep, and for parameters only: enough for every decision the emitter makes
        // (a collection of simple values), it keeps a self-referencing type such as 'class Node : IEnumerable<Node>'
        // finite, and it spares the interface walk for return and model types, which no decision needs.
        var element = withElement && ElementTypeOf(type) is { } elementType
            ? Create(elementType, withElement: false)
            : null;

        return new TypeRef(
            fullName,
            // The erased name differs from the declared one only where a nullable reference annotation appears in it.
            MayCarryReferenceAnnotations(type) ? TypeNames.FullyQualified(type) : fullName,
            NameStemOf(type),
            type.IsValueType,
            isNullable,
            IsConstructed(type),
            element,
            Obligations.OfTypeName(type));
    }

    private static bool MayCarryReferenceAnnotations(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol => true,
        INamedTypeSymbol named => named.IsGenericType || named.NullableAnnotation == NullableAnnotation.Annotated || named.ContainingType is not null,
        _ => type.NullableAnnotation == NullableAnnotation.Annotated,
    };

    private static string NameStemOf(ITypeSymbol type)
    {
        var stem = new System.Text.StringBuilder();
        AppendNameStem(type, stem);
        return stem.ToString();
    }

    // List<Conversation> -> ListOfConversation; Token[] -> TokenArray; int? -> NullableOfInt32.
    private static void AppendNameStem(ITypeSymbol type, System.Text.StringBuilder stem)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                AppendNameStem(array.ElementType, stem);
                stem.Append("Array");
                return;
            case INamedTypeSymbol { IsGenericType: true } generic:
                stem.Append(generic.Name).Append("Of");
                for (var i = 0; i < generic.TypeArguments.Length; i++)
                {
                    if (i > 0)
                    {
                        stem.Append("And");
                    }

                    AppendNameStem(generic.TypeArguments[i], stem);
                }

                return;
            default:
                stem.Append(type.MetadataName);
                return;
        }
    }

    private static bool IsConstructed(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol or IPointerTypeSymbol or IFunctionPointerTypeSymbol => true,
        INamedTypeSymbol named => named.IsTupleType || named.IsGenericType || (named.ContainingType is { } outer && IsConstructed(outer)),
        _ => false,
    };

    private static ITypeSymbol? ElementTypeOf(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } enumerable)
        {
            return enumerable.TypeArguments[0];
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return candidate.TypeArguments[0];
            }
        }

        return null;
    }
}
