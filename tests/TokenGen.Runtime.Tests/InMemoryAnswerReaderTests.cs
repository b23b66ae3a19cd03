using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests;

/// <summary>
/// A body already in memory (a <see cref="ByteArrayContent"/> or <see cref="StringContent"/>, as the resilience handler
/// buffers answers and in-memory handlers send them) is read from the content's own array, not through a stream. These
/// check that the outcome is the one the stream gave: the same values, limits and exceptions, and the content untouched.
/// </summary>
public sealed class InMemoryAnswerReaderTests
{
    private const string Json = "{\"access_token\":\"abc\",\"expires_in\":1800}";

    [Fact]
    public async Task ASegmentOfALargerArrayIsReadAsItsOwnBytes()
    {
        byte[] json = Encoding.UTF8.GetBytes(Json);
        byte[] array = [.. "garbage["u8.ToArray(), .. json, .. "]garbage"u8.ToArray()];
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new ByteArrayContent(array, 8, json.Length));

        TokenModel model = await ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, 1024, CancellationToken.None);

        Assert.Equal("abc", model.AccessToken);
        Assert.Equal(1800, model.ExpiresIn);
    }

    [Fact]
    public async Task StringContentIsReadInItsCharset()
    {
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new StringContent("\"h\u00E9\"", Encoding.UTF8, "application/json"));

        string value = await ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.String, 1024, CancellationToken.None);

        Assert.Equal("h\u00E9", value);
    }

    [Fact]
    public async Task TheContentKeepsItsBytesAndCanBeReadAgain()
    {
        // A rented buffer is cleared after a read; bytes borrowed from the content must not be.
        byte[] body = Encoding.UTF8.GetBytes(Json);
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new ByteArrayContent(body));

        await ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, 1024, CancellationToken.None);
        TokenModel again = await ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, 1024, CancellationToken.None);

        Assert.Equal("abc", again.AccessToken);
        Assert.Equal(Json, Encoding.UTF8.GetString(body));
        Assert.Equal(Json, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AComputedLengthIsNotStoredInTheHeaders()
    {
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new ByteArrayContent(Encoding.UTF8.GetBytes(Json)));

        await ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, 1024, CancellationToken.None);

        // Asking the getter would have stored it; the headers still say only what the handler put there.
        Assert.False(response.Content.Headers.NonValidated.Contains("Content-Length"));
        Assert.Equal(Json.Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task ABodyOverTheLimitIsTooLargeAndNamesItsLength()
    {
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new ByteArrayContent(new byte[2000]));

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.Int32, 1000, CancellationToken.None).AsTask());

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        Assert.Contains("1000", exception.Message, StringComparison.Ordinal);
        Assert.Contains("2000", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyOfExactlyTheLimitIsRead()
    {
        string json = "\"" + new string('a', 998) + "\"";
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new ByteArrayContent(Encoding.UTF8.GetBytes(json)));

        string value = await ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.String, 1000, CancellationToken.None);

        Assert.Equal(998, value.Length);
    }

    [Fact]
    public async Task ADeclaredLengthOverTheLimitIsTooLargeWithTheDeclaredLength()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("1"));
        content.Headers.ContentLength = 5000;
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, content);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.Int32, 1000, CancellationToken.None).AsTask());

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        Assert.Contains("5000", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeclaredLengthUnderTheBodyDoesNotLiftTheLimit()
    {
        var content = new ByteArrayContent(new byte[2000]);
        content.Headers.TryAddWithoutValidation("Content-Length", "10");
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, content);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.Int32, 1000, CancellationToken.None).AsTask());

        Assert.Equal(TokenApiContentProblem.TooLarge, exception.Problem);
        Assert.DoesNotContain("2000", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeclaredEmptyBodyIsEmptyWhateverTheArrayHolds()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("42"));
        content.Headers.ContentLength = 0;
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, content);

        var exception = await Assert.ThrowsAsync<TokenApiContentException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.Int32, 1000, CancellationToken.None).AsTask());
        Assert.Equal(TokenApiContentProblem.Empty, exception.Problem);
    }

    [Fact]
    public async Task AnEmptyArrayIsAnEmptyBody()
    {
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new ByteArrayContent([]));

        string? value = await ResponseReader.ReadNullableJsonAsync(response, TestJsonContext.Default.String, 1000, CancellationToken.None);

        Assert.Null(value);
    }

    [Fact]
    public async Task ADisposedContentFailsAsItsStreamWould()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Json));
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, content);
        content.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, 1024, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task ACanceledReadIsCanceledBeforeTheBytesAreTaken()
    {
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, new ByteArrayContent(Encoding.UTF8.GetBytes(Json)));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, 1024, cancellation.Token).AsTask());
    }

    [Fact]
    public async Task ADerivedContentThatWritesInPiecesIsReadThroughItsStream()
    {
        var content = new PiecewiseContent(Encoding.UTF8.GetBytes(Json));
        using HttpResponseMessage response = Responses.Create(HttpStatusCode.OK, content);

        TokenModel model = await ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, 1024, CancellationToken.None);

        Assert.Equal("abc", model.AccessToken);
        Assert.Equal(1, content.StreamRequests);
        Assert.Equal(0, content.CopyRequests);
    }

    [Fact]
    public void OnlyByteArrayAndStringContentHandTheirBytesOver()
    {
        Assert.True(InMemoryContent.TryGetBytes(new ByteArrayContent([1, 2, 3], 1, 2), out ArraySegment<byte> bytes));
        Assert.Equal(new byte[] { 2, 3 }, bytes.ToArray());
        Assert.True(InMemoryContent.TryGetBytes(new StringContent("ab"), out bytes));
        Assert.Equal("ab"u8.ToArray(), bytes.ToArray());

        Assert.False(InMemoryContent.TryGetBytes(new PiecewiseContent([1]), out _));
        Assert.False(InMemoryContent.TryGetBytes(new ReadOnlyMemoryContent(new byte[] { 1 }), out _));
        Assert.False(InMemoryContent.TryGetBytes(new StreamContent(new MemoryStream([1])), out _));
    }

    [Fact]
    public async Task ThreadsReadingAtOnceEachGetTheirOwnBytes()
    {
        // The destination that takes the bytes is kept per thread: reads on many threads must not see each other's.
        const int Readers = 8;
        var tasks = new Task[Readers];
        for (int reader = 0; reader < Readers; reader++)
        {
            int expected = reader;
            tasks[reader] = Task.Run(async () =>
            {
                for (int i = 0; i < 500; i++)
                {
                    using HttpResponseMessage response = Responses.Create(
                        HttpStatusCode.OK, new StringContent("{\"expires_in\":" + expected.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}"));
                    TokenModel model = await ResponseReader.ReadJsonAsync(response, TestJsonContext.Default.TokenModel, 1024, CancellationToken.None);
                    Assert.Equal(expected, model.ExpiresIn);
                }
            });
        }

        await Task.WhenAll(tasks);
    }

    /// <summary>A content derived from <see cref="ByteArrayContent"/> that writes its bytes one at a time.</summary>
    private sealed class PiecewiseContent(byte[] body) : ByteArrayContent(body)
    {
        private readonly byte[] _body = body;

        public int StreamRequests { get; private set; }

        public int CopyRequests { get; private set; }

        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
        {
            StreamRequests++;
            return base.CreateContentReadStreamAsync(cancellationToken);
        }

        protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            CopyRequests++;
            foreach (byte b in _body)
            {
                stream.WriteByte(b);
            }
        }
    }
}
