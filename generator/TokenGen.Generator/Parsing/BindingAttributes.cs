using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

/// <summary>One attribute that binds a parameter to a part of the request.</summary>
/// <param name="Binding">Where the parameter's value goes.</param>
/// <param name="MetadataName">The attribute class's metadata name, as the compilation resolves it.</param>
/// <param name="ShortName">The attribute as users write it, for messages: <c>[Query]</c>.</param>
/// <param name="Placement">What the value becomes, for messages: "query", "route", …; null for the body.</param>
/// <param name="AcceptsCollection">Whether a collection of simple values is accepted (repeated per element).</param>
/// <param name="NamesTheWireValue">Whether the attribute's one constructor argument names the wire value (query key, header, placeholder, form field).</param>
internal sealed record BindingAttribute(
    ParameterBinding Binding,
    string MetadataName,
    string ShortName,
    string? Placement,
    bool AcceptsCollection,
    bool NamesTheWireValue);

/// <summary>
/// The one table of parameter binding attributes: the parser recognizes parameters through it, and the diagnostics
/// name the attributes from it, so a binding added here is recognized, formatted and listed everywhere at once.
/// </summary>
internal static class BindingAttributes
{
    public static readonly ImmutableArray<BindingAttribute> All = ImmutableArray.Create(
        new BindingAttribute(ParameterBinding.Body, "TokenGen.BodyAttribute", "[Body]", Placement: null, AcceptsCollection: false, NamesTheWireValue: false),
        new BindingAttribute(ParameterBinding.Header, "TokenGen.HeaderAttribute", "[Header]", "header", AcceptsCollection: true, NamesTheWireValue: true),
        new BindingAttribute(ParameterBinding.Query, "TokenGen.QueryAttribute", "[Query]", "query", AcceptsCollection: true, NamesTheWireValue: true),
        new BindingAttribute(ParameterBinding.Path, "TokenGen.PathAttribute", "[Path]", "route", AcceptsCollection: false, NamesTheWireValue: true),
        new BindingAttribute(ParameterBinding.Form, "TokenGen.FormAttribute", "[Form]", "form field", AcceptsCollection: true, NamesTheWireValue: true));

    /// <summary>"[Body], [Header], [Query], [Path] or [Form]": every binding attribute, for a message that offers them.</summary>
    public static readonly string AnyOf = Join("or");

    /// <summary>"[Body], [Header], [Query], [Path] and [Form]".</summary>
    public static readonly string AllOf = Join("and");

    /// <summary>The table's entry for <paramref name="binding"/>.</summary>
    /// <exception cref="System.InvalidOperationException">The binding has no attribute (the cancellation token).</exception>
    public static BindingAttribute For(ParameterBinding binding)
    {
        foreach (var attribute in All)
        {
            if (attribute.Binding == binding)
            {
                return attribute;
            }
        }

        throw new System.InvalidOperationException("No binding attribute binds '" + binding + "'.");
    }

    private static string Join(string conjunction)
    {
        var names = All.Select(static attribute => attribute.ShortName).ToList();
        return string.Join(", ", names.Take(names.Count - 1)) + " " + conjunction + " " + names[names.Count - 1];
    }
}
