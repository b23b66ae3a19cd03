using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Emitting;

/// <summary>
/// How one operation appears in the client class: the name of its request-building method, and whether it must be
/// implemented explicitly. Decided for all operations together, since names only clash between operations.
/// </summary>
internal readonly struct OperationPlan
{
    private OperationPlan(string requestMethodName, bool isExplicitImplementation, string? fixedUriFieldName, string? fixedRoute)
    {
        RequestMethodName = requestMethodName;
        IsExplicitImplementation = isExplicitImplementation;
        FixedUriFieldName = fixedUriFieldName;
        FixedRoute = fixedRoute;
    }

    /// <summary>The private method that builds the request: <c>Create{Name without Async}Request</c>.</summary>
    public string RequestMethodName { get; }

    /// <summary>
    /// Whether an earlier operation already has a public method of the same signature (two base interfaces that
    /// declare the same method): this one is then implemented as <c>Interface.Method</c>, since a class cannot
    /// declare the same signature twice.
    /// </summary>
    public bool IsExplicitImplementation { get; }

    /// <summary>
    /// For an operation whose URI takes no argument (no route value, no query parameter), the static field that keeps
    /// its URI per base address (<c>s_generateTokenUri</c>), so a call does not build and parse the same URI again;
    /// otherwise <see langword="null"/>.
    /// </summary>
    public string? FixedUriFieldName { get; }

    /// <summary>The route of an operation with a <see cref="FixedUriFieldName"/>: its literal parts joined.</summary>
    public string? FixedRoute { get; }

    /// <summary>Plans every operation of <paramref name="spec"/>, in order.</summary>
    public static OperationPlan[] PlanAll(ClientSpec spec)
    {
        // Signatures are compared with every '?' removed: 'string' and 'string?' are the same signature. This also
        // treats 'int' and 'int?' as the same, which at worst picks an explicit implementation or a suffixed name
        // that was not strictly needed; both still compile.
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        foreach (var formatter in spec.EnumFormatters)
        {
            signatures.Add(SignatureKey(formatter.MethodName, formatter.EnumFullName));
        }

        var isExplicit = new bool[spec.Operations.Count];
        for (var i = 0; i < spec.Operations.Count; i++)
        {
            var operation = spec.Operations[i];
            isExplicit[i] = !signatures.Add(SignatureKey(operation.MethodName, operation.Parameters, includeCancellationToken: true));
        }

        var plans = new OperationPlan[spec.Operations.Count];
        for (var i = 0; i < spec.Operations.Count; i++)
        {
            var operation = spec.Operations[i];
            var name = DefaultRequestMethodName(operation.MethodName);
            if (!signatures.Add(SignatureKey(name, operation.Parameters, includeCancellationToken: false)))
            {
                // Overloads that differ only by their CancellationToken build the same request from the same
                // arguments; the later one's builder is told apart by the operation's index.
                var stem = name.Substring(0, name.Length - "Request".Length);
                for (var suffix = i; ; suffix++)
                {
                    name = stem + suffix.ToString(CultureInfo.InvariantCulture) + "Request";
                    if (signatures.Add(SignatureKey(name, operation.Parameters, includeCancellationToken: false)))
                    {
                        break;
                    }
                }
            }

            var fixedRoute = FixedRouteOf(operation);
            var fixedUriField = fixedRoute is null ? null : "s_" + LowerFirst(name.Substring("Create".Length, name.Length - "Create".Length - "Request".Length)) + "Uri";
            plans[i] = new OperationPlan(name, isExplicit[i], fixedUriField, fixedRoute);
        }

        return plans;
    }

    /// <summary>The route of an operation whose URI depends on the base address alone, or <see langword="null"/>.</summary>
    private static string? FixedRouteOf(OperationSpec operation)
    {
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Binding == ParameterBinding.Query)
            {
                return null;
            }
        }

        var route = new StringBuilder();
        foreach (var part in operation.Route.Parts)
        {
            if (part.ParameterName is not null)
            {
                return null;
            }

            route.Append(part.Literal);
        }

        return route.ToString();
    }

    private static string LowerFirst(string name) =>
        name.Length > 0 && char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name.Substring(1) : name;

    /// <summary><c>GetTokenAsync</c> → <c>CreateGetTokenRequest</c>; <c>@event</c> → <c>CreateEventRequest</c>.</summary>
    private static string DefaultRequestMethodName(string methodName)
    {
        var stem = CSharpText.WithoutVerbatimPrefix(methodName);
        if (stem.EndsWith("Async", StringComparison.Ordinal))
        {
            stem = stem.Substring(0, stem.Length - "Async".Length);
        }

        if (stem.Length > 0 && char.IsLower(stem[0]))
        {
            stem = char.ToUpperInvariant(stem[0]) + stem.Substring(1);
        }

        return "Create" + stem + "Request";
    }

    private static string SignatureKey(string methodName, EquatableArray<ParameterSpec> parameters, bool includeCancellationToken)
    {
        var key = new StringBuilder(CSharpText.WithoutVerbatimPrefix(methodName)).Append('(');
        foreach (var parameter in parameters)
        {
            if (includeCancellationToken || parameter.Binding != ParameterBinding.CancellationToken)
            {
                AppendTypeKey(key, parameter.TypeFullName);
                key.Append(',');
            }
        }

        return key.Append(')').ToString();
    }

    private static string SignatureKey(string methodName, string parameterTypeFullName)
    {
        var key = new StringBuilder(methodName).Append('(');
        AppendTypeKey(key, parameterTypeFullName);
        return key.Append(",)").ToString();
    }

    private static void AppendTypeKey(StringBuilder key, string typeFullName)
    {
        foreach (var c in typeFullName)
        {
            if (c != '?' && c != ' ')
            {
                key.Append(c);
            }
        }
    }
}
