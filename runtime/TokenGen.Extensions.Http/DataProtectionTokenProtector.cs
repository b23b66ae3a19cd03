using System;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace TokenGen;

/// <summary>
/// An <see cref="ITokenProtector"/> on ASP.NET Core Data Protection, for applications whose instances already share a
/// Data Protection key ring (persisted to a shared location, with key rotation): tokens in the fleet's store are then
/// protected by those keys instead of a key the application hands to <see cref="AesGcmTokenProtector"/>.
/// </summary>
/// <remarks>
/// Data Protection authenticates what it protects but takes no associated data, so the entry's associated data (its key
/// and version) is protected with the token and compared when it is opened: an entry moved to another key or version,
/// changed, or protected under a key ring the application does not hold, does not open.
/// </remarks>
public sealed class DataProtectionTokenProtector : ITokenProtector
{
    /// <summary>The purpose string that isolates TokenGen's payloads from every other use of the key ring.</summary>
    public const string Purpose = "TokenGen.TokenStore.v1";

    private readonly IDataProtector _protector;

    /// <summary>Creates a protector for TokenGen's store entries from <paramref name="provider"/>.</summary>
    /// <param name="provider">The application's Data Protection provider.</param>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is <see langword="null"/>.</exception>
    public DataProtectionTokenProtector(IDataProtectionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _protector = provider.CreateProtector(Purpose);
    }

    /// <inheritdoc />
    public byte[] Protect(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        // [associated data length, 4 bytes big-endian][associated data][plaintext]
        var payload = new byte[4 + associatedData.Length + plaintext.Length];
        BinaryPrimitives.WriteInt32BigEndian(payload, associatedData.Length);
        associatedData.CopyTo(payload.AsSpan(4));
        plaintext.CopyTo(payload.AsSpan(4 + associatedData.Length));
        try
        {
            return _protector.Protect(payload);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }
    }

    /// <inheritdoc />
    public bool TryUnprotect(ReadOnlySpan<byte> protectedData, ReadOnlySpan<byte> associatedData, [NotNullWhen(true)] out byte[]? plaintext)
    {
        plaintext = null;
        byte[] payload;
        try
        {
            payload = _protector.Unprotect(protectedData.ToArray());
        }
        catch (CryptographicException)
        {
            return false; // tampered with, or protected under a key ring this application does not hold
        }

        try
        {
            if (payload.Length < 4)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(payload);
            if (length < 0 || length > payload.Length - 4
                || !CryptographicOperations.FixedTimeEquals(payload.AsSpan(4, length), associatedData))
            {
                return false;
            }

            plaintext = payload.AsSpan(4 + length).ToArray();
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }
    }
}
