using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using Perfolizer.Horology;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TokenGen.Benchmarks.Generator;

namespace TokenGen.Benchmarks;

/// <summary>
/// Runs the benchmarks. <c>quick</c> runs each one once in this process and fails (exit 1) unless every one ran,
/// every client's answers checked out and the generator's edits re-emitted what they must; it measures nothing that
/// is asserted, which is what CI runs. Any other arguments go to BenchmarkDotNet (<c>--filter '*'</c> for a full run).
/// Either way the goals table is printed at the end and written to <c>BenchmarkDotNet.Artifacts/results/goals.md</c>.
/// <c>interleaved</c> compares two clients of one per-call class in one process instead (see <see cref="Interleaved"/>).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "interleaved")
        {
            return Interleaved.Run(args);
        }

        bool quick = args.Length > 0 && args[0] == "quick";
        IConfig config = quick ? QuickConfig() : FullConfig();
        Summary[] summaries = quick
            ? BenchmarkRunner.Run(typeof(Program).Assembly, config)
            : BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToArray();

        string goals = (quick ? QuickCheck.GoalTableNote + Environment.NewLine + Environment.NewLine : "") + GoalReport.Write(summaries);
        Console.WriteLine();
        Console.WriteLine(goals);
        string results = Path.Combine(config.ArtifactsPath ?? Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts"), "results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "goals.md"), goals);

        return quick ? QuickCheck.Report(summaries) : 0;
    }

    // BenchmarkDotNet's default job with the iterations capped: on a noisy two-core machine the default lets noise
    // stretch a microsecond benchmark to 100 iterations, and the run to hours; 15 to 30 iterations of a quarter
    // second each still bound the error, which the tables show. The per-call and token-session classes raise this to
    // 30-80 with attributes of their own (see CallBenchmark), and the whole run takes about half an hour.
    private static IConfig FullConfig() =>
        DefaultConfig.Instance
            .AddJob(Job.Default.WithIterationTime(TimeInterval.FromMilliseconds(250)).WithMaxIterationCount(30).WithId("Full"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new ReEmittedColumn());

    // One iteration of each benchmark in this process: enough to run every setup check and every measured method,
    // and about two minutes rather than the half hour a full run takes.
    private static IConfig QuickConfig() =>
        ManualConfig.CreateMinimumViable()
            .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new ReEmittedColumn())
            .WithOptions(ConfigOptions.JoinSummary)
            .WithArtifactsPath(Path.Combine(Directory.GetCurrentDirectory(), "artifacts", "benchmarks-quick"));
}
