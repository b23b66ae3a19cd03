using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests;

public sealed class RequestContentTests
{
    [Fact]
    public async Task JsonBodyIsUtf8WithExactContentTypeAndKnownLength()
    {
        var model = new TokenModel { AccessToken = "tök", ExpiresIn = 3600 };
        using HttpContent content = RequestContent.CreateJson(model, TestJsonContext.Default.TokenModel, RequestContent.JsonMediaType);

        byte[] bytes = await content.ReadAsByteArrayAsync();
        Assert.Equal("{\"access_token\":\"t\\u00F6k\",\"expires_in\":3600}", Encoding.UTF8.GetString(bytes));
        Assert.Equal("application/json", content.Headers.ContentType!.ToString());
        Assert.Null(content.Headers.ContentType.CharSet);
        Assert.Equal("application/json", content.Headers.GetValues("Content-Type").Single());
        Assert.Equal(bytes.Length, content.Headers.ContentLength);
    }

    [Fact]
    public void JsonApiMediaTypeHasNoParameters()
    {
        using HttpContent content = RequestContent.CreateJson(new TokenModel(), TestJsonContext.Default.TokenModel, "application/vnd.api+json");
        Assert.Equal("application/vnd.api+json", content.Headers.GetValues("Content-Type").Single());
        Assert.Empty(content.Headers.ContentType!.Parameters);
    }

    [Fact]
    public async Task NullValueSerializesAsJsonNull()
    {
        using HttpContent content = RequestContent.CreateJson<TokenModel?>(null, TestJsonContext.Default.TokenModel!, RequestContent.JsonMediaType);
        Assert.Equal("null", await content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application json")]
    [InlineData("application/")]
    public void InvalidMediaTypeIsRefusedAlsoAfterAValidOne(string mediaType)
    {
        // The last valid media type is remembered so it is not parsed again; a different one must still be checked.
        using (RequestContent.CreateJson(new TokenModel(), TestJsonContext.Default.TokenModel, RequestContent.JsonMediaType))
        {
        }

        Assert.Throws<FormatException>(() => RequestContent.CreateJson(new TokenModel(), TestJsonContext.Default.TokenModel, mediaType));
        Assert.Throws<FormatException>(() => RequestContent.CreateJson(new TokenModel(), TestJsonContext.Default.TokenModel, mediaType));
    }

    [Fact]
    public void AlternatingMediaTypesEachReachTheirBody()
    {
        for (var i = 0; i < 3; i++)
        {
            using HttpContent json = RequestContent.CreateJson(new TokenModel(), TestJsonContext.Default.TokenModel, RequestContent.JsonMediaType);
            using HttpContent jsonApi = RequestContent.CreateJson(new TokenModel(), TestJsonContext.Default.TokenModel, "application/vnd.api+json");
            Assert.Equal("application/json", json.Headers.ContentType!.MediaType);
            Assert.Equal("application/vnd.api+json", jsonApi.Headers.ContentType!.MediaType);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void EmptyMediaTypeIsRefused(string mediaType)
        => Assert.Throws<ArgumentException>(() => RequestContent.CreateJson(new TokenModel(), TestJsonContext.Default.TokenModel, mediaType));

    [Fact]
    public void NullArgumentsAreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => RequestContent.CreateJson(new TokenModel(), TestJsonContext.Default.TokenModel, null!));
        Assert.Throws<ArgumentNullException>(() => RequestContent.CreateJson(new TokenModel(), null!, RequestContent.JsonMediaType));
    }

    [Fact]
    public async Task FormIsEncodedWithPlusForSpaceAndPercentElsewhere()
    {
        var form = new FormUrlEncodedBuilder();
        form.Add("grant_type", "refresh_token");
        form.Add("refresh_token", null);
        form.Add("scope", "openid profile");
        form.Add("redirect_uri", "https://app/cb?x=1&y=2");
        form.Add("name with space", "ü€~*+'!");
        form.Add("empty", string.Empty);
        form.Add("crlf", "a\r\nb");
        using HttpContent content = form.ToContent();

        byte[] bytes = await content.ReadAsByteArrayAsync();
        Assert.Equal(
            "grant_type=refresh_token&scope=openid+profile&redirect_uri=https%3A%2F%2Fapp%2Fcb%3Fx%3D1%26y%3D2" +
            "&name+with+space=%C3%BC%E2%82%AC~%2A%2B%27%21&empty=&crlf=a%0D%0Ab",
            Encoding.ASCII.GetString(bytes));
        Assert.Equal("application/x-www-form-urlencoded", content.Headers.GetValues("Content-Type").Single());
        Assert.Equal(bytes.Length, content.Headers.ContentLength);
    }

    [Fact]
    public async Task FormMatchesTheBclEncoderForSpacesAndReservedCharacters()
    {
        var form = new FormUrlEncodedBuilder();
        form.Add("q", "a b&c=d/é");
        using HttpContent ours = form.ToContent();
        using var bcl = new FormUrlEncodedContent([new("q", "a b&c=d/é")]);
        Assert.Equal(await bcl.ReadAsStringAsync(), await ours.ReadAsStringAsync());
    }

    [Fact]
    public async Task EmptyFormIsAnEmptyBody()
    {
        using HttpContent content = new FormUrlEncodedBuilder().ToContent();
        Assert.Empty(await content.ReadAsByteArrayAsync());
        Assert.Equal(0, content.Headers.ContentLength);
    }

    [Fact]
    public async Task LongFormGrowsAndAddingAfterToContentLeavesTheFirstContentAlone()
    {
        var form = new FormUrlEncodedBuilder();
        string value = new('x', 5000);
        form.Add("a", value);
        using HttpContent first = form.ToContent();
        form.Add("b", "2");
        using HttpContent second = form.ToContent();

        Assert.Equal("a=" + value, await first.ReadAsStringAsync());
        Assert.Equal("a=" + value + "&b=2", await second.ReadAsStringAsync());
    }

    [Fact]
    public async Task MultipartTextPartsAreNamedAndNullIsSkipped()
    {
        using var multipart = new MultipartFormDataContent();
        MultipartContentWriter.AddText(multipart, "grant_type", "client_credentials");
        MultipartContentWriter.AddText(multipart, "scope", null);

        HttpContent part = Assert.Single(multipart);
        Assert.Equal("grant_type", part.Headers.ContentDisposition!.Name!.Trim('"'));
        Assert.Equal("client_credentials", await part.ReadAsStringAsync());
    }
}
