using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenGen.Emulator.Apis;

/// <summary>
/// Run:ai control-plane TokensApi: <c>/api/v1/token</c> with every grant type, and the three deprecated
/// endpoints (app token; code exchange and refresh, both through the query). Every refusal is 400 with an
/// <c>Error</c> body, the only client-error status the spec documents (INFERRED: the live service may use 401
/// for wrong credentials). Refresh tokens are not rotated: one stays usable until it expires.
/// </summary>
internal sealed class RunAiApi(EmulatorOptions options)
{
    public const string Prefix = "/runai";

    private const string MissingParameter = "Required parameter is missing";

    private readonly object _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _refreshTokens = new(StringComparer.Ordinal);

    public void Map(IEndpointRouteBuilder routes, RequestPipeline pipeline)
    {
        routes.MapPost(Prefix + "/api/v1/token", pipeline.Route(EmulatorRoutes.RunAiGrantToken, Api.RunAi, GrantAsync));
        routes.MapPost(Prefix + "/v1/k8s/auth/oauth/apptoken", pipeline.Route(EmulatorRoutes.RunAiAppToken, Api.RunAi, AppTokenAsync));
        routes.MapGet(Prefix + "/v1/k8s/auth/token/exchange", pipeline.Route(EmulatorRoutes.RunAiExchangeCode, Api.RunAi, context => Task.FromResult(ExchangeCode(context))));
        routes.MapPost(Prefix + "/v1/k8s/auth/oauth/tokens/refresh", pipeline.Route(EmulatorRoutes.RunAiRefreshToken, Api.RunAi, context => Task.FromResult(RefreshThroughQuery(context))));
    }

    private async Task<Reply> GrantAsync(HttpContext context)
    {
        using var document = await RequestReading.TryReadJsonAsync(context);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return ApiErrors.RunAi(StatusCodes.Status400BadRequest, "Malformed request body", "The body must be a JSON TokenRequest object.");
        }

        var body = document.RootElement;
        var credentials = options.Credentials;

        // INFERRED: keys match case-insensitively (the service is Go, whose encoding/json does so).
        string? Field(string name) => RequestReading.String(body, name, ignoreCase: true);

        var grantType = Field("grantType");
        if (string.IsNullOrEmpty(grantType))
        {
            return Missing("grantType");
        }

        switch (grantType)
        {
            case "client_credentials":
            {
                if (FirstMissing(("clientID", Field("clientID")), ("clientSecret", Field("clientSecret"))) is { } missing)
                {
                    return missing;
                }

                return Field("clientID") == credentials.RunAiClientId && Field("clientSecret") == credentials.RunAiClientSecret
                    ? Issue(credentials.RunAiClientId)
                    : Refuse("Invalid client credentials");
            }

            case "refresh_token":
            {
                if (FirstMissing(("refreshToken", Field("refreshToken")), ("clientID", Field("clientID"))) is { } missing)
                {
                    return missing;
                }

                if (!IsKnownClient(Field("clientID")))
                {
                    return Refuse("Invalid client");
                }

                return IsLiveRefreshToken(Field("refreshToken")!) ? Issue(Field("clientID")!) : Refuse("Invalid or expired refresh token");
            }

            case "exchange_token":
            {
                if (FirstMissing(("code", Field("code")), ("clientID", Field("clientID")), ("redirectUri", Field("redirectUri"))) is { } missing)
                {
                    return missing;
                }

                if (!IsKnownClient(Field("clientID")))
                {
                    return Refuse("Invalid client");
                }

                return IsValidCode(Field("code"), Field("redirectUri")) ? Issue(Field("clientID")!) : Refuse("Invalid authorization code or redirect URI");
            }

            case "app_token":
            {
                if (FirstMissing(("appID", Field("appID")), ("appSecret", Field("appSecret"))) is { } missing)
                {
                    return missing;
                }

                return Field("appID") == credentials.RunAiAppId && Field("appSecret") == credentials.RunAiAppSecret
                    ? Issue(credentials.RunAiAppId)
                    : Refuse("Invalid application credentials");
            }

            case "password":
            {
                if (FirstMissing(("username", Field("username")), ("password", Field("password"))) is { } missing)
                {
                    return missing;
                }

                return Field("username") == credentials.RunAiUsername && Field("password") == credentials.RunAiPassword
                    ? Issue(credentials.RunAiUsername)
                    : Refuse("Invalid username or password");
            }

            case "external_token_exchange":
            {
                if (FirstMissing(("externalToken", Field("externalToken"))) is { } missing)
                {
                    return missing;
                }

                return Field("externalToken") == credentials.RunAiExternalToken ? Issue("external-user") : Refuse("Invalid external token");
            }

            default:
                return ApiErrors.RunAi(StatusCodes.Status400BadRequest, "Unsupported grant type",
                    $"grantType '{grantType}' is not one of client_credentials, refresh_token, exchange_token, app_token, password, external_token_exchange.");
        }
    }

    private async Task<Reply> AppTokenAsync(HttpContext context)
    {
        using var document = await RequestReading.TryReadJsonAsync(context);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return ApiErrors.RunAi(StatusCodes.Status400BadRequest, "Malformed request body", "The body must be a JSON AppTokenRequest object.");
        }

        var body = document.RootElement;
        var id = RequestReading.String(body, "id", ignoreCase: true);
        var name = RequestReading.String(body, "name", ignoreCase: true);
        var secret = RequestReading.String(body, "secret", ignoreCase: true);
        if (FirstMissing(("id", id), ("name", name), ("secret", secret)) is { } missing)
        {
            return missing;
        }

        var credentials = options.Credentials;
        if (id != credentials.RunAiAppId || name != credentials.RunAiAppName || secret != credentials.RunAiAppSecret)
        {
            return Refuse("Invalid application credentials");
        }

        var now = options.TimeProvider.GetUtcNow();
        var expiresAt = now + options.RunAiAccessTokenLifetime;
        var access = TokenMinter.Jwt("https://app.run.ai", id!, "access", now, expiresAt);
        var idToken = TokenMinter.Jwt("https://app.run.ai", id!, "id", now, expiresAt, w => w.WriteString("name", name));
        return Reply.Json(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("access_token", access);
            w.WriteString("id_token", idToken);
            w.WriteEndObject();
        });
    }

    private Reply ExchangeCode(HttpContext context)
    {
        var redirectUri = context.Request.Query["redirect_uri"].ToString();
        var code = context.Request.Query["code"].ToString();
        if (FirstMissing(("redirect_uri", redirectUri), ("code", code)) is { } missing)
        {
            return missing;
        }

        return IsValidCode(code, redirectUri) ? Issue(options.Credentials.RunAiClientId) : Refuse("Invalid authorization code or redirect URI");
    }

    private Reply RefreshThroughQuery(HttpContext context)
    {
        var refreshToken = context.Request.Query["refresh_token"].ToString();
        if (refreshToken.Length == 0)
        {
            return Missing("refresh_token");
        }

        return IsLiveRefreshToken(refreshToken) ? Issue(options.Credentials.RunAiClientId) : Refuse("Invalid or expired refresh token");
    }

    private bool IsKnownClient(string? clientId) =>
        clientId == options.Credentials.RunAiClientId || clientId == options.Credentials.RunAiAppId;

    private bool IsValidCode(string? code, string? redirectUri) =>
        code == options.Credentials.RunAiAuthorizationCode && redirectUri == options.Credentials.RunAiRedirectUri;

    private bool IsLiveRefreshToken(string refreshToken)
    {
        lock (_lock)
        {
            return _refreshTokens.TryGetValue(refreshToken, out var expiresAt) && options.TimeProvider.GetUtcNow() < expiresAt;
        }
    }

    /// <summary>A <c>TokenResponse</c>: a new access, id and refresh token, and <c>expiresIn</c> in seconds.</summary>
    private Reply Issue(string subject)
    {
        var now = options.TimeProvider.GetUtcNow();
        var lifetime = options.RunAiAccessTokenLifetime;
        var access = TokenMinter.Jwt("https://app.run.ai", subject, "access", now, now + lifetime);
        var idToken = TokenMinter.Jwt("https://app.run.ai", subject, "id", now, now + lifetime);
        var refresh = TokenMinter.Opaque("runai-refresh.");
        lock (_lock)
        {
            _refreshTokens[refresh] = now + options.RunAiRefreshTokenLifetime;
        }

        return Reply.Json(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("accessToken", access);
            w.WriteString("idToken", idToken);
            w.WriteString("refreshToken", refresh);
            w.WriteNumber("expiresIn", (int)lifetime.TotalSeconds);
            w.WriteEndObject();
        });
    }

    private static Reply? FirstMissing(params (string Name, string? Value)[] fields)
    {
        foreach (var (name, value) in fields)
        {
            if (string.IsNullOrEmpty(value))
            {
                return Missing(name);
            }
        }

        return null;
    }

    private static Reply Missing(string name) => ApiErrors.RunAi(StatusCodes.Status400BadRequest, MissingParameter, name);

    private static Reply Refuse(string message) => ApiErrors.RunAi(StatusCodes.Status400BadRequest, message);
}
