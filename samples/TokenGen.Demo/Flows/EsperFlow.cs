using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Clients;
using TokenGen.Clients.Esper;
using TokenGen.Demo.Output;
using TokenGen.Emulator;

namespace TokenGen.Demo.Flows;

/// <summary>
/// Esper: ask what the API key is (token info), then renew a token of the developer app. Info feeds renew: the
/// enterprise and developer app it reports are used unless given, so an API key alone runs the whole flow.
/// </summary>
internal sealed class EsperFlow : ApiFlow
{
    private const string ApiKey = "api-key";
    private const string EnterpriseId = "enterprise-id";
    private const string AppId = "app-id";
    private const string AccessToken = "access-token";

    public EsperFlow() =>
        CredentialOptions =
        [
            Option(ApiKey, "k", "the API key (sent as Bearer)", isSecret: true, isRequired: true),
            Option(EnterpriseId, "uuid", "enterprise of the app (default: what token info reports)"),
            Option(AppId, "uuid", "developer app id (default: what token info reports)"),
            Option(AccessToken, "t", "the token to renew (default: the API key)", isSecret: true),
        ];

    public override string Id => "esper";

    public override string DisplayName => "Esper";

    public override string BaseUrlExample => "https://<tenant>-api.esper.cloud/api (with /api)";

    public override IReadOnlyList<CredentialOption> CredentialOptions { get; }

    public override string? RealServiceNote => "renew issues a new API token, which the demo never prints in full.";

    public override Uri EmulatorBaseAddress(EmulatorHost emulator) => emulator.EsperBaseAddress;

    // Only the key: the emulator run shows the enterprise and app flowing from token info into renew, the way a
    // user with just an API key runs it.
    public override CredentialValues EmulatorCredentials(EmulatorCredentials seeded) =>
        new(new Dictionary<string, string> { [ApiKey] = seeded.EsperApiKey });

    public override async Task RunAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var client = IEsperTokens.Create(context.HttpClient, context.ClientOptions);
        var credentials = context.Credentials;
        var authorization = BearerToken.Format(credentials.Required(ApiKey));

        var info = await context.Steps.RunAsync(
            DisplayName,
            "token info",
            ct => client.GetTokenInfoAsync(authorization, ct),
            answer => new StepToken(answer.Token, "API", "token", expiresAt: answer.ExpiresOn),
            cancellationToken).ConfigureAwait(false);

        const string Renew = "renew token";
        var enterpriseId = credentials.Optional(EnterpriseId) ?? info.Enterprise;
        var appId = credentials.Optional(AppId) ?? info.DeveloperApp;
        if (enterpriseId is null || appId is null)
        {
            context.Steps.Skip(DisplayName, Renew, "token info named no enterprise or developer app; pass --enterprise-id and --app-id.");
            return;
        }

        await context.Steps.RunAsync(
            DisplayName,
            Renew,
            ct => client.RenewTokenAsync(authorization, enterpriseId, appId, credentials.Optional(AccessToken) ?? credentials.Required(ApiKey), ct),
            answer => new StepToken(answer.Token, "API", "token", expiresAt: answer.ExpiresAt),
            cancellationToken).ConfigureAwait(false);
    }
}
