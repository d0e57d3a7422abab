using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Dtp;

/// <summary>
/// The DTP field table (Wireshark "dtp"), in <see cref="DtpValue"/>'s order, every field read by
/// <see cref="DtpFieldReader"/> (<see cref="ComputedField.Dtp"/>) from the values <see cref="DtpWalk"/> lists: each
/// occurs once per TLV that carries it, in PDU order, as <c>tshark -T fields</c> lists them; the tree lists them in the
/// walk's order (<see cref="FieldWalkItems{TWalk, TValue}"/>).
/// </summary>
public readonly struct DtpFields : IFieldWalk<DtpValue>
{
    private static readonly FieldValueTable<DtpValue> Table = new(
    [
        (D("dtp.version", "Version", FieldKind.Decimal), DtpValue.Version),
        (D("dtp.tlv_type", "Type", FieldKind.Hex, 4), DtpValue.TlvType),
        (D("dtp.tlv_len", "Length", FieldKind.Decimal), DtpValue.TlvLength),
        (D("dtp.domain", "Domain", FieldKind.Text), DtpValue.Domain),
        (D("dtp.tos", "Trunk Operating Status", FieldKind.Hex, 2), DtpValue.OperatingStatus),
        (D("dtp.tas", "Trunk Administrative Status", FieldKind.Hex, 2), DtpValue.AdministrativeStatus),
        (D("dtp.tot", "Trunk Operating Type", FieldKind.Hex, 2), DtpValue.OperatingType),
        (D("dtp.tat", "Trunk Administrative Type", FieldKind.Hex, 2), DtpValue.AdministrativeType),
        (D("dtp.senderid", "Sender ID", FieldKind.MacAddress), DtpValue.SenderId),
        (D("dtp.data", "Data", FieldKind.MacAddress), DtpValue.Data),
    ]);

    /// <summary>The definitions, in tshark's tree order.</summary>
    public static FieldDefinition[] All => Table.All;

    /// <summary>Which value a field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out DtpValue value) => Table.TryGetValue(field, out value);

    /// <inheritdoc/>
    public static void Walk<TVisitor>(ReadOnlySpan<byte> bytes, int reported, ref TVisitor visitor)
        where TVisitor : struct, IItemVisitor<DtpValue>, allows ref struct => DtpWalk.Run(bytes, reported, ref visitor, out _);

    /// <inheritdoc/>
    public static FieldDefinition? FieldOf(DtpValue which) => which < DtpValue.ExpertLengthTooShort ? All[(int)which] : null;

    /// <summary>
    /// The version and each TLV's type, length and value stand at the top (the TLVs' own headings are not listed), a status
    /// or type byte's two parts below them.
    /// </summary>
    public static int DepthOf(in WalkItem<DtpValue> item) => item.Which is >= DtpValue.OperatingStatus and <= DtpValue.AdministrativeType ? 1 : 0;

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Dtp, kind, ComputedField.Dtp, hexDigits);
}

/// <summary>Reads DTP's fields (<see cref="ComputedField.Dtp"/>): occurrence N of a field is the N-th value of its kind in <see cref="DtpWalk"/>'s order.</summary>
public static class DtpFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Dtp;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the PDU's captured bytes
    /// <paramref name="pdu"/>, of which the frame has <paramref name="reported"/>; offsets are made absolute with
    /// <paramref name="layerOffset"/>.
    /// </summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> pdu, int reported, int layerOffset, int occurrence, out FieldValue value) =>
        FieldWalk.TryRead<DtpFields, DtpValue>(field, pdu, reported, layerOffset, occurrence, out value);
}
