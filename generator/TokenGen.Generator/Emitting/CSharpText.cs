using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Emitting;

/// <summary>Small pieces of C# text shared by the emitters.</summary>
internal static class CSharpText
{
    /// <summary>
    /// A C# string literal for <paramref name="value"/>. Roslyn's own escaping is used so quotes, backslashes,
    /// control and non-ASCII characters from attributes (routes, header values, enum names) can never break out of
    /// the literal.
    /// </summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A member name as C# can write it: a keyword gets <c>@</c> (<c>@class</c>), and so does <c>await</c>.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || name == "await" ? "@" + name : name;

    /// <summary>An identifier without its verbatim <c>@</c>: <c>@class</c> and <c>class</c> name the same thing.</summary>
    public static string WithoutVerbatimPrefix(string identifier) =>
        identifier.Length > 0 && identifier[0] == '@' ? identifier.Substring(1) : identifier;

    /// <summary>A local-variable stem from a parameter or member name: <c>@class</c> → <c>class</c>, <c>Tags</c> → <c>tags</c>.</summary>
    public static string CamelCaseStem(string identifier)
    {
        var name = WithoutVerbatimPrefix(identifier);
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    /// <summary>
    /// The C# of a default value. Non-finite floating-point values have no literal and are written as the constants they
    /// are (<c>global::System.Double.NaN</c>); numbers whose literal alone would be another type carry their suffix or a
    /// cast, so the text means the same value also where its type is not implied (<c>[DefaultParameterValue]</c> on an
    /// <c>object</c>).
    /// </summary>
    public static string Constant(DefaultValueSpec value) => value.Kind switch
    {
        DefaultValueKind.Null => "null",
        DefaultValueKind.Default => "default",
        DefaultValueKind.Enum => "(" + (value.EnumType?.ErasedName ?? throw new InvalidOperationException("An enum default names no enum."))
            + ")(" + Number(value.Value) + ")",
        DefaultValueKind.Primitive => Primitive(value.Value),
        _ => throw new InvalidOperationException("Unknown default value kind " + value.Kind),
    };

    /// <summary>
    /// The attributes of a default declared as <c>[Optional]</c> (and <c>[DefaultParameterValue]</c>), copied as attributes.
    /// </summary>
    public static string OptionalAttributes(DefaultValueSpec value) =>
        value.Kind == DefaultValueKind.Default
            ? "[" + GlobalTypeNames.OptionalAttribute + "]"
            : "[" + GlobalTypeNames.OptionalAttribute + ", " + GlobalTypeNames.DefaultParameterValueAttribute + "(" + Constant(value) + ")]";

    /// <summary>An <c>[Obsolete]</c> or <c>[Experimental]</c> attribute as the user declared it.</summary>
    public static string ObligationAttribute(ObligationSpec obligation)
    {
        if (obligation.IsExperimental)
        {
            return "[" + GlobalTypeNames.ExperimentalAttribute + "(" + (obligation.Text is null ? "null!" : Literal(obligation.Text)) + ")]";
        }

        if (obligation.Text is null && !obligation.IsError)
        {
            return "[" + GlobalTypeNames.ObsoleteAttribute + "]";
        }

        return "[" + GlobalTypeNames.ObsoleteAttribute + "(" + (obligation.Text is null ? "null" : Literal(obligation.Text))
            + (obligation.IsError ? ", true" : string.Empty) + ")]";
    }

    /// <summary>
    /// An XML documentation reference to a type. A cref can name a type or a generic definition but not a constructed
    /// type (<c>Envelope{int}</c> is CS1584) nor carry a nullable annotation, so such a type is written as code text,
    /// escaped (a raw <c>&lt;</c> is CS1570).
    /// </summary>
    public static string DocumentationReference(TypeRef type)
    {
        if (!type.IsConstructed && !type.IsNullable)
        {
            return "<see cref=\"" + type.ErasedName + "\"/>";
        }

        var text = new StringBuilder(type.FullName.Length + 16);
        foreach (var c in type.FullName)
        {
            _ = c switch
            {
                '<' => text.Append("&lt;"),
                '>' => text.Append("&gt;"),
                '&' => text.Append("&amp;"),
                _ => text.Append(c),
            };
        }

        return "<c>" + text + "</c>";
    }

    private static string Primitive(object? value) => value switch
    {
        string text => Literal(text),
        char c => SymbolDisplay.FormatLiteral(c, quote: true),
        bool b => b ? "true" : "false",
        double d when double.IsNaN(d) => "global::System.Double.NaN",
        double d when double.IsPositiveInfinity(d) => "global::System.Double.PositiveInfinity",
        double d when double.IsNegativeInfinity(d) => "global::System.Double.NegativeInfinity",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
        float f when float.IsNaN(f) => "global::System.Single.NaN",
        float f when float.IsPositiveInfinity(f) => "global::System.Single.PositiveInfinity",
        float f when float.IsNegativeInfinity(f) => "global::System.Single.NegativeInfinity",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
        int i => Number(i),
        long l => Number(l) + "L",
        uint u => Number(u) + "U",
        ulong ul => Number(ul) + "UL",
        short s => "(short)(" + Number(s) + ")",
        ushort us => "(ushort)(" + Number(us) + ")",
        byte b => "(byte)(" + Number(b) + ")",
        sbyte sb => "(sbyte)(" + Number(sb) + ")",
        _ => throw new InvalidOperationException("No literal for a default value of type " + (value?.GetType().Name ?? "null")),
    };

    private static string Number(object? value) => value is IFormattable formattable
        ? formattable.ToString(null, CultureInfo.InvariantCulture)
        : throw new InvalidOperationException("The default value " + value + " is not a number.");
}
