using System;

namespace TokenGen.Emulator;

/// <summary>
/// The demo credentials the emulator is seeded with: one secret, key or account per API. The values are fixed
/// (<see cref="Demo"/>) so that docs, the demo and tests can name them; give other values through
/// <see cref="EmulatorOptions.Credentials"/> (for example <c>EmulatorCredentials.Demo with { ... }</c>).
/// </summary>
public sealed record EmulatorCredentials
{
    /// <summary>The credentials every emulator starts with unless <see cref="EmulatorOptions.Credentials"/> says otherwise.</summary>
    public static EmulatorCredentials Demo { get; } = new();

    /// <summary>Direct Line: the bot's secret, sent as <c>Authorization: Bearer &lt;secret&gt;</c> to generate a token.</summary>
    public string DirectLineSecret { get; init; } = "dl-demo-secret.Xq7ZkP2mV9sLr4Tw";

    /// <summary>Banyan: a personal refresh token, sent as <c>Authorization: Bearer &lt;refresh token&gt;</c> to <c>/api/v1/refresh_token</c>.</summary>
    public string BanyanRefreshToken { get; init; } = "bnn-demo-refresh.H3fJ8qLw2ZpN6cVt";

    /// <summary>Esper: an API key (a token the emulator knows), sent as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public string EsperApiKey { get; init; } = "esper-demo-key.T9gW4mRk7YbQ2xNs";

    /// <summary>Esper: the enterprise the API key belongs to (the <c>enterprise_id</c> path segment of renew).</summary>
    public Guid EsperEnterpriseId { get; init; } = new("5b7a3c2e-1d4f-4e6a-9b8c-0f1e2d3c4b5a");

    /// <summary>Esper: the developer app the API key was issued to (the <c>developerapp_id</c> path segment of renew).</summary>
    public Guid EsperDeveloperAppId { get; init; } = new("8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");

    /// <summary>Esper: the user the API key belongs to (<c>user</c> in the token info).</summary>
    public string EsperUserId { get; init; } = "7d2c9a41-3e5b-4f60-8a71-b2c3d4e5f607";

    /// <summary>Run:ai: a client id for the <c>client_credentials</c>, <c>refresh_token</c> and <c>exchange_token</c> grants.</summary>
    public string RunAiClientId { get; init; } = "runai-demo-client";

    /// <summary>Run:ai: the secret of <see cref="RunAiClientId"/>.</summary>
    public string RunAiClientSecret { get; init; } = "runai-demo-client-secret.K5vB8nQ3";

    /// <summary>Run:ai: an application id, for the <c>app_token</c> grant (<c>appID</c>) and <c>/v1/k8s/auth/oauth/apptoken</c> (<c>id</c>).</summary>
    public string RunAiAppId { get; init; } = "runai-demo-app";

    /// <summary>Run:ai: the application's name (<c>name</c> of the app-token request).</summary>
    public string RunAiAppName { get; init; } = "tokengen-demo";

    /// <summary>Run:ai: the application's secret (<c>appSecret</c> of the grant, <c>secret</c> of the app-token request).</summary>
    public string RunAiAppSecret { get; init; } = "runai-demo-app-secret.P7wD2hJ9";

    /// <summary>Run:ai: a user name for the <c>password</c> grant.</summary>
    public string RunAiUsername { get; init; } = "demo@tokengen.test";

    /// <summary>Run:ai: the password of <see cref="RunAiUsername"/>.</summary>
    public string RunAiPassword { get; init; } = "runai-demo-password";

    /// <summary>Run:ai: an authorization code the emulator accepts (reusable) for the <c>exchange_token</c> grant and <c>/v1/k8s/auth/token/exchange</c>.</summary>
    public string RunAiAuthorizationCode { get; init; } = "runai-demo-code.Z4cX8vB1";

    /// <summary>Run:ai: the redirect URI that must accompany <see cref="RunAiAuthorizationCode"/>.</summary>
    public string RunAiRedirectUri { get; init; } = "http://localhost:8000/callback";

    /// <summary>Run:ai: an external (identity provider) token for the <c>external_token_exchange</c> grant.</summary>
    public string RunAiExternalToken { get; init; } = "runai-demo-external-token.M2nL6kJ0";

    /// <summary>Prowler: the user's email.</summary>
    public string ProwlerEmail { get; init; } = "demo@prowler.test";

    /// <summary>Prowler: the user's password.</summary>
    public string ProwlerPassword { get; init; } = "Prowler-demo-password-1";

    /// <summary>Prowler: the user's first tenant membership, used when a token request names no tenant.</summary>
    public Guid ProwlerTenantId { get; init; } = new("0f5e7a1b-2c3d-4e5f-8a9b-1c2d3e4f5a6b");

    /// <summary>Prowler: a second tenant the user is a member of, to switch to.</summary>
    public Guid ProwlerSecondTenantId { get; init; } = new("9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c5d");
}
