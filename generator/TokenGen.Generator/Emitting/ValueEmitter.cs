using System;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Emitting;

/// <summary>
/// Writes how a route, query, header or form value becomes text, as the parser decided in its
/// <see cref="ValueFormatSpec"/>: invariant culture, ISO 8601 dates, enum JSON names, a null value omitted and a
/// collection sent once per element. The runtime helpers take <c>string?</c> and skip null themselves, so a
/// (nullable) string is passed straight through and only other types need a check before formatting.
/// </summary>
internal static class ValueEmitter
{
    /// <summary>The text of a value known not to be null.</summary>
    /// <param name="value">An expression of the (non-nullable) value type, usable before <c>.</c>.</param>
    /// <param name="kind">How it is formatted.</param>
    /// <param name="enumFormatter">The formatter method, for enums.</param>
    /// <param name="scope">Resolves the formatter's name when a parameter hides it.</param>
    public static string Format(string value, ValueFormatKind kind, string? enumFormatter, OperationScope scope) => kind switch
    {
        ValueFormatKind.String => value,
        ValueFormatKind.Boolean => value + " ? \"true\" : \"false\"",
        ValueFormatKind.Enum => scope.StaticMember(scope.Names.EnumFormatter(RequireEnumFormatter(enumFormatter))) + "(" + value + ")",
        _ => value + FormattingCall(kind),
    };

    /// <summary>
    /// The text of a route value as a <c>string?</c> expression. A null stays null, so
    /// <c>RequestUriBuilder.AppendPathSegment</c> throws <see cref="ArgumentNullException"/> naming the parameter.
    /// </summary>
    public static string FormatRouteValue(string value, ValueFormatSpec format, OperationScope scope)
    {
        if (format.IsCollection)
        {
            throw new InvalidOperationException("A route value cannot be a collection: " + value);
        }

        if (!format.IsNullableValueType)
        {
            return Format(value, format.Kind, format.EnumFormatterKey, scope);
        }

        return format.Kind switch
        {
            ValueFormatKind.Boolean => value + ".HasValue ? (" + Format(value + ".Value", format.Kind, null, scope) + ") : null",
            ValueFormatKind.Enum => value + ".HasValue ? " + Format(value + ".Value", format.Kind, format.EnumFormatterKey, scope) + " : null",
            _ => value + "?" + FormattingCall(format.Kind),
        };
    }

    /// <summary>
    /// Writes <c><paramref name="callPrefix"/>formatted);</c> for the value: once, behind a null check when the value
    /// may be null and is not a string, or once per non-null element of a collection.
    /// </summary>
    /// <param name="writer">Where the statements go.</param>
    /// <param name="scope">Names the loop variable and resolves hidden members.</param>
    /// <param name="value">The value's expression: a parameter or <c>body.Member</c>.</param>
    /// <param name="loopVariableStem">The stem of the loop variable for a collection (<c>scopes</c> → <c>scopesItem</c>).</param>
    /// <param name="format">How the value is formatted.</param>
    /// <param name="callPrefix">The call up to the value, for example <c>uri.AppendQuery("scope", </c>.</param>
    /// <param name="callSuffix">Arguments after the value, starting with <c>, </c>; empty for none.</param>
    public static void WriteSend(
        SourceWriter writer,
        OperationScope scope,
        string value,
        string loopVariableStem,
        ValueFormatSpec format,
        string callPrefix,
        string callSuffix = "")
    {
        if (!format.IsCollection)
        {
            WriteSendOne(writer, scope, value, format.Kind, format.IsNullable, format.IsNullableValueType, format.EnumFormatterKey, callPrefix, callSuffix);
            return;
        }

        if (format.IsNullable)
        {
            writer.WriteLine($"if ({value} is not null)");
            writer.OpenBlock();
        }

        var item = scope.ReserveLocal(loopVariableStem + "Item");
        writer.WriteLine($"foreach (var {item} in {value})");
        writer.OpenBlock();
        WriteSendOne(writer, scope, item, format.Kind, format.ElementIsNullable, format.ElementIsNullableValueType, format.EnumFormatterKey, callPrefix, callSuffix);
        writer.CloseBlock();

        if (format.IsNullable)
        {
            writer.CloseBlock();
        }
    }

    private static void WriteSendOne(
        SourceWriter writer,
        OperationScope scope,
        string value,
        ValueFormatKind kind,
        bool isNullable,
        bool isNullableValueType,
        string? enumFormatter,
        string callPrefix,
        string callSuffix)
    {
        if (isNullableValueType)
        {
            writer.WriteLine($"if ({value}.HasValue)");
            writer.OpenBlock();
            writer.WriteLine($"{callPrefix}{Format(value + ".Value", kind, enumFormatter, scope)}{callSuffix});");
            writer.CloseBlock();
        }
        else if (isNullable && kind != ValueFormatKind.String)
        {
            writer.WriteLine($"if ({value} is not null)");
            writer.OpenBlock();
            writer.WriteLine($"{callPrefix}{Format(value, kind, enumFormatter, scope)}{callSuffix});");
            writer.CloseBlock();
        }
        else
        {
            writer.WriteLine($"{callPrefix}{Format(value, kind, enumFormatter, scope)}{callSuffix});");
        }
    }

    /// <summary>The <c>.ToString(…)</c> call of the kinds that format through a method on the value.</summary>
    private static string FormattingCall(ValueFormatKind kind) => kind switch
    {
        ValueFormatKind.Invariant => ".ToString(null, " + GlobalTypeNames.InvariantCulture + ")",
        ValueFormatKind.RoundTripDate => ".ToString(\"O\", " + GlobalTypeNames.InvariantCulture + ")",
        ValueFormatKind.DateOnly => ".ToString(\"yyyy-MM-dd\", " + GlobalTypeNames.InvariantCulture + ")",
        ValueFormatKind.Char => ".ToString()",
        _ => throw new InvalidOperationException("No formatting call for " + kind),
    };

    private static string RequireEnumFormatter(string? enumFormatter) =>
        enumFormatter ?? throw new InvalidOperationException("An enum value has no formatter method.");
}
