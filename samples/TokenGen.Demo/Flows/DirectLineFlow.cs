using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Clients;
using TokenGen.Clients.DirectLine;
using TokenGen.Demo.Output;
using TokenGen.Emulator;

namespace TokenGen.Demo.Flows;

/// <summary>Direct Line: generate a conversation token with the bot's secret, then refresh it with the token itself.</summary>
internal sealed class DirectLineFlow : ApiFlow
{
    private const string Secret = "secret";

    public DirectLineFlow() =>
        CredentialOptions = [Option(Secret, "s", "the bot's Direct Line secret", isSecret: true, isRequired: true)];

    public override string Id => "directline";

    public override string DisplayName => "Direct Line";

    public override string BaseUrlExample => "https://directline.botframework.com (or europe./india.directline.botframework.com)";

    public override IReadOnlyList<CredentialOption> CredentialOptions { get; }

    public override Uri EmulatorBaseAddress(EmulatorHost emulator) => emulator.DirectLineBaseAddress;

    public override CredentialValues EmulatorCredentials(EmulatorCredentials seeded) =>
        new(new Dictionary<string, string> { [Secret] = seeded.DirectLineSecret });

    public override async Task RunAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var client = IDirectLineTokens.Create(context.HttpClient, context.ClientOptions);

        // The optional body names the user, as Microsoft recommends: with enhanced authentication the id must
        // start with dl_, and Direct Line then stamps it on the user's activities.
        var parameters = new TokenParameters { User = new ChannelAccount { Id = "dl_tokengen-demo", Name = "TokenGen demo" } };
        var generated = await context.Steps.RunAsync(
            DisplayName,
            "generate",
            ct => client.GenerateTokenAsync(BearerToken.Format(context.Credentials.Required(Secret)), parameters, ct),
            Issued,
            cancellationToken).ConfigureAwait(false);

        // Refreshing takes the token being refreshed, not the secret: that is what lets a browser keep its
        // conversation alive without ever holding the secret.
        await context.Steps.RunAsync(
            DisplayName,
            "refresh",
            ct => client.RefreshTokenAsync(BearerToken.Format(generated.Token!), ct),
            Issued,
            cancellationToken).ConfigureAwait(false);
    }

    private static StepToken Issued(Conversation conversation) =>
        new(conversation.Token, "conversation", "token", expiresInSeconds: conversation.ExpiresIn);
}
