using System.Text.Json;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlMTIzNDU2")]
    [InlineData("3f9c1a7be2d84c0f9a6e5b2d1c0e9f8a")]
    [InlineData("ew0KICAiYWxnIjogIlJTMjU2Ig0KfQ==/+abc")]
    public void TokenLikeRunsAreReplaced(string token)
        => Assert.Equal("Bearer [redacted] expired", SecretRedactor.Redact("Bearer " + token + " expired"));

    [Theory]
    [InlineData("The refresh token has expired; ask for a new one.")]
    [InlineData("{\"expires_in\":12345678901234567890123456789,\"ok\":true,\"x\":1.5e+3000000000000000000000}")]
    [InlineData("access_token_is_not_valid_for_this_resource")]
    [InlineData("short-abc123")]
    public void OrdinaryTextIsKeptAsTheSameInstance(string text)
        => Assert.Same(text, SecretRedactor.Redact(text));

    [Fact]
    public void RedactedJsonStaysValid()
    {
        string json = "{\"access_token\":\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig\",\"n\":[1,2]}";
        string redacted = SecretRedactor.Redact(json);
        Assert.Equal("{\"access_token\":\"[redacted]\",\"n\":[1,2]}", redacted);
        using JsonDocument document = JsonDocument.Parse(redacted);
        Assert.Equal("[redacted]", document.RootElement.GetProperty("access_token").GetString());
    }
}
