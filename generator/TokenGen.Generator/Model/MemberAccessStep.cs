namespace TokenGen.Generator.Model;

/// <summary>One step from a response to a member that carries a token role.</summary>
/// <param name="MemberName">The property or field, by its metadata name (the emitter escapes keywords).</param>
/// <param name="ReceiverMayBeNull">
/// Whether what the step starts from may be null (a reference or a <c>Nullable&lt;T&gt;</c>), so the step is taken
/// with <c>?.</c>; false after a plain struct, where it is <c>.</c>.
/// </param>
internal readonly record struct MemberAccessStep(string MemberName, bool ReceiverMayBeNull);
