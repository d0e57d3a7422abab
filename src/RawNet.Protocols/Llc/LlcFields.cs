using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Llc.LlcHeader.Field;

namespace RawNet.Protocols.Llc;

/// <summary>The LLC and SNAP field table (Wireshark "llc"), in tshark's tree order.</summary>
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
        FieldDefinition.Derived("llc.control", "Control", LayerKind.Llc, FieldKind.Hex, ComputedField.LlcControl, 4),
        FieldDefinition.Derived("llc.control.n_r", "N(R)", LayerKind.Llc, FieldKind.Decimal, ComputedField.LlcReceiveSequence),
        FieldDefinition.Derived("llc.control.n_s", "N(S)", LayerKind.Llc, FieldKind.Decimal, ComputedField.LlcSendSequence),
        FieldDefinition.Derived("llc.control.p", "Poll", LayerKind.Llc, FieldKind.Boolean, ComputedField.LlcPoll),
        FieldDefinition.Derived("llc.control.f", "Final", LayerKind.Llc, FieldKind.Boolean, ComputedField.LlcFinal),
        FieldDefinition.Derived("llc.control.s_ftype", "Supervisory frame type", LayerKind.Llc, FieldKind.Hex, ComputedField.LlcSupervisoryType, 4),
        FieldDefinition.Derived("llc.control.u_modifier_cmd", "Command", LayerKind.Llc, FieldKind.Hex, ComputedField.LlcCommand, 2),
        FieldDefinition.Derived("llc.control.u_modifier_resp", "Response", LayerKind.Llc, FieldKind.Hex, ComputedField.LlcResponse, 2),
        // Two fields of one name: tshark's unnumbered frame type is 8 bits wide, the numbered frames' 16.
        FieldDefinition.Derived("llc.control.ftype", "Frame type", LayerKind.Llc, FieldKind.Hex, ComputedField.LlcUnnumberedFrameType, 2),
        FieldDefinition.Derived("llc.control.ftype", "Frame type", LayerKind.Llc, FieldKind.Hex, ComputedField.LlcNumberedFrameType, 4),
        FieldDefinition.Derived("llc.oui", "Organization Code", LayerKind.Llc, FieldKind.Decimal, ComputedField.LlcOui),
        FieldDefinition.Derived("llc.type", "Type", LayerKind.Llc, FieldKind.Hex, ComputedField.LlcType, 4),
        FieldDefinition.Derived("llc.pid", "Protocol ID", LayerKind.Llc, FieldKind.Hex, ComputedField.LlcPid, 4),
    ];
}
