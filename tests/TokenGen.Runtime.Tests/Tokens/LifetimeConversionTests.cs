using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using TokenGen.Diagnostics;

namespace TokenGen.Runtime.Tests.Tokens;

/// <summary>
/// The conversions generated token readers call on <see cref="TokenResponseValues"/>, turning lifetimes as services send
/// them (strings of digits, fractional seconds, Unix seconds or milliseconds, ISO dates) into seconds and points in time;
/// and the rule that the earlier of two stated expiries wins.
/// </summary>
public sealed class LifetimeConversionTests
{
    private static readonly DateTimeOffset s_issuedAt = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    // ---- [ExpiresIn] sent as a string ----

    [Theory]
    [InlineData("3599", 3599L)]
    [InlineData("  3599 ", 3599L)] // white space around the number is not a different number
    [InlineData("0", 0L)]
    [InlineData("+5", 5L)]
    [InlineData("-5", -5L)] // negative: the session treats it as expired at once
    [InlineData("1e3", 1000L)]
    [InlineData("3599.9", 3599L)] // a fraction rounds down: never believe a token lives longer than stated
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("99999999999999999999", long.MaxValue)] // beyond a long: clamped, never wrapped
    [InlineData("-99999999999999999999", long.MinValue)]
    public void SecondsInAStringAreReadAsANumber(string text, long expected)
    {
        Assert.Equal(expected, TokenResponseValues.ToSeconds(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void AnEmptyStringIsNoLifetime(string? text)
    {
        Assert.Null(TokenResponseValues.ToSeconds(text));
        Assert.Null(TokenResponseValues.ToInstant(text));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("3599s")]
    [InlineData("1,000")]
    [InlineData("0x10")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e400")] // overflows a double: not a finite number
    [InlineData("2026-12-07T10:00:00Z")] // a date is a point in time, not a number of seconds
    [InlineData("3 599")]
    public void AStringThatIsNotANumberOfSecondsIsAnInvalidLifetime(string text)
    {
        AssertInvalidLifetime(() => TokenResponseValues.ToSeconds(text), text);
    }

    // ---- [ExpiresIn] as a floating-point or decimal number ----

    [Theory]
    [InlineData(0.0, 0L)]
    [InlineData(3599.999, 3599L)]
    [InlineData(-0.5, -1L)] // rounded down, so it is expired, not "zero"
    [InlineData(1e300, long.MaxValue)]
    [InlineData(-1e300, long.MinValue)]
    [InlineData(9223372036854775807.0, long.MaxValue)] // 2^63 as a double: one past long.MaxValue, clamped
    public void FractionalSecondsRoundDownAndClamp(double seconds, long expected)
    {
        Assert.Equal(expected, TokenResponseValues.ToSeconds(seconds));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ANonFiniteNumberOfSecondsIsAnInvalidLifetime(double seconds)
    {
        AssertInvalidLifetime(() => TokenResponseValues.ToSeconds(seconds), null);
        AssertInvalidLifetime(() => TokenResponseValues.FromUnixTime(seconds), null);
    }

    [Fact]
    public void DecimalSecondsRoundDownAndClamp()
    {
        Assert.Equal(3599L, TokenResponseValues.ToSeconds(3599.99m));
        Assert.Equal(-1L, TokenResponseValues.ToSeconds(-0.01m));
        Assert.Equal(long.MaxValue, TokenResponseValues.ToSeconds(decimal.MaxValue));
        Assert.Equal(long.MinValue, TokenResponseValues.ToSeconds(decimal.MinValue));
        Assert.Null(TokenResponseValues.ToSeconds((decimal?)null));
        Assert.Null(TokenResponseValues.ToSeconds((double?)null));
    }

    // ---- [ExpiresAt] as a Unix time ----

    [Theory]
    [InlineData(0L, "1970-01-01T00:00:00Z")]
    [InlineData(1733572800L, "2024-12-07T12:00:00Z")]
    [InlineData(-5L, "1969-12-31T23:59:55Z")] // long past: an expired token
    [InlineData(99_999_999_999L, "5138-11-16T09:46:39Z")] // 10^11 - 1: the last value read as seconds
    [InlineData(100_000_000_000L, "1973-03-03T09:46:40Z")] // 10^11: read as milliseconds
    [InlineData(1733572800123L, "2024-12-07T12:00:00.123Z")] // milliseconds, as some services send
    [InlineData(long.MaxValue, "9999-12-31T23:59:59.9999999Z")] // beyond the calendar as milliseconds: its end
    [InlineData(long.MinValue, "0001-01-01T00:00:00Z")] // before the calendar: its start
    public void AUnixTimeIsSecondsOrFromTenToTheElevenMilliseconds(long unixTime, string expected)
    {
        DateTimeOffset instant = Instant(expected);

        Assert.Equal(instant, TokenResponseValues.FromUnixTime(unixTime));
        Assert.Equal(instant, TokenResponseValues.ToInstant(unixTime.ToString(CultureInfo.InvariantCulture)));
        if (unixTime >= 0)
        {
            Assert.Equal(instant, TokenResponseValues.FromUnixTime((ulong)unixTime));
        }
    }

    [Fact]
    public void AnUnsignedUnixTimeBeyondALongIsTheEndOfTheCalendar()
    {
        Assert.Equal(DateTimeOffset.MaxValue, TokenResponseValues.FromUnixTime(ulong.MaxValue));
        Assert.Null(TokenResponseValues.FromUnixTime((ulong?)null));
        Assert.Null(TokenResponseValues.FromUnixTime((long?)null));
    }

    [Theory]
    [InlineData(1733572800.5, "2024-12-07T12:00:00.5Z")]
    [InlineData(1733572800123.0, "2024-12-07T12:00:00.123Z")]
    [InlineData(99_999_999_999.0, "5138-11-16T09:46:39Z")]
    [InlineData(1e11, "1973-03-03T09:46:40Z")]
    [InlineData(-5.0, "1969-12-31T23:59:55Z")]
    [InlineData(1e300, "9999-12-31T23:59:59.9999999Z")]
    [InlineData(-1e300, "0001-01-01T00:00:00Z")]
    public void AFractionalUnixTimeKeepsItsFraction(double unixTime, string expected)
    {
        DateTimeOffset actual = TokenResponseValues.FromUnixTime(unixTime)!.Value;

        // A double holds a 13-digit millisecond count to about a microsecond; the expiry is a schedule, not a timestamp.
        Assert.InRange((actual - Instant(expected)).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void ADecimalUnixTimeKeepsItsFractionExactly()
    {
        Assert.Equal(Instant("2024-12-07T12:00:00.25Z"), TokenResponseValues.FromUnixTime(1733572800.25m));
        Assert.Equal(Instant("2024-12-07T12:00:00.123Z"), TokenResponseValues.FromUnixTime(1733572800123m));
        Assert.Equal(DateTimeOffset.MaxValue, TokenResponseValues.FromUnixTime(decimal.MaxValue));
        Assert.Equal(DateTimeOffset.MinValue, TokenResponseValues.FromUnixTime(decimal.MinValue));
        Assert.Null(TokenResponseValues.FromUnixTime((decimal?)null));
    }

    // ---- [ExpiresAt] sent as a string ----

    [Theory]
    [InlineData("1733572800", "2024-12-07T12:00:00Z")] // Azure IMDS's expires_on
    [InlineData(" 1733572800 ", "2024-12-07T12:00:00Z")]
    [InlineData("1733572800123", "2024-12-07T12:00:00.123Z")]
    [InlineData("1733572800.5", "2024-12-07T12:00:00.5Z")]
    [InlineData("2026-12-07T10:00:00Z", "2026-12-07T10:00:00Z")]
    [InlineData("2026-12-07T10:00:00", "2026-12-07T10:00:00Z")] // no offset: UTC, not this machine's zone
    [InlineData("2026-12-07T12:00:00+02:00", "2026-12-07T10:00:00Z")]
    [InlineData("2026-12-07T10:00:00.1234567Z", "2026-12-07T10:00:00.1234567Z")]
    [InlineData("2026-12-07 10:00:00Z", "2026-12-07T10:00:00Z")]
    [InlineData("2026-12-07", "2026-12-07T00:00:00Z")]
    [InlineData("Mon, 07 Dec 2026 10:00:00 GMT", "2026-12-07T10:00:00Z")]
    public void AStringIsAUnixTimeOrADate(string text, string expected)
    {
        Assert.Equal(Instant(expected), TokenResponseValues.ToInstant(text));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("soon")]
    [InlineData("07/12/2026")] // a different day on each side of the Atlantic
    [InlineData("December 7, 2026")]
    [InlineData("2026-13-45T10:00:00Z")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void AStringThatIsNeitherANumberNorADateIsAnInvalidLifetime(string text)
    {
        AssertInvalidLifetime(() => TokenResponseValues.ToInstant(text), text);
    }

    [Fact]
    public void TheStringConversionsAllocateNothing()
    {
        string seconds = "3599";
        string unixTime = "1733572800";
        string date = "2026-12-07T10:00:00Z";
        TokenResponseValues.ToSeconds(seconds);
        TokenResponseValues.ToInstant(unixTime);
        TokenResponseValues.ToInstant(date);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            TokenResponseValues.ToSeconds(seconds);
            TokenResponseValues.ToInstant(unixTime);
            TokenResponseValues.ToInstant(date);
            TokenResponseValues.FromUnixTime(1733572800.5);
            TokenResponseValues.ToSeconds(3599.5m);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // ---- both given: the earlier wins ----

    [Theory]
    [InlineData(100, 1000, 100)]
    [InlineData(1000, 100, 100)]
    [InlineData(0, 3600, 0)]
    [InlineData(3600, 0, 0)]
    public void WithBothGivenTheEarlierExpiryWins(long expiresIn, long expiresAtSecondsFromNow, long expectedSeconds)
    {
        var values = new TokenResponseValues("a", null, expiresIn, s_issuedAt.AddSeconds(expiresAtSecondsFromNow));

        Assert.Equal(s_issuedAt.AddSeconds(expectedSeconds), TokenLifetime.ExpiresAt(values, s_issuedAt, readJwtExpiry: false));
    }

    [Fact]
    public void AnAbsurdLifetimeThatDoesNotDecideTheExpiryIsNotReportedAsClamped()
    {
        var log = new ClampLog();
        var values = new TokenResponseValues("a", null, 1_000_000_000_000, s_issuedAt.AddHours(1));

        Assert.Equal(s_issuedAt.AddHours(1), TokenLifetime.ExpiresAt(values, s_issuedAt, readJwtExpiry: false, log, "s"));
        Assert.Empty(log.Clamped);
    }

    [Fact]
    public void AnAbsurdLifetimeThatDecidesTheExpiryIsClampedAndReported()
    {
        var log = new ClampLog();
        var values = new TokenResponseValues("a", null, 1_000_000_000_000, s_issuedAt.AddYears(50));

        Assert.Equal(s_issuedAt.AddDays(3650), TokenLifetime.ExpiresAt(values, s_issuedAt, readJwtExpiry: false, log, "s"));
        Assert.Equal((1_000_000_000_000L, 315_360_000L), Assert.Single(log.Clamped));
    }

    private static DateTimeOffset Instant(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static void AssertInvalidLifetime(Func<object?> convert, string? value)
    {
        var exception = Assert.Throws<TokenApiContentException>(convert);
        Assert.Equal(TokenApiContentProblem.InvalidLifetime, exception.Problem);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Null(exception.Snippet);
        if (!string.IsNullOrWhiteSpace(value))
        {
            Assert.DoesNotContain(value.Trim(), exception.Message, StringComparison.Ordinal);
        }
    }

    private sealed class ClampLog : TokenGenLog
    {
        public List<(long Stated, long Used)> Clamped { get; } = [];

        public override void TokenLifetimeClamped(string? sessionName, long statedSeconds, long usedSeconds) =>
            Clamped.Add((statedSeconds, usedSeconds));
    }
}
