using System;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using TokenGen.Generator.Parsing;
using TokenGen.Generator.Tests.Infrastructure;

namespace TokenGen.Generator.Tests.Isolation;

/// <summary>
/// The walk that finds token roles in a response's graph costs time linear in the size of the graph: a graph where each
/// level's type is held five times by the level above has 5^depth paths, and walking each path (what the finder used to
/// do) took seconds at ten levels. The finder counts the members it examines, so the bound is checked, not timed.
/// </summary>
public sealed class TokenRoleWalkTests
{
    /// <summary>
    /// <c>Level0</c> … <c>Level{depth}</c>, each level's type holding the next one's in <paramref name="width"/> members,
    /// and a response with its access token at the top and <c>Level0</c> below it. A member of the level named
    /// <paramref name="roleLevel"/>, if any, carries <c>[ExpiresIn]</c>.
    /// </summary>
    internal static string SharedGraph(int depth, int width, int roleLevel = -1)
    {
        var source = new StringBuilder("""
            using TokenGen;

            namespace Deep;

            public sealed class TokenResponse
            {
                [AccessToken] public string? Access { get; set; }
                public Level0? Data { get; set; }
            }

            """);
        for (var level = 0; level <= depth; level++)
        {
            source.Append("public sealed class Level").Append(level).AppendLine().AppendLine("{");
            for (var member = 0; member < width; member++)
            {
                var type = level == depth ? "string" : "Level" + (level + 1);
                source.Append("    public ").Append(type).Append("? Member").Append(member).AppendLine(" { get; set; }");
            }

            if (level == roleLevel)
            {
                source.AppendLine("    [ExpiresIn] public int Lifetime { get; set; }");
            }

            source.AppendLine("}");
        }

        return source.ToString();
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(12)]
    public void DeepSharedGraphWithoutRolesBelowTheTop_IsExaminedOnceMemberByMember(int depth)
    {
        var (finder, response, compilation) = Finder(SharedGraph(depth, width: 5));

        var graph = finder.Find(response, CancellationToken.None);

        Assert.True(graph.HasAccessToken);
        Assert.Equal("TokenResponse.Access", graph.Roles[TokenRole.AccessToken].DisplayPath);
        Assert.Empty(graph.Problems);
        Assert.InRange(graph.MemberVisits, 1, 2 * MemberCount(compilation));
    }

    [Fact]
    public void RoleDeepInASharedGraph_IsStillFound_AndEachPathToItIsStillADuplicate()
    {
        // Level 2 is reached along 5 × 5 paths; the first carries the role, every other one is a duplicate (TG0020), as
        // before: only subgraphs that carry no role are skipped, so the results are those of the full walk.
        var (finder, response, compilation) = Finder(SharedGraph(depth: 12, width: 5, roleLevel: 2));

        var graph = finder.Find(response, CancellationToken.None);

        Assert.Equal("TokenResponse.Data.Member0.Member0.Lifetime", graph.Roles[TokenRole.ExpiresIn].DisplayPath);
        Assert.Equal(
            new[] { "Data", "Member0", "Member0", "Lifetime" },
            graph.Roles[TokenRole.ExpiresIn].Value.Path.Select(step => step.MemberName).ToArray());
        Assert.Equal(24, graph.Problems.Count);
        Assert.All(graph.Problems, problem => Assert.Equal("TokenResponse.Data.Member0.Member0.Lifetime", problem.FirstPath));
        // Below level 2 nothing carries a role, so the walk goes no deeper: the 25 paths to level 2 and the 5 to level 1 are all.
        Assert.InRange(graph.MemberVisits, 1, 2 * MemberCount(compilation) + 2 * ((25 * MembersOf(compilation, "Deep.Level2")) + (5 * MembersOf(compilation, "Deep.Level1"))));
    }

    [Fact]
    public void WholeGenerator_OnADeepSharedGraph_WritesTheReader()
    {
        var source = SharedGraph(depth: 12, width: 5) + """

            [System.Text.Json.Serialization.JsonSerializable(typeof(TokenResponse))]
            public sealed partial class DeepJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

            [TokenApi(BaseAddress = "https://deep.example.com", SerializerContext = typeof(DeepJsonContext))]
            public partial interface IDeepTokens
            {
                [Post("/token")]
                System.Threading.Tasks.Task<TokenResponse> AcquireAsync();
            }
            """;

        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.GeneratedSources.Values, text => text.Contains("class DeepTokensClient", StringComparison.Ordinal));
    }

    private static (TokenRoleFinder Finder, ITypeSymbol Response, Compilation Compilation) Finder(string source)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        var response = compilation.GetTypeByMetadataName("Deep.TokenResponse")!;
        return (new TokenRoleFinder(KnownTypeSymbols.For(compilation)), response, compilation);
    }

    private static int MembersOf(Compilation compilation, string metadataName) =>
        compilation.GetTypeByMetadataName(metadataName)!.GetMembers().Length;

    /// <summary>Every member of every type in the Deep namespace, accessors and constructors included.</summary>
    private static int MemberCount(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Deep.TokenResponse")!.ContainingNamespace.GetTypeMembers().Sum(type => type.GetMembers().Length);
}
