using System.Buffers.Binary;

namespace RawNet.Protocols.Erf;

/// <summary>
/// A view over an Endace Extensible Record Format record header as libpcap stores it (LINKTYPE_ERF, 197): the 16-byte
/// header, the 8-byte extension headers its type's top bit announces (each announcing the next by its own top bit),
/// then the subheader some record types have (Ethernet's offset and pad, the multichannel types' 4-byte header).
/// <code>
/// +---------------------------------------------------------------+
/// | timestamp (8, little-endian: seconds in the high 32 bits)      |
/// +---------------+---------------+-------------------------------+
/// | type (1)      | flags (1)     | record length, rlen (2)       |
/// +---------------+---------------+-------------------------------+
/// | loss counter or colour (2)    | wire length, wlen (2)         |
/// +-------------------------------+-------------------------------+
/// | extension headers, 8 bytes each, while the previous type's top bit is set
/// | subheader: Ethernet offset (1) and pad (1) / multichannel header (4) / none
/// </code>
/// Wireshark's wiretap strips all of it before the frame's bytes and hands the dissector the record's wire length as the
/// frame's length: the packet after it is at most wlen bytes.
/// </summary>
public readonly ref struct ErfHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Timestamp = 0;
        public const int Type = 8;
        public const int Flags = 9;
        public const int RecordLength = 10;
        public const int LossCounter = 12;
        public const int WireLength = 14;
    }

    /// <summary>The flags byte's error bits (tshark's erf.flags.trunc, .rxe, .dse).</summary>
    public static class Flag
    {
        public const byte Truncated = 0x08;
        public const byte RxError = 0x10;
        public const byte DsError = 0x20;
    }

    /// <summary>Length of the fixed header.</summary>
    public const int Length = 16;

    /// <summary>Length of one extension header.</summary>
    public const int ExtensionLength = 8;

    /// <summary>The type byte's bit (and an extension header's) that announces another extension header.</summary>
    public const byte MoreExtensions = 0x80;

    /// <summary>The type byte's bits that hold the record type.</summary>
    public const byte TypeMask = 0x7F;

    /// <summary>Extension headers tshark 4.0 shows (wiretap keeps this many; it strips any after them unseen).</summary>
    public const int MaxShownExtensions = 16;

    /// <summary>Length of the subheader before an Ethernet record's frame: offset and pad.</summary>
    public const int EthernetSubheaderLength = 2;

    /// <summary>Length of the multichannel and AAL2 types' subheader.</summary>
    public const int MultichannelSubheaderLength = 4;

    /// <summary>The record types (ERF_TYPE_*), as the type byte's low 7 bits.</summary>
    public static class Types
    {
        public const byte Legacy = 0;
        public const byte HdlcPos = 1;
        public const byte Ethernet = 2;
        public const byte McHdlc = 5;
        public const byte McRaw = 6;
        public const byte McAtm = 7;
        public const byte McRawChannel = 8;
        public const byte McAal5 = 9;
        public const byte ColorHdlcPos = 10;
        public const byte ColorEthernet = 11;
        public const byte McAal2 = 12;
        public const byte IpCounter = 13;
        public const byte TcpFlowCounter = 14;
        public const byte DsmColorHdlcPos = 15;
        public const byte DsmColorEthernet = 16;
        public const byte ColorMcHdlcPos = 17;
        public const byte Aal2 = 18;
        public const byte ColorHashPos = 19;
        public const byte ColorHashEthernet = 20;
        public const byte Ipv4 = 22;
        public const byte Ipv6 = 23;
        public const byte Meta = 27;
        public const byte Pad = 48;
    }

    private readonly ReadOnlySpan<byte> _bytes;

    private ErfHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds the fixed 16-byte header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out ErfHeader header)
    {
        header = bytes.Length >= Length ? new ErfHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The timestamp: seconds in the high 32 bits, the binary fraction of a second in the low.</summary>
    public ulong Timestamp => BinaryPrimitives.ReadUInt64LittleEndian(_bytes);

    /// <summary>The record type (without the extension bit).</summary>
    public byte Type => (byte)(_bytes[Field.Type] & TypeMask);

    /// <summary>True when extension headers follow the fixed header.</summary>
    public bool HasExtensions => (_bytes[Field.Type] & MoreExtensions) != 0;

    /// <summary>The flags byte.</summary>
    public byte Flags => _bytes[Field.Flags];

    /// <summary>The record length the header declares (tshark shows it and reads nothing by it).</summary>
    public ushort RecordLength => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.RecordLength..]);

    /// <summary>The loss counter, or the colour of the colour types.</summary>
    public ushort LossCounter => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.LossCounter..]);

    /// <summary>The packet's length on the wire: the frame's length as tshark reports it.</summary>
    public ushort WireLength => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.WireLength..]);

    /// <summary>True for the Ethernet types, whose frame comes after a 2-byte offset and pad.</summary>
    public static bool IsEthernet(byte type) => type is Types.Ethernet or Types.ColorEthernet or Types.DsmColorEthernet or Types.ColorHashEthernet;

    /// <summary>True for the types whose loss counter field holds a colour instead (tshark's erf.color).</summary>
    public static bool HasColor(byte type) => type is Types.ColorHdlcPos or Types.ColorEthernet or Types.DsmColorHdlcPos
        or Types.DsmColorEthernet or Types.ColorMcHdlcPos or Types.ColorHashPos or Types.ColorHashEthernet;

    /// <summary>Length of the subheader a record type has after its extension headers, as wiretap reads it.</summary>
    public static int SubheaderLength(byte type) => type switch
    {
        _ when IsEthernet(type) => EthernetSubheaderLength,
        Types.McHdlc or Types.McRaw or Types.McAtm or Types.McRawChannel or Types.McAal5 or Types.McAal2 or Types.ColorMcHdlcPos
            or Types.Aal2 => MultichannelSubheaderLength,
        _ => 0,
    };

    /// <summary>
    /// The whole pseudo-header's length as wiretap reads it (fixed header, every chained extension header, subheader),
    /// walking the chain through <paramref name="bytes"/> only: a chain that runs past them ends there, with the length
    /// of the extension header it needed. <paramref name="extensions"/> counts the extension headers.
    /// </summary>
    public static int PseudoHeaderLength(ReadOnlySpan<byte> bytes, out int extensions)
    {
        extensions = 0;
        if (bytes.Length < Length)
            return Length;
        int offset = Length;
        if ((bytes[Field.Type] & MoreExtensions) != 0)
        {
            // Each step moves 8 bytes on, so the walk ends within the bytes however the chain is set.
            while (true)
            {
                extensions++;
                if (offset + ExtensionLength > bytes.Length)
                    return offset + ExtensionLength;
                byte kind = bytes[offset];
                offset += ExtensionLength;
                if ((kind & MoreExtensions) == 0)
                    break;
            }
        }
        return offset + SubheaderLength((byte)(bytes[Field.Type] & TypeMask));
    }

    /// <summary>
    /// The frame as wiretap hands it to tshark's dissectors from a pcap record of <paramref name="record"/> (metadata
    /// <paramref name="pcap"/>) whose pseudo-header is <paramref name="pseudoHeaderLength"/> bytes: the ERF timestamp
    /// (rounded to the nanosecond as wiretap rounds it), the wire length as the frame's length, and what the record holds
    /// after its pseudo-header, at most the wire length, as the captured length.
    /// </summary>
    public static FrameMetadata WiretapFrame(ReadOnlySpan<byte> record, in FrameMetadata pcap, int pseudoHeaderLength)
    {
        if (!TryRead(record, out var header))
            return pcap;
        ulong fraction = (header.Timestamp & 0xFFFF_FFFF) * 1_000_000_000UL;
        fraction += (fraction & 0x8000_0000) << 1;
        long seconds = (long)(header.Timestamp >> 32), nanoseconds = (long)(fraction >> 32);
        if (nanoseconds >= 1_000_000_000)
        {
            nanoseconds -= 1_000_000_000;
            seconds++;
        }
        int captured = Math.Clamp(pcap.CapturedLength - pseudoHeaderLength, 0, header.WireLength);
        return pcap with { TimestampNanoseconds = seconds * 1_000_000_000 + nanoseconds, CapturedLength = captured, OriginalLength = header.WireLength };
    }

    /// <summary>True for an extension header type tshark 4.0 has fields for; it shows any other's 8 bytes as erf.ehdr.unknown.data.</summary>
    public static bool IsKnownExtension(byte type) => type is 3 or 4 or 5 or 6 or 12 or 14 or 16 or 17 or 18 or 19;
}
