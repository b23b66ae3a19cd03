using System;
using System.Linq;
using BenchmarkDotNet.Reports;
using TokenGen.Benchmarks.Generator;

namespace TokenGen.Benchmarks;

/// <summary>
/// What a quick run must show: every benchmark ran (its setup checks, which call the clients and compare their requests
/// and answers, passed, and the measured method ran to the end), and the generator's edits re-emitted exactly what they
/// should. No timing is checked: a quick run's one iteration says nothing about speed.
/// </summary>
internal static class QuickCheck
{
    public const string GoalTableNote =
        "Quick run: each figure below is one cold invocation, a smoke test and not a measurement; only the re-emission rows mean what they say.";

    public static int Report(Summary[] summaries)
    {
        var reports = summaries.SelectMany(summary => summary.Reports).ToList();
        int cases = summaries.Sum(summary => summary.BenchmarksCases.Length);
        var failed = reports
            .Where(report => !report.Success || report.ResultStatistics is null)
            .Select(report => report.BenchmarkCase.DisplayInfo)
            .Concat(summaries.SelectMany(summary => summary.ValidationErrors).Where(error => error.IsCritical).Select(error => "validation: " + error.Message))
            .ToList();

        foreach (string input in new[] { GeneratorInput.FiveApis, GeneratorInput.FiveHundredInterfaces })
        {
            ReEmission unrelated = ReEmission.Measure(input, GeneratorEdit.UnrelatedFile);
            if (unrelated.ReEmitted != 0 || unrelated.ChangedHintNames.Length != 0)
            {
                failed.Add($"{input}: an unrelated edit re-emitted {unrelated.ReEmitted} of {unrelated.Total} outputs ({unrelated.ChangedHintNames}).");
            }

            ReEmission inside = ReEmission.Measure(input, GeneratorEdit.InsideOneInterface);
            if (inside.ReEmitted != 1 || inside.ChangedHintNames.Contains(',', StringComparison.Ordinal) || inside.ChangedHintNames.Length == 0)
            {
                failed.Add($"{input}: an edit inside one interface re-emitted {inside.ReEmitted} of {inside.Total} outputs ({inside.ChangedHintNames}).");
            }

            Console.WriteLine($"{input}: unrelated edit re-emitted {unrelated.ReEmitted} of {unrelated.Total}; edit inside one interface re-emitted {inside.ReEmitted} of {inside.Total} ({inside.ChangedHintNames})");
        }

        foreach (string failure in failed)
        {
            Console.WriteLine("FAILED: " + failure);
        }

        int ran = reports.Count(report => report.Success && report.ResultStatistics is not null);
        Console.WriteLine($"benchmarks quick run: {ran} of {cases} benchmarks ran with their answers checked, {failed.Count} failures");
        return failed.Count == 0 && ran == cases && cases > 0 ? 0 : 1;
    }
}
