using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>
/// A query, header or form value declared as a non-nullable reference type is required: null is the caller's bug and
/// gets an <see cref="ArgumentNullException"/> naming the parameter before anything is sent, rather than a request
/// silently missing a value. (Declared with <c>?</c>, null omits the value; <see cref="QueryTests"/> covers that.)
/// </summary>
public sealed class NullArgumentTests
{
    [Theory]
    [InlineData("scope")]
    [InlineData("ids")]
    [InlineData("tenant")]
    [InlineData("clientId")]
    public async Task NullForANonNullableValue_ThrowsArgumentNullException_AndSendsNothing(string nullParameter)
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);
        var client = IRequestTokens.Create(http);

        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() => client.RequiredValuesAsync(
            scope: nullParameter == "scope" ? null! : "read",
            ids: nullParameter == "ids" ? null! : new[] { "1" },
            tenant: nullParameter == "tenant" ? null! : "contoso",
            clientId: nullParameter == "clientId" ? null! : "app"));

        Assert.Equal(nullParameter, exception.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task NonNullValues_AreAllSent()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).RequiredValuesAsync("read", new[] { "1", "2" }, "contoso", "app");

        RouteTests.AssertSent(handler.Single, "https://tokens.example.test/api/v1/required?scope=read&id=1&id=2");
        Assert.Equal(new[] { "contoso" }, handler.Single.Header("X-Tenant"));
        Assert.Equal("client_id=app", handler.Single.BodyText);
    }
}
