using System;
using System.Net.Http;
using TokenGen;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Attaches the tokens of a registered <see cref="TokenSession"/> to the requests of a named <see cref="HttpClient"/>.</summary>
public static class TokenGenHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="BearerTokenHandler"/> to the client's pipeline: requests to <paramref name="hosts"/> carry
    /// <c>Authorization: Bearer &lt;token&gt;</c> from the session registered as <paramref name="sessionName"/>, and a 401
    /// from them costs one refresh and one retry. Requests to any other host are sent as they are.
    /// </summary>
    /// <param name="builder">The builder of the client that calls the protected service, for example <c>services.AddHttpClient("bot")</c>.</param>
    /// <param name="sessionName">The name the session was registered with through <c>AddTokenSession</c>.</param>
    /// <param name="hosts">
    /// Host names (<c>api.example.com</c>: https on any port, plain http only to loopback) or origins
    /// (<c>https://api.example.com</c>, only that scheme and port); see <see cref="BearerTokenHandler"/>. The token goes
    /// nowhere else.
    /// </param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="sessionName"/> or <paramref name="hosts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="sessionName"/> is empty, or <paramref name="hosts"/> names no host.</exception>
    /// <remarks>
    /// The factory builds a handler for each handler pipeline it creates (and again when it rotates them); every one of
    /// them uses the same singleton session, so all clients of this name — and of any other name given the same session —
    /// share one token. The handler never disposes the session; the container does. An entry of
    /// <paramref name="hosts"/> that is neither a host nor an origin, or a session name nothing registered, fails when
    /// the first client of this name is created.
    /// </remarks>
    public static IHttpClientBuilder AddBearerToken(this IHttpClientBuilder builder, string sessionName, params string[] hosts)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(sessionName);
        ArgumentNullException.ThrowIfNull(hosts);
        if (hosts.Length == 0)
        {
            throw new ArgumentException("Name at least one host to send the token to.", nameof(hosts));
        }

        // A copy, so a caller reusing its array cannot change where tokens go after registration.
        string[] tokenHosts = (string[])hosts.Clone();
        return builder.AddHttpMessageHandler(provider => new BearerTokenHandler(GetSession(provider, sessionName), tokenHosts));
    }

    private static TokenSession GetSession(IServiceProvider provider, string sessionName) =>
        provider.GetKeyedService<TokenSession>(sessionName)
        ?? throw new InvalidOperationException(
            $"No token session named '{sessionName}' is registered; register it with services.AddTokenSession(\"{sessionName}\", ...).");
}
