using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using TokenGen.Generator.Tests.Infrastructure;

namespace TokenGen.Generator.Tests.Isolation;

/// <summary>
/// Declarations that used to stop the whole generator (CS8785, every client lost): a keyword as a namespace segment,
/// two interfaces whose file names differ only in case, and [TokenApi] on two parts of one partial interface. Each now
/// gives working clients and nothing but the compiler's own word on the user's mistake.
/// </summary>
public sealed class CrashClassTests
{
    private static string Api(string ns, string name, string route) => $$"""
        using System.Threading.Tasks;
        using TokenGen;

        namespace {{ns}};

        public sealed partial class {{name}}Token
        {
            [AccessToken] public string? Token { get; set; }
        }

        [System.Text.Json.Serialization.JsonSerializable(typeof({{name}}Token))]
        public sealed partial class {{name}}JsonContext : System.Text.Json.Serialization.JsonSerializerContext;

        [TokenApi(BaseAddress = "https://api.example.com", SerializerContext = typeof({{name}}JsonContext))]
        public partial interface {{name}}
        {
            [Get("{{route}}")]
            Task<{{name}}Token> GetAsync();
        }
        """;

    [Theory]
    [InlineData("Acme.@event.Tokens")]
    [InlineData("@class")]
    [InlineData("@namespace.@static.@int")]
    [InlineData("Acme.Caf\u00e9.a\u203fb")] // a letter outside ASCII, and connector punctuation, which no file name needs
    public void KeywordNamespaceSegments_AreEscapedInEveryGeneratedFile(string ns)
    {
        var run = GeneratorHarness.Run(Api(ns, "IKeywordApi", "/token"));

        AssertNoGeneratorFailure(run);
        Assert.All(run.GeneratedSources.Keys, hintName => Assert.Matches(@"^[\p{L}\p{Nd}._{},-]+\.g\.cs$", hintName));
        Assert.Contains(run.GeneratedSources.Values, text => text.Contains("class KeywordApiClient", StringComparison.Ordinal));
        Assert.Contains(run.GeneratedSources.Values, text => text.Contains("partial class IKeywordApiToken", StringComparison.Ordinal));
        Assert.All(run.GeneratedSources.Values, text => Assert.Contains("namespace " + ns, text, StringComparison.Ordinal));
        AssertOnlyJsonContextErrors(run);
    }

    [Fact]
    public void InterfacesWhoseNamesDifferOnlyInCase_EachGetAFileAndAClient()
    {
        // Distinct namespaces would give distinct files anyway; these two share one, and their models differ only in case too.
        var run = GeneratorHarness.Run(Api("Acme", "IApi", "/lower"), Api("Acme", "IAPI", "/upper"));

        AssertNoGeneratorFailure(run);
        var clients = run.GeneratedSources.Where(source => source.Value.Contains("Client : global::", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, clients.Count);
        Assert.Contains(clients, source => source.Value.Contains("\"/lower\"", StringComparison.Ordinal));
        Assert.Contains(clients, source => source.Value.Contains("\"/upper\"", StringComparison.Ordinal));

        var hintNames = run.GeneratedSources.Keys.ToList();
        Assert.Equal(4, hintNames.Count);
        Assert.Equal(hintNames.Count, hintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("Acme.IApi.g.cs", hintNames);
        AssertOnlyJsonContextErrors(run);
    }

    [Fact]
    public void HintNames_AreTheSameOnEveryRun()
    {
        var sources = new[] { Api("Acme", "IApi", "/lower"), Api("Acme", "IAPI", "/upper") };

        var first = GeneratorHarness.Run(sources).GeneratedSources;
        var second = GeneratorHarness.Run(sources).GeneratedSources;

        Assert.Equal(first, second);
    }

    [Fact]
    public void TokenApiOnTwoPartsOfOnePartialInterface_GeneratesOneClient_AndLeavesTheDuplicateToTheCompiler()
    {
        const string otherPart = """
            using System.Threading.Tasks;
            using TokenGen;

            namespace Acme;

            [TokenApi(BaseAddress = "https://other.example.com")]
            public partial interface ITwiceApi
            {
                [Get("/second")]
                Task<string> GetSecondAsync();
            }
            """;

        var run = GeneratorHarness.Run(Api("Acme", "ITwiceApi", "/first"), otherPart);

        AssertNoGeneratorFailure(run);
        var client = Assert.Single(run.GeneratedSources, source => source.Value.Contains("Client : global::", StringComparison.Ordinal));
        Assert.Contains("\"/first\"", client.Value, StringComparison.Ordinal);
        Assert.Contains("\"/second\"", client.Value, StringComparison.Ordinal);
        Assert.Contains("https://api.example.com", client.Value, StringComparison.Ordinal); // the first part's attribute

        var errors = run.CompilationDiagnostics.Where(d => !IsJsonContextError(d)).ToList();
        var duplicate = Assert.Single(errors); // duplicate 'TokenApi' attribute, on the user's line
        Assert.Equal("CS0579", duplicate.Id);
        Assert.Equal("Source1.cs", duplicate.Location.SourceTree!.FilePath);
    }

    private static void AssertNoGeneratorFailure(GeneratorRun run)
    {
        Assert.Null(run.Result.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    /// <summary>
    /// The output compiles but for the JSON contexts, which need the System.Text.Json generator that does not run here
    /// (CS0534 abstract members, CS7036 no parameterless base constructor, CS0117 no <c>Default</c>): the keyword names
    /// were escaped everywhere.
    /// </summary>
    private static void AssertOnlyJsonContextErrors(GeneratorRun run) =>
        Assert.All(run.CompilationDiagnostics, d => Assert.True(IsJsonContextError(d), d.ToString()));

    private static bool IsJsonContextError(Diagnostic diagnostic) =>
        diagnostic.Id is "CS0534" or "CS7036"
        || (diagnostic.Id == "CS0117" && diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'Default'", StringComparison.Ordinal));
}
