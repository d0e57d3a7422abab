using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Symantec.SymantecHeader.Field;

namespace RawNet.Protocols.Symantec;

/// <summary>
/// The symantec field table (Wireshark "symantec", tshark 4.0): the interface and the EtherType of the layout the header
/// has, once the 12 bytes that tell the layouts apart are there.
/// </summary>
public static class SymantecFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("symantec.if", "Interface", LayerKind.Symantec, F.Interface, 4, FieldKind.Ipv4Address, presence: FieldPresence.SymantecAny),
        FieldDefinition.Fixed("symantec.type", "Type", LayerKind.Symantec, F.EtherTypeV2, 2, FieldKind.Hex, presence: FieldPresence.SymantecV2),
        FieldDefinition.Fixed("symantec.type", "Type", LayerKind.Symantec, F.EtherTypeV3, 2, FieldKind.Hex, presence: FieldPresence.SymantecV3),
    ];

    /// <summary>Whether a field of <paramref name="presence"/> is shown for the header whose first bytes are <paramref name="header"/>.</summary>
    public static bool IsPresent(FieldPresence presence, ReadOnlySpan<byte> header) => (presence, SymantecHeader.Version(header)) switch
    {
        (_, 0) => false,
        (FieldPresence.SymantecV2, int version) => version == 2,
        (FieldPresence.SymantecV3, int version) => version == 3,
        _ => true,
    };
}
