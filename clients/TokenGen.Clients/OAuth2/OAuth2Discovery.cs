using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.OAuth2;

/// <summary>
/// Finds an authorization server's metadata from its issuer identifier: RFC 8414 §3 first
/// (<c>/.well-known/oauth-authorization-server</c>), then OpenID Connect Discovery 1.0 §4
/// (<c>/.well-known/openid-configuration</c>), and checks that the document speaks for that issuer (RFC 8414 §3.3).
/// </summary>
public static class OAuth2Discovery
{
    /// <summary>The RFC 8414 well-known suffix, <c>oauth-authorization-server</c>.</summary>
    public const string OAuthAuthorizationServerSuffix = "oauth-authorization-server";

    /// <summary>The OpenID Connect Discovery well-known suffix, <c>openid-configuration</c>.</summary>
    public const string OpenIdConfigurationSuffix = "openid-configuration";

    /// <summary>
    /// The URIs of the metadata documents of <paramref name="issuer"/>, in the order they are tried: RFC 8414 §3.1 puts
    /// <c>/.well-known/oauth-authorization-server</c> between the host and the issuer's path; OpenID Connect Discovery
    /// §4.1 appends <c>/.well-known/openid-configuration</c> to the issuer.
    /// </summary>
    /// <param name="issuer">The issuer identifier: an absolute <c>https</c> (or loopback <c>http</c>) URI without query or fragment.</param>
    /// <returns>
    /// For <c>https://example.com/tenant1</c>: <c>https://example.com/.well-known/oauth-authorization-server/tenant1</c>
    /// and <c>https://example.com/tenant1/.well-known/openid-configuration</c>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="issuer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="issuer"/> is relative, not http(s), or has a query or fragment.</exception>
    public static IReadOnlyList<Uri> GetMetadataUris(Uri issuer)
    {
        CheckIssuer(issuer);
        var origin = issuer.GetLeftPart(UriPartial.Authority);
        var path = issuer.AbsolutePath.TrimEnd('/');
        return
        [
            new Uri(origin + "/.well-known/" + OAuthAuthorizationServerSuffix + path),
            new Uri(origin + path + "/.well-known/" + OpenIdConfigurationSuffix),
        ];
    }

    /// <summary>
    /// Reads the metadata of <paramref name="issuer"/>: the RFC 8414 document, or when the server answers it with 404
    /// (or 400, 401, 403, 405, 410), the OpenID Connect one; then checks its <c>issuer</c>.
    /// </summary>
    /// <param name="issuer">The issuer identifier, for example <c>https://login.example.com</c>.</param>
    /// <param name="httpClient">The client to send with; <see langword="null"/> for <see cref="TokenApiHttpClient.Create"/>.</param>
    /// <param name="options">The clients' options (<c>AllowInsecureHttp</c>, size limit, clock); their base address is ignored.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The metadata, whose <see cref="AuthorizationServerMetadata.Issuer"/> is <paramref name="issuer"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="issuer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="issuer"/> is relative, not http(s), or has a query or fragment.</exception>
    /// <exception cref="TokenApiException">Neither document could be read: the answer of the last one tried.</exception>
    /// <exception cref="InvalidOperationException">
    /// The document's <c>issuer</c> is not <paramref name="issuer"/> (RFC 8414 §3.3: it MUST NOT be used), or it is missing.
    /// </exception>
    public static async Task<AuthorizationServerMetadata> DiscoverAsync(
        Uri issuer,
        HttpClient? httpClient = null,
        TokenApiClientOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var uris = GetMetadataUris(issuer);
        httpClient ??= TokenApiHttpClient.Create();
        for (var i = 0; ; i++)
        {
            var document = IOAuth2MetadataDocument.Create(httpClient, OAuth2Client.CopyOptions(options, uris[i]));
            AuthorizationServerMetadata metadata;
            try
            {
                metadata = await document.GetMetadataAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (TokenApiException ex) when (i < uris.Count - 1 && IsNotPublishedHere(ex.StatusCode))
            {
                continue;
            }

            CheckIssuerMatches(issuer, metadata);
            return metadata;
        }
    }

    private static bool IsNotPublishedHere(HttpStatusCode status) => status is
        HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        or HttpStatusCode.MethodNotAllowed or HttpStatusCode.Gone;

    private static void CheckIssuerMatches(Uri issuer, AuthorizationServerMetadata metadata)
    {
        if (string.IsNullOrEmpty(metadata.Issuer))
        {
            throw new InvalidOperationException("The authorization server's metadata has no issuer (RFC 8414 §2 requires one).");
        }

        // RFC 8414 §3.3: the issuer in the document must be identical to the one the document was fetched for; a
        // trailing slash on an empty path is the only difference tolerated (Uri writes "https://host" as "https://host/").
        if (!string.Equals(Normalize(metadata.Issuer), Normalize(issuer.OriginalString), StringComparison.Ordinal)
            && !string.Equals(Normalize(metadata.Issuer), Normalize(issuer.AbsoluteUri), StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The metadata found for issuer {issuer.AbsoluteUri} names another issuer; it must not be used (RFC 8414 §3.3).");
        }
    }

    private static string Normalize(string issuer) => issuer.EndsWith('/') ? issuer[..^1] : issuer;

    private static void CheckIssuer(Uri issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (!issuer.IsAbsoluteUri || (issuer.Scheme != Uri.UriSchemeHttps && issuer.Scheme != Uri.UriSchemeHttp)
            || issuer.Query.Length > 0 || issuer.Fragment.Length > 0)
        {
            throw new ArgumentException("An issuer is an absolute https URI without query or fragment (RFC 8414 §2).", nameof(issuer));
        }
    }
}
