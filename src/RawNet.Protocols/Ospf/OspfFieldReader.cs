using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ospf;

/// <summary>Reads the OSPF fields of <see cref="OspfFields"/> (<see cref="ComputedField.Ospf"/>) as tshark 4.0 adds them, through <see cref="OspfWalk"/>.</summary>
public static class OspfFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Ospf;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the packet's captured bytes <paramref name="header"/>.</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        var walk = new OspfWalk(header, Math.Max(layer.Extent, header.Length));
        int seen = 0;
        while (walk.Next(out var item))
        {
            if (!OspfFields.Shows(field, item.Value) || seen++ != occurrence)
                continue;
            value = new FieldValue(item.Number, layer.Offset + item.Offset, item.Length);
            return true;
        }
        return false;
    }
}
