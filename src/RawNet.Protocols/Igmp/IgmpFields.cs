using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Igmp;

/// <summary>
/// The IGMP field table (Wireshark "igmp"), in tshark's tree order. Every field is read by <see cref="IgmpFieldReader"/>
/// (<see cref="ComputedField.Igmp"/>), which walks the message as tshark does (<see cref="IgmpWalk"/>): which fields a
/// message shows depends on its version, and a v3 report repeats the record fields once per group record.
/// </summary>
public static class IgmpFields
{
    private static readonly (FieldDefinition Field, IgmpValue Value)[] Table =
    [
        (F("igmp.version", "IGMP Version", FieldKind.Decimal), IgmpValue.Version),
        (F("igmp.type", "Type", FieldKind.Hex, 2), IgmpValue.Type),
        (F("igmp.reserved", "Reserved", FieldKind.Bytes), IgmpValue.Reserved),
        (F("igmp.max_resp", "Max Resp Time", FieldKind.Decimal), IgmpValue.MaxResponse),
        (F("igmp.max_resp.exp", "Exponent", FieldKind.Hex, 2), IgmpValue.MaxResponseExponent),
        (F("igmp.max_resp.mant", "Mantissa", FieldKind.Hex, 2), IgmpValue.MaxResponseMantissa),
        (F("igmp.checksum", "Checksum", FieldKind.Hex, 4), IgmpValue.Checksum),
        (F("igmp.checksum.status", "Checksum Status", FieldKind.Decimal), IgmpValue.ChecksumStatus),
        (F("igmp.maddr", "Multicast Address", FieldKind.Ipv4Address), IgmpValue.GroupAddress),
        (F("igmp.s", "S", FieldKind.Boolean), IgmpValue.Suppress),
        (F("igmp.qrv", "QRV", FieldKind.Decimal), IgmpValue.RobustnessValue),
        (F("igmp.qqic", "QQIC", FieldKind.Decimal), IgmpValue.QueryIntervalCode),
        (F("igmp.num_src", "Num Src", FieldKind.Decimal), IgmpValue.SourceCount),
        (F("igmp.saddr", "Source Address", FieldKind.Ipv4Address), IgmpValue.SourceAddress),
        (F("igmp.num_grp_recs", "Num Group Records", FieldKind.Decimal), IgmpValue.GroupRecordCount),
        (F("igmp.record_type", "Record Type", FieldKind.Decimal), IgmpValue.RecordType),
        (F("igmp.aux_data_len", "Aux Data Len", FieldKind.Decimal), IgmpValue.AuxDataLength),
        (F("igmp.aux_data", "Aux Data", FieldKind.Bytes), IgmpValue.AuxData),
        (F("igmp.data", "Data", FieldKind.Bytes), IgmpValue.Data),
    ];

    /// <summary>RGMP's fields (Wireshark "rgmp"), its own layer after the IGMP dispatcher's, read by the same walk.</summary>
    private static readonly (FieldDefinition Field, IgmpValue Value)[] RgmpTable =
    [
        (R("rgmp.type", "Type", FieldKind.Hex, 2), IgmpValue.Type),
        (R("rgmp.reserved", "Reserved", FieldKind.Hex, 2), IgmpValue.Reserved),
        (R("rgmp.checksum", "Checksum", FieldKind.Hex, 4), IgmpValue.Checksum),
        (R("rgmp.checksum.status", "Checksum Status", FieldKind.Decimal), IgmpValue.ChecksumStatus),
        (R("rgmp.maddr", "Multicast group address", FieldKind.Ipv4Address), IgmpValue.GroupAddress),
    ];

    /// <summary>Every IGMP field, in tree order.</summary>
    public static readonly FieldDefinition[] All = FieldRows.Fields(Table);

    /// <summary>Every RGMP field, in tree order.</summary>
    public static readonly FieldDefinition[] Rgmp = FieldRows.Fields(RgmpTable);

    private static readonly FrozenDictionary<FieldDefinition, IgmpValue> Values = FieldRows.Values(Table, RgmpTable);

    private static readonly FrozenDictionary<IgmpValue, FieldDefinition> IgmpByValue = FieldRows.ByValue(Table);
    private static readonly FrozenDictionary<IgmpValue, FieldDefinition> RgmpByValue = FieldRows.ByValue(RgmpTable);

    /// <summary>The field that shows <paramref name="value"/> in an IGMP layer (or, with <paramref name="rgmp"/>, an RGMP one).</summary>
    public static FieldDefinition Of(IgmpValue value, bool rgmp) => (rgmp ? RgmpByValue : IgmpByValue)[value];

    /// <summary>Which value a field of this table shows; false for a field of another table.</summary>
    public static bool TryGetValue(FieldDefinition field, out IgmpValue value) => Values.TryGetValue(field, out value);

    private static FieldDefinition F(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Igmp, kind, ComputedField.Igmp, hexDigits);

    private static FieldDefinition R(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Rgmp, kind, ComputedField.Igmp, hexDigits);
}
