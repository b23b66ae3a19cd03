using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TokenGen.Extensions.Http.Tests.Redirects;

/// <summary>What one request to a <see cref="LoopbackOrigin"/> carried: everything a leak could be found in.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The whole request as text, to search for a secret in.</summary>
    public string AllText => Method + " " + PathAndQuery + "\n" + string.Join("\n", Headers.Select(h => h.Key + ": " + h.Value)) + "\n\n" + Body;
}

/// <summary>
/// A real HTTP server on 127.0.0.1 with a port chosen at start, which records every request it receives and answers as
/// the test says. Two of them are two origins.
/// </summary>
internal sealed class LoopbackOrigin : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackOrigin(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public IReadOnlyCollection<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a server whose every request is recorded, then answered by <paramref name="answer"/>.</summary>
    public static async Task<LoopbackOrigin> StartAsync(Func<HttpContext, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackOrigin? origin = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            string body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            origin!._requests.Enqueue(new RecordedRequest(
                context.Request.Method, context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent(), headers, body));
            await answer(context);
        });

        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        origin = new LoopbackOrigin(app, new Uri(address).Port);
        return origin;
    }

    /// <summary>The requests whose path and query contain <paramref name="marker"/>.</summary>
    public RecordedRequest[] RequestsMarked(string marker) =>
        Requests.Where(r => r.PathAndQuery.Contains(marker, StringComparison.Ordinal)).ToArray();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
