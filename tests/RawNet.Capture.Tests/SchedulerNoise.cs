using RawNet.Capture.Replay;

namespace RawNet.Capture.Tests;

/// <summary>
/// How late this machine wakes a waiting thread right now: the mean lateness of the replayer's own wait on deadlines a
/// given gap apart, with nothing sent. When the rest of the suite (or anything else) loads both cores a sleeping or
/// spinning thread is preempted for milliseconds, which no pacing can avoid; timing tests allow that much on top of
/// their limit and no more, so errors of the code's own (sending late, drifting from its schedule) still fail them.
/// </summary>
internal static class SchedulerNoise
{
    /// <summary>The mean lateness, in microseconds, of <paramref name="count"/> waits <paramref name="gapNanoseconds"/> apart.</summary>
    public static double MeanLatenessMicroseconds(int count, long gapNanoseconds)
    {
        long gap = (long)(gapNanoseconds * (System.Diagnostics.Stopwatch.Frequency / 1e9));
        long origin = System.Diagnostics.Stopwatch.GetTimestamp() + gap;
        long lateness = 0;
        for (int i = 0; i < count; i++)
        {
            long deadline = origin + i * gap;
            lateness += PacketReplayer.WaitUntil(deadline, CancellationToken.None) - deadline;
        }
        return lateness * 1e6 / System.Diagnostics.Stopwatch.Frequency / count;
    }

    /// <summary>
    /// Runs <paramref name="run"/> (between two measurements of the noise) up to <paramref name="attempts"/> times, until
    /// <paramref name="failure"/> finds nothing wrong with its result and that noise; fails with every attempt's reason
    /// otherwise. The noise is measured before and after a run, not during it: a burst of load in between (the CPU-bound
    /// CLI tests share both cores) can still make one run late, while a fault of the code's own fails every attempt.
    /// </summary>
    public static T Within<T>(int attempts, int count, long gapNanoseconds, Func<T> run, Func<T, double, string?> failure)
    {
        var reasons = new List<string>();
        for (int attempt = 1; attempt <= attempts; attempt++)
        {
            var (result, noise) = Around(count, gapNanoseconds, run);
            string? reason = failure(result, noise);
            if (reason is null)
                return result;
            reasons.Add($"attempt {attempt}: {reason}");
        }
        Assert.Fail(string.Join("; ", reasons));
        return default!;
    }

    /// <summary>Runs <paramref name="run"/> between two measurements of the noise; returns its result and the larger noise, in microseconds.</summary>
    public static (T Result, double NoiseMicroseconds) Around<T>(int count, long gapNanoseconds, Func<T> run)
    {
        double before = MeanLatenessMicroseconds(count, gapNanoseconds);
        var result = run();
        double after = MeanLatenessMicroseconds(count, gapNanoseconds);
        return (result, Math.Max(before, after));
    }
}
