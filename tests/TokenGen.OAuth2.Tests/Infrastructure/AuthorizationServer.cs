using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace TokenGen.OAuth2.Tests.Infrastructure;

/// <summary>What the in-process server allows, beyond its defaults.</summary>
internal sealed class ServerSettings
{
    /// <summary>The server's clock; the system clock unless a test moves it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a device code and its user code live (RFC 8628 §3.2 <c>expires_in</c>); OpenIddict's default.</summary>
    public TimeSpan DeviceCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The <c>interval</c> the device authorization answer states; <see langword="null"/> to leave it out.</summary>
    public int? AdvertisedDevicePollingInterval { get; set; } = 5;

    /// <summary>
    /// The pace the server holds device polls to: a poll sooner than this after the previous one (or after the codes were
    /// issued) is answered <c>slow_down</c> (RFC 8628 §3.5). Larger than the advertised interval for a server under load.
    /// </summary>
    public TimeSpan RequiredDevicePollingInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// OpenIddict 7.9 hosted on Kestrel at 127.0.0.1 (port chosen at run time), in degraded mode: no database, the clients
/// below registered here and their credentials checked by this class's event handlers, ephemeral keys, access tokens
/// signed but not encrypted (so they are JWTs with an <c>exp</c>), transport security off for loopback.
/// </summary>
/// <remarks>
/// <para>
/// What OpenIddict enforces itself, in degraded mode: client authentication is this class's (<see cref="ValidateClient"/>);
/// everything about tokens is OpenIddict's. It issues every token (access, refresh, authorization code, device code) as a
/// signed and (but for access tokens) encrypted JWT with its ephemeral keys, and on every use validates it: signature,
/// issuer, token type, expiry (an expired device code is its own <c>expired_token</c>), the client it was issued to, PKCE,
/// scopes and resources. It issues a new refresh token at each refresh (sliding expiration; degraded mode turns its
/// "rolling" tokens off, as rolling means marking the old one redeemed in storage), and maps an invalid token at the
/// token endpoint to <c>invalid_grant</c>.
/// </para>
/// <para>
/// What degraded mode cannot do without storage, and <see cref="TokenEntries"/> supplies in the two places OpenIddict's
/// own storage handlers sit (<c>CreateTokenEntry</c> when a token is generated, <c>ValidateTokenEntry</c> when one is
/// validated): an id in each token and that id's status. From it: a refresh token, authorization code or device code is
/// good once (a reuse is <c>invalid_grant</c>, as OpenIddict with storage and no reuse leeway answers); a revoked token
/// (RFC 7009, after OpenIddict validated it and checked it belongs to the revoking client) is refused at the token
/// endpoint and inactive at introspection; a device code is <c>authorization_pending</c> until the user answers
/// (<see cref="ApproveDevice"/>, <see cref="DenyDevice"/> stand for the end-user verification page), then
/// <c>access_denied</c> or good once; a poll sooner than <see cref="ServerSettings.RequiredDevicePollingInterval"/> is
/// <c>slow_down</c> (OpenIddict does not pace polls itself); and the user code is a short code from this store, as
/// degraded mode would hand out its long encrypted user code token. Not done: revoking a reused refresh token's whole
/// chain (OpenIddict does it through authorization entries, which degraded mode has none of).
/// </para>
/// </remarks>
internal sealed class AuthorizationServer : IAsyncDisposable
{
    public const string ConfidentialClientId = "confidential";
    public const string ConfidentialClientSecret = "s3cret-Value";

    /// <summary>An id and a secret with characters RFC 6749 §2.3.1's form-encoding changes: ':', '+', '%', space, '/', non-ASCII.</summary>
    public const string AwkwardClientId = "app:één+1";
    public const string AwkwardClientSecret = "p@ss w+rd/%:é=";

    public const string PublicClientId = "device-app";
    public const string RedirectUri = "http://127.0.0.1/callback";
    public const string UserName = "alice";
    public const string UserPassword = "Wonderland!1";
    public const string Resource = "https://api.example.com/";
    public const string OtherResource = "https://reports.example.com/";

    private static readonly Dictionary<string, string?> s_clients = new(StringComparer.Ordinal)
    {
        [ConfidentialClientId] = ConfidentialClientSecret,
        [AwkwardClientId] = AwkwardClientSecret,
        [PublicClientId] = null,
    };

    private readonly TokenEntries _entries;
    private readonly ServerSettings _settings;
    private WebApplication? _app;
    private int _tokenRequests;

    private AuthorizationServer(ServerSettings settings)
    {
        _settings = settings;
        _entries = new TokenEntries(settings.TimeProvider);
    }

    /// <summary>The issuer, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Issuer { get; private set; } = null!;

    /// <summary>How many requests reached the token endpoint (counted before any check).</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public Uri Endpoint(string path) => new(Issuer, path);

    public static async Task<AuthorizationServer> StartAsync(ServerSettings? settings = null)
    {
        settings ??= new ServerSettings();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("TOKENGEN_OAUTH2_SERVER_LOG") == "1")
        {
            builder.Logging.AddSimpleConsole();
        }
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        var server = new AuthorizationServer(settings);
        builder.Services.AddAuthentication();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetTokenEndpointUris("connect/token")
                .SetAuthorizationEndpointUris("connect/authorize")
                .SetIntrospectionEndpointUris("connect/introspect")
                .SetRevocationEndpointUris("connect/revoke")
                .SetDeviceAuthorizationEndpointUris("connect/device")
                .SetEndUserVerificationEndpointUris("connect/verify");

            options.AllowClientCredentialsFlow()
                .AllowPasswordFlow()
                .AllowRefreshTokenFlow()
                .AllowAuthorizationCodeFlow()
                .AllowTokenExchangeFlow()
                .AllowDeviceAuthorizationFlow()
                .RequireProofKeyForCodeExchange();

            options.EnableDegradedMode()
                .DisableTokenStorage()
                .DisableAuthorizationStorage()
                .AddEphemeralEncryptionKey()
                .AddEphemeralSigningKey()
                .DisableAccessTokenEncryption()
                .RegisterScopes("api.read", "api.write", Scopes.OfflineAccess)
                .RegisterResources(Resource, OtherResource)
                .SetAccessTokenLifetime(settings.AccessTokenLifetime)
                .SetDeviceCodeLifetime(settings.DeviceCodeLifetime)
                .SetUserCodeLifetime(settings.DeviceCodeLifetime)
                // No grace period for a redeemed refresh token, as ValidateTokenEntry below has none: a reuse is refused at once.
                .SetRefreshTokenReuseLeeway(null);

            options.Configure(o => o.TimeProvider = settings.TimeProvider);

            options.UseAspNetCore().DisableTransportSecurityRequirement();

            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context => server.ValidateTokenRequest(context)));
            options.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseInlineHandler(context => server.HandleTokenRequest(context)));
            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context => server.ValidateAuthorizationRequest(context)));
            options.AddEventHandler<HandleAuthorizationRequestContext>(handler => handler.UseInlineHandler(context => server.HandleAuthorizationRequest(context)));
            options.AddEventHandler<ValidateIntrospectionRequestContext>(handler => handler.UseInlineHandler(context => server.ValidateClient(context, context.Request)));
            options.AddEventHandler<HandleIntrospectionRequestContext>(handler => handler.UseInlineHandler(HandleIntrospectionRequest));
            options.AddEventHandler<ValidateRevocationRequestContext>(handler => handler.UseInlineHandler(context => server.ValidateClient(context, context.Request)));
            options.AddEventHandler<HandleRevocationRequestContext>(handler => handler.UseInlineHandler(context => server.HandleRevocationRequest(context)));
            options.AddEventHandler<ValidateDeviceAuthorizationRequestContext>(handler => handler.UseInlineHandler(context => server.ValidateClient(context, context.Request)));
            options.AddEventHandler<HandleDeviceAuthorizationRequestContext>(handler => handler.UseInlineHandler(context => server.HandleDeviceAuthorizationRequest(context)));
            options.AddEventHandler<ValidateEndUserVerificationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                // The user's answer is given through ApproveDevice/DenyDevice; degraded mode insists on a handler here.
                context.Reject(Errors.InvalidRequest, "Devices are approved by the test (AuthorizationServer.ApproveDevice).");
                return default;
            }));

            // Where OpenIddict's storage handlers would run (they are off in degraded mode): see the class remarks.
            options.AddEventHandler<GenerateTokenContext>(handler => handler
                .UseInlineHandler(context => server.CreateTokenEntry(context))
                .SetOrder(OpenIddictServerHandlers.Protection.CreateTokenEntry.Descriptor.Order));
            options.AddEventHandler<ValidateTokenContext>(handler => handler
                .UseInlineHandler(context => server.ValidateTokenEntry(context))
                .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order));
        });

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/connect/token"))
            {
                Interlocked.Increment(ref server._tokenRequests);
            }

            await next(context);
        });
        app.UseAuthentication();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server._app = app;
        server.Issuer = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public ValueTask DisposeAsync() => _app?.DisposeAsync() ?? default;

    /// <summary>The user enters <paramref name="userCode"/> on the verification page, signs in as <paramref name="subject"/> and approves.</summary>
    /// <returns><see langword="false"/> when the code is unknown or was already answered.</returns>
    public bool ApproveDevice(string userCode, string subject = UserName) => _entries.Answer(userCode, subject);

    /// <summary>The user enters <paramref name="userCode"/> and denies the device.</summary>
    /// <returns><see langword="false"/> when the code is unknown or was already answered.</returns>
    public bool DenyDevice(string userCode) => _entries.Answer(userCode, subject: null);

    private ValueTask ValidateClient(BaseValidatingContext context, OpenIddictRequest request)
    {
        if (request.ClientId is not { } clientId || !s_clients.TryGetValue(clientId, out var secret))
        {
            context.Reject(Errors.InvalidClient, "The client is unknown.");
        }
        else if (secret is not null && !string.Equals(secret, request.ClientSecret, StringComparison.Ordinal))
        {
            context.Reject(Errors.InvalidClient, "The client credentials are invalid.");
        }
        else if (secret is null && request.ClientSecret is not null)
        {
            context.Reject(Errors.InvalidClient, "A public client has no secret.");
        }

        return default;
    }

    private ValueTask ValidateTokenRequest(ValidateTokenRequestContext context)
    {
        ValidateClient(context, context.Request);
        if (context.IsRejected)
        {
            return default;
        }

        if (context.Request.IsPasswordGrantType()
            && (context.Request.Username != UserName || context.Request.Password != UserPassword))
        {
            context.Reject(Errors.InvalidGrant, "The user name or password is invalid.");
        }

        return default;
    }

    private ValueTask HandleTokenRequest(HandleTokenRequestContext context)
    {
        var request = context.Request;
        ClaimsPrincipal principal;
        if (request.IsClientCredentialsGrantType())
        {
            principal = NewPrincipal(subject: request.ClientId!, request.GetScopes());
        }
        else if (request.IsPasswordGrantType())
        {
            principal = NewPrincipal(subject: UserName, request.GetScopes());
        }
        else if (request.IsTokenExchangeGrantType())
        {
            var subject = context.SubjectTokenPrincipal!;
            principal = NewPrincipal(subject: subject.GetClaim(Claims.Subject)!, request.GetScopes());
            principal.SetAudiences(request.GetAudiences());
        }
        else if (request.IsDeviceCodeGrantType())
        {
            // The device code carries the client and the scopes; the user who approved it is in its entry.
            var deviceCode = context.DeviceCodePrincipal!;
            if (!Redeem(context, deviceCode, "device code"))
            {
                return default;
            }

            principal = NewPrincipal(subject: _entries.SubjectOf(deviceCode.GetTokenId()!)!, deviceCode.GetScopes());
        }
        else
        {
            // authorization_code, refresh_token: the principal the code or token carried, used once.
            var presented = (context.AuthorizationCodePrincipal ?? context.RefreshTokenPrincipal)!;
            if (!Redeem(context, presented, request.IsRefreshTokenGrantType() ? "refresh token" : "authorization code"))
            {
                return default;
            }

            principal = presented.Clone(claim => claim.Type != Claims.Private.TokenId);
        }

        principal.SetResources(request.GetResources());
        principal.SetPresenters(request.ClientId!);
        context.SignIn(principal);
        return default;
    }

    private ValueTask ValidateAuthorizationRequest(ValidateAuthorizationRequestContext context)
    {
        if (context.ClientId is not { } clientId || !s_clients.ContainsKey(clientId))
        {
            context.Reject(Errors.InvalidClient, "The client is unknown.");
        }
        else if (context.RedirectUri != RedirectUri)
        {
            context.Reject(Errors.InvalidRequest, "The redirect_uri is not registered.");
        }
        else
        {
            context.SetRedirectUri(RedirectUri);
        }

        return default;
    }

    private ValueTask HandleAuthorizationRequest(HandleAuthorizationRequestContext context)
    {
        // The user is signed in and approves whatever the client asks: the test drives the endpoint like a browser.
        context.SignIn(NewPrincipal(subject: UserName, context.Request.GetScopes()));
        return default;
    }

    private static ValueTask HandleIntrospectionRequest(HandleIntrospectionRequestContext context)
    {
        // OpenIddict validated the token, ValidateTokenEntry included: a revoked or redeemed one never gets here, and
        // OpenIddict answers it {"active":false} (RFC 7662 §2.2) by itself.
        return default;
    }

    private ValueTask HandleRevocationRequest(HandleRevocationRequestContext context)
    {
        // OpenIddict validated the token and that it was issued to the revoking client; what it cannot do without storage
        // is remember the revocation (its RevokeToken handler is off in degraded mode).
        if (context.GenericTokenPrincipal?.GetTokenId() is not { } id)
        {
            context.Reject(Errors.UnsupportedTokenType, "The token has no entry to revoke.");
            return default;
        }

        _entries.Revoke(id);
        context.HandleRequest();
        return default;
    }

    private ValueTask HandleDeviceAuthorizationRequest(HandleDeviceAuthorizationRequestContext context)
    {
        // OpenIddict signs in a principal with the requested scopes by itself; it states no interval (5 s by RFC 8628 §3.2).
        if (_settings.AdvertisedDevicePollingInterval is { } interval)
        {
            context.Parameters[Parameters.Interval] = interval;
        }

        return default;
    }

    /// <summary>In place of OpenIddict's CreateTokenEntry: gives the token an id and an entry before OpenIddict serializes it.</summary>
    private ValueTask CreateTokenEntry(GenerateTokenContext context)
    {
        if (context.TokenType == TokenTypeIdentifiers.Private.UserCode)
        {
            // A code a person can type, for the device code this user code was issued with; OpenIddict then leaves it as is
            // (a token already attached is not generated again, and degraded mode sets no user code format).
            context.Token = _entries.CreateUserCode(context.Principal.GetClaim(Claims.Private.DeviceCodeId)!);
            return default;
        }

        context.Principal.SetTokenId(_entries.Create(pending: context.TokenType == TokenTypeIdentifiers.Private.DeviceCode));
        return default;
    }

    /// <summary>In place of OpenIddict's ValidateTokenEntry: after OpenIddict validated the token, its entry's status.</summary>
    private ValueTask ValidateTokenEntry(ValidateTokenContext context)
    {
        if (context.Principal?.GetTokenId() is not { } id)
        {
            return default;
        }

        var type = context.Principal.GetTokenType();
        var name = type switch
        {
            TokenTypeIdentifiers.RefreshToken => "refresh token",
            TokenTypeIdentifiers.Private.AuthorizationCode => "authorization code",
            TokenTypeIdentifiers.Private.DeviceCode => "device code",
            _ => "token",
        };

        if (type == TokenTypeIdentifiers.Private.DeviceCode && context.EndpointType == OpenIddictServerEndpointType.Token
            && _entries.PollTooSoon(id, _settings.RequiredDevicePollingInterval))
        {
            context.Reject(Errors.SlowDown, "The device polled sooner than the server allows.");
            return default;
        }

        switch (_entries.StatusOf(id))
        {
            case null:
                context.Reject(Errors.InvalidToken, $"The {name} has no entry.");
                break;
            case TokenEntries.Status.Revoked:
                context.Reject(Errors.InvalidToken, $"The {name} was revoked.");
                break;
            case TokenEntries.Status.Redeemed:
                context.Reject(Errors.InvalidToken, $"The {name} has already been redeemed.");
                break;
            case TokenEntries.Status.Pending:
                context.Reject(Errors.AuthorizationPending, "The user has not approved the device yet.");
                break;
            case TokenEntries.Status.Denied:
                context.Reject(Errors.AccessDenied, "The user denied the device.");
                break;
        }

        return default;
    }

    /// <summary>Marks a one-use token used, or refuses the request when another request used it first.</summary>
    private bool Redeem(HandleTokenRequestContext context, ClaimsPrincipal presented, string name)
    {
        if (_entries.TryRedeem(presented.GetTokenId()!))
        {
            return true;
        }

        context.Reject(Errors.InvalidGrant, $"The {name} has already been redeemed.");
        return false;
    }

    private static ClaimsPrincipal NewPrincipal(string subject, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(authenticationType: "TokenGen.OAuth2.Tests", Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        identity.SetClaim(Claims.Name, subject);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetDestinations(_ => [Destinations.AccessToken]);
        return principal;
    }

}
