using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Erf.ErfHeader.Field;

namespace RawNet.Protocols.Erf;

/// <summary>
/// The ERF field table (Wireshark "erf", tshark 4.0): the fixed header, the loss counter or, for the colour types, the
/// colour in its place; each extension header's type (the first 16), with the 8 bytes of a type tshark has no fields for;
/// and the Ethernet types' offset and pad (<see cref="ErfFieldReader"/> finds what moves with the extension headers).
/// The known extension headers' own fields and the META record's tags are not read.
/// </summary>
public static class ErfFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.FixedLittleEndian("erf.ts", "Timestamp", LayerKind.Erf, F.Timestamp, 8, FieldKind.Hex),
        FieldDefinition.Fixed("erf.types", "Record type", LayerKind.Erf, F.Type, 1, FieldKind.Hex),
        FieldDefinition.Fixed("erf.types.type", "Type", LayerKind.Erf, F.Type, 1, FieldKind.Decimal, ErfHeader.TypeMask),
        FieldDefinition.Fixed("erf.types.ext_header", "Extension header present", LayerKind.Erf, F.Type, 1, FieldKind.Decimal, ErfHeader.MoreExtensions),
        FieldDefinition.Fixed("erf.flags", "Flags", LayerKind.Erf, F.Flags, 1, FieldKind.Hex),
        FieldDefinition.Fixed("erf.flags.cap", "Capture interface", LayerKind.Erf, F.Flags, 1, FieldKind.Decimal, 0x03),
        FieldDefinition.Fixed("erf.flags.vlen", "Varying record length", LayerKind.Erf, F.Flags, 1, FieldKind.Decimal, 0x04),
        FieldDefinition.Fixed("erf.flags.trunc", "Truncated", LayerKind.Erf, F.Flags, 1, FieldKind.Decimal, ErfHeader.Flag.Truncated),
        FieldDefinition.Fixed("erf.flags.rxe", "RX error", LayerKind.Erf, F.Flags, 1, FieldKind.Decimal, ErfHeader.Flag.RxError),
        FieldDefinition.Fixed("erf.flags.dse", "DS error", LayerKind.Erf, F.Flags, 1, FieldKind.Decimal, ErfHeader.Flag.DsError),
        FieldDefinition.Fixed("erf.flags.res", "Reserved", LayerKind.Erf, F.Flags, 1, FieldKind.Hex, 0xC0),
        FieldDefinition.Fixed("erf.rlen", "Record length", LayerKind.Erf, F.RecordLength, 2, FieldKind.Decimal),
        FieldDefinition.Fixed("erf.lctr", "Loss counter", LayerKind.Erf, F.LossCounter, 2, FieldKind.Decimal, presence: FieldPresence.ErfLossCounter),
        FieldDefinition.Fixed("erf.color", "Color", LayerKind.Erf, F.LossCounter, 2, FieldKind.Hex, presence: FieldPresence.ErfColor),
        FieldDefinition.Fixed("erf.wlen", "Wire length", LayerKind.Erf, F.WireLength, 2, FieldKind.Decimal),
        FieldDefinition.Derived("erf.ehdr.types", "Extension Header", LayerKind.Erf, FieldKind.Decimal, ComputedField.ErfExtensionType),
        FieldDefinition.Derived("erf.ehdr.unknown.data", "Data", LayerKind.Erf, FieldKind.Hex, ComputedField.ErfExtensionData, hexDigits: 16),
        FieldDefinition.Derived("erf.eth.off", "Offset", LayerKind.Erf, FieldKind.Decimal, ComputedField.ErfEthernetOffset),
        FieldDefinition.Derived("erf.eth.pad", "Padding", LayerKind.Erf, FieldKind.Hex, ComputedField.ErfEthernetPad, hexDigits: 2),
    ];

    /// <summary>Whether a field of <paramref name="presence"/> is in the header whose first bytes are <paramref name="header"/>.</summary>
    public static bool IsPresent(FieldPresence presence, ReadOnlySpan<byte> header)
    {
        if (header.Length <= ErfHeader.Field.Type)
            return false;
        bool color = ErfHeader.HasColor((byte)(header[ErfHeader.Field.Type] & ErfHeader.TypeMask));
        return presence == FieldPresence.ErfColor ? color : !color;
    }
}
