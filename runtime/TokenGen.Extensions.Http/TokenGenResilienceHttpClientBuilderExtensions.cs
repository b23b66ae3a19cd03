using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using TokenGen;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds TokenGen's retries and timeouts to a named <see cref="HttpClient"/>.</summary>
public static class TokenGenResilienceHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="TokenApiResilienceHandler"/> to the client's pipeline: transient failures of retryable requests
    /// are retried with backoff and jitter, <c>Retry-After</c> is honoured up to a cap, and every attempt and the whole
    /// call are bounded in time. See <see cref="TokenApiResilienceOptions"/> for the defaults.
    /// </summary>
    /// <param name="builder">
    /// The builder of a token API client, as <c>AddTokenApiClient</c> returns it:
    /// <c>services.AddTokenApiClient&lt;IDirectLineTokens&gt;(IDirectLineTokens.Create).AddTokenApiResilience()</c>.
    /// </param>
    /// <param name="configure">Changes the options; or <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <remarks>
    /// <para>
    /// The options start from their defaults with <see cref="TokenApiResilienceOptions.TimeProvider"/> set to the
    /// <see cref="TimeProvider"/> registered in the container, if any (the system clock otherwise), and
    /// <see cref="TokenApiResilienceOptions.Log"/> to a <see cref="LoggerTokenGenLog"/> over the container's
    /// <see cref="ILoggerFactory"/>, if any (category <c>TokenGen</c>); then
    /// <paramref name="configure"/> runs, so it can override the clock too. It runs each time the factory builds a handler
    /// pipeline for this client (at first use and whenever it rotates them), so keep it cheap and free of side effects.
    /// An invalid value fails then, with the <see cref="ArgumentOutOfRangeException"/> of its setter.
    /// </para>
    /// <para>
    /// Handlers added before this call run outside it (once per call); handlers added after run inside it, once per
    /// attempt — a <see cref="BearerTokenHandler"/> added after it attaches the current token to every attempt. The
    /// <see cref="HttpClient.Timeout"/> (100 s unless <c>AddTokenApiClient</c>'s <c>Timeout</c> sets it) bounds all
    /// attempts together from outside; keep it above <see cref="TokenApiResilienceOptions.TotalTimeout"/>, or the
    /// handler's total timeout never gets the chance to report.
    /// </para>
    /// </remarks>
    public static IHttpClientBuilder AddTokenApiResilience(this IHttpClientBuilder builder, Action<TokenApiResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHttpMessageHandler(provider =>
        {
            var options = new TokenApiResilienceOptions();
            if (provider.GetService<TimeProvider>() is { } timeProvider)
            {
                options.TimeProvider = timeProvider;
            }

            if (provider.GetService<ILoggerFactory>() is { } loggerFactory)
            {
                options.Log = new LoggerTokenGenLog(loggerFactory);
            }

            configure?.Invoke(options);
            return new TokenApiResilienceHandler(options);
        });
    }
}
