using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Reports;
using TokenGen.Benchmarks.Calls;
using TokenGen.Benchmarks.Generator;
using TokenGen.Benchmarks.Tokens;

namespace TokenGen.Benchmarks;

/// <summary>
/// Sets each figure of a run against the goal it is meant to meet, as one markdown table: the per-call ratios to
/// hand-written code and RestEase, the cached token read, the generator's full run and what its edits re-emit.
/// A benchmark the run did not include (a filtered run) shows as "not run".
/// </summary>
internal static class GoalReport
{
    private static readonly Type[] s_perCall =
    [
        typeof(DirectLineGenerateToken), typeof(BanyanRefreshToken), typeof(EsperRenewToken), typeof(RunAiGrantToken), typeof(ProwlerObtainToken),
    ];

    public static string Write(IEnumerable<Summary> summaries)
    {
        var reports = summaries.SelectMany(summary => summary.Reports).Where(report => report.ResultStatistics is not null).ToList();
        var text = new StringBuilder();
        text.AppendLine("| goal | figure | met |");
        text.AppendLine("|---|---|---|");

        foreach (Type type in s_perCall)
        {
            Measured? handWritten = Find(reports, type, nameof(DirectLineGenerateToken.HandWritten));
            Measured? tokenGen = Find(reports, type, nameof(DirectLineGenerateToken.TokenGen));
            Measured? restEase = Find(reports, type, nameof(DirectLineGenerateToken.RestEase));
            if (handWritten is null || tokenGen is null)
            {
                Row(text, $"{type.Name}: time ≤ 1.05 × hand-written", "not run", null);
                continue;
            }

            double timeRatio = tokenGen.Value.Nanoseconds / handWritten.Value.Nanoseconds;
            Row(text, $"{type.Name}: time ≤ 1.05 × hand-written", $"{Time(tokenGen.Value)} vs {Time(handWritten.Value)} = {timeRatio:0.00} ×", timeRatio <= 1.05);
            Row(text, $"{type.Name}: allocated ≤ hand-written", $"{Bytes(tokenGen.Value)} vs {Bytes(handWritten.Value)}", tokenGen.Value.Bytes <= handWritten.Value.Bytes);
            PeerRows(text, type.Name, "RestEase", tokenGen.Value, restEase, isGoal: true);
            PeerRows(text, type.Name, "RestEaseStj", tokenGen.Value, Find(reports, type, nameof(DirectLineGenerateToken.RestEaseStj)), isGoal: false);
        }

        Measured? cached = Find(reports, typeof(TokenSessionBenchmarks), nameof(TokenSessionBenchmarks.CachedRead));
        Row(text, "cached token read < 20 ns", cached is null ? "not run" : Time(cached.Value), cached?.Nanoseconds < 20);
        Row(text, "cached token read allocates 0 bytes", cached is null ? "not run" : Bytes(cached.Value), cached?.Bytes == 0);
        Measured? cachedShared = Find(reports, typeof(SharedTokenSessionBenchmarks), nameof(SharedTokenSessionBenchmarks.CachedReadWithStore));
        Row(text, "cached token read with a store < 20 ns", cachedShared is null ? "not run" : Time(cachedShared.Value), cachedShared?.Nanoseconds < 20);
        Row(text, "cached token read with a store allocates 0 bytes", cachedShared is null ? "not run" : Bytes(cachedShared.Value), cachedShared?.Bytes == 0);
        Measured? refreshAlone = Find(reports, typeof(SharedTokenSessionBenchmarks), nameof(SharedTokenSessionBenchmarks.RefreshAlone));
        Measured? refreshShared = Find(reports, typeof(SharedTokenSessionBenchmarks), nameof(SharedTokenSessionBenchmarks.RefreshThroughStore));
        if (refreshAlone is { } alone && refreshShared is { } shared)
        {
            Row(text, "(a refresh's added cost through a store, in memory; Redis adds four round trips)",
                $"{Time(shared)} vs {Time(alone)}: +{Time(new Measured(shared.Nanoseconds - alone.Nanoseconds, 0))}, +{Bytes(new Measured(0, shared.Bytes - alone.Bytes))}", null);
        }

        Measured? fullRun = Find(reports, typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.FullRun), GeneratorInput.FiveHundredInterfaces);
        Row(text, "full generator run, 500 interfaces × 4 operations < 300 ms", fullRun is null ? "not run" : Time(fullRun.Value), fullRun?.Nanoseconds < 300e6);
        Measured? bindOnly = Find(reports, typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.BindOnly), GeneratorInput.FiveHundredInterfaces);
        if (fullRun is { } full && bindOnly is { } floor)
        {
            Row(text, "(of which Roslyn binding the interfaces, the BindOnly floor)", $"{Time(floor)}; TokenGen's own share {Time(new Measured(full.Nanoseconds - floor.Nanoseconds, 0))}", null);
        }

        foreach (string input in new[] { GeneratorInput.FiveApis, GeneratorInput.FiveHundredInterfaces })
        {
            ReEmission unrelated = ReEmission.Measure(input, GeneratorEdit.UnrelatedFile);
            ReEmission inside = ReEmission.Measure(input, GeneratorEdit.InsideOneInterface);
            Row(text, $"{input}: an unrelated edit re-emits nothing", $"{unrelated.ReEmitted} of {unrelated.Total} outputs", unrelated.ReEmitted == 0);
            Row(text, $"{input}: an edit inside one interface re-emits only that one", $"{inside.ReEmitted} of {inside.Total} outputs ({inside.ChangedHintNames})", inside.ReEmitted == 1);
        }

        return text.ToString();
    }

    /// <summary>
    /// The two peer goals against <paramref name="peer"/>. The goals are set against RestEase as it ships; RestEaseStj
    /// (RestEase given TokenGen's own source-generated JSON) is shown for comparison, with no verdict.
    /// </summary>
    private static void PeerRows(StringBuilder text, string benchmark, string peer, Measured tokenGen, Measured? measuredPeer, bool isGoal)
    {
        if (measuredPeer is not { } other)
        {
            return;
        }

        double speedup = other.Nanoseconds / tokenGen.Nanoseconds;
        double allocationShare = tokenGen.Bytes / (double)Math.Max(1, other.Bytes);
        string prefix = isGoal ? "" : "(for comparison) ";
        Row(text, $"{prefix}{benchmark}: ≥ 2 × faster than {peer}", $"{Time(other)} / {Time(tokenGen)} = {speedup:0.00} ×", isGoal ? speedup >= 2 : null);
        Row(text, $"{prefix}{benchmark}: ≤ ⅓ of {peer}'s allocations", $"{Bytes(tokenGen)} / {Bytes(other)} = {allocationShare:0.00}", isGoal ? allocationShare <= 1.0 / 3 : null);
    }

    private static Measured? Find(List<BenchmarkReport> reports, Type type, string method, string? input = null)
    {
        BenchmarkReport? report = reports.FirstOrDefault(report =>
            report.BenchmarkCase.Descriptor.Type == type
            && report.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
            && (input is null || Equals(report.BenchmarkCase.Parameters[nameof(GeneratorBenchmarks.Input)], input)));
        if (report?.ResultStatistics is null)
        {
            return null;
        }

        long bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
        return new Measured(report.ResultStatistics.Mean, bytes);
    }

    private static void Row(StringBuilder text, string goal, string figure, bool? met) =>
        text.Append("| ").Append(goal).Append(" | ").Append(figure).Append(" | ")
            .Append(met switch { true => "yes", false => "**no**", null => "-" }).AppendLine(" |");

    private static string Time(Measured measured) => measured.Nanoseconds switch
    {
        < 1e3 => measured.Nanoseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ns",
        < 1e6 => (measured.Nanoseconds / 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " µs",
        _ => (measured.Nanoseconds / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " ms",
    };

    private static string Bytes(Measured measured) =>
        measured.Bytes < 0 ? "unknown" : measured.Bytes.ToString("N0", CultureInfo.InvariantCulture) + " B";

    private readonly record struct Measured(double Nanoseconds, long Bytes);
}
