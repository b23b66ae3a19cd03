using System.Collections.Generic;

namespace TokenGen.Generator.Parsing;

/// <summary>
/// A route template split into literal text and <c>{name}</c> placeholders, checked at compile time so the
/// generated client appends pieces in order with no parsing at run time.
/// </summary>
internal sealed class RouteTemplate
{
    private RouteTemplate(List<RouteTemplatePart> parts) => Parts = parts;

    /// <summary>Literal text and placeholders in order; adjacent literals are merged.</summary>
    public IReadOnlyList<RouteTemplatePart> Parts { get; }

    /// <summary>
    /// Parses <paramref name="template"/>. Returns null and sets <paramref name="error"/> when it is not a relative
    /// path with well-formed placeholders (placeholders are allowed only before any <c>?</c>).
    /// </summary>
    public static RouteTemplate? TryParse(string template, out string? error)
    {
        error = null;
        if (template.IndexOf("://", System.StringComparison.Ordinal) >= 0)
        {
            error = "a route is relative to the base address and cannot be an absolute URI";
            return null;
        }

        var parts = new List<RouteTemplatePart>();
        var literal = new System.Text.StringBuilder();
        var inQuery = false;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '#')
            {
                error = "a route cannot carry a fragment ('#')";
                return null;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                error = "a route cannot contain whitespace or control characters; escape them as %XX";
                return null;
            }

            if (c == '?')
            {
                inQuery = true;
            }

            if (c == '}')
            {
                error = $"'}}' at position {i} closes no placeholder";
                return null;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                error = $"the placeholder opened at position {i} is never closed";
                return null;
            }

            var name = template.Substring(i + 1, close - i - 1);
            if (!IsPlaceholderName(name))
            {
                error = $"'{{{name}}}' is not a placeholder name; use letters, digits and '_'";
                return null;
            }

            if (inQuery)
            {
                error = $"placeholder '{{{name}}}' stands in the query part; bind query values with [Query] parameters instead";
                return null;
            }

            if (literal.Length > 0)
            {
                parts.Add(RouteTemplatePart.ForLiteral(literal.ToString()));
                literal.Clear();
            }

            parts.Add(RouteTemplatePart.ForPlaceholder(name));
            i = close;
        }

        if (literal.Length > 0)
        {
            parts.Add(RouteTemplatePart.ForLiteral(literal.ToString()));
        }

        return new RouteTemplate(parts);
    }

    private static bool IsPlaceholderName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>One piece of a route template: literal text, or a placeholder name.</summary>
internal readonly struct RouteTemplatePart
{
    private RouteTemplatePart(string? literal, string? placeholder)
    {
        Literal = literal;
        Placeholder = placeholder;
    }

    public string? Literal { get; }

    public string? Placeholder { get; }

    public static RouteTemplatePart ForLiteral(string text) => new(text, null);

    public static RouteTemplatePart ForPlaceholder(string name) => new(null, name);
}
