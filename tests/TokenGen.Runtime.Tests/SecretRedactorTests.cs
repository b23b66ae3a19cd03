using System;
using System.Text.Json;
using TokenGen.Infrastructure;
using TokenGen.Tests.Shared;

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

    public static TheoryData<string, bool, bool> SecretNames => SecretNameCases.All;

    [Theory]
    [MemberData(nameof(SecretNames))]
    public void SecretNamesFollowTheGeneratorsRule_OneTableForBoth(string name, bool secretInAnswer, bool secretWhenSent)
    {
        _ = secretWhenSent; // The runtime redacts answers only; the generator's tests check the sent column.
        Assert.Equal(secretInAnswer, SecretRedactor.IsSecretName(name));

        // Through what callers see: a JSON member, a form pair and a "name: value" line of an error body. The value has
        // no digit: with one, "client_assertion_type=v4lue" would be one token-like run, redacted by the other rule.
        string json = SecretRedactor.Redact("{\"" + name + "\":\"swordfish\",\"n\":1}");
        Assert.Equal(secretInAnswer, !json.Contains("swordfish", StringComparison.Ordinal));
        using (JsonDocument.Parse(json))
        {
        }

        Assert.Equal(secretInAnswer, !SecretRedactor.Redact(name + "=swordfish&grant_type=x").Contains("swordfish", StringComparison.Ordinal));
        Assert.Equal(secretInAnswer, !SecretRedactor.Redact("bad request: " + name + ": swordfish").Contains("swordfish", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("client_secret=abc&x=y", "client_secret=[redacted]&x=y")]
    [InlineData("grant_type=password&username=ada&password=hunter2", "grant_type=password&username=ada&password=[redacted]")]
    [InlineData("password: hunter2", "password: [redacted]")]
    [InlineData("Password = 'correct horse', user = ada", "Password = '[redacted]', user = ada")]
    [InlineData("pwd=\"x y\";Server=db", "pwd=\"[redacted]\";Server=db")]
    [InlineData("refresh_token:Bearer abc;", "refresh_token:Bearer [redacted];")]
    [InlineData("(otp=123456)", "(otp=[redacted])")]
    [InlineData("client_secret=", "client_secret=")]
    [InlineData("client_secret=[redacted]&x=1", "client_secret=[redacted]&x=1")]
    public void SecretNamedPairsInFreeTextAreRedacted(string text, string expected)
        => Assert.Equal(expected, SecretRedactor.Redact(text));

    [Theory]
    [InlineData("token_type=Bearer&expires_in=3600&scope=read")]
    [InlineData("error=invalid_grant&error_description=expired&code=400")]
    [InlineData("see https://host:8443/v1/token?x=1 for details")]
    [InlineData("code: invalid_client")]
    public void NonSecretPairsAreKeptAsTheSameInstance(string text)
        => Assert.Same(text, SecretRedactor.Redact(text));

    [Fact]
    public void PairsEchoedInsideAJsonStringAreRedacted_AndTheJsonStaysValid()
    {
        const string body = """{"error":"invalid_request","error_description":"bad body: client_id=app&client_secret=s3cr&password=\"hunter2\" x","code":"E1"}""";

        string redacted = SecretRedactor.Redact(body);

        using JsonDocument document = JsonDocument.Parse(redacted);
        Assert.Equal(
            "bad body: client_id=app&client_secret=[redacted]&password=\"[redacted]\" x",
            document.RootElement.GetProperty("error_description").GetString());
        Assert.Equal("E1", document.RootElement.GetProperty("code").GetString());
        Assert.Equal("invalid_request", document.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void NumbersOfSecretNamedMembersBecomeTheRedactedString_OtherNumbersStay()
    {
        string redacted = SecretRedactor.Redact("""{"pin": 1234,"otp":-12.5e3,"expires_in":3600,"code":7}""");

        Assert.Equal("""{"pin": "[redacted]","otp":"[redacted]","expires_in":3600,"code":7}""", redacted);
        using (JsonDocument.Parse(redacted))
        {
        }
    }
}
