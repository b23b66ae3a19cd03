namespace TokenGen.Generator.Model;

/// <summary>
/// A partial model that carries a token or a secret: TokenGen writes its <c>ToString()</c>, printing every public
/// member but the secret ones, so a log line or a debugger view never shows them.
/// </summary>
/// <param name="Namespace">The model's namespace, or null for the global namespace.</param>
/// <param name="Kind">Which kind of type the model is, for the partial declaration.</param>
/// <param name="Name">The model's name as written in C# (with <c>@</c> where it is a keyword).</param>
/// <param name="TypeParameters">Its type parameters' names, in order; empty when it is not generic.</param>
/// <param name="DisplayName">The name printed first, for example <c>TokenResponse</c>.</param>
/// <param name="Members">The public readable members, in declaration order (own first, then base types').</param>
/// <param name="HintName">The generated file's hint name, unique per model.</param>
internal sealed record RedactedModelSpec(
    string? Namespace,
    ModelKind Kind,
    string Name,
    EquatableArray<string> TypeParameters,
    string DisplayName,
    EquatableArray<RedactedMemberSpec> Members,
    string HintName);

/// <param name="Name">The member as written in C#.</param>
/// <param name="IsSecret">Whether its value is replaced by <c>***</c>.</param>
internal sealed record RedactedMemberSpec(string Name, bool IsSecret);

/// <summary>The kinds of model a redacting <c>ToString()</c> is written for.</summary>
internal enum ModelKind
{
    Class,
    Struct,
    RecordClass,
    RecordStruct,
}
