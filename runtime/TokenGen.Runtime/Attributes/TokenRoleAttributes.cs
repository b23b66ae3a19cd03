using System;

namespace TokenGen;

/// <summary>Marks the member of a token response that carries the access token.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class AccessTokenAttribute : Attribute { }

/// <summary>Marks the member of a token response that carries the refresh token.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class RefreshTokenAttribute : Attribute { }

/// <summary>Marks the member of a token response that carries the token's lifetime in seconds.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class ExpiresInAttribute : Attribute { }

/// <summary>Marks the member of a token response that carries the point in time the token expires.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class ExpiresAtAttribute : Attribute { }
