using System;
using System.Collections.Generic;

namespace TokenGen.Generator.Tests.Corpus;

/// <summary>
/// Mistaken declarations, each with the one TG diagnostic it must give and, marked <c>/*!*/</c>, the line it must be
/// reported on (in the user's file, never in a generated one).
/// </summary>
internal static class MistakeCorpus
{
    public static readonly IReadOnlyDictionary<string, (string Id, string Source)> All =
        new Dictionary<string, (string Id, string Source)>(StringComparer.Ordinal)
        {
            ["TG0001: interface not partial"] = ("TG0001", """
                namespace Corpus.Apis
                {
                    [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                    public interface ITokens /*!*/
                    {
                        [Post("/token")] Task<Token> AcquireAsync();
                    }
                }
                """),
            ["TG0001: internal interface in the global namespace not partial"] = ("TG0001", """
                [TokenApi]
                internal interface IPing /*!*/
                {
                    [Get("/ping")] Task PingAsync();
                }
                """),
            ["TG0002: method without HTTP attribute"] = ("TG0002", Api("""
                Task RevokeAsync(string token, CancellationToken cancellationToken); /*!*/
                """)),
            ["TG0002: inherited method without HTTP attribute"] = ("TG0002", """
                namespace Corpus.Apis
                {
                    public interface IBase
                    {
                        Task<Token> AcquireAsync(); /*!*/
                    }

                    [TokenApi(SerializerContext = typeof(CorpusJsonContext))]
                    public partial interface ITokens : IBase
                    {
                    }
                }
                """),
            ["TG0002: NoRetry but no HTTP attribute"] = ("TG0002", Api("""
                [NoRetry]
                Task<Token> RefreshAsync([Form("refresh_token")] string refreshToken); /*!*/
                """)),
            ["TG0003: placeholder without parameter"] = ("TG0003", Api("""
                [Get("/tokens/{tokenId}")] /*!*/
                Task<Token> GetAsync(string id, CancellationToken cancellationToken);
                """)),
            ["TG0003: placeholder whose namesake is a query value"] = ("TG0003", Api("""
                [Get("/tokens/{id}")] /*!*/
                Task<Token> GetAsync([Query] string id);
                """)),
            ["TG0003: placeholder whose namesake is a header"] = ("TG0003", Api("""
                [Delete("/tokens/{id}")] /*!*/
                Task DeleteAsync([Header("id")] string id);
                """)),
            ["TG0003: second placeholder missing"] = ("TG0003", Api("""
                [Get("/tenants/{tenant}/tokens/{id}")] /*!*/
                Task<Token> GetAsync(string tenant);
                """)),
            ["TG0004: model without Body"] = ("TG0004", Api("""
                [Post("/tokens")]
                Task<Token> CreateAsync(TokenRequest request, /*!*/
                    CancellationToken cancellationToken);
                """)),
            ["TG0004: nullable cancellation token"] = ("TG0004", Api("""
                [Get("/tokens")]
                Task<Token> GetAsync(CancellationToken? cancellationToken); /*!*/
                """)),
            ["TG0004: HttpContent without Body"] = ("TG0004", Api("""
                [Post("/upload")]
                Task UploadAsync(HttpContent content); /*!*/
                """)),
            ["TG0004: object parameter"] = ("TG0004", Api("""
                [Get("/tokens")]
                Task<Token> GetAsync(object filter); /*!*/
                """)),
            ["TG0005: two bodies"] = ("TG0005", Api("""
                [Post("/tokens")]
                Task<Token> CreateAsync([Body] TokenRequest request,
                    [Body] TokenRequest other); /*!*/
                """)),
            ["TG0005: form field after a body"] = ("TG0005", Api("""
                [Post("/tokens")]
                Task<Token> CreateAsync([Body] TokenRequest request,
                    [Form("scope")] string scope); /*!*/
                """)),
            ["TG0005: body after form fields"] = ("TG0005", Api("""
                [Post("/tokens")]
                Task<Token> CreateAsync([Form("scope")] string scope,
                    [Body(BodyEncoding.FormUrlEncoded)] TokenRequest request); /*!*/
                """)),
            ["TG0006: two cancellation tokens"] = ("TG0006", Api("""
                [Get("/ping")]
                Task PingAsync(CancellationToken first,
                    CancellationToken second); /*!*/
                """)),
            ["TG0007: ValueTask"] = ("TG0007", Api("""
                [Get("/token")]
                ValueTask<Token> GetAsync(); /*!*/
                """)),
            ["TG0007: void"] = ("TG0007", Api("""
                [Post("/revoke")]
                void Revoke(); /*!*/
                """)),
            ["TG0007: synchronous T"] = ("TG0007", Api("""
                [Get("/token")]
                Token Get(); /*!*/
                """)),
            ["TG0007: Task<object>"] = ("TG0007", Api("""
                [Get("/token")]
                Task<object> GetAsync(); /*!*/
                """)),
            ["TG0007: IAsyncEnumerable"] = ("TG0007", Api("""
                [Get("/tokens")]
                IAsyncEnumerable<Token> ListAsync(); /*!*/
                """)),
            ["TG0007: Task of a non-collection interface"] = ("TG0007", Api("""
                [Get("/token")]
                Task<IDisposable> GetAsync(); /*!*/
                """)),
            ["TG0007: Task of a delegate"] = ("TG0007", Api("""
                [Get("/token")]
                Task<Func<int>> GetAsync(); /*!*/
                """)),
            ["TG0008: return type missing from the context"] = ("TG0008", """
                namespace Corpus.Apis
                {
                    public sealed class Revocation { public bool Revoked { get; set; } }

                    [TokenApi(SerializerContext = typeof(CorpusJsonContext))]
                    public partial interface ITokens
                    {
                        [Post("/revoke")]
                        Task<Revocation> RevokeAsync([Body] TokenRequest request); /*!*/
                    }
                }
                """),
            ["TG0008: body type missing from the context"] = ("TG0008", """
                namespace Corpus.Apis
                {
                    public sealed class Revocation { public bool Revoked { get; set; } }

                    [TokenApi(SerializerContext = typeof(CorpusJsonContext))]
                    public partial interface ITokens
                    {
                        [Post("/revoke")]
                        Task RevokeAsync([Body] Revocation revocation); /*!*/
                    }
                }
                """),
            ["TG0008: ApiResponse of a type missing from the context"] = ("TG0008", Api("""
                [Get("/tokens")]
                Task<ApiResponse<HashSet<Token>>> ListAsync(); /*!*/
                """)),
            ["TG0008: nullable value type not registered"] = ("TG0008", Api("""
                [Get("/count")]
                Task<long?> CountAsync(); /*!*/
                """)),
            ["TG0009: context that is not a JsonSerializerContext"] = ("TG0009", """
                namespace Corpus.Apis
                {
                    public static class ApiJson { }

                    [TokenApi(SerializerContext = typeof(ApiJson))] /*!*/
                    public partial interface ITokens
                    {
                        [Get("/token")] Task<Token> GetAsync();
                    }
                }
                """),
            ["TG0010: Headers entry without colon"] = ("TG0010", """
                namespace Corpus.Apis
                {
                    [TokenApi]
                    [Headers("User-Agent TokenGen")] /*!*/
                    public partial interface IPing
                    {
                        [Get("/ping")] Task PingAsync();
                    }
                }
                """),
            ["TG0010: Header name with a space"] = ("TG0010", Api("""
                [Get("/ping")]
                Task PingAsync([Header("X Request Id")] string requestId); /*!*/
                """)),
            ["TG0010: method Headers with a line break"] = ("TG0010", Api("""
                [Get("/ping"), Headers("X-A: one\r\nX-B: two")] /*!*/
                Task PingAsync();
                """)),
            ["TG0010: empty Header name"] = ("TG0010", Api("""
                [Get("/ping")]
                Task PingAsync([Header("")] string value); /*!*/
                """)),
            ["TG0011: base address without scheme"] = ("TG0011", """
                [TokenApi(BaseAddress = "api.example.com")] /*!*/
                public partial interface IPing
                {
                    [Get("/ping")] Task PingAsync();
                }
                """),
            ["TG0011: ftp base address"] = ("TG0011", """
                [TokenApi(BaseAddress = "ftp://files.example.com")] /*!*/
                public partial interface IPing
                {
                    [Get("/ping")] Task PingAsync();
                }
                """),
            ["TG0012: GET with a body"] = ("TG0012", Api("""
                [Get("/token")]
                Task<Token> GetAsync([Body] TokenRequest request); /*!*/
                """)),
            ["TG0012: GET with a form field"] = ("TG0012", Api("""
                [Get("/token")]
                Task<Token> GetAsync([Form("scope")] string scope); /*!*/
                """)),
            ["TG0013: generic method"] = ("TG0013", Api("""
                [Get("/token")]
                Task<Token> GetAsync<TMarker>(CancellationToken cancellationToken); /*!*/
                """)),
            ["TG0014: property"] = ("TG0014", Api("""
                string Tenant { get; } /*!*/
                [Get("/ping")] Task PingAsync();
                """)),
            ["TG0014: event"] = ("TG0014", Api("""
                event EventHandler? Changed; /*!*/
                [Get("/ping")] Task PingAsync();
                """)),
            ["TG0015: JSON answer without a context"] = ("TG0015", """
                [TokenApi(BaseAddress = "https://api.example.com")]
                public partial interface ITokens
                {
                    [Get("/token")]
                    Task<Token> GetAsync(); /*!*/
                }
                """),
            ["TG0015: JSON body without a context"] = ("TG0015", """
                [TokenApi(BaseAddress = "https://api.example.com")]
                public partial interface ITokens
                {
                    [Post("/token")]
                    Task PostAsync([Body] TokenRequest request); /*!*/
                }
                """),
            ["TG0016: absolute route"] = ("TG0016", Api("""
                [Get("https://api.example.com/token")] /*!*/
                Task<Token> GetAsync();
                """)),
            ["TG0016: placeholder in the query"] = ("TG0016", Api("""
                [Get("/tokens?id={id}")] /*!*/
                Task<Token> GetAsync(string id);
                """)),
            ["TG0016: unclosed placeholder"] = ("TG0016", Api("""
                [Get("/tokens/{id")] /*!*/
                Task<Token> GetAsync(string id);
                """)),
            ["TG0016: fragment"] = ("TG0016", Api("""
                [Get("/token#section")] /*!*/
                Task<Token> GetAsync();
                """)),
            ["TG0016: whitespace"] = ("TG0016", Api("""
                [Get("/to ken")] /*!*/
                Task<Token> GetAsync();
                """)),
            ["TG0016: dashed placeholder"] = ("TG0016", Api("""
                [Get("/tokens/{token-id}")] /*!*/
                Task<Token> GetAsync(string tokenId);
                """)),
            ["TG0017: collection in the route"] = ("TG0017", Api("""
                [Get("/tokens/{ids}")]
                Task<Token> GetAsync(string[] ids); /*!*/
                """)),
            ["TG0017: model in a header"] = ("TG0017", Api("""
                [Get("/token")]
                Task<Token> GetAsync([Header("X-Request")] TokenRequest request); /*!*/
                """)),
            ["TG0017: model in the query"] = ("TG0017", Api("""
                [Get("/token")]
                Task<Token> GetAsync([Query] TokenRequest request); /*!*/
                """)),
            ["TG0017: nested model in a form body"] = ("TG0017", """
                namespace Corpus.Apis
                {
                    public sealed class ClientForm
                    {
                        public string? Scope { get; set; }
                        public TokenRequest? Client { get; set; }
                    }

                    [TokenApi(SerializerContext = typeof(CorpusJsonContext))]
                    public partial interface ITokens
                    {
                        [Post("/token")]
                        Task<Token> CreateAsync([Body(BodyEncoding.FormUrlEncoded)] ClientForm form); /*!*/
                    }
                }
                """),
            ["TG0018: nested interface"] = ("TG0018", """
                namespace Corpus.Apis
                {
                    public static partial class Apis
                    {
                        [TokenApi]
                        public partial interface IPing /*!*/
                        {
                            [Get("/ping")] Task PingAsync();
                        }
                    }
                }
                """),
            ["TG0018: generic interface"] = ("TG0018", """
                namespace Corpus.Apis
                {
                    [TokenApi]
                    public partial interface IPing<T> /*!*/
                    {
                        [Get("/ping")] Task PingAsync();
                    }
                }
                """),
            ["TG0019: ref parameter"] = ("TG0019", Api("""
                [Get("/token")]
                Task<Token> GetAsync(ref int version); /*!*/
                """)),
            ["TG0019: out parameter"] = ("TG0019", Api("""
                [Get("/token")]
                Task<Token> GetAsync(out int version); /*!*/
                """)),
            ["TG0019: two binding attributes"] = ("TG0019", Api("""
                [Get("/token")]
                Task<Token> GetAsync([Query, Header("X-Id")] string id); /*!*/
                """)),
            ["TG0019: Path without a placeholder"] = ("TG0019", Api("""
                [Delete("/tokens")]
                Task RevokeAsync([Path] string id); /*!*/
                """)),
            ["TG0019: content type with parameters"] = ("TG0019", Api("""
                [Post("/tokens")]
                Task<Token> CreateAsync([Body(ContentType = "application/json; charset=utf-8")] TokenRequest request); /*!*/
                """)),
            ["TG0020: two access tokens"] = ("TG0020", """
                namespace Corpus.Apis
                {
                    public sealed class Answer
                    {
                        [AccessToken] public string? AccessToken { get; set; }
                        [AccessToken] public string? IdToken { get; set; } /*!*/
                    }

                    [JsonSerializable(typeof(Answer))]
                    public sealed partial class AnswerContext : JsonSerializerContext;

                    [TokenApi(SerializerContext = typeof(AnswerContext))]
                    public partial interface ITokens
                    {
                        [Post("/token")] Task<Answer> GetTokenAsync();
                    }
                }
                """),
            ["TG0021: ExpiresIn on a TimeSpan"] = ("TG0021", RoleModel("""[ExpiresIn] public TimeSpan Lifetime { get; set; } /*!*/""")),
            ["TG0021: AccessToken on an int"] = ("TG0021", RoleModel("""[AccessToken] public int Number { get; set; } /*!*/""", accessToken: false)),
            ["TG0021: RefreshToken not public"] = ("TG0021", RoleModel("""[RefreshToken] internal string? Refresh { get; set; } /*!*/""")),
            ["TG0021: ExpiresAt on a bool"] = ("TG0021", RoleModel("""[ExpiresAt] public bool Expired { get; set; } /*!*/""")),
            ["TG0021: ExpiresIn on a Guid"] = ("TG0021", RoleModel("""[ExpiresIn] public Guid Lifetime { get; set; } /*!*/""")),
            ["TG0021: AccessToken on a write-only property"] = ("TG0021", RoleModel("""[AccessToken] public string? Secret { set { } } /*!*/""", accessToken: false)),
            ["TG0023: record with an access token, not partial"] = ("TG0023", """
                namespace Corpus.Apis
                {
                    public sealed record SessionToken([property: AccessToken] string? Token, int ExpiresIn); /*!*/

                    [JsonSerializable(typeof(SessionToken))]
                    public sealed partial class SessionContext : JsonSerializerContext;

                    [TokenApi(SerializerContext = typeof(SessionContext))]
                    public partial interface ISessions
                    {
                        [Post("/session")] Task<SessionToken> StartAsync(CancellationToken cancellationToken = default);
                    }
                }
                """),
            ["TG0023: body record with a client secret, not partial"] = ("TG0023", """
                namespace Corpus.Apis
                {
                    public record Credentials(string ClientId, string ClientSecret); /*!*/

                    [JsonSerializable(typeof(Credentials))]
                    public sealed partial class CredentialsContext : JsonSerializerContext;

                    [TokenApi(SerializerContext = typeof(CredentialsContext))]
                    public partial interface ISessions
                    {
                        [Post("/session")] Task StartAsync([Body] Credentials credentials);
                    }
                }
                """),
            ["TG0045: two HTTP attributes"] = ("TG0045", Api("""
                [Get("/token")]
                [Post("/token")] /*!*/
                Task<Token> GetTokenAsync();
                """)),
            ["TG0046: context not partial"] = ("TG0046", """
                namespace Corpus.Apis
                {
                    [JsonSerializable(typeof(Token))]
                    public sealed class PlainJsonContext : JsonSerializerContext
                    {
                        public PlainJsonContext() : base(null) { }
                        protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
                        public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type) => null;
                    }

                    [TokenApi(SerializerContext = typeof(PlainJsonContext))] /*!*/
                    public partial interface ITokens
                    {
                        [Post("/token")] Task<Token> AcquireAsync();
                    }
                }
                """),
            ["TG0047: file-local interface"] = ("TG0047", """
                namespace Corpus.Apis
                {
                    [TokenApi(SerializerContext = typeof(CorpusJsonContext))]
                    file partial interface ITokens /*!*/
                    {
                        [Post("/token")] Task<Token> AcquireAsync();
                    }
                }
                """),
            ["TG0048: byte array in a multipart model"] = ("TG0048", """
                namespace Corpus.Apis
                {
                    public sealed class UploadForm
                    {
                        public string? Name { get; set; }
                        public byte[]? Content { get; set; } /*!*/
                    }

                    [TokenApi]
                    public partial interface IUploads
                    {
                        [Post("/upload")] Task UploadAsync([Body(BodyEncoding.Multipart)] UploadForm form);
                    }
                }
                """),
            ["TG0048: dictionary form field"] = ("TG0048", Api("""
                [Post("/token")]
                Task<Token> AcquireAsync([Form("extra")] Dictionary<string, string> extra); /*!*/
                """)),
            ["TG0048: stream form field"] = ("TG0048", Api("""
                [Post("/token")]
                Task<Token> AcquireAsync([Form("file")] System.IO.Stream file); /*!*/
                """)),
            ["TG0012: GET with a multipart body"] = ("TG0012", Api("""
                [Get("/token")]
                Task<Token> GetAsync([Body(BodyEncoding.Multipart)] TokenRequest request); /*!*/
                """)),
            ["TG0019: in parameter"] = ("TG0019", Api("""
                [Get("/token")]
                Task<Token> GetAsync(in int version); /*!*/
                """)),
            ["TG0019: named Path without its placeholder"] = ("TG0019", Api("""
                [Get("/tokens/{id}")]
                Task<Token> GetAsync(string id, [Path("other")] string value); /*!*/
                """)),
            ["TG0016: stray closing brace"] = ("TG0016", Api("""
                [Get("/tokens/id}")] /*!*/
                Task<Token> GetAsync();
                """)),
            ["TG0016: empty placeholder"] = ("TG0016", Api("""
                [Get("/tokens/{}")] /*!*/
                Task<Token> GetAsync();
                """)),
            ["TG0016: two parameters bind one placeholder"] = ("TG0016", Api("""
                [Get("/tokens/{id}")] /*!*/
                Task<Token> GetAsync(string id, [Path("ID")] string other);
                """)),
            ["TG0018: static abstract member"] = ("TG0018", Api("""
                static abstract string Describe(); /*!*/
                [Get("/ping")] Task PingAsync();
                """)),
            ["TG0011: relative base address"] = ("TG0011", """
                [TokenApi(BaseAddress = "/v1")] /*!*/
                public partial interface IPing
                {
                    [Get("/ping")] Task PingAsync();
                }
                """),
            ["TG0010: header name with an at sign"] = ("TG0010", Api("""
                [Get("/ping")]
                Task PingAsync([Header("X@Id")] string id); /*!*/
                """)),
            ["TG0005: form field after an HttpContent body"] = ("TG0005", Api("""
                [Post("/upload")]
                Task UploadAsync([Body] HttpContent content,
                    [Form("name")] string name); /*!*/
                """)),
            ["TG0021: ExpiresIn on a nested member of a wrong type"] = ("TG0021", """
                namespace Corpus.Apis
                {
                    public sealed class Inner { [ExpiresIn] public bool Lifetime { get; set; } } /*!*/
                    public sealed class Answer { [AccessToken] public string? Token { get; set; } public Inner? Inner { get; set; } }

                    [JsonSerializable(typeof(Answer))]
                    public sealed partial class AnswerContext : JsonSerializerContext;

                    [TokenApi(SerializerContext = typeof(AnswerContext))]
                    public partial interface ITokens
                    {
                        [Post("/token")] Task<Answer> GetTokenAsync();
                    }
                }
                """),
            ["TG0060: method with the signature of Create()"] = ("TG0060", """
                [TokenApi(BaseAddress = "https://login.example.com")]
                public partial interface ISessions
                {
                    [Post("/session")]
                    Task<string> Create(); /*!*/
                }
                """),
            ["TG0049: constant form field with a JSON body"] = ("TG0049", """
                [TokenApi(BaseAddress = "https://login.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ISessions
                {
                    [Post("/token")]
                    [FormField("grant_type", "client_credentials")] /*!*/
                    Task<Token> AcquireAsync([Body] TokenRequest request);
                }
                """),
            ["TG0049: constant form field with an HttpContent body"] = ("TG0049", """
                [TokenApi(BaseAddress = "https://login.example.com")]
                public partial interface ISessions
                {
                    [Post("/token"), FormField("grant_type", "client_credentials")] /*!*/
                    Task<string> AcquireAsync([Body] HttpContent content);
                }
                """),
            ["TG0050: constant form field without a name"] = ("TG0050", """
                [TokenApi(BaseAddress = "https://login.example.com")]
                public partial interface ISessions
                {
                    [Post("/token")]
                    [FormField("", "client_credentials")] /*!*/
                    Task<string> AcquireAsync();
                }
                """),
            ["TG0050: constant form field with a null value"] = ("TG0050", """
                [TokenApi(BaseAddress = "https://login.example.com")]
                public partial interface ISessions
                {
                    [Post("/token")]
                    [FormField("grant_type", null!)] /*!*/
                    Task<string> AcquireAsync();
                }
                """),
            ["TG0012: constant form field on a GET"] = ("TG0012", """
                [TokenApi(BaseAddress = "https://login.example.com")]
                public partial interface ISessions
                {
                    [Get("/token"), FormField("grant_type", "client_credentials")]
                    Task<string> AcquireAsync(); /*!*/
                }
                """),
            ["TG0015: JsonNode (not a built-in answer) without a context"] = ("TG0015", """
                [TokenApi(BaseAddress = "https://login.example.com")]
                public partial interface ISessions
                {
                    [Get("/session")]
                    Task<JsonNode?> GetAsync(); /*!*/
                }
                """),
            ["TG0049: constant form field beside a JSON body on PUT"] = ("TG0049", """
                [TokenApi(BaseAddress = "https://login.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ISessions
                {
                    [Put("/token"), FormField("grant_type", "password"), FormField("scope", "a")] /*!*/
                    Task<Token> AcquireAsync([Body] TokenRequest? request, CancellationToken cancellationToken = default);
                }
                """),
            ["TG0060: Create(HttpClient) as an operation"] = ("TG0060", """
                [TokenApi(BaseAddress = "https://login.example.com")]
                public partial interface ISessions
                {
                    [Post("/session")]
                    Task<string> Create(HttpClient client); /*!*/
                }
                """),
            ["TG0060: Create(HttpClient, options) with a body-less POST"] = ("TG0060", """
                [TokenApi(BaseAddress = "https://login.example.com")]
                public partial interface ISessions
                {
                    [Post("/session")]
                    Task Create(HttpClient client, TokenApiClientOptions? options); /*!*/
                }
                """),
            ["TG0060: Create() returning Task"] = ("TG0060", """
                [TokenApi(BaseAddress = "https://login.example.com")]
                public partial interface ISessions
                {
                    [Post("/session")]
                    Task Create(); /*!*/
                }
                """),
        };

    private static string Api(string operations) => $$"""
        namespace Corpus.Apis
        {
            [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
            public partial interface ITokens
            {
        {{operations}}
            }
        }
        """;

    /// <summary>An answer model with <paramref name="member"/> (and an access token unless told), returned by an operation.</summary>
    private static string RoleModel(string member, bool accessToken = true) => $$"""
        namespace Corpus.Apis
        {
            public sealed class Answer
            {
                {{(accessToken ? "[AccessToken] public string? Token { get; set; }" : "public string? Token { get; set; }")}}
                {{member}}
            }

            [JsonSerializable(typeof(Answer))]
            public sealed partial class AnswerContext : JsonSerializerContext;

            [TokenApi(SerializerContext = typeof(AnswerContext))]
            public partial interface ITokens
            {
                [Post("/token")] Task<Answer> GetTokenAsync();
            }
        }
        """;
}
