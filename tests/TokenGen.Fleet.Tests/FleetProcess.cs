using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Threading.Channels;

namespace TokenGen.Fleet.Tests;

/// <summary>
/// One instance of the fleet in a process of its own (TokenGen.Fleet.App, started with <c>dotnet &lt;dll&gt;</c>), driven a
/// line at a time through standard input. Every wait is bounded and fails with what the process wrote.
/// </summary>
internal sealed class FleetProcess : IAsyncDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly Channel<string> _answers = Channel.CreateUnbounded<string>();

    private FleetProcess(Process process) => _process = process;

    /// <summary>Every refresh token this instance sent, as the hash the app reports.</summary>
    public ConcurrentQueue<string> RefreshesSent { get; } = new();

    /// <summary>Everything the process wrote to standard error: its log lines and failures.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    public static async Task<FleetProcess> StartAsync(string api, string redis, Uri emulator, int callers, byte[] protectionKey)
    {
        string dll = typeof(FleetProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FleetApp").Value!;
        Assert.True(File.Exists(dll), $"The fleet app was not built at {dll}.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { dll, api, redis, emulator.ToString(), callers.ToString(System.Globalization.CultureInfo.InvariantCulture), Convert.ToHexString(protectionKey) })
        {
            start.ArgumentList.Add(argument);
        }

        var fleet = new FleetProcess(new Process { StartInfo = start });
        fleet._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                fleet._answers.Writer.TryComplete();
            }
            else if (e.Data.StartsWith("refresh-sent ", StringComparison.Ordinal))
            {
                fleet.RefreshesSent.Enqueue(e.Data["refresh-sent ".Length..]);
            }
            else
            {
                fleet._answers.Writer.TryWrite(e.Data);
            }
        };
        fleet._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                fleet.Errors.Enqueue(e.Data);
            }
        };
        fleet._process.Start();
        fleet._process.BeginOutputReadLine();
        fleet._process.BeginErrorReadLine();
        await fleet.ExpectAsync("ready");
        return fleet;
    }

    public async Task SetClockAsync(TimeSpan offset)
    {
        await SendAsync("clock " + offset.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ExpectAsync("clock-set");
    }

    /// <summary>Starts a round of the process's callers; <see cref="RoundResultAsync"/> reads its answer.</summary>
    public Task StartRoundAsync(int round) => SendAsync("round " + round.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The round's failed callers and the distinct tokens (as hashes) its callers got.</summary>
    public async Task<(int Failures, string[] Tokens)> RoundResultAsync(int round)
    {
        string answer = await ExpectAsync("round " + round.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ");
        string[] parts = answer.Split(' ');
        return (int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), parts.Length > 3 && parts[3].Length > 0 ? parts[3].Split(',') : []);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await SendAsync("quit");
                using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await _process.WaitForExitAsync(exit.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    private async Task<string> ExpectAsync(string prefix)
    {
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        try
        {
            while (true)
            {
                string line = await _answers.Reader.ReadAsync(timeout.Token);
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            throw new InvalidOperationException(
                $"The fleet process gave no \"{prefix}\" within {AnswerTimeout} (exited: {_process.HasExited}). Its standard error:\n{string.Join('\n', Errors)}");
        }
    }
}
