using System;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using TokenGen.Benchmarks.Calls.HandWritten;
using TokenGen.Benchmarks.Calls.RestEasePeer;
using TokenGen.Clients.Esper;
using TokenGen.Emulator;

namespace TokenGen.Benchmarks.Calls;

/// <summary>
/// One call over real loopback HTTP to the emulator (Kestrel on 127.0.0.1): Esper's token information, which changes no
/// state on the server, so any number of calls leave it as it was. Here the socket, Kestrel and the emulator's handler
/// are part of every call, which shows how small the client's share of a real call is.
/// </summary>
[BenchmarkCategory("Loopback")]
public class LoopbackTokenInfo
{
    private EmulatorHost _emulator = null!;
    private SocketsHttpHandler _handler = null!;
    private HttpClient _httpClient = null!;
    private string _authorization = null!;
    private IEsperTokens _tokenGen = null!;
    private HandWrittenEsper _handWritten = null!;
    private IRestEaseEsper _restEase = null!;
    private IRestEaseEsper _restEaseStj = null!;

    // Synchronous, because BenchmarkDotNet's in-process toolchain (the quick run's) does not await an async setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _emulator = await EmulatorHost.StartAsync();
        _handler = new SocketsHttpHandler();
        _httpClient = new HttpClient(_handler) { BaseAddress = _emulator.EsperBaseAddress };
        _authorization = "Bearer " + _emulator.Credentials.EsperApiKey;
        _tokenGen = IEsperTokens.Create(_httpClient);
        _handWritten = new HandWrittenEsper(_httpClient);
        _restEase = RestEaseClients.CreateWithJsonNet<IRestEaseEsper>(_httpClient);
        _restEaseStj = RestEaseClients.CreateWithSourceGeneratedJson<IRestEaseEsper>(_httpClient, EsperJsonContext.Default);

        // Each client reads the emulator's answer about the demo key the same way.
        string expectedUser = _emulator.Credentials.EsperUserId;
        foreach (var (name, answer) in new[] { ("TokenGen", await TokenGen()), ("HandWritten", await HandWritten()), ("RestEase", await RestEase()), ("RestEaseStj", await RestEaseStj()) })
        {
            if (answer.Token != _emulator.Credentials.EsperApiKey || answer.User != expectedUser || answer.Scope is not { Count: > 0 } || answer.ExpiresOn is null)
            {
                throw new InvalidOperationException($"{name} read the emulator's token information wrong: token {answer.Token}, user {answer.User}.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task CleanupAsync()
    {
        _httpClient.Dispose();
        await _emulator.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<TokenInfoV1> HandWritten() => _handWritten.GetTokenInfoAsync(_authorization);

    [Benchmark]
    public Task<TokenInfoV1> TokenGen() => _tokenGen.GetTokenInfoAsync(_authorization);

    [Benchmark]
    public Task<TokenInfoV1> RestEase() => _restEase.GetTokenInfoAsync(_authorization);

    [Benchmark]
    public Task<TokenInfoV1> RestEaseStj() => _restEaseStj.GetTokenInfoAsync(_authorization);
}
