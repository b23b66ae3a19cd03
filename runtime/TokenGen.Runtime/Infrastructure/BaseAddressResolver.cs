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
    /// <exception cref="InvalidOperationException">None of the three is set, or the one chosen is not absolute.</exception>
    public static Uri Resolve(Uri? optionsBaseAddress, HttpClient httpClient, Uri? defaultBaseAddress, string clientName)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(clientName);

        if (optionsBaseAddress is not null)
        {
            // TokenApiClientOptions refuses a relative address, so this only guards hand-made calls.
            return EnsureAbsolute(optionsBaseAddress, clientName, "TokenApiClientOptions.BaseAddress");
        }

        if (httpClient.BaseAddress is { } clientAddress)
        {
            return EnsureAbsolute(clientAddress, clientName, "HttpClient.BaseAddress");
        }

        if (defaultBaseAddress is not null)
        {
            return EnsureAbsolute(defaultBaseAddress, clientName, "[TokenApi(BaseAddress = ...)]");
        }

        throw new InvalidOperationException(
            $"{clientName} has no base address. Set one of: TokenApiClientOptions.BaseAddress (passed to the client's constructor), " +
            "HttpClient.BaseAddress on the HttpClient given to the client, or [TokenApi(BaseAddress = \"https://...\")] on the interface.");
    }

    private static Uri EnsureAbsolute(Uri address, string clientName, string source)
    {
        if (!address.IsAbsoluteUri)
        {
            throw new InvalidOperationException(
                $"The base address of {clientName} comes from {source}, which is not an absolute URI. Use an absolute address such as https://host/api.");
        }

        return address;
    }
}
