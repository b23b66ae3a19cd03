using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace TokenGen.Generator.Roslyn48.Tests;

/// <summary>
/// The five seed clients' sources (<c>clients/TokenGen.Clients</c>, read from the repository) through the generator
/// under Roslyn 4.8 at C# 12: the generator runs without exception or error, emits the expected files, every generated
/// tree parses, and the whole compilation (the seed sources plus the generated clients) has no error but those that say
/// the System.Text.Json source generator did not run (see <see cref="Roslyn48Harness.ErrorsBesidesMissingJsonMetadata"/>).
/// </summary>
/// <remarks>
/// What this leg does not cover: the System.Text.Json generator's output (so the JSON metadata the clients read is not
/// compiled, let alone run); running the generated clients (the other test projects do, under the SDK's Roslyn);
/// incremental caching under 4.8 (one driver run per test); the TokenGen analyzers and code fixes under 4.8; and
/// compiling against the .NET 8 reference assemblies (it compiles against the running .NET's own assemblies).
/// </remarks>
public sealed class SeedClientTests
{
    [Fact]
    public void TheSeedClientsGenerateAndCompileUnderRoslyn48()
    {
        var clients = Path.Combine(RepositoryRoot(), "clients", "TokenGen.Clients");
        var sources = Directory.EnumerateFiles(clients, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(clients, path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllText(path)))
            .ToList();
        Assert.NotEmpty(sources);

        var input = Roslyn48Harness.CreateCompilation(sources);
        // The seed sources are C# 12: they parse with 4.8 before the generator sees them.
        Assert.Empty(input.SyntaxTrees.SelectMany(tree => tree.GetDiagnostics()).Select(d => d.ToString()));

        var run = Roslyn48Harness.Run(input);

        run.AssertRanCleanly();
        // A client per interface, and a redacted ToString() per model that holds a secret.
        Assert.Equal(
            new[]
            {
                "Redacted.TokenGen.Clients.Banyan.RefreshTokenV1Response.g.cs",
                "Redacted.TokenGen.Clients.Banyan.RefreshTokenV2Data.g.cs",
                "Redacted.TokenGen.Clients.DirectLine.Conversation.g.cs",
                "Redacted.TokenGen.Clients.Esper.TokenInfoV1.g.cs",
                "Redacted.TokenGen.Clients.Esper.TokenRenewV0.g.cs",
                "Redacted.TokenGen.Clients.OAuth2.DeviceAuthorizationResponse.g.cs",
                "Redacted.TokenGen.Clients.OAuth2.OAuth2TokenResponse.g.cs",
                "Redacted.TokenGen.Clients.Prowler.TokenAttributes.g.cs",
                "Redacted.TokenGen.Clients.Prowler.TokenRefreshRequestAttributes.g.cs",
                "Redacted.TokenGen.Clients.Prowler.TokenRefreshResponse.g.cs",
                "Redacted.TokenGen.Clients.Prowler.TokenRequestAttributes.g.cs",
                "Redacted.TokenGen.Clients.Prowler.TokenResponse.g.cs",
                "Redacted.TokenGen.Clients.Prowler.TokenSwitchTenantResponse.g.cs",
                "Redacted.TokenGen.Clients.RunAi.AppTokenRequest.g.cs",
                "Redacted.TokenGen.Clients.RunAi.AppTokenResponse.g.cs",
                "Redacted.TokenGen.Clients.RunAi.TokenRequest.g.cs",
                "Redacted.TokenGen.Clients.RunAi.TokenResponse.g.cs",
                "TokenGen.Clients.Banyan.IBanyanTokens.g.cs",
                "TokenGen.Clients.DirectLine.IDirectLineTokens.g.cs",
                "TokenGen.Clients.Esper.IEsperTokens.g.cs",
                "TokenGen.Clients.OAuth2.IOAuth2DeviceAuthorizationEndpoint.g.cs",
                "TokenGen.Clients.OAuth2.IOAuth2IntrospectionEndpoint.g.cs",
                "TokenGen.Clients.OAuth2.IOAuth2MetadataDocument.g.cs",
                "TokenGen.Clients.OAuth2.IOAuth2RevocationEndpoint.g.cs",
                "TokenGen.Clients.OAuth2.IOAuth2TokenEndpoint.g.cs",
                "TokenGen.Clients.Prowler.IProwlerTokens.g.cs",
                "TokenGen.Clients.RunAi.IRunAiTokens.g.cs",
            },
            run.HintNames);
        var (missingJsonMetadata, others) = Roslyn48Harness.SplitErrors(run.Output);
        Assert.Empty(others.Select(d => d.ToString()));

        // What was set aside is the expected shape and nothing more: on each of the six contexts (the five seed APIs' and OAuth 2.0's), CS7036 and CS0534 for
        // GetTypeInfo and GeneratedSerializerOptions; and CS0117 only where a generated client reads Context.Default, or
        // where the one hand-written reader of a context does (OAuth2Errors.TryReadOAuth2Error reads OAuth2JsonContext.Default).
        var generated = run.Result.GeneratedSources.Select(source => source.SyntaxTree).ToHashSet();
        var onContexts = missingJsonMetadata.Where(d => d.Id != "CS0117").ToList();
        Assert.Equal(18, onContexts.Count);
        Assert.All(onContexts, d => Assert.EndsWith("JsonContext.cs", d.Location.SourceTree!.FilePath, StringComparison.Ordinal));
        Assert.All(
            missingJsonMetadata.Where(d => d.Id == "CS0117"),
            d =>
            {
                Assert.True(
                    generated.Contains(d.Location.SourceTree!) || d.Location.SourceTree!.FilePath.EndsWith("OAuth2Errors.cs", StringComparison.Ordinal),
                    d.ToString());
                Assert.EndsWith("does not contain a definition for 'Default'", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            });
    }

    private static bool IsBuildOutput(string project, string path)
    {
        var relative = Path.GetRelativePath(project, path).Replace('\\', '/');
        return relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal);
    }

    /// <summary>The folder holding <c>TokenGen.sln</c>, found by walking up from the test's output directory.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TokenGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds TokenGen.sln.");
    }
}
