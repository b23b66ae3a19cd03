using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace TokenGen.Infrastructure;

/// <summary>HTTP facts more than one part of the runtime relies on, kept in one place so they cannot drift apart.</summary>
internal static class HttpRules
{
    /// <summary>
    /// Whether <paramref name="content"/> can be sent a second time with the same bytes: none, a
    /// <see cref="ByteArrayContent"/> (which includes string and form content), a <see cref="ReadOnlyMemoryContent"/>, or a
    /// <see cref="MultipartContent"/> of those. The bearer handler's retry after a 401 and the resilience handler both use it.
    /// </summary>
    internal static bool CanResend(HttpContent? content)
    {
        switch (content)
        {
            case null:
            case ByteArrayContent:
            case ReadOnlyMemoryContent:
                return true;

            case MultipartContent multipart:
                foreach (HttpContent part in multipart)
                {
                    if (!CanResend(part))
                    {
                        return false;
                    }
                }

                return true;

            default:
                return false;
        }
    }

    /// <summary>
    /// How long a <c>Retry-After</c> asks to wait, from <paramref name="now"/>: delta-seconds as they are, an HTTP date
    /// minus <paramref name="now"/>, never below zero; <see langword="null"/> without a valid header.
    /// </summary>
    /// <remarks>
    /// .NET parses delta-seconds only up to <see cref="int.MaxValue"/> and drops a larger number as if the header were
    /// absent. A server that asks for more than 68 years of quiet still asks for quiet: such a number (digits only, as
    /// RFC 9110 writes delta-seconds) counts as <see cref="int.MaxValue"/> seconds, so it goes to the caller as too long
    /// to wait for rather than being retried at once. RFC 9111 (section 1.2.2) reads an overflowing delta-seconds the same
    /// way: as the greatest value one can represent.
    /// </remarks>
    internal static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        RetryConditionHeaderValue? retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is DateTimeOffset date)
        {
            return date <= now ? TimeSpan.Zero : date - now;
        }

        return retryAfter is null && IsDeltaSecondsBeyondParsing(headers) ? s_longestRetryAfter : null;
    }

    private static readonly TimeSpan s_longestRetryAfter = TimeSpan.FromSeconds(int.MaxValue);

    private static bool IsDeltaSecondsBeyondParsing(HttpResponseHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues("Retry-After", out HeaderStringValues values) || values.Count != 1)
        {
            return false;
        }

        string value = values.ToString().Trim();
        if (value.Length == 0)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        // Only a number beyond int.MaxValue; one .NET could have parsed was refused for another reason.
        return value.Length > 18 || long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) > int.MaxValue;
    }
}
