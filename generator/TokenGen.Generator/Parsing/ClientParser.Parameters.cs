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
    /// Binds every parameter: a cancellation token; an explicit binding attribute (<see cref="BindingAttributes"/>);
    /// else a route placeholder of the same name; else a query value when its type is simple.
    /// </summary>
    private List<ParameterSpec> ParseParameters(
        IMethodSymbol method,
        MethodDeclarationSyntax? methodSyntax,
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
            var type = _known.ParameterTypeRefOf(parameter.Type);
            var syntax = ParameterSyntaxOf(method, parameter, methodSyntax);
            var defaultValue = ParseDefaultValue(parameter, syntax);

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

            var binding = FindBindingAttribute(parameter, syntax, method, location, out var bindingAttribute);
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
                    Report(DiagnosticDescriptors.ParameterUnbound, location, parameter.Name, method.Name, parameter.Type.ToDisplayString(), BindingAttributes.AnyOf);
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

                    var formAttribute = BindingAttributes.For(ParameterBinding.Form);
                    var formFormat = RequireFormat(parameter.Type, formAttribute.AcceptsCollection, parameter.Name, method, location, formAttribute.Placement!);
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

                    AddValueParameter(parameters, parameter, method, location, name, type, defaultValue, ParameterBinding.Header, headerName!);
                    continue;

                case ParameterBinding.Query:
                    AddValueParameter(parameters, parameter, method, location, name, type, defaultValue, ParameterBinding.Query, GetNameArgument(bindingAttribute) ?? parameter.Name);
                    continue;

                case ParameterBinding.Path:
                    var placeholderName = GetNameArgument(bindingAttribute) ?? parameter.Name;
                    if (!AddValueParameter(parameters, parameter, method, location, name, type, defaultValue, ParameterBinding.Path, placeholderName))
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

        var constants = ParseFormConstants(method, methodLocation, out var firstConstant);
        if (firstFormParameter is not null || (body is null && constants.Count > 0))
        {
            body = new BodySpec(BodyKind.FormUrlEncodedParameters, null, false, null, null, formFields.ToEquatableArray());
        }

        if (constants.Count > 0 && body is not null)
        {
            if (body.Kind is BodyKind.FormUrlEncodedModel or BodyKind.FormUrlEncodedParameters or BodyKind.MultipartModel)
            {
                body = body with { Constants = constants.ToEquatableArray() };
            }
            else
            {
                Report(
                    DiagnosticDescriptors.FormFieldWithoutForm,
                    AttributeLocation(firstConstant!) ?? methodLocation,
                    method.Name,
                    constants[0].WireName,
                    body.Kind == BodyKind.Json ? "a JSON body ('" + bodyParameterName + "')" : "an HttpContent body ('" + bodyParameterName + "')");
            }
        }

        if (httpMethod == "GET" && (bodyParameterName ?? firstFormParameter ?? (constants.Count > 0 ? "[FormField(\"" + constants[0].WireName + "\", …)]" : null)) is { } getBody)
        {
            Report(DiagnosticDescriptors.BodyOnGet, methodLocation, method.Name, getBody);
        }

        return parameters;
    }

    /// <summary>The method's <c>[FormField(name, value)]</c> attributes, in declaration order; a null or empty name or a null value is TG0050.</summary>
    private List<FormConstantSpec> ParseFormConstants(IMethodSymbol method, Location? methodLocation, out AttributeData? first)
    {
        first = null;
        var constants = new List<FormConstantSpec>();
        foreach (var attribute in method.GetAttributes())
        {
            if (!KnownTypeSymbols.IsSame(attribute.AttributeClass, _known.FormFieldAttribute) || attribute.ConstructorArguments.Length != 2)
            {
                continue;
            }

            var name = attribute.ConstructorArguments[0].Value as string;
            var value = attribute.ConstructorArguments[1].Value as string;
            var problem = string.IsNullOrEmpty(name) ? (name is null ? "a null name" : "an empty name")
                : value is null ? "a null value for '" + name + "'"
                : null;
            if (problem is not null)
            {
                Report(DiagnosticDescriptors.InvalidFormField, AttributeLocation(attribute) ?? methodLocation, method.Name, problem);
                continue;
            }

            first ??= attribute;
            constants.Add(new FormConstantSpec(name!, value!));
        }

        return constants;
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
        string wireName)
    {
        var attribute = BindingAttributes.For(binding);
        var format = RequireFormat(parameter.Type, attribute.AcceptsCollection, parameter.Name, method, location, attribute.Placement!);
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
    private ParameterBinding? FindBindingAttribute(IParameterSymbol parameter, ParameterSyntax? syntax, IMethodSymbol method, Location? location, out AttributeData? attribute)
    {
        attribute = null;
        ParameterBinding? binding = null;
        if (syntax is { AttributeLists.Count: 0 } && method is { PartialDefinitionPart: null, PartialImplementationPart: null })
        {
            // Nothing written on the one declaration, so no attribute: decoding them would bind the whole parameter.
            return null;
        }

        foreach (var candidate in parameter.GetAttributes())
        {
            if (BindingOf(candidate) is not { } found)
            {
                continue;
            }

            if (binding is not null)
            {
                Report(DiagnosticDescriptors.UnsupportedParameter, location, parameter.Name, method.Name, "it carries more than one of " + BindingAttributes.AllOf);
                return null;
            }

            binding = found.Binding;
            attribute = candidate;
        }

        return binding;
    }

    private BindingAttribute? BindingOf(AttributeData attribute)
    {
        foreach (var (symbol, binding) in _known.BindingAttributeSymbols)
        {
            if (KnownTypeSymbols.IsSame(attribute.AttributeClass, symbol))
            {
                return binding;
            }
        }

        return null;
    }

    private static string? GetNameArgument(AttributeData? attribute) =>
        attribute?.ConstructorArguments is [{ Value: string name }] ? name : null;

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

}
