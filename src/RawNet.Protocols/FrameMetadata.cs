namespace RawNet.Protocols;

/// <summary>Which way a frame went, where the capture source knows (pcapng epb_flags, AF_PACKET pkttype).</summary>
public enum PacketDirection : byte
{
    Unknown,
    Inbound,
    Outbound,
}

/// <summary>What a capture source knows about one frame besides its bytes.</summary>
/// <param name="TimestampNanoseconds">Capture time in nanoseconds since the Unix epoch.</param>
/// <param name="CapturedLength">Bytes captured (the length of the frame's data).</param>
/// <param name="OriginalLength">Bytes the frame had on the wire.</param>
/// <param name="LinkType">Link-layer header type of the frame.</param>
/// <param name="InterfaceId">Index of the capturing interface within its file or capture session.</param>
/// <param name="Direction">Inbound or outbound, where known.</param>
public readonly record struct FrameMetadata(
    long TimestampNanoseconds,
    int CapturedLength,
    int OriginalLength,
    LinkType LinkType,
    int InterfaceId = 0,
    PacketDirection Direction = PacketDirection.Unknown);
