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
    /// <summary>
    /// Names (parameter names and [Path] names) of the current method's parameters that were rejected with their own
    /// diagnostic, so a placeholder one of them was meant for is not reported again as TG0003 ("matches no parameter").
    /// </summary>
    private readonly HashSet<string> _rejectedPathNames = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Binds every parameter: a cancellation token; an explicit [Body], [Header], [Query], [Path] or [Form];
    /// else a route placeholder of the same name; else a query value when its type is simple.
    /// </summary>
    private List<ParameterSpec> ParseParameters(
        IMethodSymbol method,
        string httpMethod,
        RouteTemplate route,
        Location? methodLocation,
        out BodySpec? body,
        out string? cancellationTokenName)
    {
        body = null;
        cancellationTokenName = null;
        string? bodyParameterName = null;
        var formFields = new List<FormFieldSpec>();
        string? firstFormParameter = null;
        var parameters = new List<ParameterSpec>();
        _rejectedPathNames.Clear();

        foreach (var parameter in method.Parameters)
        {
            var location = LocationOf(parameter, methodLocation);
            var name = TypeNames.EscapeIdentifier(parameter.Name);
            var type = TypeRefs.ForParameter(parameter.Type);
            var defaultValue = ParseDefaultValue(parameter);

            if (parameter.RefKind != RefKind.None)
            {
                Report(DiagnosticDescriptors.UnsupportedParameter, location, parameter.Name, method.Name, "ref, out and in parameters cannot be sent");
                _rejectedPathNames.Add(parameter.Name);
                continue;
            }

            if (KnownTypeSymbols.IsSame(parameter.Type, _known.CancellationToken))
            {
                if (cancellationTokenName is not null)
                {
                    Report(DiagnosticDescriptors.MultipleCancellationTokens, location, method.Name, parameter.Name);
                    continue;
                }

                cancellationTokenName = name;
                parameters.Add(new ParameterSpec(name, type, defaultValue, ParameterBinding.CancellationToken, null, null));
                continue;
            }

            var binding = FindBindingAttribute(parameter, method, location, out var bindingAttribute);
            if (binding is null && bindingAttribute is not null)
            {
                _rejectedPathNames.Add(parameter.Name);
                continue; // more than one binding attribute; reported
            }

            if (binding is null)
            {
                if (FindPlaceholder(route, parameter.Name) is not null)
                {
                    binding = ParameterBinding.Path;
                }
                else if (_formats.Resolve(parameter.Type, allowCollection: true) is not null)
                {
                    binding = ParameterBinding.Query;
                }
                else
                {
                    Report(DiagnosticDescriptors.ParameterUnbound, location, parameter.Name, method.Name, parameter.Type.ToDisplayString());
                    continue;
                }
            }

            switch (binding.Value)
            {
                case ParameterBinding.Body:
                    if (bodyParameterName is not null || firstFormParameter is not null)
                    {
                        Report(DiagnosticDescriptors.MultipleBodies, location, method.Name, bodyParameterName ?? firstFormParameter!, parameter.Name);
                        continue;
                    }

                    bodyParameterName = parameter.Name;
                    body = ParseBody(parameter, bindingAttribute!, method, location);
                    parameters.Add(new ParameterSpec(name, type, defaultValue, ParameterBinding.Body, null, null));
                    continue;

                case ParameterBinding.Form:
                    if (bodyParameterName is not null)
                    {
                        Report(DiagnosticDescriptors.MultipleBodies, location, method.Name, bodyParameterName, parameter.Name);
                        continue;
                    }

                    var formName = GetNameArgument(bindingAttribute) ?? parameter.Name;
                    if (ReportUnsupportedFormField(parameter.Type, parameter.Name, method, location, "form-urlencoded"))
                    {
                        continue;
                    }

                    var formFormat = RequireFormat(parameter.Type, allowCollection: true, parameter.Name, method, location, "form field");
                    if (formFormat is not null)
                    {
                        firstFormParameter ??= parameter.Name;
                        formFields.Add(new FormFieldSpec(formName, name, formFormat));
                        parameters.Add(new ParameterSpec(name, type, defaultValue, ParameterBinding.Form, formName, formFormat, IsNonNullableReference(parameter.Type)));
                    }

                    continue;

                case ParameterBinding.Header:
                    var headerName = GetNameArgument(bindingAttribute);
                    if (HeaderRules.ValidateName(headerName) is { } headerError)
                    {
                        Report(DiagnosticDescriptors.InvalidHeader, AttributeLocation(bindingAttribute!) ?? location, headerName ?? "null", method.Name, headerError);
                        continue;
                    }

                    AddValueParameter(parameters, parameter, method, location, name, type, defaultValue, ParameterBinding.Header, headerName!, allowCollection: true, "header");
                    continue;

                case ParameterBinding.Query:
                    AddValueParameter(parameters, parameter, method, location, name, type, defaultValue, ParameterBinding.Query, GetNameArgument(bindingAttribute) ?? parameter.Name, allowCollection: true, "query");
                    continue;

                case ParameterBinding.Path:
                    var placeholderName = GetNameArgument(bindingAttribute) ?? parameter.Name;
                    if (!AddValueParameter(parameters, parameter, method, location, name, type, defaultValue, ParameterBinding.Path, placeholderName, allowCollection: false, "route"))
                    {
                        _rejectedPathNames.Add(placeholderName);
                    }

                    continue;

                default:
                    // A binding kind added without its case here would silently drop the parameter from the request;
                    // failing loudly turns it into TG0040 on the interface instead.
                    throw new System.InvalidOperationException("Unhandled parameter binding '" + binding.Value + "' of parameter '" + parameter.Name + "'.");
            }
        }

        if (firstFormParameter is not null)
        {
            body = new BodySpec(BodyKind.FormUrlEncodedParameters, null, false, null, null, formFields.ToEquatableArray());
        }

        if (httpMethod == "GET" && (bodyParameterName ?? firstFormParameter) is { } getBody)
        {
            Report(DiagnosticDescriptors.BodyOnGet, methodLocation, method.Name, getBody);
        }

        return parameters;
    }

    private bool AddValueParameter(
        List<ParameterSpec> parameters,
        IParameterSymbol parameter,
        IMethodSymbol method,
        Location? location,
        string name,
        TypeRef type,
        DefaultValueSpec? defaultValue,
        ParameterBinding binding,
        string wireName,
        bool allowCollection,
        string placement)
    {
        var format = RequireFormat(parameter.Type, allowCollection, parameter.Name, method, location, placement);
        if (format is not null)
        {
            // A route value is checked by the URI builder, which names the parameter; the others are checked up front.
            var requiresValue = binding != ParameterBinding.Path && IsNonNullableReference(parameter.Type);
            parameters.Add(new ParameterSpec(name, type, defaultValue, binding, wireName, format, requiresValue));
        }

        return format is not null;
    }

    /// <summary>
    /// A reference type declared without <c>?</c> in a nullable-enabled context: null there is the caller's bug, so it
    /// gets an <see cref="System.ArgumentNullException"/> rather than a silently missing query value, header or field.
    /// Oblivious (<c>#nullable disable</c>) declarations keep the lenient "null → omitted".
    /// </summary>
    private static bool IsNonNullableReference(ITypeSymbol type) =>
        type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.NotAnnotated;

    private ValueFormatSpec? RequireFormat(ITypeSymbol type, bool allowCollection, string subject, IMethodSymbol method, Location? location, string placement)
    {
        var format = _formats.Resolve(type, allowCollection);
        if (format is null)
        {
            Report(DiagnosticDescriptors.UnsupportedValueType, location, subject, method.Name, type.ToDisplayString(), placement);
        }

        return format;
    }

    /// <summary>
    /// The binding an attribute asks for. Returns null with <paramref name="attribute"/> set when the parameter
    /// carries two binding attributes (reported), and null with it unset when it carries none.
    /// </summary>
    private ParameterBinding? FindBindingAttribute(IParameterSymbol parameter, IMethodSymbol method, Location? location, out AttributeData? attribute)
    {
        attribute = null;
        ParameterBinding? binding = null;
        foreach (var candidate in parameter.GetAttributes())
        {
            ParameterBinding? found =
                KnownTypeSymbols.IsSame(candidate.AttributeClass, _known.BodyAttribute) ? ParameterBinding.Body
                : KnownTypeSymbols.IsSame(candidate.AttributeClass, _known.HeaderAttribute) ? ParameterBinding.Header
                : KnownTypeSymbols.IsSame(candidate.AttributeClass, _known.QueryAttribute) ? ParameterBinding.Query
                : KnownTypeSymbols.IsSame(candidate.AttributeClass, _known.PathAttribute) ? ParameterBinding.Path
                : KnownTypeSymbols.IsSame(candidate.AttributeClass, _known.FormAttribute) ? ParameterBinding.Form
                : null;
            if (found is null)
            {
                continue;
            }

            if (binding is not null)
            {
                Report(DiagnosticDescriptors.UnsupportedParameter, location, parameter.Name, method.Name, "it carries more than one of [Body], [Header], [Query], [Path] and [Form]");
                return null;
            }

            binding = found;
            attribute = candidate;
        }

        return binding;
    }

    private static string? GetNameArgument(AttributeData? attribute) =>
        attribute?.ConstructorArguments is [{ Value: string name }] ? name : null;

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
                    Report(DiagnosticDescriptors.UnsupportedValueType, location, model.Name + "." + property.Name, method.Name, property.Type.ToDisplayString(), "form field");
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

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (KnownTypeSymbols.IsSame(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
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

    private static string? FindPlaceholder(RouteTemplate route, string name)
    {
        foreach (var part in route.Parts)
        {
            if (part.Placeholder is { } placeholder && string.Equals(placeholder, name, StringComparison.OrdinalIgnoreCase))
            {
                return placeholder;
            }
        }

        return null;
    }

    /// <summary>Pairs each placeholder with its parameter; reports placeholders without one and [Path] names without a placeholder.</summary>
    private RouteSpec? BindRoute(IMethodSymbol method, RouteTemplate route, List<ParameterSpec> parameters, AttributeData httpAttribute, Location? methodLocation)
    {
        var parts = new List<RoutePartSpec>();
        var ok = true;
        foreach (var part in route.Parts)
        {
            if (part.Literal is { } literal)
            {
                parts.Add(new RoutePartSpec(literal, null));
                continue;
            }

            var bound = FindPathParameter(parameters, part.Placeholder!);
            if (bound is null && _rejectedPathNames.Contains(part.Placeholder!))
            {
                ok = false; // the parameter meant for it was rejected with its own diagnostic
                continue;
            }

            if (bound is null)
            {
                Report(DiagnosticDescriptors.RoutePlaceholderUnbound, ArgumentLocation(httpAttribute, 0) ?? methodLocation, part.Placeholder!, method.Name);
                ok = false;
                continue;
            }

            parts.Add(new RoutePartSpec(null, bound.Name));
        }

        var boundPlaceholders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in parameters)
        {
            if (parameter.Binding == ParameterBinding.Path && FindPlaceholder(route, parameter.WireName!) is not null && !boundPlaceholders.Add(parameter.WireName!))
            {
                // Placeholders match names ignoring case, so 'id' and 'Id' would both claim {id} and one would never be sent.
                Report(DiagnosticDescriptors.InvalidRoute, ArgumentLocation(httpAttribute, 0) ?? methodLocation, RouteText(route), method.Name, $"more than one parameter binds the placeholder '{{{parameter.WireName}}}'");
                ok = false;
            }

            if (parameter.Binding == ParameterBinding.Path && FindPlaceholder(route, parameter.WireName!) is null)
            {
                var symbol = FindParameterSymbol(method, parameter.Name);
                Report(DiagnosticDescriptors.UnsupportedParameter, symbol is null ? methodLocation : LocationOf(symbol, methodLocation), symbol?.Name ?? parameter.Name, method.Name, $"the route has no placeholder '{{{parameter.WireName}}}'");
                ok = false;
            }
        }

        return ok ? new RouteSpec(parts.ToEquatableArray()) : null;
    }

    private static string RouteText(RouteTemplate route)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in route.Parts)
        {
            text.Append(part.Literal ?? "{" + part.Placeholder + "}");
        }

        return text.ToString();
    }

    private static ParameterSpec? FindPathParameter(List<ParameterSpec> parameters, string placeholder)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Binding == ParameterBinding.Path && string.Equals(parameter.WireName, placeholder, StringComparison.OrdinalIgnoreCase))
            {
                return parameter;
            }
        }

        return null;
    }

    private static IParameterSymbol? FindParameterSymbol(IMethodSymbol method, string escapedName)
    {
        foreach (var parameter in method.Parameters)
        {
            if (TypeNames.EscapeIdentifier(parameter.Name) == escapedName)
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>A parameter's default value as a typed constant, so the client's method keeps the interface's defaults.</summary>
    private DefaultValueSpec? ParseDefaultValue(IParameterSymbol parameter)
    {
        var declaredByAttribute = parameter.IsOptional && !HasDefaultInSyntax(parameter);
        if (!declaredByAttribute && ParseLiteralDefaultValue(parameter) is { } literal)
        {
            return literal;
        }

        if (!parameter.HasExplicitDefaultValue)
        {
            // [Optional] alone: no value, the callee gets the type's default.
            return declaredByAttribute ? DefaultValueSpec.OptionalWithoutValue : null;
        }

        var value = parameter.ExplicitDefaultValue;
        var type = parameter.Type;
        var isNullableValue = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        if (isNullableValue && type is INamedTypeSymbol { TypeArguments: [var underlying] })
        {
            type = underlying;
        }

        if (value is null)
        {
            var kind = type.IsReferenceType || isNullableValue || declaredByAttribute ? DefaultValueKind.Null : DefaultValueKind.Default;
            return new DefaultValueSpec(kind, null, null, declaredByAttribute);
        }

        if (type.TypeKind == TypeKind.Enum && !declaredByAttribute)
        {
            return new DefaultValueSpec(DefaultValueKind.Enum, value, TypeRefs.From(type), declaredByAttribute);
        }

        return new DefaultValueSpec(DefaultValueKind.Primitive, value, null, declaredByAttribute);
    }

    /// <summary>Whether the parameter's declaration writes <c>= value</c> (rather than <c>[Optional]</c> attributes).</summary>
    private bool HasDefaultInSyntax(IParameterSymbol parameter)
    {
        foreach (var reference in parameter.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellationToken) is ParameterSyntax { Default: not null })
            {
                return true;
            }
        }

        // Metadata-only parameters cannot be told apart; '= value' is what C# would show for them.
        return parameter.DeclaringSyntaxReferences.IsEmpty;
    }

    /// <summary>
    /// The text of a default that is <c>default</c>, <c>null</c>, <c>true</c> or <c>false</c>, read from the syntax and
    /// written as the symbol path would write it; <see langword="null"/> for any other default, which that path handles.
    /// </summary>
    /// <remarks>
    /// Asking the symbol for its default binds the expression, nullable analysis included: for the
    /// <c>CancellationToken cancellationToken = default</c> of every operation that was about a fifth of a full run.
    /// The text of these four literals needs no binding, only the parameter's type, which is bound already.
    /// </remarks>
    private DefaultValueSpec? ParseLiteralDefaultValue(IParameterSymbol parameter)
    {
        if (parameter.DeclaringSyntaxReferences is not [var reference]
            || reference.GetSyntax(_cancellationToken) is not ParameterSyntax { Default.Value: LiteralExpressionSyntax literal })
        {
            return null;
        }

        var type = parameter.Type;
        var isNullableValue = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        var valueType = isNullableValue && type is INamedTypeSymbol { TypeArguments: [var underlying] } ? underlying : type;
        switch (literal.Kind())
        {
            case SyntaxKind.NullLiteralExpression:
            case SyntaxKind.DefaultLiteralExpression:
                return type.IsReferenceType || isNullableValue ? DefaultValueSpec.Null : type.IsValueType ? DefaultValueSpec.Default : null;
            case SyntaxKind.TrueLiteralExpression:
                return valueType.SpecialType == SpecialType.System_Boolean ? new DefaultValueSpec(DefaultValueKind.Primitive, true, null) : null;
            case SyntaxKind.FalseLiteralExpression:
                return valueType.SpecialType == SpecialType.System_Boolean ? new DefaultValueSpec(DefaultValueKind.Primitive, false, null) : null;
            default:
                return null;
        }
    }
}
