namespace RawNet.Protocols.Arcnet;

/// <summary>
/// A view over the header Linux writes before an ARCNET packet (LINKTYPE_ARCNET_LINUX, 129): the source and destination
/// station IDs, the hardware buffer offset, the protocol ID (RFC 1201 and RFC 1051), and for the RFC 1201 IDs the split
/// flag and sequence number of RFC 1201's fragmentation header. Linux hands over packets it already put together, so
/// the split flag is only a number: its exception form (0xff, two bytes of padding and the protocol ID again) is not
/// read, as neither tshark nor tcpdump reads it on this link type.
/// <code>
/// +--------+--------+-----------------+--------+  RFC 1051 IDs (0xf0, 0xf1) and Diagnose (0x80): 5 bytes
/// | source | dest   | offset (2)      | prot ID|
/// +--------+--------+-----------------+--------+--------+-----------------+  any other ID: 8 bytes
/// | source | dest   | offset (2)      | prot ID| split  | sequence (2)    |
/// +--------+--------+-----------------+--------+--------+-----------------+
/// </code>
/// The BSDs' header (LINKTYPE_ARCNET_BSD, 7) has no offset, and may be an exception frame's (<see cref="BsdField"/>).
/// </summary>
public readonly ref struct ArcnetHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Source = 0;
        public const int Destination = 1;
        public const int Offset = 2;
        public const int ProtocolId = 4;
        public const int SplitFlag = 5;
        public const int Sequence = 6;
    }

    /// <summary>
    /// Byte offsets on the BSDs' layout: the station IDs, the protocol ID, then for the IDs of RFC 1201's header the split
    /// flag and sequence number; a split flag of <see cref="ExceptionFlag"/> makes an exception frame, whose flag is
    /// followed by two bytes of padding, the protocol ID again, the real split flag and sequence number.
    /// <code>
    /// +--------+--------+--------+--------+-----------------+  RFC 1201 IDs: 6 bytes (3 for RFC 1051's and Diagnose)
    /// | source | dest   | prot ID| split  | sequence (2)    |
    /// +--------+--------+--------+--------+-----------------+--------+--------+-----------------+  exception: 10 bytes
    /// | source | dest   | prot ID| 0xff   | padding (2)     | prot ID| split  | sequence (2)    |
    /// +--------+--------+--------+--------+-----------------+--------+--------+-----------------+
    /// </code>
    /// </summary>
    public static class BsdField
    {
        public const int ProtocolId = 2;
        public const int SplitFlag = 3;
        public const int Sequence = 4;
        public const int Padding = 4;
        public const int ProtocolIdAgain = 6;
        public const int ExceptionSplitFlag = 7;
        public const int ExceptionSequence = 8;
    }

    /// <summary>The <see cref="Decoding.Layer.Detail"/> of an ARCNET layer on the BSDs' layout (0: Linux's).</summary>
    public const byte Bsd = 1;

    /// <summary>The split flag that makes an exception frame on the BSDs' layout.</summary>
    public const byte ExceptionFlag = 0xFF;

    /// <summary>Lengths of the BSDs' header: up to the protocol ID, with the split flag and sequence, an exception frame's.</summary>
    public const int BsdShortLength = 3;
    public const int BsdLength = 6;
    public const int BsdExceptionLength = 10;

    /// <summary>Where the protocol ID is for a layer's <see cref="Decoding.Layer.Detail"/>.</summary>
    public static int ProtocolIdAt(byte detail) => detail == Bsd ? BsdField.ProtocolId : Field.ProtocolId;

    /// <summary>
    /// The BSDs' header length as tshark reads it from <paramref name="bytes"/> (at least the protocol ID): 3 bytes for the
    /// IDs without RFC 1201's fields, 10 for an exception frame (its split flag captured and 0xff), else 6.
    /// </summary>
    public static int BsdLengthFor(ReadOnlySpan<byte> bytes) =>
        !HasFragmentFields(bytes[BsdField.ProtocolId]) ? BsdShortLength
        : bytes.Length > BsdField.SplitFlag && bytes[BsdField.SplitFlag] == ExceptionFlag ? BsdExceptionLength : BsdLength;

    /// <summary>True when a BSD header's bytes hold an exception frame's flag, as tshark reads it.</summary>
    public static bool IsBsdException(ReadOnlySpan<byte> bytes) => bytes.Length > BsdField.SplitFlag
        && HasFragmentFields(bytes[BsdField.ProtocolId]) && bytes[BsdField.SplitFlag] == ExceptionFlag;

    /// <summary>Length of the header without RFC 1201's split flag and sequence number.</summary>
    public const int ShortLength = 5;

    /// <summary>Length of the header with them.</summary>
    public const int Length = 8;

    /// <summary>Bytes tshark reads before it adds any field: both station IDs.</summary>
    public const int AddressesLength = 2;

    /// <summary>ARCNET protocol IDs (Wireshark's arcnet_pids.h, tcpdump's ARCTYPE_).</summary>
    public static class Protocol
    {
        public const byte Ipv4Rfc1051 = 0xF0;
        public const byte ArpRfc1051 = 0xF1;
        public const byte Ipv4 = 0xD4;
        public const byte Arp = 0xD5;
        public const byte ReverseArp = 0xD6;
        public const byte Ipv6 = 0xC4;
        public const byte Diagnose = 0x80;
        public const byte Bacnet = 0xCD;
    }

    private readonly ReadOnlySpan<byte> _bytes;

    private ArcnetHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds at least the protocol ID.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out ArcnetHeader header)
    {
        header = bytes.Length >= ShortLength ? new ArcnetHeader(bytes) : default;
        return bytes.Length >= ShortLength;
    }

    /// <summary>
    /// The header's length for a protocol ID as tshark reads it: 5 bytes for the RFC 1051 IDs, Diagnose and BACnet, 8
    /// for the rest (RFC 1201's split flag and sequence number).
    /// </summary>
    public static int LengthFor(byte protocolId) => HasFragmentFields(protocolId) ? Length : ShortLength;

    /// <summary>True for a protocol ID whose header has RFC 1201's split flag and sequence number, as tshark reads it.</summary>
    public static bool HasFragmentFields(byte protocolId) =>
        protocolId is not (Protocol.Ipv4Rfc1051 or Protocol.ArpRfc1051 or Protocol.Diagnose or Protocol.Bacnet);

    /// <summary>
    /// The header's length as tcpdump's arcnet_linux_if_print reads it: as tshark's, but BACnet's ID has RFC 1201's
    /// fields there.
    /// </summary>
    public static int TcpdumpLengthFor(byte protocolId) => TcpdumpHasFragmentFields(protocolId) ? Length : ShortLength;

    /// <summary>True for a protocol ID tcpdump reads RFC 1201's split flag and sequence after: all but RFC 1051's and Diagnose.</summary>
    public static bool TcpdumpHasFragmentFields(byte protocolId) =>
        protocolId is not (Protocol.Ipv4Rfc1051 or Protocol.ArpRfc1051 or Protocol.Diagnose);

    /// <summary>
    /// True for an ID tshark 4.0's arcnet.protocol_id table hands to a dissector: IPv4, ARP and RARP, IPv6, BACnet's LLC,
    /// AppleTalk's DDP, IPX (two IDs) and Banyan VINES. Any other ID tshark shows as data.
    /// </summary>
    public static bool HasTsharkDissector(byte protocolId) => protocolId is Protocol.Ipv4Rfc1051 or Protocol.ArpRfc1051 or Protocol.Ipv4
        or Protocol.Arp or Protocol.ReverseArp or Protocol.Ipv6 or Protocol.Bacnet or 0xDD or 0xFA or 0xEC or 0xF7;

    /// <summary>The source station ID.</summary>
    public byte Source => _bytes[Field.Source];

    /// <summary>The destination station ID (0 is broadcast).</summary>
    public byte Destination => _bytes[Field.Destination];

    /// <summary>The protocol ID of what follows.</summary>
    public byte ProtocolId => _bytes[Field.ProtocolId];
}
