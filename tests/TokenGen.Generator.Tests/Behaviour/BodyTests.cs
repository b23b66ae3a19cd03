using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>Request bodies: JSON through the context, forms from a model or from parameters, multipart, raw content, none.</summary>
public sealed class BodyTests
{
    [Fact]
    public async Task JsonBodyIsExactUtf8JsonWithApplicationJsonContentType()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).PostJsonAsync(new TokenRequest { ClientId = "app-1", Scope = "read write" });

        RecordedRequest request = handler.Single;
        Assert.Equal("POST", request.Method.Method);
        RouteTests.AssertSent(request, "https://tokens.example.test/api/v1/json");
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal(new[] { "application/json" }, ContentHeader(request, "Content-Type"));
        byte[] expected = Encoding.UTF8.GetBytes("{\"client_id\":\"app-1\",\"scope\":\"read write\"}");
        Assert.Equal(expected, request.BodyBytes);
        Assert.Equal(expected.Length, request.ContentLength);
    }

    [Fact]
    public async Task JsonBodyWithDeclaredContentTypeSendsExactlyThatMediaTypeWithoutCharset()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).PostJsonApiAsync(new TokenRequest { ClientId = "c", Scope = null });

        RecordedRequest request = handler.Single;
        Assert.Equal("application/vnd.api+json", request.ContentType);
        Assert.Equal(new[] { "application/vnd.api+json" }, ContentHeader(request, "Content-Type"));
        Assert.Equal(Encoding.UTF8.GetBytes("{\"client_id\":\"c\",\"scope\":null}"), request.BodyBytes);
    }

    [Fact]
    public async Task NullNonNullableJsonBodyThrowsArgumentNullExceptionBeforeSending()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() => IRequestTokens.Create(http).PostJsonAsync(null!));

        Assert.Equal("request", exception.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task NullNullableJsonBodySendsNoContent()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).PostOptionalJsonAsync(null);

        RecordedRequest request = handler.Single;
        Assert.Equal("POST", request.Method.Method);
        Assert.Null(request.Content);
        Assert.Null(request.BodyBytes);
    }

    [Fact]
    public async Task NonNullNullableJsonBodyIsSent()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).PostOptionalJsonAsync(new TokenRequest { ClientId = "x", Scope = "y" });

        RecordedRequest request = handler.Single;
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("{\"client_id\":\"x\",\"scope\":\"y\"}", request.BodyText);
    }

    [Fact]
    public async Task OperationWithoutBodySendsNoContent()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).PostNothingAsync();

        RecordedRequest request = handler.Single;
        Assert.Equal("POST", request.Method.Method);
        RouteTests.AssertSent(request, "https://tokens.example.test/api/v1/nothing");
        Assert.Null(request.Content);
    }

    [Fact]
    public async Task FormModelIsUrlEncodedWithJsonNamesOmittingNullsRepeatingCollectionsAndSpacesAsPlus()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).PostFormAsync(new ClientCredentialsForm
        {
            ClientId = "my app",
            ClientSecret = "p+ss&w=rd \u00e9",
            Scopes = new List<string> { "read", "write all" },
            Audience = null,
            MaxAge = 60,
            NotSent = "ignored",
        });

        RecordedRequest request = handler.Single;
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(
            "grant_type=client_credentials"
                + "&client_id=my+app"
                + "&ClientSecret=p%2Bss%26w%3Drd+%C3%A9"
                + "&scope=read&scope=write+all"
                + "&max_age=60",
            request.BodyText);
        Assert.Equal(request.BodyBytes!.Length, request.ContentLength);
    }

    [Fact]
    public async Task FormModelWithOnlyNullMembersButOneSendsJustThatField()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).PostFormAsync(new ClientCredentialsForm { GrantType = "password" });

        Assert.Equal("grant_type=password", handler.Single.BodyText);
    }

    [Fact]
    public async Task FormParametersAreUrlEncodedInParameterOrder()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).ExchangeAsync(
            GrantType.RefreshToken,
            "a/b c",
            new[] { "x", "y z" },
            2,
            "https://app.example/cb?x=1");

        RecordedRequest request = handler.Single;
        Assert.Equal("POST", request.Method.Method);
        RouteTests.AssertSent(request, "https://tokens.example.test/api/oauth/token");
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(
            "grant_type=refresh_token&code=a%2Fb+c&scope=x&scope=y+z&attempt=2&redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fx%3D1",
            request.BodyText);
    }

    [Fact]
    public async Task ConstantFormFieldsComeFirstInDeclarationOrderThenTheParameters()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).RefreshWithConstantsAsync("r/1 2", scope: "read");

        RecordedRequest request = handler.Single;
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("grant_type=refresh_token&client_id=app+one%2F%C3%BC&refresh_token=r%2F1+2&scope=read", request.BodyText);
    }

    [Fact]
    public async Task ConstantFormFieldsAloneMakeTheBodyAndAnEmptyValueIsSent()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).ConstantsOnlyAsync();

        RecordedRequest request = handler.Single;
        Assert.Equal("POST", request.Method.Method);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("grant_type=client_credentials&audience=", request.BodyText);
    }

    [Fact]
    public async Task ConstantFormFieldsPrecedeAFormModelsMembersAndANullModelSendsNoBody()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);
        var tokens = IRequestTokens.Create(http);

        await tokens.PostFormWithConstantAsync(new ClientCredentialsForm { ClientId = "c" });
        await tokens.PostFormWithConstantAsync(null);

        Assert.StartsWith("response_type=token&grant_type=client_credentials&client_id=c", handler.Requests[0].BodyText, StringComparison.Ordinal);
        Assert.Null(handler.Requests[1].Content);
    }

    [Fact]
    public async Task ConstantFormFieldsAreTheFirstPartsOfAMultipartBody()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).UploadWithConstantAsync(new UploadForm { Name = "n", Count = 1 });

        var parts = Multipart.Parse(handler.Single);
        Assert.Equal(("kind", "avatar"), (parts[0].Name, parts[0].Value));
        Assert.Equal(("name", "n"), (parts[1].Name, parts[1].Value));
    }

    [Fact]
    public async Task NullFormParametersAreOmitted()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).ExchangeAsync(GrantType.ClientCredentials, null, null, 0, null);

        Assert.Equal("grant_type=client_credentials&attempt=0", handler.Single.BodyText);
    }

    [Fact]
    public async Task MultipartBodyHasOneTextPartPerMemberWithJsonNamesAndRepeatedCollections()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).UploadAsync(new UploadForm
        {
            Name = "report \u00e9",
            Count = 3,
            Tags = new List<string> { "a", "b c" },
            Missing = null,
        });

        RecordedRequest request = handler.Single;
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        var parts = Multipart.Parse(request);
        Assert.Equal(
            new[] { ("name", "report \u00e9"), ("Count", "3"), ("tag", "a"), ("tag", "b c") },
            parts.Select(p => (p.Name, p.Value)).ToArray());
    }

    [Fact]
    public async Task HttpContentBodyIsSentAsIs()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);
        byte[] bytes = { 0x00, 0x01, 0x7F, 0xFE, 0xFF };
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        await IRequestTokens.Create(http).PutRawAsync(content);

        RecordedRequest request = handler.Single;
        Assert.Equal("PUT", request.Method.Method);
        Assert.Same(content, request.Content);
        Assert.Equal("application/octet-stream", request.ContentType);
        Assert.Equal(bytes, request.BodyBytes);
    }

    [Fact]
    public async Task StaticHeadersAreSentAlongsideABody()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).PostJsonAsync(new TokenRequest { ClientId = "a" });

        RecordedRequest request = handler.Single;
        Assert.Equal(new[] { "X-Client", "X-Trace" }, request.HeaderNames);
        Assert.Equal("application/json", request.ContentType);
    }

    private static string[]? ContentHeader(RecordedRequest request, string name) =>
        request.ContentHeaders?.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();
}
