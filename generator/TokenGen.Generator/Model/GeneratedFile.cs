namespace TokenGen.Generator.Model;

/// <summary>
/// One file the generator will add: a client or a model's redacting <c>ToString()</c>, under a hint name that no
/// other file of the run shares, not even in another letter case (Roslyn compares hint names case-insensitively).
/// </summary>
/// <param name="HintName">The file's hint name, unique in the run and made of characters valid in any file name.</param>
/// <param name="Client">The client to write, when this file is a client.</param>
/// <param name="RedactedModel">The model whose <c>ToString()</c> to write, when this file is one.</param>
internal sealed record PlannedFile(string HintName, ClientSpec? Client, RedactedModelSpec? RedactedModel);

/// <summary>A planned file written out: its text, or why writing it failed.</summary>
/// <param name="HintName">The file's hint name.</param>
/// <param name="Text">The C# text, or null when writing failed.</param>
/// <param name="Failure">What went wrong, or null when the text was written.</param>
internal sealed record EmittedFile(string HintName, string? Text, GenerationFailure? Failure);

/// <summary>An unexpected exception while writing a file, as plain values, to be reported on the type it was for.</summary>
/// <param name="TypeMetadataName">The type's metadata name (<c>Ns.IThing</c>), to find its declaration in the compilation.</param>
/// <param name="DisplayName">The type's name for the message.</param>
/// <param name="ExceptionType">The exception's type, for example <c>System.InvalidOperationException</c>.</param>
/// <param name="ExceptionMessage">The exception's message.</param>
internal sealed record GenerationFailure(string TypeMetadataName, string DisplayName, string ExceptionType, string ExceptionMessage);
