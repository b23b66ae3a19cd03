using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TokenGen.Generator;

namespace TokenGen.CodeFixes.Tests;

/// <summary>
/// The diagnostics added for declarations that used to pass silently or fail inside generated code, verified by Roslyn's
/// source-generator test: each is reported, alone, on exactly the marked span of the user's source.
/// </summary>
public sealed class DiagnosticVerificationTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenGen;

        namespace Contoso;

        public sealed class Token
        {
            public string? AccessToken { get; set; }
        }

        """;

    [Fact]
    public Task GetAndPost_OnOneMethod_TG0045_OnTheSecondAttribute() => VerifyAsync("""
        [TokenApi]
        public partial interface IApi
        {
            [Get("/token"), {|TG0045:Post("/token")|}]
            Task SendAsync(CancellationToken cancellationToken);
        }
        """);

    [Fact]
    public Task SerializerContextWithoutPartial_TG0046_OnTheTypeof() => VerifyAsync("""
        [JsonSerializable(typeof(Token))]
        public class Ctx : JsonSerializerContext
        {
        }

        [TokenApi(SerializerContext = {|TG0046:typeof(Ctx)|})]
        public partial interface IApi
        {
            [Post("/token")]
            Task<Token> AcquireAsync(CancellationToken cancellationToken);
        }
        """);

    [Fact]
    public Task FileLocalInterface_TG0047_OnItsName() => VerifyAsync("""
        [TokenApi]
        file partial interface {|TG0047:IApi|}
        {
            [Get("/ping")]
            Task PingAsync(CancellationToken cancellationToken);
        }
        """);

    [Theory]
    [InlineData("byte[]?")]
    [InlineData("ReadOnlyMemory<byte>")]
    [InlineData("System.IO.Stream?")]
    [InlineData("IReadOnlyDictionary<string, string>?")]
    public Task MultipartModelMemberThatIsNoField_TG0048_OnTheMember(string memberType) => VerifyAsync($$"""
        public sealed class UploadForm
        {
            public string? Name { get; set; }
            public {{memberType}} {|TG0048:Content|} { get; set; }
        }

        [TokenApi]
        public partial interface IApi
        {
            [Post("/upload")]
            Task UploadAsync([Body(BodyEncoding.Multipart)] UploadForm form, CancellationToken cancellationToken);
        }
        """);

    [Fact]
    public Task RecordWithSecretsInsideAnArray_TG0023_OnTheRecord() => VerifyAsync("""
        public sealed record {|TG0023:Grant|}(string Scope, string RefreshToken);

        [JsonSerializable(typeof(Grant[]))]
        public partial class Ctx : JsonSerializerContext
        {
        }

        [TokenApi(SerializerContext = typeof(Ctx))]
        public partial interface IApi
        {
            [Get("/grants")]
            Task<Grant[]> ListAsync(CancellationToken cancellationToken);
        }
        """);

    [Fact]
    public Task MethodsTheInterfaceImplementsItself_AreNoOperations_AndReportNothing() => VerifyAsync("""
        public interface IRevoke
        {
            Task RevokeAsync(string token);
        }

        [TokenApi]
        public partial interface IApi : IRevoke
        {
            [Post("/revoke")]
            Task RevokeNowAsync([Form("token")] string token);

            Task IRevoke.RevokeAsync(string token) => RevokeNowAsync(token);

            static IApi Fallback(HttpClient httpClient) => Create(httpClient);
        }
        """);

    [Fact]
    public void EveryFixableId_IsATokenGenDiagnostic_WithTheSameMeaning()
    {
        var descriptors = typeof(TokenApiGenerator).Assembly
            .GetType("TokenGen.Generator.Diagnostics.DiagnosticDescriptors", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .ToDictionary(field => field.Name, field => ((DiagnosticDescriptor)field.GetValue(null)!).Id);

        var fixedIds = typeof(DiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(field => field.Name, field => (string)field.GetRawConstantValue()!);

        Assert.Equal(4, fixedIds.Count);
        foreach (var (name, id) in fixedIds)
        {
            Assert.Equal(descriptors[name], id);
        }
    }

    private static async Task VerifyAsync(string api)
    {
        var test = new GeneratorTest { TestCode = Prelude + api };
        await test.RunAsync();
    }

    private sealed class GeneratorTest : CSharpSourceGeneratorTest<TokenApiGenerator, DefaultVerifier>
    {
        public GeneratorTest()
        {
            TokenGenFixTest<MakeTypePartialCodeFixProvider>.ConfigureOffline(this);
            CompilerDiagnostics = CompilerDiagnostics.None; // System.Text.Json's generator does not run here
        }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }
}
