using System;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TokenGen;

// The namespace of AddHttpClient and AddTokenSession, so this appears wherever services are registered.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers a <see cref="DistributedCacheTokenStore"/> on the application's <see cref="IDistributedCache"/>, which every
/// token session registered with <c>AddTokenSession</c> then shares — with the weaker guarantees that store states.
/// </summary>
public static class TokenGenDistributedCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="DistributedCacheTokenStore"/> on the container's <see cref="IDistributedCache"/> (register
    /// one, for example with <c>AddDistributedSqlServerCache</c>), and an <see cref="AesGcmTokenProtector"/> with
    /// <paramref name="protectionKey"/> unless an <see cref="ITokenProtector"/> is registered already. Sessions get warm
    /// start and encryption; single flight is best effort and rotation is not race-free (see
    /// <see cref="DistributedCacheTokenStore"/>): for a rotating refresh token use TokenGen.Extensions.Redis.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="protectionKey">The AES key (16, 24 or 32 bytes) every instance of the fleet shares; never stored in the cache.</param>
    /// <param name="configure">Key prefix, entry lifetime and clock; or <see langword="null"/> for the defaults.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="protectionKey"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="protectionKey"/> is not 16, 24 or 32 bytes long.</exception>
    public static IServiceCollection AddDistributedCacheTokenStore(
        this IServiceCollection services, byte[] protectionKey, Action<DistributedCacheTokenStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(protectionKey);

        // Checked now, not at first use: a wrong key is a configuration error.
        var protector = new AesGcmTokenProtector(protectionKey);
        var options = new DistributedCacheTokenStoreOptions();
        configure?.Invoke(options);

        services.TryAddSingleton<ITokenProtector>(protector);
        services.AddSingleton<ITokenStore>(provider => new DistributedCacheTokenStore(provider.GetRequiredService<IDistributedCache>(), options));
        return services;
    }
}
