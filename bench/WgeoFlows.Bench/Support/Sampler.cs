using System.Diagnostics;

namespace WgeoFlows.Bench.Support;

/// <summary>Runs an operation repeatedly after a warm-up and reports the median, p99 and bytes allocated per call.</summary>
public static class Sampler
{
    public sealed record Figures(double P50Ms, double P99Ms, double MeanMs, long AllocatedBytesPerCall, int Iterations);

    public static Figures Measure(Action operation, int iterations, int warmup = 5)
    {
        for (var i = 0; i < warmup; i++) operation();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var times = new double[iterations];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            operation();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / iterations;
        Array.Sort(times);
        return new Figures(Percentile(times, 0.50), Percentile(times, 0.99), times.Average(), allocated, iterations);
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
