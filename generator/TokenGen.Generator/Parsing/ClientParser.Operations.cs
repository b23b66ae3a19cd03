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

        var returnSpec = ParseReturn(method, methodLocation);
        var parameters = ParseParameters(method, httpMethod, route, methodLocation, out var body, out var cancellationTokenName);
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
            TypeRefs.From(declaringInterface),
            Retryable: !HasAttribute(method, _known.NoRetryAttribute),
            Obligations: Obligations.Of(method));
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

    private ReturnSpec? ParseReturn(IMethodSymbol method, Location? methodLocation)
    {
        var returnType = method.ReturnType;
        var location = (method.DeclaringSyntaxReferences.Length > 0
            && method.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is MethodDeclarationSyntax syntax)
            ? syntax.ReturnType.GetLocation()
            : methodLocation;
        var taskType = TypeRefs.From(returnType);

        if (KnownTypeSymbols.IsSame(returnType, _known.Task))
        {
            return new ReturnSpec(ReturnKind.None, taskType, null, false, null);
        }

        if (returnType is not INamedTypeSymbol { TypeArguments: [var valueType] } task
            || !KnownTypeSymbols.IsSame(task.OriginalDefinition, _known.TaskOfT))
        {
            Report(DiagnosticDescriptors.UnsupportedReturnType, location, method.Name, returnType.ToDisplayString());
            return null;
        }

        if (KnownTypeSymbols.IsSame(valueType, _known.HttpResponseMessage))
        {
            return new ReturnSpec(ReturnKind.HttpResponseMessage, taskType, TypeRefs.From(valueType), false, null);
        }

        if (valueType.SpecialType == SpecialType.System_String)
        {
            return new ReturnSpec(ReturnKind.String, taskType, TypeRefs.From(valueType), false, null);
        }

        if (valueType is INamedTypeSymbol { TypeArguments: [var contentType] } apiResponse
            && KnownTypeSymbols.IsSame(apiResponse.OriginalDefinition, _known.ApiResponseOfT))
        {
            var apiField = RequireJsonType(contentType, method, location, isSent: false);
            CollectTokenReader(contentType, location);
            return apiField is null
                ? null
                : new ReturnSpec(ReturnKind.ApiResponse, taskType, TypeRefs.From(contentType), true, apiField, TypeNames.AnnotationsDifferFromTypeInfo(contentType, topLevelMatters: true));
        }

        if ((valueType.TypeKind == TypeKind.Interface && !IsCollectionInterface(valueType))
            || valueType.TypeKind is TypeKind.Delegate or TypeKind.Pointer or TypeKind.TypeParameter or TypeKind.Error
            || valueType.SpecialType == SpecialType.System_Object)
        {
            Report(DiagnosticDescriptors.UnsupportedReturnType, location, method.Name, returnType.ToDisplayString());
            return null;
        }

        var allowsNull = valueType.NullableAnnotation == NullableAnnotation.Annotated
            || valueType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        var field = RequireJsonType(valueType, method, location, isSent: false);
        CollectTokenReader(valueType, location);
        return field is null
            ? null
            : new ReturnSpec(ReturnKind.Json, taskType, TypeRefs.From(valueType), allowsNull, field, TypeNames.AnnotationsDifferFromTypeInfo(valueType, topLevelMatters: false));
    }

    /// <summary>System.Text.Json reads collection interfaces (<c>IReadOnlyList&lt;T&gt;</c>, …) but no other interface.</summary>
    private bool IsCollectionInterface(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol named && KnownTypeSymbols.IsSame(named.OriginalDefinition, _known.IEnumerableOfT))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (KnownTypeSymbols.IsSame(implemented.OriginalDefinition, _known.IEnumerableOfT))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The type-info field for <paramref name="type"/>, or null after reporting why there is none; a type that has one is
    /// also searched for models carrying secrets, sent (<paramref name="isSent"/>, a request body) or received.
    /// </summary>
    private string? RequireJsonType(ITypeSymbol type, IMethodSymbol method, Location? location, bool isSent)
    {
        var field = _jsonTypes.TryAdd(type, out var problem);
        switch (problem)
        {
            case JsonTypeProblem.NoContext when !_serializerContextRejected:
                Report(DiagnosticDescriptors.MissingSerializerContext, location, method.Name, type.ToDisplayString(), _interfaceDisplayName);
                break;
            case JsonTypeProblem.NotRegistered:
                Report(DiagnosticDescriptors.TypeNotInSerializerContext, location, type.ToDisplayString(), method.Name, SerializerContextDisplayName());
                break;
            case JsonTypeProblem.None:
            case JsonTypeProblem.NoContext:
                // No problem; or no context because the one named was rejected, which has been reported already.
                break;
            default:
                throw new System.InvalidOperationException("Unhandled JSON type problem '" + problem + "'.");
        }

        if (field is not null)
        {
            CollectSecretModels(type, location, isSent);
        }

        return field;
    }

    private string SerializerContextDisplayName() => _serializerContextName ?? "the serializer context";
}
