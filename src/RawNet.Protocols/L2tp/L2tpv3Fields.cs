using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.L2tp;

/// <summary>
/// Field table of the L2TPv3 layer under Wireshark's names ("l2tp", shown as "Layer 2 Tunneling Protocol version 3"):
/// the session ID, the flags (which a data message over IP has none of), the reserved word of a data message over UDP, a
/// control message's length, connection ID and sequence numbers, a data message's pseudowire type (generated), cookie
/// and default or ATM-specific L2-specific sublayer (as a session's set-up taught them), then the AVPs as L2TPv2's. Every field moves with the carrier and the message's kind, so every one is read by
/// <see cref="L2tpv3FieldReader"/> or, for the control header's words L2TPv2 shares, <see cref="L2tpFieldReader"/>.
/// </summary>
public static class L2tpv3Fields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Derived("l2tp.sid", "Session ID", LayerKind.L2tpv3, FieldKind.Hex, ComputedField.L2tpv3SessionId, hexDigits: 8),
        FieldDefinition.Derived("l2tp.flags", "Flags", LayerKind.L2tpv3, FieldKind.Hex, ComputedField.L2tpv3Flags, hexDigits: 4),
        FieldDefinition.Derived("l2tp.type", "Type", LayerKind.L2tpv3, FieldKind.Decimal, ComputedField.L2tpv3Type),
        FieldDefinition.Derived("l2tp.length_bit", "Length Bit", LayerKind.L2tpv3, FieldKind.Boolean, ComputedField.L2tpv3LengthBit),
        FieldDefinition.Derived("l2tp.seq_bit", "Sequence Bit", LayerKind.L2tpv3, FieldKind.Boolean, ComputedField.L2tpv3SequenceBit),
        FieldDefinition.Derived("l2tp.version", "Version", LayerKind.L2tpv3, FieldKind.Decimal, ComputedField.L2tpv3Version),
        FieldDefinition.Derived("l2tp.res", "Reserved", LayerKind.L2tpv3, FieldKind.Hex, ComputedField.L2tpv3Reserved, hexDigits: 4),
        FieldDefinition.Derived("l2tp.length", "Length", LayerKind.L2tpv3, FieldKind.Decimal, ComputedField.L2tpLength),
        FieldDefinition.Derived("l2tp.ccid", "Control Connection ID", LayerKind.L2tpv3, FieldKind.Hex, ComputedField.L2tpv3ControlConnectionId, hexDigits: 8),
        FieldDefinition.Derived("l2tp.Ns", "Ns", LayerKind.L2tpv3, FieldKind.Decimal, ComputedField.L2tpNs),
        FieldDefinition.Derived("l2tp.Nr", "Nr", LayerKind.L2tpv3, FieldKind.Decimal, ComputedField.L2tpNr),
        FieldDefinition.Derived("l2tp.zero_length_body_message", "Zero Length Body message", LayerKind.L2tpv3, FieldKind.Marker, ComputedField.L2tpZeroLengthBody),
        FieldDefinition.Derived("l2tp.avp.pseudowire_type", "Pseudowire Type", LayerKind.L2tpv3, FieldKind.Decimal, ComputedField.L2tpv3PseudowireType),
        FieldDefinition.Derived("l2tp.cookie", "Cookie", LayerKind.L2tpv3, FieldKind.Bytes, ComputedField.L2tpv3Cookie),
        FieldDefinition.Derived("l2tp.l2_spec_def", "Default L2-Specific Sublayer", LayerKind.L2tpv3, FieldKind.Marker, ComputedField.L2tpv3DefaultSublayer),
        FieldDefinition.Derived("l2tp.l2_spec_atm", "ATM-Specific Sublayer", LayerKind.L2tpv3, FieldKind.Marker, ComputedField.L2tpv3AtmSublayer),
        FieldDefinition.Derived("l2tp.l2_spec_s", "S-bit", LayerKind.L2tpv3, FieldKind.Boolean, ComputedField.L2tpv3SublayerSequenceBit),
        FieldDefinition.Derived("l2tp.l2_spec_t", "T-bit", LayerKind.L2tpv3, FieldKind.Boolean, ComputedField.L2tpv3SublayerTransportBit),
        FieldDefinition.Derived("l2tp.l2_spec_g", "G-bit", LayerKind.L2tpv3, FieldKind.Boolean, ComputedField.L2tpv3SublayerEfciBit),
        FieldDefinition.Derived("l2tp.l2_spec_c", "C-bit", LayerKind.L2tpv3, FieldKind.Boolean, ComputedField.L2tpv3SublayerClpBit),
        FieldDefinition.Derived("l2tp.l2_spec_u", "U-bit", LayerKind.L2tpv3, FieldKind.Boolean, ComputedField.L2tpv3SublayerCommandResponseBit),
        FieldDefinition.Derived("l2tp.l2_spec_sequence", "Sequence Number", LayerKind.L2tpv3, FieldKind.Decimal, ComputedField.L2tpv3SublayerSequence),
        .. L2tpFields.Avps(LayerKind.L2tpv3),
    ];
}
