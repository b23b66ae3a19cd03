using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace TokenGen;

/// <summary>
/// The handler of the <see cref="HttpClient"/> a client registered by <c>AddTokenApiClient</c> is built on: it sends each
/// request through the factory's current handler pipeline of the client's name, looked up at that moment.
/// </summary>
/// <remarks>
/// <see cref="IHttpClientFactory.CreateClient(string)"/> fixes the pipeline an <see cref="HttpClient"/> uses when the client
/// is created, so a client kept for long — by a <see cref="TokenSession"/>, a singleton for the container's life — would
/// keep its first primary handler, and its pooled connections would never see a DNS change. Looking the pipeline up per
/// request lets the factory's handler rotation (<c>SetHandlerLifetime</c>, two minutes by default) reach such a client:
/// after each rotation its requests go through a new primary handler with new connections. The lookup is the factory's
/// cache read, and the factory, not this handler, disposes the pipelines once no request holds them.
/// </remarks>
internal sealed class FactoryPipelineHandler : HttpMessageHandler
{
    private readonly IHttpMessageHandlerFactory _pipelines;
    private readonly string _name;

    private FactoryPipelineHandler(IHttpMessageHandlerFactory pipelines, string name)
    {
        _pipelines = pipelines;
        _name = name;
    }

    /// <summary>
    /// An <see cref="HttpClient"/> named <paramref name="name"/> as <see cref="IHttpClientFactory.CreateClient(string)"/>
    /// would configure it (its <c>ConfigureHttpClient</c> actions applied), sending through the current pipeline per request.
    /// </summary>
    public static HttpClient CreateClient(
        IHttpMessageHandlerFactory pipelines, IOptionsMonitor<HttpClientFactoryOptions> factoryOptions, string name)
    {
        var client = new HttpClient(new FactoryPipelineHandler(pipelines, name), disposeHandler: true);
        foreach (Action<HttpClient> configure in factoryOptions.Get(name).HttpClientActions)
        {
            configure(client);
        }

        return client;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Current().SendAsync(request, cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Current().Send(request, cancellationToken);

    // An invoker that does not dispose the pipeline: the factory owns it and disposes it after it expires.
    private HttpMessageInvoker Current() => new(_pipelines.CreateHandler(_name), disposeHandler: false);
}
