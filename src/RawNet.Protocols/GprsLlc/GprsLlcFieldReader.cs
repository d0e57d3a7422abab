using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.GprsLlc;

/// <summary>
/// Reads the llcgprs fields (<see cref="ComputedField.GprsLlc"/>) by walking the frame again as tshark does
/// (<see cref="GprsLlcWalk"/>): occurrence n of a field is the n-th item of its kind the walk adds before it stops.
/// </summary>
public static class GprsLlcFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.GprsLlc;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="field"/> in the llcgprs layer over <paramref name="frame"/> (the captured bytes from the layer on).</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> frame, int occurrence, out FieldValue value)
    {
        value = default;
        if (!GprsLlcFields.TryGetValue(field, out var which))
            return false;
        var finder = new Finder(which, occurrence);
        GprsLlcWalk.Run(frame, layer.Extent, ref finder);
        if (!finder.Found)
            return false;
        value = new FieldValue(finder.Value, layer.Offset + finder.At, finder.Size);
        return true;
    }

    private struct Finder(GprsLlcValue which, int occurrence) : IGprsLlcVisitor
    {
        private int _left = occurrence;
        public bool Found;
        public ulong Value;
        public int At, Size;

        public bool Item(GprsLlcValue item, int at, int size, ulong value)
        {
            if (item != which || _left-- > 0)
                return true;
            Found = true;
            Value = value;
            At = at;
            Size = size;
            return false;
        }
    }
}
