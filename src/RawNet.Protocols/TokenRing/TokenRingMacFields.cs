using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.TokenRing.TokenRingMacVector.Field;

namespace RawNet.Protocols.TokenRing;

/// <summary>
/// The Token Ring MAC frame's major vector fields (Wireshark "trmac"), in tshark's tree order, added once the command
/// byte is there. The sub-vectors' fields are not shown.
/// </summary>
public static class TokenRingMacFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("trmac.mvec", "Major Vector", LayerKind.TokenRingMac, F.Command, 1, FieldKind.Hex),
        FieldDefinition.Fixed("trmac.length", "Total Length", LayerKind.TokenRingMac, F.Length, 2, FieldKind.Decimal),
        FieldDefinition.Fixed("trmac.srcclass", "Source Class", LayerKind.TokenRingMac, F.Classes, 1, FieldKind.Hex, 0x0F),
        FieldDefinition.Fixed("trmac.dstclass", "Destination Class", LayerKind.TokenRingMac, F.Classes, 1, FieldKind.Hex, 0xF0),
    ];
}
