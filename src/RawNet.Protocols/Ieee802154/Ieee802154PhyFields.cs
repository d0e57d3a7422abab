using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ieee802154;

/// <summary>
/// The field tables of the headers before an 802.15.4 frame (tshark 4.0): the non-ASK PHY's preamble, SFD and PHR
/// ("wpan-nonask-phy", link type 215), and the TAP header with its TLVs ("wpan-tap", link type 283), whose fields move
/// with the TLVs, so <see cref="Ieee802154TapFieldReader"/> reads them.
/// </summary>
public static class Ieee802154PhyFields
{
    private const LayerKind P = LayerKind.Ieee802154NonAskPhy, T = LayerKind.Ieee802154Tap;

    /// <summary>The non-ASK PHY header: shown once its 6 bytes were captured (tshark reads the PHR first).</summary>
    public static readonly FieldDefinition[] NonAskPhy =
    [
        FieldDefinition.FixedLittleEndian("wpan-nonask-phy.preamble", "Preamble", P, 0, 4, FieldKind.Hex),
        FieldDefinition.Fixed("wpan-nonask-phy.sfd", "Start of Frame Delimiter", P, 4, 1, FieldKind.Hex),
        FieldDefinition.Fixed("wpan-nonask-phy.phr", "PHR", P, 5, 1, FieldKind.Hex),
        FieldDefinition.Fixed("wpan-nonask-phy.frame_length", "Frame Length", P, 5, 1, FieldKind.Hex, 0x7F),
    ];

    /// <summary>The TAP header, its TLVs and the values RawNet reads (not RSS, SUN PHY, frequency or channel plan).</summary>
    public static readonly FieldDefinition[] Tap =
    [
        FieldDefinition.Fixed("wpan-tap.version", "Version", T, 0, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("wpan-tap.reserved", "Reserved", T, 1, 1, FieldKind.Decimal),
        FieldDefinition.FixedLittleEndian("wpan-tap.length", "Length", T, 2, 2, FieldKind.Decimal),
        FieldDefinition.Derived("wpan-tap.tlv.type", "TLV Type", T, FieldKind.Decimal, ComputedField.WpanTapTlvType),
        FieldDefinition.Derived("wpan-tap.tlv.length", "TLV Length", T, FieldKind.Decimal, ComputedField.WpanTapTlvLength),
        FieldDefinition.Derived("wpan-tap.fcs_type", "FCS Type", T, FieldKind.Decimal, ComputedField.WpanTapFcsType),
        FieldDefinition.Derived("wpan-tap.bit_rate", "Bit Rate", T, FieldKind.Decimal, ComputedField.WpanTapBitRate),
        FieldDefinition.Derived("wpan-tap.ch_num", "Channel", T, FieldKind.Decimal, ComputedField.WpanTapChannel),
        FieldDefinition.Derived("wpan-tap.ch_page", "Page", T, FieldKind.Decimal, ComputedField.WpanTapPage),
        FieldDefinition.Derived("wpan-tap.sof_ts", "Start of frame timestamp", T, FieldKind.Decimal, ComputedField.WpanTapStartOfFrame),
        FieldDefinition.Derived("wpan-tap.eof_ts", "End of frame timestamp", T, FieldKind.Decimal, ComputedField.WpanTapEndOfFrame),
        FieldDefinition.Derived("wpan-tap.asn", "ASN", T, FieldKind.Decimal, ComputedField.WpanTapAsn),
        FieldDefinition.Derived("wpan-tap.slot_start_ts", "Start of slot timestamp", T, FieldKind.Decimal, ComputedField.WpanTapSlotStart),
        FieldDefinition.Derived("wpan-tap.timeslot_length", "Timeslot length", T, FieldKind.Decimal, ComputedField.WpanTapTimeslotLength),
        FieldDefinition.Derived("wpan-tap.lqi", "Link Quality Indicator", T, FieldKind.Decimal, ComputedField.WpanTapLqi),
        FieldDefinition.Derived("wpan-tap.tlv.unknown", "Unknown", T, FieldKind.Bytes, ComputedField.WpanTapTlvUnknown),
        FieldDefinition.Derived("wpan-tap.tlv.padding", "Padding", T, FieldKind.Bytes, ComputedField.WpanTapTlvPadding),
        FieldDefinition.Derived("wpan-tap.data_length", "Data Length", T, FieldKind.Decimal, ComputedField.WpanTapDataLength),
    ];
}
