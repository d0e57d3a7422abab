using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.FrameRelay;

/// <summary>The Frame Relay field table (Wireshark "fr"): every field moves with the address's length (<see cref="FrameRelayFieldReader"/>).</summary>
public static class FrameRelayFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Derived("fr.first_addr_octet", "First address octet", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrFirstAddressOctet, 2),
        FieldDefinition.Derived("fr.upper_dlci", "Upper DLCI", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrUpperDlci, 2),
        FieldDefinition.Derived("fr.cr", "CR", LayerKind.FrameRelay, FieldKind.Boolean, ComputedField.FrCommandResponse),
        FieldDefinition.Derived("fr.ea", "EA", LayerKind.FrameRelay, FieldKind.Boolean, ComputedField.FrEa),
        FieldDefinition.Derived("fr.second_addr_octet", "Second address octet", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrSecondAddressOctet, 2),
        FieldDefinition.Derived("fr.second_dlci", "Second DLCI", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrSecondDlci, 2),
        FieldDefinition.Derived("fr.fecn", "FECN", LayerKind.FrameRelay, FieldKind.Boolean, ComputedField.FrFecn),
        FieldDefinition.Derived("fr.becn", "BECN", LayerKind.FrameRelay, FieldKind.Boolean, ComputedField.FrBecn),
        FieldDefinition.Derived("fr.de", "DE", LayerKind.FrameRelay, FieldKind.Boolean, ComputedField.FrDiscardEligible),
        FieldDefinition.Derived("fr.third_addr_octet", "Third address octet", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrThirdAddressOctet, 2),
        FieldDefinition.Derived("fr.third_dlci", "Third DLCI", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrThirdDlci, 2),
        FieldDefinition.Derived("fr.dlcore_control", "DL-CORE Control", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrDlCoreControl, 2),
        FieldDefinition.Derived("fr.lower_dlci", "Lower DLCI", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrLowerDlci, 2),
        FieldDefinition.Derived("fr.dc", "DC", LayerKind.FrameRelay, FieldKind.Boolean, ComputedField.FrDlCoreIndicator),
        FieldDefinition.Derived("fr.dlci", "DLCI", LayerKind.FrameRelay, FieldKind.Decimal, ComputedField.FrDlci),
        FieldDefinition.Derived("fr.control", "Control Field", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrControl, 2),
        FieldDefinition.Derived("fr.control.u_modifier_cmd", "Command", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrControlCommand, 2),
        FieldDefinition.Derived("fr.control.u_modifier_resp", "Response", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrControlResponse, 2),
        FieldDefinition.Derived("fr.control.ftype", "Frame type", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrControlFrameType, 2),
        FieldDefinition.Derived("fr.nlpid", "NLPID", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrNlpid, 2),
        FieldDefinition.Derived("fr.snap.oui", "Organization Code", LayerKind.FrameRelay, FieldKind.Decimal, ComputedField.FrSnapOui),
        FieldDefinition.Derived("fr.snap.pid", "Protocol ID", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrSnapPid, 4),
        FieldDefinition.Derived("fr.snaptype", "Type", LayerKind.FrameRelay, FieldKind.Hex, ComputedField.FrSnapType, 4),
    ];
}
