using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

/// <summary>Collects the enums a client sends as text, each once, with a unique formatter method name.</summary>
internal sealed class EnumFormatterRegistry
{
    private readonly KnownTypeSymbols _known;
    private readonly Dictionary<string, EnumFormatterSpec> _byType = new(System.StringComparer.Ordinal);
    private readonly List<EnumFormatterSpec> _inOrder = new();

    public EnumFormatterRegistry(KnownTypeSymbols known) => _known = known;

    public IReadOnlyList<EnumFormatterSpec> Formatters => _inOrder;

    /// <summary>Returns the key of <paramref name="enumType"/>'s formatter (its erased name), adding it on first use.</summary>
    public string GetOrAdd(INamedTypeSymbol enumType)
    {
        var fullName = TypeNames.FullyQualified(enumType);
        if (_byType.TryGetValue(fullName, out var existing))
        {
            return fullName;
        }

        var members = new List<EnumMemberSpec>();
        var seenValues = new HashSet<object>();
        foreach (var member in enumType.GetMembers())
        {
            // An alias (two names for one value) would make the switch arm unreachable: the first name wins.
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value } field && seenValues.Add(value))
            {
                members.Add(new EnumMemberSpec(TypeNames.EscapeIdentifier(field.Name), GetWireName(field)));
            }
        }

        var spec = new EnumFormatterSpec(
            _known.TypeRefOf(enumType),
            enumType.EnumUnderlyingType is { } underlying ? _known.TypeRefOf(underlying) : TypeRef.Keyword("int", isValueType: true),
            members.ToEquatableArray(),
            Obligations.Of(enumType));
        _byType.Add(fullName, spec);
        _inOrder.Add(spec);
        return fullName;
    }

    private string GetWireName(IFieldSymbol field)
    {
        foreach (var attribute in field.GetAttributes())
        {
            if (KnownTypeSymbols.IsSame(attribute.AttributeClass, _known.JsonStringEnumMemberNameAttribute)
                && attribute.ConstructorArguments is [{ Value: string jsonName }])
            {
                return jsonName;
            }
        }

        foreach (var attribute in field.GetAttributes())
        {
            if (KnownTypeSymbols.IsSame(attribute.AttributeClass, _known.EnumMemberAttribute))
            {
                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "Value" && named.Value.Value is string value)
                    {
                        return value;
                    }
                }
            }
        }

        return field.Name;
    }
}
