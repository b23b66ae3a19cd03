using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace TokenGen.Packaging.Tests;

/// <summary>
/// The tokengen-emulator tool as a user meets it: installed with <c>dotnet tool install --tool-path</c> from the pack
/// folder alone, then run on a free loopback port, called over HTTP and stopped with SIGTERM.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class EmulatorToolTests(PackagesFixture packages, ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The seeded Direct Line secret (EmulatorCredentials.Demo), as the tool prints it.</summary>
    private const string DirectLineSecret = "dl-demo-secret.Xq7ZkP2mV9sLr4Tw";

    [Fact]
    public async Task The_installed_tool_lists_its_options_and_refuses_an_unknown_one()
    {
        var tool = await InstalledToolAsync();

        var help = await DotNetCli.RunProcessAsync(tool, packages.Root, RunTimeout, environment: null, ["--help"]);
        var mistake = await DotNetCli.RunProcessAsync(tool, packages.Root, RunTimeout, environment: null, ["--portt", "5080"]);
        output.WriteLine(help.ToString());
        output.WriteLine(mistake.ToString());

        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.StartsWith("Usage: tokengen-emulator [options]", help.Output, StringComparison.Ordinal);
        foreach (var option in new[] { "--port <n>", "--clock-start <instant>", "--clock-rate <factor>", "--lifetime <name>=<time>", "--fault <items>" })
        {
            Assert.Contains(option, help.Output, StringComparison.Ordinal);
        }

        Assert.Equal(2, mistake.ExitCode);
        Assert.Contains("Unknown argument '--portt'.", mistake.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_installed_tool_serves_the_apis_on_the_port_it_is_given_with_its_options_and_stops_on_SIGTERM()
    {
        var tool = await InstalledToolAsync();
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");

        using var emulator = new ToolProcess(tool, packages.Root, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--lifetime", "directline=90s", "--fault", "delay=1");
        int exitCode;
        string text;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var generate = new Uri(baseAddress, "directline/v3/directline/tokens/generate");
            using var response = await FirstAnswerAsync(http, emulator, () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, generate);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DirectLineSecret);
                return request;
            });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var conversation = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(3, conversation.RootElement.GetProperty("token").GetString()!.Split('.').Length);
            // --lifetime reached the emulator: 90 s instead of Direct Line's 1800.
            Assert.Equal(90, conversation.RootElement.GetProperty("expires_in").GetInt32());

            // An operation's answer in its API's own error shape: a wrong secret is refused.
            using var refused = new HttpRequestMessage(HttpMethod.Post, generate);
            refused.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-secret");
            using var refusal = await http.SendAsync(refused);
            Assert.Equal(HttpStatusCode.Forbidden, refusal.StatusCode);
        }
        finally
        {
            (exitCode, text) = await emulator.StopAsync(RunTimeout);
            output.WriteLine(text);
        }

        Assert.Contains($"TokenGen emulator listening on {baseAddress}", text, StringComparison.Ordinal);
        Assert.Contains($"Direct Line  {baseAddress}directline/", text, StringComparison.Ordinal);
        Assert.Contains("Every request without an X-Emulator-Fault header gets: delay=1", text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            // SIGTERM is a clean stop.
            Assert.True(exitCode == 0, $"exit {exitCode}\n{text}");
            Assert.EndsWith("Stopping.\n", text, StringComparison.Ordinal);
        }
    }

    private async Task<string> InstalledToolAsync()
    {
        var install = await packages.InstallToolAsync();
        output.WriteLine(install.ToString());
        Assert.True(install.ExitCode == 0, install.ToString());
        var tool = Path.Combine(packages.ToolsDirectory, OperatingSystem.IsWindows() ? "tokengen-emulator.exe" : "tokengen-emulator");
        Assert.True(File.Exists(tool), $"no {tool} after the install\n{install}");
        return tool;
    }

    /// <summary>A port nothing listens on now: the system's pick for a listener that is closed at once.</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Sends the request until the tool's port answers, for at most <see cref="StartTimeout"/>; fails early if the tool
    /// exits. Refused connections are all a starting server gives, so each is retried after a short pause.
    /// </summary>
    private static async Task<HttpResponseMessage> FirstAnswerAsync(HttpClient http, ToolProcess tool, Func<HttpRequestMessage> request)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var message = request();
                return await http.SendAsync(message);
            }
            catch (HttpRequestException exception) when (deadline.Elapsed < StartTimeout)
            {
                Assert.False(tool.HasExited, $"the tool exited before it answered ({exception.Message})\n{tool.Output}");
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    /// <summary>The running tool with its output collected; <see cref="StopAsync"/> ends it as a service manager would.</summary>
    private sealed class ToolProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        public ToolProcess(string fileName, string workingDirectory, params string[] arguments)
        {
            var startInfo = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            _process = new Process { StartInfo = startInfo };
            _process.OutputDataReceived += Append;
            _process.ErrorDataReceived += Append;
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public bool HasExited => _process.HasExited;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>SIGTERM (on Windows, a kill), then waits for the exit; a tool still running at the limit is killed.</summary>
        public async Task<(int ExitCode, string Output)> StopAsync(TimeSpan timeout)
        {
            if (!_process.HasExited)
            {
                if (OperatingSystem.IsWindows())
                {
                    _process.Kill(entireProcessTree: true);
                }
                else
                {
                    using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    await kill.WaitForExitAsync();
                }
            }

            using var limit = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
                return (-1, Output + $"[killed: still running {timeout.TotalSeconds:0} s after SIGTERM]\n");
            }

            return (_process.ExitCode, Output);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        private void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (_output)
                {
                    _output.Append(e.Data).Append('\n');
                }
            }
        }
    }
}
