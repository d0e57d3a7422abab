using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Tunnels;

/// <summary>The GRE, VXLAN and VXLAN-GPE field tables (Wireshark "gre", "vxlan"); Teredo's indicators are shown as a layer only.</summary>
public static class TunnelFields
{
    public static readonly FieldDefinition[] Gre =
    [
        FieldDefinition.Fixed("gre.flags_and_version", "Flags and Version", LayerKind.Gre, GreHeader.Field.FlagsAndVersion, 2, FieldKind.Hex),
        FieldDefinition.Fixed("gre.flags.checksum", "Checksum Bit", LayerKind.Gre, GreHeader.Field.FlagsAndVersion, 2, FieldKind.Boolean, GreHeader.ChecksumPresent),
        FieldDefinition.Fixed("gre.flags.routing", "Routing Bit", LayerKind.Gre, GreHeader.Field.FlagsAndVersion, 2, FieldKind.Boolean, GreHeader.RoutingPresent),
        FieldDefinition.Fixed("gre.flags.key", "Key Bit", LayerKind.Gre, GreHeader.Field.FlagsAndVersion, 2, FieldKind.Boolean, GreHeader.KeyPresent),
        FieldDefinition.Fixed("gre.flags.sequence_number", "Sequence Number Bit", LayerKind.Gre, GreHeader.Field.FlagsAndVersion, 2, FieldKind.Boolean, GreHeader.SequencePresent),
        FieldDefinition.Fixed("gre.flags.version", "Version", LayerKind.Gre, GreHeader.Field.FlagsAndVersion, 2, FieldKind.Decimal, GreHeader.VersionMask),
        FieldDefinition.Fixed("gre.proto", "Protocol Type", LayerKind.Gre, GreHeader.Field.Protocol, 2, FieldKind.Hex),
        FieldDefinition.Derived("gre.checksum", "Checksum", LayerKind.Gre, FieldKind.Hex, ComputedField.GreChecksum, 4),
        FieldDefinition.Derived("gre.key", "Key", LayerKind.Gre, FieldKind.Hex, ComputedField.GreKey, 8),
        FieldDefinition.Derived("gre.sequence_number", "Sequence Number", LayerKind.Gre, FieldKind.Decimal, ComputedField.GreSequenceNumber),
    ];

    public static readonly FieldDefinition[] Vxlan =
    [
        FieldDefinition.Fixed("vxlan.flags", "Flags", LayerKind.Vxlan, VxlanHeader.Field.Flags, 2, FieldKind.Hex),
        FieldDefinition.Fixed("vxlan.vni", "VXLAN Network Identifier (VNI)", LayerKind.Vxlan, VxlanHeader.Field.NetworkIdentifier, 4, FieldKind.Decimal, 0xFFFFFF00),
    ];

    /// <summary>
    /// VXLAN-GPE's fields as tshark 4.0 shows them: under "vxlan", the flags one byte wide (VXLAN's are two), then the
    /// reserved bytes, the next protocol, the VNI and the last reserved byte.
    /// </summary>
    public static readonly FieldDefinition[] VxlanGpe =
    [
        FieldDefinition.Fixed("vxlan.flags", "Flags", LayerKind.VxlanGpe, VxlanHeader.Field.Flags, 1, FieldKind.Hex),
        FieldDefinition.Fixed("vxlan.ver", "Version", LayerKind.VxlanGpe, VxlanHeader.Field.Flags, 1, FieldKind.Decimal, VxlanHeader.GpeFlag.Version),
        FieldDefinition.Fixed("vxlan.i_bit", "Instance", LayerKind.VxlanGpe, VxlanHeader.Field.Flags, 1, FieldKind.Decimal, VxlanHeader.GpeFlag.Instance),
        FieldDefinition.Fixed("vxlan.p_bit", "Next Protocol Bit", LayerKind.VxlanGpe, VxlanHeader.Field.Flags, 1, FieldKind.Decimal, VxlanHeader.GpeFlag.NextProtocol),
        FieldDefinition.Fixed("vxlan.o_bit", "OAM bit", LayerKind.VxlanGpe, VxlanHeader.Field.Flags, 1, FieldKind.Decimal, VxlanHeader.GpeFlag.Oam),
        FieldDefinition.Fixed("vxlan.flags_reserved", "Reserved(R)", LayerKind.VxlanGpe, VxlanHeader.Field.Flags, 1, FieldKind.Decimal, VxlanHeader.GpeFlag.Reserved),
        FieldDefinition.Fixed("vxlan.reserved_16", "Reserved", LayerKind.VxlanGpe, VxlanHeader.Field.GpeReserved, 2, FieldKind.Decimal),
        FieldDefinition.Fixed("vxlan.next_proto", "Next Protocol", LayerKind.VxlanGpe, VxlanHeader.Field.NextProtocol, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("vxlan.vni", "VXLAN Network Identifier (VNI)", LayerKind.VxlanGpe, VxlanHeader.Field.NetworkIdentifier, 3, FieldKind.Decimal),
        FieldDefinition.Fixed("vxlan.reserved8", "Reserved", LayerKind.VxlanGpe, VxlanHeader.Field.Reserved, 1, FieldKind.Decimal),
    ];
}
