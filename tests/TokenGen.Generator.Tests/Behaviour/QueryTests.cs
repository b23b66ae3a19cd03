using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>
/// Query values: null omitted, bool as true/false, numbers and dates in the invariant culture (dates ISO 8601),
/// enums by their JSON name, collections as repeated keys, names and values percent-encoded.
/// </summary>
public sealed class QueryTests
{
    private const string Base = "https://tokens.example.test/api";

    [Fact]
    public async Task NullQueryValuesAreOmitted()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).OptionalQueryAsync(text: null, count: null, flag: null, keep: "x");

        RouteTests.AssertSent(handler.Single, Base + "/v1/optional?keep=x");
    }

    [Fact]
    public async Task NonNullOptionalQueryValuesAreSentInParameterOrder()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).OptionalQueryAsync(text: "t", count: 0, flag: false, keep: "k");

        RouteTests.AssertSent(handler.Single, Base + "/v1/optional?q=t&n=0&flag=false&keep=k");
    }

    [Fact]
    public async Task QueryAfterFixedQueryInRouteContinuesWithAmpersand()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);
        var api = IRequestTokens.Create(http);

        await api.ListAsync(3);
        await api.ListAsync(null);

        Assert.Equal(2, handler.Requests.Count);
        RouteTests.AssertSent(handler.Requests[0], Base + "/v1/list?api-version=2&page=3");
        RouteTests.AssertSent(handler.Requests[1], Base + "/v1/list?api-version=2");
    }

    [Fact]
    public async Task BooleansNumbersAndDatesUseInvariantCultureAndIso8601EvenUnderGermanCulture()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);
        var api = IRequestTokens.Create(http);

        CultureInfo previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            // Prove the culture would have changed the text: German writes 1234,5 and 31.12.2024.
            Assert.Equal("1234,5", 1234.5.ToString(CultureInfo.CurrentCulture));

            await api.ValuesAsync(
                yes: true,
                no: false,
                count: -1234567,
                big: 9_007_199_254_740_993L,
                ratio: 1234.5,
                amount: 0.25m,
                single: 2.5f,
                since: new DateTimeOffset(2024, 3, 5, 14, 7, 9, 123, TimeSpan.FromHours(1)),
                until: new DateTime(2024, 12, 31, 23, 59, 58, DateTimeKind.Utc),
                day: new DateOnly(2024, 2, 29),
                id: Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
                span: new TimeSpan(0, 1, 2, 3, 500));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        RouteTests.AssertSent(
            handler.Single,
            Base + "/v1/values"
                + "?yes=true"
                + "&no=false"
                + "&count=-1234567"
                + "&big=9007199254740993"
                + "&ratio=1234.5"
                + "&amount=0.25"
                + "&single=2.5"
                + "&since=2024-03-05T14%3A07%3A09.1230000%2B01%3A00"
                + "&until=2024-12-31T23%3A59%3A58.0000000Z"
                + "&day=2024-02-29"
                + "&id=0f8fad5b-d9cb-469f-a165-70867728950e"
                + "&span=01%3A02%3A03.5000000");
    }

    [Fact]
    public async Task EnumsAreSentByTheirJsonNameFallingBackToMemberNameAndNumber()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).GrantsAsync(
            GrantType.ClientCredentials,
            GrantType.Password,
            new[] { GrantType.RefreshToken, (GrantType)42 });

        RouteTests.AssertSent(
            handler.Single,
            Base + "/v1/grants?grant=client_credentials&optional=Password&any=refresh_token&any=42");
    }

    [Fact]
    public async Task NullEnumAndNullEnumCollectionAreOmitted()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).GrantsAsync(GrantType.RefreshToken, null, null);

        RouteTests.AssertSent(handler.Single, Base + "/v1/grants?grant=refresh_token");
    }

    [Fact]
    public async Task CollectionsRepeatTheKeyAndSkipNullElements()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).ManyAsync(
            new[] { "read", "write all" },
            new[] { 1, 2, 3 },
            new List<string?> { "a", null, "b" });

        RouteTests.AssertSent(
            handler.Single,
            Base + "/v1/many?scope=read&scope=write%20all&id=1&id=2&id=3&tag=a&tag=b");
    }

    [Fact]
    public async Task NullAndEmptyCollectionsSendNoKey()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).ManyAsync(null, Array.Empty<int>(), null);

        RouteTests.AssertSent(handler.Single, Base + "/v1/many");
    }

    [Fact]
    public async Task QueryNamesAndValuesArePercentEncoded()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).EncodeAsync("1", "x&y=z w+v/\u00e9\u20ac?#%");

        RouteTests.AssertSent(
            handler.Single,
            Base + "/v1/encode?a%26b%3Dc%20d%2B%C3%A9=1&value=x%26y%3Dz%20w%2Bv%2F%C3%A9%E2%82%AC%3F%23%25");
    }

    [Fact]
    public async Task EmptyStringQueryValueIsSentWithEmptyValue()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await IRequestTokens.Create(http).EncodeAsync(null, string.Empty);

        RouteTests.AssertSent(handler.Single, Base + "/v1/encode?value=");
    }
}
