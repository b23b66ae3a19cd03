using System;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TokenGen;

namespace Microsoft.Extensions.DependencyInjection;

// The registrations that read their settings from a configuration section (appsettings.json, environment variables, ...).
public static partial class TokenGenServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> like
    /// <see cref="AddTokenApiClient{TClient}(IServiceCollection, Func{HttpClient, TokenApiClientOptions?, TClient}, Action{TokenApiHttpClientOptions}?)"/>,
    /// with its <see cref="TokenApiHttpClientOptions"/> read from <paramref name="configuration"/>, and checked when the
    /// host starts.
    /// </summary>
    /// <typeparam name="TClient">The token API interface, for example <c>IProwlerTokens</c>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="factory">Builds the client: the interface's generated <c>Create</c> method group.</param>
    /// <param name="configuration">
    /// The client's section, for example <c>builder.Configuration.GetSection("TokenGen:Clients:prowler")</c>, with the
    /// keys <c>BaseAddress</c> (an absolute URI), <c>Timeout</c> (<c>"00:00:10"</c>), <c>MaxResponseContentBytes</c> and
    /// <c>AllowInsecureHttp</c>, each optional, and a <c>Resilience</c> section of its own for
    /// <see cref="TokenGenResilienceHttpClientBuilderExtensions.AddTokenApiResilience(IHttpClientBuilder, IConfigurationSection, Action{TokenApiResilienceOptions}?)"/>.
    /// </param>
    /// <returns>The builder of the named <see cref="HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="factory"/> or <paramref name="configuration"/> is null.</exception>
    /// <remarks>
    /// <para>
    /// The section is bound by the configuration binder's source generator — no reflection — when the options are first
    /// needed, and checked then: a key that is not a setting, a relative or empty base address, a plain-http base address
    /// to a host other than loopback without <c>AllowInsecureHttp</c>, a timeout that is not positive, a size limit below 1.
    /// The check is registered with <c>ValidateOnStart</c>, so a host fails to start with an
    /// <see cref="OptionsValidationException"/> whose message names each bad key's full path and value
    /// (<c>TokenGen:Clients:prowler:Timeout must be more than 00:00:00 ... (it is 00:00:00).</c>); a value of the wrong
    /// type (<c>"Timeout": "ten seconds"</c>) fails there too, with the binder's <see cref="InvalidOperationException"/>
    /// naming its path. Without a host, call <c>IStartupValidator.Validate()</c> to check as early.
    /// </para>
    /// <para>
    /// The section is read once: a value changed while the application runs takes effect at the next start. Keys left out
    /// keep their defaults; <c>services.Configure&lt;TokenApiHttpClientOptions&gt;(name, ...)</c> called later overrides
    /// what the section set.
    /// </para>
    /// </remarks>
    public static IHttpClientBuilder AddTokenApiClient<TClient>(
        this IServiceCollection services,
        Func<HttpClient, TokenApiClientOptions?, TClient> factory,
        IConfigurationSection configuration)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);
        return AddTokenApiClient(services, typeof(TClient).Name, factory, configuration);
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> on the <see cref="HttpClient"/> named <paramref name="name"/>, with its
    /// <see cref="TokenApiHttpClientOptions"/> read from <paramref name="configuration"/>; see
    /// <see cref="AddTokenApiClient{TClient}(IServiceCollection, Func{HttpClient, TokenApiClientOptions?, TClient}, IConfigurationSection)"/>.
    /// </summary>
    /// <typeparam name="TClient">The token API interface.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The name of the <see cref="HttpClient"/> and of its options.</param>
    /// <param name="factory">Builds the client: the interface's generated <c>Create</c> method group.</param>
    /// <param name="configuration">The client's section.</param>
    /// <returns>The builder of the named <see cref="HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="name"/>, <paramref name="factory"/> or <paramref name="configuration"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static IHttpClientBuilder AddTokenApiClient<TClient>(
        this IServiceCollection services,
        string name,
        Func<HttpClient, TokenApiClientOptions?, TClient> factory,
        IConfigurationSection configuration)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<TokenApiClientSettings>(name)
            .Configure(settings => settings.BindFrom(configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TokenApiClientSettings>, TokenApiClientSettingsValidator>());

        // Registered before the registration's own configure, so Configure<TokenApiHttpClientOptions>(name, ...) calls made
        // later override the section.
        services.AddOptions<TokenApiHttpClientOptions>(name)
            .Configure<IOptionsMonitor<TokenApiClientSettings>>((options, settings) => settings.Get(name).ApplyTo(options));
        return AddTokenApiClient(services, name, factory, configure: null);
    }

    /// <summary>
    /// Registers a managed token session like
    /// <see cref="AddTokenSession(IServiceCollection, string, Func{IServiceProvider, TokenSessionOptions, TokenSession})"/>,
    /// with its <see cref="TokenSessionOptions"/> read from <paramref name="configuration"/> before the factory sees them,
    /// and checked when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The session's key.</param>
    /// <param name="configuration">
    /// The session's section, for example <c>builder.Configuration.GetSection("TokenGen:Sessions:prowler")</c>, with the
    /// keys <c>MinimumRefreshSkew</c> (<c>"00:02:00"</c>), <c>RefreshSkewRatio</c> (0 to 1), <c>ProactiveRefresh</c> and
    /// <c>ReadJwtExpiry</c>, each optional. Secrets do not belong here; the factory reads them where they are kept.
    /// </param>
    /// <param name="factory">
    /// Builds the session from the provider and the options, which carry the name, the container's clock and log, and the
    /// section's values: <c>(sp, options) =&gt; sp.GetRequiredService&lt;IProwlerTokens&gt;().CreateTokenSession(..., options: options)</c>.
    /// </param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="name"/>, <paramref name="configuration"/> or <paramref name="factory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <remarks>
    /// The section is bound by the configuration binder's source generator and checked with <c>ValidateOnStart</c>: a key
    /// that is not a setting, a negative <c>MinimumRefreshSkew</c>, a <c>RefreshSkewRatio</c> outside 0 to 1 stop the host
    /// from starting with an <see cref="OptionsValidationException"/> naming each key's full path and value
    /// (<c>TokenGen:Sessions:prowler:RefreshSkewRatio must be between 0 and 1 (it is 1.5).</c>). The section is read once.
    /// </remarks>
    public static IServiceCollection AddTokenSession(
        this IServiceCollection services,
        string name,
        IConfigurationSection configuration,
        Func<IServiceProvider, TokenSessionOptions, TokenSession> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(factory);

        services.AddOptions<TokenSessionSettings>(name)
            .Configure(settings => settings.BindFrom(configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TokenSessionSettings>, TokenSessionSettingsValidator>());

        return AddTokenSession(services, name, (provider, options) =>
        {
            provider.GetRequiredService<IOptionsMonitor<TokenSessionSettings>>().Get(name).ApplyTo(options);
            return factory(provider, options);
        });
    }
}
