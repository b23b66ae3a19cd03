namespace TokenGen.CodeFixes;

/// <summary>
/// The ids of the TokenGen diagnostics these fixes answer. The generator defines them (DiagnosticDescriptors.cs); this
/// assembly does not reference it, so its tests check the two agree.
/// </summary>
internal static class DiagnosticIds
{
    public const string InterfaceNotPartial = "TG0001";
    public const string TypeNotInSerializerContext = "TG0008";
    public const string RecordPrintsSecrets = "TG0023";
    public const string SerializerContextNotPartial = "TG0046";
}
