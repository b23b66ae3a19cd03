using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using TokenGen.Generator.Tests.Infrastructure;

namespace TokenGen.Generator.Tests;

/// <summary>
/// One test per TokenGen diagnostic (and per distinct trigger where a diagnostic has several): exactly the expected
/// diagnostic is reported, on the offending syntax, naming the offending symbol, and no client is generated for the
/// interface. Each section of docs/diagnostics.md has its example here.
/// </summary>
public sealed class DiagnosticTests
{
    private const string HintName = "Contoso.IApi.g.cs";
    private const string ClientName = "ApiClient";

    // ---- TG0001 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void InterfaceWithoutPartial_ReportsTG0001_OnTheInterfaceName()
    {
        var run = Run("""
            [TokenApi]
            public interface IApi
            {
                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0001", "IApi", "'IApi'");
        AssertNoClient(run);
    }

    // ---- TG0002 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void MethodWithoutHttpAttribute_ReportsTG0002_OnTheMethodName()
    {
        var run = Run("""
            [TokenApi]
            public partial interface IApi
            {
                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);

                Task RevokeAsync(string token, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0002", "RevokeAsync", "'RevokeAsync'", "'IApi'");
        AssertNoClient(run);
    }

    [Fact]
    public void PragmaWarningDisableAroundTheMember_SuppressesTG0002()
    {
        const string api = """
            [TokenApi]
            public partial interface IApi
            {
            #pragma warning disable TG0002
                Task RevokeAsync(string token, CancellationToken cancellationToken);
            #pragma warning restore TG0002
            }
            """;

        var run = Run(api);

        // Generator diagnostics never appear in Compilation.GetDiagnostics(): the driver returns them, after filtering
        // them through the compilation's options and the #pragma directives of the tree they are located in. A
        // suppressed one is kept but marked IsSuppressed, which the compiler does not report (and does not fail on).
        // That only works because the pipeline gives each diagnostic back its location in the compilation's own tree.
        var diagnostic = Assert.Single(TokenGenDiagnostics(run));
        Assert.Equal("TG0002", diagnostic.Id);
        Assert.Equal("RevokeAsync", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.True(diagnostic.IsSuppressed);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error && !d.IsSuppressed);

        // The same source without the pragma reports it unsuppressed, so the suppression above is the pragma's doing.
        var unsuppressed = Run(api.Replace("#pragma warning disable TG0002", string.Empty, StringComparison.Ordinal)
            .Replace("#pragma warning restore TG0002", string.Empty, StringComparison.Ordinal));
        Assert.False(Assert.Single(TokenGenDiagnostics(unsuppressed)).IsSuppressed);
    }

    // ---- TG0003 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void RoutePlaceholderWithoutParameter_ReportsTG0003_OnTheRoute()
    {
        var run = Run("""
            [TokenApi(SerializerContext = typeof(Ctx))]
            public partial interface IApi
            {
                [Get("/tokens/{tokenId}")]
                Task<Token> GetAsync(string id, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0003", "\"/tokens/{tokenId}\"", "'{tokenId}'", "'GetAsync'");
        AssertNoClient(run);
    }

    [Fact]
    public void RoutePlaceholderWhoseNamesakeIsBoundToTheQuery_ReportsTG0003_OnTheRoute()
    {
        var run = Run("""
            [TokenApi(SerializerContext = typeof(Ctx))]
            public partial interface IApi
            {
                [Get("/tokens/{id}")]
                Task<Token> GetAsync([Query] string id, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0003", "\"/tokens/{id}\"", "'{id}'", "'GetAsync'");
        AssertNoClient(run);
    }

    // ---- TG0004 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void ComplexParameterWithoutBindingAttribute_ReportsTG0004_OnTheParameterName()
    {
        var run = Run("""
            [TokenApi(SerializerContext = typeof(Ctx))]
            public partial interface IApi
            {
                [Post("/tokens")]
                Task<Token> CreateAsync(TokenRequest request, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0004", "request", "'request'", "'CreateAsync'", "'Contoso.TokenRequest'");
        AssertNoClient(run);
    }

    // ---- TG0005 ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("[Body] TokenRequest first, [Body] TokenRequest second")]
    [InlineData("[Body] TokenRequest first, [Form(\"scope\")] string second")]
    [InlineData("[Form(\"scope\")] string first, [Body] TokenRequest second")]
    [InlineData("[Body(BodyEncoding.FormUrlEncoded)] TokenRequest first, [Form(\"scope\")] string second")]
    public void SecondBody_ReportsTG0005_OnTheSecondParameter(string parameters)
    {
        var run = Run($$"""
            [TokenApi(SerializerContext = typeof(Ctx))]
            public partial interface IApi
            {
                [Post("/tokens")]
                Task<Token> CreateAsync({{parameters}});
            }
            """);

        AssertSingleError(run, "TG0005", "second", "'CreateAsync'", "'first'", "'second'");
        AssertNoClient(run);
    }

    // ---- TG0006 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void SecondCancellationToken_ReportsTG0006_OnTheSecondToken()
    {
        var run = Run("""
            [TokenApi]
            public partial interface IApi
            {
                [Get("/ping")]
                Task PingAsync(CancellationToken first, string? scope, CancellationToken second);
            }
            """);

        AssertSingleError(run, "TG0006", "second", "'PingAsync'", "'second'");
        AssertNoClient(run);
    }

    // ---- TG0007 ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("void", "void")]
    [InlineData("Token", "Contoso.Token")]
    [InlineData("ValueTask<Token>", "System.Threading.Tasks.ValueTask<Contoso.Token>")]
    [InlineData("Task<object>", "System.Threading.Tasks.Task<object>")]
    [InlineData("Task<IDisposable>", "System.Threading.Tasks.Task<System.IDisposable>")]
    public void UnsupportedReturnType_ReportsTG0007_OnTheReturnType(string returnType, string displayName)
    {
        var run = Run($$"""
            [TokenApi(SerializerContext = typeof(Ctx))]
            public partial interface IApi
            {
                [Get("/token")]
                {{returnType}} GetAsync(CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0007", returnType, "'GetAsync'", "'" + displayName + "'");
        AssertNoClient(run);
    }

    // ---- TG0008 ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Task<Unregistered> GetAsync(CancellationToken cancellationToken)", "Task<Unregistered>")]
    [InlineData("Task<ApiResponse<Unregistered>> GetAsync(CancellationToken cancellationToken)", "Task<ApiResponse<Unregistered>>")]
    [InlineData("Task GetAsync([Body] Unregistered payload, CancellationToken cancellationToken)", "payload")]
    public void JsonTypeMissingFromTheSerializerContext_ReportsTG0008_OnTheReturnTypeOrBodyParameter(string signature, string expectedLocation)
    {
        var run = Run($$"""
            [TokenApi(SerializerContext = typeof(Ctx))]
            public partial interface IApi
            {
                [Post("/token")]
                {{signature}};
            }
            """);

        AssertSingleError(run, "TG0008", expectedLocation, "'Contoso.Unregistered'", "'GetAsync'", "'Contoso.Ctx'");
        AssertNoClient(run);
    }

    // ---- TG0009 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void SerializerContextThatIsNoJsonSerializerContext_ReportsTG0009_OnTheTypeofArgument()
    {
        var run = Run("""
            public sealed class NotAContext { }

            [TokenApi(SerializerContext = typeof(NotAContext))]
            public partial interface IApi
            {
                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0009", "typeof(NotAContext)", "'Contoso.NotAContext'", "'IApi'");
        AssertNoClient(run);
    }

    [Fact]
    public void SerializerContextThatIsNoJsonSerializerContext_ReportsOnlyTG0009_NotTG0015_ForJsonMethods()
    {
        var run = Run("""
            public sealed class NotAContext { }

            [TokenApi(SerializerContext = typeof(NotAContext))]
            public partial interface IApi
            {
                [Post("/token")]
                Task<Token> CreateAsync([Body] TokenRequest request, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0009", "typeof(NotAContext)", "'Contoso.NotAContext'", "'IApi'");
        AssertNoClient(run);
    }

    // ---- TG0010 ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("\"X-Flow\"", "write a static header as \"Name: value\"")]
    [InlineData("\": acquire\"", "the header name is empty")]
    [InlineData("\"X Flow: acquire\"", "the header name contains 'space'")]
    [InlineData("\"X-Flow/1: acquire\"", "the header name contains '/'")]
    [InlineData("\"X-Flow: acquire\\r\\nX-Injected: yes\"", "contains CR, LF or NUL")]
    [InlineData("(string)null", "the header text is null")]
    public void InvalidStaticHeaderOnAMethod_ReportsTG0010_OnTheHeaderArgument(string argument, string reason)
    {
        var run = Run($$"""
            [TokenApi]
            public partial interface IApi
            {
                [Get("/ping")]
                [Headers("Accept: application/json", {{argument}})]
                Task PingAsync(CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0010", argument, "on 'PingAsync'", reason);
        AssertNoClient(run);
    }

    [Fact]
    public void InvalidStaticHeaderOnTheInterface_ReportsTG0010_OnTheHeaderArgument()
    {
        var run = Run("""
            [TokenApi]
            [Headers("User-Agent TokenGen")]
            public partial interface IApi
            {
                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0010", "\"User-Agent TokenGen\"", "'User-Agent TokenGen'", "on 'IApi'", "write a static header as");
        AssertNoClient(run);
    }

    [Theory]
    [InlineData("Header(\"X Request Id\")", "'X Request Id'", "the header name contains 'space'")]
    [InlineData("Header(\"\")", "''", "the header name is empty")]
    [InlineData("Header(\"X-Id:\")", "'X-Id:'", "the header name contains ':'")]
    public void InvalidHeaderParameterName_ReportsTG0010_OnTheHeaderAttribute(string attribute, string quotedName, string reason)
    {
        var run = Run($$"""
            [TokenApi]
            public partial interface IApi
            {
                [Get("/ping")]
                Task PingAsync([{{attribute}}] string requestId, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0010", attribute, quotedName, "on 'PingAsync'", reason);
        AssertNoClient(run);
    }

    [Fact]
    public void HeadersWithANullArray_SendsNoHeader_AndReportsNothing()
    {
        // HeadersAttribute reads a null array as no headers; the generator used to throw on it (CS8785) instead.
        var run = Run("""
            [TokenApi]
            public partial interface IApi
            {
                [Get("/ping")]
                [Headers(null)]
                Task PingAsync(CancellationToken cancellationToken);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(HintName, run.GeneratedSources.Keys);
    }

    // ---- TG0011 ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("api.example.com")]
    [InlineData("/v1")]
    [InlineData("")]
    [InlineData("ftp://files.example.com")]
    [InlineData("wss://stream.example.com")]
    public void BaseAddressThatIsNoAbsoluteHttpUri_ReportsTG0011_OnTheBaseAddressArgument(string baseAddress)
    {
        var run = Run($$"""
            [TokenApi(BaseAddress = "{{baseAddress}}")]
            public partial interface IApi
            {
                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0011", "\"" + baseAddress + "\"", "BaseAddress '" + baseAddress + "'", "'IApi'");
        AssertNoClient(run);
    }

    // ---- TG0012 ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("[Body] TokenRequest request")]
    [InlineData("[Body(BodyEncoding.FormUrlEncoded)] TokenRequest request")]
    [InlineData("[Form(\"client_id\")] string request")]
    public void BodyOnGet_ReportsTG0012_OnTheMethodName(string parameter)
    {
        var run = Run($$"""
            [TokenApi(SerializerContext = typeof(Ctx))]
            public partial interface IApi
            {
                [Get("/token")]
                Task<Token> GetAsync({{parameter}}, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0012", "GetAsync", "'GetAsync'", "'request'");
        AssertNoClient(run);
    }

    // ---- TG0013 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void GenericMethod_ReportsTG0013_OnTheMethodName()
    {
        var run = Run("""
            [TokenApi]
            public partial interface IApi
            {
                [Get("/ping")]
                Task PingAsync<TMarker>(CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0013", "PingAsync", "'PingAsync'", "'IApi'");
        AssertNoClient(run);
    }

    // ---- TG0014 ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("string Tenant { get; }", "Tenant")]
    [InlineData("event EventHandler? TokenRefreshed;", "TokenRefreshed")]
    [InlineData("string this[int index] { get; }", "this")]
    public void PropertyOrEvent_ReportsTG0014_OnTheMemberName(string member, string name)
    {
        var run = Run($$"""
            [TokenApi]
            public partial interface IApi
            {
                {{member}}

                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);
            }
            """);

        var diagnostic = AssertSingleError(run, "TG0014", name, "of token API 'IApi'");
        Assert.StartsWith("'" + (name == "this" ? "this[]" : name) + "'", Message(diagnostic), StringComparison.Ordinal);
        AssertNoClient(run);
    }

    // ---- TG0015 ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Task<Token> GetAsync(CancellationToken cancellationToken)", "Task<Token>", "'Contoso.Token'")]
    [InlineData("Task<ApiResponse<Token>> GetAsync(CancellationToken cancellationToken)", "Task<ApiResponse<Token>>", "'Contoso.Token'")]
    [InlineData("Task GetAsync([Body] TokenRequest request, CancellationToken cancellationToken)", "request", "'Contoso.TokenRequest'")]
    public void JsonWithoutSerializerContext_ReportsTG0015_OnTheReturnTypeOrBodyParameter(string signature, string expectedLocation, string quotedType)
    {
        var run = Run($$"""
            [TokenApi(BaseAddress = "https://api.example.com")]
            public partial interface IApi
            {
                [Post("/token")]
                {{signature}};
            }
            """);

        AssertSingleError(run, "TG0015", expectedLocation, "'GetAsync'", quotedType, "'IApi'");
        AssertNoClient(run);
    }

    // ---- TG0016 ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("https://api.example.com/token", "cannot be an absolute URI")]
    [InlineData("/token#section", "cannot carry a fragment")]
    [InlineData("/to ken", "cannot contain whitespace or control characters")]
    [InlineData("/tokens/id}", "'}' at position 10 closes no placeholder")]
    [InlineData("/tokens/{id", "the placeholder opened at position 8 is never closed")]
    [InlineData("/tokens/{}", "'{}' is not a placeholder name")]
    [InlineData("/tokens/{token-id}", "'{token-id}' is not a placeholder name")]
    [InlineData("/tokens?id={id}", "placeholder '{id}' stands in the query part")]
    public void InvalidRouteTemplate_ReportsTG0016_OnTheRoute(string route, string reason)
    {
        var run = Run($$"""
            [TokenApi]
            public partial interface IApi
            {
                [Get("{{route}}")]
                Task GetAsync(string id, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0016", "\"" + route + "\"", "Route '" + route + "'", "'GetAsync'", reason);
        AssertNoClient(run);
    }

    [Fact]
    public void TwoParametersClaimingOnePlaceholder_ReportsTG0016_OnTheRoute()
    {
        var run = Run("""
            [TokenApi]
            public partial interface IApi
            {
                [Get("/tokens/{id}")]
                Task GetAsync(string id, [Path("ID")] string other, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0016", "\"/tokens/{id}\"", "'GetAsync'", "more than one parameter binds the placeholder");
        AssertNoClient(run);
    }

    // ---- TG0017 ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("/tokens", "[Query] TokenRequest request", "'request'", "'Contoso.TokenRequest'", "query value")]
    [InlineData("/tokens", "[Header(\"X-Request\")] TokenRequest request", "'request'", "'Contoso.TokenRequest'", "header value")]
    [InlineData("/tokens/{request}", "TokenRequest request", "'request'", "'Contoso.TokenRequest'", "route value")]
    [InlineData("/tokens/{id}", "[Path(\"id\")] TokenRequest request", "'request'", "'Contoso.TokenRequest'", "route value")]
    [InlineData("/tokens/{request}", "string[] request", "'request'", "'string[]'", "route value")]
    [InlineData("/tokens", "[Form(\"request\")] TokenRequest request", "'request'", "'Contoso.TokenRequest'", "form field value")]
    [InlineData("/tokens", "[Body(BodyEncoding.FormUrlEncoded)] FormWithNestedModel request", "'FormWithNestedModel.Client'", "'Contoso.TokenRequest?'", "form field value")]
    [InlineData("/tokens", "[Body(BodyEncoding.Multipart)] FormWithNestedModel request", "'FormWithNestedModel.Client'", "'Contoso.TokenRequest?'", "form field value")]
    public void ValueThatCannotBeSentAsText_ReportsTG0017_OnTheParameterName(string route, string parameter, string quotedSubject, string quotedType, string placement)
    {
        var run = Run($$"""
            public sealed class FormWithNestedModel
            {
                public string? Scope { get; set; }
                public TokenRequest? Client { get; set; }
            }

            [TokenApi]
            public partial interface IApi
            {
                [Put("{{route}}")]
                Task PutAsync({{parameter}}, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0017", "request", quotedSubject, "'PutAsync'", quotedType, "as a " + placement);
        AssertNoClient(run);
    }

    // ---- TG0018 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void NestedInterface_ReportsTG0018_OnTheInterfaceName()
    {
        var run = Run("""
            public static partial class Outer
            {
                [TokenApi]
                public partial interface IApi
                {
                    [Get("/ping")]
                    Task PingAsync(CancellationToken cancellationToken);
                }
            }
            """);

        AssertSingleError(run, "TG0018", "IApi", "'IApi'", "it is nested in another type");
        AssertNoClient(run);
    }

    [Fact]
    public void StaticAbstractMember_ReportsTG0018_OnTheMemberName()
    {
        var run = Run("""
            [TokenApi]
            public partial interface IApi
            {
                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);

                static abstract IApi Make();
            }
            """);

        AssertSingleError(run, "TG0018", "Make", "'IApi'", "static abstract");
        AssertNoClient(run);
    }

    [Fact]
    public void GenericInterface_ReportsTG0018_OnTheInterfaceName()
    {
        var run = Run("""
            [TokenApi]
            public partial interface IApi<TTenant>
            {
                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0018", "IApi", "'IApi'", "it is generic");
        AssertNoClient(run);
    }

    // ---- TG0019 ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("ref string id")]
    [InlineData("out string id")]
    [InlineData("in int id")]
    public void RefOutOrInParameter_ReportsTG0019_OnTheParameterName(string parameter)
    {
        var run = Run($$"""
            [TokenApi]
            public partial interface IApi
            {
                [Delete("/tokens")]
                Task RevokeAsync({{parameter}}, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0019", "id", "Parameter 'id'", "'RevokeAsync'", "ref, out and in parameters cannot be sent");
        AssertNoClient(run);
    }

    [Fact]
    public void RefParameterNamedLikeAPlaceholder_ReportsOnlyTG0019_NotTG0003()
    {
        var run = Run("""
            [TokenApi]
            public partial interface IApi
            {
                [Delete("/tokens/{id}")]
                Task RevokeAsync(ref string id, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0019", "id", "Parameter 'id'", "'RevokeAsync'", "ref, out and in parameters cannot be sent");
        AssertNoClient(run);
    }

    [Theory]
    [InlineData("[Query, Header(\"X-Id\")] string id")]
    [InlineData("[Path, Query(\"id\")] string id")]
    [InlineData("[Body, Form] string id")]
    public void ParameterWithTwoBindingAttributes_ReportsTG0019_OnTheParameterName(string parameter)
    {
        var run = Run($$"""
            [TokenApi]
            public partial interface IApi
            {
                [Post("/tokens/{id}")]
                Task CreateAsync({{parameter}}, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0019", "id", "Parameter 'id'", "'CreateAsync'", "it carries more than one of [Body], [Header], [Query], [Path] and [Form]");
        AssertNoClient(run);
    }

    [Theory]
    [InlineData("[Path] string id", "'{id}'")]
    [InlineData("[Path(\"tokenId\")] string id", "'{tokenId}'")]
    public void PathParameterWithoutPlaceholder_ReportsTG0019_OnTheParameterName(string parameter, string quotedPlaceholder)
    {
        var run = Run($$"""
            [TokenApi]
            public partial interface IApi
            {
                [Delete("/tokens")]
                Task RevokeAsync({{parameter}}, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0019", "id", "Parameter 'id'", "'RevokeAsync'", "the route has no placeholder " + quotedPlaceholder);
        AssertNoClient(run);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("application/")]
    [InlineData("/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=utf-8")]
    [InlineData("application/vnd/api+json")]
    [InlineData("application/json\\r\\nX-Injected: yes")]
    public void BodyContentTypeThatIsNoMediaType_ReportsTG0019_OnTheContentTypeArgument(string contentType)
    {
        var run = Run($$"""
            [TokenApi(SerializerContext = typeof(Ctx))]
            public partial interface IApi
            {
                [Post("/tokens")]
                Task<Token> CreateAsync([Body(ContentType = "{{contentType}}")] TokenRequest request, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0019", "\"" + contentType + "\"", "Parameter 'request'", "'CreateAsync'", "is not a media type");
        AssertNoClient(run);
    }

    // ---- TG0045 ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("[Get(\"/token\")][Post(\"/token\")]", "Post(\"/token\")", "[Get]", "[Post]")]
    [InlineData("[Post(\"/token\")]\n    [Delete(\"/token\")]", "Delete(\"/token\")", "[Post]", "[Delete]")]
    [InlineData("[Put(\"/token\"), Patch]", "Patch", "[Put]", "[Patch]")]
    public void TwoHttpMethodAttributes_ReportTG0045_OnTheSecond(string attributes, string located, string first, string second)
    {
        var run = Run($$"""
            [TokenApi]
            public partial interface IApi
            {
                {{attributes}}
                Task SendAsync(CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0045", located, "'SendAsync'", "'IApi'", first, second);
        AssertNoClient(run);
    }

    // ---- TG0046 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void SerializerContextWithoutPartial_ReportsTG0046_OnTheTypeofArgument()
    {
        var run = Run("""
            [JsonSerializable(typeof(Token))]
            public class PlainCtx : JsonSerializerContext
            {
            }

            [TokenApi(SerializerContext = typeof(PlainCtx))]
            public partial interface IApi
            {
                [Post("/token")]
                Task<Token> AcquireAsync(CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0046", "typeof(PlainCtx)", "'Contoso.PlainCtx'", "'IApi'", "not partial");
        AssertNoClient(run);
    }

    [Fact]
    public void SerializerContextInsideATypeWithoutPartial_ReportsTG0046()
    {
        var run = Run("""
            public static class Holder
            {
                [JsonSerializable(typeof(Token))]
                public partial class InnerCtx : JsonSerializerContext
                {
                }
            }

            [TokenApi(SerializerContext = typeof(Holder.InnerCtx))]
            public partial interface IApi
            {
                [Post("/token")]
                Task<Token> AcquireAsync(CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0046", "typeof(Holder.InnerCtx)", "'Contoso.Holder.InnerCtx'");
        AssertNoClient(run);
    }

    [Fact]
    public void PartialSerializerContextInsidePartialType_ReportsNothing()
    {
        var run = Run("""
            public static partial class Holder
            {
                [JsonSerializable(typeof(Token))]
                public partial class InnerCtx : JsonSerializerContext
                {
                }
            }

            [TokenApi(SerializerContext = typeof(Holder.InnerCtx))]
            public partial interface IApi
            {
                [Post("/token")]
                Task<Token> AcquireAsync(CancellationToken cancellationToken);
            }
            """);

        Assert.Empty(TokenGenDiagnostics(run));
        Assert.Contains(HintName, run.GeneratedSources.Keys);
    }

    // ---- TG0047 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void FileLocalInterface_ReportsTG0047_OnTheInterfaceName()
    {
        var run = Run("""
            [TokenApi]
            file partial interface IApi
            {
                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0047", "IApi", "'IApi'", "'file'", "'internal'");
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void FileLocalSerializerContext_ReportsTG0047_OnTheTypeofArgument()
    {
        var run = Run("""
            [JsonSerializable(typeof(Token))]
            file partial class FileCtx : JsonSerializerContext
            {
            }

            [TokenApi(SerializerContext = typeof(FileCtx))]
            internal partial interface IApi
            {
                [Post("/token")]
                Task<Token> AcquireAsync(CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0047", "typeof(FileCtx)", "'FileCtx'");
        AssertNoClient(run);
    }

    // ---- TG0048 ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("byte[]?", "FormUrlEncoded", "form-urlencoded", "binary content")]
    [InlineData("byte[]?", "Multipart", "multipart", "binary content")]
    [InlineData("ReadOnlyMemory<byte>", "Multipart", "multipart", "binary content")]
    [InlineData("Memory<byte>?", "FormUrlEncoded", "form-urlencoded", "binary content")]
    [InlineData("System.IO.Stream?", "Multipart", "multipart", "binary content")]
    [InlineData("System.IO.MemoryStream?", "Multipart", "multipart", "binary content")]
    [InlineData("List<byte[]>?", "Multipart", "multipart", "binary content")]
    [InlineData("Dictionary<string, string>?", "FormUrlEncoded", "form-urlencoded", "a dictionary")]
    [InlineData("IDictionary<string, string>?", "Multipart", "multipart", "a dictionary")]
    [InlineData("IReadOnlyDictionary<string, int>?", "FormUrlEncoded", "form-urlencoded", "a dictionary")]
    [InlineData("System.Collections.Hashtable?", "FormUrlEncoded", "form-urlencoded", "a dictionary")]
    public void FormModelMemberThatIsNoField_ReportsTG0048_OnTheMember(string memberType, string encoding, string encodingText, string reason)
    {
        var run = Run($$"""
            public sealed class UploadForm
            {
                public string? Name { get; set; }
                public {{memberType}} Content { get; set; }
            }

            [TokenApi]
            public partial interface IApi
            {
                [Post("/upload")]
                Task UploadAsync([Body(BodyEncoding.{{encoding}})] UploadForm form, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0048", "Content", "'UploadForm.Content'", "'UploadAsync'", "a " + encodingText + " body", reason);
        AssertNoClient(run);
    }

    [Theory]
    [InlineData("byte[]", "binary content")]
    [InlineData("Dictionary<string, string>", "a dictionary")]
    public void FormParameterThatIsNoField_ReportsTG0048_OnTheParameter(string parameterType, string reason)
    {
        var run = Run($$"""
            [TokenApi]
            public partial interface IApi
            {
                [Post("/upload")]
                Task UploadAsync([Form("content")] {{parameterType}} content, CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0048", "content", "'content'", "'UploadAsync'", "form-urlencoded", reason);
        AssertNoClient(run);
    }

    [Fact]
    public void FormModelWithACollectionOfNumbers_IsStillAField()
    {
        // The neighbour that must keep working: an int[] or List<byte?>-free collection of simple values is a repeated field.
        var run = Run("""
            public sealed class ScopeForm
            {
                public int[]? Ids { get; set; }
                public List<string>? Scopes { get; set; }
            }

            [TokenApi]
            public partial interface IApi
            {
                [Post("/scopes")]
                Task SetAsync([Body(BodyEncoding.FormUrlEncoded)] ScopeForm form, CancellationToken cancellationToken);
            }
            """);

        Assert.Empty(TokenGenDiagnostics(run));
        Assert.Contains(HintName, run.GeneratedSources.Keys);
    }

    // ---- TG0023 reaches records inside collections ----------------------------------------------------------------

    [Theory]
    [InlineData("List<Grant>")]
    [InlineData("Grant[]")]
    [InlineData("IReadOnlyList<Grant>")]
    [InlineData("Dictionary<string, Grant>")]
    [InlineData("List<Grant[]>")]
    public void RecordWithSecretsInsideACollection_ReportsTG0023_OnTheRecord(string collection)
    {
        var run = Run($$"""
            public sealed record Grant(string Scope, string RefreshToken);

            public sealed class Grants
            {
                public {{collection}}? Items { get; set; }
            }

            [JsonSerializable(typeof(Grants))]
            public partial class GrantCtx : JsonSerializerContext
            {
            }

            [TokenApi(SerializerContext = typeof(GrantCtx))]
            public partial interface IApi
            {
                [Get("/grants")]
                Task<Grants> ListAsync(CancellationToken cancellationToken);
            }
            """);

        var diagnostic = Assert.Single(TokenGenDiagnostics(run));
        Assert.Equal("TG0023", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("Grant", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("'Contoso.Grant'", Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains(HintName, run.GeneratedSources.Keys); // a warning: the client is still generated
    }

    [Fact]
    public void PartialRecordWithSecretsInsideAList_GetsARedactingToString()
    {
        var run = Run("""
            public sealed partial record Grant(string Scope, string RefreshToken);

            [JsonSerializable(typeof(List<Grant>))]
            public partial class GrantCtx : JsonSerializerContext
            {
            }

            [TokenApi(SerializerContext = typeof(GrantCtx))]
            public partial interface IApi
            {
                [Get("/grants")]
                Task<List<Grant>> ListAsync(CancellationToken cancellationToken);
            }
            """);

        Assert.Empty(TokenGenDiagnostics(run));
        Assert.Contains("Redacted.Contoso.Grant.g.cs", run.GeneratedSources.Keys);
    }

    // ---- members the interface implements itself are not operations ----------------------------------------------

    [Fact]
    public void MembersWithBodies_AreNotOperations_AndNeedNoHttpAttribute()
    {
        var run = Run("""
            public interface IRevoke
            {
                Task RevokeAsync(string token, CancellationToken cancellationToken);

                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);

                string Realm { get; }
            }

            [TokenApi]
            public partial interface IApi : IRevoke
            {
                string IRevoke.Realm => "tokens";

                [Post("/revoke")]
                Task RevokeNowAsync([Form("token")] string token, CancellationToken cancellationToken);

                // The derived interface implements the inherited method itself: the client inherits that body.
                Task IRevoke.RevokeAsync(string token, CancellationToken cancellationToken) => RevokeNowAsync(token, cancellationToken);

                Task RevokeTwiceAsync(string token) => RevokeNowAsync(token, CancellationToken.None);

                static string Describe() => "token API";

                string Name => "api";

                event EventHandler? Changed { add { } remove { } }
            }
            """);

        Assert.Empty(TokenGenDiagnostics(run));
        var client = run.GeneratedSources[HintName];
        Assert.Contains("RevokeNowAsync", client, StringComparison.Ordinal);
        Assert.Contains("PingAsync", client, StringComparison.Ordinal);
        Assert.DoesNotContain("RevokeTwiceAsync", client, StringComparison.Ordinal);
        Assert.DoesNotContain("Describe", client, StringComparison.Ordinal);
        Assert.DoesNotContain(" RevokeAsync(", client, StringComparison.Ordinal);
    }

    [Fact]
    public void InheritedMethodLeftAbstract_StillReportsTG0002()
    {
        var run = Run("""
            public interface IRevoke
            {
                Task RevokeAsync(string token, CancellationToken cancellationToken);
            }

            [TokenApi]
            public partial interface IApi : IRevoke
            {
                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);
            }
            """);

        AssertSingleError(run, "TG0002", "RevokeAsync", "'RevokeAsync'", "'IApi'");
        AssertNoClient(run);
    }

    // ---- every descriptor links to its page -----------------------------------------------------------------------

    [Fact]
    public void EveryDescriptor_HasAHelpLinkToItsSectionOfTheDiagnosticsPage()
    {
        var descriptors = typeof(TokenApiGenerator).Assembly
            .GetType("TokenGen.Generator.Diagnostics.DiagnosticDescriptors", throwOnError: true)!
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .ToArray();
        var page = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));

        Assert.True(descriptors.Length >= 27, "the descriptors are found by reflection");
        foreach (var descriptor in descriptors)
        {
            var anchor = descriptor.Id.ToLowerInvariant();
            Assert.Equal("https://github.com/tokengen/tokengen/blob/main/docs/diagnostics.md#" + anchor, descriptor.HelpLinkUri);
            Assert.Contains($"<a id=\"{anchor}\"></a>\n## {descriptor.Id}: {descriptor.Title}", page.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReportedDiagnostics_CarryTheHelpLink()
    {
        var run = Run("""
            [TokenApi]
            public partial interface IApi
            {
                [Get("/a")][Post("/a")]
                Task SendAsync(CancellationToken cancellationToken);
            }
            """);

        Assert.Equal("https://github.com/tokengen/tokengen/blob/main/docs/diagnostics.md#tg0045", Assert.Single(TokenGenDiagnostics(run)).Descriptor.HelpLinkUri);
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new System.IO.DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "TokenGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TokenGen.sln not found above " + AppContext.BaseDirectory);
    }

    // ---- a valid interface ----------------------------------------------------------------------------------------

    [Fact]
    public void ValidInterface_ReportsNoDiagnostic_AndGeneratesTheClient()
    {
        var run = Run("""
            [TokenApi(BaseAddress = "https://api.example.com/api", SerializerContext = typeof(Ctx))]
            [Headers("User-Agent: TokenGen", "Accept: application/json")]
            public partial interface IApi
            {
                [Post("/v1/tenants/{Tenant}/token")]
                [Headers("X-Flow: acquire")]
                Task<Token> AcquireAsync(
                    CancellationToken cancellationToken,
                    string tenant,
                    [Body(ContentType = "application/vnd.api+json")] TokenRequest request,
                    [Header("Authorization")] string authorization,
                    [Query("scope")] string[]? scopes = null,
                    int? version = null);

                [Post("/oauth/token")]
                Task<ApiResponse<Token>> ExchangeAsync([Form("grant_type")] string grantType, [Form("code")] string? code);

                [Delete("/v1/tokens/{id}")]
                Task RevokeAsync([Path("id")] Guid tokenId);

                [Get("/v1/raw")]
                Task<string> GetRawAsync();

                [Get("/v1/raw")]
                Task<HttpResponseMessage> GetResponseAsync();

                [Get("/v1/claims")]
                Task<JsonElement> GetClaimsAsync();
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(HintName, run.GeneratedSources.Keys);
        Assert.Contains("class " + ClientName, run.GeneratedSources[HintName], StringComparison.Ordinal);
    }

    [Fact]
    public void FreeFormJsonWithoutSerializerContext_ReportsNoDiagnostic()
    {
        var run = Run("""
            [TokenApi(BaseAddress = "https://api.example.com")]
            public partial interface IApi
            {
                [Get("/claims")]
                Task<JsonElement> GetClaimsAsync(CancellationToken cancellationToken);

                [Get("/claims")]
                Task<Dictionary<string, JsonElement>> GetClaimMapAsync(CancellationToken cancellationToken);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(HintName, run.GeneratedSources.Keys);
    }

    [Fact]
    public void CollectionInterfaceReturnRegisteredInTheContext_ReportsNothing_AndGeneratesTheClient()
    {
        var run = Run("""
            [JsonSerializable(typeof(IReadOnlyList<Token>))]
            public partial class ListCtx : JsonSerializerContext
            {
            }

            [TokenApi(SerializerContext = typeof(ListCtx))]
            public partial interface IApi
            {
                [Get("/tokens")]
                Task<IReadOnlyList<Token>> ListAsync(CancellationToken cancellationToken);
            }
            """);

        Assert.Empty(TokenGenDiagnostics(run));
        Assert.Contains("s_iReadOnlyListOfTokenTypeInfo", run.GeneratedSources[HintName], StringComparison.Ordinal);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /// <summary>Runs the generator over <paramref name="api"/> in namespace <c>Contoso</c>, next to shared models.</summary>
    // ---- TG0020 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void TwoAccessTokensInOneResponse_ReportsTG0020_OnTheSecond()
    {
        var run = Run(RoleApi("""
            public sealed class RoleToken
            {
                [AccessToken] public string? Token { get; set; }
                [AccessToken] public string? IdToken { get; set; }
            }
            """));

        AssertSingleError(
            run, "TG0020", "IdToken", "'Contoso.RoleToken'", "[AccessToken]", "'RoleToken.Token'", "'RoleToken.IdToken'",
            "keep [AccessToken] on the one member that carries it, a property or field of type string, and remove it from the other");
        AssertNoClient(run);
    }

    [Fact]
    public void SameRoleAtTwoDepthsOfTheGraph_ReportsTG0020_WithBothPaths()
    {
        var run = Run(RoleApi("""
            public sealed class RoleToken
            {
                [ExpiresIn] public int ExpiresIn { get; set; }
                [AccessToken] public string? Token { get; set; }
                public RoleInner? Data { get; set; }
            }

            public sealed class RoleInner
            {
                [ExpiresIn] public long Lifetime { get; set; }
            }
            """));

        AssertSingleError(
            run, "TG0020", "Lifetime", "[ExpiresIn]", "'RoleToken.ExpiresIn'", "'RoleToken.Data.Lifetime'",
            "a property or field of " + ExpiresInTypes, "remove it from the other");
        AssertNoClient(run);
    }

    // ---- TG0021 ---------------------------------------------------------------------------------------------------

    /// <summary>The types TG0020 and TG0021 name for <c>[ExpiresIn]</c>.</summary>
    private const string ExpiresInTypes = "type int, long, short, sbyte, byte, ushort, uint, ulong, double, float, decimal or string, nullable or not";

    /// <summary>The types TG0020 and TG0021 name for <c>[ExpiresAt]</c>.</summary>
    private const string ExpiresAtTypes = "type DateTimeOffset, DateTime, int, long, short, sbyte, byte, ushort, uint, ulong, double, float, decimal or string, nullable or not";

    [Theory]
    [InlineData("[AccessToken] public int Token { get; set; }", "Token", "[AccessToken]", "type string, but", "'int'")]
    [InlineData("[RefreshToken] public byte[]? Token { get; set; }", "Token", "[RefreshToken]", "type string, but", "'byte[]?'")]
    [InlineData("[ExpiresIn] public TimeSpan Seconds { get; set; }", "Seconds", "[ExpiresIn]", ExpiresInTypes, "'System.TimeSpan'")]
    [InlineData("[ExpiresIn] public bool Seconds { get; set; }", "Seconds", "[ExpiresIn]", ExpiresInTypes, "'bool'")]
    [InlineData("[ExpiresIn] public DateTimeOffset Seconds { get; set; }", "Seconds", "[ExpiresIn]", ExpiresInTypes, "'System.DateTimeOffset'")]
    [InlineData("[ExpiresAt] public Guid When { get; set; }", "When", "[ExpiresAt]", ExpiresAtTypes, "'System.Guid'")]
    [InlineData("[ExpiresAt] public TimeSpan? When { get; set; }", "When", "[ExpiresAt]", ExpiresAtTypes, "'System.TimeSpan?'")]
    [InlineData("[ExpiresAt] public bool When { get; set; }", "When", "[ExpiresAt]", ExpiresAtTypes, "'bool'")]
    [InlineData("[ExpiresAt] public char When { get; set; }", "When", "[ExpiresAt]", ExpiresAtTypes, "'char'")]
    public void RoleOnAMemberOfTheWrongType_ReportsTG0021_NamingTheAcceptedTypes(string member, string located, string role, string accepted, string actual)
    {
        // The valid access token comes first, so the member under test is the only problem.
        var run = Run(RoleApi($$"""
            public sealed class RoleToken
            {
                [AccessToken] public string? Access { get; set; }
                {{member}}
            }
            """));

        AssertSingleError(
            run, "TG0021", located, "'RoleToken." + located + "'", role, "property or field of " + accepted, "but it is " + actual,
            "; declare it as one of these types");
        AssertNoClient(run);
    }

    [Fact]
    public void TG0021OnALifetime_SaysWhatItsNumbersAndStringsMean()
    {
        var run = Run(RoleApi("""
            public sealed class RoleToken
            {
                [AccessToken] public string? Access { get; set; }
                [ExpiresAt] public bool When { get; set; }
            }
            """));

        AssertSingleError(
            run, "TG0021", "When",
            "a number is a Unix time in seconds, or in milliseconds from 10^11; a string holds such a number or an ISO 8601 date");
    }

    [Theory]
    [InlineData("[AccessToken] internal string? Token { get; set; }", "not public")]
    [InlineData("[AccessToken] public string? Token { private get; set; }", "not publicly readable")]
    [InlineData("[AccessToken] public static string? Token { get; set; }", "static")]
    public void RoleOnAMemberTheSerializerDoesNotRead_ReportsTG0021(string member, string kind)
    {
        var run = Run(RoleApi($$"""
            public sealed class RoleToken
            {
                {{member}}
            }
            """));

        AssertSingleError(
            run, "TG0021", "Token", "'RoleToken.Token'", "[AccessToken]", "'string?', " + kind,
            "; make it a public instance property with a public getter, or a public instance field");
        AssertNoClient(run);
    }

    [Fact]
    public void RoleOnAMemberNeitherReadNorOfAnAcceptedType_ReportsTG0021_WithBothFixes()
    {
        var run = Run(RoleApi("""
            public sealed class RoleToken
            {
                [AccessToken] public string? Access { get; set; }
                [ExpiresIn] internal TimeSpan Lifetime { get; set; }
            }
            """));

        AssertSingleError(
            run, "TG0021", "Lifetime", "'System.TimeSpan', not public",
            "; make it a public instance property with a public getter, or a public instance field, of one of these types");
    }

    [Fact]
    public void ResponseWithOnlyValidRoles_GetsAClientWithARegisteredReader()
    {
        var run = Run(RoleApi("""
            public sealed class RoleToken
            {
                [AccessToken] public string? Access { get; set; }
                [ExpiresAt] public DateTime? When { get; set; }
                [ExpiresIn] public uint Seconds { get; set; }
            }
            """));

        Assert.Empty(TokenGenDiagnostics(run));
        var source = run.GeneratedSources[HintName];
        Assert.Contains("TokenResponseReaders.Register<global::Contoso.RoleToken>(ReadRoleTokenToken);", source, StringComparison.Ordinal);
        Assert.Contains("accessToken: response?.Access,", source, StringComparison.Ordinal);
        Assert.Contains("expiresInSeconds: response?.Seconds,", source, StringComparison.Ordinal);
        Assert.Contains("expiresAt: global::TokenGen.TokenResponseValues.ToInstant(response?.When));", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("string?", "string?", "ToSeconds(response?.In)", "ToInstant(response?.At)")]
    [InlineData("long", "long", "response?.In", "FromUnixTime(response?.At)")]
    [InlineData("int?", "int?", "response?.In", "FromUnixTime(response?.At)")]
    [InlineData("sbyte", "byte", "response?.In", "FromUnixTime(response?.At)")]
    [InlineData("ushort?", "uint", "response?.In", "FromUnixTime(response?.At)")]
    [InlineData("ulong", "ulong?", "ToSeconds(response?.In)", "FromUnixTime(response?.At)")]
    [InlineData("double", "double?", "ToSeconds(response?.In)", "FromUnixTime(response?.At)")]
    [InlineData("float?", "float", "ToSeconds(response?.In)", "FromUnixTime(response?.At)")]
    [InlineData("decimal", "decimal?", "ToSeconds(response?.In)", "FromUnixTime(response?.At)")]
    [InlineData("short", "DateTimeOffset", "response?.In", "response?.At")]
    public void LifetimesAsServicesSendThem_AreAcceptedAndTheReaderCompiles(string expiresIn, string expiresAt, string readsIn, string readsAt)
    {
        var run = Run(RoleApi($$"""
            public sealed class RoleToken
            {
                [AccessToken] public string? Access { get; set; }
                [ExpiresIn] public {{expiresIn}} In { get; set; }
                [ExpiresAt] public {{expiresAt}} At { get; set; }
            }
            """));

        Assert.Empty(TokenGenDiagnostics(run));
        var source = run.GeneratedSources[HintName];
        Assert.Contains("expiresInSeconds: " + Qualified(readsIn) + ",", source, StringComparison.Ordinal);
        Assert.Contains("expiresAt: " + Qualified(readsAt) + ");", source, StringComparison.Ordinal);

        // Every overload the reader calls resolves, without ambiguity, for each type. The JSON context's own errors are
        // expected, because the System.Text.Json generator does not run here: abstract members, no base constructor, and
        // no Default instance for the client to use.
        Assert.DoesNotContain(
            run.CompilationDiagnostics,
            d => d.Id is not ("CS0534" or "CS7036") && !(d.Id == "CS0117" && Message(d).Contains("'Default'", StringComparison.Ordinal)));

        static string Qualified(string read) => read.StartsWith("response", StringComparison.Ordinal) ? read : "global::TokenGen.TokenResponseValues." + read;
    }

    /// <summary>A token API whose one operation returns <c>RoleToken</c>, declared by <paramref name="models"/>, from its own context.</summary>
    private static string RoleApi(string models) => models + """


        [JsonSerializable(typeof(RoleToken))]
        public partial class RoleCtx : JsonSerializerContext
        {
        }

        [TokenApi(SerializerContext = typeof(RoleCtx))]
        public partial interface IApi
        {
            [Post("/token")]
            Task<RoleToken> AcquireAsync(CancellationToken cancellationToken);
        }
        """;

    private static GeneratorRun Run(string api)
    {
        var source = $$"""
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using System.Threading;
            using System.Threading.Tasks;
            using TokenGen;

            namespace Contoso;

            public sealed class Token
            {
                public string? AccessToken { get; set; }
            }

            public sealed class TokenRequest
            {
                public string? ClientId { get; set; }
            }

            public sealed class Unregistered
            {
                public string? Value { get; set; }
            }

            [JsonSerializable(typeof(Token))]
            [JsonSerializable(typeof(TokenRequest))]
            public partial class Ctx : JsonSerializerContext
            {
            }

            {{api}}
            """;

        var run = GeneratorHarness.Run(source);

        // The test source itself must be valid C#, so a diagnostic cannot come from a typo. The JSON context does not
        // compile without the System.Text.Json generator, which does not run here (CS0534: abstract members; CS7036:
        // no parameterless base constructor); that is fine for diagnostics.
        var inputErrors = run.Input.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id is not ("CS0534" or "CS7036"))
            .ToList();
        Assert.Empty(inputErrors);

        // A generator that throws shows up as warning CS8785 rather than failing.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => !d.Id.StartsWith("TG", StringComparison.Ordinal));
        return run;
    }

    private static Diagnostic[] TokenGenDiagnostics(GeneratorRun run) =>
        run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("TG", StringComparison.Ordinal)).ToArray();

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>
    /// Asserts that <paramref name="run"/> reported exactly one TokenGen diagnostic, <paramref name="id"/>, as an error
    /// located in source on exactly <paramref name="locatedText"/>, with a message containing each of
    /// <paramref name="messageParts"/>.
    /// </summary>
    private static Diagnostic AssertSingleError(GeneratorRun run, string id, string locatedText, params string[] messageParts)
    {
        var ids = TokenGenDiagnostics(run).Select(d => d.Id).ToArray();
        Assert.Equal(new[] { id }, ids);

        var diagnostic = run.GeneratorDiagnostics.Single();
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.False(diagnostic.IsSuppressed);
        Assert.True(diagnostic.Location.IsInSource, "the diagnostic has no source location");
        Assert.Equal("Source0.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(locatedText, diagnostic.Location.SourceTree.GetText().ToString(diagnostic.Location.SourceSpan));

        var message = Message(diagnostic);
        foreach (var part in messageParts)
        {
            Assert.Contains(part, message, StringComparison.Ordinal);
        }

        return diagnostic;
    }

    /// <summary>Asserts that no client was generated for <c>Contoso.IApi</c>.</summary>
    private static void AssertNoClient(GeneratorRun run)
    {
        Assert.DoesNotContain(HintName, run.GeneratedSources.Keys);
        Assert.DoesNotContain(run.GeneratedSources.Values, text => text.Contains(ClientName, StringComparison.Ordinal));
    }
}
