using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Demo.Fleet;
using TokenGen.Demo.Flows;
using TokenGen.Demo.ManagedTokens;
using TokenGen.Demo.Output;
using TokenGen.Emulator;

namespace TokenGen.Demo;

/// <summary>
/// The demo's entry point: parse, start the emulator when an API needs it, run each flow through the generated
/// clients, print the table, show managed token sessions against the emulator, and say plainly on standard error
/// when something failed.
/// </summary>
internal static class Program
{
    private const int ExitSuccess = 0;
    private const int ExitFailure = 1;
    private const int ExitUsage = 2;

    // 128 + SIGINT, what shells report for a program stopped by Ctrl+C.
    private const int ExitCancelled = 130;

    private static async Task<int> Main(string[] args)
    {
        // The fleet section starts this executable again as one instance of a fleet; that mode has no options of its own.
        if (args is [FleetWorker.Argument])
        {
            return await FleetWorker.RunAsync().ConfigureAwait(false);
        }

        if (!CommandLine.TryParse(args, Environment.GetEnvironmentVariable, out var settings, out var error))
        {
            await Console.Error.WriteLineAsync($"error: {error}\nRun with --help for usage.").ConfigureAwait(false);
            return ExitUsage;
        }

        if (settings.ShowHelp)
        {
            Console.Out.Write(CommandLine.Usage());
            return ExitSuccess;
        }

        using var cancellation = new CancellationTokenSource();

        // The first Ctrl+C cancels the running request and lets the emulator shut down cleanly; a second one, if the
        // user will not wait, ends the process the default way.
        void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
        {
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                cancellation.Cancel();
            }
        }

        Console.CancelKeyPress += OnCancelKeyPress;

        // SIGTERM (docker stop, CI timeouts) gets the same clean stop.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });

        try
        {
            return await RunAsync(settings, cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return ExitCancelled;
        }
        catch (Exception ex)
        {
            // Anything outside a step (the emulator not starting, say): still one clear line, not a stack trace.
            await Console.Error.WriteLineAsync($"error: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            return ExitFailure;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
        }
    }

    private static async Task<int> RunAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        var flows = settings.Api is { } only ? [only] : ApiFlow.All;
        var stopwatch = Stopwatch.StartNew();

        // The emulator runs in this process, and only when no API is pointed at a real service. It reads a clock that
        // stands still until the demo moves it, so the managed-tokens part can pass hours of token lifetimes at once;
        // the raw flows do not notice, since nothing in them waits.
        var clock = new ManualClock(ManualClock.WholeMinuteNow());
        await using var emulator = settings.BaseUrl is null
            ? await EmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = clock }, cancellationToken).ConfigureAwait(false)
            : null;

        if (emulator is not null)
        {
            Console.WriteLine($"TokenGen demo: {Plural(flows.Count, "API")} against the emulator in this process at {emulator.BaseAddress}");
        }
        else
        {
            Console.WriteLine($"TokenGen demo: {settings.Api!.DisplayName} against {settings.BaseUrl} (from --base-url)");
            if (settings.BaseUrl!.Scheme == Uri.UriSchemeHttp && !settings.BaseUrl.IsLoopback)
            {
                await Console.Error.WriteLineAsync($"warning: {settings.BaseUrl} is plain http, so the credentials cross the network unencrypted.")
                    .ConfigureAwait(false);
            }
        }

        Console.WriteLine();

        // One HttpClient for every generated client, as HttpClient is meant to be used; each generated client gets
        // its API's base address through its options. It is built as TokenApiHttpClient builds its own — redirects
        // followed only within a request's origin, so no credential follows one elsewhere — plus the status handler,
        // for the table.
        using var httpClient = new HttpClient(
            new ResponseStatusHandler(new SameOriginRedirectHandler(TokenApiHttpClient.CreatePrimaryHandler())),
            disposeHandler: true)
        {
            Timeout = settings.Timeout,
        };
        httpClient.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("TokenGen.Demo", "0.1"));

        var table = new ResultTable();
        var steps = new StepRunner(table, settings.Timeout);
        foreach (var flow in flows)
        {
            var context = emulator is not null
                ? new FlowContext(httpClient, flow.EmulatorBaseAddress(emulator), flow.EmulatorCredentials(emulator.Credentials), steps)
                : new FlowContext(httpClient, settings.BaseUrl!, settings.Credentials!, steps);
            try
            {
                await flow.RunAsync(context, cancellationToken).ConfigureAwait(false);
            }
            catch (StepFailedException)
            {
                // Recorded by the step; the next API still runs.
            }
        }

        table.WriteTo(Console.Out);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Plural(table.Succeeded, "operation")} succeeded, {table.Failed} failed, {table.Skipped} skipped in {stopwatch.Elapsed.TotalSeconds:0.00} s."));

        // Managed tokens need the emulator's clock to move; a real service's clock does not wait for the demo.
        IReadOnlyList<string> managedFailures = [];
        if (emulator is not null && ManagedTokensPart.Covers(flows))
        {
            var managed = new ManagedTokensPart(httpClient, emulator, clock, settings.Timeout);
            await managed.RunAsync(flows, cancellationToken).ConfigureAwait(false);
            Console.WriteLine();
            managed.WriteTo(Console.Out);
            managedFailures = managed.Failures;
        }

        // The fleet shares a Direct Line session between processes of this demo, through a Redis it starts itself; where
        // none is installed it says so in one line and the run's outcome does not change.
        IReadOnlyList<string> fleetFailures = [];
        if (emulator is not null && flows.Any(flow => flow is DirectLineFlow))
        {
            Console.WriteLine();
            if (settings.NoFleet)
            {
                Console.WriteLine(FleetPart.SkippedLine("--no-fleet was given"));
            }
            else
            {
                var fleet = new FleetPart(emulator, clock);
                await fleet.RunAsync(cancellationToken).ConfigureAwait(false);
                fleet.WriteTo(Console.Out);
                fleetFailures = fleet.Failures;
            }
        }

        foreach (var failure in steps.Failures.Concat(managedFailures).Concat(fleetFailures))
        {
            await Console.Error.WriteLineAsync("error: " + failure).ConfigureAwait(false);
        }

        return steps.Failures.Count + managedFailures.Count + fleetFailures.Count > 0 ? ExitFailure : ExitSuccess;
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
