// Linked into the runtime's and the generator's tests: both assemblies compile shared-src/SecretNames.cs, and each test
// project checks its own assembly's behaviour against this one table, so the two cannot drift apart.
using Xunit;

namespace TokenGen.Tests.Shared;

internal static class SecretNameCases
{
    /// <summary>A name as a server or a model writes it; whether it is a secret in an answer; and in a model that is sent.</summary>
    public static TheoryData<string, bool, bool> All => new()
    {
        // The long-standing ones.
        { "password", true, true },
        { "client_secret", true, true },
        { "ClientSecret", true, true },
        { "Refresh-Token", true, true },
        { "access_token", true, true },
        { "apiKey", true, true },
        { "passwd", true, true },
        { "assertion", true, true },
        { "authorization_code", true, true },

        // Widened in issue 13.
        { "pwd", true, true },
        { "Pwd", true, true },
        { "passphrase", true, true },
        { "key_passphrase", true, true },
        { "client_assertion", true, true },
        { "private_key", true, true },
        { "jwt_private_key", true, true },
        { "api_key", true, true },
        { "apikey", true, true },
        { "x-api-key", true, true },
        { "secret_id", true, true },
        { "subject_token", true, true },
        { "actor_token", true, true },
        { "id_token", true, true },
        { "session_key", true, true },
        { "otp", true, true },
        { "totp", true, true },
        { "pin", true, true },
        { "code_verifier", true, true },
        { "device_code", true, true },
        { "DeviceCode", true, true },
        { "user_code", false, false },

        // Direction: an authorization code when sent, an error's code in an answer.
        { "code", false, true },

        // Never secrets: they mention one, or are too often something else.
        { "token_type", false, false },
        { "expires_in", false, false },
        { "error", false, false },
        { "error_description", false, false },
        { "client_assertion_type", false, false },
        { "client_id", false, false },
        { "trace_id", false, false },
        { "correlation_id", false, false },
        { "key", false, false },
        { "public_key", false, false },
        { "kid", false, false },
        { "signature", false, false },
        { "spin", false, false },
        { "secret_id_accessor", false, false },
        { "session_id", false, false },
        { "nonce", false, false },
        { "state", false, false },
        { "error_code", false, false },
    };
}
