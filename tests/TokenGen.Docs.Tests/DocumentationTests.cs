using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TokenGen.Docs.Tests;

/// <summary>
/// Every C# block of the README and the guides compiles as shown, with the generators a user's build runs; the blocks
/// that show a mistake fail with exactly the diagnostic their section is about.
/// </summary>
public sealed class DocumentationTests
{
    public static TheoryData<string> Documents => new()
    {
        "README.md",
        "docs/getting-started.md",
        "docs/extending.md",
        "docs/managed-tokens.md",
        "docs/diagnostics.md",
        "docs/reliability.md",
        "docs/reference.md",
        "docs/oauth2.md",
        "docs/fleet.md",
        "docs/observability.md",
        "docs/configuration.md",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void BlocksCompileTogether_WithoutErrorsOrWarnings(string document)
    {
        var blocks = DocumentBlocks.Read(document);
        Assert.NotEmpty(blocks);

        var diagnostics = DocumentCompiler.Compile(blocks, ClientNamespaces(document));

        Assert.True(diagnostics.Count == 0, Describe(document, diagnostics));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void IsolatedBlocksCompile_AndExpectingBlocksFailWithTheirDiagnostic(string document)
    {
        var blocks = DocumentBlocks.Read(document);
        var shared = blocks.Where(b => b.Kind == BlockKind.Shared).ToList();

        foreach (var block in blocks.Where(b => b.Kind is BlockKind.Isolated or BlockKind.Expect))
        {
            var diagnostics = DocumentCompiler.CompileApart(block, shared);
            if (block.Kind == BlockKind.Isolated)
            {
                Assert.True(diagnostics.Count == 0, Describe(block.ToString(), diagnostics));
                continue;
            }

            // The block shows one mistake: its diagnostic, and no unrelated error next to it.
            // Errors, and TokenGen's own warnings (TG0023 is one): nothing else may appear.
            var ids = diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("TG", StringComparison.Ordinal))
                .Select(d => d.Id).Distinct().ToList();
            Assert.True(ids.SequenceEqual(new[] { block.Argument }), $"{block}: expected only {block.Argument}. {Describe(block.ToString(), diagnostics)}");
        }
    }

    /// <summary>The guides that show the ready clients of the five seed APIs import them the way a user's file would.</summary>
    private static IEnumerable<string> ClientNamespaces(string document) => document switch
    {
        "docs/managed-tokens.md" or "docs/getting-started.md" => new[]
        {
            "TokenGen.Clients", "TokenGen.Clients.DirectLine", "TokenGen.Clients.Banyan", "TokenGen.Clients.Esper",
            "TokenGen.Clients.RunAi", "TokenGen.Clients.Prowler", "Microsoft.Extensions.DependencyInjection",
        },
        // The OAuth 2.0 guide uses the ready OAuth 2.0 clients.
        "docs/oauth2.md" => new[] { "TokenGen.Clients", "TokenGen.Clients.OAuth2" },
        // The fleet guide registers a Prowler session through the Redis store.
        "docs/fleet.md" => new[] { "TokenGen.Clients.Prowler", "Microsoft.Extensions.DependencyInjection" },
        // The configuration guide binds a Prowler client and session from IConfiguration sections.
        "docs/configuration.md" => new[]
        {
            "TokenGen.Clients.Prowler", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Configuration",
        },
        // The reference shows the registrations, whose extension methods live where AddHttpClient does.
        "docs/reference.md" => new[] { "Microsoft.Extensions.DependencyInjection" },
        // The observability guide listens to the meter and filters the logging categories.
        "docs/observability.md" => new[]
        {
            "System.Diagnostics.Metrics", "TokenGen.Diagnostics", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Logging",
        },
        _ => Array.Empty<string>(),
    };

    private static string Describe(string where, IReadOnlyList<Diagnostic> diagnostics) =>
        $"{where}: {diagnostics.Count} diagnostic(s):\n" + string.Join('\n', diagnostics.Select(d =>
            $"  {d.Location.GetLineSpan().Path}({d.Location.GetLineSpan().StartLinePosition.Line + 1}): {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}"));
}
