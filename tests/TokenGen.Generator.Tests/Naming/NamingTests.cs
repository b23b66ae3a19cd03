using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using TokenGen.Generator.Tests.Infrastructure;

namespace TokenGen.Generator.Tests.Naming;

/// <summary>
/// What the naming authority decides, read back from the generated client: shared URI fields, names that give way to
/// the user's, and signatures copied from the interface (defaults, optional parameters, obligations) as the compiler sees them.
/// </summary>
public sealed class NamingTests
{
    private static DeclarationCompilation.Outcome Compile(string declaration)
    {
        var outcome = DeclarationCompilation.Run(FaithfulDeclarationTests.Preamble + FaithfulDeclarationTests.WithBlockNamespace(declaration));
        Assert.True(outcome.GeneratorDiagnostics.IsEmpty && outcome.CompilerDiagnostics.Count == 0, outcome.Describe());
        return outcome;
    }

    private static INamedTypeSymbol Type(DeclarationCompilation.Outcome outcome, string metadataName) =>
        outcome.Output.GetTypeByMetadataName(metadataName) ?? throw new InvalidOperationException(metadataName + " was not generated.");

    [Fact]
    public void OperationsWithEqualFixedUrisShareOneFieldAndOverloadsGetTheirOwnRequestBuilders()
    {
        var outcome = Compile("""
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IApi
            {
                [Get("/token")] Task<string> GetTokenAsync();
                [Get("/token")] Task<string> GetTokenAsync([Header("X-Tenant")] string tenant);
                [Get("/other")] Task<string> GetOtherAsync();
            }
            """);

        var client = Type(outcome, "Acme.Tokens.ApiClient");
        var uriFields = client.GetMembers().OfType<IFieldSymbol>().Where(f => f.Type.Name == "FixedRequestUri").Select(f => f.Name).ToList();
        Assert.Equal(new[] { "s_getTokenUri", "s_getOtherUri" }, uriFields);

        var builders = client.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name.StartsWith("CreateGetToken", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, builders.Select(m => m.Name).Distinct().Count());
    }

    [Fact]
    public void GeneratedMembersGiveWayToOperationsNamedLikeThem()
    {
        var outcome = Compile("""
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IApi
            {
                [Get("/a")] Task<string> _settings();
                [Get("/b")] Task<string> s_defaultBaseAddress();
                [Get("/c")] Task<string> CreateGetRequest();
                [Get("/d")] Task<string> GetAsync();
            }
            """);

        var client = Type(outcome, "Acme.Tokens.ApiClient");
        Assert.Equal("ClientSettings", Assert.Single(client.GetMembers("_settings2").OfType<IFieldSymbol>()).Type.Name);
        Assert.Single(client.GetMembers("s_defaultBaseAddress2").OfType<IFieldSymbol>());
        Assert.Equal(Accessibility.Private, Assert.Single(client.GetMembers("CreateGetRequest2").OfType<IMethodSymbol>()).DeclaredAccessibility);
        Assert.Equal(Accessibility.Public, Assert.Single(client.GetMembers("CreateGetRequest").OfType<IMethodSymbol>()).DeclaredAccessibility);
    }

    [Theory]
    [InlineData("public sealed class ApiClient { }", "IApiClient")]
    [InlineData("public interface ApiClient { }", "IApiClient")]
    [InlineData("public partial class ApiClient { }", "ApiClient")]
    [InlineData("[TokenApi(BaseAddress = \"https://example.com\")] public partial interface Api { [Get(\"/b\")] Task<string> GetAsync(); }", "IApiClient")]
    public void TheClientNameGivesWayToAUserTypeButJoinsAUsersPartialClass(string neighbour, string expectedClientName)
    {
        var outcome = Compile("namespace Acme.Tokens;\n" + neighbour + """

            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IApi
            {
                [Get("/a")] Task<string> GetAsync();
            }
            """);

        var client = Type(outcome, "Acme.Tokens." + expectedClientName);
        Assert.Contains(client.Interfaces, i => i.Name == "IApi");
    }

    [Fact]
    public void DefaultValuesAreCopiedWithTheirExactValues()
    {
        var outcome = Compile("""
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IApi
            {
                [Get("/a")] Task<string> GetAsync(
                    [Optional] int optional, [Optional, DefaultParameterValue(7L)] long attributed, [Optional, DefaultParameterValue(null)] string? bare,
                    double nan = double.NaN, double up = double.PositiveInfinity, float down = float.NegativeInfinity, double small = double.Epsilon,
                    float max = float.MaxValue, decimal money = -1.50m, char quote = '\'', long min = long.MinValue, ulong umax = ulong.MaxValue,
                    short s = -3, sbyte sb = -128, Grant grant = Grant.RefreshToken, Grant undeclared = (Grant)42, string text = "a\"b\\c\n");
            }
            """);

        var declared = Type(outcome, "Acme.Tokens.IApi").GetMembers("GetAsync").OfType<IMethodSymbol>().Single();
        var implemented = Type(outcome, "Acme.Tokens.ApiClient").GetMembers("GetAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal(declared.Parameters.Length, implemented.Parameters.Length);
        for (var i = 0; i < declared.Parameters.Length; i++)
        {
            var expected = declared.Parameters[i];
            var actual = implemented.Parameters[i];
            Assert.Equal((expected.Name, expected.IsOptional, expected.HasExplicitDefaultValue), (actual.Name, actual.IsOptional, actual.HasExplicitDefaultValue));
            if (expected.HasExplicitDefaultValue)
            {
                Assert.Equal(expected.ExplicitDefaultValue, actual.ExplicitDefaultValue);
                Assert.Equal(expected.ExplicitDefaultValue?.GetType(), actual.ExplicitDefaultValue?.GetType());
            }
        }
    }

    [Fact]
    public void ObsoleteAndExperimentalOperationsAreImplementedUnderTheSameAttributes()
    {
        var outcome = Compile("""
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IApi
            {
                [Obsolete("gone", error: true)] [Get("/b")] Task<string> GoneAsync();
                [Experimental("ACME001")] [Get("/c")] Task<string> TryAsync();
                [Get("/d")] Task<string> PlainAsync();
            }
            """);

        var client = Type(outcome, "Acme.Tokens.ApiClient");
        string[] AttributesOf(string method) => client.GetMembers(method).Single().GetAttributes()
            .Select(a => a.AttributeClass!.Name + "(" + string.Join(",", a.ConstructorArguments.Select(c => c.Value)) + ")").ToArray();
        Assert.Equal(new[] { "ObsoleteAttribute(gone,True)" }, AttributesOf("GoneAsync"));
        Assert.Equal(new[] { "ExperimentalAttribute(ACME001)" }, AttributesOf("TryAsync"));
        Assert.Empty(AttributesOf("PlainAsync"));
    }

    [Fact]
    public void OperationsShapedLikeObjectMembersHideThemOnPurpose()
    {
        var outcome = Compile("""
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IApi
            {
                [Get("/a")] Task<string> ToString();
                [Get("/b")] Task<string> ToString(int page);
            }
            """);

        var source = outcome.GeneratedSources["Acme.Tokens.IApi.g.cs"];
        Assert.Single(Regex.Matches(source, @"public new async [^\n]* ToString\(\)"));
        Assert.Single(Regex.Matches(source, @"public async [^\n]* ToString\(int page"));
    }

    [Fact]
    public void ADerivedTokenApiInterfaceDeclaresItsFactoriesNew()
    {
        var outcome = Compile("""
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IBaseApi { [Get("/a")] Task<string> GetAsync(); }
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IDerivedApi : IBaseApi { [Get("/b")] Task<string> GetMoreAsync(); }
            """);

        Assert.Equal(4, Regex.Matches(outcome.GeneratedSources["Acme.Tokens.IDerivedApi.g.cs"], @"public static new global::Acme\.Tokens\.IDerivedApi Create\(").Count);
        Assert.DoesNotMatch(@"static new", outcome.GeneratedSources["Acme.Tokens.IBaseApi.g.cs"]);
    }

    [Theory]
    [InlineData("Task<string> Create();", "")]
    [InlineData("Task<string> Create(HttpClient client);", "HttpClient")]
    [InlineData("Task<string> Create(TokenApiClientOptions? options);", "TokenApiClientOptions")]
    [InlineData("Task<string> Create(HttpClient client, TokenApiClientOptions? options);", "HttpClient, TokenApiClientOptions")]
    public void AnOperationWithTheSignatureOfAGeneratedFactoryIsReportedWhereItIsDeclared(string operation, string parameters)
    {
        var declaration = "namespace Acme.Tokens;\nusing System.Net.Http;\n[TokenApi(BaseAddress = \"https://example.com\")]\npublic partial interface IApi\n{\n    [Post(\"/a\")] "
            + operation + "\n}\n";
        var outcome = DeclarationCompilation.Run(FaithfulDeclarationTests.Preamble + FaithfulDeclarationTests.WithBlockNamespace(declaration));

        // Parameters no operation could send (an HttpClient) are also reported, each with its own diagnostic.
        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "TG0060");
        Assert.Contains("'Create(" + parameters + ")'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("Create", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Empty(outcome.GeneratedSources);
        Assert.Empty(outcome.CompilerDiagnostics);
    }

    [Fact]
    public void ACreateOperationWithOtherParametersIsNoCollision()
    {
        var outcome = Compile("""
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IApi
            {
                [Post("/a")] Task<string> Create(string name);
            }
            """);

        Assert.Single(Type(outcome, "Acme.Tokens.ApiClient").GetMembers("Create").OfType<IMethodSymbol>());
    }

    [Fact]
    public void NameCollisionsSnapshot()
    {
        var outcome = Compile("""
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com", SerializerContext = typeof(TokensContext))]
            public partial interface IApi
            {
                [Get("/token")] Task<TokenResponse> GetTokenAsync();
                [Get("/token")] Task<TokenResponse> GetTokenAsync([Header("X-Tenant")] string tenant);
                [Post("/token/{await}")] Task<TokenResponse> s_tokenResponseTypeInfo(string @await, string uri, string httpRequest, [Query] Grant deadline);
                [Get("/grant")] Task<string> FormatGrant([Query] Grant grant, CancellationToken httpResponse = default);
                [Get("/self")] Task<string> _httpClient(string? _timeProvider);
                [Get("/name")] Task<string> ToString();
                [Get("/class")] Task<string> ApiClient();
            }
            """);

        Snapshot.Match(outcome.GeneratedSources["Acme.Tokens.IApi.g.cs"], "NameCollisionsWithOperationsParametersAndOverloads");
    }
}
