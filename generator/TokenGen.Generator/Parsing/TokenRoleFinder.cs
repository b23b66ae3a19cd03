using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using TokenGen.Generator.Model;

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
/// <param name="Value">The members leading to it from the response, and the conversion its type needs.</param>
/// <param name="DisplayPath">The member's path for messages, for example <c>TokenResponse.Data.Attributes.Access</c>.</param>
internal sealed record FoundTokenRole(TokenRole Role, ISymbol Member, TokenValueSpec Value, string DisplayPath);

/// <summary>A role that cannot be used: on a member of the wrong type or kind, or given twice.</summary>
/// <param name="Member">The offending member.</param>
/// <param name="Role">The role.</param>
/// <param name="FirstPath">For a duplicate: the path of the member that took the role first; otherwise null.</param>
/// <param name="DisplayPath">The offending member's path.</param>
/// <param name="TypeAccepted">Whether the member's type can carry the role (see <see cref="TokenRoleTypes"/>).</param>
/// <param name="Readable">Whether System.Text.Json reads the member (public, instance, with a public getter).</param>
internal sealed record TokenRoleProblem(ISymbol Member, TokenRole Role, string? FirstPath, string DisplayPath, bool TypeAccepted, bool Readable);

/// <summary>What <see cref="TokenRoleFinder"/> found in one response type's graph.</summary>
internal sealed class TokenRoleGraph
{
    public Dictionary<TokenRole, FoundTokenRole> Roles { get; } = new();

    public List<TokenRoleProblem> Problems { get; } = new();

    public bool HasAccessToken => Roles.ContainsKey(TokenRole.AccessToken);

    /// <summary>How many members the search examined; tests assert it grows linearly with the graph.</summary>
    internal int MemberVisits { get; set; }
}

/// <summary>
/// Finds the members marked <c>[AccessToken]</c>, <c>[RefreshToken]</c>, <c>[ExpiresIn]</c> and <c>[ExpiresAt]</c>
/// anywhere in a response type's graph of nested objects (Prowler's token sits at <c>data.attributes.access</c>),
/// with the path of members to each one and the conversion its type needs (from <see cref="TokenRoleTypes"/>). Shared by the generator, which emits readers, and the analyzer, which
/// checks what a <c>TokenSession</c> is given, so both agree on what a token response is.
/// </summary>
/// <remarks>
/// It follows the members System.Text.Json reads by default: public instance properties with a public getter and
/// public fields, base classes included. It does not descend into collections (a token in an array has no single
/// answer), framework types, or a type already on the current path (cycles); and it stops at a fixed depth.
/// The walk follows paths, so a type reached along several paths is walked once per path; to keep the cost linear in
/// the size of the type graph, each search first learns, once per type, whether any role is reachable from it at all,
/// and never enters a type from which none is (most of a large response graph, typically).
/// </remarks>
internal sealed class TokenRoleFinder
{
    private const int MaxDepth = 8;

    private readonly KnownTypeSymbols _known;

    // Holds no state between calls: the analyzer shares one finder across concurrent callbacks.
    public TokenRoleFinder(KnownTypeSymbols known) => _known = known;

    /// <summary>Walks <paramref name="responseType"/>'s graph.</summary>
    public TokenRoleGraph Find(ITypeSymbol responseType, CancellationToken cancellationToken)
    {
        var graph = new TokenRoleGraph();
        if (!IsModelType(Unwrap(responseType)))
        {
            return graph;
        }

        var reachesRole = LearnWhereRolesAreReachable(Unwrap(responseType), graph, cancellationToken);
        var onPath = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        Walk(responseType, ImmutableArray<MemberAccessStep>.Empty, responseType.Name, depth: 0, onPath, reachesRole, graph, cancellationToken);
        return graph;
    }

    /// <summary>Looks for roles among the members of <paramref name="type"/>, and in the objects they hold.</summary>
    /// <param name="type">The type walked.</param>
    /// <param name="path">The members leading from the response to a value of <paramref name="type"/>.</param>
    private void Walk(
        ITypeSymbol type,
        ImmutableArray<MemberAccessStep> path,
        string displayPrefix,
        int depth,
        HashSet<ITypeSymbol> onPath,
        Dictionary<ITypeSymbol, bool> reachesRole,
        TokenRoleGraph graph,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var model = Unwrap(type);
        if (depth > MaxDepth || !reachesRole[model] || !onPath.Add(model))
        {
            return; // nothing below can carry a role, so no path through it can find one (or a problem)
        }

        var receiverMayBeNull = MayBeNull(type);
        foreach (var member in ReadableMembers(model))
        {
            graph.MemberVisits++;
            var memberType = TypeOf(member);
            var memberPath = path.Add(new MemberAccessStep(member.Name, receiverMayBeNull));
            var displayPath = displayPrefix + "." + member.Name;

            if (RoleOf(member) is { } role)
            {
                AddRole(graph, role, member, memberType, memberPath, displayPath);
            }
            else if (IsModelType(Unwrap(memberType)))
            {
                Walk(memberType, memberPath, displayPath, depth + 1, onPath, reachesRole, graph, cancellationToken);
            }
        }

        // Roles that are declared on members the serializer never reads are still mistakes worth reporting.
        foreach (var member in model.GetMembers())
        {
            graph.MemberVisits++;
            if (!IsReadable(member) && member is IPropertySymbol or IFieldSymbol && RoleOf(member) is { } role)
            {
                var typeAccepted = TokenRoleTypes.ConversionFor(role, TokenRoleTypes.Classify(TypeOf(member), _known)) is not null;
                graph.Problems.Add(new TokenRoleProblem(member, role, null, displayPrefix + "." + member.Name, typeAccepted, Readable: false));
            }
        }

        onPath.Remove(model);
    }

    /// <summary>
    /// For every model type reachable from <paramref name="root"/>: whether a role attribute (on a readable member or
    /// not) is declared on it or on any type reachable from it. Each type's members are visited once: a breadth-first pass
    /// collects the types and which types hold each one, then a pass backwards from the types that declare a role marks
    /// everything that leads to them. Cycles and depth do not matter here; the walk applies them, and only ever skips
    /// what this proved holds no role at any depth.
    /// </summary>
    private Dictionary<ITypeSymbol, bool> LearnWhereRolesAreReachable(ITypeSymbol root, TokenRoleGraph graph, CancellationToken cancellationToken)
    {
        var reachesRole = new Dictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default) { [root] = false };
        var heldBy = new Dictionary<ITypeSymbol, List<ITypeSymbol>>(SymbolEqualityComparer.Default);
        var declaring = new Stack<ITypeSymbol>();
        var discovered = new List<ITypeSymbol> { root };
        for (var next = 0; next < discovered.Count; next++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = discovered[next];
            var declaresRole = false;
            foreach (var member in ReadableMembers(type))
            {
                graph.MemberVisits++;
                if (RoleOf(member) is not null)
                {
                    declaresRole = true;
                    continue;
                }

                var memberType = Unwrap(TypeOf(member));
                if (!IsModelType(memberType))
                {
                    continue;
                }

                if (!heldBy.TryGetValue(memberType, out var holders))
                {
                    heldBy.Add(memberType, holders = new List<ITypeSymbol>());
                }

                holders.Add(type);
                if (!reachesRole.ContainsKey(memberType))
                {
                    reachesRole.Add(memberType, false);
                    discovered.Add(memberType);
                }
            }

            foreach (var member in type.GetMembers())
            {
                graph.MemberVisits++;
                if (!IsReadable(member) && member is IPropertySymbol or IFieldSymbol && RoleOf(member) is not null)
                {
                    declaresRole = true;
                }
            }

            if (declaresRole)
            {
                reachesRole[type] = true;
                declaring.Push(type);
            }
        }

        while (declaring.Count > 0)
        {
            if (heldBy.TryGetValue(declaring.Pop(), out var holders))
            {
                foreach (var holder in holders)
                {
                    if (!reachesRole[holder])
                    {
                        reachesRole[holder] = true;
                        declaring.Push(holder);
                    }
                }
            }
        }

        return reachesRole;
    }

    private void AddRole(
        TokenRoleGraph graph,
        TokenRole role,
        ISymbol member,
        ITypeSymbol memberType,
        ImmutableArray<MemberAccessStep> path,
        string displayPath)
    {
        if (TokenRoleTypes.ConversionFor(role, TokenRoleTypes.Classify(memberType, _known)) is not { } conversion)
        {
            graph.Problems.Add(new TokenRoleProblem(member, role, null, displayPath, TypeAccepted: false, Readable: true));
            return;
        }

        if (graph.Roles.TryGetValue(role, out var first))
        {
            graph.Problems.Add(new TokenRoleProblem(member, role, first.DisplayPath, displayPath, TypeAccepted: true, Readable: true));
            return;
        }

        graph.Roles.Add(role, new FoundTokenRole(role, member, new TokenValueSpec(new EquatableArray<MemberAccessStep>(path), conversion), displayPath));
    }

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

    /// <summary>The type of a property or field.</summary>
    private static ITypeSymbol TypeOf(ISymbol member) =>
        member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;

    /// <summary>Anything but a plain struct may be null: a reference or a <c>Nullable&lt;T&gt;</c>.</summary>
    private static bool MayBeNull(ITypeSymbol type) =>
        !type.IsValueType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
}
