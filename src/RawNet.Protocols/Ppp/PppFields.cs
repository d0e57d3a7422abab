using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ppp;

/// <summary>
/// The PPP field table (Wireshark "ppp"), in tshark's tree order. Every field moves with what precedes it (a direction
/// byte, compressed address and control, a compressed protocol), so each is read by <see cref="PppFieldReader"/> from
/// the layout the decoder kept in the layer.
/// </summary>
public static class PppFields
{
    public static readonly FieldDefinition Address = FieldDefinition.Derived("ppp.address", "Address", LayerKind.Ppp, FieldKind.Hex, ComputedField.PppAddress, 2);
    public static readonly FieldDefinition Control = FieldDefinition.Derived("ppp.control", "Control", LayerKind.Ppp, FieldKind.Hex, ComputedField.PppControl, 2);

    /// <summary>1 for a frame received (DCE to DTE), 0 for one sent: Wireshark's p2p direction, from LINKTYPE_PPP_WITH_DIR's first byte.</summary>
    public static readonly FieldDefinition Direction = FieldDefinition.Derived("ppp.direction", "Direction", LayerKind.Ppp, FieldKind.Decimal, ComputedField.PppDirection);

    public static readonly FieldDefinition Protocol = FieldDefinition.Derived("ppp.protocol", "Protocol", LayerKind.Ppp, FieldKind.Hex, ComputedField.PppProtocol, 4);

    /// <summary>Every PPP field, in tree order.</summary>
    public static readonly FieldDefinition[] All = [Address, Control, Direction, Protocol];
}
