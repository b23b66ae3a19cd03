using System;
using System.ComponentModel;
using System.Net.Http;

namespace TokenGen.Infrastructure;

/// <summary>Chooses the base address a generated client sends to. For generated clients.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BaseAddressResolver
{
    /// <summary>
    /// Returns <paramref name="optionsBaseAddress"/>, else <c>httpClient.BaseAddress</c>, else <paramref name="defaultBaseAddress"/>.
    /// </summary>
    /// <param name="optionsBaseAddress">The base address from the client's options, if set.</param>
    /// <param name="httpClient">The client's <see cref="HttpClient"/>.</param>
    /// <param name="defaultBaseAddress">The interface's <c>[TokenApi(BaseAddress)]</c>, if set.</param>
    /// <param name="clientName">The generated client's name, for the exception message.</param>
    /// <returns>An absolute base address.</returns>
    /// <exception cref="InvalidOperationException">None of the three is set, or the HttpClient's is not absolute.</exception>
    public static Uri Resolve(Uri? optionsBaseAddress, HttpClient httpClient, Uri? defaultBaseAddress, string clientName)
        => throw new NotImplementedException();
}
