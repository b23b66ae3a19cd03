using System;

namespace TokenGen;

/// <summary>Marks the member of a token response that carries the access token.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class AccessTokenAttribute : Attribute { }

/// <summary>Marks the member of a token response that carries the refresh token.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class RefreshTokenAttribute : Attribute { }

/// <summary>Marks the member of a token response that carries the token's lifetime in seconds.</summary>
/// <remarks>
/// The member may be any integer type, <see cref="double"/>, <see cref="float"/>, <see cref="decimal"/> (a fraction rounds
/// down) or <see cref="string"/> holding a number (<c>"expires_in":"3599"</c>), nullable or not. With
/// <see cref="ExpiresAtAttribute"/> on another member too, the earlier of the two expiries wins.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class ExpiresInAttribute : Attribute { }

/// <summary>Marks the member of a token response that carries the point in time the token expires.</summary>
/// <remarks>
/// The member may be a <see cref="DateTimeOffset"/>, a <see cref="DateTime"/> (of unspecified kind taken as UTC), a Unix
/// time in any integer type, <see cref="double"/>, <see cref="float"/> or <see cref="decimal"/> (seconds, or milliseconds
/// when 10<sup>11</sup> or more), or a <see cref="string"/> holding such a number, an ISO 8601 date or an RFC 1123 (HTTP) date, nullable or not.
/// See <see cref="TokenResponseValues.ToInstant(string?)"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class ExpiresAtAttribute : Attribute { }
