using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Extensions.Http.Tests;

/// <summary>What a downstream service saw: where the request went and the <c>Authorization</c> it carried, if any.</summary>
internal sealed record RecordedRequest(Uri Uri, string? Authorization);

/// <summary>
/// A stand-in for the downstream services, installed as the primary handler of a downstream client: it records every
/// request that reaches the wire and answers 200, so a test sees exactly which headers left the handler pipeline.
/// </summary>
internal sealed class RecordingHandler(ConcurrentQueue<RecordedRequest> log) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        log.Enqueue(new RecordedRequest(request.RequestUri!, request.Headers.Authorization?.ToString()));
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
    }
}
