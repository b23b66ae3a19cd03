using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using TokenGen.Generator.Diagnostics;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

internal sealed partial class ClientParser
{
    private readonly List<TokenReaderSpec> _tokenReaders = new();
    private readonly HashSet<ITypeSymbol> _tokenResponseTypesSeen = new(SymbolEqualityComparer.Default);
    private TokenRoleFinder? _tokenRoles;

    /// <summary>
    /// Looks for token roles in the graph of a response type (the <c>T</c> of <c>Task&lt;T&gt;</c> or
    /// <c>ApiResponse&lt;T&gt;</c>), reports the roles that cannot be used, and, when the type carries an access
    /// token, adds a reader for it. Each type is looked at once per interface.
    /// </summary>
    private void CollectTokenReader(ITypeSymbol responseType, Location? returnLocation)
    {
        var registered = responseType.IsReferenceType
            ? responseType.WithNullableAnnotation(NullableAnnotation.NotAnnotated)
            : responseType;
        if (!_tokenResponseTypesSeen.Add(registered))
        {
            return;
        }

        _tokenRoles ??= new TokenRoleFinder(_known);
        var graph = _tokenRoles.Find(registered, _cancellationToken);
        foreach (var problem in graph.Problems)
        {
            var location = LocationOf(problem.Member, returnLocation);
            if (problem.FirstPath is { } firstPath)
            {
                Report(
                    DiagnosticDescriptors.DuplicateTokenRole,
                    location,
                    registered.ToDisplayString(),
                    RoleName(problem.Role),
                    firstPath,
                    problem.DisplayPath,
                    TokenRoleTypes.Requirement(problem.Role));
            }
            else
            {
                Report(
                    DiagnosticDescriptors.InvalidTokenRoleMember,
                    location,
                    problem.DisplayPath,
                    RoleName(problem.Role),
                    TokenRoleTypes.Requirement(problem.Role),
                    DescribeMember(problem.Member),
                    HowToFix(problem));
            }
        }

        if (graph.Problems.Count > 0 || !graph.Roles.TryGetValue(TokenRole.AccessToken, out var accessToken))
        {
            return;
        }

        _tokenReaders.Add(new TokenReaderSpec(
            _known.TypeRefOf(registered),
            accessToken.Value,
            graph.Roles.TryGetValue(TokenRole.RefreshToken, out var refresh) ? refresh.Value : null,
            graph.Roles.TryGetValue(TokenRole.ExpiresIn, out var expiresIn) ? expiresIn.Value : null,
            graph.Roles.TryGetValue(TokenRole.ExpiresAt, out var expiresAt) ? expiresAt.Value : null));
    }

    internal static string RoleName(TokenRole role) => role.ToString();

    /// <summary>What to change in a member that cannot carry its role, for TG0021.</summary>
    private static string HowToFix(TokenRoleProblem problem) => (problem.TypeAccepted, problem.Readable) switch
    {
        (false, true) => "declare it as one of these types",
        (true, _) => "make it a public instance property with a public getter, or a public instance field",
        _ => "make it a public instance property with a public getter, or a public instance field, of one of these types",
    };

    private static string DescribeMember(ISymbol member)
    {
        var type = member is IPropertySymbol property ? property.Type : member is IFieldSymbol field ? field.Type : null;
        var kind = member switch
        {
            IPropertySymbol { IsStatic: true } or IFieldSymbol { IsStatic: true } => "static",
            IPropertySymbol { GetMethod: null } => "write-only",
            _ when member.DeclaredAccessibility != Accessibility.Public => "not public",
            IPropertySymbol { GetMethod.DeclaredAccessibility: not Accessibility.Public } => "not publicly readable",
            _ => null,
        };
        var typeText = type is null ? "a " + member.Kind.ToString().ToLowerInvariant() : "'" + type.ToDisplayString() + "'";
        return kind is null ? typeText : typeText + ", " + kind;
    }
}
