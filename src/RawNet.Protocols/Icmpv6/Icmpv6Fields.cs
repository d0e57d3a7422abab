using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Icmp.IcmpHeader.Field;

namespace RawNet.Protocols.Icmpv6;

/// <summary>The ICMPv6 field table (Wireshark "icmpv6").</summary>
public static class Icmpv6Fields
{
    public static readonly FieldDefinition Type = FieldDefinition.Fixed("icmpv6.type", "Type", LayerKind.Icmpv6, F.Type, 1, FieldKind.Decimal);
    public static readonly FieldDefinition Code = FieldDefinition.Fixed("icmpv6.code", "Code", LayerKind.Icmpv6, F.Code, 1, FieldKind.Decimal);
    public static readonly FieldDefinition Checksum = FieldDefinition.Fixed("icmpv6.checksum", "Checksum", LayerKind.Icmpv6, F.Checksum, 2, FieldKind.Hex);
    public static readonly FieldDefinition Identifier = FieldDefinition.Fixed("icmpv6.echo.identifier", "Identifier", LayerKind.Icmpv6, F.Identifier, 2, FieldKind.Hex, presence: FieldPresence.Icmpv6Echo);
    public static readonly FieldDefinition SequenceNumber = FieldDefinition.Fixed("icmpv6.echo.sequence_number", "Sequence", LayerKind.Icmpv6, F.SequenceNumber, 2, FieldKind.Decimal, presence: FieldPresence.Icmpv6Echo);

    /// <summary>Every ICMPv6 field, in tree order.</summary>
    public static readonly FieldDefinition[] All = [Type, Code, Checksum, Identifier, SequenceNumber];
}
