using System;
using System.Diagnostics.CodeAnalysis;

namespace TokenGen.Clients.OAuth2;

/// <summary>Reads the standard OAuth 2.0 error (<c>error</c>, <c>error_description</c>, <c>error_uri</c>) from a failure.</summary>
public static class OAuth2Errors
{
    /// <summary>
    /// Reads the error body of a refused OAuth 2.0 request (RFC 6749 §5.2, RFC 8628 §3.5, RFC 7009 §2.2.1,
    /// RFC 7662 §2.3) as the server sent it.
    /// </summary>
    /// <param name="exception">The failure of any operation of the OAuth 2.0 clients (or of any token API).</param>
    /// <param name="error">The error, when the body was one.</param>
    /// <returns>
    /// <see langword="true"/> when the body was a JSON object with an <c>error</c> member; <see langword="false"/> when
    /// there was no body, it was cut, not JSON, or had no <c>error</c> (a gateway's page, for example).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is <see langword="null"/>.</exception>
    public static bool TryReadOAuth2Error(this TokenApiException exception, [NotNullWhen(true)] out OAuth2Error? error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.TryReadError(OAuth2JsonContext.Default.OAuth2Error, out var read) && !string.IsNullOrEmpty(read?.Error))
        {
            error = read;
            return true;
        }

        error = null;
        return false;
    }

    /// <summary>Whether the failure is an OAuth 2.0 error with this code, for example <see cref="OAuth2ErrorCodes.InvalidGrant"/>.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="errorCode">The <c>error</c> code, compared ordinally.</param>
    /// <returns>Whether the body's <c>error</c> is <paramref name="errorCode"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static bool IsOAuth2Error(this TokenApiException exception, string errorCode)
    {
        ArgumentNullException.ThrowIfNull(errorCode);
        return exception.TryReadOAuth2Error(out var error) && string.Equals(error.Error, errorCode, StringComparison.Ordinal);
    }
}
