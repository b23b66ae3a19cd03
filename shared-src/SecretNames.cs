// One rule, two assemblies: this file is compiled into the generator (netstandard2.0), which decides which model
// members a generated ToString() prints as ***, and into the runtime (net8.0), which decides which named values of
// an error body, a snippet or a reason phrase are redacted. Keep it free of anything only one of them has.
using System;

namespace TokenGen.Shared;

/// <summary>
/// Whether a name (a C# member, a JSON member, a form field, a <c>name: value</c> pair) says that its value is a secret.
/// </summary>
/// <remarks>
/// <para>
/// A name is compared case-insensitively, without <c>_ - . @</c>, so <c>client_secret</c>, <c>ClientSecret</c> and
/// <c>client-secret</c> are one name. It is a secret when it <b>ends with</b> one of <see cref="Suffixes"/> (<c>token</c>,
/// <c>secret</c>, <c>password</c>, <c>passphrase</c>, <c>apikey</c>, <c>privatekey</c>, <c>assertion</c>, <c>otp</c>) or
/// <b>is</b> one of <see cref="ExactNames"/> (<c>pwd</c>, <c>passwd</c>, <c>pin</c>, <c>secretid</c>, <c>sessionkey</c>,
/// <c>codeverifier</c>, …). So <c>id_token</c>, <c>subject_token</c>, <c>actor_token</c>, <c>client_assertion</c>,
/// <c>api_key</c> and <c>apikey</c> are secrets; <c>token_type</c>, <c>expires_in</c>, <c>error</c> and
/// <c>client_assertion_type</c> are not.
/// </para>
/// <para>
/// <c>code</c> is the one name whose meaning depends on the direction: in a model that is sent it is an OAuth
/// authorization code, a bearer credential until it is redeemed (RFC 6749 §10.5); in an answer it is almost always an
/// error's or a status's code (<c>invalid_grant</c>), which a log needs. So it counts only when <c>isSent</c> is true;
/// the runtime, which redacts answers, always passes false.
/// </para>
/// <para>
/// Left out on purpose, because real APIs use them for values that are not secret and hiding them would hide what a
/// reader needs: <c>key</c> alone (object keys, idempotency keys, <c>public_key</c>, a JWK's <c>kid</c>), <c>signature</c>
/// (a proof over a request, useless without that request, and long enough to be redacted as a token-like run when it is
/// one), <c>nonce</c>, <c>state</c>, <c>session_id</c> (as often an analytics id as a session cookie),
/// <c>authorization</c> (in answers an object, as in ACME). Suffixes are chosen so that no common word ends with them:
/// <c>pin</c> and <c>key</c> are exact or absent, since <c>spin</c>, <c>checkpin</c> and <c>monkey</c> are not secrets.
/// </para>
/// </remarks>
internal static class SecretNames
{
    /// <summary>Normalized names that are secrets whole.</summary>
    internal static readonly string[] ExactNames =
    {
        "access", "refresh", "authorizationcode", "credential", "credentials", "passwd", "pwd", "pin",
        "secretid", "sessionkey", "codeverifier",
        // RFC 8628 §3.2: with the client id, the device code is what the device redeems for tokens; the user code is
        // shown to the user on purpose and is not a secret.
        "devicecode",
    };

    /// <summary>Normalized endings that make a name a secret.</summary>
    internal static readonly string[] Suffixes =
    {
        "token", "secret", "password", "passphrase", "apikey", "privatekey", "assertion", "otp",
    };

    /// <summary>Whether <paramref name="name"/> names a secret.</summary>
    /// <param name="name">The name as written: <c>client_secret</c>, <c>ClientSecret</c>, <c>Refresh-Token</c>.</param>
    /// <param name="isSent">
    /// Whether the value is sent (a request body), where <c>code</c> is an authorization code; false for answers.
    /// </param>
    public static bool IsSecretName(string name, bool isSent) => IsSecretName(name.AsSpan(), isSent);

    /// <inheritdoc cref="IsSecretName(string, bool)"/>
    public static bool IsSecretName(ReadOnlySpan<char> name, bool isSent)
    {
        Span<char> normalized = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        int length = 0;
        foreach (char c in name)
        {
            if (c is not ('_' or '-' or '.' or '@'))
            {
                normalized[length++] = char.ToLowerInvariant(c);
            }
        }

        ReadOnlySpan<char> key = normalized.Slice(0, length);
        if (key.IsEmpty)
        {
            return false;
        }

        if (isSent && key.SequenceEqual("code".AsSpan()))
        {
            return true;
        }

        foreach (string exact in ExactNames)
        {
            if (key.SequenceEqual(exact.AsSpan()))
            {
                return true;
            }
        }

        foreach (string suffix in Suffixes)
        {
            if (key.EndsWith(suffix.AsSpan()))
            {
                return true;
            }
        }

        return false;
    }
}
