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
/// Sets each figure of a run against the goal it is meant to meet, as one markdown table: the per-call ratios to the
/// tight hand-written floor and to Refit (with the idiomatic hand-written code and RestEase for comparison), the cached
/// token read, the generator's full run and what its edits re-emit. A ratio carries its error, and a goal is met only
/// when the error does not cross its line.
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
            Measured? tight = Find(reports, type, nameof(DirectLineGenerateToken.Tight));
            Measured? tokenGen = Find(reports, type, nameof(DirectLineGenerateToken.TokenGen));
            if (tight is null || tokenGen is null)
            {
                Row(text, $"{type.Name}: time ≤ 1.00 × the tight floor", "not run", null);
                continue;
            }

            AtMost(text, $"{type.Name}: time ≤ 1.00 × the tight floor", Ratio.Of(tokenGen.Value, tight.Value), 1.00);
            BytesAtMost(text, $"{type.Name}: allocated ≤ 0.95 × the tight floor", tokenGen.Value, tight.Value, 0.95);
            if (Find(reports, type, nameof(DirectLineGenerateToken.Refit)) is { } refit)
            {
                AtLeast(text, $"{type.Name}: ≥ 1.5 × faster than Refit", Ratio.Of(refit, tokenGen.Value), 1.5);
                BytesAtMost(text, $"{type.Name}: allocated ≤ 0.6 × Refit's", tokenGen.Value, refit, 0.6);
            }

            foreach (string other in new[] { nameof(DirectLineGenerateToken.Idiomatic), nameof(DirectLineGenerateToken.RestEase), nameof(DirectLineGenerateToken.RestEaseStj) })
            {
                if (Find(reports, type, other) is { } measured)
                {
                    Ratio speedup = Ratio.Of(measured, tokenGen.Value);
                    Row(text, $"(for comparison) {type.Name}: {other} / TokenGen", $"time {speedup}, allocated {Bytes(measured)} vs {Bytes(tokenGen.Value)}", null);
                }
            }
        }

        Measured? cached = Find(reports, typeof(TokenSessionBenchmarks), nameof(TokenSessionBenchmarks.CachedRead));
        Row(text, "cached token read < 10 ns", cached is null ? "not run" : Time(cached.Value) + " ± " + Time(new Measured(cached.Value.Margin, 0)), cached is { } c ? c.Nanoseconds + c.Margin < 10 : null);
        if (cached is { } cachedRead && Find(reports, typeof(TokenSessionBenchmarks), nameof(TokenSessionBenchmarks.ClockRead)) is { } clock)
        {
            Row(text, "(the floor under it: reading Environment.TickCount64 alone)",
                $"{Time(clock)} ± {Time(new Measured(clock.Margin, 0))}; the session's own share {Time(new Measured(cachedRead.Nanoseconds - clock.Nanoseconds, 0))}", null);
        }

        Row(text, "cached token read allocates 0 bytes", cached is null ? "not run" : Bytes(cached.Value), cached is { } read ? read.Bytes == 0 : null);
        Measured? cachedShared = Find(reports, typeof(SharedTokenSessionBenchmarks), nameof(SharedTokenSessionBenchmarks.CachedReadWithStore));
        Row(text, "cached token read with a store < 20 ns", cachedShared is null ? "not run" : Time(cachedShared.Value), cachedShared is { } sharedRead ? sharedRead.Nanoseconds + sharedRead.Margin < 20 : null);
        Row(text, "cached token read with a store allocates 0 bytes", cachedShared is null ? "not run" : Bytes(cachedShared.Value), cachedShared is { } sharedBytes ? sharedBytes.Bytes == 0 : null);
        Measured? refreshAlone = Find(reports, typeof(SharedTokenSessionBenchmarks), nameof(SharedTokenSessionBenchmarks.RefreshAlone));
        Measured? refreshShared = Find(reports, typeof(SharedTokenSessionBenchmarks), nameof(SharedTokenSessionBenchmarks.RefreshThroughStore));
        if (refreshAlone is { } alone && refreshShared is { } shared)
        {
            Row(text, "(a refresh's added cost through a store, in memory; Redis adds four round trips)",
                $"{Time(shared)} vs {Time(alone)}: +{Time(new Measured(shared.Nanoseconds - alone.Nanoseconds, 0))}, +{Bytes(new Measured(0, shared.Bytes - alone.Bytes))}", null);
        }

        Measured? fullRun = Find(reports, typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.FullRun), GeneratorInput.FiveHundredInterfaces);
        Row(text, "full generator run, 500 interfaces × 4 operations < 300 ms", fullRun is null ? "not run" : Time(fullRun.Value), fullRun is { } run ? run.Nanoseconds < 300e6 : null);
        Measured? bindOnly = Find(reports, typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.BindOnly), GeneratorInput.FiveHundredInterfaces);
        if (fullRun is { } full && bindOnly is { } floor)
        {
            Row(text, "(of which Roslyn binding the interfaces, the BindOnly floor)", $"{Time(floor)}; TokenGen's own share {Time(new Measured(full.Nanoseconds - floor.Nanoseconds, 0))}", null);
        }

        Measured? tokenGenFull = FindGenerator(reports, PeerGenerator.TokenGen, nameof(RealisticGeneratorBenchmarks.FullRun));
        Measured? refitFull = FindGenerator(reports, PeerGenerator.Refit, nameof(RealisticGeneratorBenchmarks.FullRun));
        if (tokenGenFull is { } ours && refitFull is { } theirs)
        {
            AtMost(text, "500 APIs with their own models: full run ≤ 1.00 × Refit's generator", Ratio.Of(ours, theirs), 1.00);
            AtMost(text, "(aim) 500 APIs with their own models: full run ≤ 0.75 × Refit's generator", Ratio.Of(ours, theirs), 0.75);
            BytesAtMost(text, "500 APIs with their own models: full run allocates ≤ Refit's generator", ours, theirs, 1.00);
            if (FindGenerator(reports, PeerGenerator.TokenGen, nameof(RealisticGeneratorBenchmarks.BindOnly)) is { } ourFloor)
            {
                // What no generator of these APIs that reads their models can go under: binding them, and the text it
                // writes (a string holds two bytes a character).
                long outputBytes = 2 * RealisticInput.Create(PeerGenerator.TokenGen).GeneratedCharacters();
                Row(text, "(the floor under both: TokenGen's BindOnly, and its output's text) / Refit's full run",
                    $"time {Ratio.Of(ourFloor, theirs)}; allocated {Bytes(ourFloor)} + {outputBytes:N0} B of text = {ourFloor.Bytes + outputBytes:N0} B vs {Bytes(theirs)}", null);
            }
        }
        else
        {
            Row(text, "500 APIs with their own models: full run ≤ 1.00 × Refit's generator", "not run", null);
        }

        Measured? tokenGenUnrelated = FindGenerator(reports, PeerGenerator.TokenGen, nameof(RealisticGeneratorBenchmarks.UnrelatedEdit));
        Measured? realisticFloor = FindGenerator(reports, PeerGenerator.TokenGen, nameof(RealisticGeneratorBenchmarks.BindOnly));
        if (tokenGenUnrelated is { } unrelatedEdit && realisticFloor is { } bindFloor)
        {
            AtMost(text, "500 APIs with their own models: an unrelated edit ≤ 1.1 × the bind-only floor", Ratio.Of(unrelatedEdit, bindFloor), 1.1);
        }

        foreach (string method in new[] { nameof(RealisticGeneratorBenchmarks.UnrelatedEdit), nameof(RealisticGeneratorBenchmarks.EditInsideOneInterface) })
        {
            if (FindGenerator(reports, PeerGenerator.TokenGen, method) is { } ourEdit && FindGenerator(reports, PeerGenerator.Refit, method) is { } theirEdit)
            {
                Row(text, $"(for comparison) 500 APIs: {method}, TokenGen / Refit", $"time {Ratio.Of(ourEdit, theirEdit)}, allocated {Bytes(ourEdit)} vs {Bytes(theirEdit)}", null);
            }
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

    /// <summary>A ratio goal "at most": met only when the ratio plus its error stays at or under the line.</summary>
    private static void AtMost(StringBuilder text, string goal, Ratio ratio, double line) =>
        Row(text, goal, ratio.ToString(), ratio.Value + ratio.Error <= line);

    /// <summary>A ratio goal "at least": met only when the ratio minus its error stays at or over the line.</summary>
    private static void AtLeast(StringBuilder text, string goal, Ratio ratio, double line) =>
        Row(text, goal, ratio.ToString(), ratio.Value - ratio.Error >= line);

    /// <summary>Allocations per operation are exact (no error): the share against the line.</summary>
    private static void BytesAtMost(StringBuilder text, string goal, Measured measured, Measured reference, double line)
    {
        double share = measured.Bytes / (double)Math.Max(1, reference.Bytes);
        Row(text, goal, $"{Bytes(measured)} / {Bytes(reference)} = {share:0.00}", measured.Bytes >= 0 && share <= line);
    }

    private static Measured? FindGenerator(List<BenchmarkReport> reports, PeerGenerator generator, string method) =>
        Find(reports, typeof(RealisticGeneratorBenchmarks), method, (nameof(RealisticGeneratorBenchmarks.Generator), generator));

    private static Measured? Find(List<BenchmarkReport> reports, Type type, string method, string? input = null) =>
        Find(reports, type, method, input is null ? null : (nameof(GeneratorBenchmarks.Input), input));

    private static Measured? Find(List<BenchmarkReport> reports, Type type, string method, (string Name, object Value)? parameter)
    {
        BenchmarkReport? report = reports.FirstOrDefault(report =>
            report.BenchmarkCase.Descriptor.Type == type
            && report.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
            && (parameter is not { } p || Equals(report.BenchmarkCase.Parameters[p.Name], p.Value)));
        if (report?.ResultStatistics is null)
        {
            return null;
        }

        long bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
        // The 99.9 % confidence interval's half-width; a one-iteration (quick) run has none.
        double margin = report.ResultStatistics.N > 1 ? report.ResultStatistics.ConfidenceInterval.Margin : 0;
        return new Measured(report.ResultStatistics.Mean, bytes, double.IsFinite(margin) ? margin : 0);
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

    private readonly record struct Measured(double Nanoseconds, long Bytes, double Margin = 0);

    /// <summary>
    /// <c>a / b</c> with its error from the two means' confidence margins (relative errors added in quadrature), so a goal
    /// is called met only when the whole interval is on the right side of its line.
    /// </summary>
    private readonly record struct Ratio(double Value, double Error)
    {
        public static Ratio Of(Measured a, Measured b)
        {
            double value = a.Nanoseconds / b.Nanoseconds;
            double relative = Math.Sqrt(Math.Pow(a.Margin / a.Nanoseconds, 2) + Math.Pow(b.Margin / b.Nanoseconds, 2));
            return new Ratio(value, value * relative);
        }

        public override string ToString() =>
            Value.ToString("0.00", CultureInfo.InvariantCulture) + " ± " + Error.ToString("0.00", CultureInfo.InvariantCulture) + " ×";
    }
}
