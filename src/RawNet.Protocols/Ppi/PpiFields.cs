using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Ppi.PpiHeader.Field;

namespace RawNet.Protocols.Ppi;

/// <summary>The PPI header's fixed fields (Wireshark "ppi").</summary>
public static class PpiFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("ppi.version", "Version", LayerKind.Ppi, F.Version, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("ppi.flags", "Flags", LayerKind.Ppi, F.Flags, 1, FieldKind.Hex),
        FieldDefinition.FixedLittleEndian("ppi.length", "Header length", LayerKind.Ppi, F.Length, 2, FieldKind.Decimal),
        FieldDefinition.FixedLittleEndian("ppi.dlt", "DLT", LayerKind.Ppi, F.Dlt, 4, FieldKind.Decimal),
    ];
}
