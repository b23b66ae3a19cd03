using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Demo.Fleet;

/// <summary>
/// A redis-server the demo starts for its fleet section: on 127.0.0.1 at a port free at run time, with no persistence
/// (nothing is written to disk, nothing is read from an earlier run), stopped when disposed.
/// </summary>
internal sealed class EmbeddedRedis : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private EmbeddedRedis(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The port it listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Its address as <c>127.0.0.1:port</c>.</summary>
    public string EndPoint => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>
    /// Finds <c>redis-server</c> on <c>PATH</c>. Debian's <c>redis-server</c> package — what the fleet tests' script
    /// (<c>tests/TokenGen.Fleet.Tests/ensure-redis-server.sh</c>) installs — puts it in <c>/usr/bin</c>, which is on it.
    /// </summary>
    /// <param name="path">The value of <c>PATH</c>.</param>
    /// <returns>The full path of the executable, or <see langword="null"/> when there is none.</returns>
    public static string? Find(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Starts <paramref name="executable"/> and returns once it accepts connections.</summary>
    /// <param name="executable">The redis-server to run.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="InvalidOperationException">It exited or did not get ready in time; the message carries its output.</exception>
    public static async Task<EmbeddedRedis> StartAsync(string executable, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };

        // --save "" and --appendonly no: no RDB snapshot and no AOF, so the demo leaves no file behind and starts empty.
        // --dir /tmp keeps even a stray write (none is expected) out of the working directory.
        foreach (var argument in new[]
        {
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--protected-mode", "yes",
            "--save", string.Empty, "--appendonly", "no", "--daemonize", "no", "--dir", Path.GetTempPath(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("redis-server exited while starting."));

        process.Start();
        var redis = new EmbeddedRedis(process, port);
        try
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await ready.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
            return redis;
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            await redis.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"redis-server ({executable}) did not start on 127.0.0.1:{port}: {ex.Message} Its output: {string.Join(" | ", output)}", ex);
        }
        catch
        {
            await redis.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the server at once: it holds nothing worth saving.</summary>
    /// <returns>A task that completes when the process has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone (Ctrl+C reaches the whole process group), or not stopping: nothing more the demo can do.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool IsExecutable(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(file) & AnyExecute) != 0;
    }
}
