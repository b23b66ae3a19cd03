using System.Collections.Generic;

namespace TokenGen.Generator.Tests.Corpus;

internal static partial class LegalCorpus
{
    /// <summary>Every way a parameter reaches the request.</summary>
    private static Dictionary<string, string> Bindings => new()
    {
        ["route: one placeholder by name"] = Api("""[Get("/tokens/{id}")] Task<Token> GetAsync(string id);"""),
        ["route: placeholder matched ignoring case"] = Api("""[Get("/tokens/{TokenId}")] Task<Token> GetAsync(string tokenId);"""),
        ["route: two placeholders"] = Api("""[Get("/tenants/{tenant}/tokens/{id}")] Task<Token> GetAsync(string tenant, string id);"""),
        ["route: placeholder inside a segment"] = Api("""[Get("/tokens/v{version}")] Task<Token> GetAsync(int version);"""),
        ["route: Guid, long, enum and DateOnly values"] = Api("""[Get("/t/{id}/{n}/{grant}/{day}")] Task<Token> GetAsync(Guid id, long n, Grant grant, DateOnly day);"""),
        ["route: nullable int value"] = Api("""[Get("/t/{n}")] Task<Token> GetAsync(int? n);"""),
        ["route: trailing slash and no leading slash"] = Api("""[Get("tokens/{id}/")] Task<Token> GetAsync(string id);"""),
        ["route: empty route"] = Api("""[Get("")] Task<Token> GetAsync();"""),
        ["route: no route argument"] = Api("""[Post] Task<Token> PostAsync();"""),
        ["route: literal query kept"] = Api("""[Get("/tokens?api-version=2")] Task<Token> GetAsync([Query("id")] string id);"""),
        ["path: Path with a name"] = Api("""[Get("/tokens/{tokenId}")] Task<Token> GetAsync([Path("tokenId")] string id);"""),
        ["path: Path without a name"] = Api("""[Delete("/tokens/{id}")] Task DeleteAsync([Path] string id);"""),
        ["query: implicit simple values"] = Api("""[Get("/tokens")] Task<Token> FindAsync(string tenant, int page, bool verbose, double ratio, decimal amount, char c);"""),
        ["query: named Query"] = Api("""[Get("/tokens")] Task<Token> FindAsync([Query("client_id")] string clientId);"""),
        ["query: Query without a name"] = Api("""[Get("/tokens")] Task<Token> FindAsync([Query] string clientId);"""),
        ["query: nullable values"] = Api("""[Get("/tokens")] Task<Token> FindAsync(string? tenant, int? page, bool? verbose, Grant? grant, Guid? id);"""),
        ["query: dates and times"] = Api("""[Get("/tokens")] Task<Token> FindAsync(DateTime since, DateTimeOffset until, DateOnly day, TimeSpan window);"""),
        ["query: enum and flags enum"] = Api("""[Get("/tokens")] Task<Token> FindAsync(Grant grant, [Query("scopes")] Scopes scopes);"""),
        ["query: all integral types"] = Api("""[Get("/n")] Task<Token> FindAsync(byte a, sbyte b, short c, ushort d, int e, uint f, long g, ulong h, float i);"""),
        ["query: string array"] = Api("""[Get("/tokens")] Task<Token> FindAsync([Query("id")] string[] ids);"""),
        ["query: implicit int list"] = Api("""[Get("/tokens")] Task<Token> FindAsync(List<int> pages);"""),
        ["query: IEnumerable of enum"] = Api("""[Get("/tokens")] Task<Token> FindAsync([Query("grant")] IEnumerable<Grant> grants);"""),
        ["query: IReadOnlyList of nullable Guid"] = Api("""[Get("/tokens")] Task<Token> FindAsync(IReadOnlyList<Guid?> ids);"""),
        ["query: nullable string array"] = Api("""[Get("/tokens")] Task<Token> FindAsync([Query("scope")] string[]? scopes);"""),
        ["query: HashSet and ISet"] = Api("""[Get("/tokens")] Task<Token> FindAsync(HashSet<string> tags, ISet<long> ids);"""),
        ["query: array of nullable strings"] = Api("""[Get("/tokens")] Task<Token> FindAsync(string?[] names);"""),
        ["header: one header"] = Api("""[Get("/me")] Task<Token> GetAsync([Header("Authorization")] string authorization);"""),
        ["header: nullable and numeric headers"] = Api("""[Get("/me")] Task<Token> GetAsync([Header("X-Tenant")] string? tenant, [Header("X-Attempt")] int attempt, [Header("X-Id")] Guid? id);"""),
        ["header: collection header"] = Api("""[Get("/me")] Task<Token> GetAsync([Header("X-Scope")] string[] scopes);"""),
        ["headers: on the interface and the method"] = """
            namespace Corpus.Apis
            {
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                [Headers("Accept: application/json", "User-Agent: TokenGen-Corpus/1.0")]
                public partial interface ITokens
                {
                    [Get("/me"), Headers("X-Flow: inspect", "X-Empty:")]
                    Task<Token> GetAsync();
                }
            }
            """,
        ["body: JSON body"] = Api("""[Post("/tokens")] Task<Token> CreateAsync([Body] TokenRequest request);"""),
        ["body: nullable JSON body"] = Api("""[Post("/tokens")] Task<Token> CreateAsync([Body] TokenRequest? request);"""),
        ["body: JSON body with a content type"] = Api("""[Patch("/tokens/{id}")] Task<string> PatchAsync(string id, [Body(ContentType = "application/merge-patch+json")] TokenRequest request);"""),
        ["body: JSON body by encoding"] = Api("""[Put("/tokens")] Task<Token> PutAsync([Body(BodyEncoding.Json)] TokenRequest request);"""),
        ["body: JSON list body"] = Api("""[Post("/tokens/batch")] Task<Token> BatchAsync([Body] List<Token> tokens);"""),
        ["body: form-urlencoded model"] = Api("""[Post("/token")] Task<Token> CreateAsync([Body(BodyEncoding.FormUrlEncoded)] TokenRequest request);"""),
        ["body: multipart model"] = Api("""[Post("/token")] Task<Token> CreateAsync([Body(BodyEncoding.Multipart)] TokenRequest request);"""),
        ["body: HttpContent"] = Api("""[Post("/upload")] Task<HttpResponseMessage> UploadAsync([Body] HttpContent content);"""),
        ["body: MultipartFormDataContent"] = Api("""[Post("/upload")] Task UploadAsync([Body] MultipartFormDataContent content, CancellationToken cancellationToken);"""),
        ["body: JsonElement body without context"] = """
            namespace Corpus.Apis
            {
                [TokenApi(BaseAddress = "https://auth.example.com")]
                public partial interface IFree
                {
                    [Post("/free")] Task<JsonElement> PostAsync([Body] JsonElement payload);
                }
            }
            """,
        ["body: JsonObject body on Delete"] = Api("""[Delete("/tokens")] Task DeleteAsync([Body] JsonObject payload);"""),
        ["body: form model with simple and collection members"] = """
            namespace Corpus.Apis
            {
                public sealed class ClientForm
                {
                    [JsonPropertyName("grant_type")] public Grant GrantType { get; set; }
                    [JsonPropertyName("scope")] public string[]? Scopes { get; set; }
                    public int? MaxAge { get; set; }
                    [JsonIgnore] public object? Ignored { get; set; }
                    public DateTimeOffset? Since { get; init; }
                }

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface IForms
                {
                    [Post("/token")] Task<Token> FormAsync([Body(BodyEncoding.FormUrlEncoded)] ClientForm form);
                    [Post("/token")] Task<Token> MultipartAsync([Body(BodyEncoding.Multipart)] ClientForm form, CancellationToken cancellationToken = default);
                }
            }
            """,
        ["body: form model with an inherited member"] = """
            namespace Corpus.Apis
            {
                public class BaseForm { [JsonPropertyName("client_id")] public string? ClientId { get; set; } }
                public sealed class RefreshForm : BaseForm { [JsonPropertyName("refresh_token")] public string? RefreshToken { get; set; } }

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface IForms
                {
                    [Post("/token")] Task<Token> RefreshAsync([Body(BodyEncoding.FormUrlEncoded)] RefreshForm form);
                }
            }
            """,
        ["form: fields"] = Api("""[Post("/token")] Task<Token> AcquireAsync([Form("client_id")] string clientId, [Form("client_secret")] string clientSecret);"""),
        ["form: nullable, enum, number and collection fields"] = Api("""[Post("/token")] Task<Token> AcquireAsync([Form("grant_type")] Grant grant, [Form("scope")] string? scope, [Form("max_age")] int? maxAge, [Form("resource")] string[] resources);"""),
        ["form: field without a name"] = Api("""[Put("/token")] Task<Token> AcquireAsync([Form] string username);"""),
        ["form: with route, query and header"] = Api("""[Post("/tenants/{tenant}/token")] Task<Token> AcquireAsync(string tenant, [Form("code")] string code, [Query("v")] int version, [Header("X-Req")] string requestId);"""),
        ["mixed: route, query, header and body"] = Api("""[Put("/tokens/{id}")] Task<Token> ReplaceAsync(string id, [Body] TokenRequest request, [Header("Authorization")] string authorization, bool force = false);"""),
        ["cancellation: first"] = Api("""[Get("/tokens/{id}")] Task<Token> GetAsync(CancellationToken cancellationToken, string id);"""),
        ["cancellation: middle"] = Api("""[Post("/tokens/{id}")] Task<Token> PostAsync(string id, CancellationToken ct, [Body] TokenRequest request);"""),
        ["cancellation: last with default"] = Api("""[Get("/tokens")] Task<Token> GetAsync(string? tenant = null, CancellationToken cancellationToken = default);"""),
        ["cancellation: only parameter"] = Api("""[Delete("/session")] Task EndAsync(CancellationToken cancellationToken);"""),
        ["cancellation: named like a binding"] = Api("""[Get("/tokens/{token}")] Task<Token> GetAsync(string token, CancellationToken query = default);"""),
        ["every HTTP method"] = Api("""
            [Get("/a")] Task GetAsync();
            [Post("/a")] Task PostAsync();
            [Put("/a")] Task PutAsync();
            [Patch("/a")] Task PatchAsync();
            [Delete("/a")] Task DeleteAsync();
            """),
        ["NoRetry on a refresh"] = Api("""[Post("/refresh"), NoRetry] Task<Token> RefreshAsync([Form("refresh_token")] string refreshToken, CancellationToken cancellationToken = default);"""),
        ["parameters with params array in query"] = Api("""[Get("/tokens")] Task<Token> FindAsync(params string[] ids);"""),
    };
}
