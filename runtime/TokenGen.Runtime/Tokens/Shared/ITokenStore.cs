using System;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen;

/// <summary>
/// Where the instances of a fleet keep one token between them: a versioned entry of protected bytes, written only over the
/// version the writer read (compare-and-swap), and a lease that makes one instance at a time the one that fetches.
/// </summary>
/// <remarks>
/// <para>
/// A <see cref="TokenSession"/> with <see cref="TokenSessionOptions.Store"/> goes to the store only when its token is due,
/// was rejected, or it has none; the cached path never does. The store holds only what an <see cref="ITokenProtector"/>
/// made of the token, never a readable one, and decides nothing about freshness: the session computes that from the
/// times inside the entry.
/// </para>
/// <para>
/// <b>Contract.</b> A store that is unreachable or fails throws (any exception); the session logs it and falls back to a
/// token of its own (see <see cref="TokenStoreOptions"/>). TokenGen.Extensions.Redis's
/// <c>RedisTokenStore</c> is the implementation for a fleet.
/// </para>
/// </remarks>
public interface ITokenStore
{
    /// <summary>Reads the entry under <paramref name="key"/>.</summary>
    /// <param name="key">The session's key (its name and a hash of what identifies the credential, never a secret).</param>
    /// <param name="cancellationToken">Abandons the read.</param>
    /// <returns>The entry with its version, or <see langword="null"/> when there is none.</returns>
    ValueTask<TokenStoreEntry?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="protectedToken"/> under <paramref name="key"/> as version <paramref name="expectedVersion"/> + 1,
    /// only if the entry's version is still <paramref name="expectedVersion"/> (0 when there is no entry) and
    /// <paramref name="lease"/> is still the key's lease; otherwise writes nothing. Atomic.
    /// </summary>
    /// <param name="key">The session's key.</param>
    /// <param name="expectedVersion">The version the writer read and refreshed; 0 for none.</param>
    /// <param name="protectedToken">The protected entry, bound to <paramref name="key"/> and the new version.</param>
    /// <param name="lease">The writer's lease; a writer whose lease has expired or passed to another writes nothing.</param>
    /// <param name="cancellationToken">Abandons the write (which may or may not have happened).</param>
    /// <returns>Whether the entry was written.</returns>
    ValueTask<bool> TryWriteAsync(string key, long expectedVersion, ReadOnlyMemory<byte> protectedToken, TokenStoreLease lease, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the lease of <paramref name="key"/> for <paramref name="duration"/> if no one holds it, with a fencing token
    /// greater than any given before.
    /// </summary>
    /// <param name="key">The session's key.</param>
    /// <param name="duration">How long the lease lasts unless released first.</param>
    /// <param name="cancellationToken">Abandons the attempt.</param>
    /// <returns>The lease, or <see langword="null"/> when another holds it.</returns>
    ValueTask<TokenStoreLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Ends <paramref name="lease"/> if it is still the key's lease; does nothing otherwise.</summary>
    /// <param name="key">The session's key.</param>
    /// <param name="lease">The lease to end.</param>
    /// <param name="cancellationToken">Abandons the release (the lease then ends when it expires).</param>
    /// <returns>A task that completes when the lease is released.</returns>
    ValueTask ReleaseLeaseAsync(string key, TokenStoreLease lease, CancellationToken cancellationToken);
}
