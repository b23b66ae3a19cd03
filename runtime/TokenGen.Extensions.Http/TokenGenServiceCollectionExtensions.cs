using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TokenGen;

// The namespace of AddHttpClient, so these appear wherever services are registered, without another using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers TokenGen clients as <see cref="IHttpClientFactory"/> clients, and managed token sessions as keyed singletons.
/// </summary>
/// <remarks>
/// <para>
/// Everything is registered through factory delegates: no <c>ActivatorUtilities</c>, no typed-client activation, no
/// configuration binding by reflection. That is why a client is registered with its factory — the generated
/// <c>Create(HttpClient, TokenApiClientOptions?)</c> on the interface:
/// </para>
/// <code>
/// services.AddTokenApiClient&lt;IDirectLineTokens&gt;(IDirectLineTokens.Create, o =&gt;
/// {
///     o.BaseAddress = new Uri("https://europe.directline.botframework.com");
///     o.Timeout = TimeSpan.FromSeconds(10);
/// });
/// services.AddTokenSession("directline", (sp, options) =&gt;
///     sp.GetRequiredService&lt;IDirectLineTokens&gt;().CreateTokenSession(secret, options: options));
/// services.AddHttpClient("bot").AddBearerToken("directline", "bot.example.com");
/// </code>
/// </remarks>
public static partial class TokenGenServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a transient client that sends through a named <see cref="HttpClient"/>
    /// from <see cref="IHttpClientFactory"/>, named <c>typeof(TClient).Name</c> (<c>"IDirectLineTokens"</c>) like a typed
    /// client of <c>AddHttpClient&lt;TClient&gt;</c>.
    /// </summary>
    /// <typeparam name="TClient">The token API interface, for example <c>IDirectLineTokens</c>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="factory">
    /// Builds the client from the factory's <see cref="HttpClient"/> and the options: the interface's generated
    /// <c>Create</c> method group (<c>IDirectLineTokens.Create</c>), or a lambda around a client's constructor.
    /// </param>
    /// <param name="configure">
    /// Sets the base address, timeout and response size limit (<see cref="TokenApiHttpClientOptions"/>); or
    /// <see langword="null"/> for the defaults.
    /// </param>
    /// <returns>
    /// The builder of the named <see cref="HttpClient"/>, to add handlers, a primary handler or resilience. Settings made
    /// through it after this call, such as <c>ConfigureHttpClient(c =&gt; c.Timeout = ...)</c>, run after the options and win.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="factory"/> is null.</exception>
    /// <remarks>
    /// <para>
    /// <b>Redirects.</b> The named client follows redirects only within the origin (scheme, host and port) a request was
    /// sent to: its primary handler's automatic redirects are switched off and a <see cref="SameOriginRedirectHandler"/>
    /// sits right above it — applied after every other configuration of the client, so a later <c>UseSocketsHttpHandler</c>
    /// or <c>ConfigurePrimaryHttpMessageHandler</c> cannot undo it. A redirect to another origin reaches the caller as a
    /// <see cref="TokenApiException"/> with its <see cref="TokenApiException.RedirectLocation"/>; nothing is sent there.
    /// </para>
    /// <para>
    /// <b>Handler rotation.</b> The client is transient, like a typed client, but unlike one it does not fix the factory's
    /// handler pipeline when it is created: its <see cref="HttpClient"/> (configured like <c>CreateClient(name)</c>) looks
    /// up the factory's current pipeline for each request. A client kept for long — by a <see cref="TokenSession"/>
    /// registered with <see cref="AddTokenSession(IServiceCollection, string, Func{IServiceProvider, TokenSessionOptions, TokenSession})"/>,
    /// which lives as long as the container — therefore still moves to a new primary handler, with new connections and a
    /// new DNS lookup, each time the factory rotates its handlers (<c>SetHandlerLifetime</c>, two minutes by default).
    /// </para>
    /// </remarks>
    public static IHttpClientBuilder AddTokenApiClient<TClient>(
        this IServiceCollection services,
        Func<HttpClient, TokenApiClientOptions?, TClient> factory,
        Action<TokenApiHttpClientOptions>? configure = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);
        return AddTokenApiClient(services, typeof(TClient).Name, factory, configure);
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a transient client that sends through the <see cref="HttpClient"/>
    /// named <paramref name="name"/> from <see cref="IHttpClientFactory"/>.
    /// </summary>
    /// <typeparam name="TClient">The token API interface, for example <c>IDirectLineTokens</c>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">
    /// The name of the <see cref="HttpClient"/> and of its <see cref="TokenApiHttpClientOptions"/>; for two interfaces
    /// with the same simple name, or a client that shares an <see cref="HttpClient"/> configuration.
    /// </param>
    /// <param name="factory">Builds the client; see <see cref="AddTokenApiClient{TClient}(IServiceCollection, Func{HttpClient, TokenApiClientOptions?, TClient}, Action{TokenApiHttpClientOptions}?)"/>.</param>
    /// <param name="configure">Sets the base address, timeout and response size limit; or <see langword="null"/> for the defaults.</param>
    /// <returns>The builder of the named <see cref="HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="name"/> or <paramref name="factory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static IHttpClientBuilder AddTokenApiClient<TClient>(
        this IServiceCollection services,
        string name,
        Func<HttpClient, TokenApiClientOptions?, TClient> factory,
        Action<TokenApiHttpClientOptions>? configure = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(factory);

        OptionsBuilder<TokenApiHttpClientOptions> options = services.AddOptions<TokenApiHttpClientOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // The timeout belongs to the HttpClient, so it is set where the factory configures it: every client of this
        // name gets it, including one created with CreateClient(name) directly.
        IHttpClientBuilder builder = services.AddHttpClient(name).ConfigureHttpClient((provider, httpClient) =>
        {
            TimeSpan? timeout = provider.GetRequiredService<IOptionsMonitor<TokenApiHttpClientOptions>>().Get(name).Timeout;
            if (timeout is { } value)
            {
                httpClient.Timeout = value;
            }
        });

        // Redirects stay within the request's origin, whatever primary handler is configured after this call.
        services.Configure<TokenApiRedirectRule>(name, rule => rule.SameOriginOnly = true);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, TokenApiRedirectFilter>());

        // A factory registration instead of AddHttpClient<TClient, TImplementation>, whose typed-client activation goes
        // through ActivatorUtilities (reflection, unfriendly to trimming and native AOT).
        services.AddTransient(provider =>
        {
            TokenApiHttpClientOptions clientOptions = provider.GetRequiredService<IOptionsMonitor<TokenApiHttpClientOptions>>().Get(name);

            // Configured like CreateClient(name), but sending through the factory's current pipeline per request, so a
            // client kept for long (by a token session) follows the factory's handler rotation and sees DNS changes.
            HttpClient httpClient = FactoryPipelineHandler.CreateClient(
                provider.GetRequiredService<IHttpMessageHandlerFactory>(),
                provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>(),
                name);
            TokenApiClientOptions options = clientOptions.ToClientOptions();
            if (provider.GetService<TimeProvider>() is { } timeProvider)
            {
                options.TimeProvider = timeProvider;
            }

            return factory(httpClient, options);
        });

        return builder;
    }

    /// <summary>
    /// Registers a managed token session as a singleton keyed by <paramref name="name"/>: built on first use, shared by
    /// everything that resolves it (one token, one acquire or refresh per burst), and disposed with the container.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">
    /// The session's key: resolve it with <c>GetRequiredKeyedService&lt;TokenSession&gt;(name)</c> or
    /// <c>[FromKeyedServices(name)]</c>, and attach its token to an <see cref="HttpClient"/> with
    /// <see cref="TokenGenHttpClientBuilderExtensions.AddBearerToken(IHttpClientBuilder, string, string[])"/>.
    /// </param>
    /// <param name="factory">
    /// Builds the session, for example
    /// <c>sp =&gt; sp.GetRequiredService&lt;IDirectLineTokens&gt;().CreateTokenSession(secret)</c>.
    /// </param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="name"/> or <paramref name="factory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <remarks>See <see cref="AddTokenSession(IServiceCollection, string, Func{IServiceProvider, TokenSessionOptions, TokenSession})"/>.</remarks>
    public static IServiceCollection AddTokenSession(
        this IServiceCollection services,
        string name,
        Func<IServiceProvider, TokenSession> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return AddTokenSession(services, name, (provider, _) => factory(provider));
    }

    /// <summary>
    /// Registers a managed token session as a singleton keyed by <paramref name="name"/>, built with session options that
    /// carry the name and the container's clock.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The session's key; see <see cref="AddTokenSession(IServiceCollection, string, Func{IServiceProvider, TokenSession})"/>.</param>
    /// <param name="factory">
    /// Builds the session from the provider and a new <see cref="TokenSessionOptions"/> whose
    /// <see cref="TokenSessionOptions.Name"/> is <paramref name="name"/> and whose
    /// <see cref="TokenSessionOptions.TimeProvider"/> is the registered <see cref="TimeProvider"/> (or the system clock),
    /// with <see cref="TokenSessionOptions.Log"/> writing to the registered <see cref="ILoggerFactory"/>, if any; change it as needed and pass it on, for example
    /// <c>(sp, options) =&gt; sp.GetRequiredService&lt;IDirectLineTokens&gt;().CreateTokenSession(secret, options: options)</c>.
    /// </param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="name"/> or <paramref name="factory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <remarks>
    /// <para>
    /// <b>Lifetimes.</b> The session is a singleton and holds the token client it was built with for the container's
    /// life. A client registered with <c>AddTokenApiClient</c> sends each request through the factory's current handler
    /// pipeline, so the session's token requests follow the factory's handler rotation and see DNS changes; a client
    /// built some other way (on an <see cref="HttpClient"/> the factory function created itself) keeps its connections,
    /// and should get a primary handler with a <c>PooledConnectionLifetime</c>. The <see cref="BearerTokenHandler"/>s that
    /// <c>AddBearerToken</c> adds come and go with the factory's handler pipelines and never dispose the session.
    /// </para>
    /// <para>
    /// <b>A fleet.</b> When the container has an <see cref="ITokenStore"/> (TokenGen.Extensions.Redis's
    /// <c>AddRedisTokenStore</c> registers one), the options' <see cref="TokenSessionOptions.Store"/> shares the session's
    /// token through it, protected by the registered <see cref="ITokenProtector"/>; set its
    /// <see cref="TokenStoreOptions.CredentialId"/> when one name covers several credentials, or set
    /// <see cref="TokenSessionOptions.Store"/> to <see langword="null"/> to keep a session's token to itself.
    /// </para>
    /// <para>
    /// <b>Disposal.</b> The container disposes the session, which stops its timer and cancels a request in flight.
    /// Prefer disposing the container with <c>DisposeAsync</c> (hosts do); a synchronous <c>Dispose</c> works too, and
    /// blocks until a cancelled request in flight has ended.
    /// </para>
    /// </remarks>
    public static IServiceCollection AddTokenSession(
        this IServiceCollection services,
        string name,
        Func<IServiceProvider, TokenSessionOptions, TokenSession> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(factory);

        services.AddKeyedSingleton<TokenSession>(name, (provider, _) =>
        {
            var options = new TokenSessionOptions
            {
                Name = name,
                TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System,
                Log = provider.GetService<ILoggerFactory>() is { } loggerFactory ? new LoggerTokenGenLog(loggerFactory) : null,
                Store = SharedStore(provider, name),
            };

            return factory(provider, options)
                ?? throw new InvalidOperationException($"The factory of the token session '{name}' returned null.");
        });

        return services;
    }

    private static TokenStoreOptions? SharedStore(IServiceProvider provider, string name) =>
        provider.GetService<ITokenStore>() is { } store
            ? new TokenStoreOptions(
                store,
                provider.GetService<ITokenProtector>()
                    ?? throw new InvalidOperationException($"The token session '{name}' would share its token through the registered ITokenStore, but no ITokenProtector is registered to encrypt it."))
            : null;

    /// <summary>
    /// Registers a <see cref="DataProtectionTokenProtector"/> as the <see cref="ITokenProtector"/> that encrypts the
    /// tokens sessions share through a token store, on the application's ASP.NET Core Data Protection key ring (register
    /// Data Protection itself with <c>AddDataProtection()</c>, persisting its keys where every instance reads them). It
    /// takes the place of the AES-GCM protector a store registration adds, whichever is registered first.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddDataProtectionTokenProtector(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<ITokenProtector>(
            provider => new DataProtectionTokenProtector(provider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>())));
        return services;
    }
}
