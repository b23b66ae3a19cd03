using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TokenGen.Generator.Model;

/// <summary>
/// A diagnostic as plain values (descriptor id, file, span, message arguments), so parse results stay
/// equatable. The reporting step turns it back into a real source location, so <c>#pragma warning disable</c> works.
/// </summary>
internal sealed record DiagnosticInfo(
    string DescriptorId,
    string? FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArgs)
    {
        var lineSpan = location?.GetLineSpan().Span ?? default;
        return new DiagnosticInfo(
            descriptor.Id,
            location?.SourceTree?.FilePath,
            location?.SourceSpan ?? default,
            lineSpan,
            new EquatableArray<string>(messageArgs));
    }
}

/// <summary>The output of parsing one interface: a spec when it is valid enough to emit, and its diagnostics.</summary>
internal sealed record ParseResult(ClientSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
