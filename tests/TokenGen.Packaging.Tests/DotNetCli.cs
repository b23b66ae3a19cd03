using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Packaging.Tests;

/// <summary>The outcome of one child process: its exit code and everything it wrote, stdout and stderr interleaved.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"$ {CommandLine}\n(exit {ExitCode} after {Elapsed.TotalSeconds:0.0} s)\n{Output}";
}

/// <summary>
/// Runs the dotnet CLI (or a built program) as a child process with a time limit, the way a user's shell would: no
/// MSBuild node or compiler server outlives the command, and nothing from the test host's own MSBuild environment
/// leaks into it.
/// </summary>
public static class DotNetCli
{
    /// <summary>The dotnet host running these tests, so the child uses the same SDK installation.</summary>
    public static string HostPath { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>.</summary>
    /// <param name="workingDirectory">Where the command runs.</param>
    /// <param name="timeout">How long it may take; then its process tree is killed and the result says so.</param>
    /// <param name="environment">Variables to set (a null value removes one).</param>
    /// <param name="arguments">The CLI arguments.</param>
    public static Task<ProcessResult> RunAsync(
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment,
        params string[] arguments)
    {
        // No node reuse and no shared compiler: a server left running would hold this process's output pipes open
        // (and outlive the test run).
        var all = new List<string>(arguments);
        if (arguments.Length > 0 && arguments[0] is "build" or "pack" or "publish")
        {
            all.Add("-nodeReuse:false");
            // The classic logger with its summary ("0 Warning(s)"), which pack and publish leave out by default.
            all.Add("-tl:off");
            all.Add("-clp:Summary");
            all.Add("-p:UseSharedCompilation=false");
        }

        return RunProcessAsync(HostPath, workingDirectory, timeout, environment, all);
    }

    /// <summary>Runs a program (a native binary, say) with <paramref name="arguments"/>.</summary>
    public static async Task<ProcessResult> RunProcessAsync(
        string fileName,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment,
        IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        PrepareEnvironment(startInfo.Environment);
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                if (value is null)
                {
                    startInfo.Environment.Remove(name);
                }
                else
                {
                    startInfo.Environment[name] = value;
                }
            }
        }

        var commandLine = fileName + " " + string.Join(' ', arguments);
        var output = new StringBuilder();
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Append(e.Data).Append('\n');
            }
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            // Also waits for the redirected streams to reach their end.
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output)
            {
                output.Append($"[killed: still running after {timeout.TotalSeconds:0} s]\n");
            }

            return new ProcessResult(commandLine, -1, Snapshot(output), stopwatch.Elapsed);
        }

        return new ProcessResult(commandLine, process.ExitCode, Snapshot(output), stopwatch.Elapsed);
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void PrepareEnvironment(IDictionary<string, string?> environment)
    {
        // `dotnet test` runs this host under MSBuild's variables (MSBuildExtensionsPath, MSBUILD_EXE_PATH, ...), which
        // would point a child build at the parent's MSBuild state instead of letting the SDK resolve its own.
        var inherited = new List<string>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                inherited.Add(name);
            }
        }

        foreach (var name in inherited)
        {
            environment.Remove(name);
        }

        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "true";
    }
}
