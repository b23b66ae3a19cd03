using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Emulator.Tests;

public sealed class FaultTests
{
    private static HttpRequestMessage Generate(Harness h, string fault) =>
        Harness.Post(new Uri(h.Host.DirectLineBaseAddress, "v3/directline/tokens/generate"), h.Credentials.DirectLineSecret, fault: fault);

    [Fact]
    public async Task Status_with_retry_after_answers_that_status_and_header_without_running_the_operation()
    {
        await using var h = await Harness.StartAsync();

        var (status, body, response) = await h.SendAsync(Harness.Post(new Uri(h.Host.BanyanBaseAddress, "v1/refresh_token"),
            h.Credentials.BanyanRefreshToken, fault: "status=429;retry-after=2"));

        Assert.Equal(429, status);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.Equal(429, body.GetProperty("error_code").GetInt32());
        Assert.False(body.TryGetProperty("Message", out var message) && message.GetString()!.Contains('.', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_503_answers_503_with_the_apis_error_body()
    {
        await using var h = await Harness.StartAsync();

        var (status, body, response) = await h.SendAsync(Generate(h, "status=503"));

        Assert.Equal(503, status);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal("ServiceUnavailable", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Delay_holds_the_answer_so_a_client_that_gives_up_first_is_cancelled()
    {
        await using var h = await Harness.StartAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Http.SendAsync(Generate(h, "delay=30000"), cancel.Token));
        Assert.Equal(1, h.Host.RequestCount(EmulatorRoutes.DirectLineGenerate));
    }

    [Fact]
    public async Task The_default_fault_answers_every_request_that_carries_no_header_of_its_own()
    {
        await using var h = await Harness.StartAsync(o => o.DefaultFault = "status=503; retry-after=7");

        var (directLine, _, directLineResponse) = await h.SendAsync(Harness.Post(new Uri(h.Host.DirectLineBaseAddress, "v3/directline/tokens/generate"),
            h.Credentials.DirectLineSecret));
        var (banyan, banyanBody, _) = await h.SendAsync(Harness.Post(new Uri(h.Host.BanyanBaseAddress, "v1/refresh_token"), h.Credentials.BanyanRefreshToken));

        Assert.Equal(503, directLine);
        Assert.Equal(TimeSpan.FromSeconds(7), directLineResponse.Headers.RetryAfter?.Delta);
        Assert.Equal(503, banyan);
        Assert.Equal(503, banyanBody.GetProperty("error_code").GetInt32());
    }

    [Fact]
    public async Task A_requests_own_header_replaces_the_default_fault_and_an_empty_one_asks_for_none()
    {
        await using var h = await Harness.StartAsync(o => o.DefaultFault = "status=503");

        var (teapot, _, _) = await h.SendAsync(Generate(h, "status=418"));
        var (healthy, body, _) = await h.SendAsync(Generate(h, ""));

        Assert.Equal(418, teapot);
        Assert.Equal(200, healthy);
        Assert.Equal(1800, body.GetProperty("expires_in").GetInt32());
    }

    [Theory]
    [InlineData("status=200")]
    [InlineData("retry-after=2")]
    [InlineData("drop; malformed")]
    public async Task A_default_fault_the_header_would_refuse_stops_the_start(string fault)
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => EmulatorHost.StartAsync(new EmulatorOptions { DefaultFault = fault }));

        Assert.Equal(nameof(EmulatorOptions.DefaultFault), exception.ParamName);
        Assert.Contains("X-Emulator-Fault", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delay_then_answers_normally()
    {
        await using var h = await Harness.StartAsync();

        var (status, body, _) = await h.SendAsync(Generate(h, "delay=50"));

        Assert.Equal(200, status);
        Assert.Equal(1800, body.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Drop_resets_the_connection_mid_answer()
    {
        await using var h = await Harness.StartAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => h.Http.SendAsync(Generate(h, "drop")));

        // Read header-first, the reset shows either while reading the body or, if it overtakes the headers in the
        // socket buffer, already in SendAsync: never as a complete answer.
        var exception = await Record.ExceptionAsync(async () =>
        {
            using var response = await h.Http.SendAsync(Generate(h, "drop"), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(200, (int)response.StatusCode);
            await response.Content.ReadAsStringAsync();
        });
        Assert.True(exception is HttpRequestException or System.IO.IOException, $"expected a transport error, got {exception?.GetType().Name ?? "a complete answer"}");
    }

    [Fact]
    public async Task Truncate_sends_less_body_than_its_content_length_promises()
    {
        await using var h = await Harness.StartAsync();

        using var response = await h.Http.SendAsync(Generate(h, "truncate"), HttpCompletionOption.ResponseHeadersRead);
        var promised = response.Content.Headers.ContentLength;
        var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        var received = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(received))) > 0)
            {
                received += read;
            }
        }
        catch (HttpIOException)
        {
            // The connection closed before Content-Length bytes arrived.
        }

        Assert.NotNull(promised);
        Assert.True(received < promised, $"received {received} of {promised}");
        await Assert.ThrowsAsync<HttpRequestException>(() => h.Http.SendAsync(Generate(h, "truncate")));
    }

    [Fact]
    public async Task Malformed_answers_200_with_a_body_that_is_not_json()
    {
        await using var h = await Harness.StartAsync();

        using var response = await h.Http.SendAsync(Harness.Post(new Uri(h.Host.ProwlerBaseAddress, "api/v1/tokens"), fault: "malformed"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/vnd.api+json", response.Content.Headers.ContentType?.MediaType);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task A_status_fault_changes_no_state()
    {
        await using var h = await Harness.StartAsync();
        var uri = new Uri(h.Host.ProwlerBaseAddress, "api/v1/tokens");
        var (_, issued, _) = await h.SendAsync(Harness.Post(uri, content: Harness.Form(("email", h.Credentials.ProwlerEmail), ("password", h.Credentials.ProwlerPassword))));
        var refresh = issued.GetProperty("data").GetProperty("attributes").GetProperty("refresh").GetString()!;
        var refreshUri = new Uri(h.Host.ProwlerBaseAddress, "api/v1/tokens/refresh");

        var (faulted, _, _) = await h.SendAsync(Harness.Post(refreshUri, content: Harness.Form(("refresh", refresh)), fault: "status=500"));
        var (after, _, _) = await h.SendAsync(Harness.Post(refreshUri, content: Harness.Form(("refresh", refresh))));

        Assert.Equal(500, faulted);
        Assert.Equal(200, after);
    }

    [Theory]
    [InlineData("explode")]
    [InlineData("status=200")]
    [InlineData("status=abc")]
    [InlineData("retry-after=2")]
    [InlineData("drop;malformed")]
    public async Task An_unparseable_fault_header_is_a_plain_text_400(string fault)
    {
        await using var h = await Harness.StartAsync();

        using var response = await h.Http.SendAsync(Generate(h, fault));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Emulator-Fault", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_grammar_is_case_insensitive_and_ignores_spaces_and_empty_items()
    {
        Assert.True(Faults.TryParse(" Status = 429 ; RETRY-AFTER=3;; Delay=10 ", out var faults, out var error), error);
        Assert.Equal(429, faults.Status);
        Assert.Equal(3, faults.RetryAfterSeconds);
        Assert.Equal(10, faults.DelayMilliseconds);

        Assert.True(Faults.TryParse("delay=5;truncate", out faults, out _));
        Assert.True(faults.Truncate);
        Assert.True(Faults.TryParse(null, out faults, out _));
        Assert.Null(faults.Status);
    }
}
