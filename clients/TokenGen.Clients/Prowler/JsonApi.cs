using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGen.Clients.Prowler;

/// <summary>The JSON:API resource types of the token endpoints, as sent in <c>data.type</c>.</summary>
public static class ProwlerResourceTypes
{
    /// <summary><c>tokens</c>: obtain.</summary>
    public const string Tokens = "tokens";

    /// <summary><c>tokens-refresh</c>: refresh.</summary>
    public const string TokensRefresh = "tokens-refresh";

    /// <summary><c>tokens-switch-tenant</c>: switch tenant.</summary>
    public const string TokensSwitchTenant = "tokens-switch-tenant";
}

/// <summary>A JSON:API document with one resource: <c>{"data": {"type": …, "attributes": {…}}}</c>.</summary>
/// <typeparam name="TAttributes">The resource's attributes.</typeparam>
public abstract class JsonApiDocument<TAttributes>
    where TAttributes : class
{
    /// <summary>The resource (<c>data</c>); required.</summary>
    [JsonPropertyName("data")]
    public JsonApiResource<TAttributes>? Data { get; set; }
}

/// <summary>A JSON:API resource object without an id: <c>{"type": …, "attributes": {…}}</c>.</summary>
/// <typeparam name="TAttributes">The resource's attributes.</typeparam>
public sealed partial class JsonApiResource<TAttributes>
    where TAttributes : class
{
    /// <summary>The resource type (<c>type</c>), one of <see cref="ProwlerResourceTypes"/>; the server refuses another with 409 (INFERRED).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The resource's attributes (<c>attributes</c>).</summary>
    [JsonPropertyName("attributes")]
    public TAttributes? Attributes { get; set; }
}

/// <summary>A JSON:API error document, the body of every Prowler error: <c>{"errors": [ … ]}</c>.</summary>
public sealed partial class JsonApiErrorDocument
{
    /// <summary>The errors (<c>errors</c>).</summary>
    [JsonPropertyName("errors")]
    public IList<JsonApiError>? Errors { get; set; }
}

/// <summary>One JSON:API error, for example <c>{"detail": "Invalid credentials", "status": "400", "source": {"pointer": "/data"}, "code": "invalid"}</c>.</summary>
public sealed partial class JsonApiError
{
    /// <summary>A human-readable explanation (<c>detail</c>).</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; set; }

    /// <summary>The HTTP status code, as a string (<c>status</c>), for example <c>"400"</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Where in the request the error is (<c>source</c>).</summary>
    [JsonPropertyName("source")]
    public JsonApiErrorSource? Source { get; set; }

    /// <summary>An application-specific error code (<c>code</c>), for example <c>invalid</c>, <c>not_authenticated</c> or <c>token_not_valid</c>.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    /// <summary>Any other member of the error (JSON:API allows <c>id</c>, <c>title</c>, <c>meta</c>, …).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The source of a JSON:API error.</summary>
public sealed partial class JsonApiErrorSource
{
    /// <summary>A JSON pointer into the request document (<c>pointer</c>), for example <c>/data/attributes/refresh</c>.</summary>
    [JsonPropertyName("pointer")]
    public string? Pointer { get; set; }

    /// <summary>The query parameter that caused the error (<c>parameter</c>), if any.</summary>
    [JsonPropertyName("parameter")]
    public string? Parameter { get; set; }
}
