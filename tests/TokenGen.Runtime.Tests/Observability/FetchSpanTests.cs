using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace TokenGen.Runtime.Tests.Observability;

/// <summary>
/// The fetch span is current while the session's operations send their requests, so the HTTP client spans that
/// System.Net.Http emits are its children; the span itself is a child of the caller's span that started the flight.
/// </summary>
public sealed class FetchSpanTests : IDisposable
{
    private readonly TelemetryRecorder _recorder = new();
    private readonly string _name = TelemetryRecorder.UniqueName("span");

    public void Dispose() => _recorder.Dispose();

    [Fact]
    public async Task The_acquire_runs_under_the_fetch_span_which_is_a_child_of_the_callers_span()
    {
        Activity? seenByAcquire = null;
        await using var session = new TokenSession(
            _ =>
            {
                seenByAcquire = Activity.Current;
                return ValueTask.FromResult(new TokenResponseValues("SECRET-token-1", null, 3600, null));
            },
            options: new TokenSessionOptions { TimeProvider = new FakeTimeProvider(), Name = _name });

        using var source = new ActivitySource("TokenGen.Tests.Caller");
        using var callerListener = ListenTo(source.Name);
        using (Activity? caller = source.StartActivity("caller"))
        {
            await session.GetAccessTokenAsync();

            Activity fetch = Assert.Single(_recorder.SpansOf(_name));
            Assert.Same(fetch, seenByAcquire);
            Assert.Equal(caller!.SpanId, fetch.ParentSpanId);
            Assert.Same(caller, Activity.Current);
        }
    }

    [Fact]
    public async Task HttpClients_span_over_loopback_is_a_child_of_the_fetch_span()
    {
        using var server = new LoopbackTokenServer();
        using var httpClient = new HttpClient(new SocketsHttpHandler());
        await using var session = new TokenSession(
            async cancellationToken =>
            {
                using HttpResponseMessage response = await httpClient.GetAsync(server.Uri, cancellationToken);
                response.EnsureSuccessStatusCode();
                return new TokenResponseValues(await response.Content.ReadAsStringAsync(cancellationToken), null, 3600, null);
            },
            options: new TokenSessionOptions { Name = _name });

        await session.GetAccessTokenAsync();

        Activity fetch = Assert.Single(_recorder.SpansOf(_name));
        Activity http = Assert.Single(_recorder.Spans, s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == fetch.SpanId);
        Assert.Equal(ActivityKind.Client, http.Kind);
        Assert.Equal(fetch.TraceId, http.TraceId);

        // The server saw the HTTP span's context, so the trace continues across the wire.
        Assert.Contains(http.TraceId.ToHexString(), server.TraceParent, StringComparison.Ordinal);
    }

    private static ActivityListener ListenTo(string sourceName)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>A token endpoint on 127.0.0.1 at a port chosen at run time: answers every request with a token text.</summary>
    private sealed class LoopbackTokenServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task _serving;

        public LoopbackTokenServer()
        {
            _listener.Start();
            Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/token");
            _serving = ServeAsync();
        }

        public Uri Uri { get; }

        public string TraceParent { get; private set; } = string.Empty;

        public void Dispose()
        {
            _listener.Stop();
            _ = _serving.Exception;
        }

        private async Task ServeAsync()
        {
            while (true)
            {
                using TcpClient client = await _listener.AcceptTcpClientAsync();
                using NetworkStream stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                for (string? line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
                {
                    if (line.StartsWith("traceparent:", StringComparison.OrdinalIgnoreCase))
                    {
                        TraceParent = line;
                    }
                }

                byte[] answer = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 14\r\nConnection: close\r\n\r\nSECRET-token-1");
                await stream.WriteAsync(answer);
            }
        }
    }
}
