using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using TokenGen.Emulator;
using TokenGen.Emulator.Tool;

// tokengen-emulator [options]: starts the emulator, prints where each API lives and the demo credentials, and runs
// until Ctrl+C (or SIGTERM). `--help` lists the options (CommandLine.Usage).
if (!CommandLine.TryParse(args, out var commandLine, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine("Run tokengen-emulator --help for the options.");
    return 2;
}

if (commandLine.Help)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
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

EmulatorHost host;
try
{
    host = await EmulatorHost.StartAsync(commandLine.ToEmulatorOptions(TimeProvider.System));
}
catch (System.IO.IOException exception)
{
    // The port is taken (Kestrel reports an address in use as an IOException).
    Console.Error.WriteLine($"Cannot listen on port {commandLine.Port}: {exception.Message}");
    return 1;
}

await using (host)
{
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
    if (commandLine.ClockStart is not null || commandLine.ClockRate != 1)
    {
        Console.WriteLine($"Clock: {host.TimeProvider.GetUtcNow():O}, running at {commandLine.ClockRate}x real time.");
    }

    foreach (var (name, lifetime) in commandLine.TokenLifetimes)
    {
        Console.WriteLine($"Token lifetime: {name} {lifetime}.");
    }

    Console.WriteLine(commandLine.Fault is null
        ? "Faults per request: header X-Emulator-Fault (status=429;retry-after=2 | status=503 | delay=1500 | drop | truncate | malformed)."
        : $"Every request without an X-Emulator-Fault header gets: {commandLine.Fault}");
    Console.WriteLine("Press Ctrl+C to stop.");

    await stop.Task;
    Console.WriteLine("Stopping.");
}

return 0;
