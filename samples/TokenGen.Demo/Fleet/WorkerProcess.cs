using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace TokenGen.Demo.Fleet;

/// <summary>
/// The demo's handle on one <see cref="FleetWorker"/> process: starts it, sends it commands, reads its answers, and stops
/// it. Every wait is bounded, and a failure says what the worker wrote to standard error.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Channel<string> _answers = Channel.CreateUnbounded<string>();

    private WorkerProcess(Process process, int number)
    {
        _process = process;
        Number = number;
    }

    /// <summary>The instance's number in the demo's fleet, from 1.</summary>
    public int Number { get; }

    /// <summary>What the worker wrote to standard error: failures and the session's store events.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>
    /// Starts this executable again as a fleet worker: the native binary is <see cref="Environment.ProcessPath"/> itself;
    /// under <c>dotnet run</c> or <c>dotnet TokenGen.Demo.dll</c> the process may be the <c>dotnet</c> host, which is given
    /// the demo's dll.
    /// </summary>
    /// <param name="number">The instance's number, for messages.</param>
    /// <param name="configLine">The worker's first input line (<see cref="FleetWorker"/>): secrets go through standard input, never the command line.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The worker, once it said it is ready.</returns>
    public static async Task<WorkerProcess> StartAsync(int number, string configLine, CancellationToken cancellationToken)
    {
        var start = SelfStartInfo();
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.ArgumentList.Add(FleetWorker.Argument);

        var worker = new WorkerProcess(new Process { StartInfo = start }, number);
        worker._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                worker._answers.Writer.TryComplete();
            }
            else
            {
                worker._answers.Writer.TryWrite(e.Data);
            }
        };
        worker._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                worker.Errors.Enqueue(e.Data);
            }
        };

        worker._process.Start();
        try
        {
            worker._process.BeginOutputReadLine();
            worker._process.BeginErrorReadLine();
            await worker.SendAsync(configLine).ConfigureAwait(false);
            await worker.ExpectAsync("ready", cancellationToken).ConfigureAwait(false);
            return worker;
        }
        catch
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sets the worker's clock to <paramref name="now"/>.</summary>
    /// <param name="now">The emulator's time.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>A task that completes when the worker confirmed.</returns>
    public async Task SetClockAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await SendAsync("clock " + now.UtcTicks.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        await ExpectAsync("clock-set", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells every caller of the worker to ask for a token at once; <see cref="RoundResultAsync"/> reads the answer.</summary>
    /// <param name="round">The round's number.</param>
    /// <returns>A task that completes when the command is sent.</returns>
    public Task StartRoundAsync(int round) => SendAsync("round " + round.ToString(CultureInfo.InvariantCulture));

    /// <summary>The round's failed callers, and the fingerprints of the distinct tokens its callers got.</summary>
    /// <param name="round">The round's number.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The answer.</returns>
    public async Task<(int Failures, string[] Fingerprints)> RoundResultAsync(int round, CancellationToken cancellationToken)
    {
        var answer = await ExpectAsync("round " + round.ToString(CultureInfo.InvariantCulture) + " ", cancellationToken).ConfigureAwait(false);
        var parts = answer.Split(' ');
        var failures = int.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture);
        return (failures, parts.Length > 3 && parts[3].Length > 0 ? parts[3].Split(',') : []);
    }

    /// <summary>Asks the worker to quit, and kills it if it does not within a few seconds.</summary>
    /// <returns>A task that completes when the process has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                try
                {
                    await SendAsync("quit").ConfigureAwait(false);
                    _process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // It is exiting already.
                }

                using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(exit.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Never started, or already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static ProcessStartInfo SelfStartInfo()
    {
        var self = Environment.ProcessPath
            ?? throw new InvalidOperationException("the demo cannot tell its own executable's path, so it cannot start fleet workers.");
        if (!string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return new ProcessStartInfo(self);
        }

        // AppContext.BaseDirectory, not Assembly.Location: the latter is empty in a single-file or native AOT app.
        var dll = Path.Combine(AppContext.BaseDirectory, "TokenGen.Demo.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"the demo runs on the dotnet host but its dll is not at {dll}, so it cannot start fleet workers.");
        }

        var start = new ProcessStartInfo(self);
        start.ArgumentList.Add(dll);
        return start;
    }

    private async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    private async Task<string> ExpectAsync(string prefix, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AnswerTimeout);
        try
        {
            while (true)
            {
                var line = await _answers.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OperationCanceledException or ChannelClosedException)
        {
            var why = ex is ChannelClosedException ? "exited" : $"gave no answer within {AnswerTimeout.TotalSeconds:0} s";
            var errors = Errors.IsEmpty ? "nothing on standard error" : string.Join(" | ", Errors);
            throw new InvalidOperationException($"fleet instance {Number} {why} (waiting for \"{prefix.TrimEnd()}\"); it wrote: {errors}", ex);
        }
    }
}
