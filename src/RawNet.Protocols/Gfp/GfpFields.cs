using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Gfp;

/// <summary>
/// The GFP field table (Wireshark "gfp", tshark 4.0), in its tree's order: PLI, cHEC and its status, the type field and
/// its PTI, PFI, EXI and UPI, tHEC and status, a linear frame's channel ID, eHEC and status, the payload FCS and its
/// good and bad flags. Which of them a frame shows is <see cref="GfpFieldReader"/>'s to say.
/// </summary>
public static class GfpFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Derived("gfp.pli", "Payload Length Indicator", LayerKind.Gfp, FieldKind.Decimal, ComputedField.GfpPli),
        FieldDefinition.Derived("gfp.chec", "Core HEC", LayerKind.Gfp, FieldKind.Hex, ComputedField.GfpCoreHec, hexDigits: 4),
        FieldDefinition.Derived("gfp.chec.status", "cHEC Status", LayerKind.Gfp, FieldKind.Decimal, ComputedField.GfpCoreHecStatus),
        FieldDefinition.Derived("gfp.type", "Type Field", LayerKind.Gfp, FieldKind.Hex, ComputedField.GfpType, hexDigits: 4),
        FieldDefinition.Derived("gfp.pti", "PTI", LayerKind.Gfp, FieldKind.Hex, ComputedField.GfpPti, hexDigits: 4),
        FieldDefinition.Derived("gfp.pfi", "PFI", LayerKind.Gfp, FieldKind.Boolean, ComputedField.GfpPfi),
        FieldDefinition.Derived("gfp.exi", "EXI", LayerKind.Gfp, FieldKind.Hex, ComputedField.GfpExi, hexDigits: 4),
        FieldDefinition.Derived("gfp.upi", "UPI", LayerKind.Gfp, FieldKind.Hex, ComputedField.GfpUpi, hexDigits: 4),
        FieldDefinition.Derived("gfp.thec", "Type HEC", LayerKind.Gfp, FieldKind.Hex, ComputedField.GfpTypeHec, hexDigits: 4),
        FieldDefinition.Derived("gfp.thec.status", "tHEC Status", LayerKind.Gfp, FieldKind.Decimal, ComputedField.GfpTypeHecStatus),
        FieldDefinition.Derived("gfp.cid", "Channel ID", LayerKind.Gfp, FieldKind.Hex, ComputedField.GfpChannelId, hexDigits: 2),
        FieldDefinition.Derived("gfp.ehec", "Extension HEC", LayerKind.Gfp, FieldKind.Hex, ComputedField.GfpExtensionHec, hexDigits: 4),
        FieldDefinition.Derived("gfp.ehec.status", "eHEC Status", LayerKind.Gfp, FieldKind.Decimal, ComputedField.GfpExtensionHecStatus),
        FieldDefinition.Derived("gfp.fcs", "Payload FCS", LayerKind.Gfp, FieldKind.Hex, ComputedField.GfpFcs, hexDigits: 8),
        FieldDefinition.Derived("gfp.fcs_good", "Good FCS", LayerKind.Gfp, FieldKind.Boolean, ComputedField.GfpFcsGood),
        FieldDefinition.Derived("gfp.fcs_bad", "Bad eHEC", LayerKind.Gfp, FieldKind.Boolean, ComputedField.GfpFcsBad),
    ];
}
