using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests;

/// <summary>
/// The reader has two ways to the bytes of a successful answer: in place, for a body already in memory, and through the
/// content's stream, for everything else. Whatever the answer, both must end the same way: the same value, or the same
/// exception with the same problem and message. Each case is read once as a <see cref="ByteArrayContent"/> and once as
/// a <see cref="StreamContent"/> over the same bytes with the same headers.
/// </summary>
public sealed class InMemoryAndStreamedAnswersAgreeTests
{
    private const long Limit = 64;

    public static TheoryData<string, string, string?> Answers => new()
    {
        // name, body, Content-Length header as sent (null: none, the content computes it)
        { "a token", "{\"access_token\":\"abc\",\"expires_in\":1800}", null },
        { "a token with its length", "{\"access_token\":\"abc\",\"expires_in\":1800}", "40" },
        { "exactly the limit", "{\"access_token\":\"" + new string('a', 31) + "\",\"expires_in\":1}", null },
        { "one byte over the limit", "{\"access_token\":\"" + new string('a', 32) + "\",\"expires_in\":1}", null },
        { "a declared length over the limit", "{}", "5000" },
        { "a declared length under a body over the limit", "{\"access_token\":\"" + new string('a', 100) + "\"}", "10" },
        { "a declared empty body", "{\"access_token\":\"abc\"}", "0" },
        { "an empty body", "", null },
        { "not JSON", "<html>nope</html>", null },
        { "JSON of another shape", "[1,2,3]", null },
        { "truncated JSON", "{\"access_token\":\"ab", null },
        { "the literal null", "null", null },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task BothWaysToTheBytesEndTheSame(string name, string body, string? contentLength)
    {
        string inMemory = await OutcomeAsync(new ByteArrayContent(Encoding.UTF8.GetBytes(body)), contentLength);
        string streamed = await OutcomeAsync(new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))), contentLength);

        Assert.True(inMemory == streamed, $"{name}: in memory → {inMemory}; streamed → {streamed}");
    }

    [Fact]
    public void TheCasesReachBothPaths()
    {
        // Guards the theory above against comparing a path with itself: a stream-only content must not be read in place.
        var streamed = new StreamContent(new MemoryStream("1"u8.ToArray()));
        Assert.False(InMemoryContent.TryGetBytes(streamed, out _));
        Assert.True(InMemoryContent.TryGetBytes(new ByteArrayContent("1"u8.ToArray()), out _));
    }

    [Fact]
    public async Task ContentDerivedFromByteArrayContentIsReadThroughItsStreamAndReadsTheSame()
    {
        // FormUrlEncodedContent derives from ByteArrayContent: only the exact types are read in place, any other reads
        // as it always has, and the answer is the same either way.
        var derived = new FormUrlEncodedContent([new("access_token", "abc")]);
        derived.Headers.ContentType = null; // labelled as JSON below, like the in-place one, so only the path differs
        Assert.False(InMemoryContent.TryGetBytes(derived, out _));

        string viaStream = await OutcomeAsync(derived, contentLength: null);
        string inPlace = await OutcomeAsync(new ByteArrayContent("access_token=abc"u8.ToArray()), contentLength: null);

        Assert.Equal(inPlace, viaStream);
        Assert.StartsWith(nameof(TokenApiContentException), viaStream, StringComparison.Ordinal); // form text is not JSON
    }

    private static async Task<string> OutcomeAsync(HttpContent content, string? contentLength)
    {
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        if (contentLength is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Length", contentLength);
        }

        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, content, HttpMethod.Post, "https://host/v1/token");
        try
        {
            TokenModel? model = await ResponseReader.ReadNullableJsonAsync(response, TestJsonContext.Default.TokenModel, Limit, CancellationToken.None);
            return model is null ? "null" : $"token {model.AccessToken} expires in {model.ExpiresIn}";
        }
        catch (TokenApiContentException exception)
        {
            return $"{exception.GetType().Name} {exception.Problem}: {exception.Message}";
        }
        catch (Exception exception)
        {
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }
}
