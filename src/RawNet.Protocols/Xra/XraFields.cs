using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Xra;

/// <summary>
/// The XRA field table (Wireshark "xra", tshark 4.0): the fixed header, the TLVs' bytes, then one field per TLV type
/// RawNet shows (unknown types as xra.unknown, which also names an unknown packet type). Read by
/// <see cref="XraFieldReader"/> (<see cref="ComputedField.Xra"/>), which walks the header again (<see cref="XraWalk"/>).
/// </summary>
public static class XraFields
{
    private static readonly FieldValueTable<XraValue> Table = new(
    [
        (F("xra.version", "Version", FieldKind.Decimal), XraValue.Version),
        (F("xra.direction", "Direction", FieldKind.Decimal), XraValue.Direction),
        (F("xra.packettype", "Packet Type", FieldKind.Decimal), XraValue.PacketType),
        (F("xra.tlvlength", "TLV Length", FieldKind.Decimal), XraValue.TlvLength),
        (F("xra.tlv", "XRA TLV", FieldKind.Bytes), XraValue.Tlv),
        (F("xra.tlv.ds_channel_id", "DS Channel ID", FieldKind.Decimal), XraValue.DsChannelId),
        (F("xra.tlv.ds_channel_frequency", "DS Channel Frequency", FieldKind.Decimal), XraValue.DsFrequency),
        (F("xra.tlv.modulation", "Modulation", FieldKind.Decimal), XraValue.Modulation),
        (F("xra.tlv.annex", "Annex", FieldKind.Decimal), XraValue.Annex),
        (F("xra.tlv.profile_id", "Profile", FieldKind.Decimal), XraValue.ProfileId),
        (F("xra.tlv.ncp.trunc", "Truncated due to Uncorrectables", FieldKind.Decimal), XraValue.NcpTrunc),
        (F("xra.tlv.ncp.symbolid", "Symbol ID", FieldKind.Decimal), XraValue.NcpSymbolId),
        (F("xra.tlv.us_channel_id", "US Channel ID", FieldKind.Decimal), XraValue.UsChannelId),
        (F("xra.tlv.sid", "SID", FieldKind.Decimal), XraValue.Sid),
        (F("xra.tlv.iuc", "IUC", FieldKind.Decimal), XraValue.Iuc),
        (F("xra.tlv.burstid", "Burst ID", FieldKind.Decimal), XraValue.BurstId),
        (F("xra.tlv.ucd_ccc_parity", "UCD CCC Parity", FieldKind.Decimal), XraValue.UcdCccParity),
        (F("xra.tlv.grant_size", "Grant Size (bits)", FieldKind.Decimal), XraValue.GrantSize),
        (F("xra.tlv.segment_header_present", "Segment Header Present", FieldKind.Decimal), XraValue.SegmentHeaderPresent),
        (F("xra.tlv.ranging.number_ofdma_frames", "Number of OFDMA Frames", FieldKind.Decimal), XraValue.OfdmaFrames),
        (F("xra.tlv.ranging.timing_adjust", "Estimated Timing Adjust (in 1/204.8 µs units)", FieldKind.SignedDecimal), XraValue.TimingAdjust),
        (F("xra.tlv.subslot_id", "Subslot ID", FieldKind.Decimal), XraValue.SubslotId),
        (F("xra.tlv.control_word", "Control Word", FieldKind.Decimal), XraValue.ControlWord),
        (F("xra.unknown", "Unknown", FieldKind.Bytes), XraValue.Unknown),
    ]);

    public static readonly FieldDefinition[] All = Table.All;

    /// <summary>Which value a field of this table shows; false for a field of another table.</summary>
    public static bool TryGetValue(FieldDefinition field, out XraValue value) => Table.TryGetValue(field, out value);

    private static FieldDefinition F(string name, string label, FieldKind kind) =>
        FieldDefinition.Derived(name, label, LayerKind.Xra, kind, ComputedField.Xra);
}
