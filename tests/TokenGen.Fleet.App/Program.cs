using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TokenGen;
using TokenGen.Clients.DirectLine;
using TokenGen.Clients.Prowler;
using TokenGen.Fleet.App;
using TokenGen.TestKit;

// One instance of a fleet. Arguments: <api: directline|prowler> <redis configuration> <emulator base address>
// <callers per round> <protection key, hex>. Then, on standard input, one command a line:
//   clock <ticks>   sets this instance's clock to the system clock plus <ticks>, answers "clock-set"
//   round <n>       runs the callers at once, answers "round <n> <failures> <distinct token hashes, comma-separated>"
//   quit            disposes the session and exits
// Every refresh token sent is reported as "refresh-sent <hash>" before it is sent; log lines go to standard error
// prefixed "log:". Tokens are never printed, only the first 16 hex digits of their SHA-256.
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: TokenGen.Fleet.App <directline|prowler> <redis> <emulator> <callers> <key-hex>");
    return 2;
}

string api = args[0];
string redis = args[1];
var emulator = new Uri(args[2]);
int callers = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
byte[] protectionKey = Convert.FromHexString(args[4]);
var clock = new ShiftedClock();
var output = new BlockingCollection<string>();
var writer = Task.Run(() =>
{
    foreach (string line in output.GetConsumingEnumerable())
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }
});

var services = new ServiceCollection();
services.AddSingleton<TimeProvider>(clock);
services.AddLogging(logging => logging.AddProvider(new StandardErrorLoggerProvider()).SetMinimumLevel(LogLevel.Information));
services.AddRedisTokenStore(redis, protectionKey);
if (api == "directline")
{
    services.AddTokenApiClient<IDirectLineTokens>(IDirectLineTokens.Create, o => o.BaseAddress = new Uri(emulator, "directline/"));
    services.AddTokenSession("directline", (provider, options) =>
    {
        options.Store!.PollInterval = TimeSpan.FromMilliseconds(20);
        return provider.GetRequiredService<IDirectLineTokens>().CreateTokenSession("dl-demo-secret.Xq7ZkP2mV9sLr4Tw", options: options);
    });
}
else
{
    services.AddTokenApiClient<IProwlerTokens>(IProwlerTokens.Create, o => o.BaseAddress = new Uri(emulator, "prowler/"));
    services.AddTokenSession("prowler", (provider, options) =>
    {
        options.Store!.PollInterval = TimeSpan.FromMilliseconds(20);
        options.Store.CredentialId = "demo@prowler.test";
        var client = provider.GetRequiredService<IProwlerTokens>();
        return TokenSession.Create(
            ct => client.ObtainTokenAsync(new TokenRequest("demo@prowler.test", "Prowler-demo-password-1", null), cancellationToken: ct),
            (current, ct) =>
            {
                // Reported before it is sent: a refresh token sent twice anywhere in the fleet shows as a repeated hash.
                output.Add("refresh-sent " + Hash(current.RefreshToken!));
                return client.RefreshTokenAsync(new TokenRefreshRequest(current.RefreshToken!), cancellationToken: ct);
            },
            options);
    });
}

await using (ServiceProvider provider = services.BuildServiceProvider())
{
    TokenSession session = provider.GetRequiredKeyedService<TokenSession>(api);
    output.Add("ready");
    while (Console.In.ReadLine() is { } line)
    {
        string[] command = line.Split(' ');
        if (command[0] == "clock")
        {
            clock.SetOffset(TimeSpan.FromTicks(long.Parse(command[1], System.Globalization.CultureInfo.InvariantCulture)));
            output.Add("clock-set");
        }
        else if (command[0] == "round")
        {
            var tokens = new ConcurrentBag<string>();
            int failures = 0;
            using var start = new ManualResetEventSlim();
            Task[] running = [.. Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
            {
                start.Wait();
                try
                {
                    tokens.Add(Hash(await session.GetAccessTokenAsync()));
                }
                catch (Exception exception)
                {
                    Interlocked.Increment(ref failures);
                    Console.Error.WriteLine("caller failed: " + exception.GetType().Name);
                }
            }))];
            start.Set();
            await Task.WhenAll(running);
            output.Add($"round {command[1]} {failures} {string.Join(',', tokens.Distinct())}");
        }
        else if (command[0] == "quit")
        {
            break;
        }
    }
}

output.CompleteAdding();
await writer;
return 0;

static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(token)))[..16].ToLowerInvariant();
