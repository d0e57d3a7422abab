using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Redback.RedbackHeader.Field;

namespace RawNet.Protocols.Redback;

/// <summary>
/// The redback field table (Wireshark "redback", tshark 4.0): the seven header fields once all 24 bytes are there (tshark
/// reads the two offsets first), the padding between the header and the data offset, and before a PPP message without
/// the flag bit the unknown word (<see cref="RedbackFieldReader"/>).
/// </summary>
public static class RedbackFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("redback.context", "Context", LayerKind.Redback, F.Context, 4, FieldKind.Hex, presence: FieldPresence.RedbackHeader),
        FieldDefinition.Fixed("redback.flags", "Flags", LayerKind.Redback, F.Flags, 4, FieldKind.Hex, presence: FieldPresence.RedbackHeader),
        FieldDefinition.Fixed("redback.circuit", "Circuit", LayerKind.Redback, F.Circuit, 8, FieldKind.Hex, presence: FieldPresence.RedbackHeader),
        FieldDefinition.Fixed("redback.length", "Length", LayerKind.Redback, F.Length, 2, FieldKind.Decimal, presence: FieldPresence.RedbackHeader),
        FieldDefinition.Fixed("redback.protocol", "Protocol", LayerKind.Redback, F.Protocol, 2, FieldKind.Decimal, presence: FieldPresence.RedbackHeader),
        FieldDefinition.Fixed("redback.dataoffset", "Data Offset", LayerKind.Redback, F.DataOffset, 2, FieldKind.Decimal, presence: FieldPresence.RedbackHeader),
        FieldDefinition.Fixed("redback.l3offset", "Layer 3 Offset", LayerKind.Redback, F.L3Offset, 2, FieldKind.Decimal, presence: FieldPresence.RedbackHeader),
        FieldDefinition.Derived("redback.padding", "Padding", LayerKind.Redback, FieldKind.Bytes, ComputedField.RedbackPadding),
        FieldDefinition.Derived("redback.unknown", "Unknown", LayerKind.Redback, FieldKind.Bytes, ComputedField.RedbackUnknown),
    ];
}

/// <summary>Reads the padding and the unknown word (<see cref="ComputedField.RedbackPadding"/>, <see cref="ComputedField.RedbackUnknown"/>), where captured.</summary>
public static class RedbackFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is ComputedField.RedbackPadding or ComputedField.RedbackUnknown;

    /// <summary>The field in the layer's captured <paramref name="header"/>, which starts at <paramref name="layerOffset"/>.</summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (occurrence != 0 || !RedbackHeader.TryRead(header, out var redback))
            return false;
        int data = redback.DataOffset;
        (int start, int end) = computed == ComputedField.RedbackPadding
            ? (RedbackHeader.Length, data > RedbackHeader.Length ? data : 0)
            : (data, redback.HasUnknown ? data + RedbackHeader.UnknownLength : 0);
        if (end <= start || end > header.Length)
            return false;
        value = new FieldValue(0, layerOffset + start, end - start);
        return true;
    }
}
