using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace TokenGen.Fleet.Tests;

/// <summary>
/// A real redis-server for the tests: installed by ensure-redis-server.sh when missing, started on 127.0.0.1 at a port
/// chosen at run time with no persistence, and stopped afterwards. <see cref="KillAsync"/> and <see cref="StartAsync"/>
/// take it down and bring it back on the same port, empty, as a crashed Redis without persistence comes back.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly SemaphoreSlim s_install = new(1, 1);
    private static string? s_redisServerPath;

    private Process? _process;

    public int Port { get; private set; }

    /// <summary>A StackExchange.Redis configuration for this server that fails fast while it is down.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000,asyncTimeout=2000,connectRetry=1";

    public async Task InitializeAsync()
    {
        s_redisServerPath ??= await EnsureInstalledAsync();
        Port = FreePort();
        await StartAsync();
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> and returns once it accepts connections.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(s_redisServerPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            $"redis-server exited while starting on port {Port}:\n{string.Join('\n', output)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"redis-server did not report ready on port {Port} within {StartTimeout}:\n{string.Join('\n', output)}");
        }
    }

    /// <summary>Kills the server at once (no shutdown, no save), as a crash would, and waits for the process to end.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(StartTimeout);
            process.Dispose();
        }
    }

    public Task DisposeAsync() => KillAsync();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Runs the project's script, which installs Debian's redis-server when it is missing; fails loudly otherwise.</summary>
    private static async Task<string> EnsureInstalledAsync()
    {
        await s_install.WaitAsync();
        try
        {
            string script = typeof(RedisServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "EnsureRedisScript").Value!;
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(script);
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
            string path = (await stdout).Trim();
            if (process.ExitCode != 0 || !File.Exists(path))
            {
                throw new InvalidOperationException($"redis-server is not installed and {script} could not install it (exit {process.ExitCode}):\n{await stderr}");
            }

            return path;
        }
        finally
        {
            s_install.Release();
        }
    }
}
