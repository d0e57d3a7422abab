using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Juniper.JuniperHeader.Field;

namespace RawNet.Protocols.Juniper;

/// <summary>
/// The Juniper field table (Wireshark "juniper", its Ethernet dissector): the magic number once the flags are there
/// (tshark reads them first), direction and L2 presence only under the magic "MGC", the extensions' total length under
/// the extension flag, then one occurrence per extension TLV that has a field, in the order of the TLVs
/// (<see cref="JuniperFieldReader"/>), the PIC link types' cookie and header fields (<see cref="JuniperTail"/>), VN's TLV
/// values (<see cref="JuniperVnWalk"/>), and the
/// generated payload type. tshark shows the interface name TLV (2), and any
/// type it does not know, by text alone.
/// </summary>
public static class JuniperFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("juniper.magic-number", "Magic Number", LayerKind.Juniper, F.Magic, 3, FieldKind.Hex,
            presence: FieldPresence.JuniperFlags),
        FieldDefinition.Fixed("juniper.direction", "Direction", LayerKind.Juniper, F.Flags, 1, FieldKind.Hex, JuniperHeader.Flags.In,
            FieldPresence.JuniperMagic),
        FieldDefinition.Fixed("juniper.l2hdr", "L2 header presence", LayerKind.Juniper, F.Flags, 1, FieldKind.Hex, JuniperHeader.Flags.NoL2,
            FieldPresence.JuniperMagic),
        FieldDefinition.Fixed("juniper.ext_total_len", "Extension(s) Total length", LayerKind.Juniper, F.ExtensionLength, 2, FieldKind.Decimal,
            presence: FieldPresence.JuniperExtensions),
        FieldDefinition.Derived("juniper.ext.ifd", "Device Interface Index", LayerKind.Juniper, FieldKind.Decimal, ComputedField.JuniperDeviceInterfaceIndex),
        FieldDefinition.Derived("juniper.ext.ifmt", "Device Media Type", LayerKind.Juniper, FieldKind.Decimal, ComputedField.JuniperDeviceMediaType),
        FieldDefinition.Derived("juniper.ext.ifl", "Logical Interface Index", LayerKind.Juniper, FieldKind.Decimal, ComputedField.JuniperLogicalInterfaceIndex),
        FieldDefinition.Derived("juniper.ext.unit", "Logical Unit Number", LayerKind.Juniper, FieldKind.Decimal, ComputedField.JuniperLogicalUnit),
        FieldDefinition.Derived("juniper.ext.ifle", "Logical Interface Encapsulation", LayerKind.Juniper, FieldKind.Decimal,
            ComputedField.JuniperLogicalInterfaceEncapsulation),
        FieldDefinition.Derived("juniper.ext.ttp_ifmt", "TTP derived Device Media Type", LayerKind.Juniper, FieldKind.Decimal,
            ComputedField.JuniperTtpDeviceMediaType),
        FieldDefinition.Derived("juniper.ext.ttp_ifle", "TTP derived Logical Interface Encapsulation", LayerKind.Juniper, FieldKind.Decimal,
            ComputedField.JuniperTtpLogicalInterfaceEncapsulation),
        FieldDefinition.Derived("juniper.atm1.cookie", "Cookie", LayerKind.Juniper, FieldKind.Hex, ComputedField.JuniperAtm1Cookie, hexDigits: 8),
        FieldDefinition.Derived("juniper.atm2.cookie", "Cookie", LayerKind.Juniper, FieldKind.Hex, ComputedField.JuniperAtm2Cookie, hexDigits: 16),
        FieldDefinition.Derived("juniper.aspic.cookie", "Cookie", LayerKind.Juniper, FieldKind.Hex, ComputedField.JuniperAspicCookie, hexDigits: 16),
        FieldDefinition.Derived("juniper.lspic.cookie", "Cookie", LayerKind.Juniper, FieldKind.Hex, ComputedField.JuniperLspicCookie, hexDigits: 8),
        FieldDefinition.Derived("juniper.mlpic.cookie", "Cookie", LayerKind.Juniper, FieldKind.Hex, ComputedField.JuniperMlpicCookie, hexDigits: 4),
        FieldDefinition.Derived("juniper.cookie_len", "Cookie length", LayerKind.Juniper, FieldKind.Decimal, ComputedField.JuniperCookieLength),
        FieldDefinition.Derived("juniper.proto", "Protocol", LayerKind.Juniper, FieldKind.Decimal, ComputedField.JuniperProto),
        FieldDefinition.Derived("juniper.vlan", "VLan ID", LayerKind.Juniper, FieldKind.Decimal, ComputedField.JuniperVlan),
        FieldDefinition.Derived("juniper.encap_type", "Encapsulation Type", LayerKind.Juniper, FieldKind.Decimal, ComputedField.JuniperEncapType),
        FieldDefinition.Derived("juniper.vn.host_ip", "Host IP", LayerKind.Juniper, FieldKind.Ipv4Address, ComputedField.JuniperVnHostIp),
        FieldDefinition.Derived("juniper.vn.flags", "Flags", LayerKind.Juniper, FieldKind.Hex, ComputedField.JuniperVnFlags, hexDigits: 8),
        VnFlag("juniper.vn.flags.direction", "Direction Ingress", JuniperVirtualNetwork.FlagBits.Direction),
        VnFlag("juniper.vn.flags.mirror", "Action Mirror", JuniperVirtualNetwork.FlagBits.Mirror),
        VnFlag("juniper.vn.flags.reject", "Action Reject", JuniperVirtualNetwork.FlagBits.Reject),
        VnFlag("juniper.vn.flags.pass", "Action Pass", JuniperVirtualNetwork.FlagBits.Pass),
        VnFlag("juniper.vn.flags.log", "Action Log", JuniperVirtualNetwork.FlagBits.Log),
        VnFlag("juniper.vn.flags.deny", "Action Deny", JuniperVirtualNetwork.FlagBits.Deny),
        VnFlag("juniper.vn.flags.drop", "Action Drop", JuniperVirtualNetwork.FlagBits.Drop),
        VnFlag("juniper.vn.flags.alert", "Action Alert", JuniperVirtualNetwork.FlagBits.Alert),
        FieldDefinition.Derived("juniper.vn.src", "Src VN", LayerKind.Juniper, FieldKind.Text, ComputedField.JuniperVnSource),
        FieldDefinition.Derived("juniper.vn.dst", "Dst VN", LayerKind.Juniper, FieldKind.Text, ComputedField.JuniperVnDestination),
        FieldDefinition.Derived("juniper.st.eth.dst", "Destination", LayerKind.Juniper, FieldKind.MacAddress, ComputedField.JuniperStEthernetDestination),
        FieldDefinition.Derived("juniper.st.eth.src", "Source", LayerKind.Juniper, FieldKind.MacAddress, ComputedField.JuniperStEthernetSource),
        FieldDefinition.Derived("juniper.st.eth.type", "Type", LayerKind.Juniper, FieldKind.Hex, ComputedField.JuniperStEthernetType, hexDigits: 4),
        FieldDefinition.Derived("juniper.st.ip.len", "Header Length", LayerKind.Juniper, FieldKind.Decimal, ComputedField.JuniperStIpLength),
        FieldDefinition.Derived("juniper.st.ip.proto", "Protocol", LayerKind.Juniper, FieldKind.Decimal, ComputedField.JuniperStIpProtocol),
        FieldDefinition.Derived("juniper.st.esp.spi", "ESP SPI", LayerKind.Juniper, FieldKind.Decimal, ComputedField.JuniperStEspSpi),
        FieldDefinition.Derived("juniper.st.esp.seq", "ESP Sequence", LayerKind.Juniper, FieldKind.Decimal, ComputedField.JuniperStEspSequence),
        FieldDefinition.Derived("juniper.payload_type", "Payload Type", LayerKind.Juniper, FieldKind.Decimal, ComputedField.JuniperPayloadType),
    ];

    private static FieldDefinition VnFlag(string name, string label, uint bit) =>
        FieldDefinition.Derived(name, label, LayerKind.Juniper, FieldKind.Boolean, ComputedField.JuniperVnFlags, mask: bit);
}
