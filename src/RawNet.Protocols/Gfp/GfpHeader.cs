using System.Buffers.Binary;
using RawNet.Protocols.Checksums;

namespace RawNet.Protocols.Gfp;

/// <summary>GFP's payload type identifiers (ITU-T G.7041 table 6-2) that tshark 4.0 names; the others are reserved.</summary>
public enum GfpPayloadType : byte
{
    /// <summary>A client data frame: the UPI names what its payload is.</summary>
    UserData = 0,
    /// <summary>A client management frame: the UPI names a management signal, the payload is data.</summary>
    ClientManagement = 4,
    /// <summary>A management communications frame, read with user data's UPI table.</summary>
    ManagementCommunications = 5,
}

/// <summary>GFP's user payload identifiers (G.7041 table 6-3) that tshark 4.0 hands to a dissector RawNet has.</summary>
public enum GfpUserPayload : byte
{
    /// <summary>Frame-mapped Ethernet, its FCS included.</summary>
    Ethernet = 1,
    /// <summary>Frame-mapped PPP, in HDLC-like framing.</summary>
    Ppp = 2,
    /// <summary>Transparent DVB ASI: tshark's MPEG TS, which RawNet does not decode.</summary>
    DvbAsi = 9,
    /// <summary>"Asynchronous transparent Fibre Channel", which tshark 4.0 reads as MPLS all the same.</summary>
    AsynchronousFibreChannel = 12,
    /// <summary>Frame-mapped MPLS (unicast).</summary>
    Mpls = 13,
    /// <summary>Frame-mapped IPv4 (tshark's "ip" dissector).</summary>
    Ipv4 = 16,
    /// <summary>Frame-mapped IPv6.</summary>
    Ipv6 = 17,
}

/// <summary>
/// A view over a frame-mapped GFP frame's headers (ITU-T G.7041, LINKTYPE_GFP_T 170 and LINKTYPE_GFP_F 171, which tshark
/// reads alike), core header and payload header:
/// <code>
/// +---------+---------+ core header: PLI (payload area length), cHEC = CRC-16 of the PLI
/// | PLI (2) | cHEC (2)|
/// +---------+---------+ payload header: type (PTI 3 bits | PFI 1 | EXI 4 | UPI 8), tHEC = CRC-16 of the type
/// | type(2) | tHEC (2)|
/// +----+----+---------+ extension header when EXI = 1 (linear frame): channel ID, spare, eHEC = CRC-16 of both
/// |CID |spare| eHEC(2)|
/// +----+----+---------+
/// | payload ...       | then, when PFI is set, the payload FCS: the complement of the CRC-32/MPEG-2 of the payload
/// </code>
/// The HECs are CRC-16/XMODEM (<see cref="Crc16.Xmodem"/>), big-endian. Captures hold the headers unscrambled.
/// </summary>
public readonly ref struct GfpHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Pli = 0;
        public const int CoreHec = 2;
        public const int Type = 4;
        public const int TypeHec = 6;
        public const int ChannelId = 8;
        public const int Spare = 9;
        public const int ExtensionHec = 10;
    }

    /// <summary>The core header's length: shorter frames tshark does not read at all.</summary>
    public const int CoreLength = 4;

    /// <summary>The core and payload headers' length.</summary>
    public const int Length = 8;

    /// <summary>The headers' length with a linear frame's extension header.</summary>
    public const int ExtendedLength = 12;

    /// <summary>The payload FCS's length.</summary>
    public const int FcsLength = 4;

    /// <summary>EXI of a linear frame, whose 4-byte extension header tshark reads.</summary>
    public const byte ExtensionLinear = 1;

    private readonly ReadOnlySpan<byte> _bytes;

    private GfpHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds the core and payload headers (8 bytes).</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out GfpHeader header)
    {
        header = bytes.Length >= Length ? new GfpHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The payload length indicator: 0 an idle frame, 1 to 3 a reserved control frame, else the payload area's length.</summary>
    public ushort Pli => BinaryPrimitives.ReadUInt16BigEndian(_bytes);

    /// <summary>The core header's HEC.</summary>
    public ushort CoreHec => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.CoreHec..]);

    /// <summary>The type field, whole.</summary>
    public ushort Type => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Type..]);

    /// <summary>PTI, the payload type identifier (the type's top 3 bits).</summary>
    public byte PayloadType => (byte)(_bytes[Field.Type] >> 5);

    /// <summary>PFI: whether a payload FCS ends the payload area.</summary>
    public bool HasFcs => (_bytes[Field.Type] & 0x10) != 0;

    /// <summary>EXI, the extension header identifier.</summary>
    public byte Extension => (byte)(_bytes[Field.Type] & 0x0F);

    /// <summary>UPI, the user payload identifier.</summary>
    public byte UserPayload => _bytes[Field.Type + 1];

    /// <summary>The type HEC.</summary>
    public ushort TypeHec => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.TypeHec..]);

    /// <summary>Whether the HEC after the two bytes at <paramref name="offset"/> (the PLI, the type, the extension header's) is their CRC-16.</summary>
    public static bool HecGood(ReadOnlySpan<byte> frame, int offset) => BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]) == ExpectedHec(frame, offset);

    /// <summary>The HEC the two bytes at <paramref name="offset"/> should be followed by.</summary>
    public static ushort ExpectedHec(ReadOnlySpan<byte> frame, int offset) => Crc16.Xmodem(frame.Slice(offset, 2));
}
