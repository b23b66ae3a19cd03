using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenGen.Emulator.Apis;

/// <summary>
/// Prowler API TokenApi (Django REST Framework JSON:API). Requests are JSON:API documents
/// (<c>application/vnd.api+json</c>) or flat form fields; answers are <c>{"data":{"type":…,"attributes":{…}}}</c>.
/// Refresh rotates: the refresh token used is refused afterwards. Switch needs a live access token and a
/// tenant the user is a member of.
/// </summary>
internal sealed class ProwlerApi(EmulatorOptions options)
{
    public const string Prefix = "/prowler";

    private const string Issuer = "https://api.prowler.com";
    private const string UserId = "3f6c2a8e-0b1d-4c5e-9f7a-8b6c5d4e3f21";
    private const string NotMember = "Tenant does not exist or user is not a member.";

    private readonly object _lock = new();
    private readonly Dictionary<string, Grant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Grant> _refreshTokens = new(StringComparer.Ordinal);

    public void Map(IEndpointRouteBuilder routes, RequestPipeline pipeline)
    {
        routes.MapPost(Prefix + "/api/v1/tokens", pipeline.Route(EmulatorRoutes.ProwlerObtain, Api.Prowler, ObtainAsync));
        routes.MapPost(Prefix + "/api/v1/tokens/refresh", pipeline.Route(EmulatorRoutes.ProwlerRefresh, Api.Prowler, RefreshAsync));
        routes.MapPost(Prefix + "/api/v1/tokens/switch", pipeline.Route(EmulatorRoutes.ProwlerSwitchTenant, Api.Prowler, SwitchAsync));
    }

    private async Task<Reply> ObtainAsync(HttpContext context)
    {
        var (attributes, refusal) = await ReadAttributesAsync(context, "tokens");
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = new List<ProwlerError>();
        var email = RequireField(attributes!, "email", errors);
        var password = RequireField(attributes!, "password", errors);
        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(new ProwlerError("Enter a valid email address.", "invalid", "/data/attributes/email"));
        }

        var tenantText = attributes!.GetValueOrDefault("tenant_id");
        Guid? tenantId = null;
        if (!string.IsNullOrEmpty(tenantText))
        {
            if (Guid.TryParse(tenantText, out var parsed))
            {
                tenantId = parsed;
            }
            else
            {
                errors.Add(new ProwlerError("Must be a valid UUID.", "invalid", "/data/attributes/tenant_id"));
            }
        }

        if (errors.Count > 0)
        {
            return ApiErrors.Prowler(StatusCodes.Status400BadRequest, errors.ToArray());
        }

        var credentials = options.Credentials;
        if (!string.Equals(email, credentials.ProwlerEmail, StringComparison.OrdinalIgnoreCase) || password != credentials.ProwlerPassword)
        {
            return ApiErrors.Prowler(StatusCodes.Status400BadRequest, "Invalid credentials", "invalid", "/data");
        }

        if (tenantId is { } requested && !IsMember(requested))
        {
            return ApiErrors.Prowler(StatusCodes.Status400BadRequest, NotMember, "invalid", "/data");
        }

        return Issue("tokens", tenantId ?? credentials.ProwlerTenantId);
    }

    private async Task<Reply> RefreshAsync(HttpContext context)
    {
        var (attributes, refusal) = await ReadAttributesAsync(context, "tokens-refresh");
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = new List<ProwlerError>();
        var refresh = RequireField(attributes!, "refresh", errors);
        if (errors.Count > 0)
        {
            return ApiErrors.Prowler(StatusCodes.Status400BadRequest, errors.ToArray());
        }

        Grant grant;
        lock (_lock)
        {
            // Rotation with blacklisting: a refresh token works once, then it is gone.
            if (!_refreshTokens.Remove(refresh!, out grant) || options.TimeProvider.GetUtcNow() >= grant.ExpiresAt)
            {
                return ApiErrors.Prowler(StatusCodes.Status400BadRequest, "Invalid or expired token", "invalid", "/data/attributes/refresh");
            }
        }

        return Issue("tokens-refresh", grant.TenantId);
    }

    private async Task<Reply> SwitchAsync(HttpContext context)
    {
        // DRF authenticates before it parses the body, so a missing or bad token wins over a bad body.
        var bearer = RequestReading.Bearer(context);
        if (bearer is null)
        {
            return ApiErrors.Prowler(StatusCodes.Status401Unauthorized, "Authentication credentials were not provided.", "not_authenticated", "/data")
                .WithHeader("WWW-Authenticate", "Bearer realm=\"api\"");
        }

        lock (_lock)
        {
            if (!_accessTokens.TryGetValue(bearer, out var access) || options.TimeProvider.GetUtcNow() >= access.ExpiresAt)
            {
                return ApiErrors.Prowler(StatusCodes.Status401Unauthorized, "Given token not valid for any token type", "token_not_valid", "/data")
                    .WithHeader("WWW-Authenticate", "Bearer realm=\"api\"");
            }
        }

        var (attributes, refusal) = await ReadAttributesAsync(context, "tokens-switch-tenant");
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = new List<ProwlerError>();
        var tenantText = RequireField(attributes!, "tenant_id", errors);
        if (errors.Count > 0)
        {
            return ApiErrors.Prowler(StatusCodes.Status400BadRequest, errors.ToArray());
        }

        if (!Guid.TryParse(tenantText, out var tenantId))
        {
            return ApiErrors.Prowler(StatusCodes.Status400BadRequest, "Must be a valid UUID.", "invalid", "/data/attributes/tenant_id");
        }

        if (!IsMember(tenantId))
        {
            return ApiErrors.Prowler(StatusCodes.Status400BadRequest, NotMember, "invalid", "/data/attributes/tenant_id");
        }

        return Issue("tokens-switch-tenant", tenantId);
    }

    private bool IsMember(Guid tenantId) =>
        tenantId == options.Credentials.ProwlerTenantId || tenantId == options.Credentials.ProwlerSecondTenantId;

    /// <summary>A fresh access/refresh pair for the tenant, in the response envelope of <paramref name="type"/>.</summary>
    private Reply Issue(string type, Guid tenantId)
    {
        var now = options.TimeProvider.GetUtcNow();
        var accessGrant = new Grant(tenantId, now + options.ProwlerAccessTokenLifetime);
        var refreshGrant = new Grant(tenantId, now + options.ProwlerRefreshTokenLifetime);
        var tenant = tenantId.ToString();
        var access = TokenMinter.Jwt(Issuer, UserId, "access", now, accessGrant.ExpiresAt, w =>
        {
            w.WriteString("aud", Issuer);
            w.WriteString("tenant_id", tenant);
        });
        var refresh = TokenMinter.Jwt(Issuer, UserId, "refresh", now, refreshGrant.ExpiresAt, w =>
        {
            w.WriteString("aud", Issuer);
            w.WriteString("tenant_id", tenant);
        });
        lock (_lock)
        {
            _accessTokens[access] = accessGrant;
            _refreshTokens[refresh] = refreshGrant;
        }

        return Reply.Json(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteString("type", type);
            w.WriteStartObject("attributes");
            w.WriteString("access", access);
            w.WriteString("refresh", refresh);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }, Reply.JsonApiContentType);
    }

    /// <summary>
    /// The request's attributes as flat strings, from a JSON:API document or form fields, or the refusal DRF and
    /// its JSON:API parser would give: 415 for another media type (INFERRED: plain application/json included),
    /// 400 for a document without <c>data</c>, 409 for a <c>data.type</c> other than <paramref name="type"/>
    /// (INFERRED from django-rest-framework-json-api's parser).
    /// </summary>
    private static async Task<(Dictionary<string, string?>? Attributes, Reply? Refusal)> ReadAttributesAsync(HttpContext context, string type)
    {
        var attributes = new Dictionary<string, string?>(StringComparer.Ordinal);
        var mediaType = RequestReading.MediaType(context);
        switch (mediaType)
        {
            case null:
                // DRF reads a body without a Content-Type as empty data, so the fields come back as required.
                return (attributes, null);

            case "application/x-www-form-urlencoded" or "multipart/form-data":
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                foreach (var (key, value) in form)
                {
                    attributes[key] = value.ToString();
                }

                return (attributes, null);

            case "application/vnd.api+json":
                break;

            default:
                return (null, ApiErrors.Prowler(StatusCodes.Status415UnsupportedMediaType,
                    $"Unsupported media type \"{context.Request.ContentType}\" in request.", "unsupported_media_type", null));
        }

        using var document = await RequestReading.TryReadJsonAsync(context);
        if (document is null)
        {
            return (null, ApiErrors.Prowler(StatusCodes.Status400BadRequest, "JSON parse error - the body is not valid JSON.", "parse_error", "/data"));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("data", out var data)
            || data.ValueKind != JsonValueKind.Object)
        {
            return (null, ApiErrors.Prowler(StatusCodes.Status400BadRequest, "Received document does not contain primary data", "parse_error", "/data"));
        }

        var actualType = RequestReading.String(data, "type");
        if (actualType is null)
        {
            return (null, ApiErrors.Prowler(StatusCodes.Status400BadRequest, "The resource object must contain a 'type' member.", "parse_error", "/data/type"));
        }

        if (actualType != type)
        {
            return (null, ApiErrors.Prowler(StatusCodes.Status409Conflict,
                $"The resource object's type ({actualType}) is not the type that constitute the collection represented by the endpoint ({type}).",
                "error", "/data/type"));
        }

        if (data.TryGetProperty("attributes", out var attributeObject) && attributeObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in attributeObject.EnumerateObject())
            {
                attributes[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }

        return (attributes, null);
    }

    /// <summary>A required attribute, or null with DRF's <c>required</c>/<c>blank</c> error added to <paramref name="errors"/>.</summary>
    private static string? RequireField(Dictionary<string, string?> attributes, string name, List<ProwlerError> errors)
    {
        var pointer = "/data/attributes/" + name;
        if (!attributes.TryGetValue(name, out var value) || value is null)
        {
            errors.Add(new ProwlerError("This field is required.", "required", pointer));
            return null;
        }

        if (value.Trim().Length == 0)
        {
            errors.Add(new ProwlerError("This field may not be blank.", "blank", pointer));
            return null;
        }

        return value;
    }

    private readonly record struct Grant(Guid TenantId, DateTimeOffset ExpiresAt);
}
