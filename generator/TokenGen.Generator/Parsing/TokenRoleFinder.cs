using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace TokenGen.Generator.Parsing;

/// <summary>The roles a member of a token response can carry.</summary>
internal enum TokenRole
{
    AccessToken,
    RefreshToken,
    ExpiresIn,
    ExpiresAt,
}

/// <summary>A member found carrying a role, and how to read it from the response.</summary>
/// <param name="Role">Its role.</param>
/// <param name="Member">The property or field.</param>
/// <param name="Expression">C# over a parameter named <c>response</c> giving the value, converted for <c>TokenResponseValues</c>.</param>
/// <param name="DisplayPath">The member's path for messages, for example <c>TokenResponse.Data.Attributes.Access</c>.</param>
internal sealed record FoundTokenRole(TokenRole Role, ISymbol Member, string Expression, string DisplayPath);

/// <summary>A role that cannot be used: on a member of the wrong type or kind, or given twice.</summary>
/// <param name="Member">The offending member.</param>
/// <param name="Role">The role.</param>
/// <param name="FirstPath">For a duplicate: the path of the member that took the role first; otherwise null.</param>
/// <param name="DisplayPath">The offending member's path.</param>
internal sealed record TokenRoleProblem(ISymbol Member, TokenRole Role, string? FirstPath, string DisplayPath);

/// <summary>What <see cref="TokenRoleFinder"/> found in one response type's graph.</summary>
internal sealed class TokenRoleGraph
{
    public Dictionary<TokenRole, FoundTokenRole> Roles { get; } = new();

    public List<TokenRoleProblem> Problems { get; } = new();

    public bool HasAccessToken => Roles.ContainsKey(TokenRole.AccessToken);
}

/// <summary>
/// Finds the members marked <c>[AccessToken]</c>, <c>[RefreshToken]</c>, <c>[ExpiresIn]</c> and <c>[ExpiresAt]</c>
/// anywhere in a response type's graph of nested objects (Prowler's token sits at <c>data.attributes.access</c>),
/// and writes the C# that reads each one. Shared by the generator, which emits readers, and the analyzer, which
/// checks what a <c>TokenSession</c> is given, so both agree on what a token response is.
/// </summary>
/// <remarks>
/// It follows the members System.Text.Json reads by default: public instance properties with a public getter and
/// public fields, base classes included. It does not descend into collections (a token in an array has no single
/// answer), framework types, or a type already on the current path (cycles); and it stops at a fixed depth.
/// </remarks>
internal sealed class TokenRoleFinder
{
    private const int MaxDepth = 8;

    private readonly KnownTypeSymbols _known;

    public TokenRoleFinder(KnownTypeSymbols known) => _known = known;

    /// <summary>Walks <paramref name="responseType"/>'s graph.</summary>
    public TokenRoleGraph Find(ITypeSymbol responseType, CancellationToken cancellationToken)
    {
        var graph = new TokenRoleGraph();
        if (!IsModelType(Unwrap(responseType)))
        {
            return graph;
        }

        var onPath = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        Walk(responseType, "response" + Step(responseType), responseType.Name, depth: 0, onPath, graph, cancellationToken);
        return graph;
    }

    private void Walk(
        ITypeSymbol type,
        string prefix,
        string displayPrefix,
        int depth,
        HashSet<ITypeSymbol> onPath,
        TokenRoleGraph graph,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var model = Unwrap(type);
        if (depth > MaxDepth || !onPath.Add(model))
        {
            return;
        }

        foreach (var member in ReadableMembers(model))
        {
            var memberType = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
            var expression = prefix + Parsing.TypeNames.EscapeIdentifier(member.Name);
            var displayPath = displayPrefix + "." + member.Name;

            if (RoleOf(member) is { } role)
            {
                AddRole(graph, role, member, memberType, expression, displayPath);
            }
            else if (IsModelType(Unwrap(memberType)))
            {
                Walk(memberType, expression + Step(memberType), displayPath, depth + 1, onPath, graph, cancellationToken);
            }
        }

        // Roles that are declared on members the serializer never reads are still mistakes worth reporting.
        foreach (var member in model.GetMembers())
        {
            if (!IsReadable(member) && member is IPropertySymbol or IFieldSymbol && RoleOf(member) is { } role)
            {
                graph.Problems.Add(new TokenRoleProblem(member, role, null, displayPrefix + "." + member.Name));
            }
        }

        onPath.Remove(model);
    }

    private void AddRole(TokenRoleGraph graph, TokenRole role, ISymbol member, ITypeSymbol memberType, string expression, string displayPath)
    {
        if (Convert(role, memberType, expression) is not { } converted)
        {
            graph.Problems.Add(new TokenRoleProblem(member, role, null, displayPath));
            return;
        }

        if (graph.Roles.TryGetValue(role, out var first))
        {
            graph.Problems.Add(new TokenRoleProblem(member, role, first.DisplayPath, displayPath));
            return;
        }

        graph.Roles.Add(role, new FoundTokenRole(role, member, converted, displayPath));
    }

    /// <summary>The expression, converted to what <c>TokenResponseValues</c> takes; null when the type cannot carry the role.</summary>
    private string? Convert(TokenRole role, ITypeSymbol memberType, string expression)
    {
        var type = Unwrap(memberType);
        switch (role)
        {
            case TokenRole.AccessToken or TokenRole.RefreshToken:
                return type.SpecialType == SpecialType.System_String ? expression : null;
            case TokenRole.ExpiresIn:
                return type.SpecialType switch
                {
                    SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                        or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 => expression,
                    // The one integer type that does not convert to long implicitly: capped rather than wrapped.
                    SpecialType.System_UInt64 => "global::TokenGen.TokenResponseValues.ToSeconds(" + expression + ")",
                    _ => null,
                };
            case TokenRole.ExpiresAt:
                if (type.SpecialType == SpecialType.System_DateTime)
                {
                    return "global::TokenGen.TokenResponseValues.ToInstant(" + expression + ")";
                }

                return KnownTypeSymbols.IsSame(type, _known.DateTimeOffset) ? expression : null;
            default:
                return null;
        }
    }

    /// <summary>What <paramref name="role"/> needs, for messages.</summary>
    public static string Requirement(TokenRole role) => role switch
    {
        TokenRole.AccessToken or TokenRole.RefreshToken => "a string",
        TokenRole.ExpiresIn => "an integer number of seconds (int, long, …)",
        _ => "a DateTimeOffset or DateTime",
    };

    private TokenRole? RoleOf(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (KnownTypeSymbols.IsSame(attributeClass, _known.AccessTokenAttribute))
            {
                return TokenRole.AccessToken;
            }

            if (KnownTypeSymbols.IsSame(attributeClass, _known.RefreshTokenAttribute))
            {
                return TokenRole.RefreshToken;
            }

            if (KnownTypeSymbols.IsSame(attributeClass, _known.ExpiresInAttribute))
            {
                return TokenRole.ExpiresIn;
            }

            if (KnownTypeSymbols.IsSame(attributeClass, _known.ExpiresAtAttribute))
            {
                return TokenRole.ExpiresAt;
            }
        }

        return null;
    }

    /// <summary>Public readable instance members, the type's own first, then each base class's not hidden by a nearer one.</summary>
    private IEnumerable<ISymbol> ReadableMembers(ITypeSymbol type)
    {
        var seen = new HashSet<string>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (IsReadable(member) && !IsIgnored(member) && seen.Add(member.Name))
                {
                    yield return member;
                }
            }
        }
    }

    private static bool IsReadable(ISymbol member) => member switch
    {
        IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod.DeclaredAccessibility: Accessibility.Public } => true,
        IFieldSymbol { IsStatic: false, IsConst: false, IsImplicitlyDeclared: false, DeclaredAccessibility: Accessibility.Public } => true,
        _ => false,
    };

    private bool IsIgnored(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            // Only [JsonIgnore] without a condition (or Always) means "never read"; WhenWritingNull and the like still read.
            if (KnownTypeSymbols.IsSame(attribute.AttributeClass, _known.JsonIgnoreAttribute)
                && (attribute.NamedArguments.Length == 0
                    || attribute.NamedArguments is [{ Key: "Condition", Value.Value: 1 }]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A user's class or struct whose members System.Text.Json reads one by one.</summary>
    private bool IsModelType(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named
            || named.SpecialType != SpecialType.None
            || IsFrameworkType(named))
        {
            return false;
        }

        foreach (var implemented in named.AllInterfaces)
        {
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable
                || KnownTypeSymbols.IsSame(implemented.OriginalDefinition, _known.IEnumerableOfT))
            {
                return false; // collections and dictionaries
            }
        }

        return true;
    }

    private static bool IsFrameworkType(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: false, Name: "System" or "Microsoft" };
    }

    private static ITypeSymbol Unwrap(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] } ? inner : type;

    /// <summary><c>?.</c> after anything that may be null (a reference or a <c>Nullable&lt;T&gt;</c>), <c>.</c> after a plain struct.</summary>
    private static string Step(ITypeSymbol type) =>
        type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T ? "." : "?.";
}
