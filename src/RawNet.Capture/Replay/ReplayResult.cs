namespace RawNet.Capture.Replay;

/// <summary>What a replay sent, how long it took and how closely it kept to its schedule.</summary>
/// <param name="PacketsSent">Frames the interface accepted.</param>
/// <param name="BytesSent">Their bytes.</param>
/// <param name="Elapsed">From the first send to the last.</param>
/// <param name="MeanErrorMicroseconds">Mean of |send time − scheduled time| over the frames sent; 0 at top speed, which has no schedule.</param>
/// <param name="MaxErrorMicroseconds">The largest such error.</param>
/// <param name="FailedCount">Frames the interface refused (over the MTU, or a full queue that never drained).</param>
/// <param name="FailedFrames">The numbers (1-based, in the file) of the first refused frames, at most <see cref="PacketReplayer.MaxListedFailures"/>.</param>
/// <param name="Interrupted">Whether replay was stopped before the end.</param>
public sealed record ReplayResult(
    long PacketsSent,
    long BytesSent,
    TimeSpan Elapsed,
    double MeanErrorMicroseconds,
    double MaxErrorMicroseconds,
    long FailedCount,
    IReadOnlyList<long> FailedFrames,
    bool Interrupted);
