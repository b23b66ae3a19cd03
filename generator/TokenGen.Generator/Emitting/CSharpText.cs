using Microsoft.CodeAnalysis.CSharp;

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

    /// <summary>A member name as C# can write it: a keyword gets <c>@</c> (<c>@class</c>).</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

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
}
