using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace TokenGen;

/// <summary>
/// Protects stored tokens with AES-GCM under a key the application supplies (16, 24 or 32 bytes; 32 recommended), and
/// opens entries protected under it or under earlier keys it is given, so keys can be rotated without a flag day.
/// </summary>
/// <remarks>
/// <para>
/// Each entry is <c>[format 1 byte][key id 4 bytes][nonce 12 bytes][tag 16 bytes][ciphertext]</c>. The key id is the first
/// four bytes of a SHA-256 of the key, so a store shows which key protected an entry without revealing it. A fresh random
/// nonce is drawn for every entry. Anything that does not open — another key, a changed byte, an entry moved to another
/// key or version — is refused, never used.
/// </para>
/// <para>
/// Keep the key out of the store and out of configuration files checked in; give every instance of the fleet the same one.
/// </para>
/// </remarks>
public sealed class AesGcmTokenProtector : ITokenProtector
{
    private const byte Format = 1;
    private const int KeyIdSize = 4;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + KeyIdSize + NonceSize + TagSize;

    private readonly byte[] _key;
    private readonly uint _keyId;
    private readonly Dictionary<uint, byte[]> _keysById;

    /// <summary>Creates a protector that protects with <paramref name="key"/> and opens what it or <paramref name="previousKeys"/> protected.</summary>
    /// <param name="key">The current key: 16, 24 or 32 random bytes. Copied.</param>
    /// <param name="previousKeys">Keys that protected entries still in the store, accepted for reading only. Copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="previousKeys"/> is null.</exception>
    /// <exception cref="ArgumentException">A key is not 16, 24 or 32 bytes long.</exception>
    public AesGcmTokenProtector(byte[] key, params byte[][] previousKeys)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(previousKeys);
        _key = CheckedCopy(key, nameof(key));
        _keyId = KeyId(_key);
        _keysById = new Dictionary<uint, byte[]> { [_keyId] = _key };
        foreach (byte[] previous in previousKeys)
        {
            byte[] copy = CheckedCopy(previous ?? throw new ArgumentNullException(nameof(previousKeys)), nameof(previousKeys));
            _keysById.TryAdd(KeyId(copy), copy);
        }
    }

    /// <summary>Creates a 32-byte key from the system's cryptographic random number generator, to store in a secret store.</summary>
    /// <returns>The key.</returns>
    public static byte[] GenerateKey() => RandomNumberGenerator.GetBytes(32);

    /// <inheritdoc />
    public byte[] Protect(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        byte[] result = new byte[HeaderSize + plaintext.Length];
        result[0] = Format;
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(1, KeyIdSize), _keyId);
        Span<byte> nonce = result.AsSpan(1 + KeyIdSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, result.AsSpan(HeaderSize), result.AsSpan(1 + KeyIdSize + NonceSize, TagSize), associatedData);
        return result;
    }

    /// <inheritdoc />
    public bool TryUnprotect(ReadOnlySpan<byte> protectedData, ReadOnlySpan<byte> associatedData, [NotNullWhen(true)] out byte[]? plaintext)
    {
        plaintext = null;
        if (protectedData.Length < HeaderSize || protectedData[0] != Format
            || !_keysById.TryGetValue(BinaryPrimitives.ReadUInt32BigEndian(protectedData.Slice(1, KeyIdSize)), out byte[]? key))
        {
            return false;
        }

        byte[] opened = new byte[protectedData.Length - HeaderSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(
                protectedData.Slice(1 + KeyIdSize, NonceSize),
                protectedData.Slice(HeaderSize),
                protectedData.Slice(1 + KeyIdSize + NonceSize, TagSize),
                opened,
                associatedData);
        }
        catch (CryptographicException)
        {
            // Changed, moved, or protected under another key that happens to share the id: refused.
            CryptographicOperations.ZeroMemory(opened);
            return false;
        }

        plaintext = opened;
        return true;
    }

    /// <summary>Names the key id, never the key.</summary>
    /// <returns>For example <c>AesGcmTokenProtector { KeyId = 1a2b3c4d, Keys = 2 }</c>.</returns>
    public override string ToString() => $"AesGcmTokenProtector {{ KeyId = {_keyId:x8}, Keys = {_keysById.Count} }}";

    private static byte[] CheckedCopy(byte[] key, string parameterName)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException("An AES-GCM key is 16, 24 or 32 bytes long.", parameterName);
        }

        return (byte[])key.Clone();
    }

    private static uint KeyId(byte[] key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            sha.AppendData("TokenGen key id\n"u8);
            sha.AppendData(key);
            sha.GetHashAndReset(hash);
        }

        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }
}
