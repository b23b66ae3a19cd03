using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace TokenGen.Emulator.Tests;

/// <summary>One emulator on a fake clock and a plain HttpClient pointed at it; disposed with the test.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private Harness(EmulatorHost host, FakeTimeProvider clock)
    {
        Host = host;
        Clock = clock;
        Http = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public EmulatorHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public EmulatorCredentials Credentials => Host.Credentials;

    public static async Task<Harness> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new EmulatorOptions { TimeProvider = clock };
        configure?.Invoke(options);
        return new Harness(await EmulatorHost.StartAsync(options), clock);
    }

    public static HttpRequestMessage Post(Uri uri, string? bearer = null, HttpContent? content = null, string? fault = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        Decorate(request, bearer, fault);
        return request;
    }

    public static HttpRequestMessage Get(Uri uri, string? bearer = null, string? fault = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        Decorate(request, bearer, fault);
        return request;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent JsonApi(string json) => new(json, Encoding.UTF8, "application/vnd.api+json");

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in fields)
        {
            pairs.Add(new KeyValuePair<string, string>(key, value));
        }

        return new FormUrlEncodedContent(pairs);
    }

    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return ((int)response.StatusCode, document.RootElement.Clone(), response);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }

    private static void Decorate(HttpRequestMessage request, string? bearer, string? fault)
    {
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (fault is not null)
        {
            request.Headers.Add("X-Emulator-Fault", fault);
        }
    }
}
