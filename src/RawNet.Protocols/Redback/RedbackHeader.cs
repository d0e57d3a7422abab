using System.Buffers.Binary;

namespace RawNet.Protocols.Redback;

/// <summary>
/// A view over the 24-byte header a Redback (Ericsson) SmartEdge router writes before each packet it captures
/// (LINKTYPE_REDBACK_SMARTEDGE, 32), all fields big-endian:
/// <code>
/// | context (4) | flags (4) | circuit (8) | length (2) | protocol (2) | data offset (2) | layer 3 offset (2) |
/// </code>
/// The packet starts at the data offset (bytes between 24 and it are padding); the protocol, and where the layer 3
/// offset lies from the data offset, say what it is. tshark 4.0 reads both offsets before it shows any field.
/// </summary>
public readonly ref struct RedbackHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Context = 0;
        public const int Flags = 4;
        public const int Circuit = 8;
        public const int Length = 16;
        public const int Protocol = 18;
        public const int DataOffset = 20;
        public const int L3Offset = 22;
    }

    /// <summary>Length of the fixed header.</summary>
    public const int Length = 24;

    /// <summary>Length of the "unknown" word tshark shows before a PPP message unless <see cref="PppWithoutUnknown"/> is set.</summary>
    public const int UnknownLength = 4;

    /// <summary>The flag bit that says a PPP message (protocol 6) starts at the data offset, with no unknown word first.</summary>
    public const uint PppWithoutUnknown = 0x04000000;

    /// <summary>The protocols tshark's "redback" dissector tells apart.</summary>
    public static class Protocols
    {
        /// <summary>IPv4, PPP (layer 3 two bytes on), PPP in HDLC framing (four on) or Ethernet, by the layer 3 offset.</summary>
        public const ushort Ip = 1;
        /// <summary>OSI: Ethernet when the layer 3 offset lies past the data offset, else an NLPID and what it names.</summary>
        public const ushort Osi = 2;
        public const ushort EthernetTx = 3;
        public const ushort EthernetRx = 4;
        /// <summary>A PPP message, behind an unknown word unless the flags say not; Ethernet when the offsets differ (PPPoE).</summary>
        public const ushort Ppp = 6;
        public const ushort EthernetBroadcast = 8;
        /// <summary>IPv6 when the offsets are equal, else Ethernet.</summary>
        public const ushort Ipv6 = 9;
    }

    private readonly ReadOnlySpan<byte> _bytes;

    private RedbackHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if the 24-byte header is there.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out RedbackHeader header)
    {
        header = bytes.Length >= Length ? new RedbackHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    public uint Context => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.Context..]);
    public uint Flags => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.Flags..]);
    public ulong Circuit => BinaryPrimitives.ReadUInt64BigEndian(_bytes[Field.Circuit..]);
    public ushort DeclaredLength => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Length..]);
    public ushort Protocol => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Protocol..]);

    /// <summary>Where the packet starts.</summary>
    public ushort DataOffset => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.DataOffset..]);

    /// <summary>Where its layer 3 header starts.</summary>
    public ushort L3Offset => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.L3Offset..]);

    /// <summary>True for a protocol tshark's dissector has a case for; for any other it adds "Unknown Protocol Data" and hands nothing on.</summary>
    public bool HasKnownProtocol => Protocol is Protocols.Ip or Protocols.Osi or Protocols.EthernetTx or Protocols.EthernetRx or Protocols.Ppp
        or Protocols.EthernetBroadcast or Protocols.Ipv6;

    /// <summary>True when tshark shows the unknown word at the data offset (a PPP message without the flag bit).</summary>
    public bool HasUnknown => Protocol == Protocols.Ppp && (Flags & PppWithoutUnknown) == 0;

    /// <summary>True when <paramref name="header"/> hands its packet to tshark's "ppp_hdlc" (protocol 1, layer 3 four bytes past the data offset).</summary>
    public static bool HandsToPppHdlc(ReadOnlySpan<byte> header) => TryRead(header, out var redback)
        && redback.Protocol == Protocols.Ip && redback.L3Offset == redback.DataOffset + 4;

    /// <summary>The end of what tshark shows of the header itself: the padding up to the data offset, and the unknown word.</summary>
    public int FieldsEnd => HasUnknown ? Math.Max(Length, DataOffset + UnknownLength) : Math.Max(Length, (int)DataOffset);
}
