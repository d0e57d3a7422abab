using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Ieee80211.LlcHeader.Field;

namespace RawNet.Protocols.Ieee80211;

/// <summary>The LLC and SNAP field table (Wireshark "llc").</summary>
public static class LlcFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("llc.dsap", "DSAP", LayerKind.Llc, F.Dsap, 1, FieldKind.Hex),
        FieldDefinition.Fixed("llc.dsap.sap", "SAP", LayerKind.Llc, F.Dsap, 1, FieldKind.Decimal, 0xFE),
        FieldDefinition.Fixed("llc.dsap.ig", "IG Bit", LayerKind.Llc, F.Dsap, 1, FieldKind.Boolean, 0x01),
        FieldDefinition.Fixed("llc.ssap", "SSAP", LayerKind.Llc, F.Ssap, 1, FieldKind.Hex),
        FieldDefinition.Fixed("llc.ssap.sap", "SAP", LayerKind.Llc, F.Ssap, 1, FieldKind.Decimal, 0xFE),
        FieldDefinition.Fixed("llc.ssap.cr", "CR Bit", LayerKind.Llc, F.Ssap, 1, FieldKind.Boolean, 0x01),
        FieldDefinition.FixedHex("llc.control", "Control", LayerKind.Llc, F.Control, 1, 4),
        FieldDefinition.Derived("llc.oui", "Organization Code", LayerKind.Llc, FieldKind.Decimal, ComputedField.LlcOui),
        FieldDefinition.Derived("llc.type", "Type", LayerKind.Llc, FieldKind.Hex, ComputedField.LlcType, 4),
    ];
}
