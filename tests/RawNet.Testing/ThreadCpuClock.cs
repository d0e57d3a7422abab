using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RawNet.Testing;

/// <summary>
/// The calling thread's CPU time, for a test's bound on how long work may take: a machine busy with other builds and
/// test runs stretches the wall clock many times over, not the CPU the work itself used (a fuzz run of 400,000 decodes
/// took 70 s of wall time at a load of 30 on two cores).
/// </summary>
public static class ThreadCpuClock
{
    /// <summary>The calling thread's CPU time so far (CLOCK_THREAD_CPUTIME_ID); the wall clock where the OS has none.</summary>
    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && clock_gettime(ClockThreadCpuTime, out var time) == 0)
            return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
        return Stopwatch.GetElapsedTime(0);
    }

    private const int ClockThreadCpuTime = 3;   // CLOCK_THREAD_CPUTIME_ID, <time.h>

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
