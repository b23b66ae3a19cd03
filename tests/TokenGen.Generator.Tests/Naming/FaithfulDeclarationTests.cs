using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace TokenGen.Generator.Tests.Naming;

/// <summary>
/// Declarations a user may write whose generated client must compile with zero errors and zero warnings, nullable on,
/// XML documentation checked, under C# 12 and the latest language: names that collide with what the client declares,
/// and parameters, attributes and types the client must copy faithfully.
/// </summary>
public sealed class FaithfulDeclarationTests
{
    internal const string Preamble = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics.CodeAnalysis;
        using System.Runtime.InteropServices;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenGen;

        namespace Acme.Tokens
        {
            public enum Grant { ClientCredentials, RefreshToken }

            public sealed class TokenResponse
            {
                [AccessToken] public string? AccessToken { get; set; }
            }

            public sealed class Envelope<T>
            {
                public T? Value { get; set; }
                [AccessToken] public string? Token { get; set; }
            }

            [JsonSerializable(typeof(TokenResponse))]
            [JsonSerializable(typeof(Envelope<int>))]
                    [JsonSerializable(typeof(List<TokenResponse>))]
            [JsonSerializable(typeof(List<string>))]
            public sealed partial class TokensContext : JsonSerializerContext;
        }

        """;

    /// <summary>Each declaration by a name that says what it tries.</summary>
    private static readonly Dictionary<string, string> s_declarations = new()
    {
        ["Overloads whose URIs take no argument"] = """
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com", SerializerContext = typeof(TokensContext))]
            public partial interface IApi
            {
                [Get("/token")] Task<TokenResponse> GetTokenAsync();
                [Get("/token")] Task<TokenResponse> GetTokenAsync([Header("X-Tenant")] string tenant);
                [Post("/token")] Task<TokenResponse> GetTokenAsync(CancellationToken cancellationToken);
                [Get("/other")] Task<TokenResponse> GetToken(int? version = null, CancellationToken cancellationToken = default);
                [Get("/other")] Task<TokenResponse> GetToken2Async();
            }
            """,
        ["An interface named record, which a type may be only when written @record"] = """
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com", SerializerContext = typeof(TokensContext))]
            public partial interface @record
            {
                [Get("/token")] Task<TokenResponse> GetTokenAsync(CancellationToken cancellationToken = default);
            }
            """,
        ["A model with a token, whose redacting ToString is written, named record"] = """
            namespace Acme.Records;
            public sealed partial class @record
            {
                [AccessToken] public string? Token { get; set; }
                public string? Name { get; set; }
            }

            [JsonSerializable(typeof(@record))]
            public sealed partial class RecordContext : JsonSerializerContext;

            [TokenApi(BaseAddress = "https://example.com", SerializerContext = typeof(RecordContext))]
            public partial interface IApi
            {
                [Get("/token")] Task<@record> GetTokenAsync(CancellationToken cancellationToken = default);
            }
            """,
        ["Parameters named like keywords and generated locals"] = """
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com", SerializerContext = typeof(TokensContext))]
            public partial interface IApi
            {
                [Post("/token/{await}")] Task<TokenResponse> AcquireAsync(
                    string @await, string httpRequest, string httpResponse, string uri, string deadline, [Header("X-Form")] string form,
                    [Header("X-Multipart")] string? multipart, string? _httpClient, string? s_defaultBaseAddress, string? _timeProvider,
                    string? value, string? response, IEnumerable<string>? httpRequestItem, [Form("x")] string? @class,
                    string? CreateAcquireRequest, string? FormatGrant, Grant grant = Grant.ClientCredentials, CancellationToken cancellationToken = default);
                [Get("/token")] Task<TokenResponse> GetAsync(string? cancellationToken, CancellationToken token = default);
            }
            """,
        ["Operations named like generated members and object members"] = """
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com", SerializerContext = typeof(TokensContext))]
            public partial interface IApi
            {
                [Get("/a")] Task<string> ToString(CancellationToken cancellationToken = default);
                [Get("/b")] Task<string> GetHashCode(CancellationToken cancellationToken = default);
                [Get("/c")] Task<string> GetType(CancellationToken cancellationToken = default);
                [Get("/d")] Task<string> Equals(string? other);
                [Get("/e")] Task<TokenResponse> CreateToStringRequest();
                [Get("/f")] Task<TokenResponse> ReadTokenResponseToken(Grant grant);
                [Get("/g")] Task<TokenResponse> FormatGrant([Query] Grant grant);
                [Get("/h")] Task<TokenResponse> RegisterTokenReaders();
                [Get("/i")] Task<TokenResponse> s_defaultBaseAddress();
                [Get("/j")] Task<TokenResponse> _httpClient();
                [Get("/k")] Task<TokenResponse> s_toStringUri();
                [Get("/l")] Task<TokenResponse> s_envelopeOfInt32TypeInfo();
                [Get("/m")] Task<Envelope<int>> @event();
                [Get("/n")] Task<string> ToString();
                [Get("/o")] Task<string> GetType();
                [Get("/p")] Task<string> ApiClient();
            }
            """,
        ["An interface IApi beside an interface Api"] = """
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IApi
            {
                [Get("/a")] Task<string> GetAsync();
            }
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface Api
            {
                [Get("/b")] Task<string> GetAsync();
            }
            """,
        ["A user type named like the client"] = """
            namespace Acme.Tokens;
            public sealed class ApiClient { }
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IApi
            {
                [Get("/a")] Task<string> GetAsync();
            }
            """,
        ["A TokenApi interface inheriting another"] = """
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IBaseApi
            {
                [Get("/a")] Task<string> GetAsync();
            }
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IDerivedApi : IBaseApi
            {
                [Get("/b")] Task<string> GetMoreAsync();
            }
            """,
        ["Defaults that are not finite or need a suffix"] = """
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IApi
            {
                [Get("/a")] Task<string> GetAsync(
                    double nan = double.NaN, double up = double.PositiveInfinity, float down = float.NegativeInfinity,
                    float fnan = float.NaN, double max = double.MaxValue, double small = double.Epsilon, float tiny = 1e-45f,
                    decimal money = 1.50m, decimal big = decimal.MaxValue, char c = '\'', char nul = '\0', long min = long.MinValue,
                    ulong umax = ulong.MaxValue, int imin = int.MinValue, short s = -3, byte b = 255, sbyte sb = -128,
                    Grant grant = Grant.RefreshToken, Grant? maybe = Grant.ClientCredentials, Grant undeclared = (Grant)42,
                    double? nd = double.NegativeInfinity, string text = "a\"b\\c\n", string? none = null, DateTime when = default,
                    bool flag = true, int? ni = 7, decimal? nm = -0.5m, uint u = 4000000000);
            }
            """,
        ["Optional parameters declared by attribute"] = """
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface IApi
            {
                [Get("/a")] Task<string> GetAsync(
                    [Optional] string? a, [Optional, DefaultParameterValue(5)] int b, [Optional, DefaultParameterValue("x")] string c,
                    [Optional] int d, [Optional, DefaultParameterValue(5)] long e, [Optional] CancellationToken cancellationToken);
            }
            """,
        ["A nullable-disabled file with null defaults"] = """
            #nullable disable
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com", SerializerContext = typeof(TokensContext))]
            public partial interface IApi
            {
                [Get("/a")] Task<string> GetAsync(string s = null, IEnumerable<string> many = null, [Header("X-H")] string h = null);
                [Post("/b")] Task<TokenResponse> PostAsync([Body] TokenResponse body = null, CancellationToken cancellationToken = default);
                [Get("/c")] Task<List<TokenResponse>> ListAsync(string q);
            }
            """,
        ["Obsolete and experimental operations"] = """
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com", SerializerContext = typeof(TokensContext))]
            public partial interface IApi
            {
                [Obsolete] [Get("/a")] Task<string> OldAsync(string q);
                [Obsolete("gone", error: true)] [Get("/b")] Task<TokenResponse> GoneAsync([Query] int? version = null);
                [Experimental("ACME001")] [Get("/c")] Task<string> TryAsync();
            }
            """,
        ["Obsolete and experimental parameter and model types"] = """
            namespace Acme.Tokens
            {
                [Obsolete("old", error: true)] public enum OldGrant { A, B }
                [Experimental("ACME002")] public enum NewGrant { C, D }
                [Obsolete] public enum WarnGrant { E }

                [TokenApi(BaseAddress = "https://example.com")]
                public partial interface IApi
                {
            #pragma warning disable CS0619, ACME002, CS0612
                    [Obsolete("old", error: true)] [Get("/a")] Task<string> OldAsync(OldGrant grant);
                    [Experimental("ACME002")] [Get("/b")] Task<string> NewAsync([Query] NewGrant grant);
                    [Get("/c")] Task<string> WarnAsync(WarnGrant grant);
            #pragma warning restore CS0619, ACME002, CS0612
                }
            }
            """,
        ["A form model whose getter is private"] = """
            namespace Acme.Tokens
            {
                public sealed class Form
                {
                    public string? Sent { get; set; }
                    public string? WriteOnly { private get; set; }
                    public string? InternalGet { internal get; set; }
                }

                [TokenApi(BaseAddress = "https://example.com")]
                public partial interface IApi
                {
                    [Post("/a")] Task<string> PostAsync([Body(BodyEncoding.FormUrlEncoded)] Form form);
                    [Post("/b")] Task<string> UploadAsync([Body(BodyEncoding.Multipart)] Form form);
                }
            }
            """,
        ["Token responses of generic and nullable types under documentation"] = """
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com", SerializerContext = typeof(TokensContext))]
            public partial interface IApi
            {
                [Get("/a")] Task<Envelope<int>> GetAsync();
                [Get("/b")] Task<Envelope<int>?> GetNullableAsync();
                [Get("/c")] Task<ApiResponse<Envelope<int>>> GetApiAsync();
            }
            """,
        ["Types whose nullable annotations differ from their type info's"] = """
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com", SerializerContext = typeof(TokensContext))]
            public partial interface IApi
            {
                [Post("/a")] Task<List<string?>> PostAsync([Body] List<string?> body);
                [Post("/b")] Task<List<string?>?> PostMaybeAsync([Body] List<string?>? body);
                [Get("/c")] Task<ApiResponse<TokenResponse?>> GetAsync();
                [Get("/d")] Task<ApiResponse<List<string?>>> GetListAsync();
                [Get("/e")] Task<TokenResponse?> GetMaybeAsync();
            }
            """,
        ["An interface and an operation named like keywords"] = """
            namespace Acme.Tokens;
            [TokenApi(BaseAddress = "https://example.com")]
            public partial interface @class
            {
                [Get("/a")] Task<string> @int(int @string);
            }
            """,
    };

    public static IEnumerable<object[]> Cases() =>
        from name in s_declarations.Keys
        from version in DeclarationCompilation.LanguageVersions
        select new object[] { name, version.ToString() };

    /// <summary>The preamble declares a block namespace, after which a file-scoped one is not allowed.</summary>
    internal static string WithBlockNamespace(string declaration)
    {
        var match = System.Text.RegularExpressions.Regex.Match(declaration, @"^namespace ([\w.@]+);[ \t]*$", System.Text.RegularExpressions.RegexOptions.Multiline);
        return match.Success
            ? declaration.Remove(match.Index, match.Length).Insert(match.Index, "namespace " + match.Groups[1].Value + "\n{\n") + "\n}\n"
            : declaration;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GeneratedClientCompilesWithoutWarnings(string declaration, string languageVersion)
    {
        var outcome = DeclarationCompilation.Run(Preamble + WithBlockNamespace(s_declarations[declaration]), System.Enum.Parse<LanguageVersion>(languageVersion));

        Assert.True(outcome.GeneratedSources.Count > 0, outcome.Describe());
        Assert.True(outcome.GeneratorDiagnostics.IsEmpty && outcome.CompilerDiagnostics.Count == 0, outcome.Describe());
    }
}
