using System.Threading;
using System.Threading.Tasks;
using DirectLine = TokenGen.Clients.DirectLine;
using Banyan = TokenGen.Clients.Banyan;
using Esper = TokenGen.Clients.Esper;
using RunAi = TokenGen.Clients.RunAi;
using Prowler = TokenGen.Clients.Prowler;

// The attributes are RestEase's, named in full because TokenGen's own [Post], [Header], [Body]... are nearer in scope.
// The same five operations declared for RestEase, the reflection-era peer: RestClient.For<T> emits a proxy type for
// each interface at run time (Reflection.Emit) and every call goes through RestEase's request pipeline. They are public
// because the emitted proxies live in another, dynamic assembly.
namespace TokenGen.Benchmarks.Calls.RestEasePeer;

/// <summary>Direct Line's generate-token operation for RestEase.</summary>
[RestEase.Header("Accept", "application/json")]
public interface IRestEaseDirectLine
{
    /// <summary>POST v3/directline/tokens/generate.</summary>
    [RestEase.Post("v3/directline/tokens/generate")]
    Task<DirectLine.Conversation> GenerateTokenAsync(
        [RestEase.Header("Authorization")] string authorization,
        [RestEase.Body] DirectLine.TokenParameters? tokenParameters,
        CancellationToken cancellationToken = default);
}

/// <summary>Banyan's v1 refresh-token operation for RestEase.</summary>
[RestEase.Header("Accept", "application/json")]
public interface IRestEaseBanyan
{
    /// <summary>POST v1/refresh_token.</summary>
    [RestEase.Post("v1/refresh_token")]
    Task<Banyan.RefreshTokenV1Response> RefreshTokenAsync(
        [RestEase.Header("Authorization")] string authorization,
        CancellationToken cancellationToken = default);
}

/// <summary>Esper's token operations for RestEase.</summary>
[RestEase.Header("Accept", "application/json")]
public interface IRestEaseEsper
{
    /// <summary>GET v1/token-info/.</summary>
    [RestEase.Get("v1/token-info/")]
    Task<Esper.TokenInfoV1> GetTokenInfoAsync(
        [RestEase.Header("Authorization")] string authorization,
        CancellationToken cancellationToken = default);

    /// <summary>POST v0/enterprise/{enterprise_id}/developerapp/{developerapp_id}/renew-token/?access_token=.</summary>
    [RestEase.Post("v0/enterprise/{enterprise_id}/developerapp/{developerapp_id}/renew-token/")]
    Task<Esper.TokenRenewV0> RenewTokenAsync(
        [RestEase.Header("Authorization")] string authorization,
        [RestEase.Path("enterprise_id")] string enterpriseId,
        [RestEase.Path("developerapp_id")] string developerAppId,
        [RestEase.Query("access_token")] string accessToken,
        CancellationToken cancellationToken = default);
}

/// <summary>Run:ai's grant-token operation for RestEase.</summary>
[RestEase.Header("Accept", "application/json")]
public interface IRestEaseRunAi
{
    /// <summary>POST api/v1/token.</summary>
    [RestEase.Post("api/v1/token")]
    Task<RunAi.TokenResponse> GrantTokenAsync(
        [RestEase.Body] RunAi.TokenRequest request,
        CancellationToken cancellationToken = default);
}

/// <summary>Prowler's obtain-token operation (JSON:API) for RestEase.</summary>
[RestEase.Header("Accept", "application/vnd.api+json")]
public interface IRestEaseProwler
{
    /// <summary>POST api/v1/tokens.</summary>
    [RestEase.Post("api/v1/tokens")]
    [RestEase.Header("Content-Type", "application/vnd.api+json")]
    Task<Prowler.TokenResponse> ObtainTokenAsync(
        [RestEase.Body] Prowler.TokenRequest request,
        CancellationToken cancellationToken = default);
}
