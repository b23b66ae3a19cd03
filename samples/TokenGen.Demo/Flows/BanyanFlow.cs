using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Clients;
using TokenGen.Clients.Banyan;
using TokenGen.Demo.Output;
using TokenGen.Emulator;

namespace TokenGen.Demo.Flows;

/// <summary>Banyan: exchange the personal refresh token for an access token (v1), then have that access token issue a new refresh token (v2).</summary>
internal sealed class BanyanFlow : ApiFlow
{
    private const string RefreshToken = "refresh-token";

    public BanyanFlow() =>
        CredentialOptions = [Option(RefreshToken, "t", "a personal refresh token (or API key)", isSecret: true, isRequired: true)];

    public override string Id => "banyan";

    public override string DisplayName => "Banyan";

    public override string BaseUrlExample => "https://net.banyanops.com/api (your command center, with /api)";

    public override IReadOnlyList<CredentialOption> CredentialOptions { get; }

    public override string? RealServiceNote =>
        "v2 issues a new refresh token, which the demo never prints in full; Banyan requires a recent LOCAL or SAML login for it.";

    public override Uri EmulatorBaseAddress(EmulatorHost emulator) => emulator.BanyanBaseAddress;

    public override CredentialValues EmulatorCredentials(EmulatorCredentials seeded) =>
        new(new Dictionary<string, string> { [RefreshToken] = seeded.BanyanRefreshToken });

    public override async Task RunAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var client = IBanyanTokens.Create(context.HttpClient, context.ClientOptions);

        var access = await context.Steps.RunAsync(
            DisplayName,
            "v1 refresh_token",
            ct => client.RefreshTokenAsync(BearerToken.Format(context.Credentials.Required(RefreshToken)), ct),
            answer => new StepToken(answer.Message, "access", "Message"),
            cancellationToken).ConfigureAwait(false);

        await context.Steps.RunAsync(
            DisplayName,
            "v2 refresh_token",
            ct => client.GenerateRefreshTokenAsync(BearerToken.Format(access.Message!), ct),
            answer => new StepToken(answer.Data?.RefreshToken, "refresh", "data.refresh_token"),
            cancellationToken).ConfigureAwait(false);
    }
}
