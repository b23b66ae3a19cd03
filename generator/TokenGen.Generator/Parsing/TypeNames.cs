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
    /// Whether a value of <paramref name="type"/> and the <c>JsonTypeInfo&lt;T&gt;</c> made for it disagree on nullable
    /// annotations: <c>typeof</c> cannot carry them, so the type info's T has none (<c>List&lt;string&gt;</c> for a declared
    /// <c>List&lt;string?&gt;</c>), and passing one for the other draws nullability warnings.
    /// </summary>
    /// <param name="type">The declared type.</param>
    /// <param name="topLevelMatters">
    /// Whether a top-level <c>?</c> counts: it does for a type argument (<c>ApiResponse&lt;T&gt;</c> is invariant in T), not for a
    /// value that is null-checked or returned as <c>T?</c>.
    /// </param>
    public static bool AnnotationsDifferFromTypeInfo(ITypeSymbol type, bool topLevelMatters)
    {
        var declared = topLevelMatters || !type.IsReferenceType ? type : type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        return !string.Equals(Annotated(declared), FullyQualified(type), System.StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>global::</c>-qualified without nullable reference annotations: usable in <c>typeof</c> and as the type
    /// argument of a <c>JsonTypeInfo&lt;T&gt;</c>.
    /// </summary>
    public static string FullyQualified(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>
    /// The client class's name: the interface name without its <c>I</c> prefix, plus <c>Client</c>, unless another type in
    /// the namespace already has that name (a user's class, or interface <c>Api</c> beside <c>IApi</c>, whose client would
    /// also be <c>ApiClient</c>) or an operation has it: then the whole interface name plus <c>Client</c>, and a number after that if needed.
    /// A user's own <c>partial class</c> of the preferred name is kept: that is how a client is extended.
    /// </summary>
    public static string ClientName(INamedTypeSymbol interfaceSymbol, INamedTypeSymbol tokenApiAttribute)
    {
        var name = interfaceSymbol.Name;
        var hasPrefix = name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]);
        var preferred = (hasPrefix ? name.Substring(1) : name) + "Client";
        if (!IsTaken(interfaceSymbol, preferred, tokenApiAttribute, hasPrefix))
        {
            return preferred;
        }

        var candidate = name + "Client";
        for (var suffix = 2; IsTaken(interfaceSymbol, candidate, tokenApiAttribute, interfaceHasPrefix: false); suffix++)
        {
            candidate = name + "Client" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static bool IsTaken(INamedTypeSymbol interfaceSymbol, string clientName, INamedTypeSymbol tokenApiAttribute, bool interfaceHasPrefix)
    {
        // The class implements every operation; one named like the class would be error CS0542.
        if (!interfaceSymbol.GetMembers(clientName).IsEmpty)
        {
            return true;
        }

        foreach (var baseInterface in interfaceSymbol.AllInterfaces)
        {
            if (!baseInterface.GetMembers(clientName).IsEmpty)
            {
                return true;
            }
        }

        var container = interfaceSymbol.ContainingNamespace;
        if (container is null)
        {
            return false;
        }

        foreach (var type in container.GetTypeMembers(clientName))
        {
            if (type.TypeKind != TypeKind.Class || !IsPartial(type))
            {
                return true;
            }
        }

        // 'IApi' and a [TokenApi] interface 'Api' both prefer 'ApiClient'; the one whose prefix was cut gives way.
        if (interfaceHasPrefix && clientName.Length > "Client".Length)
        {
            foreach (var type in container.GetTypeMembers(clientName.Substring(0, clientName.Length - "Client".Length)))
            {
                if (type.TypeKind == TypeKind.Interface && HasAttribute(type, tokenApiAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsPartial(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration
                && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> or an interface it inherits carries <paramref name="attribute"/>.</summary>
    public static bool InheritsAttributedInterface(INamedTypeSymbol type, INamedTypeSymbol attribute)
    {
        foreach (var baseInterface in type.AllInterfaces)
        {
            if (HasAttribute(baseInterface, attribute))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(INamedTypeSymbol type, INamedTypeSymbol attribute)
    {
        foreach (var data in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Prefixes <c>@</c> when <paramref name="name"/> is a C# keyword, or <c>await</c>, which is one inside the client's
    /// <c>async</c> methods.
    /// </summary>
    public static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || name == "await" ? "@" + name : name;

    /// <summary>
    /// <see cref="EscapeIdentifier"/> for the name of a type the generated code declares a part of: <c>record</c> too, which
    /// as a type's name is warning CS8860 unless written <c>@record</c>, as the user's own declaration must be.
    /// </summary>
    public static string EscapeTypeName(string name) => name == "record" ? "@record" : EscapeIdentifier(name);
}
