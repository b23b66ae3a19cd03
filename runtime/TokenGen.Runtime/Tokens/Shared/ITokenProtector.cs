using System;
using System.Diagnostics.CodeAnalysis;

namespace TokenGen;

/// <summary>
/// Encrypts and authenticates the tokens a <see cref="TokenSession"/> puts in an <see cref="ITokenStore"/>, so a shared
/// store never holds a readable token and a session never uses an entry that was changed, moved, or protected under
/// another key.
/// </summary>
/// <remarks>
/// <see cref="AesGcmTokenProtector"/> is the implementation with a key the application supplies; TokenGen.Extensions.Http
/// adapts ASP.NET Core Data Protection.
/// </remarks>
public interface ITokenProtector
{
    /// <summary>Encrypts <paramref name="plaintext"/> and binds it to <paramref name="associatedData"/>.</summary>
    /// <param name="plaintext">The serialized token.</param>
    /// <param name="associatedData">What the entry belongs to (its key and version): authenticated, not stored.</param>
    /// <returns>The protected bytes.</returns>
    byte[] Protect(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData);

    /// <summary>
    /// Decrypts <paramref name="protectedData"/> if it was protected by this protector's key (or one it still accepts)
    /// with the same <paramref name="associatedData"/> and was not changed since.
    /// </summary>
    /// <param name="protectedData">The bytes from the store.</param>
    /// <param name="associatedData">What the entry should belong to.</param>
    /// <param name="plaintext">The serialized token, when this returns <see langword="true"/>.</param>
    /// <returns>Whether the bytes opened; <see langword="false"/> for anything tampered with, moved or foreign. Never throws for bad input.</returns>
    bool TryUnprotect(ReadOnlySpan<byte> protectedData, ReadOnlySpan<byte> associatedData, [NotNullWhen(true)] out byte[]? plaintext);
}
