using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using TokenGen.Generator.Tests.Infrastructure;

namespace TokenGen.Generator.Tests;

/// <summary>
/// TG0023: a record that carries a secret but is not partial prints it from its compiler-written ToString. It is a
/// warning, not an error: the client is still generated. A plain class that is not partial prints only its type name,
/// so it needs nothing.
/// </summary>
public sealed class RedactionDiagnosticTests
{
    [Fact]
    public void NonPartialRecordWithAToken_ReportsTG0023_AsAWarning_AndTheClientIsStillGenerated()
    {
        var run = Run("public sealed record Token([property: AccessToken] string? Value, string? Kind);");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TG0023", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("Token", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("'Contoso.Token'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("Contoso.IApi.g.cs", run.GeneratedSources.Keys);
        // Without the System.Text.Json generator here, only the context itself fails (no Default, abstract members).
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id is not ("CS0534" or "CS7036" or "CS0117"));
    }

    [Fact]
    public void NonPartialRecordWithASecretNamedMember_ReportsTG0023()
    {
        var run = Run("public sealed record Token(string? AccessToken, [property: JsonPropertyName(\"client_secret\")] string? Other);");

        Assert.Equal("TG0023", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void NonPartialClassWithAToken_NeedsNothing()
    {
        var run = Run("public sealed class Token { [AccessToken] public string? Value { get; set; } }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.GeneratedSources.Keys, key => key.StartsWith("Redacted.", StringComparison.Ordinal));
    }

    [Fact]
    public void PartialModelWithItsOwnToString_IsLeftAlone()
    {
        var run = Run("public sealed partial class Token { [AccessToken] public string? Value { get; set; } public override string ToString() => \"mine\"; }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.GeneratedSources.Keys, key => key.StartsWith("Redacted.", StringComparison.Ordinal));
    }

    [Fact]
    public void ModelWithoutSecrets_GetsNoToString()
    {
        var run = Run("public sealed partial class Token { public string? TokenType { get; set; } public int ExpiresIn { get; set; } }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.GeneratedSources.Keys, key => key.StartsWith("Redacted.", StringComparison.Ordinal));
    }

    private static GeneratorRun Run(string model) => GeneratorHarness.Run($$"""
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenGen;

        namespace Contoso;

        {{model}}

        [JsonSerializable(typeof(Token))]
        public partial class Ctx : JsonSerializerContext
        {
        }

        [TokenApi(SerializerContext = typeof(Ctx))]
        public partial interface IApi
        {
            [Post("/token")]
            Task<Token> AcquireAsync(CancellationToken cancellationToken);
        }
        """);
}
