using System.Buffers.Binary;

namespace RawNet.Protocols.Ipnet;

/// <summary>Where tshark finds the packet behind an ipnet header, or why it finds none.</summary>
public enum IpnetPayload : byte
{
    /// <summary>The packet starts at the offset found.</summary>
    Found,
    /// <summary>The data length reaches back past the captured bytes, but not past the packet's: cut by the capture.</summary>
    Truncated,
    /// <summary>The data length reaches back past the whole packet.</summary>
    Malformed,
}

/// <summary>
/// A view over the Solaris ipnet header (LINKTYPE_IPNET, 226), 24 bytes in network byte order before an IPv4 or IPv6
/// packet that Solaris's ipnet device observed.
/// <code>
/// +---------+---------+-------------------+
/// | version | family  | hook type (2)     |
/// +---------+---------+-------------------+
/// | data length (4)                       |
/// | interface index (4)                   |
/// | group interface index (4)             |
/// | source zone ID (4)                    |
/// | destination zone ID (4)               |
/// +---------------------------------------+
/// </code>
/// </summary>
public readonly ref struct IpnetHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Version = 0;
        public const int Family = 1;
        public const int HookType = 2;
        public const int DataLength = 4;
        public const int InterfaceIndex = 8;
        public const int GroupInterfaceIndex = 12;
        public const int SourceZone = 16;
        public const int DestinationZone = 20;
    }

    /// <summary>Length of the header.</summary>
    public const int Length = 24;

    /// <summary>Solaris's AF_INET.</summary>
    public const byte Inet = 2;

    /// <summary>Solaris's AF_INET6.</summary>
    public const byte Inet6 = 26;

    private readonly ReadOnlySpan<byte> _bytes;

    private IpnetHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds a whole header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out IpnetHeader header)
    {
        header = bytes.Length >= Length ? new IpnetHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The header's version.</summary>
    public byte Version => _bytes[Field.Version];

    /// <summary>The address family of the packet: <see cref="Inet"/> or <see cref="Inet6"/>.</summary>
    public byte Family => _bytes[Field.Family];

    /// <summary>The length of the packet that follows, as the header says.</summary>
    public uint DataLength => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.DataLength..]);

    /// <summary>The source zone ID.</summary>
    public uint SourceZone => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.SourceZone..]);

    /// <summary>The destination zone ID.</summary>
    public uint DestinationZone => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.DestinationZone..]);

    /// <summary>
    /// Where tshark's ipnet dissector starts the packet: the data length counted back from the end of the captured bytes
    /// (not from the end of the header: a capture that cut the frame, or a length that lies, moves it, even into the
    /// header). A length past the captured bytes counts back again from their end, as a negative offset into a tvb
    /// does; one that reaches back further is cut by the capture when the packet's reported length covers it, else
    /// malformed.
    /// </summary>
    public static IpnetPayload PayloadStart(int captured, int reported, uint dataLength, out int start)
    {
        long back = captured - (long)dataLength;
        if (back >= 0)
        {
            start = (int)back;
            return IpnetPayload.Found;
        }
        start = 0;
        long before = -back;
        if (before <= captured)
        {
            start = (int)(captured - before);
            return IpnetPayload.Found;
        }
        return before <= reported ? IpnetPayload.Truncated : IpnetPayload.Malformed;
    }
}
