using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenGen.Emulator.Apis;

/// <summary>
/// Esper TokenApi. An API key (a token) answers <c>/v1/token-info/</c> about itself; renew issues a new token
/// for the developer app, naming the token to renew in the <c>access_token</c> query parameter. The renewed
/// token stays usable until its own expiry (INFERRED; it keeps a shared emulator's seeded key working).
/// </summary>
internal sealed class EsperApi
{
    public const string Prefix = "/esper/api";

    private const string Scope = "read write";

    private readonly EmulatorOptions _options;
    private readonly object _lock = new();
    private readonly Dictionary<string, EsperToken> _tokens = new(StringComparer.Ordinal);

    public EsperApi(EmulatorOptions options)
    {
        _options = options;
        var now = options.TimeProvider.GetUtcNow();
        var credentials = options.Credentials;
        _tokens.Add(credentials.EsperApiKey, new EsperToken(
            Id: "1001",
            Token: credentials.EsperApiKey,
            SourceRefreshToken: TokenMinter.Opaque("esper-refresh."),
            CreatedOn: now,
            ExpiresOn: now + options.EsperTokenLifetime));
    }

    public void Map(IEndpointRouteBuilder routes, RequestPipeline pipeline)
    {
        routes.MapGet(Prefix + "/v1/token-info/", pipeline.Route(EmulatorRoutes.EsperTokenInfo, Api.Esper, context => Task.FromResult(TokenInfo(context))));
        routes.MapPost(Prefix + "/v0/enterprise/{enterprise_id}/developerapp/{developerapp_id}/renew-token/",
            pipeline.Route(EmulatorRoutes.EsperRenewToken, Api.Esper, context => Task.FromResult(Renew(context))));
    }

    private Reply TokenInfo(HttpContext context)
    {
        if (!TryAuthenticate(context, out var token, out var refusal))
        {
            return refusal;
        }

        var credentials = _options.Credentials;
        return Reply.Json(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", token.Id);
            w.WriteString("enterprise", credentials.EsperEnterpriseId);
            w.WriteString("user", credentials.EsperUserId);
            w.WriteString("developer_app", credentials.EsperDeveloperAppId);
            w.WriteString("source_refresh_token", token.SourceRefreshToken);
            w.WriteString("token", token.Token);
            RequestReading.WriteTimestamp(w, "expires_on", token.ExpiresOn);
            w.WriteStartArray("scope");
            foreach (var scope in Scope.Split(' '))
            {
                w.WriteStringValue(scope);
            }

            w.WriteEndArray();
            RequestReading.WriteTimestamp(w, "created_on", token.CreatedOn);
            RequestReading.WriteTimestamp(w, "updated_on", token.CreatedOn);
            w.WriteEndObject();
        });
    }

    private Reply Renew(HttpContext context)
    {
        if (!TryAuthenticate(context, out _, out var refusal))
        {
            return refusal;
        }

        var credentials = _options.Credentials;
        var enterprise = context.Request.RouteValues["enterprise_id"] as string;
        var developerApp = context.Request.RouteValues["developerapp_id"] as string;
        if (!Guid.TryParse(enterprise, out var enterpriseId) || enterpriseId != credentials.EsperEnterpriseId)
        {
            return ApiErrors.Esper(StatusCodes.Status404NotFound, "Enterprise not found.");
        }

        if (!Guid.TryParse(developerApp, out var developerAppId) || developerAppId != credentials.EsperDeveloperAppId)
        {
            return ApiErrors.Esper(StatusCodes.Status404NotFound, "Developer app not found.");
        }

        var accessToken = context.Request.Query["access_token"].ToString();
        if (accessToken.Length == 0)
        {
            return ApiErrors.Esper(StatusCodes.Status400BadRequest, "The access_token query parameter is required.");
        }

        var now = _options.TimeProvider.GetUtcNow();
        EsperToken renewed;
        lock (_lock)
        {
            // An expired token may be renewed: that is what renewal is for. An unknown one may not.
            if (!_tokens.TryGetValue(accessToken, out var old))
            {
                return ApiErrors.Esper(StatusCodes.Status400BadRequest, "Invalid access_token: no such token for this developer app.");
            }

            renewed = new EsperToken(old.Id, TokenMinter.Opaque("esper-token."), old.SourceRefreshToken, now, now + _options.EsperTokenLifetime);
            _tokens.Add(renewed.Token, renewed);
        }

        return Reply.Json(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", renewed.Id);
            w.WriteString("user", credentials.EsperUserId);
            w.WriteString("enterprise", credentials.EsperEnterpriseId);
            w.WriteString("token", renewed.Token);
            RequestReading.WriteTimestamp(w, "expires_at", renewed.ExpiresOn);
            w.WriteString("developerapp", credentials.EsperDeveloperAppId);
            w.WriteString("scope", Scope);
            RequestReading.WriteTimestamp(w, "created_on", renewed.CreatedOn);
            RequestReading.WriteTimestamp(w, "updated_on", renewed.CreatedOn);
            w.WriteEndObject();
        });
    }

    private bool TryAuthenticate(HttpContext context, out EsperToken token, out Reply refusal)
    {
        token = default;
        refusal = null!;
        var bearer = RequestReading.Bearer(context);
        if (bearer is null)
        {
            refusal = ApiErrors.Esper(StatusCodes.Status401Unauthorized, "Authentication credentials were not provided.");
            return false;
        }

        lock (_lock)
        {
            if (!_tokens.TryGetValue(bearer, out token))
            {
                refusal = ApiErrors.Esper(StatusCodes.Status401Unauthorized, "Invalid token.");
                return false;
            }
        }

        if (_options.TimeProvider.GetUtcNow() >= token.ExpiresOn)
        {
            refusal = ApiErrors.Esper(StatusCodes.Status401Unauthorized, "Token has expired.");
            return false;
        }

        return true;
    }

    private readonly record struct EsperToken(string Id, string Token, string SourceRefreshToken, DateTimeOffset CreatedOn, DateTimeOffset ExpiresOn);
}
