using System;
using System.Text;

namespace TokenGen.Benchmarks.Calls;

/// <summary>Token-shaped values of realistic length, the same on every run.</summary>
internal static class SampleValues
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>A JWT-shaped token (three base64url parts) of about <paramref name="length"/> characters.</summary>
    public static string Jwt(int seed, int length)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(length);
        builder.Append("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.");
        int signatureStart = length - 86;
        while (builder.Length < length)
        {
            builder.Append(builder.Length == signatureStart ? '.' : TokenAlphabet[random.Next(TokenAlphabet.Length)]);
        }

        return builder.ToString();
    }
}
