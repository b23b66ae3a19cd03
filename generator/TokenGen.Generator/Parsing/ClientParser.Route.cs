using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TokenGen.Generator.Diagnostics;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

// The route: pairing each placeholder of the template with its parameter.
internal sealed partial class ClientParser
{
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
}
