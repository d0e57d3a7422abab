using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Sflow;

/// <summary>
/// An sFlow layer's items in datagram order, as tshark's tree nests them: the datagram header's fields, then each sample's
/// (one level down) followed by its records' (two levels down), each with the fields of its own in table order.
/// </summary>
public ref struct SflowTreeItems
{
    private readonly ReadOnlySpan<byte> _d;
    private readonly int _offset;
    private readonly uint _version;
    private SflowWalker _walker;
    private SflowItem _item;
    private bool _inItem;
    private bool _inHeader;
    private int _field;

    /// <param name="layer">The sFlow layer.</param>
    /// <param name="buffer">The buffer its offsets point into.</param>
    public SflowTreeItems(in Layer layer, ReadOnlySpan<byte> buffer)
    {
        _d = SflowFieldReader.Datagram(in layer, buffer);
        _offset = layer.Offset;
        _version = _d.Length >= 8 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(_d) : 0;
        _walker = new SflowWalker(_d);
        _inHeader = _d.Length >= 8;
    }

    /// <summary>The current item's field.</summary>
    public FieldDefinition Field { get; private set; } = null!;

    /// <summary>The current item's value.</summary>
    public FieldValue Value { get; private set; }

    /// <summary>How deep the current item lies below the layer's heading.</summary>
    public int Depth { get; private set; }

    /// <summary>Moves to the next item; false after the last (bounded by the walk's bounds).</summary>
    public bool MoveNext()
    {
        var fields = SflowFields.Computed;
        while (_inHeader)
        {
            if (_field >= fields.Length)
            {
                _inHeader = false;
                _field = 0;
                break;
            }
            var (field, which) = fields[_field++];
            if (SflowFieldReader.TryHeader(which, _d, out ulong number, out int at, out int size) == true)
            {
                Set(field, new FieldValue(number, _offset + at, size), 0);
                return true;
            }
        }
        while (true)
        {
            if (!_inItem)
            {
                if (!_walker.MoveNext(out _item))
                    return false;
                _inItem = true;
                _field = 0;
            }
            while (_field < fields.Length)
            {
                var (field, which) = fields[_field++];
                if (SflowFieldReader.TryItem(which, in _item, _d, _version, out ulong number, out int offset, out int length))
                {
                    Set(field, new FieldValue(number, _offset + offset, length), _item.Kind == SflowItemKind.Sample ? 1 : 2);
                    return true;
                }
            }
            _inItem = false;
        }
    }

    private void Set(FieldDefinition field, FieldValue value, int depth)
    {
        Field = field;
        Value = value;
        Depth = depth;
    }
}
