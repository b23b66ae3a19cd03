using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using TokenGen.Emulator;

// `dotnet run --project emulator/TokenGen.Emulator [--port N]`: starts the emulator, prints where each API
// lives and the demo credentials, and runs until Ctrl+C (or SIGTERM).
var options = new EmulatorOptions();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "--port" && i + 1 < args.Length
        && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535)
    {
        options.Port = port;
        i++;
    }
    else if (args[i] is "--help" or "-h")
    {
        Console.WriteLine("Usage: TokenGen.Emulator [--port N]");
        return 0;
    }
    else
    {
        Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: TokenGen.Emulator [--port N]");
        return 2;
    }
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.TrySetResult();
});

await using var host = await EmulatorHost.StartAsync(options);
var c = host.Credentials;
Console.WriteLine($"TokenGen emulator listening on {host.BaseAddress}");
Console.WriteLine();
Console.WriteLine($"  Direct Line  {host.DirectLineBaseAddress}");
Console.WriteLine($"    secret                {c.DirectLineSecret}");
Console.WriteLine($"  Banyan       {host.BanyanBaseAddress}");
Console.WriteLine($"    refresh token         {c.BanyanRefreshToken}");
Console.WriteLine($"  Esper        {host.EsperBaseAddress}");
Console.WriteLine($"    API key               {c.EsperApiKey}");
Console.WriteLine($"    enterprise id         {c.EsperEnterpriseId}");
Console.WriteLine($"    developer app id      {c.EsperDeveloperAppId}");
Console.WriteLine($"  Run:ai       {host.RunAiBaseAddress}");
Console.WriteLine($"    client id / secret    {c.RunAiClientId} / {c.RunAiClientSecret}");
Console.WriteLine($"    app id / name / secret {c.RunAiAppId} / {c.RunAiAppName} / {c.RunAiAppSecret}");
Console.WriteLine($"    username / password   {c.RunAiUsername} / {c.RunAiPassword}");
Console.WriteLine($"    code / redirect URI   {c.RunAiAuthorizationCode} / {c.RunAiRedirectUri}");
Console.WriteLine($"    external token        {c.RunAiExternalToken}");
Console.WriteLine($"  Prowler      {host.ProwlerBaseAddress}");
Console.WriteLine($"    email / password      {c.ProwlerEmail} / {c.ProwlerPassword}");
Console.WriteLine($"    tenants               {c.ProwlerTenantId}, {c.ProwlerSecondTenantId}");
Console.WriteLine();
Console.WriteLine("Faults per request: header X-Emulator-Fault (status=429;retry-after=2 | status=503 | delay=1500 | drop | truncate | malformed).");
Console.WriteLine("Press Ctrl+C to stop.");

await stop.Task;
Console.WriteLine("Stopping.");
return 0;
