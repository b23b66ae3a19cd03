using System;
using System.Text;

namespace TokenGen.Clients.OAuth2;

/// <summary>
/// The <c>Authorization</c> header of HTTP Basic client authentication, <c>client_secret_basic</c>, as RFC 6749 §2.3.1
/// defines it: the client id and the secret are each encoded with the <c>application/x-www-form-urlencoded</c>
/// algorithm (RFC 6749 Appendix B) before they are joined by <c>:</c> and Base64-encoded.
/// </summary>
/// <remarks>
/// Many hand-written clients skip the form-encoding; a secret holding <c>:</c>, <c>+</c>, <c>%</c>, a space or a
/// non-ASCII character then fails to authenticate with servers that decode it, as the RFC says they must. The encoding
/// here is the one TokenGen's form bodies use: UTF-8, a space as <c>+</c>, everything outside RFC 3986's unreserved
/// characters (<c>A–Z a–z 0–9 - . _ ~</c>) as <c>%XX</c>.
/// </remarks>
public static class ClientSecretBasic
{
    /// <summary>The authentication scheme, <c>Basic</c>.</summary>
    public const string Scheme = "Basic";

    /// <summary>Returns <c>Basic base64(form(clientId) ":" form(clientSecret))</c>.</summary>
    /// <param name="clientId">The client identifier.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <returns>The value of the <c>Authorization</c> header.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> is empty.</exception>
    /// <example>RFC 6749's client <c>s6BhdRkqt3</c> with secret <c>gX1fBat3bV</c> gives <c>Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW</c>.</example>
    public static string Format(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        var credentials = FormEncode(clientId) + ":" + FormEncode(clientSecret);
        return Scheme + " " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
    }

    /// <summary>Encodes <paramref name="value"/> as one <c>application/x-www-form-urlencoded</c> name or value (RFC 6749 Appendix B).</summary>
    /// <param name="value">The text.</param>
    /// <returns>The encoded text: <c>"a b+c:ü"</c> gives <c>a+b%2Bc%3A%C3%BC</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static string FormEncode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // Uri.EscapeDataString escapes everything but RFC 3986's unreserved characters, as UTF-8, and a space as %20;
        // the form encoding writes the space as '+'. '%20' cannot arise otherwise, since '%' itself becomes '%25'.
        return Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
    }
}

/// <summary>How a client authenticates to the token, device authorization, introspection and revocation endpoints.</summary>
public enum OAuth2ClientAuthenticationMethod
{
    /// <summary><c>client_secret_basic</c>: HTTP Basic with the form-encoded id and secret (RFC 6749 §2.3.1). The default of RFC 8414 §2.</summary>
    ClientSecretBasic = 0,

    /// <summary><c>client_secret_post</c>: <c>client_id</c> and <c>client_secret</c> in the form body (RFC 6749 §2.3.1).</summary>
    ClientSecretPost = 1,

    /// <summary><c>none</c>: a public client, which sends only its <c>client_id</c> (RFC 6749 §2.1, RFC 8414 §2).</summary>
    None = 2,
}

/// <summary>
/// A client's identity and how it proves it: <see cref="ClientSecretBasic(string, string)"/>,
/// <see cref="ClientSecretPost(string, string)"/> or <see cref="PublicClient(string)"/>. Its <see cref="ToString"/>
/// never shows the secret.
/// </summary>
public sealed class OAuth2ClientAuthentication
{
    private readonly string? _clientSecret;

    private OAuth2ClientAuthentication(string clientId, string? clientSecret, OAuth2ClientAuthenticationMethod method)
    {
        ClientId = clientId;
        _clientSecret = clientSecret;
        Method = method;
        AuthorizationHeader = method == OAuth2ClientAuthenticationMethod.ClientSecretBasic
            ? OAuth2.ClientSecretBasic.Format(clientId, clientSecret!)
            : null;
    }

    /// <summary>The client identifier.</summary>
    public string ClientId { get; }

    /// <summary>How the client authenticates.</summary>
    public OAuth2ClientAuthenticationMethod Method { get; }

    /// <summary>The <c>Authorization</c> header value for <c>client_secret_basic</c>; <see langword="null"/> otherwise.</summary>
    internal string? AuthorizationHeader { get; }

    /// <summary>The form's <c>client_id</c>: sent unless the client authenticates with Basic.</summary>
    internal string? FormClientId => Method == OAuth2ClientAuthenticationMethod.ClientSecretBasic ? null : ClientId;

    /// <summary>The form's <c>client_secret</c>: sent only for <c>client_secret_post</c>.</summary>
    internal string? FormClientSecret => Method == OAuth2ClientAuthenticationMethod.ClientSecretPost ? _clientSecret : null;

    /// <summary>A confidential client authenticating with HTTP Basic, <c>client_secret_basic</c> (RFC 6749 §2.3.1).</summary>
    /// <param name="clientId">The client identifier.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <returns>The authentication.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> is empty.</exception>
    public static OAuth2ClientAuthentication ClientSecretBasic(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        return new OAuth2ClientAuthentication(clientId, clientSecret, OAuth2ClientAuthenticationMethod.ClientSecretBasic);
    }

    /// <summary>A confidential client sending its credentials in the body, <c>client_secret_post</c> (RFC 6749 §2.3.1).</summary>
    /// <param name="clientId">The client identifier.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <returns>The authentication.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> is empty.</exception>
    public static OAuth2ClientAuthentication ClientSecretPost(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        return new OAuth2ClientAuthentication(clientId, clientSecret, OAuth2ClientAuthenticationMethod.ClientSecretPost);
    }

    /// <summary>A public client (a native or browser app), which has no secret and sends its <c>client_id</c> (RFC 6749 §2.1).</summary>
    /// <param name="clientId">The client identifier.</param>
    /// <returns>The authentication.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clientId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> is empty.</exception>
    public static OAuth2ClientAuthentication PublicClient(string clientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        return new OAuth2ClientAuthentication(clientId, clientSecret: null, OAuth2ClientAuthenticationMethod.None);
    }

    /// <summary>The client id and the method; never the secret.</summary>
    /// <returns>For example <c>OAuth2ClientAuthentication { ClientId = s6BhdRkqt3, Method = ClientSecretBasic }</c>.</returns>
    public override string ToString() => $"OAuth2ClientAuthentication {{ ClientId = {ClientId}, Method = {Method} }}";
}
