using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Demo.ManagedTokens;
using TokenGen.Demo.Output;
using TokenGen.Emulator;

namespace TokenGen.Demo.Fleet;

/// <summary>
/// The demo's optional third part: several processes of this demo share one Direct Line <see cref="TokenSession"/>
/// through a redis-server started for the occasion, each with several callers asking at the same moment. The emulator
/// counts the token requests that reach it: one per expiry window for the whole fleet, and none for an instance that
/// starts late and finds a fresh token in the store. Skipped, with one line saying why, when redis-server is not installed.
/// </summary>
internal sealed class FleetPart
{
    /// <summary>How many instances share the session from the start.</summary>
    public const int Instances = 3;

    /// <summary>How many callers each instance has, all asking at once.</summary>
    public const int CallersEach = 8;

    private const string None = "-";

    private static readonly string[] s_headers = ["Window", "Moved", "Clock (UTC)", "Instances", "Callers", "At the emulator", "Tokens handed out", "Fleet did"];

    // Direct Line tokens live 30 minutes and are due in their last 3: each move lands in the next token's refresh window.
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(29);
    private const int Windows = 3;

    private readonly EmulatorHost _emulator;
    private readonly ManualClock _clock;
    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _failures = [];
    private string? _skipped;
    private int _port;
    private int _fleetCalls;
    private int _fleetRequests;
    private int _lateRequests = -1;

    /// <summary>Creates the part.</summary>
    /// <param name="emulator">The in-process emulator, which the workers reach over loopback.</param>
    /// <param name="clock">The emulator's clock, which the part moves a window at a time.</param>
    public FleetPart(EmulatorHost emulator, ManualClock clock)
    {
        _emulator = emulator;
        _clock = clock;
    }

    /// <summary>Why each failure happened, in order; for standard error.</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>The one line printed instead of the part when it does not run.</summary>
    /// <param name="reason">Why, ending without a full stop.</param>
    /// <returns>The line.</returns>
    public static string SkippedLine(string reason) => $"Fleet section skipped: {reason}.";

    /// <summary>
    /// Starts redis-server and the instances, runs the windows and the late instance, and stops everything — also when
    /// a step fails or the user presses Ctrl+C.
    /// </summary>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>A task that completes when every process the part started has ended.</returns>
    /// <exception cref="OperationCanceledException">The user cancelled.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var executable = EmbeddedRedis.Find(Environment.GetEnvironmentVariable("PATH"));
        if (executable is null)
        {
            _skipped = "redis-server is not on PATH, so there is no Redis for the instances to share; install it "
                + "(Debian: apt-get install redis-server) to see three processes share one token session";
            return;
        }

        var workers = new List<WorkerProcess>();
        try
        {
            await using var redis = await EmbeddedRedis.StartAsync(executable, cancellationToken).ConfigureAwait(false);
            _port = redis.Port;

            // A fresh key per run, as a fleet shares one from its secret store: the workers get it on standard input.
            var key = Convert.ToHexString(AesGcmTokenProtector.GenerateKey());
            var config = string.Join(' ', "config", redis.EndPoint, _emulator.DirectLineBaseAddress.ToString(),
                CallersEach.ToString(CultureInfo.InvariantCulture), key, _emulator.Credentials.DirectLineSecret);

            try
            {
                var starting = Enumerable.Range(1, Instances).Select(number => WorkerProcess.StartAsync(number, config, cancellationToken)).ToArray();
                try
                {
                    await Task.WhenAll(starting).ConfigureAwait(false);
                }
                finally
                {
                    // Those that started are stopped below, whichever failed.
                    workers.AddRange(starting.Where(task => task.IsCompletedSuccessfully).Select(task => task.Result));
                }

                for (var window = 1; window <= Windows; window++)
                {
                    var moved = window == 1 ? TimeSpan.Zero : s_window;
                    _clock.Advance(moved);
                    var (requests, row) = await RunRoundAsync(workers, window, window.ToString(CultureInfo.InvariantCulture),
                        window == 1 ? "start" : "+" + Minutes(moved), late: false, cancellationToken).ConfigureAwait(false);
                    _fleetRequests += requests;
                    _fleetCalls += Instances * CallersEach;
                    _rows.Add(row);
                }

                // A new instance in the middle of the last window: it reads the store before anything else.
                var late = await WorkerProcess.StartAsync(Instances + 1, config, cancellationToken).ConfigureAwait(false);
                workers.Add(late);
                var (lateRequests, lateRow) = await RunRoundAsync([late], workers.Count, Windows.ToString(CultureInfo.InvariantCulture),
                    "-", late: true, cancellationToken).ConfigureAwait(false);
                _lateRequests = lateRequests;
                _rows.Add(lateRow);
            }
            finally
            {
                await Task.WhenAll(workers.Select(worker => worker.DisposeAsync().AsTask())).ConfigureAwait(false);
                foreach (var worker in workers)
                {
                    foreach (var line in worker.Errors)
                    {
                        _notes.Add(string.Create(CultureInfo.InvariantCulture, $"instance {worker.Number}: {line}"));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _failures.Add($"fleet section: {ex.Message}");
        }
    }

    /// <summary>Writes the heading, the table, the notes and the totals; or the one line saying it was skipped.</summary>
    /// <param name="writer">Where to write.</param>
    public void WriteTo(TextWriter writer)
    {
        if (_skipped is not null)
        {
            writer.WriteLine(SkippedLine(_skipped));
            return;
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Fleet: {Instances} processes of this demo share one Direct Line token session through a redis-server started for it"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(127.0.0.1:{_port}, no persistence; entries AES-GCM encrypted). In each window the emulator's clock moves and every"));
        writer.WriteLine("caller of every instance asks for a token at once; the token requests are counted at the emulator.");
        writer.WriteLine();
        if (_rows.Count > 0)
        {
            TextTable.Write(writer, s_headers, _rows);
            writer.WriteLine();
        }

        foreach (var note in _notes)
        {
            writer.WriteLine("  * " + note);
        }

        if (_notes.Count > 0)
        {
            writer.WriteLine();
        }

        if (_rows.Count == Windows + 1)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Fleet totals: {_fleetCalls} calls for a token in {Windows} expiry windows, {Count(_fleetRequests, "token request", "token requests")} at the emulator "
                + $"(one per window expected); the late instance's {CallersEach} calls, {Count(_lateRequests, "token request", "token requests")} (warm start)."));
        }
    }

    /// <summary>
    /// Sets each worker's clock to the emulator's, starts all their callers together, and reads what reached the emulator.
    /// </summary>
    private async Task<(int Requests, string[] Row)> RunRoundAsync(
        IReadOnlyList<WorkerProcess> workers, int round, string window, string moved, bool late, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await Task.WhenAll(workers.Select(worker => worker.SetClockAsync(now, cancellationToken))).ConfigureAwait(false);
        var generatesBefore = _emulator.RequestCount(EmulatorRoutes.DirectLineGenerate);
        var refreshesBefore = _emulator.RequestCount(EmulatorRoutes.DirectLineRefresh);

        await Task.WhenAll(workers.Select(worker => worker.StartRoundAsync(round))).ConfigureAwait(false);
        var results = await Task.WhenAll(workers.Select(worker => worker.RoundResultAsync(round, cancellationToken))).ConfigureAwait(false);

        var generates = _emulator.RequestCount(EmulatorRoutes.DirectLineGenerate) - generatesBefore;
        var refreshes = _emulator.RequestCount(EmulatorRoutes.DirectLineRefresh) - refreshesBefore;
        var failures = results.Sum(result => result.Failures);
        var tokens = results.SelectMany(result => result.Fingerprints).Distinct(StringComparer.Ordinal).ToArray();
        var instances = late ? "1 new" : workers.Count.ToString(CultureInfo.InvariantCulture);
        var callers = string.Create(CultureInfo.InvariantCulture, $"{workers.Count} x {CallersEach}");

        string did;
        if (failures > 0)
        {
            did = string.Create(CultureInfo.InvariantCulture, $"FAILED ({failures} of {workers.Count * CallersEach} callers)");
            _failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"fleet window {window}{(late ? " (late instance)" : string.Empty)}: {Count(failures, "caller", "callers")} got no token (reasons in the notes above)."));
        }
        else
        {
            did = (generates, refreshes, late) switch
            {
                (0, 0, true) => "warm start: used the stored token",
                (0, 0, false) => "used the stored token",
                (1, 0, _) => "acquired once for the fleet",
                (0, 1, _) => "refreshed once for the fleet",
                _ => "MORE THAN ONE REQUEST",
            };
            var expected = late ? 0 : 1;
            if (generates + refreshes != expected)
            {
                _failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"fleet window {window}{(late ? " (late instance)" : string.Empty)}: {Count(generates + refreshes, "token request", "token requests")} reached the emulator, {expected} expected."));
            }

            if (tokens.Length != 1)
            {
                _failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"fleet window {window}: the callers got {tokens.Length} different tokens, one expected."));
            }
        }

        var requests = (generates, refreshes) switch
        {
            (0, 0) => "0 requests",
            (_, 0) => Count(generates, "generate", "generates"),
            (0, _) => Count(refreshes, "refresh", "refreshes"),
            _ => Count(generates, "generate", "generates") + ", " + Count(refreshes, "refresh", "refreshes"),
        };
        var handedOut = tokens.Length switch
        {
            0 => None,
            1 => "1 token, " + tokens[0],
            _ => string.Create(CultureInfo.InvariantCulture, $"{tokens.Length} tokens: {string.Join(", ", tokens)}"),
        };
        return (generates + refreshes, [late ? window + ", late" : window, moved, Time(now), instances, callers, requests, handedOut, did]);
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMinutes} min");

    private static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
