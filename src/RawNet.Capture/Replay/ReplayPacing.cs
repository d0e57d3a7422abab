namespace RawNet.Capture.Replay;

/// <summary>How replay spaces frames in time.</summary>
public enum ReplayPacing
{
    /// <summary>The recorded gaps, divided by <see cref="ReplayOptions.Speed"/> (1 = as recorded).</summary>
    Recorded,

    /// <summary>A fixed rate of <see cref="ReplayOptions.PacketsPerSecond"/>.</summary>
    FixedRate,

    /// <summary>As fast as the interface takes them; no schedule.</summary>
    TopSpeed,
}

/// <summary>What to replay and how fast.</summary>
/// <param name="Interface">The interface the frames leave by.</param>
/// <param name="Pacing">How frames are spaced.</param>
/// <param name="Speed">The factor recorded gaps are divided by (<see cref="ReplayPacing.Recorded"/> only).</param>
/// <param name="PacketsPerSecond">The rate (<see cref="ReplayPacing.FixedRate"/> only).</param>
/// <param name="Loops">How many times the file is sent, at least 1.</param>
public sealed record ReplayOptions(string Interface, ReplayPacing Pacing = ReplayPacing.Recorded, double Speed = 1, double PacketsPerSecond = 0, int Loops = 1);
