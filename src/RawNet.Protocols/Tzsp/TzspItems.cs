using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Tzsp;

/// <summary>
/// Every item of a TZSP layer in tshark's tree order: the version, type and encapsulation, then per tag its subtree
/// heading (<see cref="TzspFields.TagHeading"/>) with its tag, length and value below it, as <see cref="TzspTagWalker"/>
/// walks them. Allocates nothing.
/// </summary>
public ref struct TzspItems
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _layerOffset;
    private readonly bool _hasTags;
    private TzspTagWalker _walker;
    private TzspTag _tag;
    private int _step;

    /// <param name="bytes">The captured bytes from the layer's first byte (a value may be read past the tags).</param>
    /// <param name="reported">How many bytes the datagram declares from there.</param>
    /// <param name="layerOffset">The layer's offset in its buffer.</param>
    public TzspItems(ReadOnlySpan<byte> bytes, int reported, int layerOffset)
    {
        _bytes = bytes;
        _layerOffset = layerOffset;
        _hasTags = TzspHeader.TryRead(bytes, out var header) && TzspHeader.HasTags(header.Type);
        _walker = new TzspTagWalker(bytes, reported);
        _step = bytes.Length >= TzspHeader.FixedLength ? 0 : int.MaxValue;
        Field = TzspFields.TagHeading;
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
            switch (_step)
            {
                case 0:
                    _step = 1;
                    return Set(TzspValue.Version, _bytes[TzspHeader.Field.Version], TzspHeader.Field.Version, 1);
                case 1:
                    _step = 2;
                    return Set(TzspValue.Type, _bytes[TzspHeader.Field.Type], TzspHeader.Field.Type, 1);
                case 2:
                    _step = _hasTags ? 3 : int.MaxValue;
                    return Set(TzspValue.Encapsulation, (ulong)(_bytes[2] << 8 | _bytes[3]), TzspHeader.Field.Encapsulation, 2);
                case 3:
                    if (!_walker.MoveNext(out _tag))
                    {
                        _step = int.MaxValue;
                        return false;
                    }
                    _step = 4;
                    Field = TzspFields.TagHeading;
                    Value = new FieldValue(_tag.Tag, _layerOffset + _tag.Offset, _tag.Length < 0 ? 1 : 2 + _tag.Length);
                    Depth = 0;
                    return true;
                case 4:
                    _step = 5;
                    return SetTag(TzspValue.OptionTag);
                case 5:
                    _step = 6;
                    if (_tag.Length >= 0)
                        return SetTag(TzspValue.OptionLength);
                    continue;
                case 6:
                    _step = 3;
                    if (_tag.HasValue)
                        return SetTag(TzspFields.ValueOfTag(_tag.Tag));
                    continue;
                default:
                    return false;
            }
        }
    }

    private bool Set(TzspValue which, ulong number, int offset, int length)
    {
        Field = TzspFields.FieldOf(which);
        Value = new FieldValue(number, _layerOffset + offset, length);
        Depth = 0;
        return true;
    }

    private bool SetTag(TzspValue which)
    {
        Field = TzspFields.FieldOf(which);
        Value = TzspFieldReader.ValueOf(which, _bytes, _tag, _layerOffset);
        Depth = 1;
        return true;
    }
}
