using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Clients.RunAi;
using TokenGen.Demo.Output;
using TokenGen.Emulator;

namespace TokenGen.Demo.Flows;

/// <summary>
/// Run:ai: an application token (the deprecated app-token endpoint), a <c>client_credentials</c> grant (the current
/// endpoint), a refresh of that grant's refresh token, and an authorization-code exchange. The first and last need
/// credentials a client id and secret do not give, so against a real service they run only when those are passed.
/// </summary>
internal sealed class RunAiFlow : ApiFlow
{
    private const string ClientId = "client-id";
    private const string ClientSecret = "client-secret";
    private const string AppId = "app-id";
    private const string AppName = "app-name";
    private const string AppSecret = "app-secret";
    private const string Code = "code";
    private const string RedirectUri = "redirect-uri";

    public RunAiFlow() =>
        CredentialOptions =
        [
            Option(ClientId, "id", "the application's client id", isRequired: true),
            Option(ClientSecret, "s", "its client secret", isSecret: true, isRequired: true),
            Option(AppName, "name", "application name, for the app token step (skipped without it)"),
            Option(AppId, "id", "application id for the app token step (default: the client id)"),
            Option(AppSecret, "s", "application secret for the app token step (default: the client secret)", isSecret: true),
            Option(Code, "c", "an authorization code, for the exchange step (skipped without it)", isSecret: true),
            Option(RedirectUri, "uri", "the redirect URI the code was issued for"),
        ];

    public override string Id => "runai";

    public override string DisplayName => "Run:ai";

    public override string BaseUrlExample => "https://<tenant>.run.ai (or a self-hosted control plane)";

    public override IReadOnlyList<CredentialOption> CredentialOptions { get; }

    public override string? RealServiceNote => "the app token, refresh and exchange endpoints are deprecated and gone from API 2.20 on.";

    public override Uri EmulatorBaseAddress(EmulatorHost emulator) => emulator.RunAiBaseAddress;

    public override CredentialValues EmulatorCredentials(EmulatorCredentials seeded) =>
        new(new Dictionary<string, string>
        {
            [ClientId] = seeded.RunAiClientId,
            [ClientSecret] = seeded.RunAiClientSecret,
            [AppId] = seeded.RunAiAppId,
            [AppName] = seeded.RunAiAppName,
            [AppSecret] = seeded.RunAiAppSecret,
            [Code] = seeded.RunAiAuthorizationCode,
            [RedirectUri] = seeded.RunAiRedirectUri,
        });

    public override async Task RunAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var client = IRunAiTokens.Create(context.HttpClient, context.ClientOptions);
        var credentials = context.Credentials;
        var clientId = credentials.Required(ClientId);
        var clientSecret = credentials.Required(ClientSecret);

        const string AppToken = "app token";
        if (credentials.Optional(AppName) is { } appName)
        {
            // Run:ai's own scripts send the client id as the application id, hence the defaults.
            var request = new AppTokenRequest
            {
                Id = credentials.Optional(AppId) ?? clientId,
                Name = appName,
                Secret = credentials.Optional(AppSecret) ?? clientSecret,
            };
            await context.Steps.RunAsync(
                DisplayName,
                AppToken,
                ct => client.GetAppTokenAsync(request, ct),
                answer => new StepToken(answer.AccessToken, "access", "access_token"),
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            context.Steps.Skip(DisplayName, AppToken, "needs --app-name (and --app-id/--app-secret if they differ from the client's).");
        }

        var granted = await context.Steps.RunAsync(
            DisplayName,
            "grant client_credentials",
            ct => client.GrantTokenAsync(TokenRequest.ForClientCredentials(clientId, clientSecret), userAgent: null, ct),
            Issued,
            cancellationToken).ConfigureAwait(false);

        const string Refresh = "refresh";
        if (granted.RefreshToken is { Length: > 0 } refreshToken)
        {
            await context.Steps.RunAsync(
                DisplayName,
                Refresh,
                ct => client.RefreshTokenAsync(refreshToken, ct),
                Issued,
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            context.Steps.Skip(DisplayName, Refresh, "the grant answered without a refresh token (refreshToken).");
        }

        const string Exchange = "exchange code";
        if (credentials.Optional(Code) is { } code && credentials.Optional(RedirectUri) is { } redirectUri)
        {
            await context.Steps.RunAsync(
                DisplayName,
                Exchange,
                ct => client.ExchangeCodeForTokenAsync(redirectUri, code, ct),
                Issued,
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            context.Steps.Skip(DisplayName, Exchange, "needs --code and --redirect-uri.");
        }
    }

    private static StepToken Issued(TokenResponse answer) =>
        new(answer.AccessToken, "access", "accessToken", expiresInSeconds: answer.ExpiresIn);
}
