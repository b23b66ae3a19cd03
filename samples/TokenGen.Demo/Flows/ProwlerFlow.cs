using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Clients;
using TokenGen.Clients.Prowler;
using TokenGen.Demo.Output;
using TokenGen.Emulator;

namespace TokenGen.Demo.Flows;

/// <summary>
/// Prowler: obtain a token pair with email and password, refresh it (which rotates the refresh token), then switch
/// tenant with the refreshed access token.
/// </summary>
internal sealed class ProwlerFlow : ApiFlow
{
    private const string Email = "email";
    private const string Password = "password";
    private const string Tenant = "tenant";

    public ProwlerFlow() =>
        CredentialOptions =
        [
            Option(Email, "e", "the user's email", isRequired: true),
            Option(Password, "p", "the user's password", isSecret: true, isRequired: true),
            Option(Tenant, "uuid", "a tenant of the user to switch to (switch skipped without it)"),
        ];

    public override string Id => "prowler";

    public override string DisplayName => "Prowler";

    public override string BaseUrlExample => "https://api.prowler.com (or a self-hosted API, e.g. http://localhost:8080)";

    public override IReadOnlyList<CredentialOption> CredentialOptions { get; }

    public override Uri EmulatorBaseAddress(EmulatorHost emulator) => emulator.ProwlerBaseAddress;

    // The second tenant, so the switch really changes tenant: signing in without one lands in the first.
    public override CredentialValues EmulatorCredentials(EmulatorCredentials seeded) =>
        new(new Dictionary<string, string>
        {
            [Email] = seeded.ProwlerEmail,
            [Password] = seeded.ProwlerPassword,
            [Tenant] = seeded.ProwlerSecondTenantId.ToString("D", CultureInfo.InvariantCulture),
        });

    public override async Task RunAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var client = IProwlerTokens.Create(context.HttpClient, context.ClientOptions);
        var credentials = context.Credentials;

        const string Obtain = "obtain";
        var obtained = await context.Steps.RunAsync(
            DisplayName,
            Obtain,
            ct => client.ObtainTokenAsync(new TokenRequest(credentials.Required(Email), credentials.Required(Password)), cancellationToken: ct),
            answer => new StepToken(answer.Access, "access", "data.attributes.access"),
            cancellationToken).ConfigureAwait(false);

        const string Refresh = "refresh";
        var refreshToken = obtained.Refresh
            ?? throw context.Steps.Fail(DisplayName, Refresh, "obtain answered without a refresh token (data.attributes.refresh).");
        var refreshed = await context.Steps.RunAsync(
            DisplayName,
            Refresh,
            ct => client.RefreshTokenAsync(new TokenRefreshRequest(refreshToken), cancellationToken: ct),
            answer => new StepToken(answer.Access, "access", "data.attributes.access"),
            cancellationToken).ConfigureAwait(false);

        const string Switch = "switch tenant";
        if (credentials.Optional(Tenant) is not { } tenant)
        {
            context.Steps.Skip(DisplayName, Switch, "needs --tenant <uuid>.");
            return;
        }

        // Switching needs an access token; the refreshed one, since refresh is what keeps a session going.
        await context.Steps.RunAsync(
            DisplayName,
            Switch,
            ct => client.SwitchTenantAsync(BearerToken.Format(refreshed.Access!), new TokenSwitchTenantRequest(tenant), ct),
            answer => new StepToken(answer.Access, "access", "data.attributes.access"),
            cancellationToken).ConfigureAwait(false);
    }
}
