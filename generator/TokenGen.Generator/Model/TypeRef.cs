namespace TokenGen.Generator.Model;

/// <summary>
/// A type as generated code names it, read once from the symbol into value-equatable facts, so the emitter never has
/// to take a type name apart (cut a <c>?</c>, look for a <c>&lt;</c>) to learn what the type is.
/// </summary>
/// <param name="FullName">
/// The type as declared: <c>global::</c>-qualified, with its nullable annotations at every level
/// (<c>global::System.Collections.Generic.List&lt;string?&gt;?</c>). For signatures, which must match the interface.
/// </param>
/// <param name="ErasedName">
/// The same without nullable reference annotations (<c>Nullable&lt;T&gt;</c> stays <c>int?</c>): what <c>typeof</c> and
/// <c>JsonTypeInfo&lt;T&gt;</c> take, and the type's identity, since <c>string</c> and <c>string?</c> are one type.
/// </param>
/// <param name="NameStem">
/// The type described in one PascalCase word, for the names of generated members that serve it:
/// <c>ListOfConversation</c>, <c>TokenArray</c>, <c>NullableOfInt32</c>. A description, not an identifier: the naming
/// authority (<c>Emitting/GeneratedNames</c>) builds identifiers from it.
/// </param>
/// <param name="IsValueType">Whether it is a value type (<c>Nullable&lt;T&gt;</c> included).</param>
/// <param name="IsNullable">Whether the top level admits null: an annotated reference type or a <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="IsConstructed">
/// Whether the name has type arguments, an array rank or a tuple: such a type cannot be an XML documentation
/// <c>cref</c> (CS1584) and is written as code text there.
/// </param>
/// <param name="ElementType">The element type of an array or <c>IEnumerable&lt;T&gt;</c> (never of <c>string</c>); otherwise null.</param>
/// <param name="Obligations">
/// The <c>[Obsolete]</c> and <c>[Experimental]</c> attributes of every type the name mentions (the type, its containing
/// types, type arguments and element types): what generated code that names the type must carry or suppress.
/// </param>
internal sealed record TypeRef(
    string FullName,
    string ErasedName,
    string NameStem,
    bool IsValueType,
    bool IsNullable,
    bool IsConstructed,
    TypeRef? ElementType,
    EquatableArray<ObligationSpec> Obligations = default)
{
    /// <summary>Whether the declared name carries nullable annotations that <see cref="ErasedName"/> lacks.</summary>
    public bool HasReferenceAnnotations => !string.Equals(FullName, ErasedName, System.StringComparison.Ordinal);

    /// <summary>A type the generator names itself (no symbol behind it): a special type such as <c>int</c>.</summary>
    public static TypeRef Keyword(string keyword, bool isValueType) => new(keyword, keyword, keyword, isValueType, IsNullable: false, IsConstructed: false, ElementType: null);

    public override string ToString() => FullName;
}
