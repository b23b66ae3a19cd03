using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

/// <summary>
/// Collects the JSON types a client reads or writes, each once, and decides where each one's type info comes
/// from: the interface's serializer context (which must register it), or TokenGen's built-in free-form types.
/// </summary>
internal sealed class JsonTypeRegistry
{
    private readonly KnownTypeSymbols _known;
    private readonly INamedTypeSymbol? _context;
    private readonly List<ITypeSymbol> _registered = new();
    private readonly Dictionary<string, JsonTypeSpec> _byType = new(System.StringComparer.Ordinal);
    private readonly List<JsonTypeSpec> _inOrder = new();
    private readonly HashSet<string> _fieldNames = new(System.StringComparer.Ordinal);

    public JsonTypeRegistry(KnownTypeSymbols known, INamedTypeSymbol? context)
    {
        _known = known;
        _context = context;
        if (context is null)
        {
            return;
        }

        foreach (var attribute in context.GetAttributes())
        {
            if (KnownTypeSymbols.IsSame(attribute.AttributeClass, known.JsonSerializableAttribute)
                && attribute.ConstructorArguments is [{ Value: ITypeSymbol registered }])
            {
                _registered.Add(registered);
            }
        }
    }

    public IReadOnlyList<JsonTypeSpec> Types => _inOrder;

    /// <summary>Whether there is a serializer context to register types on.</summary>
    public bool HasContext => _context is not null;

    /// <summary>
    /// Returns the field name of <paramref name="type"/>'s type info, or null when no type info can be had
    /// (not registered in the context, or no context): <paramref name="problem"/> then says which.
    /// </summary>
    public string? TryAdd(ITypeSymbol type, out JsonTypeProblem problem)
    {
        problem = JsonTypeProblem.None;
        var fullName = TypeNames.FullyQualified(type);
        if (_byType.TryGetValue(fullName, out var existing))
        {
            return existing.FieldName;
        }

        JsonTypeSource source;
        if (IsRegistered(type))
        {
            source = JsonTypeSource.SerializerContext;
        }
        else if (GetBuiltInSource(type) is { } builtIn)
        {
            source = builtIn;
        }
        else
        {
            problem = _context is null ? JsonTypeProblem.NoContext : JsonTypeProblem.NotRegistered;
            return null;
        }

        var fieldName = UniqueFieldName(type);
        var spec = new JsonTypeSpec(TypeRefs.From(type), fieldName, source);
        _byType.Add(fullName, spec);
        _inOrder.Add(spec);
        return fieldName;
    }

    private bool IsRegistered(ITypeSymbol type)
    {
        foreach (var registered in _registered)
        {
            if (SymbolEqualityComparer.Default.Equals(registered, type))
            {
                return true;
            }
        }

        return false;
    }

    private JsonTypeSource? GetBuiltInSource(ITypeSymbol type)
    {
        if (KnownTypeSymbols.IsSame(type, _known.JsonElement))
        {
            return JsonTypeSource.BuiltInJsonElement;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var underlying] }
            && KnownTypeSymbols.IsSame(underlying, _known.JsonElement))
        {
            return JsonTypeSource.BuiltInNullableJsonElement;
        }

        if (KnownTypeSymbols.IsSame(type, _known.JsonObject))
        {
            return JsonTypeSource.BuiltInJsonObject;
        }

        if (type is INamedTypeSymbol { TypeArguments: [{ SpecialType: SpecialType.System_String }, var value] } named
            && KnownTypeSymbols.IsSame(named.OriginalDefinition, _known.Dictionary)
            && KnownTypeSymbols.IsSame(value, _known.JsonElement))
        {
            return JsonTypeSource.BuiltInDictionaryOfStringJsonElement;
        }

        return null;
    }

    private string UniqueFieldName(ITypeSymbol type)
    {
        var name = new StringBuilder();
        AppendPascalName(type, name);
        if (name.Length > 0)
        {
            name[0] = char.ToLowerInvariant(name[0]);
        }

        var baseName = "s_" + name + "TypeInfo";
        var fieldName = baseName;
        for (var suffix = 2; !_fieldNames.Add(fieldName); suffix++)
        {
            fieldName = baseName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return fieldName;
    }

    // List<Conversation> -> ListOfConversation; Token[] -> TokenArray; int? -> NullableOfInt32.
    private static void AppendPascalName(ITypeSymbol type, StringBuilder name)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                AppendPascalName(array.ElementType, name);
                name.Append("Array");
                return;
            case INamedTypeSymbol { IsGenericType: true } generic:
                name.Append(generic.Name);
                name.Append("Of");
                for (var i = 0; i < generic.TypeArguments.Length; i++)
                {
                    if (i > 0)
                    {
                        name.Append("And");
                    }

                    AppendPascalName(generic.TypeArguments[i], name);
                }

                return;
            default:
                name.Append(type.MetadataName);
                return;
        }
    }
}

internal enum JsonTypeProblem
{
    None,
    NoContext,
    NotRegistered,
}
