using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Igmp;

/// <summary>
/// Every item of an IGMP or RGMP layer in tshark's tree order (<see cref="IgmpWalk"/>'s: a v3 report record by record, each
/// record's items one level down; a v3 query's exponent and mantissa below its max response time). Allocates nothing.
/// </summary>
public ref struct IgmpTreeItems
{
    private IgmpWalk _walk;
    private readonly int _offset;
    private readonly bool _rgmp;

    public IgmpTreeItems(in Layer layer, ReadOnlySpan<byte> header)
    {
        _walk = new IgmpWalk(header, Math.Max(layer.Extent, header.Length), (IgmpForm)layer.Detail);
        _offset = layer.Offset;
        _rgmp = layer.Kind == LayerKind.Rgmp;
        Field = IgmpFields.Of(IgmpValue.Type, _rgmp);
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
        Field = IgmpFields.Of(item.Value, _rgmp);
        Value = new FieldValue(item.Number, _offset + item.Offset, item.Length);
        bool inRecord = _walk.Form == IgmpForm.V3Report && item.Value is IgmpValue.RecordType or IgmpValue.AuxDataLength
            or IgmpValue.SourceCount or IgmpValue.GroupAddress or IgmpValue.SourceAddress or IgmpValue.AuxData;
        Depth = inRecord || item.Value is IgmpValue.MaxResponseExponent or IgmpValue.MaxResponseMantissa ? 1 : 0;
        return true;
    }
}
