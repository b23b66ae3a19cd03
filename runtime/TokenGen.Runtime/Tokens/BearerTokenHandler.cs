using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

using TokenGen.Diagnostics;
using TokenGen.Infrastructure;

namespace TokenGen;

/// <summary>
/// Attaches <c>Authorization: Bearer &lt;token&gt;</c> from a <see cref="TokenSession"/> to the requests of any
/// <see cref="HttpClient"/> bound for the hosts it is configured for, and answers a 401 with one refresh and one retry.
/// </summary>
/// <remarks>
/// <para>
/// <b>Hosts.</b> Each entry is either a host name or IP literal (<c>api.example.com</c>, <c>127.0.0.1</c>, <c>[::1]</c>),
/// which matches that host over <c>https</c> on any port (and over plain <c>http</c> only when the host is loopback); or an
/// origin (<c>https://api.example.com</c>, <c>http://127.0.0.1:5080</c>), which matches only that scheme, host and port.
/// A token never travels over plain HTTP to another machine unless an <c>http://</c> origin names that machine
/// explicitly. Host names compare case-insensitively (international names by their ASCII form). A request
/// to any other host, or one that already carries its own <c>Authorization</c> header, is sent as it is.
/// </para>
/// <para>
/// <b>401.</b> When the service answers 401 to a request that carried the session's token, the handler asks the
/// session to replace that token (<see cref="TokenSession.RefreshAsync"/>, which a burst of 401s shares), so later
/// requests carry a new one; and it sends the request once more with the new token — only when its content can be sent
/// again: none, a
/// <see cref="ByteArrayContent"/> (which includes <see cref="StringContent"/> and <see cref="FormUrlEncodedContent"/>),
/// a <see cref="ReadOnlyMemoryContent"/>, or a <see cref="MultipartContent"/> whose parts all qualify. Never more than
/// one retry: a second 401 reaches the caller, and so does the first when the content cannot be replayed or the
/// session has no different token to offer. The first response is disposed before the retry. If the refresh itself
/// fails, its exception reaches the caller.
/// </para>
/// <para>
/// The handler does not own the session: disposing the handler leaves the session alone, so many clients can share one.
/// Only asynchronous sends are supported for the configured hosts, because a session fetches tokens asynchronously.
/// </para>
/// </remarks>
public sealed class BearerTokenHandler : DelegatingHandler
{
    /// <summary>
    /// Remembers which header value this handler attached, so that when an outer handler sends the same request again
    /// (a retry policy) the handler replaces its own, possibly stale, token instead of taking it for the caller's.
    /// </summary>
    private static readonly HttpRequestOptionsKey<AuthenticationHeaderValue> s_attachedKey = new("TokenGen.BearerTokenHandler.Authorization");

    private readonly TokenSession _session;
    private readonly HostRule[] _hosts;

    /// <summary>Creates a handler that attaches the session's token to requests for <paramref name="hosts"/>.</summary>
    /// <param name="session">Where the tokens come from. Not owned: the handler never disposes it.</param>
    /// <param name="hosts">Host names or origins (<c>scheme://host[:port]</c>); see the remarks of <see cref="BearerTokenHandler"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> or <paramref name="hosts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="hosts"/> is empty, or an entry is neither a host nor an origin.</exception>
    public BearerTokenHandler(TokenSession session, IEnumerable<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(hosts);
        _session = session;
        _hosts = ParseHosts(hosts);
    }

    /// <summary>Creates a handler that attaches the session's token to requests for <paramref name="hosts"/>.</summary>
    /// <param name="session">Where the tokens come from. Not owned: the handler never disposes it.</param>
    /// <param name="hosts">Host names or origins (<c>scheme://host[:port]</c>); see the remarks of <see cref="BearerTokenHandler"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> or <paramref name="hosts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="hosts"/> is empty, or an entry is neither a host nor an origin.</exception>
    public BearerTokenHandler(TokenSession session, params string[] hosts)
        : this(session, (IEnumerable<string>)hosts)
    {
    }

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TakeCharge(request)
            ? SendWithSessionTokenAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">The request is bound for a configured host: the token is fetched asynchronously.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (TakeCharge(request))
        {
            // Sending without the token would fail at the service with a 401 that tells the caller nothing.
            throw new NotSupportedException(
                $"{nameof(BearerTokenHandler)} fetches tokens asynchronously; send requests to its hosts with SendAsync.");
        }

        return base.Send(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithSessionTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string accessToken = await _session.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response = await SendWithTokenAsync(request, accessToken, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // Replace the rejected token even when this request cannot be retried: otherwise the caller's own retry, and
        // every other request, would be sent with it again until its refresh time.
        string renewedToken;
        try
        {
            renewedToken = (await _session.RefreshAsync(accessToken, cancellationToken).ConfigureAwait(false)).AccessToken;
        }
        catch (Exception exception)
        {
            ReportRejected(TokenGenTelemetry.BearerOutcome.Failed, exception);
            response.Dispose();
            throw;
        }

        // Without a different token (the session's flight fell back to the token in hand), the same request would
        // earn the same 401.
        if (!HttpRules.CanResend(request.Content) || string.Equals(renewedToken, accessToken, StringComparison.Ordinal))
        {
            ReportRejected(TokenGenTelemetry.BearerOutcome.NotRetried);
            return response;
        }

        ReportRejected(TokenGenTelemetry.BearerOutcome.Retried);
        response.Dispose();
        return await SendWithTokenAsync(request, renewedToken, cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, string accessToken, CancellationToken cancellationToken)
    {
        var authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Authorization = authorization;
        request.Options.Set(s_attachedKey, authorization);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Reports a 401 to the session's token: metrics, the event source, and the session's log.</summary>
    private void ReportRejected(TokenGenTelemetry.BearerOutcome outcome, Exception? error = null)
    {
        bool resent = outcome == TokenGenTelemetry.BearerOutcome.Retried;
        TokenGenTelemetry.BearerRefresh(_session.Name, outcome, error);
        TokenGenEventSource.Log.BearerTokenRejected(resent);
        _session.Log?.BearerTokenRejected(_session.Name, resent);
    }

    /// <summary>
    /// Whether this handler sets the request's <c>Authorization</c>: for a configured host, unless the caller set the
    /// header. For any other host, a header this handler attached earlier is taken off, so the token never follows a
    /// request that an outer handler has pointed elsewhere.
    /// </summary>
    private bool TakeCharge(HttpRequestMessage request)
    {
        bool carriesAuthorization = request.Headers.NonValidated.Contains("Authorization");
        bool carriesOurs = carriesAuthorization && IsAttachedByHandler(request);
        if (!IsConfiguredHost(request.RequestUri))
        {
            if (carriesOurs)
            {
                request.Headers.Authorization = null;
                request.Options.Remove(s_attachedKey.Key, out _);
            }

            return false;
        }

        return !carriesAuthorization || carriesOurs;
    }

    private static bool IsAttachedByHandler(HttpRequestMessage request) =>
        request.Options.TryGetValue(s_attachedKey, out AuthenticationHeaderValue? attached)
        && attached.Equals(request.Headers.Authorization);

    // A bare host entry says nothing about the scheme, so it is read as the safe one: credentials only over https, or to
    // this machine. An explicit http:// origin is the opt-out.
    private static bool IsSecureOrLoopback(Uri uri) =>
        string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase) || TransportSecurity.IsLoopback(uri);

    private bool IsConfiguredHost(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return false;
        }

        string host = uri.IdnHost;
        foreach (HostRule rule in _hosts)
        {
            if (string.Equals(host, rule.Host, StringComparison.OrdinalIgnoreCase)
                && (rule.Scheme is null
                    ? IsSecureOrLoopback(uri)
                    : string.Equals(uri.Scheme, rule.Scheme, StringComparison.OrdinalIgnoreCase) && uri.Port == rule.Port))
            {
                return true;
            }
        }

        return false;
    }

    private static HostRule[] ParseHosts(IEnumerable<string> hosts)
    {
        var rules = new List<HostRule>();
        foreach (string entry in hosts)
        {
            rules.Add(ParseHost(entry, rules.Count));
        }

        if (rules.Count == 0)
        {
            throw new ArgumentException("Name at least one host to send the token to.", nameof(hosts));
        }

        return rules.ToArray();
    }

    /// <remarks>Messages name the entry by its index, not its text, which might carry user info or a query with secrets.</remarks>
    private static HostRule ParseHost(string entry, int index)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            throw new ArgumentException($"The host entry at index {index} is null, empty or white space.", "hosts");
        }

        if (entry.Contains("://", StringComparison.Ordinal))
        {
            if (Uri.TryCreate(entry, UriKind.Absolute, out Uri? origin)
                && origin.Scheme is "http" or "https"
                && origin.UserInfo.Length == 0
                && origin.AbsolutePath == "/"
                && origin.Query.Length == 0
                && origin.Fragment.Length == 0)
            {
                return new HostRule(origin.IdnHost, origin.Scheme, origin.Port);
            }

            throw new ArgumentException(
                $"The host entry at index {index} is not an origin like 'https://api.example.com' or 'http://127.0.0.1:5080': an http or https URI without path, query or user info.",
                "hosts");
        }

        // A bare entry must be a host and nothing else: a port, path or user info would be silently ignored.
        if (Uri.TryCreate("https://" + entry + "/", UriKind.Absolute, out Uri? parsed)
            && parsed.IsDefaultPort
            && string.Equals(parsed.Authority, entry, StringComparison.OrdinalIgnoreCase))
        {
            return new HostRule(parsed.IdnHost, Scheme: null, Port: -1);
        }

        throw new ArgumentException(
            $"The host entry at index {index} is not a host name or IP literal; to name a scheme or port, give an origin like 'https://api.example.com:8443'.",
            "hosts");
    }

    /// <summary>A configured host; <see cref="Scheme"/> and <see cref="Port"/> only count when the entry was an origin.</summary>
    private readonly record struct HostRule(string Host, string? Scheme, int Port);
}
