using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace TokenGen.Emulator.Tests;

public sealed class HostTests
{
    [Fact]
    public async Task Listens_on_loopback_with_a_chosen_port_and_one_prefix_per_api()
    {
        await using var h = await Harness.StartAsync();

        Assert.Equal("127.0.0.1", h.Host.BaseAddress.Host);
        Assert.NotEqual(0, h.Host.Port);
        Assert.Equal(new Uri(h.Host.BaseAddress, "directline/"), h.Host.DirectLineBaseAddress);
        Assert.Equal(new Uri(h.Host.BaseAddress, "banyan/api/"), h.Host.BanyanBaseAddress);
        Assert.Equal(new Uri(h.Host.BaseAddress, "esper/api/"), h.Host.EsperBaseAddress);
        Assert.Equal(new Uri(h.Host.BaseAddress, "runai/"), h.Host.RunAiBaseAddress);
        Assert.Equal(new Uri(h.Host.BaseAddress, "prowler/"), h.Host.ProwlerBaseAddress);
        Assert.Same(EmulatorCredentials.Demo, h.Credentials);
    }

    [Fact]
    public async Task Listens_on_the_port_it_is_given()
    {
        int free;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            free = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = free });

        Assert.Equal(new Uri($"http://127.0.0.1:{free}/"), host.BaseAddress);
    }

    [Fact]
    public async Task Two_emulators_run_side_by_side_with_separate_state()
    {
        await using var first = await Harness.StartAsync();
        await using var second = await Harness.StartAsync();
        Assert.NotEqual(first.Host.Port, second.Host.Port);

        var (_, issued, _) = await first.SendAsync(Harness.Post(new Uri(first.Host.DirectLineBaseAddress, "v3/directline/tokens/generate"), first.Credentials.DirectLineSecret));
        var token = issued.GetProperty("token").GetString();
        var (status, _, _) = await second.SendAsync(Harness.Post(new Uri(second.Host.DirectLineBaseAddress, "v3/directline/tokens/refresh"), token));

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task Stops_listening_once_disposed()
    {
        var host = await EmulatorHost.StartAsync();
        var address = host.BaseAddress;
        await host.DisposeAsync();
        await host.DisposeAsync();

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(new Uri(address, "runai/api/v1/token"), null));
    }

    [Fact]
    public async Task Counts_requests_per_route_faulted_and_refused_ones_included_and_resets()
    {
        await using var h = await Harness.StartAsync();
        var generate = new Uri(h.Host.DirectLineBaseAddress, "v3/directline/tokens/generate");

        await h.Http.SendAsync(Harness.Post(generate, h.Credentials.DirectLineSecret));
        await h.Http.SendAsync(Harness.Post(generate, "wrong"));
        await h.Http.SendAsync(Harness.Post(generate, h.Credentials.DirectLineSecret, fault: "status=503"));
        await h.Http.SendAsync(Harness.Post(new Uri(h.Host.ProwlerBaseAddress, "api/v1/tokens"), content: Harness.Json("{}")));

        Assert.Equal(3, h.Host.RequestCount(EmulatorRoutes.DirectLineGenerate));
        Assert.Equal(1, h.Host.RequestCount(EmulatorRoutes.ProwlerObtain));
        Assert.Equal(0, h.Host.RequestCount(EmulatorRoutes.DirectLineRefresh));
        Assert.Equal(EmulatorRoutes.All.Count, h.Host.RequestCounts().Count);
        Assert.Throws<ArgumentException>(() => h.Host.RequestCount("no-such-route"));

        h.Host.ResetRequestCounts();
        Assert.Equal(0, h.Host.RequestCount(EmulatorRoutes.DirectLineGenerate));
    }

    [Fact]
    public async Task Unknown_paths_under_an_api_prefix_get_that_apis_404_body()
    {
        await using var h = await Harness.StartAsync();

        var (status, body, _) = await h.SendAsync(Harness.Post(new Uri(h.Host.DirectLineBaseAddress, "v3/directline/conversations")));
        Assert.Equal(404, status);
        Assert.Equal("NotFound", body.GetProperty("error").GetProperty("code").GetString());

        (status, body, _) = await h.SendAsync(Harness.Get(new Uri(h.Host.EsperBaseAddress, "v1/devices/")));
        Assert.Equal(404, status);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Rejects_options_it_cannot_honour()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => EmulatorHost.StartAsync(new EmulatorOptions { Port = 70000 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => EmulatorHost.StartAsync(new EmulatorOptions { DirectLineTokenLifetime = TimeSpan.Zero }));
    }
}
