using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace TokenGen.TestKit.Tests;

/// <summary>
/// Keeps the kit the one place for fakes: no test project but TokenGen.TestKit declares a clock (a class deriving from
/// <see cref="TimeProvider"/>), a recording HTTP handler, or a logger provider — except the few named below, each with
/// the reason the kit's own cannot stand in.
/// </summary>
public sealed partial class OneKitGuardTests
{
    /// <summary>Declarations the guard lets stand, as "project/file: type", each with why.</summary>
    private static readonly Dictionary<string, string> s_allowed = new(StringComparer.Ordinal)
    {
        ["TokenGen.Fleet.App/StandardErrorLoggerProvider.cs: StandardErrorLoggerProvider"] =
            "production-like output of a fleet child process: its log lines go to standard error, which the parent test reads; nothing is captured for assertions",
        ["TokenGen.Clients.Tests/Reliability/SoakHandlers.cs: InFlightRecorder"] =
            "a pass-through over the real emulator that measures how many token requests are in flight at once, not a stand-in for the network",
        ["TokenGen.Clients.Tests/Sessions/RequestTap.cs: RequestTap"] =
            "a pass-through over the real emulator that holds requests until released, so a thousand callers overlap one request for certain",
        ["TokenGen.Extensions.Http.Tests/Configuration/HttpClientFreshnessTests.cs: ProbeRecorder"] =
            "a pass-through inside the factory's own handler pipeline that notes a header ConfigureHttpClient set, to prove the session's requests went through that pipeline; the kit's handler is a final handler, not a pass-through",
        ["TokenGen.Runtime.Tests/Tokens/BearerTokenHandlerTests.cs: RecordingHandler"] =
            "reads each body as a transport does (copied, never buffered into the content, as the kit's handler does), so a resend proves the bearer handler's content can be sent again; and answers with TrackedResponses, to prove the answers it replaces are disposed",
    };

    [Fact]
    public void No_test_project_but_the_kit_declares_a_clock_a_recording_handler_or_a_logger_provider()
    {
        string tests = Path.Combine(RepositoryRoot(), "tests");
        var offenders = new List<string>();
        var seenAllowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in SourceFiles(tests))
        {
            string relative = Path.GetRelativePath(tests, file).Replace('\\', '/');
            if (relative.StartsWith("TokenGen.TestKit/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (name, what) in Offences(File.ReadAllText(file)))
            {
                string key = $"{relative}: {name}";
                if (s_allowed.ContainsKey(key))
                {
                    seenAllowed.Add(key);
                }
                else
                {
                    offenders.Add($"{key} ({what}) — use the TokenGen.TestKit one instead, or allow it in {nameof(OneKitGuardTests)} with the reason");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Declared outside TokenGen.TestKit:\n" + string.Join("\n", offenders));

        // An exception that no longer exists is dropped from the list, so the list never outlives what it excuses.
        Assert.Empty(s_allowed.Keys.Except(seenAllowed));
    }

    [Theory]
    [InlineData("internal sealed class StoppedClock : TimeProvider\n{\n}", "StoppedClock")]
    [InlineData("sealed class Observed(int n) : FakeTimeProvider(start)\n{\n}", "Observed")]
    [InlineData("public sealed class Clock : System.TimeProvider, IDisposable\n{\n}", "Clock")]
    [InlineData("private sealed class RecordingInnerHandler(List<HttpRequestMessage> sent) : HttpMessageHandler\n{\n}", "RecordingInnerHandler")]
    [InlineData("internal sealed class CapturingHandler : DelegatingHandler\n{\n}", "CapturingHandler")]
    [InlineData("private sealed class Logs(ConcurrentQueue<string> lines) : ILoggerProvider\n{\n}", "Logs")]
    [InlineData("private sealed class Logger : IDisposable, ILoggerProvider\n{\n}", "Logger")]
    public void The_guard_sees_each_kind_of_declaration(string source, string name) =>
        Assert.Equal(name, Assert.Single(Offences(source)).Name);

    [Theory]
    [InlineData("internal sealed class FaultInjector : DelegatingHandler\n{\n}")]
    [InlineData("internal sealed class ScriptedServer : HttpMessageHandler\n{\n}")]
    [InlineData("var clock = new FakeTimeProvider();")]
    [InlineData("// a class Foo : TimeProvider in a comment is not a declaration of one")]
    public void The_guard_lets_other_declarations_be(string source) => Assert.Empty(Offences(source));

    [Fact]
    public void The_repository_root_is_found_by_walking_up_to_the_solution() =>
        Assert.True(File.Exists(Path.Combine(RepositoryRoot(), "TokenGen.sln")));

    /// <summary>The type declarations in <paramref name="source"/> that belong in the kit, with what they are.</summary>
    private static IEnumerable<(string Name, string What)> Offences(string source)
    {
        foreach (Match declaration in Declaration().Matches(source))
        {
            string name = declaration.Groups["name"].Value;
            string[] bases = [.. declaration.Groups["bases"].Value.Split(',').Select(b => b.Trim().Split('(')[0].Split('.')[^1].Trim())];
            if (bases.Length > 0 && bases[0] is "TimeProvider" or "FakeTimeProvider")
            {
                yield return (name, "a clock");
            }
            else if (bases.Length > 0 && bases[0] is "HttpMessageHandler" or "DelegatingHandler" && RecorderName().IsMatch(name))
            {
                yield return (name, "a recording handler");
            }
            else if (bases.Contains("ILoggerProvider"))
            {
                yield return (name, "a logger provider");
            }
        }
    }

    private static IEnumerable<string> SourceFiles(string tests) =>
        Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    /// <summary>The directory holding TokenGen.sln, found by walking up from where the tests run.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TokenGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TokenGen.sln above {AppContext.BaseDirectory}: the guard needs the repository's sources.");
    }

    /// <summary>A class or record declaration at the start of a line, with its base list (primary constructor allowed).</summary>
    [GeneratedRegex(@"^[ \t]*(?:(?:public|internal|private|protected|file|sealed|static|abstract|partial)\s+)*(?:class|record)\s+(?<name>\w+)(?:<[^>]*>)?(?:\s*\([^)]*\))?\s*:\s*(?<bases>[^{\r\n]+)", RegexOptions.Multiline)]
    private static partial Regex Declaration();

    /// <summary>A name that says the handler records, captures or taps what it is sent.</summary>
    [GeneratedRegex("Record|Captur|Spy|Tap", RegexOptions.IgnoreCase)]
    private static partial Regex RecorderName();
}
