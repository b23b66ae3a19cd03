using Microsoft.CodeAnalysis;
using TokenGen.Generator.Diagnostics;

namespace TokenGen.Generator.Parsing;

internal sealed partial class ClientParser
{
    private const string HttpClientTypeName = "System.Net.Http.HttpClient";
    private const string ClientOptionsTypeName = "TokenGen.TokenApiClientOptions";

    private readonly System.Collections.Generic.HashSet<ISymbol> _factoryShapedMethods = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Reports TG0060 for a method of the interface with the signature of one of the <c>Create</c> factories generated
    /// into it (<c>Create()</c>, <c>Create(TokenApiClientOptions?)</c>, <c>Create(HttpClient)</c>,
    /// <c>Create(HttpClient, TokenApiClientOptions?)</c>): the interface cannot declare both (CS0111), and the
    /// factories are how callers reach the client without knowing its class. The method is then left out of the
    /// operations, so TG0060 is its one diagnostic (its parameters are the factory's, not request values).
    /// </summary>
    private void ReportFactoryCollisions(INamedTypeSymbol interfaceSymbol, Location fallback)
    {
        _factoryShapedMethods.Clear();
        foreach (var member in interfaceSymbol.GetMembers("Create"))
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                continue;
            }

            var parameters = method.Parameters;
            var collides = parameters.Length switch
            {
                0 => true,
                1 => IsNamed(parameters[0].Type, HttpClientTypeName) || IsNamed(parameters[0].Type, ClientOptionsTypeName),
                2 => IsNamed(parameters[0].Type, HttpClientTypeName) && IsNamed(parameters[1].Type, ClientOptionsTypeName),
                _ => false,
            };
            if (collides)
            {
                var signature = string.Join(", ", System.Linq.Enumerable.Select(parameters, p => p.Type.Name));
                Report(DiagnosticDescriptors.MemberNamedLikeFactory, LocationOf(method, fallback), method.Name, interfaceSymbol.Name, signature);
                _factoryShapedMethods.Add(method);
            }
        }
    }

    private static bool IsNamed(ITypeSymbol type, string fullName) =>
        type is INamedTypeSymbol { ContainingNamespace: { } ns } named && ns.ToDisplayString() + "." + named.Name == fullName;
}
