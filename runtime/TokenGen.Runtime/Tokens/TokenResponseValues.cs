using System;
using System.Globalization;
using System.Net;

namespace TokenGen;

/// <summary>
/// What one token response carries: the values of its <see cref="AccessTokenAttribute"/>,
/// <see cref="RefreshTokenAttribute"/>, <see cref="ExpiresInAttribute"/> and <see cref="ExpiresAtAttribute"/> members.
/// </summary>
/// <remarks>
/// TokenGen generates the code that reads these values from each response type of a <c>[TokenApi]</c> operation that
/// carries an <c>[AccessToken]</c> member (see <see cref="Infrastructure.TokenResponseReaders"/>); a hand-written token
/// source can build one itself. <see cref="ToString"/> never shows a token.
/// <para>
/// The static conversion methods turn a lifetime as services send it into the seconds and the point in time this type
/// holds; generated readers call them, and a hand-written token source may. A number given as a point in time is Unix
/// time: seconds since 1970-01-01 UTC, or milliseconds when it is 10<sup>11</sup> or more (as seconds that would be the
/// year 5138; as milliseconds it is March 1973, and services that send milliseconds send values near
/// 1.7 × 10<sup>12</sup>). A value beyond what a <see cref="long"/> or a <see cref="DateTimeOffset"/> holds is clamped to
/// the nearest one that fits, never wrapped, and a session caps any lifetime at ten years anyway. A number that is not
/// finite, or a string that is neither a number nor (for a point in time) a date, throws a
/// <see cref="TokenApiContentException"/> with <see cref="TokenApiContentProblem.InvalidLifetime"/>, whose message never
/// quotes the value. Null, an empty string and white space mean "not given". None of them allocates unless it throws.
/// </para>
/// </remarks>
public readonly struct TokenResponseValues : IEquatable<TokenResponseValues>
{
    /// <summary>Creates the values of one token response.</summary>
    /// <param name="accessToken">The access token, or <see langword="null"/> when the response carried none.</param>
    /// <param name="refreshToken">The refresh token, if the response carried one.</param>
    /// <param name="expiresInSeconds">The token's lifetime in seconds from when the response arrived, if given.</param>
    /// <param name="expiresAt">The point in time the token expires, if given.</param>
    public TokenResponseValues(string? accessToken, string? refreshToken, long? expiresInSeconds, DateTimeOffset? expiresAt)
    {
        AccessToken = accessToken;
        RefreshToken = refreshToken;
        ExpiresInSeconds = expiresInSeconds;
        ExpiresAt = expiresAt;
    }

    /// <summary>The access token, or <see langword="null"/> when the response carried none.</summary>
    public string? AccessToken { get; }

    /// <summary>The refresh token, if the response carried one.</summary>
    public string? RefreshToken { get; }

    /// <summary>The token's lifetime in seconds, counted from when the response arrived, if the response gave one.</summary>
    public long? ExpiresInSeconds { get; }

    /// <summary>The point in time the token expires, if the response gave one.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>
    /// Turns an <c>[ExpiresAt]</c> value of type <see cref="DateTime"/> into a point in time. A value of kind
    /// <see cref="DateTimeKind.Unspecified"/> is taken as UTC, because token services speak UTC and the machine's
    /// local offset would shift the expiry by hours.
    /// </summary>
    /// <param name="value">The member's value.</param>
    /// <returns>The point in time, or <see langword="null"/>.</returns>
    public static DateTimeOffset? ToInstant(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)),
        var v => new DateTimeOffset(v.Value.ToUniversalTime()),
    };

    /// <summary>Turns an unsigned <c>[ExpiresIn]</c> value into seconds, capped at <see cref="long.MaxValue"/>.</summary>
    /// <param name="seconds">The member's value.</param>
    /// <returns>The seconds, or <see langword="null"/>.</returns>
    public static long? ToSeconds(ulong? seconds) => seconds is { } s ? (long)Math.Min(s, (ulong)long.MaxValue) : null;

    /// <summary>
    /// Turns a fractional <c>[ExpiresIn]</c> value (a <see cref="double"/>, or a <see cref="float"/>) into whole seconds,
    /// rounded down, so a token is never believed to live longer than stated; clamped to the range of a <see cref="long"/>.
    /// </summary>
    /// <param name="seconds">The member's value.</param>
    /// <returns>The seconds, or <see langword="null"/>.</returns>
    /// <exception cref="TokenApiContentException">The value is not finite (<see cref="TokenApiContentProblem.InvalidLifetime"/>).</exception>
    public static long? ToSeconds(double? seconds) => seconds is { } s ? FloorToInt64(Finite(s)) : null;

    /// <summary>
    /// Turns a <see cref="decimal"/> <c>[ExpiresIn]</c> value into whole seconds, rounded down; clamped to the range of a
    /// <see cref="long"/>.
    /// </summary>
    /// <param name="seconds">The member's value.</param>
    /// <returns>The seconds, or <see langword="null"/>.</returns>
    public static long? ToSeconds(decimal? seconds) => seconds is { } s ? FloorToInt64(s) : null;

    /// <summary>
    /// Turns an <c>[ExpiresIn]</c> value sent as a JSON string (Azure's instance metadata service sends
    /// <c>"expires_in":"3599"</c>) into whole seconds: a number in invariant culture with an optional sign, fraction or
    /// exponent, white space around it ignored; a fraction is rounded down, and the result clamped to the range of a
    /// <see cref="long"/>.
    /// </summary>
    /// <param name="seconds">The member's value.</param>
    /// <returns>The seconds, or <see langword="null"/> when the string is null, empty or white space.</returns>
    /// <exception cref="TokenApiContentException">
    /// The string is not a number, or not a finite one (<see cref="TokenApiContentProblem.InvalidLifetime"/>).
    /// </exception>
    public static long? ToSeconds(string? seconds)
    {
        if (string.IsNullOrWhiteSpace(seconds))
        {
            return null;
        }

        ReadOnlySpan<char> text = seconds.AsSpan().Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
        {
            return whole;
        }

        return TryParseNumber(text, out double number) ? FloorToInt64(Finite(number)) : throw InvalidLifetime();
    }

    /// <summary>
    /// Turns an <c>[ExpiresAt]</c> value given as a Unix time into a point in time: seconds since 1970-01-01 UTC, or
    /// milliseconds when the value is 10<sup>11</sup> or more (see the remarks of <see cref="TokenResponseValues"/>).
    /// A value before year 1 or after year 9999 is clamped to <see cref="DateTimeOffset.MinValue"/> or
    /// <see cref="DateTimeOffset.MaxValue"/>.
    /// </summary>
    /// <param name="unixTime">The member's value.</param>
    /// <returns>The point in time, or <see langword="null"/>.</returns>
    public static DateTimeOffset? FromUnixTime(long? unixTime)
    {
        if (unixTime is not long value)
        {
            return null;
        }

        if (value >= MillisecondsThreshold)
        {
            return value > MaxUnixMilliseconds ? DateTimeOffset.MaxValue : DateTimeOffset.FromUnixTimeMilliseconds(value);
        }

        // Below the threshold every value is within year 5138, so only the past needs a bound.
        return value < MinUnixSeconds ? DateTimeOffset.MinValue : DateTimeOffset.FromUnixTimeSeconds(value);
    }

    /// <summary>
    /// Turns an unsigned <c>[ExpiresAt]</c> Unix time into a point in time, as <see cref="FromUnixTime(long?)"/> does; a
    /// value beyond <see cref="long.MaxValue"/> is the latest point in time.
    /// </summary>
    /// <param name="unixTime">The member's value.</param>
    /// <returns>The point in time, or <see langword="null"/>.</returns>
    public static DateTimeOffset? FromUnixTime(ulong? unixTime) => FromUnixTime(ToSeconds(unixTime));

    /// <summary>
    /// Turns a fractional <c>[ExpiresAt]</c> Unix time (a <see cref="double"/>, or a <see cref="float"/>) into a point in
    /// time, as <see cref="FromUnixTime(long?)"/> does, keeping the fraction to the tick (rounded down).
    /// </summary>
    /// <param name="unixTime">The member's value.</param>
    /// <returns>The point in time, or <see langword="null"/>.</returns>
    /// <exception cref="TokenApiContentException">The value is not finite (<see cref="TokenApiContentProblem.InvalidLifetime"/>).</exception>
    public static DateTimeOffset? FromUnixTime(double? unixTime)
    {
        if (unixTime is not double value)
        {
            return null;
        }

        double seconds = Finite(value) >= MillisecondsThreshold ? value / 1000 : value;
        if (seconds < MinUnixSeconds)
        {
            return DateTimeOffset.MinValue;
        }

        if (seconds >= MaxUnixSeconds + 1)
        {
            return DateTimeOffset.MaxValue;
        }

        // Whole seconds exactly, then the fraction: multiplying the whole value by ticks would round at 10^16.
        double wholeSeconds = Math.Floor(seconds);
        long fractionTicks = (long)Math.Floor((seconds - wholeSeconds) * TimeSpan.TicksPerSecond);
        return DateTimeOffset.FromUnixTimeSeconds((long)wholeSeconds).AddTicks(fractionTicks);
    }

    /// <summary>
    /// Turns a <see cref="decimal"/> <c>[ExpiresAt]</c> Unix time into a point in time, as
    /// <see cref="FromUnixTime(long?)"/> does, keeping the fraction to the tick (rounded down).
    /// </summary>
    /// <param name="unixTime">The member's value.</param>
    /// <returns>The point in time, or <see langword="null"/>.</returns>
    public static DateTimeOffset? FromUnixTime(decimal? unixTime)
    {
        if (unixTime is not decimal value)
        {
            return null;
        }

        decimal seconds = value >= MillisecondsThreshold ? value / 1000 : value;
        if (seconds < MinUnixSeconds)
        {
            return DateTimeOffset.MinValue;
        }

        if (seconds >= MaxUnixSeconds + 1)
        {
            return DateTimeOffset.MaxValue;
        }

        long ticks = (long)decimal.Floor(seconds * TimeSpan.TicksPerSecond);
        return DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }

    /// <summary>
    /// Turns an <c>[ExpiresAt]</c> value sent as a JSON string into a point in time: a number is a Unix time (Azure's
    /// instance metadata service sends <c>"expires_on":"1733572800"</c>), read as <see cref="ToSeconds(string?)"/> reads
    /// one and then as <see cref="FromUnixTime(long?)"/> does; otherwise an ISO 8601 (RFC 3339) date such as
    /// <c>2026-12-07T10:00:00Z</c> in invariant culture, taken as UTC when it has no offset, or an RFC 1123 (HTTP) date
    /// such as <c>Mon, 07 Dec 2026 10:00:00 GMT</c>. Other date forms are refused, because a form like <c>07/12/2026</c>
    /// means a different day on each side of the Atlantic.
    /// </summary>
    /// <param name="value">The member's value.</param>
    /// <returns>The point in time, or <see langword="null"/> when the string is null, empty or white space.</returns>
    /// <exception cref="TokenApiContentException">
    /// The string is neither a finite number nor a date in one of those forms
    /// (<see cref="TokenApiContentProblem.InvalidLifetime"/>).
    /// </exception>
    public static DateTimeOffset? ToInstant(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        ReadOnlySpan<char> text = value.AsSpan().Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
        {
            return FromUnixTime(whole);
        }

        if (TryParseNumber(text, out double number))
        {
            return FromUnixTime(number);
        }

        if (LooksLikeIsoDate(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset iso))
        {
            return iso;
        }

        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset http))
        {
            return http;
        }

        throw InvalidLifetime();
    }

    /// <summary>From this value on, a Unix time is milliseconds: 10^11 seconds would be the year 5138.</summary>
    private const long MillisecondsThreshold = 100_000_000_000;

    /// <summary>The Unix time of <see cref="DateTimeOffset.MinValue"/>, in seconds.</summary>
    private const long MinUnixSeconds = -62_135_596_800;

    /// <summary>The Unix time of the last whole second of <see cref="DateTimeOffset.MaxValue"/>.</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>The Unix time of the last whole millisecond of <see cref="DateTimeOffset.MaxValue"/>.</summary>
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    /// <summary>2^63: the first double above <see cref="long.MaxValue"/> (which a double cannot hold exactly).</summary>
    private const double TwoToThe63 = 9_223_372_036_854_775_808.0;

    private static double Finite(double value) => double.IsFinite(value) ? value : throw InvalidLifetime();

    private static long FloorToInt64(double value)
    {
        double floor = Math.Floor(value);
        return floor >= TwoToThe63 ? long.MaxValue : floor < -TwoToThe63 ? long.MinValue : (long)floor;
    }

    private static long FloorToInt64(decimal value)
    {
        decimal floor = decimal.Floor(value);
        return floor > long.MaxValue ? long.MaxValue : floor < long.MinValue ? long.MinValue : (long)floor;
    }

    /// <summary>A number with an optional sign, fraction and exponent; no white space, thousands separator or currency.</summary>
    private static bool TryParseNumber(ReadOnlySpan<char> text, out double number) =>
        double.TryParse(
            text,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture,
            out number);

    /// <summary>Starts <c>yyyy-MM-dd</c>: ISO 8601's order, which no culture reads differently.</summary>
    private static bool LooksLikeIsoDate(ReadOnlySpan<char> text) =>
        text.Length >= 10
        && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3])
        && text[4] == '-' && char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6])
        && text[7] == '-' && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9]);

    /// <summary>The failure of a lifetime that is not a time; the value stays out of the message, as a token would.</summary>
    private static TokenApiContentException InvalidLifetime() =>
        new(TokenApiContentProblem.InvalidLifetime, HttpStatusCode.OK, contentType: null, snippet: null, innerException: null);

    /// <inheritdoc/>
    public bool Equals(TokenResponseValues other) =>
        string.Equals(AccessToken, other.AccessToken, StringComparison.Ordinal)
        && string.Equals(RefreshToken, other.RefreshToken, StringComparison.Ordinal)
        && ExpiresInSeconds == other.ExpiresInSeconds
        && ExpiresAt == other.ExpiresAt;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TokenResponseValues other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(AccessToken, RefreshToken, ExpiresInSeconds, ExpiresAt);

    /// <summary>Compares two values member by member.</summary>
    public static bool operator ==(TokenResponseValues left, TokenResponseValues right) => left.Equals(right);

    /// <summary>Compares two values member by member.</summary>
    public static bool operator !=(TokenResponseValues left, TokenResponseValues right) => !left.Equals(right);

    /// <summary>Says which values are present, never the tokens themselves.</summary>
    /// <returns>For example <c>TokenResponseValues { AccessToken = (set), RefreshToken = (none), ExpiresInSeconds = 1800 }</c>.</returns>
    public override string ToString() =>
        $"TokenResponseValues {{ AccessToken = {Presence(AccessToken)}, RefreshToken = {Presence(RefreshToken)}, ExpiresInSeconds = {(ExpiresInSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)")}, ExpiresAt = {(ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "(none)")} }}";

    private static string Presence(string? token) => token is null ? "(none)" : "(set)";
}
