using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Prism.PrismHeader.Field;

namespace RawNet.Protocols.Prism;

/// <summary>The Prism and AVS headers' fixed fields (Wireshark "prism", "wlancap").</summary>
public static class PrismFields
{
    public static readonly FieldDefinition[] Prism =
    [
        FieldDefinition.FixedLittleEndian("prism.msgcode", "Message Code", LayerKind.Prism, F.PrismMessageCode, 4, FieldKind.Hex),
        FieldDefinition.FixedLittleEndian("prism.msglen", "Message Length", LayerKind.Prism, F.PrismMessageLength, 4, FieldKind.Decimal),
    ];

    public static readonly FieldDefinition[] Avs =
    [
        FieldDefinition.Fixed("wlancap.version", "Header revision", LayerKind.Avs, F.AvsVersion, 4, FieldKind.Decimal, 0x000000FF, FieldPresence.AvsMagic),
        FieldDefinition.Fixed("wlancap.length", "Header length", LayerKind.Avs, F.AvsLength, 4, FieldKind.Decimal, presence: FieldPresence.AvsMagic),
    ];
}
