using System.Collections.Generic;

namespace TokenGen.Emulator;

/// <summary>
/// The keys <see cref="EmulatorHost.RequestCount"/> counts requests under: one per operation of the five APIs.
/// A request is counted when it reaches its route, before any fault or validation, so faulted and refused
/// requests count too.
/// </summary>
public static class EmulatorRoutes
{
    /// <summary>Direct Line <c>POST /v3/directline/tokens/generate</c>.</summary>
    public const string DirectLineGenerate = "directline.generate";

    /// <summary>Direct Line <c>POST /v3/directline/tokens/refresh</c>.</summary>
    public const string DirectLineRefresh = "directline.refresh";

    /// <summary>Banyan <c>POST /api/v1/refresh_token</c> (access token from a refresh token).</summary>
    public const string BanyanRefreshV1 = "banyan.v1.refresh_token";

    /// <summary>Banyan <c>POST /api/v2/refresh_token</c> (refresh token from an access token).</summary>
    public const string BanyanRefreshV2 = "banyan.v2.refresh_token";

    /// <summary>Esper <c>GET /api/v1/token-info/</c>.</summary>
    public const string EsperTokenInfo = "esper.token-info";

    /// <summary>Esper <c>POST /api/v0/enterprise/{enterprise_id}/developerapp/{developerapp_id}/renew-token/</c>.</summary>
    public const string EsperRenewToken = "esper.renew-token";

    /// <summary>Run:ai <c>POST /api/v1/token</c> (every grant type).</summary>
    public const string RunAiGrantToken = "runai.token";

    /// <summary>Run:ai <c>POST /v1/k8s/auth/oauth/apptoken</c>.</summary>
    public const string RunAiAppToken = "runai.apptoken";

    /// <summary>Run:ai <c>GET /v1/k8s/auth/token/exchange</c>.</summary>
    public const string RunAiExchangeCode = "runai.exchange";

    /// <summary>Run:ai <c>POST /v1/k8s/auth/oauth/tokens/refresh</c>.</summary>
    public const string RunAiRefreshToken = "runai.refresh";

    /// <summary>Prowler <c>POST /api/v1/tokens</c>.</summary>
    public const string ProwlerObtain = "prowler.tokens";

    /// <summary>Prowler <c>POST /api/v1/tokens/refresh</c>.</summary>
    public const string ProwlerRefresh = "prowler.tokens.refresh";

    /// <summary>Prowler <c>POST /api/v1/tokens/switch</c>.</summary>
    public const string ProwlerSwitchTenant = "prowler.tokens.switch";

    /// <summary>Every route key, in the order the APIs are listed above.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        DirectLineGenerate, DirectLineRefresh,
        BanyanRefreshV1, BanyanRefreshV2,
        EsperTokenInfo, EsperRenewToken,
        RunAiGrantToken, RunAiAppToken, RunAiExchangeCode, RunAiRefreshToken,
        ProwlerObtain, ProwlerRefresh, ProwlerSwitchTenant,
    ];
}
