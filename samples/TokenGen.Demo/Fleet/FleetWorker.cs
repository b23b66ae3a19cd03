using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;
using TokenGen.Clients.DirectLine;

namespace TokenGen.Demo.Fleet;

/// <summary>
/// One instance of the demo's fleet: the demo's own executable started again with <see cref="Argument"/>. It shares one
/// Direct Line <see cref="TokenSession"/> with the other instances through the embedded Redis, and is driven a line at a
/// time on standard input, so nothing secret appears in a process listing:
/// <list type="bullet">
/// <item><c>config &lt;redis host:port&gt; &lt;Direct Line base address&gt; &lt;callers&gt; &lt;protection key, hex&gt; &lt;secret&gt;</c>
/// (first) → <c>ready</c></item>
/// <item><c>clock &lt;UTC ticks&gt;</c> → <c>clock-set</c>: the emulator's time, moved by the demo</item>
/// <item><c>round &lt;n&gt;</c> → <c>round &lt;n&gt; &lt;failures&gt; &lt;distinct token fingerprints, comma-separated&gt;</c>: every
/// caller asks the session for a token at once</item>
/// <item><c>quit</c>, or the end of standard input (the demo has gone) → disposes and exits</item>
/// </list>
/// Tokens are never written, only the first 4 bytes of their SHA-256. Failures go to standard error, one line each.
/// </summary>
internal static class FleetWorker
{
    /// <summary>The hidden argument that makes the demo a fleet worker; not in <c>--help</c>.</summary>
    public const string Argument = "--fleet-worker";

    /// <summary>The session's name, and with it its key in the store.</summary>
    public const string SessionName = "demo-fleet-directline";

    /// <summary>Runs the worker until told to quit.</summary>
    /// <returns>0 when it quit as asked, 1 when it could not start.</returns>
    public static async Task<int> RunAsync()
    {
        // Ctrl+C reaches the whole process group; the demo decides when its workers stop (it closes their input).
        Console.CancelKeyPress += (_, e) => e.Cancel = true;

        var config = (await Console.In.ReadLineAsync().ConfigureAwait(false))?.Split(' ');
        if (config is not ["config", var redisEndPoint, var baseAddress, var callersText, var keyHex, var secret]
            || !Uri.TryCreate(baseAddress, UriKind.Absolute, out var directLine)
            || !int.TryParse(callersText, NumberStyles.None, CultureInfo.InvariantCulture, out var callers) || callers < 1)
        {
            await Console.Error.WriteLineAsync("fleet worker: the first line of input was not a valid config line.").ConfigureAwait(false);
            return 1;
        }

        var clock = new ShiftedClock();
        var connectionOptions = new ConfigurationOptions
        {
            EndPoints = { redisEndPoint },
            AbortOnConnectFail = false,

            // A command waits for no reconnection: a store that is down sends the session on alone at once.
            BacklogPolicy = BacklogPolicy.FailFast,
            ConnectTimeout = 5000,
            SyncTimeout = 5000,
            AsyncTimeout = 5000,
        };
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionOptions).ConfigureAwait(false);
        using var httpClient = TokenApiHttpClient.Create();
        var client = IDirectLineTokens.Create(httpClient, new TokenApiClientOptions { BaseAddress = directLine });
        var options = new TokenSessionOptions
        {
            Name = SessionName,
            TimeProvider = clock,
            Log = new StandardErrorLog(),
            Store = new TokenStoreOptions(new RedisTokenStore(redis), new AesGcmTokenProtector(Convert.FromHexString(keyHex)))
            {
                // The instances waiting for the lease holder's token look for it often: the demo's rounds are short.
                PollInterval = TimeSpan.FromMilliseconds(20),
            },
        };
        await using var session = client.CreateTokenSession(secret, options: options);
        Console.Out.WriteLine("ready");
        Console.Out.Flush();

        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var command = line.Split(' ');
            switch (command)
            {
                case ["clock", var ticks]:
                    clock.Set(new DateTimeOffset(long.Parse(ticks, NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero));
                    Console.Out.WriteLine("clock-set");
                    break;
                case ["round", var round]:
                    var (failures, fingerprints) = await RunRoundAsync(session, callers).ConfigureAwait(false);
                    Console.Out.WriteLine($"round {round} {failures.ToString(CultureInfo.InvariantCulture)} {string.Join(',', fingerprints)}");
                    break;
                case ["quit"]:
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"fleet worker: unknown command '{command[0]}'.").ConfigureAwait(false);
                    break;
            }

            Console.Out.Flush();
        }

        return 0;
    }

    /// <summary>Lets every caller ask the session for a token at the same moment.</summary>
    private static async Task<(int Failures, IReadOnlyList<string> Fingerprints)> RunRoundAsync(TokenSession session, int callers)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            await go.Task.ConfigureAwait(false);
            try
            {
                return (string?)Fingerprint(await session.GetAccessTokenAsync().ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                // The type and message of the session's exceptions carry no token (the runtime redacts them).
                await Console.Error.WriteLineAsync($"fleet worker: a caller failed: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
                return null;
            }
        })).ToArray();
        go.SetResult();
        var results = await Task.WhenAll(calls).ConfigureAwait(false);
        return (results.Count(result => result is null), results.OfType<string>().Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>The first 4 bytes of the token's SHA-256, as the demo's other tables show it.</summary>
    public static string Fingerprint(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        return Convert.ToHexString(hash[..4]).ToLowerInvariant();
    }

    /// <summary>The session's store events, one line each on standard error, for the demo to pass on: never a token or key.</summary>
    private sealed class StandardErrorLog : Diagnostics.TokenGenLog
    {
        public override void TokenStoreFailed(string? sessionName, string operation, string reason) =>
            Console.Error.WriteLine($"fleet worker: the token store failed ({operation}: {reason}); the session went on alone.");

        public override void TokenStoreEntryRefused(string? sessionName, long version) =>
            Console.Error.WriteLine($"fleet worker: the stored entry (version {version.ToString(CultureInfo.InvariantCulture)}) did not open and was refused.");

        public override void TokenStoreWaitTimedOut(string? sessionName, TimeSpan waited) =>
            Console.Error.WriteLine($"fleet worker: waited {waited.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s for the lease holder, then fetched alone.");
    }
}
