namespace RawNet.Capture.Sessions;

/// <summary>The final tally of a capture, as tcpdump prints it when it stops.</summary>
/// <param name="Captured">Frames handed to the consumers (written into the ring).</param>
/// <param name="ReceivedByFilter">Frames the kernel's filter passed (the back end's count; includes the dropped ones).</param>
/// <param name="DroppedByKernel">Frames the kernel dropped because its buffer was full.</param>
/// <param name="DroppedByRing">Frames the capture thread dropped because the consumers were behind and the ring was full.</param>
/// <param name="OutOfOrder">
/// With several sockets: frames handed on after a newer one, because they reached the <see cref="TimestampMerge"/> later
/// than its window (or their socket delivered them out of order); never dropped.
/// </param>
public readonly record struct CaptureCounters(long Captured, long ReceivedByFilter, long DroppedByKernel, long DroppedByRing, long OutOfOrder = 0);
