using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TokenGen.Generator.Diagnostics;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

internal sealed partial class ClientParser
{
    private const string DefaultJsonMediaType = "application/json";

    private OperationSpec? ParseOperation(IMethodSymbol method, INamedTypeSymbol declaringInterface, Location fallback, List<HeaderSpec> interfaceHeaders)
    {
        var methodLocation = LocationOf(method, fallback);
        var errorsBefore = _errorCount;

        if (method.IsGenericMethod)
        {
            Report(DiagnosticDescriptors.GenericMethod, methodLocation, method.Name, _interfaceDisplayName);
        }

        var errorsBeforeHttpMethod = _errorCount;
        var (httpMethod, routeText, httpAttribute) = FindHttpMethod(method, methodLocation);
        if (_errorCount > errorsBeforeHttpMethod)
        {
            return null; // TG0045: which request to send is unknown, so nothing else about the method can be checked
        }

        if (httpMethod is null)
        {
            Report(DiagnosticDescriptors.MissingHttpMethod, methodLocation, method.Name, _interfaceDisplayName);
            return null;
        }

        var route = RouteTemplate.TryParse(routeText!, out var routeError);
        if (route is null)
        {
            Report(DiagnosticDescriptors.InvalidRoute, ArgumentLocation(httpAttribute!, 0) ?? methodLocation, routeText!, method.Name, routeError!);
            return null;
        }

        var headers = new List<HeaderSpec>(interfaceHeaders);
        headers.AddRange(ParseStaticHeaders(method, method.Name));

        var methodSyntax = MethodSyntaxOf(method);
        var returnSpec = ParseReturn(method, methodSyntax, methodLocation);
        var parameters = ParseParameters(method, methodSyntax, httpMethod, route, methodLocation, out var body, out var cancellationTokenName);
        var routeSpec = BindRoute(method, route, parameters, httpAttribute!, methodLocation);

        if (_errorCount > errorsBefore || returnSpec is null || routeSpec is null)
        {
            return null;
        }

        return new OperationSpec(
            TypeNames.EscapeIdentifier(method.Name),
            httpMethod,
            routeSpec,
            parameters.ToEquatableArray(),
            headers.ToEquatableArray(),
            body,
            returnSpec,
            cancellationTokenName,
            _known.TypeRefOf(declaringInterface),
            Retryable: !HasAttribute(method, _known.NoRetryAttribute),
            Obligations: Obligations.Of(method));
    }

    /// <summary>
    /// The method's declaration when it has exactly one in source, else null (a method from metadata). Asked once per
    /// method: a parameter's own <c>DeclaringSyntaxReferences</c> searches the tree for it on every call, which, for
    /// every parameter of 500 interfaces, was a tenth of a full run; its declaration is the method's, by ordinal.
    /// </summary>
    private MethodDeclarationSyntax? MethodSyntaxOf(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences is [var reference] ? reference.GetSyntax(_cancellationToken) as MethodDeclarationSyntax : null;

    /// <summary>The declaration of <paramref name="parameter"/> inside <paramref name="methodSyntax"/>, found by ordinal.</summary>
    private ParameterSyntax? ParameterSyntaxOf(IMethodSymbol method, IParameterSymbol parameter, MethodDeclarationSyntax? methodSyntax)
    {
        if (methodSyntax is { ParameterList.Parameters: var declared } && declared.Count == method.Parameters.Length)
        {
            return declared[parameter.Ordinal];
        }

        return parameter.DeclaringSyntaxReferences is [var reference] ? reference.GetSyntax(_cancellationToken) as ParameterSyntax : null;
    }

    /// <summary>
    /// The method's one HTTP method attribute. A second one is a mistake (TG0045) rather than a choice by attribute order,
    /// which the compiler does not guarantee; it is reported on the second attribute and counts as an error.
    /// </summary>
    /// <summary>
    /// An inherited member that a derived interface implements itself (<c>Task IBase.RevokeAsync(…) =&gt; …</c>) has a
    /// body the client inherits: it is not an operation (nor an unsupported property or event), so it needs no HTTP
    /// method attribute and gets no generated code.
    /// </summary>
    private static bool IsImplementedByAnInterface(INamedTypeSymbol client, ISymbol member) =>
        !SymbolEqualityComparer.Default.Equals(member.ContainingType, client)
        && client.FindImplementationForInterfaceMember(member) is { IsAbstract: false };

    private (string? Method, string? Route, AttributeData? Attribute) FindHttpMethod(IMethodSymbol method, Location? methodLocation)
    {
        (string? Method, string? Route, AttributeData? Attribute) found = (null, null, null);
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is not { } attributeClass
                || !KnownTypeSymbols.DerivesFrom(attributeClass.BaseType, _known.HttpMethodAttribute))
            {
                continue;
            }

            var verb = attributeClass.Name switch
            {
                "GetAttribute" => "GET",
                "PostAttribute" => "POST",
                "PutAttribute" => "PUT",
                "PatchAttribute" => "PATCH",
                "DeleteAttribute" => "DELETE",
                _ => null,
            };
            if (verb is null)
            {
                continue;
            }

            if (found.Attribute is { } first)
            {
                Report(DiagnosticDescriptors.MultipleHttpMethods, AttributeLocation(attribute) ?? methodLocation, method.Name, _interfaceDisplayName, AttributeShortName(first), AttributeShortName(attribute));
                continue;
            }

            var route = attribute.ConstructorArguments is [{ Value: string text }] ? text : string.Empty;
            found = (verb, route, attribute);
        }

        return found;
    }

    private static string AttributeShortName(AttributeData attribute)
    {
        var name = attribute.AttributeClass?.Name ?? string.Empty;
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }
}
