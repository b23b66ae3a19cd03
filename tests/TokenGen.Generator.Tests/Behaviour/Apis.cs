using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>Request building: routes, query values, headers and bodies. Its default base address carries a path prefix.</summary>
[TokenApi(BaseAddress = "https://tokens.example.test/api", SerializerContext = typeof(BehaviourJsonContext))]
[Headers("X-Client: behaviour", "X-Trace: interface")]
public partial interface IRequestTokens
{
    [Get("/v1/tenants/{tenant}/tokens/{id}")]
    Task<TokenInfo?> GetTokenAsync(string tenant, string id, CancellationToken cancellationToken = default);

    [Get("/v1/items/{id}")]
    Task<TokenInfo?> GetItemAsync(string? id);

    [Get("/v1/token-info/")]
    Task<TokenInfo?> GetInfoAsync(CancellationToken cancellationToken = default);

    [Get("/v1/list?api-version=2")]
    Task<TokenInfo?> ListAsync([Query("page")] int? page);

    [Post("/v1/required")]
    Task<TokenInfo?> RequiredValuesAsync(
        [Query("scope")] string scope,
        [Query("id")] IEnumerable<string> ids,
        [Header("X-Tenant")] string tenant,
        [Form("client_id")] string clientId,
        CancellationToken cancellationToken = default);

    [Get("/v1/optional")]
    Task<TokenInfo?> OptionalQueryAsync([Query("q")] string? text, [Query("n")] int? count, [Query("flag")] bool? flag, [Query("keep")] string keep);

    [Get("/v1/values")]
    Task<TokenInfo?> ValuesAsync(
        bool yes,
        bool no,
        int count,
        long big,
        double ratio,
        decimal amount,
        float single,
        DateTimeOffset since,
        DateTime until,
        DateOnly day,
        Guid id,
        TimeSpan span);

    [Get("/v1/grants")]
    Task<TokenInfo?> GrantsAsync(
        [Query("grant")] GrantType grant,
        [Query("optional")] GrantType? optional,
        [Query("any")] IEnumerable<GrantType>? grants);

    [Get("/v1/many")]
    Task<TokenInfo?> ManyAsync(
        [Query("scope")] IEnumerable<string>? scopes,
        [Query("id")] int[]? ids,
        [Query("tag")] List<string?>? tags);

    [Get("/v1/encode")]
    Task<TokenInfo?> EncodeAsync([Query("a&b=c d+\u00e9")] string? odd, [Query("value")] string? value);

    [Get("/v1/headers")]
    [Headers("X-Trace: method", "Accept: application/json")]
    Task<TokenInfo?> HeadersAsync(
        [Header("X-Tenant")] string? tenant,
        [Header("X-Attempt")] int? attempt,
        [Header("Authorization")] string? authorization);

    [Post("/v1/json")]
    Task<TokenInfo?> PostJsonAsync([Body] TokenRequest request);

    [Post("/v1/jsonapi")]
    Task<TokenInfo?> PostJsonApiAsync([Body(ContentType = "application/vnd.api+json")] TokenRequest request);

    [Post("/v1/optional-json")]
    Task<TokenInfo?> PostOptionalJsonAsync([Body] TokenRequest? request);

    [Post("/v1/form")]
    Task<TokenInfo?> PostFormAsync([Body(BodyEncoding.FormUrlEncoded)] ClientCredentialsForm form);

    [Post("/oauth/token")]
    Task<TokenInfo?> ExchangeAsync(
        [Form("grant_type")] GrantType grantType,
        [Form("code")] string? code,
        [Form("scope")] IEnumerable<string>? scopes,
        [Form] int attempt,
        [Form("redirect_uri")] string? redirectUri);

    [Post("/v1/upload")]
    Task<TokenInfo?> UploadAsync([Body(BodyEncoding.Multipart)] UploadForm upload);

    [Post("/oauth/token"), FormField("grant_type", "refresh_token"), FormField("client_id", "app one/ü")]
    Task<TokenInfo?> RefreshWithConstantsAsync([Form("refresh_token")] string refreshToken, [Form("scope")] string? scope = null);

    [Post("/oauth/token"), FormField("grant_type", "client_credentials"), FormField("audience", "")]
    Task<TokenInfo?> ConstantsOnlyAsync(CancellationToken cancellationToken = default);

    [Post("/v1/form"), FormField("response_type", "token")]
    Task<TokenInfo?> PostFormWithConstantAsync([Body(BodyEncoding.FormUrlEncoded)] ClientCredentialsForm? form);

    [Post("/v1/upload"), FormField("kind", "avatar")]
    Task<TokenInfo?> UploadWithConstantAsync([Body(BodyEncoding.Multipart)] UploadForm upload);

    [Post("/v1/nothing")]
    Task<TokenInfo?> PostNothingAsync();

    [Put("/v1/raw")]
    Task<TokenInfo?> PutRawAsync([Body] HttpContent content);
}

/// <summary>No default base address: it must come from the options or the <see cref="HttpClient"/>.</summary>
[TokenApi(SerializerContext = typeof(BehaviourJsonContext))]
public partial interface IUnaddressedTokens
{
    [Get("/v1/x")]
    Task<string> GetXAsync();
}

/// <summary>Response reading: every supported return kind.</summary>
[TokenApi(BaseAddress = "https://responses.example.test", SerializerContext = typeof(BehaviourJsonContext))]
public partial interface IResponseTokens
{
    [Get("/v1/token")]
    Task<TokenResponse> GetTokenAsync([Query("access_token")] string? accessToken = null, CancellationToken cancellationToken = default);

    [Get("/v1/token")]
    Task<TokenResponse?> GetOptionalTokenAsync(CancellationToken cancellationToken = default);

    [Delete("/v1/token/{id}")]
    Task RevokeAsync(string id, CancellationToken cancellationToken = default);

    [Get("/v1/text")]
    Task<string> GetTextAsync(CancellationToken cancellationToken = default);

    [Get("/v1/raw")]
    Task<HttpResponseMessage> GetRawAsync(CancellationToken cancellationToken = default);

    [Post("/v1/exchange")]
    Task<ApiResponse<TokenResponse>> ExchangeAsync(CancellationToken cancellationToken = default);

    [Get("/v1/element")]
    Task<JsonElement> GetElementAsync();

    [Get("/v1/maybe-element")]
    Task<JsonElement?> GetMaybeElementAsync();

    [Get("/v1/object")]
    Task<JsonObject> GetObjectAsync();

    [Get("/v1/dictionary")]
    Task<Dictionary<string, JsonElement>> GetDictionaryAsync();
}
