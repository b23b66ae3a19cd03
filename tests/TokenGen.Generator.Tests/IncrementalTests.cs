using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TokenGen.Generator.Model;
using TokenGen.Generator.Tests.Infrastructure;

namespace TokenGen.Generator.Tests;

/// <summary>
/// The pipeline caches what did not change: a second run, or an edit elsewhere, re-emits nothing, and an edit inside
/// one interface re-emits only that interface's client.
/// </summary>
public sealed class IncrementalTests
{
    private const string Models = """
        using System.Text.Json.Serialization;

        namespace Contoso;

        public sealed class TokenResponse
        {
            [JsonPropertyName("access_token")]
            public string? AccessToken { get; set; }
        }

        [JsonSerializable(typeof(TokenResponse))]
        public sealed partial class ContosoJsonContext : JsonSerializerContext
        {
        }
        """;

    private const string FirstApi = """
        using System.Threading;
        using System.Threading.Tasks;
        using TokenGen;

        namespace Contoso;

        [TokenApi(BaseAddress = "https://one.example.com", SerializerContext = typeof(ContosoJsonContext))]
        public partial interface IFirstTokens
        {
            [Post("/token")]
            Task<TokenResponse> AcquireAsync([Query("scope")] string? scope, CancellationToken cancellationToken = default);
        }
        """;

    private const string SecondApi = """
        using System.Threading;
        using System.Threading.Tasks;
        using TokenGen;

        namespace Contoso;

        [TokenApi(BaseAddress = "https://two.example.com", SerializerContext = typeof(ContosoJsonContext))]
        public partial interface ISecondTokens
        {
            [Post("/refresh")]
            Task<TokenResponse> RefreshAsync([Header("Authorization")] string authorization, CancellationToken cancellationToken = default);
        }
        """;

    private const string Unrelated = """
        namespace Contoso;

        public static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    private static readonly string[] s_trackedSteps =
    {
        TrackingNames.ParseResults,
        TrackingNames.ClientSpecs,
        TrackingNames.DiagnosticInfos,
    };

    [Fact]
    public void SecondRunOnTheSameCompilation_CachesEveryTrackedStepAndOutput()
    {
        var first = GeneratorHarness.Run(Models, FirstApi, SecondApi, Unrelated);
        Assert.Empty(first.GeneratorDiagnostics);
        Assert.Equal(2, first.GeneratedSources.Count);

        var second = first.RunAgain(first.Input.Clone());

        AssertTrackedStepsCachedOrUnchanged(second.Result);
        AssertOutputs(second.Result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void EditToAnUnrelatedFile_LeavesEveryTrackedStepCachedOrUnchanged()
    {
        var first = GeneratorHarness.Run(Models, FirstApi, SecondApi, Unrelated);

        var edited = ReplaceSource(first.Input, "Source3.cs", Unrelated.Replace("42", "43", StringComparison.Ordinal));
        var second = first.RunAgain(edited);

        AssertTrackedStepsCachedOrUnchanged(second.Result);
        AssertOutputs(second.Result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void EditInsideOneInterface_ReEmitsOnlyThatInterfacesClient()
    {
        var first = GeneratorHarness.Run(Models, FirstApi, SecondApi, Unrelated);

        var edited = ReplaceSource(first.Input, "Source1.cs", FirstApi.Replace("\"/token\"", "\"/v2/token\"", StringComparison.Ordinal));
        var second = first.RunAgain(edited);

        var specSteps = second.Result.TrackedSteps[TrackingNames.ClientSpecs];
        var reasons = specSteps.SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
        Assert.Equal(1, reasons.Count(reason => reason == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons.Count(reason => reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));

        Assert.Contains("/v2/token", second.GeneratedSources["Contoso.IFirstTokens.g.cs"], StringComparison.Ordinal);
        Assert.Equal(first.GeneratedSources["Contoso.ISecondTokens.g.cs"], second.GeneratedSources["Contoso.ISecondTokens.g.cs"]);

        var outputReasons = second.Result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
        Assert.Equal(1, outputReasons.Count(reason => reason == IncrementalStepRunReason.Modified));
    }

    [Fact]
    public void EditToAModelTheInterfaceUses_IsSeenByTheParser()
    {
        // The parser reads model members (form fields) through the semantic model: a model edit in another file must reach the spec.
        const string formApi = """
            using System.Threading.Tasks;
            using TokenGen;

            namespace Contoso;

            public sealed class GrantForm
            {
                public string? Scope { get; set; }
            }

            [TokenApi(BaseAddress = "https://form.example.com")]
            public partial interface IFormTokens
            {
                [Post("/token")]
                Task<string> AcquireAsync([Body(BodyEncoding.FormUrlEncoded)] GrantForm form);
            }
            """;
        var first = GeneratorHarness.Run(formApi);
        Assert.DoesNotContain("\"audience\"", first.GeneratedSources.Values.Single(), StringComparison.Ordinal);

        var edited = ReplaceSource(first.Input, "Source0.cs", formApi.Replace("public string? Scope { get; set; }", "public string? Scope { get; set; }\n    [System.Text.Json.Serialization.JsonPropertyName(\"audience\")] public string? Audience { get; set; }", StringComparison.Ordinal));
        var second = first.RunAgain(edited);

        Assert.Contains("\"audience\"", second.GeneratedSources.Values.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseResults_HoldNoSymbolSyntaxNodeOrCompilation()
    {
        var run = GeneratorHarness.Run(Models, FirstApi, SecondApi, Unrelated);

        var outputs = run.Result.TrackedSteps[TrackingNames.ParseResults]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .ToList();

        Assert.Equal(2, outputs.Count);
        foreach (var output in outputs)
        {
            Assert.IsType<ParseResult>(output);
            SpecWalk.AssertHoldsNoRoslynObjects(output, path: "ParseResult", new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    private static void AssertTrackedStepsCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (var name in s_trackedSteps)
        {
            if (!result.TrackedSteps.TryGetValue(name, out var steps))
            {
                continue; // a step with no input items (no diagnostics) has nothing to report
            }

            foreach (var output in steps.SelectMany(step => step.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step '{name}' ran with reason {output.Reason}.");
            }
        }

        Assert.True(result.TrackedSteps.ContainsKey(TrackingNames.ParseResults));
        Assert.True(result.TrackedSteps.ContainsKey(TrackingNames.ClientSpecs));
    }

    private static void AssertOutputs(GeneratorRunResult result, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Contains(output.Reason, allowed));
    }

    private static Compilation ReplaceSource(Compilation compilation, string path, string newText)
    {
        var oldTree = compilation.SyntaxTrees.Single(tree => tree.FilePath == path);
        var newTree = CSharpSyntaxTree.ParseText(newText, (CSharpParseOptions)oldTree.Options, path);
        return compilation.ReplaceSyntaxTree(oldTree, newTree);
    }
}
