using System;
using System.Text;

namespace TokenGen.Runtime.Tests;

/// <summary>Reading a JWT's <c>exp</c> claim, only to schedule a refresh: every malformed shape is "no expiry", never an exception.</summary>
public sealed class JwtExpiryTests
{
    [Fact]
    public void ReadsTheExpClaimOfAJwt()
    {
        var token = Jwt("""{"sub":"user","iat":1790000000,"exp":1790001800,"nested":{"exp":1}}""");

        Assert.True(JwtExpiry.TryRead(token, out var expiresAt));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1790001800), expiresAt);
    }

    [Fact]
    public void ReadsAFractionalExp_AsWholeSeconds()
    {
        Assert.True(JwtExpiry.TryRead(Jwt("""{"exp":1790001800.75}"""), out var expiresAt));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1790001800), expiresAt);
    }

    [Fact]
    public void DecodesBase64UrlCharacters()
    {
        // '?' and '>' in the payload make the base64 contain '/' and '+', which base64url writes as '_' and '-'.
        // Any run of six '?' holds one aligned on a 3-byte group ("???" → "Pz8/"), likewise '>' ("Pj4+").
        var token = Jwt("""{"note":"??????>>>>>>","exp":1790001800}""");
        Assert.Contains('_', token.Split('.')[1]);
        Assert.Contains('-', token.Split('.')[1]);

        Assert.True(JwtExpiry.TryRead(token, out var expiresAt));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1790001800), expiresAt);
    }

    [Theory]
    [InlineData("opaque-token-without-dots")]
    [InlineData("only.one-dot")]
    [InlineData("..")]
    [InlineData("a.!!!!.c")]
    [InlineData("a.\u00e9\u00e9\u00e9\u00e9.c")]
    public void NotAJwt_HasNoExpiry(string token)
    {
        Assert.False(JwtExpiry.TryRead(token, out _));
    }

    [Theory]
    [InlineData("""{"sub":"no exp"}""")]
    [InlineData("""{"exp":"1790001800"}""")]
    [InlineData("""{"exp":-1}""")]
    [InlineData("""{"exp":1e300}""")]
    [InlineData("""{"exp":""")]
    [InlineData("""[1790001800]""")]
    [InlineData("""not json""")]
    public void PayloadWithoutAUsableExp_HasNoExpiry(string payload)
    {
        Assert.False(JwtExpiry.TryRead(Jwt(payload), out _));
    }

    [Fact]
    public void OversizedPayload_IsNotRead()
    {
        var payload = "{\"pad\":\"" + new string('x', 20_000) + "\",\"exp\":1790001800}";

        Assert.False(JwtExpiry.TryRead(Jwt(payload), out _));
    }

    private static string Jwt(string payloadJson) =>
        Base64Url("""{"alg":"none"}""") + "." + Base64Url(payloadJson) + ".c2lnbmF0dXJl";

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
