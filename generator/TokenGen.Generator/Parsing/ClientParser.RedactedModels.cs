using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TokenGen.Generator.Diagnostics;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

internal sealed partial class ClientParser
{
    private const int MaxModelDepth = 8;

    private readonly List<RedactedModelSpec> _redactedModels = new();
    // Each model seen, and whether it was seen as sent: a model that is both sent and received is collected as sent,
    // the stricter reading (see SecretMembers on "code").
    private readonly Dictionary<ITypeSymbol, bool> _modelsSeen = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ITypeSymbol> _recordsReported = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Looks through a JSON type's graph for models that carry secrets. A partial one gets a redacting
    /// <c>ToString()</c>; a record that is not partial prints every member from its compiler-written <c>ToString()</c>,
    /// so it gets TG0023. A plain class that is not partial prints only its type name and is safe as it is.
    /// </summary>
    /// <param name="type">A request body's or an answer's type.</param>
    /// <param name="fallback">Where to report when the type has no source location of its own.</param>
    /// <param name="isSent">Whether the type is sent (a request body) rather than received.</param>
    /// <param name="depth">How deep in the graph <paramref name="type"/> sits.</param>
    private void CollectSecretModels(ITypeSymbol type, Location? fallback, bool isSent, int depth = 0)
    {
        type = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] } ? inner : type;
        if (depth <= MaxModelDepth && CollectSecretModelsInside(type, fallback, isSent, depth))
        {
            return;
        }

        if (depth > MaxModelDepth
            || type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named
            || named.SpecialType != SpecialType.None
            || !System.Linq.Enumerable.Any(named.Locations, static l => l.IsInSource)
            || (_modelsSeen.TryGetValue(named, out var seenAsSent) && (seenAsSent || !isSent)))
        {
            return;
        }

        // Seen before as received only: collect it again as sent, in place of the earlier reading.
        _modelsSeen[named] = isSent;
        _redactedModels.RemoveAll(model => model.HintName == HintNameOf(named));

        var members = new List<RedactedMemberSpec>();
        var names = new HashSet<string>();
        var anySecret = false;
        for (ITypeSymbol? current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not (IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod.DeclaredAccessibility: Accessibility.Public }
                        or IFieldSymbol { IsStatic: false, IsConst: false, IsImplicitlyDeclared: false, DeclaredAccessibility: Accessibility.Public })
                    || member.Name == "EqualityContract"
                    || !names.Add(member.Name))
                {
                    continue;
                }

                var isSecret = SecretMembers.IsSecret(member, _known, isSent);
                anySecret |= isSecret;
                members.Add(new RedactedMemberSpec(TypeNames.EscapeIdentifier(member.Name), isSecret));

                var memberType = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
                CollectSecretModels(memberType, fallback, isSent, depth + 1);
            }
        }

        if (!anySecret || named.ContainingType is not null || DeclaresToString(named) || InheritsSealedToString(named))
        {
            // Nested types would need every containing type partial; a ToString of the user's own wins; and one a base
            // type sealed cannot be overridden (CS0239): that ToString, not the compiler's, is what prints.
            return;
        }

        if (!IsPartialEverywhere(named))
        {
            if (named.IsRecord && _recordsReported.Add(named))
            {
                Report(DiagnosticDescriptors.RecordPrintsSecrets, LocationOf(named, fallback), named.ToDisplayString());
            }

            return;
        }

        var ns = named.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null;
        var kind = (named.IsRecord, named.TypeKind) switch
        {
            (true, TypeKind.Struct) => ModelKind.RecordStruct,
            (true, _) => ModelKind.RecordClass,
            (false, TypeKind.Struct) => ModelKind.Struct,
            _ => ModelKind.Class,
        };
        var typeParameters = new List<string>(named.TypeParameters.Length);
        foreach (var typeParameter in named.TypeParameters)
        {
            typeParameters.Add(TypeNames.EscapeIdentifier(typeParameter.Name));
        }

        _redactedModels.Add(new RedactedModelSpec(
            ns,
            kind,
            TypeNames.EscapeTypeName(named.Name),
            typeParameters.ToEquatableArray(),
            named.Name,
            members.ToEquatableArray(),
            HintNameOf(named)));
    }

    /// <summary>
    /// A model reached through an array or a generic type from elsewhere (<c>List&lt;T&gt;</c>, <c>Dictionary&lt;K, V&gt;</c>,
    /// <c>ImmutableArray&lt;T&gt;</c>, …) prints its secrets from inside that container just the same, so the walk goes
    /// on into the element and type arguments. Returns whether <paramref name="type"/> was such a container.
    /// </summary>
    private bool CollectSecretModelsInside(ITypeSymbol type, Location? fallback, bool isSent, int depth)
    {
        if (type is IArrayTypeSymbol array)
        {
            CollectSecretModels(array.ElementType, fallback, isSent, depth + 1);
            return true;
        }

        if (type is not INamedTypeSymbol { IsGenericType: true } generic
            || System.Linq.Enumerable.Any(generic.Locations, static l => l.IsInSource))
        {
            return false;
        }

        foreach (var argument in generic.TypeArguments)
        {
            CollectSecretModels(argument, fallback, isSent, depth + 1);
        }

        return true;
    }

    private static string HintNameOf(INamedTypeSymbol model) =>
        "Redacted." + TypeNames.FullyQualified(model.OriginalDefinition).Replace("global::", string.Empty).Replace('<', '{').Replace('>', '}') + ".g.cs";

    private static bool InheritsSealedToString(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("ToString"))
            {
                if (member is IMethodSymbol { Parameters.Length: 0, IsSealed: true })
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool DeclaresToString(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers("ToString"))
        {
            if (member is IMethodSymbol { Parameters.Length: 0, IsImplicitlyDeclared: false })
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPartialEverywhere(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellationToken) is not TypeDeclarationSyntax declaration
                || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return type.DeclaringSyntaxReferences.Length > 0;
    }
}
