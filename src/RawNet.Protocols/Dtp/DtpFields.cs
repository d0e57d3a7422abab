using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Dtp;

/// <summary>
/// The DTP field table (Wireshark "dtp"), in <see cref="DtpValue"/>'s order, every field read by
/// <see cref="DtpFieldReader"/> (<see cref="ComputedField.Dtp"/>) from the values <see cref="DtpWalk"/> lists: each
/// occurs once per TLV that carries it, in PDU order, as <c>tshark -T fields</c> lists them.
/// </summary>
public static class DtpFields
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
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> pdu, int reported, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (!DtpFields.TryGetValue(field, out var which))
            return false;
        var finder = new Nth(which, occurrence);
        DtpWalk.Run(pdu, reported, ref finder, out _);
        if (!finder.Found)
            return false;
        value = new FieldValue(finder.Number, layerOffset + finder.Offset, finder.Length);
        return true;
    }

    /// <summary>The <paramref name="occurrence"/>-th value of kind <paramref name="which"/>, or of any kind when null.</summary>
    internal struct Nth(DtpValue? which, int occurrence) : IDtpVisitor
    {
        private int _left = occurrence;
        public bool Found;
        public DtpValue Which;
        public int Offset, Length;
        public ulong Number;

        public bool Item(DtpValue item, int offset, int length, ulong number)
        {
            if (which is { } wanted && item != wanted || _left-- > 0)
                return true;
            (Found, Which, Offset, Length, Number) = (true, item, offset, length, number);
            return false;
        }
    }
}

/// <summary>
/// Every field of a DTP layer in tshark's tree order (<see cref="DtpWalk"/>'s): the version, then each TLV's type, length
/// and value, a status or type byte's two parts below them. Allocates nothing; each step walks the PDU again up to the
/// item (PDUs are short).
/// </summary>
public ref struct DtpItems
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _reported;
    private readonly int _layerOffset;
    private int _index;

    /// <param name="bytes">The captured bytes of the PDU.</param>
    /// <param name="reported">How many bytes the PDU has.</param>
    /// <param name="layerOffset">The layer's offset in its buffer.</param>
    public DtpItems(ReadOnlySpan<byte> bytes, int reported, int layerOffset)
    {
        _bytes = bytes;
        _reported = reported;
        _layerOffset = layerOffset;
        Field = DtpFields.All[0];
    }

    /// <summary>The current item's field.</summary>
    public FieldDefinition Field { get; private set; }

    /// <summary>The current item's value.</summary>
    public FieldValue Value { get; private set; }

    /// <summary>How deep the current item lies below the layer's heading.</summary>
    public int Depth { get; private set; }

    /// <summary>Moves to the next item; false after the last.</summary>
    public bool MoveNext()
    {
        while (true)
        {
            var finder = new DtpFieldReader.Nth(null, _index);
            DtpWalk.Run(_bytes, _reported, ref finder, out _);
            if (!finder.Found)
                return false;
            _index++;
            if (finder.Which >= DtpValue.ExpertLengthTooShort)
                continue;
            Field = DtpFields.All[(int)finder.Which];
            Value = new FieldValue(finder.Number, _layerOffset + finder.Offset, finder.Length);
            // the TLVs' own headings are not listed, so their items stand at the top; a status or type byte's parts below it
            Depth = finder.Which is >= DtpValue.OperatingStatus and <= DtpValue.AdministrativeType ? 1 : 0;
            return true;
        }
    }
}
