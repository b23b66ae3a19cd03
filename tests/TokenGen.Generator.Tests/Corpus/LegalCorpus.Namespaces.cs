using System.Collections.Generic;

namespace TokenGen.Generator.Tests.Corpus;

internal static partial class LegalCorpus
{
    /// <summary>Where the interface is declared, and how visible it is.</summary>
    private static Dictionary<string, string> Namespaces => new()
    {
        ["namespace: file-scoped"] = """
            namespace Contoso.Auth;

            [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
            public partial interface ITokens
            {
                [Post("/token")] Task<Token> AcquireAsync(CancellationToken cancellationToken = default);
            }
            """,
        ["namespace: global"] = """
            [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
            public partial interface IGlobalTokens
            {
                [Post("/token")] Task<Token> AcquireAsync(CancellationToken cancellationToken = default);
            }
            """,
        ["namespace: global, internal, without base address"] = """
            [TokenApi]
            internal partial interface IPing
            {
                [Get("/ping")] Task PingAsync(CancellationToken cancellationToken);
            }
            """,
        ["namespace: nested blocks"] = """
            namespace Contoso
            {
                namespace Auth.V2
                {
                    [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                    public partial interface ITokens
                    {
                        [Post("/token")] Task<Token> AcquireAsync();
                    }
                }
            }
            """,
        ["namespace: deep dotted"] = """
            namespace A.B.C.D.E.F
            {
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens
                {
                    [Post("/token")] Task<Token> AcquireAsync();
                }
            }
            """,
        ["namespace: keyword segments"] = """
            namespace @class.@namespace.@event
            {
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface @interface
                {
                    [Post("/token")] Task<Token> @return(string @string, CancellationToken @default = default);
                }
            }
            """,
        ["namespace: segment named like a type"] = """
            namespace Corpus.System.Tasks
            {
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens
                {
                    [Post("/token")] Task<Token> AcquireAsync();
                }
            }
            """,
        ["namespace: segment named TokenGen"] = """
            namespace MyCompany.TokenGen
            {
                [global::TokenGen.TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens
                {
                    [global::TokenGen.Post("/token")] Task<Token> AcquireAsync();
                }
            }
            """,
        ["namespace: unicode identifiers"] = """
            namespace Société.Jetons
            {
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface IJetons
                {
                    [Get("/jeton/{clé}")] Task<Token> ObtenirAsync(string clé, string? portée = null);
                }
            }
            """,
        ["namespace: two interfaces of one name in two namespaces"] = """
            namespace One { [TokenApi] public partial interface ITokens { [Get("/a")] Task<string> GetAsync(); } }
            namespace Two { [TokenApi] public partial interface ITokens { [Get("/b")] Task<string> GetAsync(); } }
            """,
        ["namespace: aliased attributes"] = """
            using TG = TokenGen;
            namespace Corpus.Apis
            {
                [TG.TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens
                {
                    [TG.Post("/token")] Task<Token> AcquireAsync([TG.Form("scope")] string scope);
                }
            }
            """,
        ["namespace: full attribute names"] = """
            namespace Corpus.Apis
            {
                [TokenApiAttribute(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens
                {
                    [PostAttribute("/token")] Task<Token> AcquireAsync([HeaderAttribute("X-Key")] string key);
                }
            }
            """,
        ["access: internal interface"] = Api("""[Post("/token")] Task<Token> AcquireAsync();""", "internal"),
        ["access: internal interface with internal models"] = """
            namespace Corpus.Apis
            {
                internal sealed class InternalToken { [AccessToken] public string? Value { get; set; } }

                [JsonSerializable(typeof(InternalToken))]
                internal sealed partial class InternalContext : JsonSerializerContext;

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(InternalContext))]
                internal partial interface ITokens
                {
                    [Post("/token")] Task<InternalToken> AcquireAsync();
                }
            }
            """,
        ["access: interface declared in two parts"] = """
            namespace Corpus.Apis
            {
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens
                {
                    [Post("/token")] Task<Token> AcquireAsync();
                }

                public partial interface ITokens
                {
                    [Delete("/token")] Task RevokeAsync([Query("token")] string token);
                }
            }
            """,
        ["access: inherited operations"] = """
            namespace Corpus.Apis
            {
                public interface IRevoke
                {
                    [Post("/revoke")] Task RevokeAsync([Form("token")] string token, CancellationToken cancellationToken = default);
                }

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens : IRevoke
                {
                    [Post("/token")] Task<Token> AcquireAsync(CancellationToken cancellationToken = default);
                }
            }
            """,
        ["access: default interface method and static helper"] = """
            namespace Corpus.Apis
            {
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens
                {
                    [Post("/token")] Task<Token> AcquireAsync(string tenant, CancellationToken cancellationToken = default);

                    Task<Token> AcquireDefaultAsync() => AcquireAsync("common");

                    static string Describe(Token token) => token.ExpiresIn.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            """,
        ["access: Create with other parameters"] = Api("""[Post("/session")] Task<string> Create(string name);"""),
        ["access: context in a partial containing class"] = """
            namespace Corpus.Apis
            {
                public static partial class Json
                {
                    [JsonSerializable(typeof(Token))]
                    public sealed partial class Context : JsonSerializerContext;
                }

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(Json.Context))]
                public partial interface ITokens
                {
                    [Post("/token")] Task<Token> AcquireAsync();
                }
            }
            """,
        ["access: context in another namespace, by full name"] = """
            namespace Corpus.Apis
            {
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(global::Corpus.Models.CorpusJsonContext))]
                public partial interface ITokens
                {
                    [Post("/token")] Task<Token> AcquireAsync();
                }
            }
            """,
        ["nullable: disabled file"] = """
            #nullable disable
            namespace Corpus.Apis
            {
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens
                {
                    [Post("/tokens/{id}")] Task<Token> AcquireAsync(string id, [Body] TokenRequest request, [Header("X-Tenant")] string tenant = null, string[] scopes = null, CancellationToken cancellationToken = default);
                    [Get("/raw")] Task<string> RawAsync();
                    [Get("/resp")] Task<ApiResponse<Token>> TryAsync();
                }
            }
            """,
        ["nullable: disabled file with its own models"] = """
            #nullable disable
            namespace Corpus.Apis
            {
                public sealed class LegacyToken
                {
                    [JsonPropertyName("access_token"), AccessToken] public string AccessToken { get; set; }
                    [JsonPropertyName("expires_at"), ExpiresAt] public DateTimeOffset ExpiresAt { get; set; }
                }

                public sealed class LegacyForm { public string Scope { get; set; } public string[] Resources { get; set; } }

                [JsonSerializable(typeof(LegacyToken))]
                public sealed partial class LegacyContext : JsonSerializerContext { }

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(LegacyContext))]
                public partial interface ILegacy
                {
                    [Post("/token")] Task<LegacyToken> AcquireAsync([Body(BodyEncoding.FormUrlEncoded)] LegacyForm form, [Query] string tenant = null);
                }
            }
            """,
        ["nullable: annotations only"] = """
            #nullable enable annotations
            namespace Corpus.Apis
            {
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens
                {
                    [Post("/token")] Task<Token?> AcquireAsync(string? tenant, string id);
                }
            }
            """,
        ["nullable: disabled around one method"] = Api("""
            #nullable disable
            [Get("/a")] Task<Token> OldAsync(string tenant);
            #nullable restore
            [Get("/b")] Task<Token?> NewAsync(string? tenant);
            """),
    };
}
