using TokenGen.Clients.OAuth2;

namespace TokenGen.OAuth2.Tests.Infrastructure;

/// <summary>One OpenIddict server for a test class (ephemeral keys take a moment to make).</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private AuthorizationServer? _server;

    internal AuthorizationServer Server => _server!;

    public async Task InitializeAsync() => _server = await AuthorizationServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    internal OAuth2Client Client(OAuth2ClientAuthentication authentication, TimeProvider? clock = null) =>
        new(new OAuth2Endpoints(Server.Endpoint("connect/token"))
        {
            Issuer = Server.Issuer,
            AuthorizationEndpoint = Server.Endpoint("connect/authorize"),
            IntrospectionEndpoint = Server.Endpoint("connect/introspect"),
            RevocationEndpoint = Server.Endpoint("connect/revoke"),
            DeviceAuthorizationEndpoint = Server.Endpoint("connect/device"),
        },
        authentication,
        TokenApiHttpClient.Create(),
        new TokenApiClientOptions { TimeProvider = clock ?? TimeProvider.System });

    internal OAuth2Client Confidential(TimeProvider? clock = null) => Client(
        OAuth2ClientAuthentication.ClientSecretBasic(AuthorizationServer.ConfidentialClientId, AuthorizationServer.ConfidentialClientSecret), clock);
}
