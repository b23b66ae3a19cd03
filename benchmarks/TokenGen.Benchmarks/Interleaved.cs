using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using TokenGen.Benchmarks.Calls;

namespace TokenGen.Benchmarks;

/// <summary>
/// <c>interleaved &lt;class&gt; &lt;A&gt; &lt;B&gt; [rounds] [calls]</c>: two clients of one per-call class measured in
/// one process, A and B alternating in rounds of awaited calls, and the median of the per-round ratios A / B with its
/// quartiles. BenchmarkDotNet measures each benchmark in a process of its own, one after the other, so a burst of noise
/// on a shared machine lands on one side of a ratio; alternating puts it on both. This is a check beside the full run,
/// not a replacement: the goals table comes from the full run.
/// </summary>
internal static class Interleaved
{
    public static int Run(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: interleaved <class> <A> <B> [rounds = 21] [calls per round = 20000], e.g. interleaved EsperRenewToken Refit TokenGen");
            return 2;
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

        for (var warmup = 0; warmup < 3; warmup++)
        {
            Measure(a, calls);
            Measure(b, calls);
        }

        var ratios = new List<double>(rounds);
        var timesA = new List<double>(rounds);
        var timesB = new List<double>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            double timeA = Measure(a, calls);
            double timeB = Measure(b, calls);
            timesA.Add(timeA);
            timesB.Add(timeB);
            ratios.Add(timeA / timeB);
        }

        Console.WriteLine(
            $"{type.Name}: {args[2]} {Median(timesA):0} ns, {args[3]} {Median(timesB):0} ns a call (medians of {rounds} rounds of {calls} calls); " +
            $"{args[2]} / {args[3]} = {Median(ratios):0.00} (quartiles {Quantile(ratios, 0.25):0.00}–{Quantile(ratios, 0.75):0.00})");
        return 0;
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
