using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Tunnels;

/// <summary>The GRE, VXLAN and VXLAN-GPE field tables (Wireshark "gre", "vxlan"); Teredo's indicators are shown as a layer only.</summary>
public static class TunnelFields
{
    /// <summary>
    /// GRE's fields in tshark 4.0's tree order: the flags word, then what its bits place (<see cref="GreFieldReader"/>:
    /// the enhanced header's A bit, payload length, call ID and acknowledgment number; the Source Route Entries).
    /// </summary>
    public static readonly FieldDefinition[] Gre =
    [
        FieldDefinition.Fixed("gre.flags_and_version", "Flags and Version", LayerKind.Gre, GreHeader.Field.FlagsAndVersion, 2, FieldKind.Hex),
        FieldDefinition.Fixed("gre.flags.checksum", "Checksum Bit", LayerKind.Gre, GreHeader.Field.FlagsAndVersion, 2, FieldKind.Boolean, GreHeader.ChecksumPresent),
        FieldDefinition.Fixed("gre.flags.routing", "Routing Bit", LayerKind.Gre, GreHeader.Field.FlagsAndVersion, 2, FieldKind.Boolean, GreHeader.RoutingPresent),
        FieldDefinition.Fixed("gre.flags.key", "Key Bit", LayerKind.Gre, GreHeader.Field.FlagsAndVersion, 2, FieldKind.Boolean, GreHeader.KeyPresent),
        FieldDefinition.Fixed("gre.flags.sequence_number", "Sequence Number Bit", LayerKind.Gre, GreHeader.Field.FlagsAndVersion, 2, FieldKind.Boolean, GreHeader.SequencePresent),
        FieldDefinition.Fixed("gre.flags.strict_source_route", "Strict Source Route Bit", LayerKind.Gre, GreHeader.Field.FlagsAndVersion, 2, FieldKind.Boolean, GreHeader.StrictSourceRoute),
        FieldDefinition.Fixed("gre.flags.recursion_control", "Recursion control", LayerKind.Gre, GreHeader.Field.FlagsAndVersion, 2, FieldKind.Decimal, GreHeader.RecursionMask),
        GreField("gre.flags.ack", "Acknowledgment", FieldKind.Boolean),
        GreField("gre.flags.reserved", "Flags (Reserved)", FieldKind.Decimal),
        FieldDefinition.Fixed("gre.flags.version", "Version", LayerKind.Gre, GreHeader.Field.FlagsAndVersion, 2, FieldKind.Decimal, GreHeader.VersionMask),
        FieldDefinition.Fixed("gre.proto", "Protocol Type", LayerKind.Gre, GreHeader.Field.Protocol, 2, FieldKind.Hex),
        FieldDefinition.Derived("gre.checksum", "Checksum", LayerKind.Gre, FieldKind.Hex, ComputedField.GreChecksum, 4),
        GreField("gre.checksum.status", "Checksum Status", FieldKind.Decimal),
        GreField("gre.offset", "Offset", FieldKind.Decimal),
        FieldDefinition.Derived("gre.key", "Key", LayerKind.Gre, FieldKind.Hex, ComputedField.GreKey, 8),
        GreField("gre.key.payload_length", "Payload Length", FieldKind.Decimal),
        GreField("gre.key.call_id", "Call ID", FieldKind.Decimal),
        FieldDefinition.Derived("gre.sequence_number", "Sequence Number", LayerKind.Gre, FieldKind.Decimal, ComputedField.GreSequenceNumber),
        GreField("gre.ack_number", "Acknowledgment Number", FieldKind.Decimal),
        GreField("gre.routing", "Routing", FieldKind.Marker),
        GreField("gre.routing.address_family", "Address Family", FieldKind.Decimal),
        GreField("gre.routing.sre_offset", "SRE Offset", FieldKind.Decimal),
        // tshark 4.0's own spelling of the SRE length's name.
        GreField("gre.routing.src_length", "SRE Length", FieldKind.Decimal),
        GreField("gre.routing.information", "Routing Information", FieldKind.Bytes),
    ];

    private static FieldDefinition GreField(string name, string label, FieldKind kind) =>
        FieldDefinition.Derived(name, label, LayerKind.Gre, kind, ComputedField.Gre);

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
