using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace TokenGen.Docs.Tests;

/// <summary>How a documentation block is compiled, from the <c>&lt;!-- doc-test: … --&gt;</c> comment above it.</summary>
internal enum BlockKind
{
    /// <summary><c>declarations</c>: a file of its own (usings, a namespace, types).</summary>
    Declarations,

    /// <summary><c>statements(parameters)</c>: the body of an async method taking those parameters.</summary>
    Statements,

    /// <summary><c>isolated</c>: declarations compiled apart from the document's other blocks (but with its <c>shared</c> ones), without errors.</summary>
    Isolated,

    /// <summary><c>shared</c>: declarations compiled with every block of the document, the isolated and expecting ones too.</summary>
    Shared,

    /// <summary><c>expect TGxxxx</c>: declarations that must fail with that diagnostic, compiled apart like <see cref="Isolated"/>.</summary>
    Expect,
}

/// <summary>One C# block of a Markdown file.</summary>
internal sealed record DocumentBlock(string File, int Line, BlockKind Kind, string Argument, string Code)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>Reads the C# blocks of a Markdown file and the <c>doc-test</c> comment that must precede each one.</summary>
internal static partial class DocumentBlocks
{
    public static string RepositoryRoot { get; } = typeof(DocumentBlocks).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TokenGenRepositoryRoot").Value!;

    /// <summary>The blocks of <paramref name="relativePath"/>; a C# block without its comment is an error, so none escapes the test.</summary>
    public static IReadOnlyList<DocumentBlock> Read(string relativePath)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot, relativePath));
        var blocks = new List<DocumentBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            var start = i + 1;
            var end = Array.FindIndex(lines, start, line => line.Trim() == "```");
            if (end < 0)
            {
                throw new InvalidDataException($"{relativePath}:{i + 1}: the C# block is not closed.");
            }

            var marker = PreviousNonBlank(lines, i);
            var match = marker is null ? null : MarkerPattern().Match(marker);
            if (match is null || !match.Success)
            {
                throw new InvalidDataException(
                    $"{relativePath}:{i + 1}: a C# block needs '<!-- doc-test: declarations | shared | isolated | statements(parameters) | expect TGxxxx -->' on the line above it.");
            }

            var kind = match.Groups["kind"].Value switch
            {
                "declarations" => BlockKind.Declarations,
                "statements" => BlockKind.Statements,
                "isolated" => BlockKind.Isolated,
                "shared" => BlockKind.Shared,
                _ => BlockKind.Expect,
            };
            var argument = match.Groups["parameters"].Success ? match.Groups["parameters"].Value : match.Groups["id"].Value;
            blocks.Add(new DocumentBlock(relativePath, i + 1, kind, argument, string.Join('\n', lines[start..end])));
            i = end;
        }

        return blocks;
    }

    private static string? PreviousNonBlank(string[] lines, int index)
    {
        for (var j = index - 1; j >= 0; j--)
        {
            if (lines[j].Trim().Length > 0)
            {
                return lines[j].Trim();
            }
        }

        return null;
    }

    [GeneratedRegex(@"^<!-- doc-test: (?:(?<kind>declarations|shared|isolated)|(?<kind>statements)\((?<parameters>[^)]*)\)|(?<kind>expect) (?<id>TG\d{4})) -->$")]
    private static partial Regex MarkerPattern();
}
