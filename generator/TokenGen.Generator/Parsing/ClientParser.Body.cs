using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TokenGen.Generator.Diagnostics;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

// The request body: a [Body] parameter as JSON, a form, multipart or HttpContent, and its media type.
internal sealed partial class ClientParser
{
    private BodySpec? ParseBody(IParameterSymbol parameter, AttributeData attribute, IMethodSymbol method, Location? location)
    {
        var type = parameter.Type;
        var name = TypeNames.EscapeIdentifier(parameter.Name);
        var isNullable = type.NullableAnnotation == NullableAnnotation.Annotated
            || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

        if (KnownTypeSymbols.DerivesFrom(type, _known.HttpContent))
        {
            return new BodySpec(BodyKind.HttpContent, name, isNullable, null, null, EquatableArray<FormFieldSpec>.Empty);
        }

        var encoding = attribute.ConstructorArguments is [{ Value: int value }] ? value : 0;
        string? mediaType = null;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "ContentType" && named.Value.Value is string text)
            {
                mediaType = text;
            }
        }

        switch (encoding)
        {
            case 1:
            case 2:
                var fields = ParseModelFields(type, method, location, encoding == 1 ? "form-urlencoded" : "multipart");
                if (fields is not null)
                {
                    // A form model carries the same secrets as a JSON one (client_secret, password, code).
                    CollectSecretModels(type, location, isSent: true);
                }

                return fields is null
                    ? null
                    : new BodySpec(encoding == 1 ? BodyKind.FormUrlEncodedModel : BodyKind.MultipartModel, name, isNullable, null, null, fields.ToEquatableArray());
            default:
                if (mediaType is not null && !IsMediaType(mediaType))
                {
                    Report(DiagnosticDescriptors.UnsupportedParameter, NamedArgumentLocation(attribute, "ContentType") ?? location, parameter.Name, method.Name, $"'{mediaType}' is not a media type such as application/json");
                    return null;
                }

                var field = RequireJsonType(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), method, location, isSent: true);
                return field is null
                    ? null
                    : new BodySpec(BodyKind.Json, name, isNullable, mediaType ?? DefaultJsonMediaType, field, EquatableArray<FormFieldSpec>.Empty, TypeNames.AnnotationsDifferFromTypeInfo(type, topLevelMatters: false));
        }
    }

    /// <summary>The form fields of a model: its public readable instance properties, named as System.Text.Json would name them.</summary>
    private List<FormFieldSpec>? ParseModelFields(ITypeSymbol model, IMethodSymbol method, Location? location, string encoding)
    {
        var fields = new List<FormFieldSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        for (var type = model; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is not IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsIndexer: false, GetMethod.DeclaredAccessibility: Accessibility.Public } property
                    || !seen.Add(property.Name)
                    || HasAttribute(property, _known.JsonIgnoreAttribute))
                {
                    continue;
                }

                if (ReportUnsupportedFormField(property.Type, model.Name + "." + property.Name, method, LocationOf(property, location), encoding))
                {
                    ok = false;
                    continue;
                }

                var format = _formats.Resolve(property.Type, allowCollection: true);
                if (format is null)
                {
                    Report(DiagnosticDescriptors.UnsupportedValueType, location, model.Name + "." + property.Name, method.Name, property.Type.ToDisplayString(), BindingAttributes.For(ParameterBinding.Form).Placement!);
                    ok = false;
                    continue;
                }

                fields.Add(new FormFieldSpec(GetJsonName(property) ?? property.Name, TypeNames.EscapeIdentifier(property.Name), format));
            }
        }

        return ok ? fields : null;
    }

    private string? GetJsonName(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (KnownTypeSymbols.IsSame(attribute.AttributeClass, _known.JsonPropertyNameAttribute)
                && attribute.ConstructorArguments is [{ Value: string name }])
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is <c>type/subtype</c>, both RFC 9110 tokens and no parameters: exactly what
    /// the runtime's <c>new MediaTypeHeaderValue(mediaType)</c> accepts, so a bad one fails here rather than at run time.
    /// </summary>
    private static bool IsMediaType(string text)
    {
        var slash = text.IndexOf('/');
        return slash > 0
            && HeaderRules.ValidateName(text.Substring(0, slash)) is null
            && HeaderRules.ValidateName(text.Substring(slash + 1)) is null;
    }
}
