using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace RawNet.Benchmarks.Ring;

/// <summary>
/// Every <see cref="RingThroughputBenchmarks"/> row in one process, round-robin: round 1 runs each row once, round 2
/// again, and so on, then each row's median is printed with the load average before and after. On a machine shared
/// with other jobs the load moves within seconds; interleaving puts every row in the same conditions, so the ratios
/// hold even when BenchmarkDotNet's row-after-row runs catch different loads.
/// <c>dotnet run -c Release --project tests/RawNet.Benchmarks -- --interleaved [ROUNDS]</c>.
/// </summary>
internal static class RingInterleavedRun
{
    /// <summary>Calls per row before measuring: past tiered compilation's 30-call threshold, so rows run their final code.</summary>
    private const int WarmupCalls = 35;

    public static void Run(int rounds)
    {
        var sizes = typeof(RingThroughputBenchmarks).GetProperty(nameof(RingThroughputBenchmarks.RingBytes))!
            .GetCustomAttribute<ParamsAttribute>()!.Values.Cast<int>();
        foreach (int ringBytes in sizes)
        {
            Console.WriteLine($"ring of {ringBytes >> 20} MiB:");
            Run(rounds, new RingThroughputBenchmarks { RingBytes = ringBytes });
        }
    }

    private static void Run(int rounds, RingThroughputBenchmarks benchmarks)
    {
        benchmarks.Setup();
        var rows = typeof(RingThroughputBenchmarks).GetMethods()
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<BenchmarkAttribute>()))
            .Where(row => row.Attribute is not null)
            .Select(row => (row.Method.Name, Run: row.Method.CreateDelegate<Func<long>>(benchmarks), Operations: row.Attribute!.OperationsPerInvoke))
            .ToList();
        string loadBefore = LoadAverage();
        foreach (var row in rows)
        {
            for (int i = 0; i < WarmupCalls; i++)
                row.Run();
        }
        var times = rows.ToDictionary(row => row.Name, _ => new List<double>());
        for (int round = 0; round < rounds; round++)
        {
            foreach (var row in rows)
            {
                var stopwatch = Stopwatch.StartNew();
                row.Run();
                times[row.Name].Add(stopwatch.Elapsed.TotalNanoseconds / row.Operations);
            }
        }
        Console.WriteLine($"{rounds} interleaved rounds; load average before warm-up {loadBefore}, after {LoadAverage()}");
        double channel = Median(times[nameof(RingThroughputBenchmarks.Channel_bounded)]);
        Console.WriteLine($"| {"Row",-42} | {"median ns/op",12} | {"ops/s",10} | {"vs channel",10} | {"min ns",8} | {"max ns",8} |");
        foreach (var row in rows)
        {
            var list = times[row.Name];
            double median = Median(list);
            Console.WriteLine($"| {row.Name,-42} | {median,12:F2} | {1e3 / median,8:F1} M | {channel / median,9:F1}x | {list.Min(),8:F2} | {list.Max(),8:F2} |");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
