using System;

namespace TokenGen.Clients.OAuth2;

/// <summary>
/// Where an authorization server's endpoints are: from its metadata (<see cref="FromMetadata"/>, or
/// <see cref="OAuth2Client.DiscoverAsync"/>), or written out for a server that publishes none.
/// </summary>
public sealed class OAuth2Endpoints
{
    private readonly Uri? _authorizationEndpoint;
    private readonly Uri? _deviceAuthorizationEndpoint;
    private readonly Uri? _introspectionEndpoint;
    private readonly Uri? _revocationEndpoint;
    private readonly Uri? _issuer;

    /// <summary>Creates the endpoints of a server, starting from its token endpoint.</summary>
    /// <param name="tokenEndpoint">The token endpoint (RFC 6749 §3.2), an absolute URI.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tokenEndpoint"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="tokenEndpoint"/> is not an absolute <c>http</c> or <c>https</c> URI, or has a fragment.</exception>
    public OAuth2Endpoints(Uri tokenEndpoint)
    {
        TokenEndpoint = Check(tokenEndpoint, nameof(tokenEndpoint))!;
    }

    /// <summary>The issuer identifier (RFC 8414 §2), when known.</summary>
    public Uri? Issuer { get => _issuer; init => _issuer = Check(value, nameof(Issuer)); }

    /// <summary>The token endpoint (RFC 6749 §3.2).</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>The authorization endpoint (RFC 6749 §3.1), for the authorization code flow.</summary>
    public Uri? AuthorizationEndpoint { get => _authorizationEndpoint; init => _authorizationEndpoint = Check(value, nameof(AuthorizationEndpoint)); }

    /// <summary>The device authorization endpoint (RFC 8628 §3.1).</summary>
    public Uri? DeviceAuthorizationEndpoint { get => _deviceAuthorizationEndpoint; init => _deviceAuthorizationEndpoint = Check(value, nameof(DeviceAuthorizationEndpoint)); }

    /// <summary>The introspection endpoint (RFC 7662 §2).</summary>
    public Uri? IntrospectionEndpoint { get => _introspectionEndpoint; init => _introspectionEndpoint = Check(value, nameof(IntrospectionEndpoint)); }

    /// <summary>The revocation endpoint (RFC 7009 §2).</summary>
    public Uri? RevocationEndpoint { get => _revocationEndpoint; init => _revocationEndpoint = Check(value, nameof(RevocationEndpoint)); }

    /// <summary>Reads the endpoints from a server's metadata (RFC 8414 §2).</summary>
    /// <param name="metadata">The metadata.</param>
    /// <returns>The endpoints.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metadata"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The metadata names no token endpoint, or an endpoint that is not an absolute <c>http</c> or <c>https</c> URI.
    /// </exception>
    public static OAuth2Endpoints FromMetadata(AuthorizationServerMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (string.IsNullOrEmpty(metadata.TokenEndpoint))
        {
            throw new ArgumentException("The metadata names no token_endpoint.", nameof(metadata));
        }

        return new OAuth2Endpoints(Parse(metadata.TokenEndpoint, "token_endpoint")!)
        {
            Issuer = Parse(metadata.Issuer, "issuer"),
            AuthorizationEndpoint = Parse(metadata.AuthorizationEndpoint, "authorization_endpoint"),
            DeviceAuthorizationEndpoint = Parse(metadata.DeviceAuthorizationEndpoint, "device_authorization_endpoint"),
            IntrospectionEndpoint = Parse(metadata.IntrospectionEndpoint, "introspection_endpoint"),
            RevocationEndpoint = Parse(metadata.RevocationEndpoint, "revocation_endpoint"),
        };
    }

    /// <summary>The endpoints that are set; never a secret.</summary>
    /// <returns>For example <c>OAuth2Endpoints { Issuer = https://login.example.com/, TokenEndpoint = … }</c>.</returns>
    public override string ToString() =>
        $"OAuth2Endpoints {{ Issuer = {Issuer}, TokenEndpoint = {TokenEndpoint}, AuthorizationEndpoint = {AuthorizationEndpoint}, " +
        $"DeviceAuthorizationEndpoint = {DeviceAuthorizationEndpoint}, IntrospectionEndpoint = {IntrospectionEndpoint}, RevocationEndpoint = {RevocationEndpoint} }}";

    private static Uri? Parse(string? value, string member)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"The metadata's {member} is not an absolute URI.", "metadata");
        }

        return Check(uri, member);
    }

    private static Uri? Check(Uri? uri, string name)
    {
        if (uri is null)
        {
            return null;
        }

        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Fragment.Length > 0)
        {
            throw new ArgumentException($"{name} must be an absolute http or https URI without a fragment.", name);
        }

        return uri;
    }
}
