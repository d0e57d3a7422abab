using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Udld;

/// <summary>
/// The UDLD field table (Wireshark "udld"), in <see cref="UdldValue"/>'s order, every field read by
/// <see cref="UdldFieldReader"/> (<see cref="ComputedField.Udld"/>) from the values <see cref="UdldWalk"/> lists: the
/// header's once, a TLV's once per TLV that carries it, in PDU order, as <c>tshark -T fields</c> lists them; the tree
/// lists them in the walk's order (<see cref="FieldWalkItems{TWalk, TValue}"/>).
/// </summary>
public readonly struct UdldFields : IFieldWalk<UdldValue>
{
    private static readonly FieldValueTable<UdldValue> Table = new(
    [
        (D("udld.version", "Version", FieldKind.Decimal), UdldValue.Version),
        (D("udld.opcode", "Opcode", FieldKind.Decimal), UdldValue.Opcode),
        (D("udld.flags", "Flags", FieldKind.Decimal), UdldValue.Flags),
        (D("udld.flags.rt", "Recommended timeout", FieldKind.Hex, 2), UdldValue.FlagRecommendedTimeout),
        (D("udld.flags.rsy", "ReSynch", FieldKind.Hex, 2), UdldValue.FlagResynch),
        (D("udld.checksum", "Checksum", FieldKind.Hex, 4), UdldValue.Checksum),
        (D("udld.tlv.type", "Type", FieldKind.Hex, 4), UdldValue.TlvType),
        (D("udld.tlv.len", "Length", FieldKind.Decimal), UdldValue.TlvLength),
        (D("udld.device_id", "Device ID", FieldKind.Text), UdldValue.DeviceId),
        (D("udld.sent_through_interface", "Sent through Interface", FieldKind.Text), UdldValue.SentThroughInterface),
        (D("udld.data", "Data", FieldKind.Bytes), UdldValue.Data),
    ]);

    /// <summary>The definitions, in tshark's tree order.</summary>
    public static FieldDefinition[] All => Table.All;

    /// <summary>Which value a field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out UdldValue value) => Table.TryGetValue(field, out value);

    /// <inheritdoc/>
    public static void Walk<TVisitor>(ReadOnlySpan<byte> bytes, int reported, ref TVisitor visitor)
        where TVisitor : struct, IItemVisitor<UdldValue>, allows ref struct => UdldWalk.Run(bytes, reported, ref visitor, out _, out _);

    /// <inheritdoc/>
    public static FieldDefinition? FieldOf(UdldValue which) => which < UdldValue.InfoId ? All[(int)which] : null;

    /// <summary>The TLVs' own headings are not listed, so their items stand at the top; the flags' two bits below the flags.</summary>
    public static int DepthOf(in WalkItem<UdldValue> item) => item.Which is UdldValue.FlagRecommendedTimeout or UdldValue.FlagResynch ? 1 : 0;

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Udld, kind, ComputedField.Udld, hexDigits);
}

/// <summary>Reads UDLD's fields (<see cref="ComputedField.Udld"/>): occurrence N of a field is the N-th value of its kind in <see cref="UdldWalk"/>'s order.</summary>
public static class UdldFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Udld;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the PDU's captured bytes
    /// <paramref name="pdu"/>, of which the frame has <paramref name="reported"/>; offsets are made absolute with
    /// <paramref name="layerOffset"/>.
    /// </summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> pdu, int reported, int layerOffset, int occurrence, out FieldValue value) =>
        FieldWalk.TryRead<UdldFields, UdldValue>(field, pdu, reported, layerOffset, occurrence, out value);
}
