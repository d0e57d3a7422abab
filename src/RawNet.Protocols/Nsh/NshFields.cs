using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Nsh.NshHeader.Field;
using M = RawNet.Protocols.Nsh.NshHeader.Mask;

namespace RawNet.Protocols.Nsh;

/// <summary>The NSH field table (Wireshark "nsh"), in tshark 4.0's tree order (per field, not per TLV).</summary>
public static class NshFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("nsh.version", "Version", LayerKind.Nsh, F.Flags, 2, FieldKind.Decimal, M.Version),
        FieldDefinition.Fixed("nsh.Obit", "O Bit", LayerKind.Nsh, F.Flags, 2, FieldKind.Decimal, M.Oam),
        FieldDefinition.Fixed("nsh.CBit", "C Bit", LayerKind.Nsh, F.Flags, 2, FieldKind.Decimal, M.Critical),
        FieldDefinition.Fixed("nsh.ttl", "Time to live", LayerKind.Nsh, F.Flags, 2, FieldKind.Hex, M.Ttl),
        FieldDefinition.Fixed("nsh.length", "Length", LayerKind.Nsh, F.Flags, 2, FieldKind.Decimal, M.Length),
        FieldDefinition.Derived("nsh.length.invalid", "Invalid total length", LayerKind.Nsh, FieldKind.Marker, ComputedField.NshLengthInvalid),
        FieldDefinition.Fixed("nsh.mdtype", "MD Type", LayerKind.Nsh, F.MdType, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("nsh.nextproto", "Next Protocol", LayerKind.Nsh, F.NextProtocol, 1, FieldKind.Decimal),
        FieldDefinition.Derived("nsh.spi", "SPI", LayerKind.Nsh, FieldKind.Decimal, ComputedField.NshServicePathIdentifier),
        FieldDefinition.Fixed("nsh.si", "SI", LayerKind.Nsh, F.ServiceIndex, 1, FieldKind.Decimal),
        FieldDefinition.Derived("nsh.contextheader", "Context Header", LayerKind.Nsh, FieldKind.Bytes, ComputedField.NshContextHeader),
        FieldDefinition.Derived("nsh.metadataclass", "TLV Class", LayerKind.Nsh, FieldKind.Decimal, ComputedField.NshMetadataClass),
        FieldDefinition.Derived("nsh.metadatatype", "Type", LayerKind.Nsh, FieldKind.Decimal, ComputedField.NshMetadataType),
        FieldDefinition.Derived("nsh.metadataunassignedbit", "Unassigned Bit", LayerKind.Nsh, FieldKind.Hex, ComputedField.NshMetadataUnassignedBit, 2),
        FieldDefinition.Derived("nsh.metadatalen", "Length", LayerKind.Nsh, FieldKind.Hex, ComputedField.NshMetadataLength, 2),
        FieldDefinition.Derived("nsh.metadata", "Variable Metadata", LayerKind.Nsh, FieldKind.Bytes, ComputedField.NshMetadata),
    ];
}
