using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Icmp.IcmpHeader.Field;

namespace RawNet.Protocols.Icmp;

/// <summary>The ICMPv4 field table (Wireshark "icmp").</summary>
public static class IcmpFields
{
    public static readonly FieldDefinition Type = FieldDefinition.Fixed("icmp.type", "Type", LayerKind.Icmp, F.Type, 1, FieldKind.Decimal);
    public static readonly FieldDefinition Code = FieldDefinition.Fixed("icmp.code", "Code", LayerKind.Icmp, F.Code, 1, FieldKind.Decimal);
    public static readonly FieldDefinition Checksum = FieldDefinition.Fixed("icmp.checksum", "Checksum", LayerKind.Icmp, F.Checksum, 2, FieldKind.Hex);
    /// <summary>Good (1) or bad (0) for a whole message, unverified (2) for one an ICMP error quotes or one cut short.</summary>
    public static readonly FieldDefinition ChecksumStatus = FieldDefinition.Derived("icmp.checksum.status", "Checksum Status", LayerKind.Icmp, FieldKind.Decimal, ComputedField.IcmpChecksumStatus);
    public static readonly FieldDefinition Identifier = FieldDefinition.Fixed("icmp.ident", "Identifier (BE)", LayerKind.Icmp, F.Identifier, 2, FieldKind.Decimal, presence: FieldPresence.IcmpEcho);
    public static readonly FieldDefinition IdentifierLittleEndian = FieldDefinition.FixedLittleEndian("icmp.ident_le", "Identifier (LE)", LayerKind.Icmp, F.Identifier, 2, FieldKind.Decimal, presence: FieldPresence.IcmpEcho);
    public static readonly FieldDefinition SequenceNumber = FieldDefinition.Fixed("icmp.seq", "Sequence Number (BE)", LayerKind.Icmp, F.SequenceNumber, 2, FieldKind.Decimal, presence: FieldPresence.IcmpEcho);
    public static readonly FieldDefinition SequenceNumberLittleEndian = FieldDefinition.FixedLittleEndian("icmp.seq_le", "Sequence Number (LE)", LayerKind.Icmp, F.SequenceNumber, 2, FieldKind.Decimal, presence: FieldPresence.IcmpEcho);
    public static readonly FieldDefinition Unused = FieldDefinition.Derived("icmp.unused", "Unused", LayerKind.Icmp, FieldKind.Bytes, ComputedField.IcmpUnused);
    public static readonly FieldDefinition RedirectGateway = FieldDefinition.Derived("icmp.redir_gw", "Gateway Address", LayerKind.Icmp, FieldKind.Ipv4Address, ComputedField.IcmpRedirectGateway);
    public static readonly FieldDefinition Pointer = FieldDefinition.Derived("icmp.pointer", "Pointer", LayerKind.Icmp, FieldKind.Decimal, ComputedField.IcmpPointer);
    /// <summary>RFC 4884's length of the quoted datagram in 32-bit words (byte 5), where an error carries one.</summary>
    public static readonly FieldDefinition Length = FieldDefinition.Derived("icmp.length", "Length", LayerKind.Icmp, FieldKind.Decimal, ComputedField.IcmpLength);
    public static readonly FieldDefinition LengthOriginalDatagram = FieldDefinition.Derived("icmp.length.original_datagram", "Length of original datagram", LayerKind.Icmp, FieldKind.Decimal, ComputedField.IcmpLengthOriginalDatagram);
    /// <summary>The time stamp tshark finds in an echo's first data bytes, and how long before the frame it was.</summary>
    public static readonly FieldDefinition DataTime = FieldDefinition.Derived("icmp.data_time", "Timestamp from icmp data", LayerKind.Icmp, FieldKind.BuiltText, ComputedField.IcmpDataTime);
    public static readonly FieldDefinition DataTimeRelative = FieldDefinition.Derived("icmp.data_time_relative", "Timestamp from icmp data (relative)", LayerKind.Icmp, FieldKind.RelativeTime, ComputedField.IcmpDataTimeRelative);
    public static readonly FieldDefinition Mtu = FieldDefinition.Fixed("icmp.mtu", "MTU of next hop", LayerKind.Icmp, F.SequenceNumber, 2, FieldKind.Decimal, presence: FieldPresence.IcmpFragmentationNeeded);

    /// <summary>The echo request an echo reply answers (tshark's one pass pairs no request with its reply), and the milliseconds since it.</summary>
    public static readonly FieldDefinition ResponseTo = FieldDefinition.Tracked("icmp.resp_to", "Response To", LayerKind.Icmp, FieldKind.Decimal, AnalysisValue.IcmpResponseTo);
    public static readonly FieldDefinition ResponseTime = FieldDefinition.Tracked("icmp.resptime", "Response Time", LayerKind.Icmp, FieldKind.BuiltText, AnalysisValue.IcmpResponseTime);

    /// <summary>Every ICMPv4 field, in tree order.</summary>
    public static readonly FieldDefinition[] All =
    [
        Type, Code, Checksum, ChecksumStatus, Identifier, IdentifierLittleEndian, SequenceNumber, SequenceNumberLittleEndian, Unused, Pointer,
        Length, LengthOriginalDatagram, Mtu, RedirectGateway, ResponseTo, ResponseTime, DataTime, DataTimeRelative,
    ];
}
