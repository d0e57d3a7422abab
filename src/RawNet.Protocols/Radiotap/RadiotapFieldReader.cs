using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Radiotap;

/// <summary>Reads the radiotap fields that move with the bitmaps (<see cref="ComputedField.RadiotapPresentWord"/> to <see cref="ComputedField.RadiotapFlags"/>).</summary>
public static class RadiotapFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.RadiotapPresentWord and <= ComputedField.RadiotapFlags;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the header's captured bytes
    /// <paramref name="header"/>, which start at <paramref name="layerOffset"/>: one per present bitmap for the bitmap
    /// fields, one for Flags (its definition's offset is the bit's mask, 0 for the whole byte).
    /// </summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (!RadiotapHeader.TryRead(header, out var radiotap))
            return false;
        switch (field.Computed)
        {
            case ComputedField.RadiotapPresentWord:
            case ComputedField.RadiotapPresentBit:
            {
                if (occurrence >= radiotap.PresentWords)
                    return false;
                uint word = radiotap.PresentWord(occurrence);
                ulong number = field.Computed == ComputedField.RadiotapPresentWord ? word : (word >> field.Offset) & 1;
                value = new FieldValue(number, layerOffset + RadiotapHeader.Field.Present + 4 * occurrence, 4);
                return true;
            }
            case ComputedField.RadiotapFlags:
            {
                int at = radiotap.FlagsOffset;
                if (occurrence != 0 || at < 0)
                    return false;
                byte flags = header[at];
                value = new FieldValue(field.Offset == 0 ? flags : (flags & field.Offset) != 0 ? 1UL : 0UL, layerOffset + at, 1);
                return true;
            }
            default:
                return false;
        }
    }
}
