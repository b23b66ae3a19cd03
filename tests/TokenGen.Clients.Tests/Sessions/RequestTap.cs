using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.Tests.Sessions;

/// <summary>One request a session sent: its path and, when it had one, its body as text.</summary>
internal sealed record TappedRequest(string Path, string? Body);

/// <summary>
/// The first handler of a session's <see cref="HttpClient"/>: it records every request the session sends, and while
/// <see cref="Hold"/> is in force it keeps them from leaving until <see cref="Release"/>. Holding is how a test makes a
/// thousand callers overlap one request for certain: the request cannot complete before every caller has asked.
/// </summary>
internal sealed class RequestTap(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<TappedRequest> _requests = new();
    private TaskCompletionSource _released = Released();

    public RequestTap()
        : this(new HttpClientHandler())
    {
    }

    /// <summary>Every request so far, in the order they were sent.</summary>
    public TappedRequest[] Requests => _requests.ToArray();

    /// <summary>Keeps requests from here on waiting until <see cref="Release"/>.</summary>
    public void Hold() => Volatile.Write(ref _released, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Lets the held requests, and all later ones, go.</summary>
    public void Release() => Volatile.Read(ref _released).TrySetResult();

    /// <summary>Forgets the requests recorded so far.</summary>
    public void Clear() => _requests.Clear();

    /// <summary>The recorded requests whose path ends with <paramref name="pathEnd"/>.</summary>
    public TappedRequest[] To(string pathEnd) =>
        Requests.Where(r => r.Path.EndsWith(pathEnd, StringComparison.Ordinal)).ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The generated clients send ByteArrayContent, which can be read here and still be sent.
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue(new TappedRequest(request.RequestUri!.AbsolutePath, body));
        await Volatile.Read(ref _released).Task.WaitAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }
}

/// <summary>
/// Adds <c>X-Emulator-Fault: &lt;fault&gt;</c> to requests whose path ends with <paramref name="pathEnd"/>: to the first
/// such request only, or (with <paramref name="every"/>) to all of them. Other requests pass untouched, so a test can
/// break one operation of a session and leave the rest working.
/// </summary>
internal sealed class FaultInjector(string pathEnd, string fault, bool every, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _injected;

    public FaultInjector(string pathEnd, string fault, bool every = false)
        : this(pathEnd, fault, every, new HttpClientHandler())
    {
    }

    /// <summary>How many requests carried the fault.</summary>
    public int Injected => Volatile.Read(ref _injected);

    /// <summary>Whether requests are faulted at all; off until a test has what it needs from the healthy service.</summary>
    public bool Armed { get; set; } = true;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Armed && request.RequestUri!.AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal)
            && (every ? Interlocked.Increment(ref _injected) > 0 : Interlocked.CompareExchange(ref _injected, 1, 0) == 0))
        {
            request.Headers.Add("X-Emulator-Fault", fault);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
