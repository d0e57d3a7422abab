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
    public static readonly FieldDefinition Identifier = FieldDefinition.Fixed("icmp.ident", "Identifier (BE)", LayerKind.Icmp, F.Identifier, 2, FieldKind.Decimal, presence: FieldPresence.IcmpEcho);
    public static readonly FieldDefinition SequenceNumber = FieldDefinition.Fixed("icmp.seq", "Sequence Number (BE)", LayerKind.Icmp, F.SequenceNumber, 2, FieldKind.Decimal, presence: FieldPresence.IcmpEcho);
    public static readonly FieldDefinition Mtu = FieldDefinition.Fixed("icmp.mtu", "MTU of next hop", LayerKind.Icmp, F.SequenceNumber, 2, FieldKind.Decimal, presence: FieldPresence.IcmpFragmentationNeeded);

    /// <summary>Every ICMPv4 field, in tree order.</summary>
    public static readonly FieldDefinition[] All = [Type, Code, Checksum, Identifier, SequenceNumber, Mtu];
}
