using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Contoso.Consumer;

/// <summary>
/// A one-endpoint OAuth token server on 127.0.0.1 with a free port, written on a raw socket so the consumer needs no
/// web framework. Each connection gets one answer and is closed. It checks every part of the request the generated
/// client builds and answers 400 with what was wrong, so a failure says why.
/// </summary>
public sealed class TokenServer : IAsyncDisposable
{
    public const string ClientId = "consumer app";
    public const string ClientSecret = "s3cr+t:1";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _issued;

    public TokenServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>How many tokens the server issued.</summary>
    public int Issued => Volatile.Read(ref _issued);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            using (client)
            {
                await AnswerAsync(client.GetStream());
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer, length)) < 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length));
            if (read == 0)
            {
                return;
            }

            length += read;
        }

        var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
        var lines = head.Split("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var contentLength = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value) : 0;
        var bodyStart = headEnd + 4;
        while (length < bodyStart + contentLength)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length));
            if (read == 0)
            {
                return;
            }

            length += read;
        }

        var body = Encoding.UTF8.GetString(buffer, bodyStart, contentLength);
        var (status, json) = Decide(lines[0], headers, body);
        var payload = Encoding.UTF8.GetBytes(json);
        var answer = $"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
        await stream.WriteAsync(payload);
    }

    private (string Status, string Json) Decide(string requestLine, Dictionary<string, string> headers, string body)
    {
        string? problem = null;
        if (requestLine != "POST /tenant-a/oauth2/token HTTP/1.1")
        {
            problem = "request line " + requestLine;
        }
        else if (!headers.TryGetValue("Content-Type", out var contentType) || !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal))
        {
            problem = "content type " + contentType;
        }
        else if (!headers.TryGetValue("Accept", out var accept) || accept != "application/json")
        {
            problem = "accept " + accept;
        }
        else if (body != "grant_type=client_credentials&scope=orders.read")
        {
            problem = "body " + body;
        }

        if (problem is not null)
        {
            return ("400 Bad Request", $"{{\"error\":\"invalid_request\",\"error_description\":\"unexpected {problem.Replace("\"", "'")}\"}}");
        }

        var expected = ClientSecretBasic.Format(ClientId, ClientSecret);
        if (!headers.TryGetValue("Authorization", out var authorization) || authorization != expected)
        {
            return ("401 Unauthorized", "{\"error\":\"invalid_client\",\"error_description\":\"unknown client\"}");
        }

        var number = Interlocked.Increment(ref _issued);
        return ("200 OK", $"{{\"access_token\":\"at-{number}\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"orders.read\"}}");
    }

    private static int IndexOfHeadEnd(byte[] buffer, int length) =>
        buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
