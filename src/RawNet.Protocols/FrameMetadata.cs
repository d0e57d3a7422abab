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
/// <param name="Interface">The file's interface as tshark shows it (frame.interface_id, _name, _description), where the file describes one.</param>
/// <param name="SectionNumber">The 1-based pcapng section the frame is in; 0 for other files.</param>
/// <param name="PacketFlags">The enhanced (or obsolete) packet block's epb_flags word, where it has one.</param>
public readonly record struct FrameMetadata(
    long TimestampNanoseconds,
    int CapturedLength,
    int OriginalLength,
    LinkType LinkType,
    int InterfaceId = 0,
    PacketDirection Direction = PacketDirection.Unknown,
    CaptureInterface? Interface = null,
    int SectionNumber = 0,
    uint? PacketFlags = null)
{
    // Every decoded packet copies its metadata: the flags kept as a word and a presence byte, not as a uint? (which the
    // runtime pads to 8 bytes), hold the struct at 40 bytes rather than 48.
    private readonly uint _packetFlags = PacketFlags.GetValueOrDefault();
    private readonly bool _hasPacketFlags = PacketFlags.HasValue;

    /// <summary>The enhanced (or obsolete) packet block's epb_flags word, where it has one.</summary>
    public uint? PacketFlags
    {
        get => _hasPacketFlags ? _packetFlags : null;
        init
        {
            _packetFlags = value.GetValueOrDefault();
            _hasPacketFlags = value.HasValue;
        }
    }
}

/// <summary>
/// An interface a capture file describes (a pcapng interface description block, or one wiretap makes for ERF ports), made
/// once per interface by the reader and shared by its frames.
/// </summary>
/// <param name="Id">The interface's number as tshark shows it (frame.interface_id): its index in its pcapng section.</param>
/// <param name="Name">if_name, else if_description, else "unknown": tshark's name for it.</param>
/// <param name="Description">if_description, where the file gives one.</param>
public sealed record CaptureInterface(int Id, string Name, string? Description)
{
    /// <summary>What tshark calls an interface the file names and describes in neither way.</summary>
    public const string UnknownName = "unknown";
}
