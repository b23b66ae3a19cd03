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
    internal static TimeSpan? RetryAfter(RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        if (retryAfter?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is DateTimeOffset date)
        {
            return date <= now ? TimeSpan.Zero : date - now;
        }

        return null;
    }
}
