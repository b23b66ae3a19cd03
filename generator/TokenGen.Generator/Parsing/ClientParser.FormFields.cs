using Microsoft.CodeAnalysis;
using TokenGen.Generator.Diagnostics;

namespace TokenGen.Generator.Parsing;

internal sealed partial class ClientParser
{
    /// <summary>
    /// Reports TG0048 when a form field's type is one the form encodings cannot carry as a field and returns whether it
    /// did. Binary content is the dangerous case: <c>byte[]</c> is a collection of a simple type, so it would otherwise be
    /// sent, without a word, as one field per byte. A dictionary gets a message of its own because its keys would be
    /// field names no declaration names.
    /// </summary>
    /// <param name="subject">The parameter's name, or <c>Model.Member</c>.</param>
    /// <param name="encoding">The body's encoding as the message names it: form-urlencoded or multipart.</param>
    private bool ReportUnsupportedFormField(ITypeSymbol type, string subject, IMethodSymbol method, Location? location, string encoding)
    {
        var reason = IsBinary(type) || (ElementTypeOf(type) is { } element && IsBinary(element))
            ? "binary content is not text; send it as an HttpContent [Body] parameter (for instance MultipartFormDataContent with a ByteArrayContent part), or as a string holding its Base64 encoding"
            : IsDictionary(type)
                ? "a dictionary's keys would become field names that no declaration names; declare one property per field, or send a FormUrlEncodedContent as an HttpContent [Body] parameter"
                : null;
        if (reason is null)
        {
            return false;
        }

        Report(DiagnosticDescriptors.UnsupportedFormMember, location, subject, method.Name, type.ToDisplayString(), encoding, reason);
        return true;
    }

    private static bool IsBinary(ITypeSymbol type)
    {
        type = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] } ? inner : type;
        if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte or SpecialType.System_SByte })
        {
            return true;
        }

        if (type is INamedTypeSymbol { TypeArguments: [{ SpecialType: SpecialType.System_Byte or SpecialType.System_SByte }] } generic
            && IsType(generic.OriginalDefinition, "System", "Memory`1", "ReadOnlyMemory`1", "ArraySegment`1"))
        {
            return true;
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (IsType(current, "System.IO", "Stream") || IsType(current, "System", "BinaryData"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDictionary(ITypeSymbol type)
    {
        if (IsDictionaryInterface(type))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (IsDictionaryInterface(implemented))
            {
                return true;
            }
        }

        return false;

        static bool IsDictionaryInterface(ITypeSymbol candidate) =>
            candidate is INamedTypeSymbol named
            && (IsType(named.OriginalDefinition, "System.Collections.Generic", "IDictionary`2", "IReadOnlyDictionary`2")
                || IsType(named, "System.Collections", "IDictionary"));
    }

    /// <summary>The element of a one-dimensional array or of an <c>IEnumerable&lt;T&gt;</c> other than <c>string</c>.</summary>
    private static ITypeSymbol? ElementTypeOf(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return array.ElementType;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        if (type is INamedTypeSymbol { TypeArguments: [var only] } named && IsType(named.OriginalDefinition, "System.Collections.Generic", "IEnumerable`1"))
        {
            return only;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.TypeArguments is [var element] && IsType(implemented.OriginalDefinition, "System.Collections.Generic", "IEnumerable`1"))
            {
                return element;
            }
        }

        return null;
    }

    /// <summary>Compares by namespace and metadata name, so no lookup in the compilation is needed for a rare check.</summary>
    private static bool IsType(INamedTypeSymbol type, string containingNamespace, params string[] metadataNames)
    {
        if (type.ContainingType is not null || type.ContainingNamespace?.ToDisplayString() != containingNamespace)
        {
            return false;
        }

        foreach (var name in metadataNames)
        {
            if (type.MetadataName == name)
            {
                return true;
            }
        }

        return false;
    }
}
