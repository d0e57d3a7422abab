using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ieee802154;

/// <summary>
/// The 802.15.4 MAC header's field table (Wireshark "wpan", tshark 4.0), in its tree's order; the addresses' places move
/// with the addressing modes, so <see cref="Ieee802154FieldReader"/> reads every one. wpan.addr16 and wpan.addr64 are
/// tshark's hidden fields for either address.
/// </summary>
public static class Ieee802154Fields
{
    private const LayerKind L = LayerKind.Ieee802154;

    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Derived("wpan.fcf", "Frame Control Field", L, FieldKind.Hex, ComputedField.WpanFrameControl, hexDigits: 4),
        FieldDefinition.Derived("wpan.frame_type", "Frame Type", L, FieldKind.Hex, ComputedField.WpanFrameType, hexDigits: 4),
        FieldDefinition.Derived("wpan.security", "Security Enabled", L, FieldKind.Boolean, ComputedField.WpanSecurity),
        FieldDefinition.Derived("wpan.pending", "Frame Pending", L, FieldKind.Boolean, ComputedField.WpanPending),
        FieldDefinition.Derived("wpan.ack_request", "Acknowledge Request", L, FieldKind.Boolean, ComputedField.WpanAckRequest),
        FieldDefinition.Derived("wpan.pan_id_compression", "PAN ID Compression", L, FieldKind.Boolean, ComputedField.WpanPanIdCompression),
        FieldDefinition.Derived("wpan.fcf.reserved", "Reserved", L, FieldKind.Boolean, ComputedField.WpanReserved),
        FieldDefinition.Derived("wpan.seqno_suppression", "Sequence Number Suppression", L, FieldKind.Boolean, ComputedField.WpanSeqnoSuppression),
        FieldDefinition.Derived("wpan.ie_present", "Information Elements Present", L, FieldKind.Boolean, ComputedField.WpanIePresent),
        FieldDefinition.Derived("wpan.dst_addr_mode", "Destination Addressing Mode", L, FieldKind.Hex, ComputedField.WpanDestinationMode, hexDigits: 4),
        FieldDefinition.Derived("wpan.version", "Frame Version", L, FieldKind.Decimal, ComputedField.WpanVersion),
        FieldDefinition.Derived("wpan.src_addr_mode", "Source Addressing Mode", L, FieldKind.Hex, ComputedField.WpanSourceMode, hexDigits: 4),
        FieldDefinition.Derived("wpan.seq_no", "Sequence Number", L, FieldKind.Decimal, ComputedField.WpanSequenceNumber),
        FieldDefinition.Derived("wpan.dst_pan", "Destination PAN", L, FieldKind.Hex, ComputedField.WpanDestinationPan, hexDigits: 4),
        FieldDefinition.Derived("wpan.dst16", "Destination", L, FieldKind.Hex, ComputedField.WpanDestination16, hexDigits: 4),
        FieldDefinition.Derived("wpan.dst64", "Destination", L, FieldKind.BuiltText, ComputedField.WpanDestination64),
        FieldDefinition.Derived("wpan.src_pan", "Source PAN", L, FieldKind.Hex, ComputedField.WpanSourcePan, hexDigits: 4),
        FieldDefinition.Derived("wpan.src16", "Source", L, FieldKind.Hex, ComputedField.WpanSource16, hexDigits: 4),
        FieldDefinition.Derived("wpan.src64", "Extended Source", L, FieldKind.BuiltText, ComputedField.WpanSource64),
        FieldDefinition.Derived("wpan.addr16", "Address", L, FieldKind.Hex, ComputedField.WpanAddress16, hexDigits: 4, inTree: false),
        FieldDefinition.Derived("wpan.addr64", "Extended Address", L, FieldKind.BuiltText, ComputedField.WpanAddress64, inTree: false),
        FieldDefinition.Derived("wpan.fcs", "FCS", L, FieldKind.Hex, ComputedField.WpanFcs, hexDigits: 4),
        FieldDefinition.Derived("wpan.fcs_ok", "FCS Valid", L, FieldKind.Boolean, ComputedField.WpanFcsOk),
    ];
}
