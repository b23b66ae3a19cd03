using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using static TokenGen.Runtime.Tests.Resilience.ScriptedServer;

namespace TokenGen.Runtime.Tests.Resilience;

/// <summary>Which requests may be sent more than once: the operation's declaration, the method, the content.</summary>
public sealed class RetryableRequestTests
{
    [Fact]
    public async Task An_operation_declared_not_retryable_is_sent_once_and_its_503_reaches_the_caller()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(HttpMethod.Get, retryable: false), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task An_operation_declared_not_retryable_whose_answer_is_lost_gets_the_failure()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(ResetMidBody(), Ok());
        using var invoker = Pipeline.Create(server, clock);

        var thrown = await clock.RunToThrowAsync<HttpRequestException>(invoker.SendAsync(Pipeline.Request(retryable: false), CancellationToken.None));

        Assert.IsType<IOException>(thrown.InnerException);

        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task An_operation_declared_retryable_is_retried_whatever_its_method()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(HttpMethod.Post, retryable: true), CancellationToken.None));

        Assert.Equal(2, server.Attempts);
    }

    [Theory]
    [InlineData("GET", 2)]
    [InlineData("HEAD", 2)]
    [InlineData("OPTIONS", 2)]
    [InlineData("PUT", 2)]
    [InlineData("DELETE", 2)]
    [InlineData("POST", 1)]
    [InlineData("PATCH", 1)]
    public async Task Without_a_declaration_only_idempotent_methods_are_retried(string method, int attempts)
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(new HttpMethod(method), retryable: null), CancellationToken.None));

        Assert.Equal(attempts, server.Attempts);
    }

    public static TheoryData<string, HttpContent> ReplayableContents() => new()
    {
        { "string", new StringContent("{\"grant_type\":\"client_credentials\"}", Encoding.UTF8, "application/json") },
        { "form", new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]) },
        { "memory", new ReadOnlyMemoryContent(Encoding.UTF8.GetBytes("renew")) },
        { "multipart", new MultipartFormDataContent { { new StringContent("client_credentials"), "grant_type" } } },
    };

    [Theory]
    [MemberData(nameof(ReplayableContents))]
    public async Task Content_that_can_be_sent_again_is_sent_again_with_the_same_bytes(string kind, HttpContent content)
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(ConnectionFailure(), Ok());
        using var invoker = Pipeline.Create(server, clock);

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(content: content), CancellationToken.None));

        Assert.Equal(2, server.Attempts);
        Assert.False(string.IsNullOrEmpty(server.Bodies[0]), kind);
        Assert.Equal(server.Bodies[0], server.Bodies[1]);
    }

    [Fact]
    public async Task Content_read_from_a_stream_is_sent_once()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(Status(HttpStatusCode.ServiceUnavailable), Ok());
        using var invoker = Pipeline.Create(server, clock);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("once")));

        using var response = await clock.RunAsync(invoker.SendAsync(Pipeline.Request(HttpMethod.Put, retryable: true, content), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task Multipart_content_with_a_streamed_part_is_sent_once()
    {
        var clock = new VirtualClock();
        var server = new ScriptedServer(ConnectionFailure(), Ok());
        using var invoker = Pipeline.Create(server, clock);
        var content = new MultipartFormDataContent
        {
            { new StringContent("x"), "field" },
            { new StreamContent(new MemoryStream([1, 2, 3])), "file", "file.bin" },
        };

        await clock.RunToThrowAsync<HttpRequestException>(invoker.SendAsync(Pipeline.Request(content: content), CancellationToken.None));

        Assert.Equal(1, server.Attempts);
    }
}
