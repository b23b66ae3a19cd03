using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGen.Clients.Banyan;

/// <summary>The answer of v1 refresh: <c>{"Message": "&lt;JWT access token&gt;"}</c>, with a capital <c>M</c>.</summary>
public sealed partial class RefreshTokenV1Response
{
    /// <summary>The JWT access token (or API key secret) (<c>Message</c>, capital M on the wire).</summary>
    [JsonPropertyName("Message")]
    [AccessToken]
    public string? Message { get; set; }
}

/// <summary>
/// The error body of v1 refresh. INFERRED: the seed defines none; Banyan's Python client checks for
/// <c>{"Message": "&lt;text&gt;"}</c> or <c>{"error": …, "error_code": …}</c>, so this reads either.
/// </summary>
public sealed partial class RefreshTokenV1Error
{
    /// <summary>The error text, when the service answers in the <c>Message</c> form.</summary>
    [JsonPropertyName("Message")]
    public string? Message { get; set; }

    /// <summary>The error, when the service answers in the <c>error</c> form; its type is not documented.</summary>
    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }

    /// <summary>The error code, when the service answers in the <c>error</c> form; its type is not documented.</summary>
    [JsonPropertyName("error_code")]
    public JsonElement? ErrorCode { get; set; }

    /// <summary>Any other member of the body.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// The answer of v2 refresh, in Banyan's standard v2 envelope:
/// <c>{"request_id": …, "error_code": 0, "error_description": "", "data": {"refresh_token": …}}</c>.
/// </summary>
public sealed partial class RefreshTokenV2Response
{
    /// <summary>The request id (<c>request_id</c>).</summary>
    [JsonPropertyName("request_id")]
    public string? RequestId { get; set; }

    /// <summary>The error code (<c>error_code</c>); 0 on success (INFERRED).</summary>
    [JsonPropertyName("error_code")]
    public int? ErrorCode { get; set; }

    /// <summary>The error text (<c>error_description</c>); empty on success (INFERRED).</summary>
    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }

    /// <summary>The payload (<c>data</c>), carrying the new refresh token.</summary>
    [JsonPropertyName("data")]
    public RefreshTokenV2Data? Data { get; set; }

    /// <summary>Any other member of the envelope (the schema allows extra keys).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The <c>data</c> of a successful v2 refresh.</summary>
public sealed partial class RefreshTokenV2Data
{
    /// <summary>The new long-lived refresh token (<c>refresh_token</c>).</summary>
    [JsonPropertyName("refresh_token")]
    [RefreshToken]
    public string? RefreshToken { get; set; }

    /// <summary>Any other member of <c>data</c> (the schema allows extra keys).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// The 401 and 403 body of v2 refresh: the v2 envelope, but with <c>data</c> an <b>integer</b>
/// (<c>{request_id: string, error_code: integer, error_description: string, data: integer}</c>).
/// </summary>
public sealed partial class RefreshTokenV2Error
{
    /// <summary>The request id (<c>request_id</c>).</summary>
    [JsonPropertyName("request_id")]
    public string? RequestId { get; set; }

    /// <summary>The error code (<c>error_code</c>).</summary>
    [JsonPropertyName("error_code")]
    public int? ErrorCode { get; set; }

    /// <summary>The error text (<c>error_description</c>).</summary>
    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }

    /// <summary>The error payload (<c>data</c>), an integer here; its meaning is not documented.</summary>
    [JsonPropertyName("data")]
    public long? Data { get; set; }

    /// <summary>Any other member of the body (the schema allows extra keys).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
