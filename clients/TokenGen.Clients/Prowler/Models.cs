using System.Text.Json.Serialization;

namespace TokenGen.Clients.Prowler;

/// <summary>The body of obtain: <c>{"data": {"type": "tokens", "attributes": {"email": …, "password": …, "tenant_id": …}}}</c>.</summary>
public sealed partial class TokenRequest : JsonApiDocument<TokenRequestAttributes>
{
    /// <summary>An empty document, for the serializer.</summary>
    public TokenRequest()
    {
    }

    /// <summary>A document of type <c>tokens</c> with these credentials.</summary>
    /// <param name="email">User email.</param>
    /// <param name="password">Password.</param>
    /// <param name="tenantId">Tenant (UUID) to sign in to; <see langword="null"/> for the user's first membership.</param>
    public TokenRequest(string email, string password, string? tenantId = null)
    {
        Data = new JsonApiResource<TokenRequestAttributes>
        {
            Type = ProwlerResourceTypes.Tokens,
            Attributes = new TokenRequestAttributes { Email = email, Password = password, TenantId = tenantId },
        };
    }
}

/// <summary>The attributes of obtain.</summary>
public sealed partial class TokenRequestAttributes
{
    /// <summary>User email (<c>email</c>); required.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }

    /// <summary>Password (<c>password</c>); required.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>
    /// Tenant (UUID) to sign in to (<c>tenant_id</c>); when omitted, the tenant of the user's first membership (by date joined) is used.
    /// </summary>
    [JsonPropertyName("tenant_id")]
    public string? TenantId { get; set; }
}

/// <summary>The body of refresh: <c>{"data": {"type": "tokens-refresh", "attributes": {"refresh": …}}}</c>.</summary>
public sealed partial class TokenRefreshRequest : JsonApiDocument<TokenRefreshRequestAttributes>
{
    /// <summary>An empty document, for the serializer.</summary>
    public TokenRefreshRequest()
    {
    }

    /// <summary>A document of type <c>tokens-refresh</c> with this refresh token.</summary>
    /// <param name="refresh">The current refresh token.</param>
    public TokenRefreshRequest(string refresh)
    {
        Data = new JsonApiResource<TokenRefreshRequestAttributes>
        {
            Type = ProwlerResourceTypes.TokensRefresh,
            Attributes = new TokenRefreshRequestAttributes { Refresh = refresh },
        };
    }
}

/// <summary>The attributes of refresh.</summary>
public sealed partial class TokenRefreshRequestAttributes
{
    /// <summary>The current refresh token (<c>refresh</c>); required.</summary>
    [JsonPropertyName("refresh")]
    public string? Refresh { get; set; }
}

/// <summary>The body of switch tenant: <c>{"data": {"type": "tokens-switch-tenant", "attributes": {"tenant_id": …}}}</c>.</summary>
public sealed partial class TokenSwitchTenantRequest : JsonApiDocument<TokenSwitchTenantRequestAttributes>
{
    /// <summary>An empty document, for the serializer.</summary>
    public TokenSwitchTenantRequest()
    {
    }

    /// <summary>A document of type <c>tokens-switch-tenant</c> for this tenant.</summary>
    /// <param name="tenantId">The tenant (UUID) to switch to.</param>
    public TokenSwitchTenantRequest(string tenantId)
    {
        Data = new JsonApiResource<TokenSwitchTenantRequestAttributes>
        {
            Type = ProwlerResourceTypes.TokensSwitchTenant,
            Attributes = new TokenSwitchTenantRequestAttributes { TenantId = tenantId },
        };
    }
}

/// <summary>The attributes of switch tenant.</summary>
public sealed partial class TokenSwitchTenantRequestAttributes
{
    /// <summary>The tenant (UUID) to switch to (<c>tenant_id</c>); required, and the user must be a member.</summary>
    [JsonPropertyName("tenant_id")]
    public string? TenantId { get; set; }
}

/// <summary>The token pair every token endpoint answers with: <c>{"access": …, "refresh": …}</c>.</summary>
public sealed partial class TokenAttributes
{
    /// <summary>JWT access token (<c>access</c>); lives 30 minutes by default.</summary>
    [JsonPropertyName("access")]
    [AccessToken]
    public string? Access { get; set; }

    /// <summary>JWT refresh token (<c>refresh</c>); lives 24 hours by default and is rotated by each refresh.</summary>
    [JsonPropertyName("refresh")]
    [RefreshToken]
    public string? Refresh { get; set; }
}

/// <summary>The answer of obtain: <c>{"data": {"type": "tokens", "attributes": {"access": …, "refresh": …}}}</c>.</summary>
public sealed partial class TokenResponse : JsonApiDocument<TokenAttributes>
{
    /// <summary>The access token, <c>data.attributes.access</c>.</summary>
    [JsonIgnore]
    public string? Access => Data?.Attributes?.Access;

    /// <summary>The refresh token, <c>data.attributes.refresh</c>.</summary>
    [JsonIgnore]
    public string? Refresh => Data?.Attributes?.Refresh;
}

/// <summary>The answer of refresh: <c>{"data": {"type": "tokens-refresh", "attributes": {"access": …, "refresh": …}}}</c>.</summary>
public sealed partial class TokenRefreshResponse : JsonApiDocument<TokenAttributes>
{
    /// <summary>The new access token, <c>data.attributes.access</c>.</summary>
    [JsonIgnore]
    public string? Access => Data?.Attributes?.Access;

    /// <summary>The new (rotated) refresh token, <c>data.attributes.refresh</c>.</summary>
    [JsonIgnore]
    public string? Refresh => Data?.Attributes?.Refresh;
}

/// <summary>The answer of switch tenant: <c>{"data": {"type": "tokens-switch-tenant", "attributes": {"access": …, "refresh": …}}}</c>.</summary>
public sealed partial class TokenSwitchTenantResponse : JsonApiDocument<TokenAttributes>
{
    /// <summary>The new access token, scoped to the tenant, <c>data.attributes.access</c>.</summary>
    [JsonIgnore]
    public string? Access => Data?.Attributes?.Access;

    /// <summary>The new refresh token, <c>data.attributes.refresh</c>.</summary>
    [JsonIgnore]
    public string? Refresh => Data?.Attributes?.Refresh;
}
