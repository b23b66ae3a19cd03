using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TokenGen.Clients.Esper;

/// <summary>
/// The answer of token-info. Note the differences from <see cref="TokenRenewV0"/>: <c>developer_app</c> (with an
/// underscore), <c>expires_on</c>, and <c>scope</c> as an array.
/// </summary>
public sealed partial class TokenInfoV1
{
    /// <summary>The token id (<c>id</c>); always present.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Id (UUID) of the enterprise resource (<c>enterprise</c>); always present.</summary>
    [JsonPropertyName("enterprise")]
    public string? Enterprise { get; set; }

    /// <summary>Id of the user resource (<c>user</c>).</summary>
    [JsonPropertyName("user")]
    public string? User { get; set; }

    /// <summary>Id (UUID) of the developer app created in the Esper dev console (<c>developer_app</c>).</summary>
    [JsonPropertyName("developer_app")]
    public string? DeveloperApp { get; set; }

    /// <summary>Refresh token used to refresh an expired API token (<c>source_refresh_token</c>).</summary>
    [JsonPropertyName("source_refresh_token")]
    public string? SourceRefreshToken { get; set; }

    /// <summary>API token for Esper APIs (<c>token</c>).</summary>
    [JsonPropertyName("token")]
    [AccessToken]
    public string? Token { get; set; }

    /// <summary>When the API token expires (<c>expires_on</c>).</summary>
    [JsonPropertyName("expires_on")]
    [ExpiresAt]
    public DateTimeOffset? ExpiresOn { get; set; }

    /// <summary>The token's access scopes (<c>scope</c>, an array here).</summary>
    [JsonPropertyName("scope")]
    public IList<string>? Scope { get; set; }

    /// <summary>When the resource was created (<c>created_on</c>).</summary>
    [JsonPropertyName("created_on")]
    public DateTimeOffset? CreatedOn { get; set; }

    /// <summary>When the resource was last updated (<c>updated_on</c>).</summary>
    [JsonPropertyName("updated_on")]
    public DateTimeOffset? UpdatedOn { get; set; }
}

/// <summary>
/// The answer of renew-token. Note the differences from <see cref="TokenInfoV1"/>: <c>developerapp</c> (no
/// underscore), <c>expires_at</c>, and <c>scope</c> as a single string. Every member is optional.
/// </summary>
public sealed partial class TokenRenewV0
{
    /// <summary>Id of the token (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Id of the user resource (<c>user</c>).</summary>
    [JsonPropertyName("user")]
    public string? User { get; set; }

    /// <summary>Id (UUID) of the enterprise resource (<c>enterprise</c>).</summary>
    [JsonPropertyName("enterprise")]
    public string? Enterprise { get; set; }

    /// <summary>The renewed API token (<c>token</c>).</summary>
    [JsonPropertyName("token")]
    [AccessToken]
    public string? Token { get; set; }

    /// <summary>When the renewed token expires (<c>expires_at</c>, not <c>expires_on</c>).</summary>
    [JsonPropertyName("expires_at")]
    [ExpiresAt]
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Id (UUID) of the developer app (<c>developerapp</c>, no underscore).</summary>
    [JsonPropertyName("developerapp")]
    public string? DeveloperApp { get; set; }

    /// <summary>The token's scopes as one string (<c>scope</c>, a string here, not an array).</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    /// <summary>When the resource was created (<c>created_on</c>).</summary>
    [JsonPropertyName("created_on")]
    public DateTimeOffset? CreatedOn { get; set; }

    /// <summary>When the resource was last updated (<c>updated_on</c>).</summary>
    [JsonPropertyName("updated_on")]
    public DateTimeOffset? UpdatedOn { get; set; }
}
