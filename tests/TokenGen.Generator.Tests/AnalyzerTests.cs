using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenGen.Generator.Analyzers;
using TokenGen.Generator.Tests.Infrastructure;

namespace TokenGen.Generator.Tests;

/// <summary>
/// TG0022, reported by <see cref="TokenSessionAnalyzer"/> where <c>TokenSession.Create</c> is given an operation whose
/// response has no <c>[AccessToken]</c>: on the delegate argument at fault, and nowhere else.
/// </summary>
public sealed class AnalyzerTests
{
    [Fact]
    public async Task SessionFromTokenResponses_ReportsNothing()
    {
        var diagnostics = await AnalyzeAsync("""
            var session = TokenSession.Create(
                ct => client.AcquireAsync(ct),
                (current, ct) => client.RefreshAsync(current.AccessToken, ct));
            var enveloped = TokenSession.Create(ct => client.EnvelopeAsync(ct));
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task AcquireWithoutAccessToken_ReportsTG0022_OnTheAcquireDelegate()
    {
        var diagnostics = await AnalyzeAsync("""
            var session = TokenSession.Create(ct => client.RefreshOnlyAsync(ct));
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("TG0022", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("ct => client.RefreshOnlyAsync(ct)", Located(diagnostic));
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'Contoso.RefreshOnly'", message, StringComparison.Ordinal);
        Assert.Contains("[AccessToken]", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshWithoutAccessToken_ReportsTG0022_OnTheRefreshDelegateOnly()
    {
        var diagnostics = await AnalyzeAsync("""
            var session = TokenSession.Create(
                ct => client.AcquireAsync(ct),
                (current, ct) => client.RefreshOnlyAsync(ct));
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("TG0022", diagnostic.Id);
        Assert.Equal("(current, ct) => client.RefreshOnlyAsync(ct)", Located(diagnostic));
    }

    [Fact]
    public async Task NamedArgumentsInAnotherOrder_StillLocateTheDelegateAtFault()
    {
        var diagnostics = await AnalyzeAsync("""
            var session = TokenSession.Create(
                refresh: (current, ct) => client.RefreshOnlyAsync(ct),
                acquire: ct => client.AcquireAsync(ct));
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("refresh: (current, ct) => client.RefreshOnlyAsync(ct)", Located(diagnostic));
    }

    [Fact]
    public async Task ApiResponseOperation_ReportsTG0022_WithTheHintToReturnTheModel()
    {
        var diagnostics = await AnalyzeAsync("""
            var session = TokenSession.Create(ct => client.AcquireWithStatusAsync(ct));
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("TG0022", diagnostic.Id);
        Assert.Contains("not ApiResponse<T>", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherMethodsNamedCreate_AreNotAnalyzed()
    {
        var diagnostics = await AnalyzeAsync("""
            var other = Factory.Create(ct => client.RefreshOnlyAsync(ct));
            """);

        Assert.Empty(diagnostics);
    }

    /// <summary>Compiles <paramref name="statements"/> inside a method with a token API client in scope, and runs the analyzer.</summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string statements)
    {
        var source = $$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using TokenGen;

            namespace Contoso;

            public sealed class Token
            {
                [AccessToken] public string? AccessToken { get; set; }
                [ExpiresIn] public int ExpiresIn { get; set; }
            }

            public sealed class Envelope
            {
                public Token? Data { get; set; }
            }

            public sealed class RefreshOnly
            {
                [RefreshToken] public string? RefreshToken { get; set; }
            }

            public interface ITokens
            {
                Task<Token> AcquireAsync(CancellationToken cancellationToken);
                Task<Token> RefreshAsync(string token, CancellationToken cancellationToken);
                Task<Envelope> EnvelopeAsync(CancellationToken cancellationToken);
                Task<RefreshOnly> RefreshOnlyAsync(CancellationToken cancellationToken);
                Task<ApiResponse<Token>> AcquireWithStatusAsync(CancellationToken cancellationToken);
            }

            public static class Factory
            {
                public static object Create<T>(Func<CancellationToken, Task<T>> make) => make;
            }

            public static class Program
            {
                public static void Run(ITokens client)
                {
            {{statements}}
                }
            }
            """;

        var compilation = GeneratorHarness.CreateCompilation(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TokenSessionAnalyzer());
        return await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
    }

    private static string Located(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
