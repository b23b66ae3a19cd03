using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using TokenGen.Benchmarks.Calls.HandWritten;
using TokenGen.Benchmarks.Calls.RefitPeer;
using TokenGen.Benchmarks.Calls.RestEasePeer;
using TokenGen.Clients.Banyan;
using TokenGen.Clients.DirectLine;
using TokenGen.Clients.Esper;
using Prowler = TokenGen.Clients.Prowler;
using RunAi = TokenGen.Clients.RunAi;

// One class per API, one operation each, with the same six methods: Tight, the tightest careful hand-written code, is
// the baseline, so the Ratio column reads "this costs so much of the floor"; Idiomatic is hand-written code as most
// write it (JsonContent, ReadFromJsonAsync); Refit 16.4 with its generated stub and the API's own source-generated
// context is the modern peer; RestEase as it ships (Json.NET) and RestEaseStj (RestEase given the same contexts) the
// reflection-era one.
namespace TokenGen.Benchmarks.Calls;

/// <summary>Direct Line: generate a token, with a JSON body (the user and trusted origins) and a bearer secret.</summary>
[BenchmarkCategory("PerCall")]
public class DirectLineGenerateToken : CallBenchmark
{
    private static readonly string s_token = SampleValues.Jwt(1, 720);
    private readonly string _authorization = "Bearer " + SampleValues.Jwt(2, 48);
    private readonly TokenParameters _parameters = new()
    {
        User = new ChannelAccount { Id = "dl_user-42", Name = "Ada" },
        TrustedOrigins = ["https://contoso.example"],
    };

    private IDirectLineTokens _tokenGen = null!;
    private TightDirectLine _tight = null!;
    private HandWrittenDirectLine _idiomatic = null!;
    private RefitPeer.IRefitDirectLine _refit = null!;
    private RestEasePeer.IRestEaseDirectLine _restEase = null!;
    private RestEasePeer.IRestEaseDirectLine _restEaseStj = null!;

    // Synchronous, because BenchmarkDotNet's in-process toolchain (the quick run's) does not await an async setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        Answer($$"""{"conversationId":"8X5a3wFqZ1C-eu","token":"{{s_token}}","expires_in":1800}""", "application/json; charset=utf-8");
        const string baseAddress = "https://directline.botframework.com/";
        _tokenGen = IDirectLineTokens.Create(CreateHttpClient(baseAddress));
        _tight = new TightDirectLine(CreateHttpClient(baseAddress));
        _idiomatic = new HandWrittenDirectLine(CreateHttpClient(baseAddress));
        _refit = RefitClients.Create<RefitPeer.IRefitDirectLine>(CreateHttpClient(baseAddress), DirectLineJsonContext.Default);
        _restEase = RestEaseClients.CreateWithJsonNet<RestEasePeer.IRestEaseDirectLine>(CreateHttpClient(baseAddress));
        _restEaseStj = RestEaseClients.CreateWithSourceGeneratedJson<RestEasePeer.IRestEaseDirectLine>(CreateHttpClient(baseAddress), DirectLineJsonContext.Default);

        await VerifyAsync(
            "POST https://directline.botframework.com/v3/directline/tokens/generate",
            (client, conversation) =>
            {
                Expect(client, "conversationId", "8X5a3wFqZ1C-eu", conversation.ConversationId);
                Expect(client, "token", s_token, conversation.Token);
                Expect(client, "expires_in", 1800L, conversation.ExpiresIn);
            },
            ("TokenGen", TokenGen), ("Tight", Tight), ("Idiomatic", Idiomatic), ("Refit", Refit), ("RestEase", RestEase), ("RestEaseStj", RestEaseStj));
    }

    [Benchmark(Baseline = true)]
    public Task<Conversation> Tight() => _tight.GenerateTokenAsync(_authorization, _parameters);

    [Benchmark]
    public Task<Conversation> Idiomatic() => _idiomatic.GenerateTokenAsync(_authorization, _parameters);

    [Benchmark]
    public Task<Conversation> Refit() => _refit.GenerateTokenAsync(_authorization, _parameters);

    [Benchmark]
    public Task<Conversation> TokenGen() => _tokenGen.GenerateTokenAsync(_authorization, _parameters);

    [Benchmark]
    public Task<Conversation> RestEase() => _restEase.GenerateTokenAsync(_authorization, _parameters);

    [Benchmark]
    public Task<Conversation> RestEaseStj() => _restEaseStj.GenerateTokenAsync(_authorization, _parameters);
}

/// <summary>Banyan v1: an access token for a refresh token; no body, a bearer header, a one-member answer.</summary>
[BenchmarkCategory("PerCall")]
public class BanyanRefreshToken : CallBenchmark
{
    private static readonly string s_accessToken = SampleValues.Jwt(3, 640);
    private readonly string _authorization = "Bearer " + SampleValues.Jwt(4, 360);

    private IBanyanTokens _tokenGen = null!;
    private TightBanyan _tight = null!;
    private HandWrittenBanyan _idiomatic = null!;
    private RefitPeer.IRefitBanyan _refit = null!;
    private RestEasePeer.IRestEaseBanyan _restEase = null!;
    private RestEasePeer.IRestEaseBanyan _restEaseStj = null!;

    // Synchronous, because BenchmarkDotNet's in-process toolchain (the quick run's) does not await an async setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        Answer($$"""{"Message":"{{s_accessToken}}"}""", "application/json");
        const string baseAddress = "https://net.banyanops.com/api/";
        _tokenGen = IBanyanTokens.Create(CreateHttpClient(baseAddress));
        _tight = new TightBanyan(CreateHttpClient(baseAddress));
        _idiomatic = new HandWrittenBanyan(CreateHttpClient(baseAddress));
        _refit = RefitClients.Create<RefitPeer.IRefitBanyan>(CreateHttpClient(baseAddress), BanyanJsonContext.Default);
        _restEase = RestEaseClients.CreateWithJsonNet<RestEasePeer.IRestEaseBanyan>(CreateHttpClient(baseAddress));
        _restEaseStj = RestEaseClients.CreateWithSourceGeneratedJson<RestEasePeer.IRestEaseBanyan>(CreateHttpClient(baseAddress), BanyanJsonContext.Default);

        await VerifyAsync(
            "POST https://net.banyanops.com/api/v1/refresh_token",
            (client, answer) => Expect(client, "Message", s_accessToken, answer.Message),
            ("TokenGen", TokenGen), ("Tight", Tight), ("Idiomatic", Idiomatic), ("Refit", Refit), ("RestEase", RestEase), ("RestEaseStj", RestEaseStj));
    }

    [Benchmark(Baseline = true)]
    public Task<RefreshTokenV1Response> Tight() => _tight.RefreshTokenAsync(_authorization);

    [Benchmark]
    public Task<RefreshTokenV1Response> Idiomatic() => _idiomatic.RefreshTokenAsync(_authorization);

    [Benchmark]
    public Task<RefreshTokenV1Response> Refit() => _refit.RefreshTokenAsync(_authorization);

    [Benchmark]
    public Task<RefreshTokenV1Response> TokenGen() => _tokenGen.RefreshTokenAsync(_authorization);

    [Benchmark]
    public Task<RefreshTokenV1Response> RestEase() => _restEase.RefreshTokenAsync(_authorization);

    [Benchmark]
    public Task<RefreshTokenV1Response> RestEaseStj() => _restEaseStj.RefreshTokenAsync(_authorization);
}

/// <summary>Esper: renew a token; two route values, a query value that is itself a token, an answer with dates.</summary>
[BenchmarkCategory("PerCall")]
public class EsperRenewToken : CallBenchmark
{
    private const string EnterpriseId = "5b7a3c2e-1d4f-4e6a-9b8c-0f1e2d3c4b5a";
    private const string DeveloperAppId = "8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static readonly string s_renewedToken = SampleValues.Jwt(5, 40);
    private readonly string _authorization = "Bearer " + SampleValues.Jwt(6, 40);
    private readonly string _accessToken = SampleValues.Jwt(7, 40);

    private IEsperTokens _tokenGen = null!;
    private TightEsper _tight = null!;
    private HandWrittenEsper _idiomatic = null!;
    private RefitPeer.IRefitEsper _refit = null!;
    private RestEasePeer.IRestEaseEsper _restEase = null!;
    private RestEasePeer.IRestEaseEsper _restEaseStj = null!;

    // Synchronous, because BenchmarkDotNet's in-process toolchain (the quick run's) does not await an async setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        Answer(
            $$"""{"id":"71","user":"7d2c9a41-3e5b-4f60-8a71-b2c3d4e5f607","enterprise":"{{EnterpriseId}}","token":"{{s_renewedToken}}","expires_at":"2026-12-16T12:00:00Z","developerapp":"{{DeveloperAppId}}","scope":"read write","created_on":"2026-12-02T12:00:00Z","updated_on":"2026-12-02T12:00:00Z"}""",
            "application/json");
        const string baseAddress = "https://acme-api.esper.cloud/api/";
        _tokenGen = IEsperTokens.Create(CreateHttpClient(baseAddress));
        _tight = new TightEsper(CreateHttpClient(baseAddress));
        _idiomatic = new HandWrittenEsper(CreateHttpClient(baseAddress));
        _refit = RefitClients.Create<RefitPeer.IRefitEsper>(CreateHttpClient(baseAddress), EsperJsonContext.Default);
        _restEase = RestEaseClients.CreateWithJsonNet<RestEasePeer.IRestEaseEsper>(CreateHttpClient(baseAddress));
        _restEaseStj = RestEaseClients.CreateWithSourceGeneratedJson<RestEasePeer.IRestEaseEsper>(CreateHttpClient(baseAddress), EsperJsonContext.Default);

        await VerifyAsync(
            $"POST https://acme-api.esper.cloud/api/v0/enterprise/{EnterpriseId}/developerapp/{DeveloperAppId}/renew-token/?access_token={_accessToken}",
            (client, answer) =>
            {
                Expect(client, "token", s_renewedToken, answer.Token);
                Expect(client, "expires_at", new DateTimeOffset(2026, 12, 16, 12, 0, 0, TimeSpan.Zero), answer.ExpiresAt);
                Expect(client, "scope", "read write", answer.Scope);
            },
            ("TokenGen", TokenGen), ("Tight", Tight), ("Idiomatic", Idiomatic), ("Refit", Refit), ("RestEase", RestEase), ("RestEaseStj", RestEaseStj));
    }

    [Benchmark(Baseline = true)]
    public Task<TokenRenewV0> Tight() => _tight.RenewTokenAsync(_authorization, EnterpriseId, DeveloperAppId, _accessToken);

    [Benchmark]
    public Task<TokenRenewV0> Idiomatic() => _idiomatic.RenewTokenAsync(_authorization, EnterpriseId, DeveloperAppId, _accessToken);

    [Benchmark]
    public Task<TokenRenewV0> Refit() => _refit.RenewTokenAsync(_authorization, EnterpriseId, DeveloperAppId, _accessToken);

    [Benchmark]
    public Task<TokenRenewV0> TokenGen() => _tokenGen.RenewTokenAsync(_authorization, EnterpriseId, DeveloperAppId, _accessToken);

    [Benchmark]
    public Task<TokenRenewV0> RestEase() => _restEase.RenewTokenAsync(_authorization, EnterpriseId, DeveloperAppId, _accessToken);

    [Benchmark]
    public Task<TokenRenewV0> RestEaseStj() => _restEaseStj.RenewTokenAsync(_authorization, EnterpriseId, DeveloperAppId, _accessToken);
}

/// <summary>Run:ai: grant a token for client credentials; a JSON body with a secret, four tokens in the answer.</summary>
[BenchmarkCategory("PerCall")]
public class RunAiGrantToken : CallBenchmark
{
    private static readonly string s_accessToken = SampleValues.Jwt(8, 900);
    private static readonly string s_idToken = SampleValues.Jwt(9, 1100);
    private static readonly string s_refreshToken = SampleValues.Jwt(10, 700);
    private readonly RunAi.TokenRequest _request = RunAi.TokenRequest.ForClientCredentials("runai-demo-client", "runai-demo-client-secret.K5vB8nQ3");

    private RunAi.IRunAiTokens _tokenGen = null!;
    private TightRunAi _tight = null!;
    private HandWrittenRunAi _idiomatic = null!;
    private RefitPeer.IRefitRunAi _refit = null!;
    private RestEasePeer.IRestEaseRunAi _restEase = null!;
    private RestEasePeer.IRestEaseRunAi _restEaseStj = null!;

    // Synchronous, because BenchmarkDotNet's in-process toolchain (the quick run's) does not await an async setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        Answer(
            $$"""{"accessToken":"{{s_accessToken}}","idToken":"{{s_idToken}}","refreshToken":"{{s_refreshToken}}","expiresIn":86400}""",
            "application/json");
        const string baseAddress = "https://app.run.ai/";
        _tokenGen = RunAi.IRunAiTokens.Create(CreateHttpClient(baseAddress));
        _tight = new TightRunAi(CreateHttpClient(baseAddress));
        _idiomatic = new HandWrittenRunAi(CreateHttpClient(baseAddress));
        _refit = RefitClients.Create<RefitPeer.IRefitRunAi>(CreateHttpClient(baseAddress), RunAi.RunAiJsonContext.Default);
        _restEase = RestEaseClients.CreateWithJsonNet<RestEasePeer.IRestEaseRunAi>(CreateHttpClient(baseAddress));
        _restEaseStj = RestEaseClients.CreateWithSourceGeneratedJson<RestEasePeer.IRestEaseRunAi>(CreateHttpClient(baseAddress), RunAi.RunAiJsonContext.Default);

        await VerifyAsync(
            "POST https://app.run.ai/api/v1/token",
            (client, answer) =>
            {
                Expect(client, "accessToken", s_accessToken, answer.AccessToken);
                Expect(client, "idToken", s_idToken, answer.IdToken);
                Expect(client, "refreshToken", s_refreshToken, answer.RefreshToken);
                Expect(client, "expiresIn", 86400L, answer.ExpiresIn);
            },
            ("TokenGen", TokenGen), ("Tight", Tight), ("Idiomatic", Idiomatic), ("Refit", Refit), ("RestEase", RestEase), ("RestEaseStj", RestEaseStj));
    }

    [Benchmark(Baseline = true)]
    public Task<RunAi.TokenResponse> Tight() => _tight.GrantTokenAsync(_request);

    [Benchmark]
    public Task<RunAi.TokenResponse> Idiomatic() => _idiomatic.GrantTokenAsync(_request);

    [Benchmark]
    public Task<RunAi.TokenResponse> Refit() => _refit.GrantTokenAsync(_request);

    [Benchmark]
    public Task<RunAi.TokenResponse> TokenGen() => _tokenGen.GrantTokenAsync(_request);

    [Benchmark]
    public Task<RunAi.TokenResponse> RestEase() => _restEase.GrantTokenAsync(_request);

    [Benchmark]
    public Task<RunAi.TokenResponse> RestEaseStj() => _restEaseStj.GrantTokenAsync(_request);
}

/// <summary>Prowler: obtain a token pair; a JSON:API document both ways, under <c>application/vnd.api+json</c>.</summary>
[BenchmarkCategory("PerCall")]
public class ProwlerObtainToken : CallBenchmark
{
    private static readonly string s_access = SampleValues.Jwt(11, 520);
    private static readonly string s_refresh = SampleValues.Jwt(12, 520);
    private readonly Prowler.TokenRequest _request = new("dev@prowler.example", "Prowler-demo-1!", "b1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");

    private Prowler.IProwlerTokens _tokenGen = null!;
    private TightProwler _tight = null!;
    private HandWrittenProwler _idiomatic = null!;
    private RefitPeer.IRefitProwler _refit = null!;
    private RestEasePeer.IRestEaseProwler _restEase = null!;
    private RestEasePeer.IRestEaseProwler _restEaseStj = null!;

    // Synchronous, because BenchmarkDotNet's in-process toolchain (the quick run's) does not await an async setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        Answer(
            """{"data":{"type":"tokens","attributes":{"refresh":""" + "\"" + s_refresh + "\",\"access\":\"" + s_access + "\"}}}",
            "application/vnd.api+json");
        const string baseAddress = "https://api.prowler.com/";
        _tokenGen = Prowler.IProwlerTokens.Create(CreateHttpClient(baseAddress));
        _tight = new TightProwler(CreateHttpClient(baseAddress));
        _idiomatic = new HandWrittenProwler(CreateHttpClient(baseAddress));
        _refit = RefitClients.Create<RefitPeer.IRefitProwler>(CreateHttpClient(baseAddress), Prowler.ProwlerJsonContext.Default);
        _restEase = RestEaseClients.CreateWithJsonNet<RestEasePeer.IRestEaseProwler>(CreateHttpClient(baseAddress));
        _restEaseStj = RestEaseClients.CreateWithSourceGeneratedJson<RestEasePeer.IRestEaseProwler>(CreateHttpClient(baseAddress), Prowler.ProwlerJsonContext.Default);

        await VerifyAsync(
            "POST https://api.prowler.com/api/v1/tokens",
            (client, answer) =>
            {
                Expect(client, "access", s_access, answer.Access);
                Expect(client, "refresh", s_refresh, answer.Refresh);
            },
            ("TokenGen", TokenGen), ("Tight", Tight), ("Idiomatic", Idiomatic), ("Refit", Refit), ("RestEase", RestEase), ("RestEaseStj", RestEaseStj));
    }

    [Benchmark(Baseline = true)]
    public Task<Prowler.TokenResponse> Tight() => _tight.ObtainTokenAsync(_request);

    [Benchmark]
    public Task<Prowler.TokenResponse> Idiomatic() => _idiomatic.ObtainTokenAsync(_request);

    [Benchmark]
    public Task<Prowler.TokenResponse> Refit() => _refit.ObtainTokenAsync(_request);

    [Benchmark]
    public Task<Prowler.TokenResponse> TokenGen() => _tokenGen.ObtainTokenAsync(_request);

    [Benchmark]
    public Task<Prowler.TokenResponse> RestEase() => _restEase.ObtainTokenAsync(_request);

    [Benchmark]
    public Task<Prowler.TokenResponse> RestEaseStj() => _restEaseStj.ObtainTokenAsync(_request);
}
