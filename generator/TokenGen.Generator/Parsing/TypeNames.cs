using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TokenGen.Generator.Parsing;

/// <summary>How the parser writes type names and identifiers into the spec.</summary>
internal static class TypeNames
{
    /// <summary><c>global::</c>-qualified, with <c>?</c> on nullable reference types, as declared.</summary>
    private static readonly SymbolDisplayFormat s_annotated = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>
    /// <c>global::</c>-qualified, as declared including nullable annotations: for signatures, which must match the
    /// interface exactly.
    /// </summary>
    public static string Annotated(ITypeSymbol type) => type.ToDisplayString(s_annotated);

    /// <summary>
    /// <c>global::</c>-qualified without nullable reference annotations: usable in <c>typeof</c> and as the type
    /// argument of a <c>JsonTypeInfo&lt;T&gt;</c>.
    /// </summary>
    public static string FullyQualified(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>Prefixes <c>@</c> when <paramref name="name"/> is a C# keyword.</summary>
    public static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
