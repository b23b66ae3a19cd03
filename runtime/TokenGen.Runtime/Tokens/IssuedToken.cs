using System;
using System.Globalization;

namespace TokenGen;

/// <summary>
/// A token a <see cref="TokenSession"/> holds: the access token, the refresh token if any, when it was obtained, when it
/// expires and when the session replaces it. Immutable, so a session swaps the whole token (access and refresh token
/// together) in one step. <see cref="ToString"/> never shows a token.
/// </summary>
public sealed class IssuedToken
{
    /// <summary>Creates a token from values a session has already checked and computed.</summary>
    internal IssuedToken(
        string accessToken, string? refreshToken, DateTimeOffset issuedAt, DateTimeOffset? expiresAt, DateTimeOffset? refreshAt, long freshUntilTickCount = long.MaxValue, long generation = 0)
    {
        FreshUntilTickCount = freshUntilTickCount;
        Generation = generation;
        AccessToken = accessToken;
        RefreshToken = refreshToken;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        RefreshAt = refreshAt;

        // Ticks, not a nullable DateTimeOffset, so the session's cached path is one integer comparison.
        RefreshAtUtcTicks = refreshAt?.UtcTicks ?? long.MaxValue;
        ExpiresAtUtcTicks = expiresAt?.UtcTicks ?? long.MaxValue;
    }

    /// <summary>The access token: what goes after <c>Bearer </c>.</summary>
    public string AccessToken { get; }

    /// <summary>The refresh token, or <see langword="null"/> when the service issued none.</summary>
    /// <remarks>
    /// When a refresh answers without a new refresh token, the session keeps the one it refreshed with; an acquire that
    /// answers without one leaves none.
    /// </remarks>
    public string? RefreshToken { get; }

    /// <summary>
    /// When the session sent the request that obtained this token, by its <see cref="TimeProvider"/>. A lifetime in
    /// seconds is counted from here: a little before the service issued the token, so the session never believes it
    /// valid for longer than it is.
    /// </summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>When the token expires, or <see langword="null"/> when the service gave no expiry (then it is valid until a 401).</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>
    /// From when the session replaces this token instead of handing it out: <see cref="ExpiresAt"/> minus the refresh
    /// skew, but never before half the lifetime; <see langword="null"/> when the token does not expire.
    /// </summary>
    public DateTimeOffset? RefreshAt { get; }

    /// <summary>How long the token is valid from <see cref="IssuedAt"/>, or <see langword="null"/> when it does not expire.</summary>
    public TimeSpan? Lifetime => ExpiresAt - IssuedAt;

    /// <summary><see cref="RefreshAt"/> in UTC ticks; <see cref="long.MaxValue"/> when the token does not expire.</summary>
    internal long RefreshAtUtcTicks { get; }

    /// <summary><see cref="ExpiresAt"/> in UTC ticks; <see cref="long.MaxValue"/> when the token does not expire.</summary>
    internal long ExpiresAtUtcTicks { get; }

    /// <summary>
    /// <see cref="RefreshAt"/> as a value of <see cref="Environment.TickCount64"/>, for sessions on the system clock (see
    /// <see cref="TokenFreshness"/>); <see cref="long.MaxValue"/> when the token does not expire or the clock is another.
    /// </summary>
    internal long FreshUntilTickCount { get; }

    /// <summary>
    /// The version of the shared store's entry this token is (see <see cref="ITokenStore"/>); 0 for a token the session
    /// holds alone (no store, or one obtained while the store was unreachable).
    /// </summary>
    internal long Generation { get; }

    /// <summary>The same token as generation <paramref name="generation"/> of the shared store's entry.</summary>
    internal IssuedToken WithGeneration(long generation) =>
        new(AccessToken, RefreshToken, IssuedAt, ExpiresAt, RefreshAt, FreshUntilTickCount, generation);

    /// <summary>Whether the session should still hand this token out at <paramref name="now"/>.</summary>
    internal bool IsFresh(DateTimeOffset now) => now.UtcTicks < RefreshAtUtcTicks;

    /// <summary>Whether the token has expired at <paramref name="now"/>.</summary>
    internal bool IsExpired(DateTimeOffset now) => now.UtcTicks >= ExpiresAtUtcTicks;

    /// <summary>Says which tokens are present and the token's times, never the tokens themselves.</summary>
    /// <returns>For example <c>IssuedToken { AccessToken = (set), RefreshToken = (none), IssuedAt = …, ExpiresAt = …, RefreshAt = … }</c>.</returns>
    public override string ToString() =>
        $"IssuedToken {{ AccessToken = (set), RefreshToken = {(RefreshToken is null ? "(none)" : "(set)")}, IssuedAt = {Format(IssuedAt)}, ExpiresAt = {Format(ExpiresAt)}, RefreshAt = {Format(RefreshAt)} }}";

    internal static string Format(DateTimeOffset? instant) =>
        instant?.ToString("O", CultureInfo.InvariantCulture) ?? "(none)";
}
