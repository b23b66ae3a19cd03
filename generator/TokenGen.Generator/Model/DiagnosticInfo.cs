using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TokenGen.Generator.Model;

/// <summary>
/// A diagnostic as plain values (descriptor id, file, span, message arguments), so parse results stay
/// equatable. The reporting step turns it back into a real source location, so <c>#pragma warning disable</c> works.
/// </summary>
/// <param name="DescriptorId">The diagnostic's <c>TG</c> id.</param>
/// <param name="FilePath">The path of the syntax tree it is in; empty for a tree without a path, null when it has no source location.</param>
/// <param name="SourceChecksum">
/// For a tree without a path only: its text's checksum, which finds the tree again (a path cannot, and an index into the
/// compilation's trees would change with every file added before it, re-running this step for nothing).
/// </param>
/// <param name="Span">The location's span in its tree.</param>
/// <param name="LineSpan">The location's lines, for a location outside the compilation's trees.</param>
/// <param name="MessageArgs">The message's arguments.</param>
internal sealed record DiagnosticInfo(
    string DescriptorId,
    string? FilePath,
    string? SourceChecksum,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArgs)
    {
        var lineSpan = location?.GetLineSpan().Span ?? default;
        var tree = location?.SourceTree;
        return new DiagnosticInfo(
            descriptor.Id,
            tree?.FilePath,
            tree is not null && string.IsNullOrEmpty(tree.FilePath) ? ChecksumOf(tree) : null,
            location?.SourceSpan ?? default,
            lineSpan,
            new EquatableArray<string>(messageArgs));
    }

    /// <summary>The checksum of <paramref name="tree"/>'s text, as hexadecimal, to compare with <see cref="SourceChecksum"/>.</summary>
    public static string ChecksumOf(SyntaxTree tree)
    {
        var checksum = tree.GetText().GetChecksum();
        var hex = new StringBuilder(checksum.Length * 2);
        foreach (var value in checksum)
        {
            hex.Append(value.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}

/// <summary>The output of parsing one interface: a spec when it is valid enough to emit, and its diagnostics.</summary>
internal sealed record ParseResult(ClientSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
