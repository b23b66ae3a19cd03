namespace TokenGen.Generator.Model;

/// <summary>
/// A partial model that carries a token or a secret: TokenGen writes its <c>ToString()</c>, printing every public
/// member but the secret ones, so a log line or a debugger view never shows them.
/// </summary>
/// <param name="Namespace">The model's namespace, or null for the global namespace.</param>
/// <param name="Declaration">The declaration's head as C# (for example <c>partial record class TokenResponse</c>, type parameters included).</param>
/// <param name="DisplayName">The name printed first, for example <c>TokenResponse</c>.</param>
/// <param name="Members">The public readable members, in declaration order (own first, then base types').</param>
/// <param name="HintName">The generated file's hint name, unique per model.</param>
internal sealed record RedactedModelSpec(
    string? Namespace,
    string Declaration,
    string DisplayName,
    EquatableArray<RedactedMemberSpec> Members,
    string HintName);

/// <param name="Name">The member as written in C#.</param>
/// <param name="IsSecret">Whether its value is replaced by <c>***</c>.</param>
internal sealed record RedactedMemberSpec(string Name, bool IsSecret);
