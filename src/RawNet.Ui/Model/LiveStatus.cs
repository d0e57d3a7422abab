namespace RawNet.Ui.Model;

/// <summary>A live capture's counters at one moment, as the capture session and the kernel report them.</summary>
/// <param name="Captured">Frames the capture thread put into the ring (each one reaches the file and the list).</param>
/// <param name="DroppedByKernel">Frames the kernel dropped because its buffer was full.</param>
/// <param name="DroppedByRing">Frames dropped because the ring was full (the file writer was behind).</param>
/// <param name="RingFillPercent">How full the ring is now, 0 to 100.</param>
/// <param name="Running">False once the capture has stopped.</param>
public readonly record struct LiveCounters(long Captured, long DroppedByKernel, long DroppedByRing, double RingFillPercent, bool Running);

/// <summary>
/// What the status bar shows about a live capture: the interface and capture filter, the latest counters and the
/// capture rate in packets a second over about the last second (timed by an injectable clock).
/// </summary>
public sealed class LiveStatus(string interfaceName, string? captureFilter, TimeProvider clock)
{
    /// <summary>How far back the rate looks.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(1);

    private readonly Queue<(long Timestamp, long Captured)> _samples = new();

    /// <summary>The interface captured on.</summary>
    public string InterfaceName { get; } = interfaceName;

    /// <summary>The capture filter, or null.</summary>
    public string? CaptureFilter { get; } = captureFilter;

    /// <summary>The counters of the last <see cref="Update"/>.</summary>
    public LiveCounters Counters { get; private set; } = new(0, 0, 0, 0, true);

    /// <summary>Captured frames a second over the last <see cref="RateWindow"/> (0 once stopped).</summary>
    public double PacketsPerSecond { get; private set; }

    /// <summary>Takes new counters and works out the rate since the oldest sample within the window.</summary>
    public void Update(LiveCounters counters)
    {
        long now = clock.GetTimestamp();
        Counters = counters;
        _samples.Enqueue((now, counters.Captured));
        // Keep one sample at least a window old, so the rate always spans about a second once there is one.
        while (_samples.Count > 2 && clock.GetElapsedTime(_samples.ElementAt(1).Timestamp, now) >= RateWindow)
            _samples.Dequeue();
        var (then, captured) = _samples.Peek();
        double seconds = clock.GetElapsedTime(then, now).TotalSeconds;
        PacketsPerSecond = !counters.Running || seconds <= 0 ? 0 : (counters.Captured - captured) / seconds;
    }
}
