using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Arista.AristaHeader.Field;

namespace RawNet.Protocols.Arista;

/// <summary>The Arista vendor-specific header's field table (Wireshark "avsp"), in tshark 4.0's tree order.</summary>
public static class AristaFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("avsp.sub_type", "Sub Type", LayerKind.Arista, F.SubType, 2, FieldKind.Decimal),
        FieldDefinition.Derived("avsp.ver", "Version", LayerKind.Arista, FieldKind.Hex, ComputedField.AristaVersion, 4),
        FieldDefinition.Derived("avsp.ts.unknown_version", "Unknown timestamp version", LayerKind.Arista, FieldKind.Marker, ComputedField.AristaUnknownVersion),
        FieldDefinition.Derived("avsp.64ts", "Timestamp", LayerKind.Arista, FieldKind.Marker, ComputedField.AristaTimestamp64),
        FieldDefinition.Derived("avsp.64sec", "Seconds", LayerKind.Arista, FieldKind.Decimal, ComputedField.AristaSeconds64),
        FieldDefinition.Derived("avsp.64ns", "Nanoseconds", LayerKind.Arista, FieldKind.Decimal, ComputedField.AristaNanoseconds64),
        FieldDefinition.Derived("avsp.48ts", "Timestamp", LayerKind.Arista, FieldKind.Marker, ComputedField.AristaTimestamp48),
        FieldDefinition.Derived("avsp.48sec", "Seconds", LayerKind.Arista, FieldKind.Decimal, ComputedField.AristaSeconds48),
        FieldDefinition.Derived("avsp.48ns", "Nanoseconds", LayerKind.Arista, FieldKind.Decimal, ComputedField.AristaNanoseconds48),
        FieldDefinition.Derived("avsp.etype", "Type", LayerKind.Arista, FieldKind.Hex, ComputedField.AristaEtherType, 4),
        FieldDefinition.Derived("eth.padding", "Padding", LayerKind.Arista, FieldKind.Bytes, ComputedField.EthernetPadding),
        FieldDefinition.Derived("avsp.trailer", "Trailer", LayerKind.Arista, FieldKind.Bytes, ComputedField.AristaTrailer),
    ];
}
