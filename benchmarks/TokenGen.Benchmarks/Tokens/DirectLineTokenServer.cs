using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Benchmarks.Tokens;

/// <summary>
/// An in-memory Direct Line token endpoint: each generate or refresh answers a new token (numbered, so callers can be
/// checked to share one), 30 minutes long, and counts itself. A refresh yields once before it answers, so it is still
/// in flight while the other callers arrive, as a request over the network would be.
/// </summary>
internal sealed class DirectLineTokenServer : HttpMessageHandler
{
    private int _generated;
    private int _refreshed;

    public int Generated => Volatile.Read(ref _generated);

    public int Refreshed => Volatile.Read(ref _refreshed);

    /// <summary>The token the n-th answer (counting generates and refreshes) carries.</summary>
    public static string TokenNumber(int n) => $"dl-token-{n}.Xq7ZkP2mV9sLr4TwH3fJ8qLw2ZpN6cVtT9gW4mRk7YbQ2xNs";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        bool refresh = request.RequestUri!.AbsolutePath.EndsWith("/refresh", StringComparison.Ordinal);
        if (refresh)
        {
            await Task.Yield();
            Interlocked.Increment(ref _refreshed);
        }
        else
        {
            Interlocked.Increment(ref _generated);
        }

        string token = TokenNumber(Generated + Refreshed);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent($$"""{"conversationId":"conv-1","token":"{{token}}","expires_in":1800}""", System.Text.Encoding.UTF8, "application/json"),
        };
    }
}
