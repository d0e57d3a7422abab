using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Igmp;

/// <summary>Reads the IGMP and RGMP fields of <see cref="IgmpFields"/> (<see cref="ComputedField.Igmp"/>) as tshark 4.0 adds them, through <see cref="IgmpWalk"/>.</summary>
public static class IgmpFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Igmp;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the message's captured bytes <paramref name="header"/>.</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        if (!IgmpFields.TryGetValue(field, out var which))
            return false;
        var walk = new IgmpWalk(header, Math.Max(layer.Extent, header.Length), (IgmpForm)layer.Detail);
        int seen = 0;
        while (walk.Next(out var item))
        {
            if (item.Value != which || seen++ != occurrence)
                continue;
            value = new FieldValue(item.Number, layer.Offset + item.Offset, item.Length);
            return true;
        }
        return false;
    }
}
