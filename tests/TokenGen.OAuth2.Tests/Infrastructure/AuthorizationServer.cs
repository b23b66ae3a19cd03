using System.Collections.Concurrent;
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

}

/// <summary>
/// OpenIddict 7.9 hosted on Kestrel at 127.0.0.1 (port chosen at run time), in degraded mode: no database, the clients
/// below registered here and their credentials checked by this class's event handlers, ephemeral keys, access tokens
/// signed but not encrypted (so they are JWTs with an <c>exp</c>), transport security off for loopback.
/// </summary>
/// <remarks>
/// Degraded mode has no token storage, so OpenIddict itself cannot mark a rotated refresh token as spent, nor revoke one.
/// The handlers do what the storage would: a refresh token is good for one use (reuse is <c>invalid_grant</c>), and
/// revocation puts a token on a list that the token and introspection endpoints consult.
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

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _spentRefreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _revokedTokens = new(StringComparer.Ordinal);
    private int _tokenRequests;

    private AuthorizationServer(WebApplication app, Uri issuer)
    {
        _app = app;
        Issuer = issuer;
    }

    /// <summary>The issuer, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Issuer { get; }

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

        AuthorizationServer? server = null;
        builder.Services.AddAuthentication();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetTokenEndpointUris("connect/token")
                .SetAuthorizationEndpointUris("connect/authorize")
                .SetIntrospectionEndpointUris("connect/introspect")
                .SetRevocationEndpointUris("connect/revoke");

            options.AllowClientCredentialsFlow()
                .AllowPasswordFlow()
                .AllowRefreshTokenFlow()
                .AllowAuthorizationCodeFlow()
                .AllowTokenExchangeFlow()
                .RequireProofKeyForCodeExchange();

            options.EnableDegradedMode()
                .DisableTokenStorage()
                .DisableAuthorizationStorage()
                .AddEphemeralEncryptionKey()
                .AddEphemeralSigningKey()
                .DisableAccessTokenEncryption()
                .RegisterScopes("api.read", "api.write", Scopes.OfflineAccess)
                .RegisterResources(Resource, OtherResource)
                .SetAccessTokenLifetime(settings.AccessTokenLifetime);

            options.Configure(o => o.TimeProvider = settings.TimeProvider);

            options.UseAspNetCore().DisableTransportSecurityRequirement();

            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context => server!.ValidateTokenRequest(context)));
            options.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseInlineHandler(context => server!.HandleTokenRequest(context)));
            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context => server!.ValidateAuthorizationRequest(context)));
            options.AddEventHandler<HandleAuthorizationRequestContext>(handler => handler.UseInlineHandler(context => server!.HandleAuthorizationRequest(context)));
            options.AddEventHandler<ValidateIntrospectionRequestContext>(handler => handler.UseInlineHandler(context => server!.ValidateClient(context, context.Request)));
            options.AddEventHandler<HandleIntrospectionRequestContext>(handler => handler.UseInlineHandler(context => server!.HandleIntrospectionRequest(context)));
            options.AddEventHandler<ValidateRevocationRequestContext>(handler => handler.UseInlineHandler(context => server!.ValidateClient(context, context.Request)));
            options.AddEventHandler<HandleRevocationRequestContext>(handler => handler.UseInlineHandler(context => server!.HandleRevocationRequest(context)));
        });

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/connect/token"))
            {
                Interlocked.Increment(ref server!._tokenRequests);
            }

            await next(context);
        });
        app.UseAuthentication();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server = new AuthorizationServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

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

        if (context.Request.IsRefreshTokenGrantType() && context.Request.RefreshToken is { } refreshToken)
        {
            if (_revokedTokens.ContainsKey(refreshToken))
            {
                context.Reject(Errors.InvalidGrant, "The refresh token was revoked.");
            }
            else if (!_spentRefreshTokens.TryAdd(refreshToken, true))
            {
                // What token storage would do for a rolling refresh token: one use only.
                context.Reject(Errors.InvalidGrant, "The refresh token was already redeemed.");
            }
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
        else
        {
            // authorization_code, refresh_token, device_code: the principal the code or token carried.
            principal = (context.AuthorizationCodePrincipal ?? context.RefreshTokenPrincipal ?? context.DeviceCodePrincipal)!.Clone(_ => true);
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

    private ValueTask HandleIntrospectionRequest(HandleIntrospectionRequestContext context)
    {
        if (context.Request.Token is { } token && _revokedTokens.ContainsKey(token))
        {
            // RFC 7662 §2.2: a revoked token is inactive, and nothing else is said about it.
            context.Reject(Errors.InvalidToken, "The token was revoked.");
        }

        return default;
    }

    private ValueTask HandleRevocationRequest(HandleRevocationRequestContext context)
    {
        _revokedTokens[context.Request.Token!] = true;
        context.HandleRequest();
        return default;
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
