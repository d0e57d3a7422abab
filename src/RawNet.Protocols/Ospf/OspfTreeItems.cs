using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ospf;

/// <summary>Every item of an OSPF layer in tshark's tree order (<see cref="OspfWalk"/>'s), with its depth. Allocates nothing.</summary>
public ref struct OspfTreeItems
{
    private OspfWalk _walk;
    private readonly int _offset;

    public OspfTreeItems(in Layer layer, ReadOnlySpan<byte> header)
    {
        _walk = new OspfWalk(header, Math.Max(layer.Extent, header.Length));
        _offset = layer.Offset;
        Field = OspfFields.Of(OspfValue.Version);
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
        if (!_walk.Next(out var item))
            return false;
        Field = OspfFields.Of(item.Value);
        Value = new FieldValue(item.Number, _offset + item.Offset, item.Length);
        Depth = item.Depth - 1;
        return true;
    }
}
