using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TokenGen.Generator.Tests.Infrastructure;

namespace TokenGen.Generator.Tests.Isolation;

/// <summary>
/// A diagnostic lands on the user's line even when its syntax tree has no file path (trees made in tests, or by an
/// editor for a file not yet saved), and in the right one of several such trees.
/// </summary>
public sealed class PathlessTreeTests
{
    private const string Unrelated = """
        namespace Contoso;

        public static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    private const string NotPartial = """
        using System.Threading.Tasks;
        using TokenGen;

        namespace Contoso;

        [TokenApi(BaseAddress = "https://api.example.com")]
        public interface INotPartialTokens
        {
            [Get("/token")]
            Task<string> GetAsync();
        }
        """;

    [Fact]
    public void DiagnosticInATreeWithoutAPath_IsOnTheUsersLine_InThatTree()
    {
        var options = new CSharpParseOptions(LanguageVersion.CSharp12);
        var unrelated = CSharpSyntaxTree.ParseText(Unrelated, options, path: string.Empty);
        var mistaken = CSharpSyntaxTree.ParseText(NotPartial, options, path: string.Empty);
        var compilation = GeneratorHarness.CreateCompilation().AddSyntaxTrees(unrelated, mistaken);

        var run = GeneratorHarness.RunAndCheckCaching(compilation);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TG0001", diagnostic.Id);
        Assert.True(diagnostic.Location.IsInSource, "the diagnostic has no source location");
        Assert.Same(mistaken, diagnostic.Location.SourceTree);
        Assert.Equal("INotPartialTokens", mistaken.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1); // the interface's line
    }

    [Fact]
    public void EditToAnotherPathlessTree_LeavesTheDiagnosticsStepCached()
    {
        var options = new CSharpParseOptions(LanguageVersion.CSharp12);
        var unrelated = CSharpSyntaxTree.ParseText(Unrelated, options, path: string.Empty);
        var mistaken = CSharpSyntaxTree.ParseText(NotPartial, options, path: string.Empty);
        var first = GeneratorHarness.RunAndCheckCaching(GeneratorHarness.CreateCompilation().AddSyntaxTrees(unrelated, mistaken));

        var edited = first.Input.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText(Unrelated.Replace("42", "43", StringComparison.Ordinal), options, path: string.Empty));
        var second = first.RunAgain(edited);

        Assert.All(
            second.Result.TrackedSteps[TrackingNames.DiagnosticInfos].SelectMany(step => step.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
        Assert.Same(mistaken, Assert.Single(second.GeneratorDiagnostics).Location.SourceTree);
    }
}
