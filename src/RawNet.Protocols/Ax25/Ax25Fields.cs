using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Ax25.Ax25Header.Field;

namespace RawNet.Protocols.Ax25;

/// <summary>
/// The KISS (Wireshark "ax25_kiss") and AX.25 ("ax25") field tables, in tshark's tree order. Addresses are FT_AX25,
/// which <c>-T fields</c> prints as colon-separated bytes; the control field's items follow the frame type as xdlc's
/// do (I: n(r), n(s), poll, type; S: n(r), poll or final, type, S/U type; U: poll or final, modifier, S/U type).
/// </summary>
public static class Ax25Fields
{
    public static readonly FieldDefinition[] Kiss =
    [
        FieldDefinition.Derived("ax25_kiss.cmd", "Cmd", LayerKind.Ax25Kiss, FieldKind.Decimal, ComputedField.Ax25KissCommand),
        FieldDefinition.Derived("ax25_kiss.port", "Port", LayerKind.Ax25Kiss, FieldKind.Decimal, ComputedField.Ax25KissPort),
        FieldDefinition.Derived("ax25_kiss.txdelay", "Tx delay", LayerKind.Ax25Kiss, FieldKind.Decimal, ComputedField.Ax25KissTxDelay),
        FieldDefinition.Derived("ax25_kiss.persistence", "Persistence", LayerKind.Ax25Kiss, FieldKind.Decimal, ComputedField.Ax25KissPersistence),
        FieldDefinition.Derived("ax25_kiss.slottime", "Slot time", LayerKind.Ax25Kiss, FieldKind.Decimal, ComputedField.Ax25KissSlotTime),
        FieldDefinition.Derived("ax25_kiss.txtail", "Tx tail", LayerKind.Ax25Kiss, FieldKind.Decimal, ComputedField.Ax25KissTxTail),
        FieldDefinition.Derived("ax25_kiss.fullduplex", "Full duplex", LayerKind.Ax25Kiss, FieldKind.Decimal, ComputedField.Ax25KissFullDuplex),
        FieldDefinition.Derived("ax25_kiss.sethardware", "Set hardware", LayerKind.Ax25Kiss, FieldKind.Bytes, ComputedField.Ax25KissSetHardware),
        FieldDefinition.Derived("ax25_kiss.data_ack", "Data ack", LayerKind.Ax25Kiss, FieldKind.Decimal, ComputedField.Ax25KissDataAck),
    ];

    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.FixedColonBytes("ax25.dst", "Destination", LayerKind.Ax25, F.Destination, Ax25Header.AddressLength),
        FieldDefinition.FixedColonBytes("ax25.src", "Source", LayerKind.Ax25, F.Source, Ax25Header.AddressLength),
        Via(1, ComputedField.Ax25Via1), Via(2, ComputedField.Ax25Via2), Via(3, ComputedField.Ax25Via3), Via(4, ComputedField.Ax25Via4),
        Via(5, ComputedField.Ax25Via5), Via(6, ComputedField.Ax25Via6), Via(7, ComputedField.Ax25Via7), Via(8, ComputedField.Ax25Via8),
        FieldDefinition.Derived("ax25.ctl", "Control", LayerKind.Ax25, FieldKind.Hex, ComputedField.Ax25Control, 2),
        FieldDefinition.Derived("ax25.ctl.n_r", "n(r)", LayerKind.Ax25, FieldKind.Decimal, ComputedField.Ax25ReceiveSequence),
        FieldDefinition.Derived("ax25.ctl.n_s", "n(s)", LayerKind.Ax25, FieldKind.Decimal, ComputedField.Ax25SendSequence),
        FieldDefinition.Derived("ax25.ctl.p", "Poll", LayerKind.Ax25, FieldKind.Boolean, ComputedField.Ax25Poll),
        FieldDefinition.Derived("ax25.ctl.f", "Final", LayerKind.Ax25, FieldKind.Boolean, ComputedField.Ax25Final),
        FieldDefinition.Derived("ax25.ctl.ftype_s", "Frame type", LayerKind.Ax25, FieldKind.Hex, ComputedField.Ax25SupervisoryType, 2),
        FieldDefinition.Derived("ax25.ctl.u_cmd", "Frame type", LayerKind.Ax25, FieldKind.Hex, ComputedField.Ax25UnnumberedCommand, 2),
        FieldDefinition.Derived("ax25.ctl.u_resp", "Frame type", LayerKind.Ax25, FieldKind.Hex, ComputedField.Ax25UnnumberedResponse, 2),
        FieldDefinition.Derived("ax25.ctl.ftype_i", "Frame type", LayerKind.Ax25, FieldKind.Hex, ComputedField.Ax25InformationType, 2),
        FieldDefinition.Derived("ax25.ctl.ftype_su", "Frame type", LayerKind.Ax25, FieldKind.Hex, ComputedField.Ax25SuType, 2),
        FieldDefinition.Derived("ax25.pid", "Protocol ID", LayerKind.Ax25, FieldKind.Hex, ComputedField.Ax25Pid, 2),
    ];

    private static FieldDefinition Via(int n, ComputedField computed) =>
        FieldDefinition.Derived("ax25.via" + n, "Via " + n, LayerKind.Ax25, FieldKind.Bytes, computed, FieldDefinition.ColonSeparatedBytes);
}
