using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.GprsLlc;

/// <summary>
/// The GPRS LLC field table (Wireshark "llcgprs", tshark 4.0), in its tree's order: the address field, the control
/// field of each format (an I frame's SACK k and bitmap, an S frame's bitmap), the FCS, then what llcgprs reads of the
/// information field itself (a TOM envelope, XID parameters, FRMR's fields). Every field is read by
/// <see cref="GprsLlcFieldReader"/> (<see cref="ComputedField.GprsLlc"/>), which walks the frame again as tshark does
/// (<see cref="GprsLlcWalk"/>) and tells the fields apart by definition.
/// </summary>
public static class GprsLlcFields
{
    private static readonly FieldValueTable<GprsLlcValue> Table = new(
    [
        (F("llcgprs.sapi", "SAPI", FieldKind.Decimal), GprsLlcValue.Sapi),
        (F("llcgprs.pd", "Protocol Discriminator_bit", FieldKind.Boolean), GprsLlcValue.ProtocolDiscriminator),
        (F("llcgprs.cr", "Command/Response bit", FieldKind.Boolean), GprsLlcValue.CommandResponse),
        (F("llcgprs.sapib", "SAPI", FieldKind.Decimal), GprsLlcValue.SapiBits),
        (F("llcgprs.ifmt", "I Format", FieldKind.Hex, 6), GprsLlcValue.IFormat),
        (F("llcgprs.ai", "Ackn request bit", FieldKind.Boolean), GprsLlcValue.IAck),
        (F("llcgprs.iignore", "Spare", FieldKind.Decimal), GprsLlcValue.ISpare),
        (F("llcgprs.sackns", "N(S)", FieldKind.Decimal), GprsLlcValue.SackNs),
        (F("llcgprs.sacknr", "N(R)", FieldKind.Decimal), GprsLlcValue.SackNr),
        (F("llcgprs.sacksfb", "Supervisory function bits", FieldKind.Hex, 6), GprsLlcValue.SackFunction),
        (F("llcgprs.kmask", "ignored", FieldKind.Decimal), GprsLlcValue.KMask),
        (F("llcgprs.k", "k", FieldKind.Decimal), GprsLlcValue.K),
        (F("llcgprs.s", "S format", FieldKind.Hex, 4), GprsLlcValue.SFormat),
        (F("llcgprs.as", "Ackn request bit", FieldKind.Boolean), GprsLlcValue.SAck),
        (F("llcgprs.sspare", "Spare", FieldKind.Decimal), GprsLlcValue.SSpare),
        (F("llcgprs.nr", "Receive sequence number", FieldKind.Decimal), GprsLlcValue.SNr),
        (F("llcgprs.s1s2", "Supervisory function bits", FieldKind.Hex, 4), GprsLlcValue.SFunction),
        (F("llcgprs.sackrbits", "R Bitmap Bits", FieldKind.Hex, 2), GprsLlcValue.RBitmap),
        (F("llcgprs.ui", "UI format", FieldKind.Hex, 4), GprsLlcValue.UiFormat),
        (F("llcgprs.ui_sp_bit", "Spare bits", FieldKind.Hex, 4), GprsLlcValue.UiSpare),
        (F("llcgprs.nu", "N(U)", FieldKind.Decimal), GprsLlcValue.Nu),
        (F("llcgprs.e", "E bit", FieldKind.Boolean), GprsLlcValue.EBit),
        (F("llcgprs.pm", "PM bit", FieldKind.Boolean), GprsLlcValue.PmBit),
        (F("llcgprs.u", "U format", FieldKind.Hex, 2), GprsLlcValue.UFormat),
        (F("llcgprs.pf", "P/F bit", FieldKind.Boolean), GprsLlcValue.PollFinal),
        (F("llcgprs.ucom", "Command/Response", FieldKind.Hex, 2), GprsLlcValue.UCommand),
        (F("llcgprs.fcs", "FCS", FieldKind.Hex, 6), GprsLlcValue.Fcs),
        (F("llcgprs.romrl", "Remaining Length of TOM Protocol Header", FieldKind.Decimal), GprsLlcValue.TomLength),
        (F("llcgprs.tompd", "TOM Protocol Discriminator", FieldKind.Hex, 2), GprsLlcValue.TomDiscriminator),
        (F("llcgprs.tomhead", "TOM Header Byte", FieldKind.Hex, 2), GprsLlcValue.TomHeader),
        (F("llcgprs.tomdata", "TOM Message Capsule Byte", FieldKind.Hex, 2), GprsLlcValue.TomData),
        (F("llcgprs.xidxl", "XL Bit", FieldKind.Hex, 2), GprsLlcValue.XidXl),
        (F("llcgprs.xidtype", "Type", FieldKind.Decimal), GprsLlcValue.XidType),
        (F("llcgprs.xidlen1", "Length", FieldKind.Decimal), GprsLlcValue.XidLength),
        (F("llcgprs.xidlen2", "Length continued", FieldKind.Decimal), GprsLlcValue.XidLengthContinued),
        (F("llcgprs.xidspare", "Spare", FieldKind.Hex, 2), GprsLlcValue.XidSpare),
        (F("llcgprs.xidbyte", "Parameter Byte", FieldKind.Hex, 2), GprsLlcValue.XidByte),
        (F("llcgprs.frmrrfcf", "Control Field Octet", FieldKind.Decimal), GprsLlcValue.FrmrControl),
        (F("llcgprs.frmrspare", "X", FieldKind.Hex, 8), GprsLlcValue.FrmrSpare),
        (F("llcgprs.frmrvs", "V(S)", FieldKind.Decimal), GprsLlcValue.FrmrVs),
        (F("llcgprs.frmrvr", "V(R)", FieldKind.Decimal), GprsLlcValue.FrmrVr),
        (F("llcgprs.frmrcr", "C/R", FieldKind.Decimal), GprsLlcValue.FrmrCr),
        (F("llcgprs.frmrw4", "W4", FieldKind.Decimal), GprsLlcValue.FrmrW4),
        (F("llcgprs.frmrw3", "W3", FieldKind.Decimal), GprsLlcValue.FrmrW3),
        (F("llcgprs.frmrw2", "W2", FieldKind.Decimal), GprsLlcValue.FrmrW2),
        (F("llcgprs.frmrw1", "W1", FieldKind.Decimal), GprsLlcValue.FrmrW1),
    ]);

    public static readonly FieldDefinition[] All = Table.All;

    /// <summary>Which value a field of this table shows; false for a field of another table.</summary>
    public static bool TryGetValue(FieldDefinition field, out GprsLlcValue value) => Table.TryGetValue(field, out value);

    private static FieldDefinition F(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.GprsLlc, kind, ComputedField.GprsLlc, hexDigits);
}
