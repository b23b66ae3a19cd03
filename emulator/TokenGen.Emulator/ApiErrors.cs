using System;
using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace TokenGen.Emulator;

/// <summary>Each API's own error body, for errors the API logic raises and for the <c>status=</c> fault.</summary>
internal static class ApiErrors
{
    /// <summary>The error answer <paramref name="api"/> gives for <paramref name="status"/> when nothing more specific applies.</summary>
    public static Reply For(Api api, int status, string? message = null)
    {
        message ??= DefaultMessage(api, status);
        return api switch
        {
            Api.DirectLine => DirectLine(status, DirectLineCode(status), message),
            Api.Banyan => Banyan(status, message),
            Api.Esper => Esper(status, message),
            Api.RunAi => RunAi(status, message),
            Api.Prowler => Prowler(status, message, ProwlerCode(status), pointer: null),
            _ => throw new ArgumentOutOfRangeException(nameof(api), api, null),
        };
    }

    /// <summary>Direct Line <c>ErrorResponse</c>: <c>{"error":{"code":…,"message":…}}</c>.</summary>
    public static Reply DirectLine(int status, string code, string message) => Reply.Json(status, w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteString("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>
    /// Banyan's v2 error envelope, <c>data</c> an integer as the seed documents for 401/403. The v1 endpoint has
    /// no documented error body; it gets the same envelope plus a <c>Message</c> (INFERRED from pybanyan, which
    /// looks for <c>Message</c>, <c>error</c> and <c>error_code</c>).
    /// </summary>
    public static Reply Banyan(int status, string message, bool withMessage = false) => Reply.Json(status, w =>
    {
        w.WriteStartObject();
        w.WriteString("request_id", Guid.NewGuid().ToString());
        w.WriteNumber("error_code", status);
        w.WriteString("error_description", message);
        w.WriteNumber("data", 0);
        if (withMessage)
        {
            w.WriteString("Message", message);
        }

        w.WriteEndObject();
    });

    /// <summary>Esper's documented error shape: <c>{"errors":[…],"message":…,"status":…}</c>.</summary>
    public static Reply Esper(int status, string message) => Reply.Json(status, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("errors");
        w.WriteStringValue(message);
        w.WriteEndArray();
        w.WriteString("message", message);
        w.WriteNumber("status", status);
        w.WriteEndObject();
    });

    /// <summary>Run:ai <c>Error</c>: <c>{"code":…,"message":…,"details":…}</c>.</summary>
    public static Reply RunAi(int status, string message, string? details = null) => Reply.Json(status, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("code", status);
        w.WriteString("message", message);
        if (details is not null)
        {
            w.WriteString("details", details);
        }

        w.WriteEndObject();
    });

    /// <summary>A JSON:API error document with one error, as django-rest-framework-json-api writes it.</summary>
    public static Reply Prowler(int status, string detail, string code, string? pointer) =>
        Prowler(status, [new ProwlerError(detail, code, pointer)]);

    /// <summary>A JSON:API error document, one entry per error, all with the same status.</summary>
    public static Reply Prowler(int status, ProwlerError[] errors) => Reply.Json(status, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("errors");
        foreach (var error in errors)
        {
            w.WriteStartObject();
            w.WriteString("detail", error.Detail);
            w.WriteString("status", status.ToString(CultureInfo.InvariantCulture));
            if (error.Pointer is not null)
            {
                w.WriteStartObject("source");
                w.WriteString("pointer", error.Pointer);
                w.WriteEndObject();
            }

            w.WriteString("code", error.Code);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }, Reply.JsonApiContentType);

    private static string DirectLineCode(int status) => status switch
    {
        400 => "BadArgument",
        401 or 403 => "BadArgument",
        404 => "NotFound",
        429 => "TooManyRequests",
        502 => "BotError",
        503 => "ServiceUnavailable",
        504 => "BotTimeout",
        _ => "ServiceError",
    };

    private static string ProwlerCode(int status) => status switch
    {
        401 => "not_authenticated",
        403 => "permission_denied",
        404 => "not_found",
        405 => "method_not_allowed",
        429 => "throttled",
        503 => "service_unavailable",
        _ => status >= 500 ? "error" : "invalid",
    };

    private static string DefaultMessage(Api api, int status) => (api, status) switch
    {
        (Api.RunAi, 503) => "Please try again in few minutes.",
        (Api.Prowler, 429) => "Request was throttled.",
        (_, 429) => "Too many requests. Wait a moment and try again.",
        _ => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error " + status.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>One entry of a JSON:API <c>errors</c> array.</summary>
internal readonly record struct ProwlerError(string Detail, string Code, string? Pointer);
