using System.Collections.Generic;
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
    /// Returns the key of <paramref name="type"/>'s type info (its erased name), or null when no type info can be had
    /// (not registered in the context, or no context): <paramref name="problem"/> then says which.
    /// </summary>
    public string? TryAdd(ITypeSymbol type, out JsonTypeProblem problem)
    {
        problem = JsonTypeProblem.None;
        var fullName = TypeNames.FullyQualified(type);
        if (_byType.TryGetValue(fullName, out var existing))
        {
            return fullName;
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

        var spec = new JsonTypeSpec(_known.TypeRefOf(type), source);
        _byType.Add(fullName, spec);
        _inOrder.Add(spec);
        return fullName;
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
}

internal enum JsonTypeProblem
{
    None,
    NoContext,
    NotRegistered,
}
