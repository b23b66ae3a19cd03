using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenGen.Emulator.Apis;

/// <summary>
/// Microsoft Bot Framework Direct Line 3.0, TokensApi. The secret generates a token for a new conversation; a
/// token refreshes itself (any number of times) until it expires, after which the answer is 403 <c>TokenExpired</c>.
/// </summary>
internal sealed class DirectLineApi(EmulatorOptions options)
{
    public const string Prefix = "/directline";

    private readonly object _lock = new();
    private readonly Dictionary<string, (string ConversationId, DateTimeOffset ExpiresAt)> _tokens = new(StringComparer.Ordinal);

    public void Map(IEndpointRouteBuilder routes, RequestPipeline pipeline)
    {
        routes.MapPost(Prefix + "/v3/directline/tokens/generate", pipeline.Route(EmulatorRoutes.DirectLineGenerate, Api.DirectLine, GenerateAsync));
        routes.MapPost(Prefix + "/v3/directline/tokens/refresh", pipeline.Route(EmulatorRoutes.DirectLineRefresh, Api.DirectLine, RefreshAsync));
    }

    private async Task<Reply> GenerateAsync(HttpContext context)
    {
        // The optional TokenParameters body is read and ignored: nothing the emulator answers depends on it.
        await context.Request.Body.CopyToAsync(System.IO.Stream.Null, context.RequestAborted);
        var bearer = RequestReading.Bearer(context);
        if (bearer is null)
        {
            return MissingAuthorization();
        }

        if (!string.Equals(bearer, options.Credentials.DirectLineSecret, StringComparison.Ordinal))
        {
            return IsKnownToken(bearer)
                ? ApiErrors.DirectLine(StatusCodes.Status403Forbidden, "BadArgument", "Generating a token needs the Direct Line secret, not a token.")
                : InvalidTokenOrSecret();
        }

        return Issue("dl-conv-" + Guid.NewGuid().ToString("N")[..20]);
    }

    private Task<Reply> RefreshAsync(HttpContext context)
    {
        var bearer = RequestReading.Bearer(context);
        if (bearer is null)
        {
            return Task.FromResult(MissingAuthorization());
        }

        if (string.Equals(bearer, options.Credentials.DirectLineSecret, StringComparison.Ordinal))
        {
            return Task.FromResult(ApiErrors.DirectLine(StatusCodes.Status403Forbidden, "BadArgument", "Refreshing needs a token; a secret cannot be refreshed."));
        }

        string conversationId;
        lock (_lock)
        {
            if (!_tokens.TryGetValue(bearer, out var token))
            {
                return Task.FromResult(InvalidTokenOrSecret());
            }

            if (options.TimeProvider.GetUtcNow() >= token.ExpiresAt)
            {
                return Task.FromResult(ApiErrors.DirectLine(StatusCodes.Status403Forbidden, "TokenExpired", "Token expired"));
            }

            conversationId = token.ConversationId;
        }

        return Task.FromResult(Issue(conversationId));
    }

    private bool IsKnownToken(string value)
    {
        lock (_lock)
        {
            return _tokens.ContainsKey(value);
        }
    }

    private Reply Issue(string conversationId)
    {
        var now = options.TimeProvider.GetUtcNow();
        var lifetime = options.DirectLineTokenLifetime;
        var expiresAt = now + lifetime;
        var token = TokenMinter.Jwt("https://directline.botframework.com/", "dl_emulator-user", "directline", now, expiresAt,
            w => w.WriteString("conv", conversationId));
        lock (_lock)
        {
            _tokens[token] = (conversationId, expiresAt);
        }

        return Reply.Json(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("conversationId", conversationId);
            w.WriteString("token", token);
            w.WriteNumber("expires_in", (int)lifetime.TotalSeconds);
            w.WriteEndObject();
        });
    }

    private static Reply MissingAuthorization() =>
        ApiErrors.DirectLine(StatusCodes.Status401Unauthorized, "BadArgument", "Missing token or secret: send 'Authorization: Bearer <secret or token>'.");

    // INFERRED: an unknown secret or token is refused with 403, as the live service does for a wrong secret.
    private static Reply InvalidTokenOrSecret() =>
        ApiErrors.DirectLine(StatusCodes.Status403Forbidden, "BadArgument", "Invalid token or secret");
}
