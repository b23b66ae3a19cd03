using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TokenGen.Generator.Diagnostics;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

// The return type: which reader turns the answer into it, and the JSON type info it needs.
internal sealed partial class ClientParser
{
    private ReturnSpec? ParseReturn(IMethodSymbol method, MethodDeclarationSyntax? methodSyntax, Location? methodLocation)
    {
        var returnType = method.ReturnType;
        var location = methodSyntax?.ReturnType.GetLocation() ?? methodLocation;
        var taskType = _known.TypeRefOf(returnType);

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
            return new ReturnSpec(ReturnKind.HttpResponseMessage, taskType, _known.TypeRefOf(valueType), false, null);
        }

        if (valueType.SpecialType == SpecialType.System_String)
        {
            return new ReturnSpec(ReturnKind.String, taskType, _known.TypeRefOf(valueType), false, null);
        }

        if (valueType is INamedTypeSymbol { TypeArguments: [var contentType] } apiResponse
            && KnownTypeSymbols.IsSame(apiResponse.OriginalDefinition, _known.ApiResponseOfT))
        {
            var apiField = RequireJsonType(contentType, method, location, isSent: false);
            CollectTokenReader(contentType, location);
            return apiField is null
                ? null
                : new ReturnSpec(ReturnKind.ApiResponse, taskType, _known.TypeRefOf(contentType), true, apiField, TypeNames.AnnotationsDifferFromTypeInfo(contentType, topLevelMatters: true));
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
            : new ReturnSpec(ReturnKind.Json, taskType, _known.TypeRefOf(valueType), allowsNull, field, TypeNames.AnnotationsDifferFromTypeInfo(valueType, topLevelMatters: false));
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
