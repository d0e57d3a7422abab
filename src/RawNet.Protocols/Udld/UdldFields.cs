using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Udld;

/// <summary>
/// The UDLD field table (Wireshark "udld"), in <see cref="UdldValue"/>'s order, every field read by
/// <see cref="UdldFieldReader"/> (<see cref="ComputedField.Udld"/>) from the values <see cref="UdldWalk"/> lists: the
/// header's once, a TLV's once per TLV that carries it, in PDU order, as <c>tshark -T fields</c> lists them.
/// </summary>
public static class UdldFields
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
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> pdu, int reported, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (!UdldFields.TryGetValue(field, out var which))
            return false;
        var finder = new Nth(which, occurrence);
        UdldWalk.Run(pdu, reported, ref finder, out _, out _);
        if (!finder.Found)
            return false;
        value = new FieldValue(finder.Number, layerOffset + finder.Offset, finder.Length);
        return true;
    }

    /// <summary>The <paramref name="occurrence"/>-th value of kind <paramref name="which"/>, or of any kind when null.</summary>
    internal struct Nth(UdldValue? which, int occurrence) : IUdldVisitor
    {
        private int _left = occurrence;
        public bool Found;
        public UdldValue Which;
        public int Offset, Length;
        public ulong Number;

        public bool Item(UdldValue item, int offset, int length, ulong number)
        {
            if (which is { } wanted && item != wanted || _left-- > 0)
                return true;
            (Found, Which, Offset, Length, Number) = (true, item, offset, length, number);
            return false;
        }
    }
}

/// <summary>
/// Every field of a UDLD layer in tshark's tree order (<see cref="UdldWalk"/>'s): the header, then each TLV's type, length
/// and value. Allocates nothing; each step walks the PDU again up to the item (PDUs are short).
/// </summary>
public ref struct UdldItems
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _reported;
    private readonly int _layerOffset;
    private int _index;

    /// <param name="bytes">The captured bytes of the PDU.</param>
    /// <param name="reported">How many bytes the PDU has.</param>
    /// <param name="layerOffset">The layer's offset in its buffer.</param>
    public UdldItems(ReadOnlySpan<byte> bytes, int reported, int layerOffset)
    {
        _bytes = bytes;
        _reported = reported;
        _layerOffset = layerOffset;
        Field = UdldFields.All[0];
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
            var finder = new UdldFieldReader.Nth(null, _index);
            UdldWalk.Run(_bytes, _reported, ref finder, out _, out _);
            if (!finder.Found)
                return false;
            _index++;
            if (finder.Which >= UdldValue.InfoId)
                continue;
            Field = UdldFields.All[(int)finder.Which];
            Value = new FieldValue(finder.Number, _layerOffset + finder.Offset, finder.Length);
            // the TLVs' own headings are not listed, so their items stand at the top; the flags' two bits below the flags
            Depth = finder.Which is UdldValue.FlagRecommendedTimeout or UdldValue.FlagResynch ? 1 : 0;
            return true;
        }
    }
}
