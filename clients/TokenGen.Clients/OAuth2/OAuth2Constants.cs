namespace TokenGen.Clients.OAuth2;

/// <summary>The <c>grant_type</c> values of the token endpoint.</summary>
public static class OAuth2GrantTypes
{
    /// <summary><c>authorization_code</c> (RFC 6749 §4.1.3).</summary>
    public const string AuthorizationCode = "authorization_code";

    /// <summary><c>password</c>: the resource owner's credentials (RFC 6749 §4.3.2).</summary>
    public const string Password = "password";

    /// <summary><c>client_credentials</c> (RFC 6749 §4.4.2).</summary>
    public const string ClientCredentials = "client_credentials";

    /// <summary><c>refresh_token</c> (RFC 6749 §6).</summary>
    public const string RefreshToken = "refresh_token";

    /// <summary><c>urn:ietf:params:oauth:grant-type:device_code</c> (RFC 8628 §3.4).</summary>
    public const string DeviceCode = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary><c>urn:ietf:params:oauth:grant-type:token-exchange</c> (RFC 8693 §2.1).</summary>
    public const string TokenExchange = "urn:ietf:params:oauth:grant-type:token-exchange";
}

/// <summary>Token type identifiers of RFC 8693 §3, for token exchange and <see cref="OAuth2TokenResponse.IssuedTokenType"/>.</summary>
public static class OAuth2TokenTypes
{
    /// <summary><c>urn:ietf:params:oauth:token-type:access_token</c>.</summary>
    public const string AccessToken = "urn:ietf:params:oauth:token-type:access_token";

    /// <summary><c>urn:ietf:params:oauth:token-type:refresh_token</c>.</summary>
    public const string RefreshToken = "urn:ietf:params:oauth:token-type:refresh_token";

    /// <summary><c>urn:ietf:params:oauth:token-type:id_token</c>.</summary>
    public const string IdToken = "urn:ietf:params:oauth:token-type:id_token";

    /// <summary><c>urn:ietf:params:oauth:token-type:jwt</c>.</summary>
    public const string Jwt = "urn:ietf:params:oauth:token-type:jwt";

    /// <summary><c>urn:ietf:params:oauth:token-type:saml2</c>.</summary>
    public const string Saml2 = "urn:ietf:params:oauth:token-type:saml2";
}

/// <summary>The <c>token_type_hint</c> values of revocation (RFC 7009 §2.1) and introspection (RFC 7662 §2.1).</summary>
public static class OAuth2TokenTypeHints
{
    /// <summary><c>access_token</c>.</summary>
    public const string AccessToken = "access_token";

    /// <summary><c>refresh_token</c>.</summary>
    public const string RefreshToken = "refresh_token";
}

/// <summary>The registered <c>error</c> codes an <see cref="OAuth2Error"/> carries.</summary>
public static class OAuth2ErrorCodes
{
    /// <summary><c>invalid_request</c> (RFC 6749 §5.2).</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary><c>invalid_client</c>: client authentication failed (RFC 6749 §5.2).</summary>
    public const string InvalidClient = "invalid_client";

    /// <summary><c>invalid_grant</c>: the code, refresh token or credentials are invalid, expired or revoked (RFC 6749 §5.2).</summary>
    public const string InvalidGrant = "invalid_grant";

    /// <summary><c>unauthorized_client</c> (RFC 6749 §5.2).</summary>
    public const string UnauthorizedClient = "unauthorized_client";

    /// <summary><c>unsupported_grant_type</c> (RFC 6749 §5.2).</summary>
    public const string UnsupportedGrantType = "unsupported_grant_type";

    /// <summary><c>invalid_scope</c> (RFC 6749 §5.2).</summary>
    public const string InvalidScope = "invalid_scope";

    /// <summary><c>invalid_target</c>: a <c>resource</c> the server refuses (RFC 8707 §2).</summary>
    public const string InvalidTarget = "invalid_target";

    /// <summary><c>authorization_pending</c>: the user has not approved the device yet; poll again (RFC 8628 §3.5).</summary>
    public const string AuthorizationPending = "authorization_pending";

    /// <summary><c>slow_down</c>: poll again, 5 seconds slower (RFC 8628 §3.5).</summary>
    public const string SlowDown = "slow_down";

    /// <summary><c>access_denied</c>: the user refused (RFC 8628 §3.5).</summary>
    public const string AccessDenied = "access_denied";

    /// <summary><c>expired_token</c>: the device code expired (RFC 8628 §3.5).</summary>
    public const string ExpiredToken = "expired_token";

    /// <summary><c>unsupported_token_type</c>: the server cannot revoke this kind of token (RFC 7009 §2.2.1).</summary>
    public const string UnsupportedTokenType = "unsupported_token_type";
}
