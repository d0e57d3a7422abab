using System.Buffers.Binary;

namespace RawNet.Protocols.Pktap;

/// <summary>Where tshark finds the packet behind a PKTAP header, or why it finds none.</summary>
public enum PktapPacket : byte
{
    /// <summary>The packet starts at the offset found.</summary>
    Found,
    /// <summary>The header length reaches past the captured bytes, but not past the packet's: cut by the capture.</summary>
    Truncated,
    /// <summary>The header length reaches past the whole packet.</summary>
    Malformed,
}

/// <summary>
/// A view over Apple's PKTAP header (LINKTYPE_PKTAP, 258): a header of its own declared length, at least 108 bytes, in the
/// capturing host's byte order (little-endian: Apple's machines are), before a packet of the link type its DLT names.
/// <code>
/// +-------------------------------+-------------------------------+
/// | header length (4)             | record type (4)               |
/// | DLT (4)                       | interface name (24, NUL-padded)
/// | ...                                                           |
/// | flags (4)                     | protocol family (4)           |
/// | link-layer header length (4)  | link-layer trailer length (4) |
/// | process ID (4)                | command name (20)             |
/// | ...                                                           |
/// | service class (4)             | iftype (2)    | ifunit (2)    |
/// | effective process ID (4)      | effective command name (20)   |
/// | ...                           | (header length - 108 more)    |
/// +-------------------------------+-------------------------------+
/// </code>
/// </summary>
public readonly ref struct PktapHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int HeaderLength = 0;
        public const int RecordType = 4;
        public const int Dlt = 8;
        public const int InterfaceName = 12;
        public const int Flags = 36;
        public const int ProtocolFamily = 40;
        public const int LinkHeaderLength = 44;
        public const int LinkTrailerLength = 48;
        public const int ProcessId = 52;
        public const int CommandName = 56;
        public const int ServiceClass = 76;
        public const int InterfaceType = 80;
        public const int InterfaceUnit = 82;
        public const int EffectiveProcessId = 84;
        public const int EffectiveCommandName = 88;
    }

    /// <summary>Length of the interface name field.</summary>
    public const int InterfaceNameLength = 24;

    /// <summary>Length of each command name field.</summary>
    public const int CommandNameLength = 20;

    /// <summary>Length of the header's fixed part: the least a header length may say.</summary>
    public const int FixedLength = 108;

    /// <summary>Bytes the header length field takes (all tshark reads before it checks that length).</summary>
    public const int LengthFieldLength = 4;

    /// <summary>The record type of a header followed by nothing.</summary>
    public const uint RecordNone = 0;

    /// <summary>The record type of a header followed by a packet.</summary>
    public const uint RecordPacket = 1;

    private readonly ReadOnlySpan<byte> _bytes;

    private PktapHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds the header's fixed part.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out PktapHeader header)
    {
        header = bytes.Length >= FixedLength ? new PktapHeader(bytes) : default;
        return bytes.Length >= FixedLength;
    }

    /// <summary>The header length at the start of <paramref name="bytes"/> (at least <see cref="LengthFieldLength"/> of them).</summary>
    public static uint DeclaredLength(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    /// <summary>The header's length as it says: where the packet starts.</summary>
    public uint HeaderLength => DeclaredLength(_bytes);

    /// <summary>The record type: <see cref="RecordPacket"/> when a packet follows.</summary>
    public uint RecordType => BinaryPrimitives.ReadUInt32LittleEndian(_bytes[Field.RecordType..]);

    /// <summary>The link type (a DLT_ value) of the packet that follows.</summary>
    public uint Dlt => BinaryPrimitives.ReadUInt32LittleEndian(_bytes[Field.Dlt..]);

    /// <summary>The interface name's bytes, NUL-padded.</summary>
    public ReadOnlySpan<byte> InterfaceName => _bytes.Slice(Field.InterfaceName, InterfaceNameLength);

    /// <summary>
    /// The link type tshark's wtap_encap table decodes a DLT as, for the DLTs RawNet decodes after a PKTAP header: DLT_RAW
    /// is 12 on most systems and 14 on OpenBSD, and 101 is LINKTYPE_RAW; 228 and 229 are raw IPv4 and IPv6.
    /// </summary>
    public static bool TryGetLinkType(uint dlt, out LinkType linkType)
    {
        linkType = dlt switch
        {
            0 => LinkType.Null,
            1 => LinkType.Ethernet,
            9 => LinkType.Ppp,
            12 or 14 or 101 => LinkType.Raw,
            104 => LinkType.CiscoHdlc,
            108 => LinkType.Loop,
            113 => LinkType.LinuxSll,
            228 => LinkType.Ipv4,
            229 => LinkType.Ipv6,
            258 => LinkType.Pktap,
            276 => LinkType.LinuxSll2,
            _ => (LinkType)ushort.MaxValue,
        };
        return linkType != (LinkType)ushort.MaxValue;
    }

    /// <summary>
    /// Where tshark starts the packet: the header length as a signed offset into the bytes from the header on, so that a
    /// length from 2^31 up counts back from the end of the captured bytes (as a negative tvb offset does). Past the
    /// captured bytes the packet is cut by the capture when the reported length covers it, else malformed.
    /// </summary>
    public static PktapPacket PacketStart(int captured, int reported, uint headerLength, out int start)
    {
        start = 0;
        long offset = (int)headerLength;
        if (offset < 0)
        {
            long before = -offset;
            if (before <= captured)
            {
                start = (int)(captured - before);
                return PktapPacket.Found;
            }
            return before <= reported ? PktapPacket.Truncated : PktapPacket.Malformed;
        }
        if (offset <= captured)
        {
            start = (int)offset;
            return PktapPacket.Found;
        }
        return offset <= reported ? PktapPacket.Truncated : PktapPacket.Malformed;
    }
}
