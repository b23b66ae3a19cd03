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

    [Fact]
    public void ShortValuesOfSecretNamedMembersAreReplaced_OtherMembersKept()
    {
        const string body = """{"error":"invalid_client","password":"hunter2","client_secret" : "s3cr3t","token_type":"Bearer","code":"abc","Refresh-Token":"r1","note":"short"}""";

        string redacted = SecretRedactor.Redact(body);

        using JsonDocument document = JsonDocument.Parse(redacted);
        JsonElement root = document.RootElement;
        Assert.Equal("invalid_client", root.GetProperty("error").GetString());
        Assert.Equal("[redacted]", root.GetProperty("password").GetString());
        Assert.Equal("[redacted]", root.GetProperty("client_secret").GetString());
        Assert.Equal("abc", root.GetProperty("code").GetString()); // an error body's code, not an authorization code
        Assert.Equal("[redacted]", root.GetProperty("Refresh-Token").GetString());
        Assert.Equal("Bearer", root.GetProperty("token_type").GetString());
        Assert.Equal("short", root.GetProperty("note").GetString());
        Assert.DoesNotContain("hunter2", redacted, System.StringComparison.Ordinal);
    }

    [Fact]
    public void EscapedQuotesInsideASecretValueDoNotEndItEarly()
    {
        string redacted = SecretRedactor.Redact("""{"password":"a\"b\\c","user":"ada"}""");

        Assert.Equal("""{"password":"[redacted]","user":"ada"}""", redacted);
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("client_secret", true)]
    [InlineData("access_token", true)]
    [InlineData("apiKey", true)]
    [InlineData("token_type", false)]
    [InlineData("expires_in", false)]
    [InlineData("error_description", false)]
    [InlineData("code", false)]
    public void SecretNamesFollowTheGeneratorsRule(string name, bool secret)
        => Assert.Equal(secret, SecretRedactor.IsSecretName(name));
}
