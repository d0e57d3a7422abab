using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Nbns;

/// <summary>
/// Every item of an NBNS layer in tshark's tree order (<see cref="NbnsWalk"/>'s): the header with the flags' bits below
/// the flags, then each question and record with its items below it, a flags word's bits below it. Allocates nothing;
/// each step walks the message again up to the item (messages are short).
/// </summary>
public ref struct NbnsItems
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _reported;
    private readonly int _layerOffset;
    private int _index;

    /// <param name="bytes">The captured bytes of the message.</param>
    /// <param name="reported">How many bytes the datagram declares.</param>
    /// <param name="layerOffset">The layer's offset in its buffer.</param>
    public NbnsItems(ReadOnlySpan<byte> bytes, int reported, int layerOffset)
    {
        _bytes = bytes;
        _reported = reported;
        _layerOffset = layerOffset;
        Field = NbnsFields.All[0];
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
            var finder = new Nth(_index);
            NbnsWalk.Run(_bytes, _reported, columns: false, ref finder, out _);
            if (!finder.Found)
                return false;
            _index++;
            // the expert item is no field
            if (finder.Which == NbnsValue.IncompleteEntry)
                continue;
            Field = NbnsFields.All[(int)finder.Which];
            Value = new FieldValue(NbnsFieldReader.Pack(finder.Which, finder.Number, _layerOffset, _reported), _layerOffset + finder.Offset, finder.Length);
            Depth = finder.Which switch
            {
                >= NbnsValue.Id and <= NbnsValue.Flags or >= NbnsValue.Questions and <= NbnsValue.AdditionalRecords => finder.InRecord ? 1 : 0,
                >= NbnsValue.Response and <= NbnsValue.Rcode => finder.InRecord ? 2 : 1,
                NbnsValue.NbGroup or NbnsValue.NbOnt or >= NbnsValue.NameGroup and <= NbnsValue.NamePermanent => 2,
                _ => 1,
            };
            return true;
        }
    }

    private struct Nth(int index) : INbnsVisitor
    {
        private int _left = index;
        public bool Found, InRecord;
        public NbnsValue Which;
        public int Offset, Length;
        public ulong Number;

        public bool Item(NbnsValue which, int offset, int length, ulong number)
        {
            if (_left-- > 0)
            {
                InRecord |= which == NbnsValue.Name;
                return true;
            }
            (Found, Which, Offset, Length, Number) = (true, which, offset, length, number);
            return false;
        }
    }
}
