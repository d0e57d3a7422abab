using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Arp.ArpPacket.Field;

namespace RawNet.Protocols.Arp;

/// <summary>The ARP field table (Wireshark "arp"). Address fields are named for Ethernet/IPv4, the only layout shown by name.</summary>
public static class ArpFields
{
    // Offsets of the addresses when hardware size is 6 and protocol size is 4.
    private const int SenderIpv4 = F.SenderHardwareAddress + 6;
    private const int TargetMac = SenderIpv4 + 4;
    private const int TargetIpv4 = TargetMac + 6;

    public static readonly FieldDefinition HardwareType = FieldDefinition.Fixed("arp.hw.type", "Hardware type", LayerKind.Arp, F.HardwareType, 2, FieldKind.Decimal);
    public static readonly FieldDefinition ProtocolType = FieldDefinition.Fixed("arp.proto.type", "Protocol type", LayerKind.Arp, F.ProtocolType, 2, FieldKind.Hex);
    public static readonly FieldDefinition HardwareSize = FieldDefinition.Fixed("arp.hw.size", "Hardware size", LayerKind.Arp, F.HardwareSize, 1, FieldKind.Decimal);
    public static readonly FieldDefinition ProtocolSize = FieldDefinition.Fixed("arp.proto.size", "Protocol size", LayerKind.Arp, F.ProtocolSize, 1, FieldKind.Decimal);
    public static readonly FieldDefinition Opcode = FieldDefinition.Fixed("arp.opcode", "Opcode", LayerKind.Arp, F.Opcode, 2, FieldKind.Decimal);
    public static readonly FieldDefinition SenderMac = FieldDefinition.Fixed("arp.src.hw_mac", "Sender MAC address", LayerKind.Arp, F.SenderHardwareAddress, 6, FieldKind.MacAddress, presence: FieldPresence.ArpEthernetIpv4);
    public static readonly FieldDefinition SenderIp = FieldDefinition.Fixed("arp.src.proto_ipv4", "Sender IP address", LayerKind.Arp, SenderIpv4, 4, FieldKind.Ipv4Address, presence: FieldPresence.ArpEthernetIpv4);
    public static readonly FieldDefinition TargetMacAddress = FieldDefinition.Fixed("arp.dst.hw_mac", "Target MAC address", LayerKind.Arp, TargetMac, 6, FieldKind.MacAddress, presence: FieldPresence.ArpEthernetIpv4);
    public static readonly FieldDefinition TargetIp = FieldDefinition.Fixed("arp.dst.proto_ipv4", "Target IP address", LayerKind.Arp, TargetIpv4, 4, FieldKind.Ipv4Address, presence: FieldPresence.ArpEthernetIpv4);

    // AX.25 hardware (type 3, 7 bytes) with a 4-byte protocol address: tshark's FT_AX25 items, IPv4 for 0x0800 and AX.25's 0xcc.
    private const int Ax25Size = 7;
    private static readonly FieldDefinition[] Ax25Addresses =
    [
        FieldDefinition.FixedColonBytes("arp.src.hw_ax25", "Sender AX.25 address", LayerKind.Arp, F.SenderHardwareAddress, Ax25Size, FieldPresence.ArpAx25),
        FieldDefinition.Fixed("arp.src.proto_ipv4", "Sender IP address", LayerKind.Arp, F.SenderHardwareAddress + Ax25Size, 4, FieldKind.Ipv4Address, presence: FieldPresence.ArpAx25Ipv4),
        FieldDefinition.FixedColonBytes("arp.dst.hw_ax25", "Target AX.25 address", LayerKind.Arp, F.SenderHardwareAddress + Ax25Size + 4, Ax25Size, FieldPresence.ArpAx25),
        FieldDefinition.Fixed("arp.dst.proto_ipv4", "Target IP address", LayerKind.Arp, F.SenderHardwareAddress + 2 * Ax25Size + 4, 4, FieldKind.Ipv4Address, presence: FieldPresence.ArpAx25Ipv4),
    ];

    /// <summary>Every ARP field, in tree order.</summary>
    public static readonly FieldDefinition[] All = [HardwareType, ProtocolType, HardwareSize, ProtocolSize, Opcode, SenderMac, SenderIp, TargetMacAddress, TargetIp, .. Ax25Addresses];
}
