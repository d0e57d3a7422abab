namespace RawNet.Capture.Lab.Link;

/// <summary>
/// What the lab link does to the frames of one direction, with netem's meanings: a fixed delay plus a uniform jitter,
/// random loss, a transmitter of a given rate with a tail-drop queue counted in frames, and per-frame chances of being
/// sent early (reordered), twice (duplicated) or with one bit flipped (corrupted).
/// </summary>
/// <param name="DelayNanoseconds">Added to every frame, after it has been transmitted at <paramref name="RateBitsPerSecond"/>.</param>
/// <param name="JitterNanoseconds">Each frame's delay moves by a uniform amount in ±this; frames keep their order (a frame never leaves before the one ahead of it).</param>
/// <param name="LossPercent">Chance in percent that a frame is dropped.</param>
/// <param name="RateBitsPerSecond">The transmitter's speed (frame bytes from the Ethernet header on, no FCS or preamble); 0 when unlimited.</param>
/// <param name="QueueFrames">How many frames may wait for the transmitter; one more is dropped (tail drop). Only a rate makes frames wait.</param>
/// <param name="ReorderPercent">Chance in percent that a frame skips the delay and leaves at once, ahead of frames still delayed.</param>
/// <param name="DuplicatePercent">Chance in percent that a frame is sent twice.</param>
/// <param name="CorruptPercent">Chance in percent that one random bit after the Ethernet header is flipped.</param>
public readonly record struct LinkImpairment(
    long DelayNanoseconds,
    long JitterNanoseconds,
    double LossPercent,
    long RateBitsPerSecond,
    int QueueFrames,
    double ReorderPercent,
    double DuplicatePercent,
    double CorruptPercent)
{
    /// <summary>The default queue: netem's default limit.</summary>
    public const int DefaultQueueFrames = 1000;

    /// <summary>The largest queue: far beyond what any teaching link needs, small enough that its bookkeeping stays tiny.</summary>
    public const int MaxQueueFrames = 100_000;

    /// <summary>The longest delay plus jitter: a frame held longer is no longer a link but a store.</summary>
    public const long MaxDelayNanoseconds = 10_000_000_000;

    /// <summary>A link that changes nothing.</summary>
    public static LinkImpairment None => new(0, 0, 0, 0, DefaultQueueFrames, 0, 0, 0);

    /// <summary>Whether frames pass untouched and at once.</summary>
    public bool IsNone => DelayNanoseconds == 0 && JitterNanoseconds == 0 && LossPercent == 0 && RateBitsPerSecond == 0
        && ReorderPercent == 0 && DuplicatePercent == 0 && CorruptPercent == 0;
}
