using System;
using System.Net.Http;
using System.Threading.Tasks;
using TokenGen.Clients.Banyan;
using TokenGen.Clients.DirectLine;
using TokenGen.Clients.Esper;
using TokenGen.Clients.Prowler;
using TokenGen.Clients.RunAi;
using TokenGen.Clients.Tests.Sessions;
using TokenGen.Emulator;
using ProwlerTokenRequest = TokenGen.Clients.Prowler.TokenRequest;
using RunAiTokenRequest = TokenGen.Clients.RunAi.TokenRequest;

namespace TokenGen.Clients.Tests.Reliability;

/// <summary>
/// A column of the fault matrix: one operation of a generated client, called through a given <see cref="HttpClient"/>,
/// with the emulator operation it reaches and whether the client declares it retryable.
/// </summary>
internal sealed class TokenOperation
{
    public const string DirectLineGenerate = "DirectLine.GenerateToken";
    public const string BanyanRefreshV1 = "Banyan.RefreshToken(v1)";
    public const string EsperTokenInfo = "Esper.GetTokenInfo";
    public const string RunAiClientCredentials = "RunAi.GrantToken(client_credentials)";
    public const string ProwlerObtain = "Prowler.ObtainToken";
    public const string ProwlerRefresh = "Prowler.RefreshToken[NoRetry]";

    /// <summary>Every column: the acquire-style operation of each API, and Prowler's rotating refresh.</summary>
    public static readonly string[] All =
        [DirectLineGenerate, BanyanRefreshV1, EsperTokenInfo, RunAiClientCredentials, ProwlerObtain, ProwlerRefresh];

    private readonly Func<TestEmulator, HttpClient, TimeProvider, Task<string?>> _call;

    private TokenOperation(string name, string route, bool retryable, Func<TestEmulator, HttpClient, TimeProvider, Task<string?>> call)
    {
        Name = name;
        Route = route;
        Retryable = retryable;
        _call = call;
    }

    public string Name { get; }

    /// <summary>The emulator operation it reaches (see <see cref="EmulatorHost.RequestCount"/>).</summary>
    public string Route { get; }

    /// <summary>Whether the generated client lets the handler send it again: every operation but a <c>[NoRetry]</c> one.</summary>
    public bool Retryable { get; }

    public static TokenOperation Named(string name) => name switch
    {
        DirectLineGenerate => new(name, EmulatorRoutes.DirectLineGenerate, retryable: true, async (on, http, clock) =>
        {
            var tokens = IDirectLineTokens.Create(http, TestEmulator.At(on.Host.DirectLineBaseAddress, clock));
            var conversation = await tokens.GenerateTokenAsync(BearerToken.Format(on.Credentials.DirectLineSecret));
            return conversation.Token;
        }),

        BanyanRefreshV1 => new(name, EmulatorRoutes.BanyanRefreshV1, retryable: true, async (on, http, clock) =>
        {
            var tokens = IBanyanTokens.Create(http, TestEmulator.At(on.Host.BanyanBaseAddress, clock));
            var answer = await tokens.RefreshTokenAsync(BearerToken.Format(on.Credentials.BanyanRefreshToken));
            return answer.Message;
        }),

        EsperTokenInfo => new(name, EmulatorRoutes.EsperTokenInfo, retryable: true, async (on, http, clock) =>
        {
            var tokens = IEsperTokens.Create(http, TestEmulator.At(on.Host.EsperBaseAddress, clock));
            var info = await tokens.GetTokenInfoAsync(BearerToken.Format(on.Credentials.EsperApiKey));
            return info.Token;
        }),

        RunAiClientCredentials => new(name, EmulatorRoutes.RunAiGrantToken, retryable: true, async (on, http, clock) =>
        {
            var tokens = IRunAiTokens.Create(http, TestEmulator.At(on.Host.RunAiBaseAddress, clock));
            var answer = await tokens.GrantTokenAsync(
                RunAiTokenRequest.ForClientCredentials(on.Credentials.RunAiClientId, on.Credentials.RunAiClientSecret));
            return answer.AccessToken;
        }),

        ProwlerObtain => new(name, EmulatorRoutes.ProwlerObtain, retryable: true, async (on, http, clock) =>
        {
            var tokens = IProwlerTokens.Create(http, TestEmulator.At(on.Host.ProwlerBaseAddress, clock));
            var pair = await tokens.ObtainTokenAsync(new ProwlerTokenRequest(on.Credentials.ProwlerEmail, on.Credentials.ProwlerPassword));
            return pair.Access;
        }),

        ProwlerRefresh => new(name, EmulatorRoutes.ProwlerRefresh, retryable: false, async (on, http, clock) =>
        {
            // The refresh token to rotate comes from a healthy client; only the refresh goes through the faulty one.
            var pair = await SessionTarget.ProwlerClient(on).ObtainTokenAsync(
                new ProwlerTokenRequest(on.Credentials.ProwlerEmail, on.Credentials.ProwlerPassword));
            var tokens = IProwlerTokens.Create(http, TestEmulator.At(on.Host.ProwlerBaseAddress, clock));
            var refreshed = await tokens.RefreshTokenAsync(new TokenRefreshRequest(pair.Refresh!));
            return refreshed.Access;
        }),

        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a column of the matrix: " + string.Join(", ", All)),
    };

    /// <summary>
    /// Calls the operation through <paramref name="http"/> with a client on <paramref name="clock"/> and returns the
    /// access token it answered with.
    /// </summary>
    public Task<string?> CallAsync(TestEmulator on, HttpClient http, TimeProvider clock) => _call(on, http, clock);

    public override string ToString() => Name;
}
