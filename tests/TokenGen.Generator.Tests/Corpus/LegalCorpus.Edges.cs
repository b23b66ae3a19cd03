using System.Collections.Generic;

namespace TokenGen.Generator.Tests.Corpus;

internal static partial class LegalCorpus
{
    /// <summary>Less usual but documented declarations: the corners where a generator slips.</summary>
    private static Dictionary<string, string> Edges => new()
    {
        ["edge: enum with keyword members as defaults"] = """
            namespace Corpus.Apis
            {
                public enum Kind { @class, @event, Plain }

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens
                {
                    [Get("/k/{kind}")] Task<Token> GetAsync(Kind kind = Kind.@class, Kind? other = Kind.@event);
                }
            }
            """,
        ["edge: enum nested in a class"] = """
            namespace Corpus.Apis
            {
                public static class Outer { public enum Mode : byte { A = 1, B = 200 } }

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens
                {
                    [Get("/m")] Task<Token> GetAsync(Outer.Mode mode = Outer.Mode.B, [Header("X-Mode")] Outer.Mode? header = null);
                }
            }
            """,
        ["edge: long enum with negative default"] = """
            namespace Corpus.Apis
            {
                public enum Level : long { Low = -5_000_000_000, High = long.MaxValue }

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens
                {
                    [Post("/l")] Task<Token> PostAsync(Level level = Level.Low, [Form("lvl")] Level? form = null);
                }
            }
            """,
        ["edge: decimal extremes and many digits"] = Api("""[Get("/a")] Task<Token> GetAsync(decimal a = 79228162514264337593543950335m, decimal b = 0.0000000000000000000000000001m, decimal c = decimal.MinValue);"""),
        ["edge: header defaults of every simple kind"] = Api("""[Get("/h")] Task<Token> GetAsync([Header("X-A")] int a = 3, [Header("X-B")] bool b = true, [Header("X-C")] char c = 'c', [Header("X-D")] double d = 0.5, [Header("X-E")] Grant e = Grant.DeviceCode, [Header("X-F")] string f = "v");"""),
        ["edge: form defaults of every simple kind"] = Api("""[Post("/f")] Task<Token> PostAsync([Form("a")] long a = -1, [Form("b")] bool? b = null, [Form("c")] float c = 2.5f, [Form("d")] Grant d = Grant.ClientCredentials, [Form("e")] Guid e = default);"""),
        ["edge: partial class model with secrets"] = Model("""
            public sealed partial class Answer
            {
                [AccessToken] public string? AccessToken { get; set; }
                public string? ClientSecret { get; set; }
            }
            """),
        ["edge: partial record hierarchy with secrets"] = Model("""
            public abstract partial record TokenBase([property: AccessToken] string? Token);
            public sealed partial record Answer(string? Token, [property: RefreshToken] string? Refresh) : TokenBase(Token);
            """),
        ["edge: partial record with a generic base"] = Model("""
            public abstract record Envelope<T>(T? Data);
            public sealed partial record Answer([property: AccessToken] string? Token) : Envelope<int>(0);
            """),
        ["edge: partial record with required and init members"] = Model("""
            public sealed partial record Answer
            {
                [AccessToken] public required string AccessToken { get; init; }
                public required string? RefreshToken { get; init; }
                [ExpiresIn] public ulong? Lifetime { get; init; }
            }
            """),
        ["edge: partial record with a keyword-named secret"] = Model("""
            public sealed partial record Answer([property: AccessToken] string? @string, string? @password);
            """),
        ["edge: interface with overloads across bases"] = """
            namespace Corpus.Apis
            {
                public interface IA { [Get("/a")] Task<Token> GetAsync(); }
                public interface IB { [Get("/b")] Task<Token> GetAsync(string id); }

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens : IA, IB
                {
                    [Get("/c")] Task<Token> GetAsync(int page, CancellationToken cancellationToken);
                }
            }
            """,
        ["edge: diamond inheritance"] = """
            namespace Corpus.Apis
            {
                public interface IRoot { [Get("/root")] Task<Token> RootAsync(); }
                public interface ILeft : IRoot { }
                public interface IRight : IRoot { }

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens : ILeft, IRight
                {
                }
            }
            """,
        ["edge: method hides an inherited one with new"] = """
            namespace Corpus.Apis
            {
                public interface IBase { [Get("/a")] Task<Token> GetAsync(); }

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens : IBase
                {
                    [Get("/b")] new Task<Token> GetAsync();
                }
            }
            """,
        ["edge: two APIs sharing models and a context"] = """
            namespace Corpus.Apis
            {
                [TokenApi(BaseAddress = "https://a.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface IFirst { [Post("/token")] Task<Token> AcquireAsync(); }

                [TokenApi(BaseAddress = "https://b.example.com", SerializerContext = typeof(CorpusJsonContext))]
                internal partial interface ISecond { [Post("/token")] Task<ApiResponse<Token>> AcquireAsync([Body] TokenRequest request); }
            }
            """,
        ["edge: base address with path, port, query-less trailing slash"] = """
            namespace Corpus.Apis
            {
                [TokenApi(BaseAddress = "http://localhost:5080/api/v1/", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens { [Post("token")] Task<Token> AcquireAsync(); }
            }
            """,
        ["edge: operations named like generated members"] = Api("""
            [Get("/a")] Task<Token> CreateRequest();
            [Get("/b")] Task<Token> SendAsync(string? method = null);
            [Get("/c")] Task<string> Dispose();
            """),
        ["edge: parameters named like generated locals"] = Api("""
            [Post("/t/{client}")] Task<Token> PostAsync(string client, [Body] TokenRequest content, [Header("X-R")] string request, string? options = null, string? builder = null, string? query = null, string? headers = null, string? result = null, CancellationToken cancellation = default);
            """),
        // Type facts are cached per compilation: a type read in a nullable-enabled part must not be reused for the same
        // type read where annotations are disabled (oblivious), or the other way round.
        ["edge: the same parameter and return types enabled first, then nullable-disabled, in one file"] = """
            [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
            internal partial interface IEnabledFirst
            {
                [Post("/t")] Task<Token> PostAsync([Header("X-Key")] string key, [Query("scope")] string[] scopes, CancellationToken cancellationToken = default);
            }

            #nullable disable
            [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
            internal partial interface IDisabledSecond
            {
                [Post("/t")] Task<Token> PostAsync([Header("X-Key")] string key = null, [Query("scope")] string[] scopes = null, CancellationToken cancellationToken = default);
            }
            """,
        ["edge: the same parameter types nullable-disabled first, then enabled, in one file"] = """
            #nullable disable
            [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
            internal partial interface IDisabledFirst
            {
                [Post("/t")] Task<Token> PostAsync([Header("X-Key")] string key = null, [Query("scope")] string[] scopes = null, CancellationToken cancellationToken = default);
            }
            #nullable enable

            [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
            internal partial interface IEnabledSecond
            {
                [Post("/t")] Task<Token> PostAsync([Header("X-Key")] string key, [Query("scope")] string[] scopes, CancellationToken cancellationToken = default);
            }
            """,
        ["edge: everything at once in the global namespace, nullable disabled"] = """
            #nullable disable
            /// <summary>All.</summary>
            [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
            [Headers("Accept: application/json")]
            internal partial interface IAll
            {
                /// <summary>Acquire.</summary>
                /// <param name="tenant">Tenant.</param>
                /// <param name="grant">Grant.</param>
                /// <param name="scopes">Scopes.</param>
                /// <param name="key">Key.</param>
                /// <param name="cancellationToken">Cancels.</param>
                /// <returns>The token.</returns>
                [Post("/t/{tenant}/token"), NoRetry]
                Task<ApiResponse<Token>> AcquireAsync(string tenant, [Form("grant_type")] Grant grant = Grant.RefreshToken, [Form("scope")] string[] scopes = null, [Header("X-Key")] string key = "k", CancellationToken cancellationToken = default);
            }
            """,
        ["edge: obsolete-as-error model, context and operation"] = """
            namespace Corpus.Apis
            {
                [Obsolete("Use the v2 token.", error: true)]
                public sealed partial class OldToken
                {
                    [AccessToken, JsonPropertyName("access_token")] public string? AccessToken { get; set; }
                    [JsonPropertyName("client_secret")] public string? ClientSecret { get; set; }
                }

                [Obsolete("Use the v2 token.")]
                public enum OldGrant { Client }

                [Obsolete("Use the v2 token.")]
                [JsonSerializable(typeof(OldToken))]
                [JsonSerializable(typeof(List<OldToken>))]
                public sealed partial class OldContext : JsonSerializerContext;

            #pragma warning disable CS0618 // the interface still names the old context: that is what is being retired
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(OldContext))]
            #pragma warning restore CS0618
                public partial interface IOldTokens
                {
                    [Obsolete("Use the v2 token.")]
                    [Post("/token")] Task<OldToken> AcquireAsync([Form("grant_type")] OldGrant grant, CancellationToken cancellationToken = default);

                    [Obsolete("Use the v2 token.")]
                    [Get("/tokens")] Task<List<OldToken>> ListAsync(CancellationToken cancellationToken = default);
                }
            }
            """,
        ["edge: JsonElement? and other free-form answers without a context"] = """
            namespace Corpus.Apis
            {
                [TokenApi(BaseAddress = "https://auth.example.com")]
                public partial interface IFreeForm
                {
                    [Get("/a")] Task<JsonElement?> MaybeAsync(CancellationToken cancellationToken = default);
                    [Get("/b")] Task<JsonElement> ElementAsync(CancellationToken cancellationToken = default);
                    [Get("/c")] Task<JsonObject?> ObjectAsync(CancellationToken cancellationToken = default);
                    [Get("/d")] Task<Dictionary<string, JsonElement>?> MapAsync(CancellationToken cancellationToken = default);
                    [Get("/e")] Task<ApiResponse<JsonElement?>> ResponseAsync(CancellationToken cancellationToken = default);
                }
            }
            """,
        ["edge: obsolete model returned by an operation the interface suppresses"] = """
            namespace Corpus.Apis
            {
                [Obsolete("Use the v2 token.")]
                public sealed class OldToken
                {
                    [AccessToken, JsonPropertyName("access_token")] public string? AccessToken { get; set; }
                }

            #pragma warning disable CS0618 // still served while clients move on
                [JsonSerializable(typeof(OldToken))]
                public sealed partial class OldContext : JsonSerializerContext;

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(OldContext))]
                public partial interface IOldTokens
                {
                    [Post("/token")] Task<OldToken> AcquireAsync(CancellationToken cancellationToken = default);
                }
            #pragma warning restore CS0618
            }
            """,
        ["edge: experimental enum sent by an operation the interface opts in to"] = """
            namespace Corpus.Apis
            {
                [System.Diagnostics.CodeAnalysis.Experimental("ACME002")]
                public enum PreviewGrant { Fast, [JsonStringEnumMemberName("slow_lane")] Slow }

            #pragma warning disable ACME002 // the interface opts in
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface IPreviewGrants
                {
                    [Post("/token")] Task<Token> AcquireAsync([Form("grant_type")] PreviewGrant grant = PreviewGrant.Slow, [Query] PreviewGrant[]? also = null, CancellationToken cancellationToken = default);
                }
            #pragma warning restore ACME002
            }
            """,
        ["edge: experimental model and operation"] = """
            namespace Corpus.Apis
            {
                [System.Diagnostics.CodeAnalysis.Experimental("ACME001")]
                public sealed class PreviewToken
                {
                    [AccessToken, JsonPropertyName("access_token")] public string? AccessToken { get; set; }
                }

                [System.Diagnostics.CodeAnalysis.Experimental("ACME001")]
                [JsonSerializable(typeof(PreviewToken))]
                public sealed partial class PreviewContext : JsonSerializerContext;

            #pragma warning disable ACME001 // the interface opts in to the preview model
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(PreviewContext))]
                public partial interface IPreviewTokens
                {
                    [System.Diagnostics.CodeAnalysis.Experimental("ACME001")]
                    [Post("/token")] Task<PreviewToken> AcquireAsync(CancellationToken cancellationToken = default);
                }
            #pragma warning restore ACME001
            }
            """,
        ["edge: constant form fields alone, with [Form] parameters, a form model and multipart"] = """
            namespace Corpus.Apis
            {
                public sealed class Login { [JsonPropertyName("username")] public string? User { get; set; } }

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface IConstantForms
                {
                    /// <summary>Client credentials.</summary>
                    /// <returns>The token.</returns>
                    [Post("/token"), FormField("grant_type", "client_credentials")]
                    Task<Token> ClientAsync();

                    [Post("/token"), FormField("grant_type", "refresh_token"), FormField("client_id", "a b")]
                    Task<Token> RefreshAsync([Form("refresh_token")] string refreshToken, CancellationToken cancellationToken = default);

                    [Put("/token"), FormField("grant_type", "password")]
                    Task<Token> LoginAsync([Body(BodyEncoding.FormUrlEncoded)] Login? login);

                    [Patch("/upload"), FormField("kind", "")]
                    Task UploadAsync([Body(BodyEncoding.Multipart)] Login login);
                }
            }
            """,
        ["edge: experimental type nesting the model, sent and returned"] = """
            namespace Corpus.Apis
            {
                [System.Diagnostics.CodeAnalysis.Experimental("ACME003")]
                public static class Preview
                {
                    public sealed class Grant { [JsonPropertyName("scope")] public string? Scope { get; set; } }
                    public sealed class Answer { [AccessToken, JsonPropertyName("access_token")] public string? AccessToken { get; set; } }
                }

            #pragma warning disable ACME003 // the context and interface opt in to the preview models
                [JsonSerializable(typeof(Preview.Grant))]
                [JsonSerializable(typeof(Preview.Answer))]
                [JsonSerializable(typeof(List<Preview.Answer>))]
                [System.Diagnostics.CodeAnalysis.Experimental("ACME003")]
                public sealed partial class PreviewNestedContext : JsonSerializerContext;

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(PreviewNestedContext))]
                public partial interface IPreviewNested
                {
                    [Post("/token")] Task<Preview.Answer> AcquireAsync([Body] Preview.Grant grant, CancellationToken cancellationToken = default);
                    [Post("/tokens")] Task<List<Preview.Answer>> ListAsync(CancellationToken cancellationToken = default);
                }
            #pragma warning restore ACME003
            }
            """,
        ["edge: a base class seals ToString two levels up, over a record-like secret model"] = """
            namespace Corpus.Apis
            {
                public abstract class Root { public sealed override string ToString() => "root"; }
                public abstract class Middle : Root { }

                public sealed partial class DeepToken : Middle
                {
                    [AccessToken, JsonPropertyName("access_token")] public string? AccessToken { get; set; }
                    [JsonPropertyName("client_secret")] public string? ClientSecret { get; set; }
                }

                [JsonSerializable(typeof(DeepToken))]
                public sealed partial class DeepContext : JsonSerializerContext;

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(DeepContext))]
                public partial interface IDeepTokens
                {
                    [Post("/token")] Task<DeepToken> AcquireAsync(CancellationToken cancellationToken = default);
                }
            }
            """,
        ["edge: model whose base class seals ToString"] = """
            namespace Corpus.Apis
            {
                public abstract class Printable
                {
                    public sealed override string ToString() => "printable";
                }

                public sealed partial class SealedToken : Printable
                {
                    [AccessToken, JsonPropertyName("access_token")] public string? AccessToken { get; set; }
                    [JsonPropertyName("refresh_token"), RefreshToken] public string? RefreshToken { get; set; }
                }

                [JsonSerializable(typeof(SealedToken))]
                public sealed partial class SealedContext : JsonSerializerContext;

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(SealedContext))]
                public partial interface ISealedTokens
                {
                    [Post("/token")] Task<SealedToken> AcquireAsync(CancellationToken cancellationToken = default);
                }
            }
            """,
    };
}
