using System.Collections.Generic;

namespace TokenGen.Generator.Tests.Corpus;

internal static partial class LegalCorpus
{
    /// <summary>Every return kind, nullable and not.</summary>
    private static Dictionary<string, string> Returns => new()
    {
        ["return: Task"] = Api("""[Post("/revoke")] Task RevokeAsync([Form("token")] string token);"""),
        ["return: Task<T>"] = Api("""[Post("/token")] Task<Token> AcquireAsync();"""),
        ["return: Task<T?>"] = Api("""[Get("/token")] Task<Token?> FindAsync();"""),
        ["return: Task<string>"] = Api("""[Get("/token/raw")] Task<string> RawAsync();"""),
        ["return: Task<string?>"] = Api("""[Get("/token/raw")] Task<string?> RawAsync();"""),
        ["return: Task<HttpResponseMessage>"] = Api("""[Get("/token")] Task<HttpResponseMessage> SendAsync(CancellationToken cancellationToken = default);"""),
        ["return: Task<ApiResponse<T>>"] = Api("""[Post("/token")] Task<ApiResponse<Token>> TryAcquireAsync(CancellationToken cancellationToken = default);"""),
        ["return: Task<ApiResponse<T?>>"] = Api("""[Get("/token")] Task<ApiResponse<Token?>> TryFindAsync();"""),
        ["return: Task<ApiResponse<List<T>>>"] = Api("""[Get("/tokens")] Task<ApiResponse<List<Token>>> ListAsync();"""),
        ["return: Task<List<T>>"] = Api("""[Get("/tokens")] Task<List<Token>> ListAsync();"""),
        ["return: Task<T[]>"] = Api("""[Get("/tokens")] Task<Token[]> ListAsync();"""),
        ["return: Task<IReadOnlyList<T>>"] = Api("""[Get("/tokens")] Task<IReadOnlyList<Token>> ListAsync();"""),
        ["return: Task<int>"] = Api("""[Get("/count")] Task<int> CountAsync();"""),
        ["return: Task<int?>"] = Api("""[Get("/count")] Task<int?> CountAsync();"""),
        ["return: Task<bool>"] = Api("""[Get("/valid")] Task<bool> ValidAsync([Query("token")] string token);"""),
        ["return: Task<Dictionary<string, string>>"] = Api("""[Get("/claims")] Task<Dictionary<string, string>> ClaimsAsync();"""),
        ["return: JsonElement with context"] = Api("""[Get("/introspect")] Task<JsonElement> IntrospectAsync();"""),
        ["return: JsonObject with context"] = Api("""[Get("/introspect")] Task<JsonObject> IntrospectAsync();"""),
        ["return: JsonObject? with context"] = Api("""[Get("/introspect")] Task<JsonObject?> IntrospectAsync();"""),
        ["return: Dictionary<string, JsonElement> with context"] = Api("""[Get("/introspect")] Task<Dictionary<string, JsonElement>> IntrospectAsync();"""),
        ["return: ApiResponse<JsonElement>"] = Api("""[Get("/introspect")] Task<ApiResponse<JsonElement>> IntrospectAsync();"""),
        ["return: free-form types without a context"] = """
            namespace Corpus.Apis
            {
                [TokenApi(BaseAddress = "https://auth.example.com")]
                internal partial interface IFree
                {
                    [Get("/a")] Task<JsonElement> AAsync();
                    [Get("/b")] Task<JsonObject> BAsync();
                    [Get("/c")] Task<Dictionary<string, JsonElement>> CAsync();
                    [Get("/d")] Task<ApiResponse<JsonObject>> DAsync();
                    [Get("/f")] Task<string> FAsync();
                    [Get("/g")] Task<HttpResponseMessage> GAsync();
                    [Get("/h")] Task HAsync();
                }
            }
            """,
        ["return: every kind on one interface"] = Api("""
            [Get("/a")] Task AAsync(CancellationToken cancellationToken = default);
            [Get("/b")] Task<Token> BAsync(CancellationToken cancellationToken = default);
            [Get("/c")] Task<string> CAsync(CancellationToken cancellationToken = default);
            [Get("/d")] Task<HttpResponseMessage> DAsync(CancellationToken cancellationToken = default);
            [Get("/e")] Task<ApiResponse<Token>> EAsync(CancellationToken cancellationToken = default);
            [Get("/f")] Task<JsonElement> FAsync(CancellationToken cancellationToken = default);
            [Get("/g")] Task<JsonObject> GAsync(CancellationToken cancellationToken = default);
            [Get("/h")] Task<Dictionary<string, JsonElement>> HAsync(CancellationToken cancellationToken = default);
            """),
        ["return: fully qualified types"] = Api("""[Get("/a")] global::System.Threading.Tasks.Task<global::Corpus.Models.Token> GetAsync(global::System.Threading.CancellationToken cancellationToken = default);"""),
    };
}
