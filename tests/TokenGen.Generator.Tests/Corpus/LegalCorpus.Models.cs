using System.Collections.Generic;

namespace TokenGen.Generator.Tests.Corpus;

internal static partial class LegalCorpus
{
    /// <summary>Response models with token roles: strings, numbers, nested objects, records with secrets.</summary>
    private static Dictionary<string, string> Models => new()
    {
        ["model: roles on properties, expires_in as long"] = Model("""
            public sealed class Answer
            {
                [AccessToken] public string? AccessToken { get; set; }
                [RefreshToken] public string? RefreshToken { get; set; }
                [ExpiresIn] public long ExpiresIn { get; set; }
            }
            """),
        ["model: non-nullable strings with required"] = Model("""
            public sealed class Answer
            {
                [AccessToken] public required string AccessToken { get; init; }
                [ExpiresIn] public int? ExpiresIn { get; init; }
            }
            """),
        ["model: expires_in as string"] = Model("""
            public sealed class Answer
            {
                [AccessToken] public string? Token { get; set; }
                [ExpiresIn] public string? ExpiresIn { get; set; }
            }
            """),
        ["model: expires_in as double, decimal"] = Model("""
            public sealed class Answer
            {
                [AccessToken] public string? Token { get; set; }
                [ExpiresIn] public double ExpiresIn { get; set; }
                public decimal Other { get; set; }
            }
            """),
        ["model: expires_at as DateTimeOffset"] = Model("""
            public sealed class Answer
            {
                [AccessToken] public string? Token { get; set; }
                [ExpiresAt] public DateTimeOffset? ExpiresAt { get; set; }
            }
            """),
        ["model: expires_at as DateTime and expires_in as uint"] = Model("""
            public sealed class Answer
            {
                [AccessToken] public string? Token { get; set; }
                [ExpiresAt] public DateTime ExpiresAt { get; set; }
                [ExpiresIn] public uint ExpiresIn { get; set; }
            }
            """),
        ["model: expires_at as Unix long, string"] = Model("""
            public sealed class Answer
            {
                [AccessToken] public string? Token { get; set; }
                [ExpiresAt] public long ExpiresOn { get; set; }
            }
            public sealed class Other
            {
                [AccessToken] public string? Token { get; set; }
                [ExpiresAt] public string? ExpiresOn { get; set; }
            }
            """, "Other"),
        ["model: roles on public fields"] = Model("""
            public sealed class Answer
            {
                [AccessToken, JsonInclude] public string? Token;
                [ExpiresIn, JsonInclude] public short Lifetime;
            }
            """),
        ["model: nested object holds the token"] = Model("""
            public sealed class Attributes
            {
                [AccessToken] public string? Token { get; set; }
                [ExpiresIn] public int ExpiresIn { get; set; }
            }
            public sealed class Data { public Attributes? Attributes { get; set; } }
            public sealed class Answer { public Data? Data { get; set; } }
            """),
        ["model: role inherited from a base class"] = Model("""
            public abstract class TokenBase { [AccessToken] public string? AccessToken { get; set; } }
            public sealed class Answer : TokenBase { [RefreshToken] public string? RefreshToken { get; set; } }
            """),
        ["model: collection of objects with roles is not searched"] = Model("""
            public sealed class Item { [AccessToken] public string? Token { get; set; } }
            public sealed class Answer
            {
                [AccessToken] public string? Token { get; set; }
                public List<Item>? Items { get; set; }
            }
            """),
        ["model: self-referencing graph"] = Model("""
            public sealed class Answer
            {
                [AccessToken] public string? Token { get; set; }
                public Answer? Next { get; set; }
            }
            """),
        ["model: struct answer"] = Model("""
            public struct Answer
            {
                [AccessToken] public string? Token { get; set; }
                [ExpiresIn] public int ExpiresIn { get; set; }
            }
            """),
        ["model: partial record with a secret"] = Model("""
            public sealed partial record Answer([property: AccessToken] string? Token, [property: ExpiresIn] int ExpiresIn);
            """),
        ["model: partial record with members in the body"] = Model("""
            public partial record Answer
            {
                [AccessToken] public string? AccessToken { get; init; }
                [JsonPropertyName("client_secret")] public string? ClientSecret { get; init; }
                public string? Password { get; init; }
                public int Count { get; init; }
            }
            """),
        ["model: partial record struct with a secret"] = Model("""
            public partial record struct Answer([property: AccessToken] string? Token, int Lifetime);
            """),
        ["model: record with its own ToString"] = Model("""
            public sealed record Answer([property: AccessToken] string? Token)
            {
                public override string ToString() => "Answer";
            }
            """),
        ["model: record without secrets"] = Model("""
            public sealed record Answer(string? Status, int Count);
            """),
        ["model: partial record sent as a body"] = """
            namespace Corpus.Apis
            {
                public sealed partial record Credentials([property: JsonPropertyName("client_secret")] string ClientSecret, string ApiKey);

                [JsonSerializable(typeof(Credentials))]
                [JsonSerializable(typeof(Token))]
                public sealed partial class ModelContext : JsonSerializerContext;

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(ModelContext))]
                public partial interface IModelApi
                {
                    [Post("/token")] Task<Token> AcquireAsync([Body] Credentials credentials, CancellationToken cancellationToken = default);
                }
            }
            """,
        ["model: partial record in a nested namespace"] = """
            namespace Corpus.Apis.Deep.Models
            {
                public partial record Answer([property: AccessToken] string? Token, [property: RefreshToken] string? Refresh);

                [JsonSerializable(typeof(Answer))]
                public sealed partial class ModelContext : JsonSerializerContext;

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(ModelContext))]
                public partial interface IModelApi
                {
                    [Post("/token")] Task<ApiResponse<Answer>> AcquireAsync();
                }
            }
            """,
        ["model: partial record in the global namespace"] = """
            public partial record GlobalAnswer([property: AccessToken] string? Token);

            [JsonSerializable(typeof(GlobalAnswer))]
            public sealed partial class GlobalContext : JsonSerializerContext;

            [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(GlobalContext))]
            public partial interface IGlobalModelApi
            {
                [Post("/token")] Task<GlobalAnswer> AcquireAsync();
            }
            """,
        ["model: partial record in a disabled-nullable file"] = """
            #nullable disable
            namespace Corpus.Apis
            {
                public partial record Answer([property: AccessToken] string Token, string RefreshToken);

                [JsonSerializable(typeof(Answer))]
                public sealed partial class ModelContext : JsonSerializerContext;

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(ModelContext))]
                public partial interface IModelApi
                {
                    [Post("/token")] Task<Answer> AcquireAsync();
                }
            }
            """,
        ["model: answer in an ApiResponse and a list"] = Model("""
            public sealed class Answer { [AccessToken] public string? Token { get; set; } }
            """, "List<Answer>"),
        ["model: nullable answer"] = Model("""
            public sealed class Answer { [AccessToken] public string? Token { get; set; } [ExpiresIn] public int? Lifetime { get; set; } }
            """, "Answer?"),
        ["model: wire names and JsonIgnore"] = Model("""
            public sealed class Answer
            {
                [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
                [JsonIgnore] public string? Cached { get; set; }
                [JsonPropertyName("ext_expires_in")] public int ExtExpiresIn { get; set; }
            }
            """),
    };

    /// <summary>The <paramref name="models"/>, a context registering <c>Answer</c> (and <paramref name="returned"/>), and an operation returning it.</summary>
    private static string Model(string models, string returned = "Answer")
    {
        var registered = returned.TrimEnd('?');
        var extra = registered == "Answer" ? "" : $"\n        [JsonSerializable(typeof({registered}))]";
        return $$"""
            namespace Corpus.Apis
            {
            {{Indent(models)}}

                [JsonSerializable(typeof(Answer))]{{extra}}
                public sealed partial class ModelContext : JsonSerializerContext;

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(ModelContext))]
                public partial interface IModelApi
                {
                    [Post("/token")] Task<Answer> AcquireAsync(CancellationToken cancellationToken = default);
                    [Get("/token")] Task<{{returned}}> GetAsync(CancellationToken cancellationToken = default);
                }
            }
            """;
    }
}
