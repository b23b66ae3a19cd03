using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>
/// A grant type sent by its JSON name. The net8.0 reference assemblies have no <c>JsonStringEnumMemberName</c>, so the
/// names come from <see cref="EnumMemberAttribute"/>; a member without one is sent by its own name.
/// </summary>
public enum GrantType
{
    [EnumMember(Value = "client_credentials")]
    ClientCredentials = 1,

    [EnumMember(Value = "refresh_token")]
    RefreshToken = 2,

    Password = 3,
}

/// <summary>A JSON request body.</summary>
public sealed class TokenRequest
{
    [JsonPropertyName("client_id")]
    public string? ClientId { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }
}

/// <summary>A JSON token response.</summary>
public sealed class TokenResponse
{
    [JsonPropertyName("access_token")]
    [AccessToken]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expires_in")]
    [ExpiresIn]
    public int ExpiresIn { get; set; }
}

/// <summary>A small JSON response.</summary>
public sealed class TokenInfo
{
    [JsonPropertyName("active")]
    public bool Active { get; set; }
}

/// <summary>A form-urlencoded body model: names from <c>[JsonPropertyName]</c> or the property name.</summary>
public sealed class ClientCredentialsForm
{
    [JsonPropertyName("grant_type")]
    public string GrantType { get; set; } = "client_credentials";

    [JsonPropertyName("client_id")]
    public string? ClientId { get; set; }

    // No [JsonPropertyName]: sent as "ClientSecret".
    public string? ClientSecret { get; set; }

    [JsonPropertyName("scope")]
    public List<string>? Scopes { get; set; }

    [JsonPropertyName("audience")]
    public string? Audience { get; set; }

    [JsonPropertyName("max_age")]
    public int? MaxAge { get; set; }

    [JsonIgnore]
    public string? NotSent { get; set; }
}

/// <summary>A multipart body model: one text part per member.</summary>
public sealed class UploadForm
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    public int Count { get; set; }

    [JsonPropertyName("tag")]
    public List<string>? Tags { get; set; }

    [JsonPropertyName("missing")]
    public string? Missing { get; set; }
}

/// <summary>
/// The serializer context of the behaviour APIs. The free-form types (<c>JsonElement</c>, <c>JsonObject</c>,
/// <c>Dictionary&lt;string, JsonElement&gt;</c>) are deliberately not registered: TokenGen supplies them.
/// </summary>
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(TokenInfo))]
public sealed partial class BehaviourJsonContext : JsonSerializerContext
{
}
