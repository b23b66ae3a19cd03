using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TokenGen.Generator.Diagnostics;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

// Default values: a parameter's default as a typed constant, so the client keeps the interface's defaults.
internal sealed partial class ClientParser
{
    /// <summary>A parameter's default value as a typed constant, so the client's method keeps the interface's defaults.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="syntax">Its one declaration; null for a parameter from metadata.</param>
    private DefaultValueSpec? ParseDefaultValue(IParameterSymbol parameter, ParameterSyntax? syntax)
    {
        // The declaration is read first, and once: asking the symbol (HasExplicitDefaultValue, IsOptional) decodes every
        // attribute of the parameter and binds its default, nullable analysis included, which most parameters, with no
        // default at all, need not pay for. A parameter from metadata has no syntax and goes the symbol's way.
        var hasDefaultInSyntax = syntax is null || syntax.Default is not null;
        if (!hasDefaultInSyntax && !MayCarryOptionalAttribute(syntax!))
        {
            return null;
        }

        var declaredByAttribute = !hasDefaultInSyntax && parameter.IsOptional;
        if (!declaredByAttribute && syntax?.Default?.Value is LiteralExpressionSyntax literalSyntax && ParseLiteralDefaultValue(parameter, literalSyntax) is { } literal)
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
            return new DefaultValueSpec(DefaultValueKind.Enum, value, _known.TypeRefOf(type), declaredByAttribute);
        }

        return new DefaultValueSpec(DefaultValueKind.Primitive, value, null, declaredByAttribute);
    }

    /// <summary>
    /// Whether the parameter's declaration names an attribute <c>Optional</c> at all: <c>IsOptional</c> decodes every
    /// attribute of the parameter, which most parameters (none of them optional) need not pay for. An alias of
    /// <c>OptionalAttribute</c> under another name is not seen; such a parameter is copied without its default.
    /// </summary>
    private static bool MayCarryOptionalAttribute(ParameterSyntax syntax)
    {
        foreach (var list in syntax.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                var name = attribute.Name switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => string.Empty,
                };
                if (name is "Optional" or "OptionalAttribute")
                {
                    return true;
                }
            }
        }

        return false;
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
    private static DefaultValueSpec? ParseLiteralDefaultValue(IParameterSymbol parameter, LiteralExpressionSyntax literal)
    {
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
