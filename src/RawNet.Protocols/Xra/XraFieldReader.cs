using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Xra;

/// <summary>
/// Reads the xra fields (<see cref="ComputedField.Xra"/>) by walking the header again (<see cref="XraWalk"/>): occurrence
/// n of a field is the n-th item of its kind; xra.unknown also stands for an unknown packet type (the type byte), which
/// tshark adds once the TLVs were read and a payload follows.
/// </summary>
public static class XraFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Xra;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="field"/> in the xra layer over <paramref name="frame"/> (the captured bytes from the layer on).</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> frame, int occurrence, out FieldValue value)
    {
        value = default;
        if (!XraFields.TryGetValue(field, out var which))
            return false;
        var finder = new Finder(which, occurrence);
        var walk = XraWalk.Run(frame, layer.Extent, ref finder);
        if (!finder.Found && which == XraValue.Unknown && finder.Left == 0 && UnknownType(walk, layer.Extent))
        {
            value = new FieldValue(0, layer.Offset + 1, 1);
            return true;
        }
        if (!finder.Found)
            return false;
        value = new FieldValue(finder.Value, layer.Offset + finder.At, finder.Size);
        return true;
    }

    /// <summary>True when tshark adds xra.unknown over the packet type: the TLVs read, a payload after them, a type it does not dissect.</summary>
    public static bool UnknownType(in XraSummary walk, int reported) =>
        walk.TlvsRead && reported > walk.HeaderLength && !XraWalk.CarriesDocsis(walk.PacketType)
        && walk.PacketType is not (9 or 10 or 65 or 72 or 73);

    private struct Finder(XraValue which, int occurrence) : IXraVisitor
    {
        public int Left = occurrence;
        public bool Found;
        public ulong Value;
        public int At, Size;

        public void Item(XraValue item, int at, int size, ulong value)
        {
            if (Found || item != which)
                return;
            if (Left-- > 0)
                return;
            Found = true;
            Value = value;
            At = at;
            Size = size;
        }
    }
}
