using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenGen.Emulator.Apis;

/// <summary>
/// Banyan Security Command Center, RefreshTokenApi. v1 turns a refresh token into a short-lived access token
/// (<c>{"Message": jwt}</c>); v2 turns a live access token into a new long-lived refresh token, in the v2 envelope.
/// Refresh tokens do not expire in the emulator; access tokens expire by the clock.
/// </summary>
internal sealed class BanyanApi
{
    public const string Prefix = "/banyan/api";

    private readonly EmulatorOptions _options;
    private readonly object _lock = new();
    private readonly HashSet<string> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);

    public BanyanApi(EmulatorOptions options)
    {
        _options = options;
        _refreshTokens.Add(options.Credentials.BanyanRefreshToken);
    }

    public void Map(IEndpointRouteBuilder routes, RequestPipeline pipeline)
    {
        routes.MapPost(Prefix + "/v1/refresh_token", pipeline.Route(EmulatorRoutes.BanyanRefreshV1, Api.Banyan, context => Task.FromResult(RefreshV1(context))));
        routes.MapPost(Prefix + "/v2/refresh_token", pipeline.Route(EmulatorRoutes.BanyanRefreshV2, Api.Banyan, context => Task.FromResult(RefreshV2(context))));
    }

    private Reply RefreshV1(HttpContext context)
    {
        var bearer = RequestReading.Bearer(context);
        if (bearer is null)
        {
            return ApiErrors.Banyan(StatusCodes.Status401Unauthorized, "Authorization header with a Bearer refresh token is required", withMessage: true);
        }

        var now = _options.TimeProvider.GetUtcNow();
        lock (_lock)
        {
            if (!_refreshTokens.Contains(bearer))
            {
                // INFERRED split: a known token of the wrong kind is forbidden, anything else unauthenticated.
                return _accessTokens.ContainsKey(bearer)
                    ? ApiErrors.Banyan(StatusCodes.Status403Forbidden, "An access token cannot be exchanged here; send a refresh token", withMessage: true)
                    : ApiErrors.Banyan(StatusCodes.Status401Unauthorized, "Invalid refresh token", withMessage: true);
            }
        }

        var expiresAt = now + _options.BanyanAccessTokenLifetime;
        var access = TokenMinter.Jwt("https://net.banyanops.com", "demo-user@banyan.test", "access", now, expiresAt);
        lock (_lock)
        {
            _accessTokens[access] = expiresAt;
        }

        return Reply.Json(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("Message", access);
            w.WriteEndObject();
        });
    }

    private Reply RefreshV2(HttpContext context)
    {
        var bearer = RequestReading.Bearer(context);
        if (bearer is null)
        {
            return ApiErrors.Banyan(StatusCodes.Status401Unauthorized, "Authorization header with a Bearer access token is required");
        }

        var now = _options.TimeProvider.GetUtcNow();
        lock (_lock)
        {
            if (!_accessTokens.TryGetValue(bearer, out var expiresAt))
            {
                return _refreshTokens.Contains(bearer)
                    ? ApiErrors.Banyan(StatusCodes.Status403Forbidden, "A refresh token cannot generate a refresh token; send an access token")
                    : ApiErrors.Banyan(StatusCodes.Status401Unauthorized, "Invalid access token");
            }

            if (now >= expiresAt)
            {
                return ApiErrors.Banyan(StatusCodes.Status401Unauthorized, "Access token expired");
            }
        }

        var refresh = TokenMinter.Opaque("bnn-refresh.");
        lock (_lock)
        {
            _refreshTokens.Add(refresh);
        }

        return Reply.Json(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("request_id", Guid.NewGuid().ToString());
            w.WriteNumber("error_code", 0);
            w.WriteString("error_description", "");
            w.WriteStartObject("data");
            w.WriteString("refresh_token", refresh);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
