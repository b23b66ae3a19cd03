using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using TokenGen.Benchmarks.Calls;
using TokenGen.Benchmarks.Generator;

namespace TokenGen.Benchmarks;

/// <summary>
/// <c>interleaved &lt;class&gt; &lt;A&gt; &lt;B&gt; [rounds] [calls]</c>: two clients of one per-call class measured in
/// one process, A and B alternating in rounds of awaited calls, and the median of the per-round ratios A / B with its
/// quartiles. BenchmarkDotNet measures each benchmark in a process of its own, one after the other, so a burst of noise
/// on a shared machine lands on one side of a ratio; alternating puts it on both. This is a check beside the full run,
/// not a replacement: the goals table comes from the full run.
/// <c>interleaved RealisticGeneratorBenchmarks &lt;Generator.Method&gt; &lt;Generator.Method&gt; [rounds]</c> does the
/// same for two of the realistic generator benchmarks (<c>TokenGen.UnrelatedEdit TokenGen.BindOnly</c>,
/// <c>TokenGen.FullRun Refit.FullRun</c>), one run of each a round, after a full collection, so neither pays for the
/// other's garbage.
/// </summary>
internal static class Interleaved
{
    public static int Run(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine(
                "usage: interleaved <class> <A> <B> [rounds = 21] [calls per round = 20000], e.g. interleaved EsperRenewToken Refit TokenGen, " +
                "or interleaved RealisticGeneratorBenchmarks TokenGen.UnrelatedEdit TokenGen.BindOnly [rounds = 21]");
            return 2;
        }

        if (args[1] == nameof(RealisticGeneratorBenchmarks))
        {
            return RunGenerators(args);
        }

        Type type = typeof(CallBenchmark).Assembly.GetTypes()
            .SingleOrDefault(candidate => candidate.Name == args[1] && typeof(CallBenchmark).IsAssignableFrom(candidate))
            ?? throw new ArgumentException($"No per-call benchmark class {args[1]}.");
        int rounds = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 21;
        int calls = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 20_000;

        object benchmark = Activator.CreateInstance(type)!;
        type.GetMethod("Setup")!.Invoke(benchmark, null); // checks that every client sends the same request and reads the answer
        Func<Task> a = Client(type, benchmark, args[2]);
        Func<Task> b = Client(type, benchmark, args[3]);

        (List<double> timesA, List<double> timesB, List<double> ratios) = Alternate(() => Measure(a, calls), () => Measure(b, calls), warmups: 3, rounds);
        Console.WriteLine(
            $"{type.Name}: {args[2]} {Median(timesA):0} ns, {args[3]} {Median(timesB):0} ns a call (medians of {rounds} rounds of {calls} calls); " +
            $"{args[2]} / {args[3]} = {Median(ratios):0.00} (quartiles {Quantile(ratios, 0.25):0.00}–{Quantile(ratios, 0.75):0.00})");
        return 0;
    }

    private static int RunGenerators(string[] args)
    {
        int rounds = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 21;
        Func<object> a = GeneratorRun(args[2]);
        Func<object> b = GeneratorRun(args[3]);
        (List<double> timesA, List<double> timesB, List<double> ratios) = Alternate(() => MeasureOnce(a), () => MeasureOnce(b), warmups: 2, rounds);
        Console.WriteLine(
            $"{nameof(RealisticGeneratorBenchmarks)}: {args[2]} {Median(timesA) / 1e6:0} ms, {args[3]} {Median(timesB) / 1e6:0} ms a run (medians of {rounds} rounds); " +
            $"{args[2]} / {args[3]} = {Median(ratios):0.00} (quartiles {Quantile(ratios, 0.25):0.00}–{Quantile(ratios, 0.75):0.00})");
        return 0;
    }

    /// <summary>
    /// Runs A and B alternately, <paramref name="warmups"/> rounds unrecorded and then <paramref name="rounds"/> recorded,
    /// so a burst of noise falls on both; returns each side's times and the per-round ratios A / B.
    /// </summary>
    private static (List<double> TimesA, List<double> TimesB, List<double> Ratios) Alternate(Func<double> a, Func<double> b, int warmups, int rounds)
    {
        for (var warmup = 0; warmup < warmups; warmup++)
        {
            a();
            b();
        }

        var timesA = new List<double>(rounds);
        var timesB = new List<double>(rounds);
        var ratios = new List<double>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            double timeA = a();
            double timeB = b();
            timesA.Add(timeA);
            timesB.Add(timeB);
            ratios.Add(timeA / timeB);
        }

        return (timesA, timesB, ratios);
    }

    /// <summary>A realistic generator benchmark named <c>Generator.Method</c>, set up (and its setup's checks run).</summary>
    private static Func<object> GeneratorRun(string name)
    {
        string[] parts = name.Split('.');
        if (parts.Length != 2 || !Enum.TryParse(parts[0], out PeerGenerator generator))
        {
            throw new ArgumentException($"Name a realistic generator benchmark as Generator.Method (TokenGen.BindOnly, Refit.FullRun), not {name}.");
        }

        var benchmark = new RealisticGeneratorBenchmarks { Generator = generator };
        benchmark.Setup();
        MethodInfo method = typeof(RealisticGeneratorBenchmarks).GetMethod(parts[1], BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
            ?? throw new ArgumentException($"{nameof(RealisticGeneratorBenchmarks)} has no benchmark {parts[1]}.");
        return () => method.Invoke(benchmark, null)!;
    }

    /// <summary>Nanoseconds for one run, started after a full collection.</summary>
    private static double MeasureOnce(Func<object> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long start = Stopwatch.GetTimestamp();
        GC.KeepAlive(run());
        return Stopwatch.GetElapsedTime(start).TotalNanoseconds;
    }

    private static Func<Task> Client(Type type, object benchmark, string name)
    {
        MethodInfo method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
            ?? throw new ArgumentException($"{type.Name} has no benchmark {name}.");
        return (Func<Task>)Delegate.CreateDelegate(typeof(Func<Task>), benchmark, method);
    }

    /// <summary>Nanoseconds per call over <paramref name="calls"/> calls, each awaited as a caller would.</summary>
    private static double Measure(Func<Task> client, int calls)
    {
        long start = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            client().GetAwaiter().GetResult();
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / calls;
    }

    private static double Median(List<double> values) => Quantile(values, 0.5);

    private static double Quantile(List<double> values, double quantile)
    {
        double[] sorted = [.. values.Order()];
        return sorted[(int)Math.Round(quantile * (sorted.Length - 1))];
    }
}
