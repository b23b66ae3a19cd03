using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Generator.Tests.Behaviour;

// ---- A token API whose lifetimes arrive the ways real services send them -------------------------------------------

/// <summary>Token responses whose <c>[ExpiresIn]</c> and <c>[ExpiresAt]</c> members are strings, fractions, Unix times.</summary>
[TokenApi(BaseAddress = "https://lifetimes.example.test", SerializerContext = typeof(LifetimeJsonContext))]
public partial interface ILifetimeApi
{
    [Post("/seconds/string")]
    Task<StringSecondsToken> StringSecondsAsync(CancellationToken cancellationToken = default);

    [Post("/seconds/double")]
    Task<DoubleSecondsToken> DoubleSecondsAsync(CancellationToken cancellationToken = default);

    [Post("/seconds/decimal")]
    Task<DecimalSecondsToken> DecimalSecondsAsync(CancellationToken cancellationToken = default);

    [Post("/at/long")]
    Task<LongUnixTimeToken> LongUnixTimeAsync(CancellationToken cancellationToken = default);

    [Post("/at/int")]
    Task<NullableIntUnixTimeToken> NullableIntUnixTimeAsync(CancellationToken cancellationToken = default);

    [Post("/at/uint")]
    Task<UIntUnixTimeToken> UIntUnixTimeAsync(CancellationToken cancellationToken = default);

    [Post("/at/ulong")]
    Task<NullableULongUnixTimeToken> NullableULongUnixTimeAsync(CancellationToken cancellationToken = default);

    [Post("/at/double")]
    Task<DoubleUnixTimeToken> DoubleUnixTimeAsync(CancellationToken cancellationToken = default);

    [Post("/at/decimal")]
    Task<DecimalUnixTimeToken> DecimalUnixTimeAsync(CancellationToken cancellationToken = default);

    [Post("/at/string")]
    Task<StringExpiryToken> StringExpiryAsync(CancellationToken cancellationToken = default);

    [Post("/imds")]
    Task<ImdsToken> ImdsAsync(CancellationToken cancellationToken = default);

    [Post("/both")]
    Task<TypedBothToken> TypedBothAsync(CancellationToken cancellationToken = default);
}

public sealed class StringSecondsToken
{
    [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
    [JsonPropertyName("expires_in"), ExpiresIn] public string? ExpiresIn { get; set; }
}

public sealed class DoubleSecondsToken
{
    [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }

    // Lets "NaN" and "Infinity" through the serializer, so the reader is what must refuse them.
    [JsonPropertyName("expires_in"), ExpiresIn, JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    public double ExpiresIn { get; set; }
}

public sealed class DecimalSecondsToken
{
    [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
    [JsonPropertyName("expires_in"), ExpiresIn] public decimal? ExpiresIn { get; set; }
}

public sealed class LongUnixTimeToken
{
    [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
    [JsonPropertyName("exp"), ExpiresAt] public long ExpiresAt { get; set; }
}

public sealed class NullableIntUnixTimeToken
{
    [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
    [JsonPropertyName("exp"), ExpiresAt] public int? ExpiresAt { get; set; }
}

public sealed class UIntUnixTimeToken
{
    [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
    [JsonPropertyName("exp"), ExpiresAt] public uint ExpiresAt { get; set; }
}

public sealed class NullableULongUnixTimeToken
{
    [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
    [JsonPropertyName("exp"), ExpiresAt] public ulong? ExpiresAt { get; set; }
}

public sealed class DoubleUnixTimeToken
{
    [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }

    [JsonPropertyName("exp"), ExpiresAt, JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    public double? ExpiresAt { get; set; }
}

public sealed class DecimalUnixTimeToken
{
    [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
    [JsonPropertyName("exp"), ExpiresAt] public decimal ExpiresAt { get; set; }
}

public sealed class StringExpiryToken
{
    [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
    [JsonPropertyName("expires_at"), ExpiresAt] public string? ExpiresAt { get; set; }
}

/// <summary>Azure's instance metadata service: every number a string, the expiry given twice.</summary>
public sealed class ImdsToken
{
    [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
    [JsonPropertyName("expires_in"), ExpiresIn] public string? ExpiresIn { get; set; }
    [JsonPropertyName("expires_on"), ExpiresAt] public string? ExpiresOn { get; set; }
    [JsonPropertyName("token_type")] public string? TokenType { get; set; }
}

public sealed class TypedBothToken
{
    [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
    [JsonPropertyName("expires_at"), ExpiresAt] public DateTimeOffset? ExpiresAt { get; set; }
    [JsonPropertyName("expires_in"), ExpiresIn] public int? ExpiresIn { get; set; }
}

[JsonSerializable(typeof(StringSecondsToken))]
[JsonSerializable(typeof(DoubleSecondsToken))]
[JsonSerializable(typeof(DecimalSecondsToken))]
[JsonSerializable(typeof(LongUnixTimeToken))]
[JsonSerializable(typeof(NullableIntUnixTimeToken))]
[JsonSerializable(typeof(UIntUnixTimeToken))]
[JsonSerializable(typeof(NullableULongUnixTimeToken))]
[JsonSerializable(typeof(DoubleUnixTimeToken))]
[JsonSerializable(typeof(DecimalUnixTimeToken))]
[JsonSerializable(typeof(StringExpiryToken))]
[JsonSerializable(typeof(ImdsToken))]
[JsonSerializable(typeof(TypedBothToken))]
public sealed partial class LifetimeJsonContext : JsonSerializerContext
{
}

/// <summary>
/// Lifetimes as real services send them, read by the generated readers and turned into an expiry by a
/// <see cref="TokenSession"/> on a clock that stands still at <see cref="StoppedClock.Now"/> (2030-01-01T00:00:00Z,
/// Unix time 1893456000): no user-written converter anywhere.
/// </summary>
public sealed class LifetimeReaderTests : IDisposable
{
    /// <summary>Unix time of <see cref="StoppedClock.Now"/>.</summary>
    private const long Now = 1_893_456_000;

    private static readonly DateTimeOffset s_inAnHour = StoppedClock.Now.AddHours(1);

    private readonly List<HttpClient> _httpClients = new();

    // ---- [ExpiresIn] ----

    [Theory]
    [InlineData("\"3599\"", 3599)]
    [InlineData("\" 3599 \"", 3599)]
    [InlineData("\"3599.9\"", 3599)]
    [InlineData("\"-5\"", 0)] // expired at once, as a number -5 would be
    public async Task SecondsSentAsAStringGiveTheExpiry(string expiresIn, long lifetimeSeconds)
    {
        await using TokenSession session = TokenSession.Create(Answering("{\"access_token\":\"abc\",\"expires_in\":" + expiresIn + "}").StringSecondsAsync, Options());

        IssuedToken token = await session.GetTokenAsync();

        Assert.Equal(StoppedClock.Now.AddSeconds(lifetimeSeconds), token.ExpiresAt);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    [InlineData("null")]
    public async Task AnEmptyStringOfSecondsIsNoLifetime(string expiresIn)
    {
        await using TokenSession session = TokenSession.Create(Answering("{\"access_token\":\"abc\",\"expires_in\":" + expiresIn + "}").StringSecondsAsync, Options());

        IssuedToken token = await session.GetTokenAsync();

        Assert.Null(token.ExpiresAt);
    }

    [Theory]
    [InlineData("3599.9", 3599)]
    [InlineData("3.6e3", 3600)]
    [InlineData("0.5", 0)]
    public async Task FractionalSecondsRoundDown(string expiresIn, long lifetimeSeconds)
    {
        await using TokenSession doubles = TokenSession.Create(Answering("{\"access_token\":\"abc\",\"expires_in\":" + expiresIn + "}").DoubleSecondsAsync, Options());
        await using TokenSession decimals = TokenSession.Create(Answering("{\"access_token\":\"abc\",\"expires_in\":" + expiresIn + "}").DecimalSecondsAsync, Options());

        Assert.Equal(StoppedClock.Now.AddSeconds(lifetimeSeconds), (await doubles.GetTokenAsync()).ExpiresAt);
        Assert.Equal(StoppedClock.Now.AddSeconds(lifetimeSeconds), (await decimals.GetTokenAsync()).ExpiresAt);
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("\"3599 seconds\"")]
    [InlineData("\"NaN\"")]
    public async Task SecondsThatAreNotANumberFailTheTokenResponse(string expiresIn)
    {
        await using TokenSession session = TokenSession.Create(Answering("{\"access_token\":\"abc\",\"expires_in\":" + expiresIn + "}").StringSecondsAsync, Options());

        await AssertInvalidLifetimeAsync(session);
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"-Infinity\"")]
    public async Task NonFiniteSecondsFailTheTokenResponse(string expiresIn)
    {
        await using TokenSession session = TokenSession.Create(Answering("{\"access_token\":\"abc\",\"expires_in\":" + expiresIn + "}").DoubleSecondsAsync, Options());

        await AssertInvalidLifetimeAsync(session);
    }

    // ---- [ExpiresAt] as a Unix time ----

    [Theory]
    [InlineData("1893459600")] // seconds
    [InlineData("1893459600000")] // milliseconds: 10^11 or more
    public async Task AUnixTimeInSecondsOrMillisecondsGivesTheExpiryInEveryNumericType(string exp)
    {
        string json = "{\"access_token\":\"abc\",\"exp\":" + exp + "}";
        await using TokenSession longs = TokenSession.Create(Answering(json).LongUnixTimeAsync, Options());
        await using TokenSession unsignedLongs = TokenSession.Create(Answering(json).NullableULongUnixTimeAsync, Options());
        await using TokenSession doubles = TokenSession.Create(Answering(json).DoubleUnixTimeAsync, Options());
        await using TokenSession decimals = TokenSession.Create(Answering(json).DecimalUnixTimeAsync, Options());

        Assert.Equal(s_inAnHour, (await longs.GetTokenAsync()).ExpiresAt);
        Assert.Equal(s_inAnHour, (await unsignedLongs.GetTokenAsync()).ExpiresAt);
        Assert.Equal(s_inAnHour, (await doubles.GetTokenAsync()).ExpiresAt);
        Assert.Equal(s_inAnHour, (await decimals.GetTokenAsync()).ExpiresAt);
    }

    [Fact]
    public async Task AUnixTimeInAnIntOrUIntGivesTheExpiry()
    {
        string json = "{\"access_token\":\"abc\",\"exp\":" + (Now + 3600) + "}";
        await using TokenSession ints = TokenSession.Create(Answering(json).NullableIntUnixTimeAsync, Options());
        await using TokenSession unsignedInts = TokenSession.Create(Answering(json).UIntUnixTimeAsync, Options());

        Assert.Equal(s_inAnHour, (await ints.GetTokenAsync()).ExpiresAt);
        Assert.Equal(s_inAnHour, (await unsignedInts.GetTokenAsync()).ExpiresAt);
    }

    [Fact]
    public async Task AFractionalUnixTimeKeepsItsFraction()
    {
        await using TokenSession session = TokenSession.Create(Answering("{\"access_token\":\"abc\",\"exp\":1893459600.5}").DoubleUnixTimeAsync, Options());

        Assert.Equal(s_inAnHour.AddMilliseconds(500), (await session.GetTokenAsync()).ExpiresAt);
    }

    [Fact]
    public async Task ANullUnixTimeIsNoExpiry()
    {
        await using TokenSession session = TokenSession.Create(Answering("{\"access_token\":\"abc\",\"exp\":null}").NullableIntUnixTimeAsync, Options());

        Assert.Null((await session.GetTokenAsync()).ExpiresAt);
    }

    [Fact]
    public async Task ANonFiniteUnixTimeFailsTheTokenResponse()
    {
        await using TokenSession session = TokenSession.Create(Answering("{\"access_token\":\"abc\",\"exp\":\"NaN\"}").DoubleUnixTimeAsync, Options());

        await AssertInvalidLifetimeAsync(session);
    }

    // ---- [ExpiresAt] sent as a string ----

    [Theory]
    [InlineData("1893459600")]
    [InlineData("1893459600000")]
    [InlineData("2030-01-01T01:00:00Z")]
    [InlineData("2030-01-01T03:00:00+02:00")]
    [InlineData("2030-01-01T01:00:00")] // no offset: UTC
    [InlineData("Tue, 01 Jan 2030 01:00:00 GMT")]
    public async Task APointInTimeSentAsAStringGivesTheExpiry(string expiresAt)
    {
        await using TokenSession session = TokenSession.Create(Answering("{\"access_token\":\"abc\",\"expires_at\":\"" + expiresAt + "\"}").StringExpiryAsync, Options());

        Assert.Equal(s_inAnHour, (await session.GetTokenAsync()).ExpiresAt);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\" \"")]
    [InlineData("null")]
    public async Task AnEmptyPointInTimeIsNoExpiry(string expiresAt)
    {
        await using TokenSession session = TokenSession.Create(Answering("{\"access_token\":\"abc\",\"expires_at\":" + expiresAt + "}").StringExpiryAsync, Options());

        Assert.Null((await session.GetTokenAsync()).ExpiresAt);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("01/01/2030")]
    [InlineData("NaN")]
    public async Task APointInTimeThatIsNeitherANumberNorADateFailsTheTokenResponse(string expiresAt)
    {
        await using TokenSession session = TokenSession.Create(Answering("{\"access_token\":\"abc\",\"expires_at\":\"" + expiresAt + "\"}").StringExpiryAsync, Options());

        await AssertInvalidLifetimeAsync(session);
    }

    // ---- both given: the earlier wins ----

    [Theory]
    [InlineData(3599, Now + 600, 600)] // the point in time comes first
    [InlineData(600, Now + 3599, 600)] // the seconds come first
    [InlineData(3599, Now - 60, 0)] // the point in time has passed: expired, whatever the seconds say
    public async Task AnImdsAnswerExpiresAtTheEarlierOfItsTwoExpiries(long expiresIn, long expiresOn, long lifetimeSeconds)
    {
        string json = "{\"access_token\":\"abc\",\"expires_in\":\"" + expiresIn + "\",\"expires_on\":\"" + expiresOn + "\",\"token_type\":\"Bearer\"}";
        await using TokenSession session = TokenSession.Create(Answering(json).ImdsAsync, Options());

        Assert.Equal(StoppedClock.Now.AddSeconds(lifetimeSeconds), (await session.GetTokenAsync()).ExpiresAt);
    }

    [Theory]
    [InlineData(3600, "2030-01-01T00:10:00Z", 600)]
    [InlineData(600, "2030-01-01T01:00:00Z", 600)]
    public async Task TypedMembersExpireAtTheEarlierOfTheTwo(int expiresIn, string expiresAt, long lifetimeSeconds)
    {
        string json = "{\"access_token\":\"abc\",\"expires_at\":\"" + expiresAt + "\",\"expires_in\":" + expiresIn + "}";
        await using TokenSession session = TokenSession.Create(Answering(json).TypedBothAsync, Options());

        Assert.Equal(StoppedClock.Now.AddSeconds(lifetimeSeconds), (await session.GetTokenAsync()).ExpiresAt);
    }

    public void Dispose()
    {
        foreach (HttpClient httpClient in _httpClients)
        {
            httpClient.Dispose();
        }
    }

    private static TokenSessionOptions Options() => new() { TimeProvider = StoppedClock.Create() };

    private static async Task AssertInvalidLifetimeAsync(TokenSession session)
    {
        var exception = await Assert.ThrowsAsync<TokenApiContentException>(() => session.GetTokenAsync().AsTask());

        Assert.Equal(TokenApiContentProblem.InvalidLifetime, exception.Problem);
        Assert.Null(session.Current);
    }

    /// <summary>A client whose every call gets <paramref name="json"/>.</summary>
    private ILifetimeApi Answering(string json)
    {
        var httpClient = new HttpClient(new RecordingHandler { Response = CannedResponse.Json(json) });
        _httpClients.Add(httpClient);
        return ILifetimeApi.Create(httpClient);
    }
}
