using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using TokenGen;

// The namespace of AddHttpClient and AddTokenSession, so this appears wherever services are registered.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a Redis token store, which every token session registered with <c>AddTokenSession</c> then shares.</summary>
public static class TokenGenRedisServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="RedisTokenStore"/> on a new connection to <paramref name="configuration"/>, and an
    /// <see cref="AesGcmTokenProtector"/> with <paramref name="protectionKey"/> unless an <see cref="ITokenProtector"/> is
    /// registered already. Every session of <c>AddTokenSession</c> (TokenGen.Extensions.Http) then shares its token through
    /// the store: <c>services.AddRedisTokenStore("redis:6379", key);</c>
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, for example <c>redis:6379,password=…</c>.</param>
    /// <param name="protectionKey">The AES key (16, 24 or 32 bytes) every instance of the fleet shares; never stored in Redis.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="configuration"/> or <paramref name="protectionKey"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="protectionKey"/> is not 16, 24 or 32 bytes long.</exception>
    /// <remarks>
    /// The connection does not abort when Redis is unreachable at start (<c>AbortOnConnectFail = false</c>) and fails
    /// commands at once while disconnected (<c>BacklogPolicy.FailFast</c>), so sessions fall back to tokens of their own
    /// instead of waiting; it is registered as the container's <see cref="IConnectionMultiplexer"/> unless one is already,
    /// and disposed with the container.
    /// </remarks>
    public static IServiceCollection AddRedisTokenStore(this IServiceCollection services, string configuration, byte[] protectionKey) =>
        AddRedisTokenStore(services, configuration, protectionKey, configure: null);

    /// <summary>
    /// Registers a <see cref="RedisTokenStore"/> on a new connection to <paramref name="configuration"/> with the key prefix,
    /// entry lifetime and database <paramref name="configure"/> sets; see
    /// <see cref="AddRedisTokenStore(IServiceCollection, string, byte[])"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string.</param>
    /// <param name="protectionKey">The AES key (16, 24 or 32 bytes) every instance of the fleet shares.</param>
    /// <param name="configure">Sets the store's options; or <see langword="null"/> for the defaults.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="configuration"/> or <paramref name="protectionKey"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="protectionKey"/> is not 16, 24 or 32 bytes long.</exception>
    public static IServiceCollection AddRedisTokenStore(
        this IServiceCollection services, string configuration, byte[] protectionKey, Action<RedisTokenStoreOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ConfigurationOptions connectionOptions = ConfigurationOptions.Parse(configuration);
        connectionOptions.AbortOnConnectFail = false;
        connectionOptions.BacklogPolicy = BacklogPolicy.FailFast;
        services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(connectionOptions));
        return AddRedisTokenStore(services, provider => provider.GetRequiredService<IConnectionMultiplexer>(), protectionKey, configure);
    }

    /// <summary>
    /// Registers a <see cref="RedisTokenStore"/> on the connection <paramref name="connection"/> returns, and an
    /// <see cref="AesGcmTokenProtector"/> with <paramref name="protectionKey"/> unless an <see cref="ITokenProtector"/> is
    /// registered already.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connection">The application's Redis connection.</param>
    /// <param name="protectionKey">The AES key (16, 24 or 32 bytes) every instance of the fleet shares; never stored in Redis.</param>
    /// <param name="configure">Key prefix, entry lifetime and database; or <see langword="null"/> for the defaults.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="connection"/> or <paramref name="protectionKey"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="protectionKey"/> is not 16, 24 or 32 bytes long.</exception>
    public static IServiceCollection AddRedisTokenStore(
        this IServiceCollection services,
        Func<IServiceProvider, IConnectionMultiplexer> connection,
        byte[] protectionKey,
        Action<RedisTokenStoreOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(protectionKey);

        // Checked now, not at first use: a wrong key is a configuration error.
        var protector = new AesGcmTokenProtector(protectionKey);
        var options = new RedisTokenStoreOptions();
        configure?.Invoke(options);

        services.TryAddSingleton<ITokenProtector>(protector);
        services.AddSingleton<ITokenStore>(provider => new RedisTokenStore(connection(provider), options));
        return services;
    }
}
