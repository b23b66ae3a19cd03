using System.Collections.Generic;

namespace TokenGen.Generator.Tests.Corpus;

internal static partial class LegalCorpus
{
    /// <summary>XML documentation on everything, as a project with GenerateDocumentationFile writes it.</summary>
    private static Dictionary<string, string> Documented => new()
    {
        ["docs: everything documented"] = """
            namespace Corpus.Documented
            {
                /// <summary>A token answer.</summary>
                public sealed class DocToken
                {
                    /// <summary>The token.</summary>
                    [AccessToken] public string? AccessToken { get; set; }

                    /// <summary>Seconds until it expires.</summary>
                    [ExpiresIn] public int ExpiresIn { get; set; }
                }

                /// <summary>The serializer context.</summary>
                [JsonSerializable(typeof(DocToken))]
                public sealed partial class DocContext : JsonSerializerContext;

                /// <summary>Tokens, documented.</summary>
                /// <remarks>See <see cref="DocToken"/> and <see href="https://example.com">the docs</see>.</remarks>
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(DocContext))]
                public partial interface IDocTokens
                {
                    /// <summary>Acquires a token for <paramref name="tenant"/>.</summary>
                    /// <param name="tenant">The tenant.</param>
                    /// <param name="scope">The scope, or <see langword="null"/>.</param>
                    /// <param name="cancellationToken">Cancels the request.</param>
                    /// <returns>The <see cref="DocToken"/>.</returns>
                    /// <exception cref="TokenApiException">On a non-success status.</exception>
                    [Post("/tenants/{tenant}/token")]
                    Task<DocToken> AcquireAsync(string tenant, [Form("scope")] string? scope = null, CancellationToken cancellationToken = default);

                    /// <inheritdoc cref="AcquireAsync"/>
                    [Get("/tenants/{tenant}/token")]
                    Task<ApiResponse<DocToken>> TryAcquireAsync(string tenant, CancellationToken cancellationToken = default);
                }
            }
            """,
        ["docs: documented global-namespace interface"] = """
            /// <summary>A ping API.</summary>
            [TokenApi(BaseAddress = "https://auth.example.com")]
            public partial interface IDocPing
            {
                /// <summary>Pings.</summary>
                /// <param name="cancellationToken">Cancels.</param>
                /// <returns>A task.</returns>
                [Get("/ping")] Task PingAsync(CancellationToken cancellationToken = default);
            }
            """,
        ["docs: documented partial record"] = """
            namespace Corpus.Documented
            {
                /// <summary>A session token.</summary>
                /// <param name="Token">The token.</param>
                /// <param name="ExpiresIn">Its lifetime in seconds.</param>
                public sealed partial record SessionToken([property: AccessToken] string? Token, [property: ExpiresIn] int ExpiresIn);

                /// <summary>Context.</summary>
                [JsonSerializable(typeof(SessionToken))]
                public sealed partial class SessionContext : JsonSerializerContext;

                /// <summary>Sessions.</summary>
                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(SessionContext))]
                public partial interface ISessions
                {
                    /// <summary>Starts one.</summary>
                    /// <param name="cancellationToken">Cancels.</param>
                    /// <returns>The session token.</returns>
                    [Post("/session")] Task<SessionToken> StartAsync(CancellationToken cancellationToken = default);
                }
            }
            """,
        ["docs: documented with XML-special characters"] = Api("""
            /// <summary>Finds tokens where a &lt; b &amp;&amp; c &gt; d, "quoted" and 'single'.</summary>
            /// <param name="filter">A filter such as <c>a&lt;b</c>.</param>
            /// <returns>A token.</returns>
            [Get("/tokens?x=1&y=2")] Task<Token> FindAsync([Query("filter<>&")] string filter);
            """),
        ["docs: documented parameters with keyword names"] = Api("""
            /// <summary>Gets.</summary>
            /// <param name="class">A class.</param>
            /// <param name="event">An event.</param>
            /// <returns>A token.</returns>
            [Get("/tokens/{class}")] Task<Token> GetAsync(string @class, [Header("X-Event")] string @event);
            """),
        ["docs: the docs' getting-started declaration"] = """
            namespace MyApp
            {
                public sealed class TokenAnswer
                {
                    [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
                    [JsonPropertyName("refresh_token"), RefreshToken] public string? RefreshToken { get; set; }
                    [JsonPropertyName("expires_in"), ExpiresIn] public int ExpiresIn { get; set; }
                }

                public sealed class TokenError
                {
                    [JsonPropertyName("code")] public string? Code { get; set; }
                    [JsonPropertyName("message")] public string? Message { get; set; }
                }

                [JsonSerializable(typeof(TokenAnswer))]
                [JsonSerializable(typeof(TokenError))]
                public sealed partial class MyTokensJsonContext : JsonSerializerContext;

                [TokenApi(BaseAddress = "https://auth.example.com/api", SerializerContext = typeof(MyTokensJsonContext))]
                [Headers("Accept: application/json")]
                public partial interface IMyTokens
                {
                    [Post("/v1/tenants/{tenant}/token")]
                    Task<TokenAnswer> AcquireAsync(string tenant, [Header("X-Api-Key")] string apiKey, CancellationToken cancellationToken = default);

                    [Post("/v1/token/refresh")]
                    Task<TokenAnswer> RefreshAsync([Query("refresh_token")] string refreshToken, CancellationToken cancellationToken = default);
                }
            }
            """,
    };
}
