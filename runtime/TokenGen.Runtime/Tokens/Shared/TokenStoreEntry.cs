using System;

namespace TokenGen;

/// <summary>What an <see cref="ITokenStore"/> holds under a key: the protected token and its version.</summary>
public sealed class TokenStoreEntry
{
    /// <summary>Creates an entry read from a store.</summary>
    /// <param name="version">The entry's version: 1 for the first write, one more for each write after it.</param>
    /// <param name="protectedToken">The bytes an <see cref="ITokenProtector"/> made of the token.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public TokenStoreEntry(long version, ReadOnlyMemory<byte> protectedToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Version = version;
        ProtectedToken = protectedToken;
    }

    /// <summary>The entry's version, which is also the token's generation: each new token is written one version up.</summary>
    public long Version { get; }

    /// <summary>The protected token, bound to its key and version: moved to another key or version, it no longer opens.</summary>
    public ReadOnlyMemory<byte> ProtectedToken { get; }

    /// <summary>Says the version and the size, never the bytes.</summary>
    /// <returns>For example <c>TokenStoreEntry { Version = 3, ProtectedToken = 412 bytes }</c>.</returns>
    public override string ToString() => $"TokenStoreEntry {{ Version = {Version}, ProtectedToken = {ProtectedToken.Length} bytes }}";
}
