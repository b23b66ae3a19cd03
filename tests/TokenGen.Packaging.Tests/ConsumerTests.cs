using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace TokenGen.Packaging.Tests;

/// <summary>
/// Fresh projects that reference only the packed packages: a token API the repository does not contain (OAuth 2.0
/// client credentials, see <c>Consumers/OAuth</c>) builds without a warning on net8.0 and net10.0 and works against a
/// local token server, also as a native AOT binary of either; mis-declared interfaces stop the build with their TG diagnostics.
/// </summary>
/// <remarks>The tests of one collection run one after the other, so the consumer builds do not compete for the CPU.</remarks>
[Collection(PackagingCollection.Name)]
public sealed partial class ConsumerTests(PackagesFixture packages, ITestOutputHelper output)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    /// <summary>What the OAuth consumer prints when every check against its token server holds (see its Program.cs).</summary>
    private static readonly string[] ExpectedConsumerLines =
    [
        "ok: client OAuthTokensClient token at-1 Bearer 3600 s orders.read",
        "ok: session token at-2 lifetime 3600 s, issued 2",
        "ok: refused client 401 invalid_client",
        "TokenGen consumer passed",
    ];

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task A_consumer_of_TokenGen_alone_builds_without_warnings_and_calls_its_own_token_api(string targetFramework)
    {
        var properties = ConsumerProject.ConsoleApp(targetFramework);
        // This machine may have only a newer runtime than the target's; a user's app would run on its own.
        properties["RollForward"] = "Major";
        var consumer = ConsumerProject.Create(packages, "OAuth-" + targetFramework, "OAuth", "TokenGen", properties);

        var build = await DotNet(consumer, BuildTimeout, "build", "-c", "Release");
        AssertBuiltWithoutWarnings(build);

        var run = await DotNet(consumer, RunTimeout, "run", "-c", "Release", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        AssertConsumerLines(run);
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task A_native_aot_consumer_publishes_without_trim_or_aot_warnings_and_its_binary_calls_the_token_api(string targetFramework)
    {
        var properties = ConsumerProject.ConsoleApp(targetFramework);
        // In the project file, as a user sets it (on the command line it would not reach the SDK's restore of the ILCompiler).
        properties["PublishAot"] = "true";
        properties["InvariantGlobalization"] = "true";
        // One warning per member at fault instead of one summary per assembly, should there be any.
        properties["TrimmerSingleWarn"] = "false";
        var consumer = ConsumerProject.Create(packages, "OAuth-aot-" + targetFramework, "OAuth", "TokenGen", properties);
        var publishDirectory = Path.Combine(consumer.Directory, "publish");

        var arguments = new List<string> { "publish", "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", publishDirectory };
        if (OperatingSystem.IsLinux())
        {
            // The ILCompiler (of .NET 8 and of .NET 10) links with clang by default; gcc is what this platform has.
            arguments.Add("-p:CppCompilerAndLinker=gcc");
        }

        var publish = await DotNet(consumer, PublishTimeout, [.. arguments]);
        AssertBuiltWithoutWarnings(publish, "publish");
        // ILC reports trim and AOT problems as IL2xxx/IL3xxx; warnings are errors, but the log is the proof.
        Assert.DoesNotMatch(TrimOrAotWarning(), publish.Output);

        var binary = Path.Combine(publishDirectory, OperatingSystem.IsWindows() ? consumer.Name + ".exe" : consumer.Name);
        Assert.True(File.Exists(binary), $"no native binary at {binary}\n{publish}");
        Assert.False(File.Exists(Path.Combine(publishDirectory, consumer.Name + ".dll")), "a native AOT publish leaves no IL assembly");

        var run = await DotNetCli.RunProcessAsync(binary, consumer.Directory, RunTimeout, environment: null, []);
        output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        AssertConsumerLines(run);
    }

    [Fact]
    public async Task A_consumer_of_TokenGen_Emulator_alone_builds_without_warnings_and_runs_the_emulator_in_its_own_process()
    {
        // A plain console app (Microsoft.NET.Sdk, no web SDK): the package brings the ASP.NET Core shared framework along.
        var properties = ConsumerProject.ConsoleApp("net10.0");
        var consumer = ConsumerProject.Create(packages, "EmulatorUser", "EmulatorUser", "TokenGen.Emulator", properties);

        var build = await DotNet(consumer, BuildTimeout, "build", "-c", "Release");
        AssertBuiltWithoutWarnings(build);

        var run = await DotNet(consumer, RunTimeout, "run", "-c", "Release", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var expected in new[] { "ok: generate 200, expires_in 300", "ok: fault 429, Retry-After 3", "ok: 2 generate requests counted", "TokenGen.Emulator consumer passed" })
        {
            Assert.True(lines.Contains(expected), $"missing line \"{expected}\"\n{run}");
        }
    }

    [Fact]
    public async Task A_misdeclared_consumer_fails_its_build_with_the_TG_diagnostic_of_each_mistake_on_its_line()
    {
        // Through TokenGen.Clients only: the generator and the analyzer reach the app through its dependency on TokenGen.
        var properties = ConsumerProject.ConsoleApp("net8.0");
        properties["OutputType"] = "Library";
        var consumer = ConsumerProject.Create(packages, "Misdeclared", "Misdeclared", "TokenGen.Clients", properties);

        var build = await DotNet(consumer, BuildTimeout, "build", "-c", "Release");
        Assert.NotEqual(0, build.ExitCode);

        // Each mistake in Misdeclared.cs carries a "// TGxxxx" comment on the line the diagnostic points at.
        var source = File.ReadAllLines(Path.Combine(consumer.Directory, "Misdeclared.cs"));
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        for (var line = 0; line < source.Length; line++)
        {
            if (TgMarker().Match(source[line]) is { Success: true } marker)
            {
                var id = marker.Groups[1].Value;
                expected.Add(id);
                Assert.Matches(new Regex($@"Misdeclared\.cs\({line + 1},\d+\): error {id}:"), build.Output);
            }
        }

        Assert.Equal(new[] { "TG0001", "TG0003", "TG0022" }, expected.ToArray());
        // Those and nothing else: no compiler error that a half-generated client would have caused.
        var reported = ErrorId().Matches(build.Output).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected.ToArray(), reported.Order(StringComparer.Ordinal).ToArray());
    }

    private async Task<ProcessResult> DotNet(ConsumerProject consumer, TimeSpan timeout, params string[] arguments)
    {
        var result = await DotNetCli.RunAsync(consumer.Directory, timeout, packages.ConsumerEnvironment, arguments);
        output.WriteLine(result.ToString());
        return result;
    }

    private static void AssertBuiltWithoutWarnings(ProcessResult result, string what = "build")
    {
        Assert.True(result.ExitCode == 0, $"the {what} failed\n{result}");
        Assert.Matches(new Regex(@"^\s*0 Warning\(s\)", RegexOptions.Multiline), result.Output);
        Assert.DoesNotMatch(new Regex(@": warning ", RegexOptions.Multiline), result.Output);
    }

    private static void AssertConsumerLines(ProcessResult run)
    {
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var expected in ExpectedConsumerLines)
        {
            Assert.True(lines.Contains(expected), $"missing line \"{expected}\"\n{run}");
        }

        Assert.DoesNotContain(lines, line => line.StartsWith("FAILED", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"// (TG\d{4})\b")]
    private static partial Regex TgMarker();

    [GeneratedRegex(@": error ([A-Z]+\d+):")]
    private static partial Regex ErrorId();

    [GeneratedRegex(@"\bIL[23]\d{3}\b")]
    private static partial Regex TrimOrAotWarning();
}
