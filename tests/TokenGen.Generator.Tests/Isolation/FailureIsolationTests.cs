using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TokenGen.Generator.Tests.Infrastructure;

namespace TokenGen.Generator.Tests.Isolation;

/// <summary>
/// A bug met while parsing or writing one interface is a TG0040 error on that interface's name, and every other file of
/// the run is still generated; cancellation still stops the run. The bug is stood for by the generator's fault hook,
/// which throws for the interfaces named here only (names no other test uses, so tests running in parallel are unaffected).
/// </summary>
public sealed class FailureIsolationTests
{
    private static CancellationTokenSource? s_cancelOnParse;

    static FailureIsolationTests()
    {
        TokenApiGenerator.FaultInjector = static (stage, name) =>
        {
            switch (stage, name)
            {
                case ("parse", "IFaultyParseTokens"):
                    throw new InvalidOperationException("injected fault while parsing");
                case ("emit", "IFaultyEmitTokens"):
                    throw new FormatException("injected fault while writing");
                case ("parse", "ICancelledTokens"):
                    s_cancelOnParse!.Cancel();
                    s_cancelOnParse.Token.ThrowIfCancellationRequested();
                    break;
            }
        };
    }

    private static string Api(string name, string route) => $$"""
        using System.Threading.Tasks;
        using TokenGen;

        namespace Contoso;

        [TokenApi(BaseAddress = "https://{{name.ToLowerInvariant()}}.example.com")]
        public partial interface {{name}}
        {
            [Get("{{route}}")]
            Task<string> GetAsync();
        }
        """;

    private const string HealthyApi = """
        using System.Threading.Tasks;
        using TokenGen;

        namespace Contoso;

        [TokenApi(BaseAddress = "https://healthy.example.com")]
        public partial interface IHealthyTokens
        {
            [Get("/healthy")]
            Task<string> GetAsync();
        }
        """;

    [Fact]
    public void ParserBugOnOneInterface_IsTG0040OnItsName_AndTheOtherClientIsStillGenerated()
    {
        var run = GeneratorHarness.Run(Api("IFaultyParseTokens", "/faulty"), HealthyApi);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertTG0040At(diagnostic, run, "Source0.cs", "IFaultyParseTokens", "System.InvalidOperationException", "injected fault while parsing");

        var source = Assert.Single(run.GeneratedSources);
        Assert.Equal("Contoso.IHealthyTokens.g.cs", source.Key);
        Assert.Contains("\"/healthy\"", source.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => !d.Id.StartsWith("TG", StringComparison.Ordinal));
    }

    [Fact]
    public void EmitterBugOnOneInterface_IsTG0040OnItsName_AndEveryOtherFileIsStillGenerated()
    {
        var run = GeneratorHarness.Run(HealthyApi, Api("IFaultyEmitTokens", "/faulty"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertTG0040At(diagnostic, run, "Source1.cs", "IFaultyEmitTokens", "System.FormatException", "injected fault while writing");

        Assert.Equal(new[] { "Contoso.IHealthyTokens.g.cs" }, run.GeneratedSources.Keys);
        Assert.DoesNotContain(run.GeneratedSources.Values, text => text.Contains("FaultyEmitTokensClient", StringComparison.Ordinal));
    }

    [Fact]
    public void CancellationDuringParsing_StillStopsTheRun()
    {
        s_cancelOnParse = new CancellationTokenSource();
        var compilation = GeneratorHarness.CreateCompilation(Api("ICancelledTokens", "/cancelled"), HealthyApi);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            GeneratorHarness.CreateDriver().RunGenerators(compilation, s_cancelOnParse.Token));
    }

    private static void AssertTG0040At(Diagnostic diagnostic, GeneratorRun run, string file, string interfaceName, string exceptionType, string exceptionMessage)
    {
        Assert.Equal("TG0040", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.True(diagnostic.Location.IsInSource);
        Assert.Equal(file, diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(interfaceName, diagnostic.Location.SourceTree.GetText().ToString(diagnostic.Location.SourceSpan));

        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains($"could not generate the client of '{interfaceName}'", message, StringComparison.Ordinal);
        Assert.Contains(exceptionType + ": " + exceptionMessage, message, StringComparison.Ordinal);
        Assert.Contains("please report", message, StringComparison.Ordinal);
        Assert.EndsWith("diagnostics.md#tg0040", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.Contains(run.Output.SyntaxTrees, tree => tree.FilePath == file);
    }
}
