using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Demo.ManagedTokens;

/// <summary>
/// Stands in for the API a token is for (a bot's own backend, say), inside this process: it answers 200 when the
/// request carries <c>Authorization: Bearer</c> with the session's current token, and 401 otherwise. It records what
/// it saw as facts (scheme, whether the token matched), never the token, so the demo can report it safely.
/// </summary>
internal sealed class DownstreamStandIn : HttpMessageHandler
{
    private readonly Func<string?> _currentToken;

    /// <summary>Creates the stand-in.</summary>
    /// <param name="currentToken">Reads the session's current access token, to check the request against.</param>
    public DownstreamStandIn(Func<string?> currentToken) => _currentToken = currentToken;

    /// <summary>The authentication scheme of the last request, or <see langword="null"/> when it carried no Authorization.</summary>
    public string? LastScheme { get; private set; }

    /// <summary>Whether the last request's credentials were exactly the session's current token.</summary>
    public bool LastCarriedSessionToken { get; private set; }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization;
        var expected = _currentToken();
        LastScheme = authorization?.Scheme;
        LastCarriedSessionToken = authorization is { Scheme: "Bearer", Parameter: { } parameter }
            && expected is not null
            && string.Equals(parameter, expected, StringComparison.Ordinal);

        var status = LastCarriedSessionToken ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;
        return Task.FromResult(new HttpResponseMessage(status) { RequestMessage = request });
    }
}
