using System;
using System.ComponentModel;
using System.Threading;

namespace TokenGen.Infrastructure;

/// <summary>
/// Where generated clients register, per response type, the code that reads a token response's
/// <see cref="TokenResponseValues"/>; <c>TokenSession</c> looks them up. For generated code.
/// </summary>
/// <remarks>
/// The generator emits one reader for each response type of a <c>[TokenApi]</c> operation that carries an
/// <c>[AccessToken]</c> member anywhere in its graph, and registers it from a module initializer of the assembly that
/// declares the interface. A static generic holder per type keeps the lookup a field read: no dictionary, no
/// reflection, nothing for the trimmer to lose.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TokenResponseReaders
{
    /// <summary>Registers the reader of <typeparamref name="TResponse"/>. A later registration replaces an earlier one.</summary>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="reader">Reads the token values of one response.</param>
    public static void Register<TResponse>(Func<TResponse, TokenResponseValues> reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Volatile.Write(ref Holder<TResponse>.Reader, reader);
    }

    /// <summary>Finds the reader of <typeparamref name="TResponse"/>.</summary>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="reader">The reader, when one is registered.</param>
    /// <returns>Whether one is registered.</returns>
    public static bool TryGet<TResponse>(out Func<TResponse, TokenResponseValues>? reader)
    {
        reader = Volatile.Read(ref Holder<TResponse>.Reader);
        return reader is not null;
    }

    /// <summary>Reads the token values of <paramref name="response"/> with its registered reader.</summary>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="response">The response.</param>
    /// <returns>Its token values.</returns>
    /// <exception cref="InvalidOperationException">No reader is registered for <typeparamref name="TResponse"/>.</exception>
    public static TokenResponseValues Read<TResponse>(TResponse response)
    {
        if (!TryGet<TResponse>(out var reader))
        {
            throw new InvalidOperationException(
                $"No token reader is registered for '{typeof(TResponse)}'. TokenGen generates one for each response type of a [TokenApi] operation "
                + "that carries an [AccessToken] member; return this type from such an operation, or build TokenResponseValues yourself.");
        }

        return reader!(response);
    }

    private static class Holder<TResponse>
    {
        // A field, not a property, so Volatile can take it by reference.
#pragma warning disable CA2211 // Non-constant fields should not be visible: private nested holder.
        public static Func<TResponse, TokenResponseValues>? Reader;
#pragma warning restore CA2211
    }
}
