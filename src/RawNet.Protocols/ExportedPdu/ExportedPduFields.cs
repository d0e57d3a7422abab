using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.ExportedPdu;

/// <summary>
/// The exported_pdu field table (tshark 4.0): per tag its number and length, then the tag's own item; the address tags
/// also add IP's hidden fields (so ip.src and ip.addr match the exported addresses); the PDU's bytes last. Which of them a
/// record shows is <see cref="ExportedPduFieldReader"/>'s to say.
/// </summary>
public static class ExportedPduFields
{
    public static readonly FieldDefinition[] All =
    [
        F("exported_pdu.tag", "Tag", FieldKind.Decimal, ComputedField.ExportedPduTag),
        F("exported_pdu.tag_len", "Length", FieldKind.Decimal, ComputedField.ExportedPduTagLength),
        F("exported_pdu.prot_name", "Protocol Name", FieldKind.Text, ComputedField.ExportedPduProtocolName),
        F("exported_pdu.heur_prot_name", "Heuristic Protocol Name", FieldKind.Text, ComputedField.ExportedPduHeuristicName),
        F("exported_pdu.dis_table_name", "Dissector Table Name", FieldKind.Text, ComputedField.ExportedPduTableName),
        F("exported_pdu.ipv4_src", "IPv4 Src", FieldKind.Ipv4Address, ComputedField.ExportedPduIpv4Source),
        Hidden("ip.addr", "Source or Destination Address", FieldKind.Ipv4Address, ComputedField.ExportedPduIpv4Address),
        Hidden("ip.src", "Source Address", FieldKind.Ipv4Address, ComputedField.ExportedPduIpv4Source),
        F("exported_pdu.ipv4_dst", "IPv4 Dst", FieldKind.Ipv4Address, ComputedField.ExportedPduIpv4Destination),
        Hidden("ip.dst", "Destination Address", FieldKind.Ipv4Address, ComputedField.ExportedPduIpv4Destination),
        F("exported_pdu.ipv6_src", "IPv6 Src", FieldKind.Ipv6Address, ComputedField.ExportedPduIpv6Source),
        Hidden("ipv6.addr", "Source or Destination Address", FieldKind.Ipv6Address, ComputedField.ExportedPduIpv6Address),
        Hidden("ipv6.src", "Source Address", FieldKind.Ipv6Address, ComputedField.ExportedPduIpv6Source),
        F("exported_pdu.ipv6_dst", "IPv6 Dst", FieldKind.Ipv6Address, ComputedField.ExportedPduIpv6Destination),
        Hidden("ipv6.dst", "Destination Address", FieldKind.Ipv6Address, ComputedField.ExportedPduIpv6Destination),
        F("exported_pdu.port_type", "Port Type", FieldKind.Decimal, ComputedField.ExportedPduPortType),
        F("exported_pdu.src_port", "Src Port", FieldKind.Decimal, ComputedField.ExportedPduSourcePort),
        F("exported_pdu.dst_port", "Dst Port", FieldKind.Decimal, ComputedField.ExportedPduDestinationPort),
        F("exported_pdu.ss7_opc", "SS7 OPC", FieldKind.Decimal, ComputedField.ExportedPduSs7Opc),
        F("exported_pdu.ss7_dpc", "SS7 DPC", FieldKind.Decimal, ComputedField.ExportedPduSs7Dpc),
        F("exported_pdu.orig_fno", "Original Frame Number", FieldKind.Decimal, ComputedField.ExportedPduOriginalFrame),
        F("exported_pdu.dvb-ci.event", "DVB-CI event", FieldKind.Hex, ComputedField.ExportedPduDvbCiEvent, hexDigits: 2),
        F("exported_pdu.dis_table_val", "Value to use when calling dissector table", FieldKind.Decimal, ComputedField.ExportedPduTableValue),
        F("exported_pdu.col_proto_str", "Column protocol string", FieldKind.Text, ComputedField.ExportedPduColumnProtocol),
        F("exported_pdu.p2p_dir", "P2P direction", FieldKind.SignedDecimal, ComputedField.ExportedPduP2pDirection),
        F("exported_pdu.unknown_tag.val", "Unknown tags value", FieldKind.Bytes, ComputedField.ExportedPduUnknownValue),
        F("exported_pdu.exported_pdu", "Exported PDU data", FieldKind.Bytes, ComputedField.ExportedPduData),
    ];

    private static FieldDefinition F(string name, string label, FieldKind kind, ComputedField computed, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.ExportedPdu, kind, computed, hexDigits);

    private static FieldDefinition Hidden(string name, string label, FieldKind kind, ComputedField computed) =>
        FieldDefinition.Derived(name, label, LayerKind.ExportedPdu, kind, computed, inTree: false);
}
