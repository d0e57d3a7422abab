using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F1 = RawNet.Protocols.LinuxCooked.LinuxCookedHeader.SllField;
using F2 = RawNet.Protocols.LinuxCooked.LinuxCookedHeader.Sll2Field;

namespace RawNet.Protocols.LinuxCooked;

/// <summary>The Linux cooked capture field tables (Wireshark "sll", for both versions).</summary>
public static class LinuxCookedFields
{
    public static readonly FieldDefinition[] Sll =
    [
        FieldDefinition.Fixed("sll.pkttype", "Packet type", LayerKind.LinuxSll, F1.PacketType, 2, FieldKind.Decimal),
        FieldDefinition.Fixed("sll.hatype", "Link-layer address type", LayerKind.LinuxSll, F1.HardwareType, 2, FieldKind.Decimal),
        FieldDefinition.Fixed("sll.halen", "Link-layer address length", LayerKind.LinuxSll, F1.AddressLength, 2, FieldKind.Decimal),
        FieldDefinition.Fixed("sll.src.eth", "Source", LayerKind.LinuxSll, F1.Address, 6, FieldKind.MacAddress, presence: FieldPresence.SllMacAddress),
        FieldDefinition.Fixed("sll.etype", "Protocol", LayerKind.LinuxSll, F1.Protocol, 2, FieldKind.Hex, presence: FieldPresence.EtherTypeIsType),
        FieldDefinition.Derived("eth.padding", "Padding", LayerKind.LinuxSll, FieldKind.Bytes, ComputedField.EthernetPadding),
        FieldDefinition.Derived("sll.trailer", "Trailer", LayerKind.LinuxSll, FieldKind.Bytes, ComputedField.LinkTrailer),
    ];

    public static readonly FieldDefinition[] Sll2 =
    [
        FieldDefinition.Fixed("sll.etype", "Protocol", LayerKind.LinuxSll2, F2.Protocol, 2, FieldKind.Hex, presence: FieldPresence.EtherTypeIsType),
        FieldDefinition.Fixed("sll.ifindex", "Interface index", LayerKind.LinuxSll2, F2.InterfaceIndex, 4, FieldKind.Decimal),
        FieldDefinition.Fixed("sll.hatype", "Link-layer address type", LayerKind.LinuxSll2, F2.HardwareType, 2, FieldKind.Decimal),
        FieldDefinition.Fixed("sll.pkttype", "Packet type", LayerKind.LinuxSll2, F2.PacketType, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("sll.halen", "Link-layer address length", LayerKind.LinuxSll2, F2.AddressLength, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("sll.src.eth", "Source", LayerKind.LinuxSll2, F2.Address, 6, FieldKind.MacAddress, presence: FieldPresence.Sll2MacAddress),
        FieldDefinition.Derived("eth.padding", "Padding", LayerKind.LinuxSll2, FieldKind.Bytes, ComputedField.EthernetPadding),
        FieldDefinition.Derived("sll.trailer", "Trailer", LayerKind.LinuxSll2, FieldKind.Bytes, ComputedField.LinkTrailer),
    ];
}
