namespace TokenGen.Generator.Model;

/// <summary>What kind of constant a parameter's default value is; the emitter writes each kind's literal.</summary>
internal enum DefaultValueKind
{
    /// <summary><c>null</c>: a reference type or <c>Nullable&lt;T&gt;</c>.</summary>
    Null,

    /// <summary><c>default</c>: a value type's zero (<c>CancellationToken</c>, <c>DateTime</c>, …).</summary>
    Default,

    /// <summary>A <see cref="bool"/>, string, char or number, in <see cref="DefaultValueSpec.Value"/> as the CLR value.</summary>
    Primitive,

    /// <summary>An enum value: <see cref="DefaultValueSpec.Value"/> is the underlying number, <see cref="DefaultValueSpec.EnumType"/> the enum.</summary>
    Enum,
}

/// <summary>
/// A parameter's default value as a fact (kind and CLR value), never as C# text: the emitter alone decides how
/// <c>double.NaN</c>, <c>long.MinValue</c> or <c>'\''</c> is written.
/// </summary>
/// <param name="Kind">What the value is.</param>
/// <param name="Value">For <see cref="DefaultValueKind.Primitive"/> and <see cref="DefaultValueKind.Enum"/>: the boxed CLR constant (equal by value).</param>
/// <param name="EnumType">For <see cref="DefaultValueKind.Enum"/>: the enum type.</param>
/// <param name="DeclaredByAttribute">
/// Declared as <c>[Optional]</c> (with or without <c>[DefaultParameterValue]</c>) rather than <c>= value</c>: the copy uses the
/// same attributes, since <c>[DefaultParameterValue(5)] object o</c> has no <c>= value</c> equivalent.
/// </param>
internal sealed record DefaultValueSpec(DefaultValueKind Kind, object? Value, TypeRef? EnumType, bool DeclaredByAttribute = false)
{
    public static readonly DefaultValueSpec Null = new(DefaultValueKind.Null, null, null);

    public static readonly DefaultValueSpec Default = new(DefaultValueKind.Default, null, null);

    /// <summary><c>[Optional]</c> with no <c>[DefaultParameterValue]</c>: the callee receives the type's default.</summary>
    public static readonly DefaultValueSpec OptionalWithoutValue = new(DefaultValueKind.Default, null, null, DeclaredByAttribute: true);
}
