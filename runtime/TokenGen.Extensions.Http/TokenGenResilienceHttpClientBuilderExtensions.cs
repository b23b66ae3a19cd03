using System;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
        return AddResilienceHandler(builder, configuration: null, configure);
    }

    /// <summary>
    /// Adds a <see cref="TokenApiResilienceHandler"/> like <see cref="AddTokenApiResilience(IHttpClientBuilder, Action{TokenApiResilienceOptions}?)"/>,
    /// with its <see cref="TokenApiResilienceOptions"/> read from <paramref name="configuration"/>, and checked when the
    /// host starts.
    /// </summary>
    /// <param name="builder">The builder of a token API client, as <c>AddTokenApiClient</c> returns it.</param>
    /// <param name="configuration">
    /// The handler's section, for example <c>clientSection.GetSection("Resilience")</c>, with the keys <c>MaxAttempts</c>
    /// (1 to 100), <c>BaseDelay</c>, <c>MaxDelay</c>, <c>MaxRetryAfter</c> (<c>"00:00:30"</c>, zero or more),
    /// <c>AttemptTimeout</c>, <c>TotalTimeout</c> (more than zero, or <c>"-00:00:00.001"</c> for none),
    /// <c>BufferResponseContent</c> and <c>MaxBufferedContentBytes</c>, each optional.
    /// </param>
    /// <param name="configure">Changes the options after the section has set them (a clock, a jitter source); or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configuration"/> is null.</exception>
    /// <remarks>
    /// The section is bound by the configuration binder's source generator, as named options of the builder's name, and
    /// checked with <c>ValidateOnStart</c>: a key that is not a setting or a value outside its range stops the host from
    /// starting with an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> naming each key's full path
    /// and value (<c>TokenGen:Clients:prowler:Resilience:MaxAttempts must be between 1 and 100 (it is 0).</c>). The section
    /// is read once.
    /// </remarks>
    public static IHttpClientBuilder AddTokenApiResilience(
        this IHttpClientBuilder builder,
        IConfigurationSection configuration,
        Action<TokenApiResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);

        string name = builder.Name;
        builder.Services.AddOptions<TokenApiResilienceSettings>(name)
            .Configure(settings => settings.BindFrom(configuration))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TokenApiResilienceSettings>, TokenApiResilienceSettingsValidator>());
        return AddResilienceHandler(builder, configuration: (provider, options) =>
            provider.GetRequiredService<IOptionsMonitor<TokenApiResilienceSettings>>().Get(name).ApplyTo(options), configure);
    }

    private static IHttpClientBuilder AddResilienceHandler(
        IHttpClientBuilder builder,
        Action<IServiceProvider, TokenApiResilienceOptions>? configuration,
        Action<TokenApiResilienceOptions>? configure)
    {
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

            configuration?.Invoke(provider, options);
            configure?.Invoke(options);
            return new TokenApiResilienceHandler(options);
        });
    }
}
