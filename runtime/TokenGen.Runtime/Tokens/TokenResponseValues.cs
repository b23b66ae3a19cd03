using System;

namespace TokenGen;

/// <summary>
/// What one token response carries: the values of its <see cref="AccessTokenAttribute"/>,
/// <see cref="RefreshTokenAttribute"/>, <see cref="ExpiresInAttribute"/> and <see cref="ExpiresAtAttribute"/> members.
/// </summary>
/// <remarks>
/// TokenGen generates the code that reads these values from each response type of a <c>[TokenApi]</c> operation that
/// carries an <c>[AccessToken]</c> member (see <see cref="Infrastructure.TokenResponseReaders"/>); a hand-written token
/// source can build one itself. <see cref="ToString"/> never shows a token.
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
