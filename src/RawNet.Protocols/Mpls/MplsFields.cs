using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using M = RawNet.Protocols.Mpls.MplsLabel.Mask;

namespace RawNet.Protocols.Mpls;

/// <summary>The MPLS field table (Wireshark "mpls"): one layer per label stack entry, so each field occurs once per label.</summary>
public static class MplsFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("mpls.label", "MPLS Label", LayerKind.Mpls, 0, MplsLabel.Length, FieldKind.Decimal, M.Label),
        FieldDefinition.Fixed("mpls.exp", "MPLS Experimental Bits", LayerKind.Mpls, 0, MplsLabel.Length, FieldKind.Decimal, M.TrafficClass),
        FieldDefinition.Fixed("mpls.bottom", "MPLS Bottom Of Label Stack", LayerKind.Mpls, 0, MplsLabel.Length, FieldKind.Decimal, M.BottomOfStack),
        FieldDefinition.Fixed("mpls.ttl", "MPLS TTL", LayerKind.Mpls, 0, MplsLabel.Length, FieldKind.Decimal, M.Ttl),
    ];
}
