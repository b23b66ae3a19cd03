using System.Threading;
using System.Threading.Tasks;
using DirectLine = TokenGen.Clients.DirectLine;
using Banyan = TokenGen.Clients.Banyan;
using Esper = TokenGen.Clients.Esper;
using RunAi = TokenGen.Clients.RunAi;
using Prowler = TokenGen.Clients.Prowler;

// The same five operations declared for Refit 16.4, the modern peer: its source generator (InterfaceStubGeneratorV2)
// writes a stub per interface at build time, and RestService.ForGenerated builds the client over that stub without
// reflection. The attributes are Refit's, named in full because TokenGen's own [Post], [Header], [Body]... are nearer.
// Refit wants routes that start with '/'; against a base address with a path it appends them to that path, as the
// other clients' relative routes are.
namespace TokenGen.Benchmarks.Calls.RefitPeer;

/// <summary>Direct Line's generate-token operation for Refit.</summary>
[Refit.Headers("Accept: application/json")]
public interface IRefitDirectLine
{
    /// <summary>POST /v3/directline/tokens/generate.</summary>
    [Refit.Post("/v3/directline/tokens/generate")]
    Task<DirectLine.Conversation> GenerateTokenAsync(
        [Refit.Header("Authorization")] string authorization,
        [Refit.Body] DirectLine.TokenParameters? tokenParameters,
        CancellationToken cancellationToken = default);
}

/// <summary>Banyan's v1 refresh-token operation for Refit.</summary>
[Refit.Headers("Accept: application/json")]
public interface IRefitBanyan
{
    /// <summary>POST /v1/refresh_token.</summary>
    [Refit.Post("/v1/refresh_token")]
    Task<Banyan.RefreshTokenV1Response> RefreshTokenAsync(
        [Refit.Header("Authorization")] string authorization,
        CancellationToken cancellationToken = default);
}

/// <summary>Esper's renew-token operation for Refit.</summary>
[Refit.Headers("Accept: application/json")]
public interface IRefitEsper
{
    /// <summary>POST /v0/enterprise/{enterprise_id}/developerapp/{developerapp_id}/renew-token/?access_token=.</summary>
    [Refit.Post("/v0/enterprise/{enterprise_id}/developerapp/{developerapp_id}/renew-token/")]
    Task<Esper.TokenRenewV0> RenewTokenAsync(
        [Refit.Header("Authorization")] string authorization,
        [Refit.AliasAs("enterprise_id")] string enterpriseId,
        [Refit.AliasAs("developerapp_id")] string developerAppId,
        [Refit.AliasAs("access_token")] string accessToken,
        CancellationToken cancellationToken = default);
}

/// <summary>Run:ai's grant-token operation for Refit.</summary>
[Refit.Headers("Accept: application/json")]
public interface IRefitRunAi
{
    /// <summary>POST /api/v1/token.</summary>
    [Refit.Post("/api/v1/token")]
    Task<RunAi.TokenResponse> GrantTokenAsync(
        [Refit.Body] RunAi.TokenRequest request,
        CancellationToken cancellationToken = default);
}

/// <summary>Prowler's obtain-token operation (JSON:API) for Refit.</summary>
[Refit.Headers("Accept: application/vnd.api+json")]
public interface IRefitProwler
{
    /// <summary>POST /api/v1/tokens.</summary>
    [Refit.Post("/api/v1/tokens")]
    [Refit.Headers("Content-Type: application/vnd.api+json")]
    Task<Prowler.TokenResponse> ObtainTokenAsync(
        [Refit.Body] Prowler.TokenRequest request,
        CancellationToken cancellationToken = default);
}
