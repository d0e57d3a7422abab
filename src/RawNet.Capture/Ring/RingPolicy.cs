namespace RawNet.Capture.Ring;

/// <summary>What a <see cref="PacketRing"/> producer does when the slowest consumer leaves no room for a record.</summary>
public enum RingPolicy : byte
{
    /// <summary>Live capture: the producer never blocks; the newest record is dropped and counted in <see cref="PacketRing.DroppedRecords"/>.</summary>
    Lossy,

    /// <summary>Files and replay: <see cref="PacketRing.Write"/> and <see cref="RingAppender.Append"/> wait (spin, yield, then sleep) until space frees.</summary>
    Lossless,
}
