namespace TokenGen.Generator.Model;

/// <summary>
/// How a token role's member value becomes what <c>TokenResponseValues</c> holds: a <c>string?</c> token, seconds as a
/// <c>long?</c>, or a point in time as a <c>DateTimeOffset?</c>. Which member types give which conversion is decided in
/// one table (<c>TokenRoleTypes</c>), which also words the diagnostics; the emitter writes the call for each.
/// </summary>
internal enum TokenValueConversion
{
    /// <summary>Taken as it is: a <c>string</c> token, an integer that converts to <c>long</c>, or a <c>DateTimeOffset</c>.</summary>
    None,

    /// <summary>A <c>ulong</c> number of seconds, capped at <c>long.MaxValue</c> rather than wrapped.</summary>
    SecondsFromUInt64,

    /// <summary>A <c>double</c> or <c>float</c> number of seconds, rounded down.</summary>
    SecondsFromFloatingPoint,

    /// <summary>A <c>decimal</c> number of seconds, rounded down.</summary>
    SecondsFromDecimal,

    /// <summary>A number of seconds sent as a JSON string.</summary>
    SecondsFromString,

    /// <summary>A <c>DateTime</c>, of unspecified kind taken as UTC.</summary>
    InstantFromDateTime,

    /// <summary>A Unix time (seconds, or milliseconds from 10^11) in a signed integer, or an unsigned one below <c>ulong</c>.</summary>
    InstantFromUnixTimeInteger,

    /// <summary>A Unix time in a <c>ulong</c>.</summary>
    InstantFromUnixTimeUInt64,

    /// <summary>A Unix time in a <c>double</c> or <c>float</c>.</summary>
    InstantFromUnixTimeFloatingPoint,

    /// <summary>A Unix time in a <c>decimal</c>.</summary>
    InstantFromUnixTimeDecimal,

    /// <summary>A Unix time or an ISO 8601 date sent as a JSON string.</summary>
    InstantFromString,
}
