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
            {
                if (occurrence >= radiotap.PresentWords)
                    return false;
                value = new FieldValue(radiotap.PresentWord(occurrence), layerOffset + RadiotapHeader.Field.Present + 4 * occurrence, 4);
                return true;
            }
            case ComputedField.RadiotapPresentBit:
            {
                if (!radiotap.NamesPresentBits)
                    return false;
                // Bits 0 to 28 are named in the bitmaps that start the radiotap namespace, 29 to 31 in all.
                int seen = 0;
                for (int word = 0; word < radiotap.PresentWords; word++)
                {
                    if (field.Offset < 29 && !radiotap.StartsRadiotapNamespace(word))
                        continue;
                    if (seen++ != occurrence)
                        continue;
                    value = new FieldValue((radiotap.PresentWord(word) >> field.Offset) & 1, layerOffset + RadiotapHeader.Field.Present + 4 * word, 4);
                    return true;
                }
                return false;
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
