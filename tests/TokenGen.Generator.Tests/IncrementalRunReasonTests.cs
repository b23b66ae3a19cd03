using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TokenGen.Generator.Tests.Infrastructure;

namespace TokenGen.Generator.Tests;

/// <summary>
/// Why each tracked step ran after each kind of edit, as one table: what an edit may cost is read off a row, and a
/// change to the pipeline that makes an edit cost more fails the row it breaks.
/// </summary>
public sealed class IncrementalRunReasonTests
{
    private const string Models = """
        using System.Text.Json.Serialization;
        using TokenGen;

        namespace Contoso;

        public sealed class TokenResponse
        {
            [JsonPropertyName("access_token"), AccessToken]
            public string? AccessToken { get; set; }
        }

        public sealed class GrantForm
        {
            public string? Scope { get; set; }
        }

        [JsonSerializable(typeof(TokenResponse))]
        public sealed partial class ContosoJsonContext : JsonSerializerContext
        {
        }
        """;

    private const string Api = """
        using System.Threading;
        using System.Threading.Tasks;
        using TokenGen;

        namespace Contoso;

        [TokenApi(BaseAddress = "https://one.example.com", SerializerContext = typeof(ContosoJsonContext))]
        public partial interface ITokens
        {
            [Post("/token")]
            Task<TokenResponse> AcquireAsync([Body(BodyEncoding.FormUrlEncoded)] GrantForm form, CancellationToken cancellationToken = default);
        }
        """;

    private const string Unrelated = """
        namespace Contoso;

        public static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    /// <summary>The reason each tracked step's outputs ran, for a project of one interface.</summary>
    public sealed record IncrementalGeneratorRunReasons(
        IncrementalStepRunReason ParseResults,
        IncrementalStepRunReason ClientSpecs,
        IncrementalStepRunReason PlannedFiles,
        IncrementalStepRunReason EmittedFiles,
        IncrementalStepRunReason SourceOutput)
    {
        /// <summary>Nothing the generator reads changed: no step ran again, nothing was written again.</summary>
        public static readonly IncrementalGeneratorRunReasons Cached = new(
            IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached);

        /// <summary>The interface was parsed again and came out equal: nothing after the parse ran again.</summary>
        public static readonly IncrementalGeneratorRunReasons ReParsedOnly = Cached with { ParseResults = IncrementalStepRunReason.Unchanged };

        /// <summary>The interface's spec changed: its file was planned and written again, and only its file.</summary>
        public static readonly IncrementalGeneratorRunReasons Modified = new(
            IncrementalStepRunReason.Modified, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Modified);
    }

    public static TheoryData<string, string, string, string, IncrementalGeneratorRunReasons> Edits => new()
    {
        // edit name,                   file,         old text,                       new text,                                    expected reasons
        { "unrelated file",             "Source2.cs", "42",                           "43",                                        IncrementalGeneratorRunReasons.ReParsedOnly },
        { "comment inside interface",   "Source1.cs", "[Post(\"/token\")]",           "// acquires a token\n    [Post(\"/token\")]", IncrementalGeneratorRunReasons.ReParsedOnly },
        { "new operation",              "Source1.cs", "[Post(\"/token\")]",           "[Get(\"/ping\")] Task PingAsync();\n    [Post(\"/token\")]", IncrementalGeneratorRunReasons.Modified },
        { "model change",               "Source0.cs", "public string? Scope { get; set; }", "public string? Scope { get; set; }\n    public string? Audience { get; set; }", IncrementalGeneratorRunReasons.Modified },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void EachKindOfEdit_RunsEachStepForTheExpectedReason(string edit, string file, string oldText, string newText, IncrementalGeneratorRunReasons expected)
    {
        var first = GeneratorHarness.Run(Models, Api, Unrelated);
        Assert.Empty(first.GeneratorDiagnostics);

        var tree = first.Input.SyntaxTrees.Single(t => t.FilePath == file);
        var text = tree.GetText().ToString();
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        var edited = first.Input.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text.Replace(oldText, newText, StringComparison.Ordinal), (CSharpParseOptions)tree.Options, file));
        var second = first.RunAgain(edited);
        Assert.Empty(second.GeneratorDiagnostics);

        var actual = new IncrementalGeneratorRunReasons(
            ReasonOf(second.Result, TrackingNames.ParseResults),
            ReasonOf(second.Result, TrackingNames.ClientSpecs),
            ReasonOf(second.Result, TrackingNames.PlannedFiles),
            ReasonOf(second.Result, TrackingNames.EmittedFiles),
            OutputReason(second.Result));
        Assert.True(expected == actual, $"{edit}: expected {expected}, ran {actual}");
    }

    /// <summary>The one reason all outputs of step <paramref name="name"/> ran for (one interface, so one output).</summary>
    private static IncrementalStepRunReason ReasonOf(GeneratorRunResult result, string name) =>
        result.TrackedSteps[name].SelectMany(step => step.Outputs).Select(output => output.Reason).Distinct().Single();

    private static IncrementalStepRunReason OutputReason(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).Select(output => output.Reason).Distinct().Single();
}
