using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using static TokenGen.Runtime.Tests.Resilience.ScriptedServer;

namespace TokenGen.Runtime.Tests.Resilience;

/// <summary>The body of the answer that goes up is read inside the handler, within its limit; what is larger goes up as it came.</summary>
public sealed class BufferingTests
{
    [Fact]
    public async Task The_answer_goes_up_with_its_body_in_memory_and_its_content_headers()
    {
        var clock = new VirtualClock();
        var body = TestStream.Of(Encoding.UTF8.GetBytes("{\"access_token\":\"x\"}"), chunkSize: 3);
        Step streamed = (_, request, _) =>
        {
            var content = new StreamingContent(body, "application/json");
            content.Headers.ContentType!.CharSet = "utf-8";
            content.Headers.Add("Content-Language", "en");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        };
        using var invoker = Pipeline.Create(new ScriptedServer(streamed), clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        // Read completely before the handler returned: nothing is left on the "connection".
        Assert.Equal(body.BytesServed, "{\"access_token\":\"x\"}".Length);
        Assert.IsType<ByteArrayContent>(response.Content);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("en", Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Equal(20, response.Content.Headers.ContentLength);
        Assert.Equal("{\"access_token\":\"x\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_that_announces_more_than_the_limit_is_not_read_and_goes_up_as_it_came()
    {
        var clock = new VirtualClock();
        var body = TestStream.Of(total: 64, fill: (byte)'a', chunkSize: 8);
        var content = new StreamingContent(body, "application/json", declaredLength: 64);
        Step large = (_, request, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        using var invoker = Pipeline.Create(new ScriptedServer(large), clock, o => o.MaxBufferedContentBytes = 32);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Same(content, response.Content);
        Assert.Equal(0, body.BytesServed);
    }

    [Fact]
    public async Task A_body_that_turns_out_larger_than_the_limit_goes_up_whole_and_unbuffered()
    {
        var clock = new VirtualClock();
        byte[] bytes = Enumerable.Range(0, 100).Select(i => (byte)('a' + (i % 26))).ToArray();
        var body = TestStream.Of(bytes, chunkSize: 7);
        var server = new ScriptedServer((_, request, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamingContent(body, "text/plain"),
            RequestMessage = request,
        }));
        using var invoker = Pipeline.Create(server, clock, o => o.MaxBufferedContentBytes = 10);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        // The handler stopped soon after the limit; the caller reads every byte, in order, as it would without the handler.
        Assert.True(body.BytesServed < bytes.Length);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_buffered()
    {
        var clock = new VirtualClock();
        var body = TestStream.Of(total: 10, fill: (byte)'z', chunkSize: 4);
        var server = new ScriptedServer((_, request, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamingContent(body),
            RequestMessage = request,
        }));
        using var invoker = Pipeline.Create(server, clock, o => o.MaxBufferedContentBytes = 10);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.IsType<ByteArrayContent>(response.Content);
        Assert.Equal("zzzzzzzzzz", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_HEAD_answer_keeps_its_content_as_it_came()
    {
        var clock = new VirtualClock();
        var body = TestStream.Of(total: 0, fill: 0, chunkSize: 1);
        var content = new StreamingContent(body, "application/json", declaredLength: 1234);
        var server = new ScriptedServer((_, request, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request }));
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(HttpMethod.Head), CancellationToken.None));

        Assert.Same(content, response.Content);
        Assert.Equal(1234, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Without_buffering_the_body_is_left_to_the_caller_and_a_reset_in_it_is_not_retried()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(ResetMidBody(), Ok());
        using var invoker = Pipeline.Create(server, clock, o => o.BufferResponseContent = false);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(1, server.Attempts);
        Stream body = await response.Content.ReadAsStreamAsync();
        await Assert.ThrowsAsync<IOException>(async () => await body.ReadExactlyAsync(new byte[16]));
    }

    [Fact]
    public async Task A_retried_answer_is_not_read_at_all()
    {
        var clock = new VirtualClock();
        var body = TestStream.Of(total: 16, fill: (byte)'e', chunkSize: 4);
        Step unavailable = (_, request, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
        {
            Content = new StreamingContent(body, "text/html"),
            RequestMessage = request,
        });
        using var invoker = Pipeline.Create(new ScriptedServer(unavailable, Ok()), clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.BytesServed);
    }

    [Fact]
    public async Task A_503_that_goes_up_is_buffered_too_so_its_error_body_can_be_read()
    {
        var clock = new VirtualClock();
        var body = TestStream.Of(Encoding.UTF8.GetBytes("{\"error\":\"busy\"}"), chunkSize: 5);
        Step unavailable = (_, request, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            {
                Content = new StreamingContent(body),
                RequestMessage = request,
            };
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1));
            return Task.FromResult(response);
        };
        using var invoker = Pipeline.Create(new ScriptedServer(unavailable), clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(), CancellationToken.None));

        Assert.IsType<ByteArrayContent>(response.Content);
        Assert.Equal("{\"error\":\"busy\"}", await response.Content.ReadAsStringAsync());
    }
}
