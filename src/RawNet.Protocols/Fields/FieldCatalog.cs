using System.Collections.Frozen;
using RawNet.Protocols.Arp;
using RawNet.Protocols.CiscoHdlc;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Dns;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Http;
using RawNet.Protocols.Icmp;
using RawNet.Protocols.Icmpv6;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.LinuxCooked;
using RawNet.Protocols.Mpls;
using RawNet.Protocols.Ppp;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Tunnels;
using RawNet.Protocols.Udp;
using RawNet.Protocols.Vlan;

namespace RawNet.Protocols.Fields;

/// <summary>Finds field tables by layer and fields by Wireshark name; names each layer's protocol.</summary>
public static class FieldCatalog
{
    /// <summary>The field table of a layer kind, in tree order.</summary>
    public static ReadOnlySpan<FieldDefinition> ForLayer(LayerKind kind) => kind switch
    {
        LayerKind.Frame => FrameFields.All,
        LayerKind.Radiotap => Radiotap.RadiotapFields.All,
        LayerKind.Ppi => Ppi.PpiFields.All,
        LayerKind.Prism => Prism.PrismFields.Prism,
        LayerKind.Avs => Prism.PrismFields.Avs,
        LayerKind.Ieee80211 => Ieee80211.Ieee80211Fields.All,
        LayerKind.TokenRing => TokenRing.TokenRingFields.All,
        LayerKind.Fddi => Fddi.FddiFields.All,
        LayerKind.TokenRingMac => TokenRing.TokenRingMacFields.All,
        LayerKind.Llc => Llc.LlcFields.All,
        LayerKind.Ethernet => EthernetFields.All,
        LayerKind.Vlan => VlanFields.All,
        LayerKind.ServiceVlan => VlanFields.ServiceTag,
        LayerKind.LinuxSll => LinuxCookedFields.Sll,
        LayerKind.LinuxSll2 => LinuxCookedFields.Sll2,
        LayerKind.Nflog => Nflog.NflogFields.All,
        LayerKind.Pktap => Pktap.PktapFields.All,
        LayerKind.Ipnet => Ipnet.IpnetFields.All,
        LayerKind.Ipoib => Ipoib.IpoibFields.All,
        LayerKind.Arcnet => Arcnet.ArcnetFields.All,
        LayerKind.Juniper => Juniper.JuniperFields.All,
        LayerKind.Ap1394 => Ap1394.Ap1394Fields.All,
        LayerKind.Netanalyzer => Netanalyzer.NetanalyzerFields.All,
        LayerKind.Ipfc => Ipfc.IpfcFields.All,
        LayerKind.Pflog => Pflog.PflogFields.All,
        LayerKind.Enc => Enc.EncFields.All,
        LayerKind.Symantec => Symantec.SymantecFields.All,
        LayerKind.Redback => Redback.RedbackFields.All,
        LayerKind.Erf => Erf.ErfFields.All,
        LayerKind.Fpp => Fpp.FppFields.All,
        LayerKind.Epon => Epon.EponFields.All,
        LayerKind.Docsis => Docsis.DocsisFields.All,
        LayerKind.GprsLlc => GprsLlc.GprsLlcFields.All,
        LayerKind.Xra => Xra.XraFields.All,
        LayerKind.Sndcp => GprsLlc.SndcpFields.All,
        LayerKind.Ax25Kiss => Ax25.Ax25Fields.Kiss,
        LayerKind.Ax25 => Ax25.Ax25Fields.All,
        LayerKind.Vpp => Vpp.VppFields.Header,
        LayerKind.VppMetadata => Vpp.VppFields.Metadata,
        LayerKind.VppOpaque => Vpp.VppFields.Opaque,
        LayerKind.VppOpaque2 => Vpp.VppFields.Opaque2,
        LayerKind.VppTrace => Vpp.VppFields.Trace,
        LayerKind.ExportedPdu => ExportedPdu.ExportedPduFields.All,
        LayerKind.Gfp => Gfp.GfpFields.All,
        LayerKind.Ebhscr => Ebhscr.EbhscrFields.All,
        LayerKind.Ieee802154 => Ieee802154.Ieee802154Fields.All,
        LayerKind.SixLowpan => SixLowpan.SixLowpanFields.All,
        LayerKind.Ieee802154NonAskPhy => Ieee802154.Ieee802154PhyFields.NonAskPhy,
        LayerKind.Ieee802154Tap => Ieee802154.Ieee802154PhyFields.Tap,
        LayerKind.Atm => Atm.AtmFields.All,
        LayerKind.AtmLane => Atm.AtmFields.Lane,
        LayerKind.Macsec => Macsec.MacsecFields.All,
        LayerKind.Arista => Arista.AristaFields.All,
        LayerKind.Null => Loopback.LoopbackFields.All,
        LayerKind.PppoeSession => Pppoe.PppoeFields.Session,
        LayerKind.Ppp => PppFields.All,
        LayerKind.CiscoHdlc => CiscoHdlcFields.All,
        LayerKind.Slarp => CiscoHdlcFields.Slarp,
        LayerKind.Lcp => PppControlFields.Lcp,
        LayerKind.Ipcp => PppControlFields.Ipcp,
        LayerKind.Ipv6cp => PppControlFields.Ipv6cp,
        LayerKind.Pap => PppAuthFields.Pap,
        LayerKind.Chap => PppAuthFields.Chap,
        LayerKind.FrameRelay => FrameRelay.FrameRelayFields.All,
        LayerKind.Mpls => MplsFields.All,
        LayerKind.Nsh => Nsh.NshFields.All,
        LayerKind.L2tp => L2tp.L2tpFields.All,
        LayerKind.L2tpv3 => L2tp.L2tpv3Fields.All,
        LayerKind.Stp => Stp.StpFields.All,
        LayerKind.Gvrp => Garp.GarpFields.Gvrp,
        LayerKind.Gmrp => Garp.GarpFields.Gmrp,
        LayerKind.Arp => ArpFields.All,
        LayerKind.Ipv4 => Ipv4Fields.All,
        LayerKind.Ipv6 => Ipv6Fields.All,
        LayerKind.Ipv6HopByHop => Ipv6Fields.HopByHop,
        LayerKind.Ipv6Routing => Ipv6Fields.Routing,
        LayerKind.Ipv6Fragment => Ipv6Fields.Fragment,
        LayerKind.Ipv6DestinationOptions => Ipv6Fields.DestinationOptions,
        LayerKind.Ipv6AuthenticationHeader => Ipv6Fields.AuthenticationHeader,
        LayerKind.Tcp => TcpFields.All,
        LayerKind.Udp => UdpFields.All,
        LayerKind.Icmp => IcmpFields.All,
        LayerKind.Icmpv6 => Icmpv6Fields.All,
        LayerKind.Igmp => Igmp.IgmpFields.All,
        LayerKind.Rgmp => Igmp.IgmpFields.Rgmp,
        LayerKind.Ospf => Ospf.OspfFields.All,
        LayerKind.Gre => TunnelFields.Gre,
        LayerKind.Vxlan => TunnelFields.Vxlan,
        LayerKind.VxlanGpe => TunnelFields.VxlanGpe,
        LayerKind.Geneve => GeneveFields.All,
        LayerKind.CapwapData => Capwap.CapwapFields.All,
        LayerKind.CapwapControl => Capwap.CapwapFields.Control,
        LayerKind.Lwapp => Capwap.LwappFields.All,
        LayerKind.Gtp => GtpFields.All,
        LayerKind.LispData => Lisp.LispDataFields.All,
        LayerKind.Amt => Amt.AmtFields.All,
        LayerKind.Tzsp => Tzsp.TzspFields.All,
        LayerKind.Sflow => Sflow.SflowFields.All,
        LayerKind.Dns => DnsFields.All,
        LayerKind.Dhcp => Dhcp.DhcpFields.All,
        LayerKind.Ntp => Ntp.NtpFields.All,
        LayerKind.Wol => Wol.WolFields.All,
        LayerKind.Lldp => Lldp.LldpFields.All,
        LayerKind.Cdp => Cdp.CdpFields.All,
        LayerKind.Dtp => Dtp.DtpFields.All,
        LayerKind.Udld => Udld.UdldFields.All,
        LayerKind.Vtp => Vtp.VtpFields.All,
        LayerKind.Echo => Echo.EchoFields.All,
        LayerKind.WireGuard => WireGuard.WireGuardFields.All,
        LayerKind.Quic => Quic.QuicFields.All,
        LayerKind.Sip => Sip.SipFields.All,
        LayerKind.Nbns => Nbns.NbnsFields.All,
        LayerKind.Snmp => Snmp.SnmpFields.All,
        LayerKind.Payload => PayloadFields.All,
        LayerKind.Http => HttpFields.All,
        LayerKind.Tls => Tls.TlsFields.All,
        _ => [],
    };

    /// <summary>True for a field that shows a checksum's verdict (*.checksum.status): printers and filters that read it need checksums verified.</summary>
    public static bool IsChecksumVerdict(FieldDefinition field) => field.Name.EndsWith(".checksum.status", StringComparison.Ordinal);

    /// <summary>
    /// True for a layer the conversation tracker may rebuild from what came before in its TCP stream (HTTP across
    /// segments, "Continuation", a response to HEAD; DNS messages across segments): printers and filters that show it
    /// need the tracker's pass.
    /// </summary>
    // data too: the tracker takes the layers after a retransmitted or out-of-order TCP segment back (tshark hands its
    // payload to no dissector), so whether a packet has data is the tracker's to say.
    public static bool FollowsStream(LayerKind kind) => kind is LayerKind.Http or LayerKind.Dns or LayerKind.Tls or LayerKind.Payload;

    /// <summary>
    /// True for a layer tshark shows even when none of its fields could be read (SLARP adds its protocol item once it has
    /// the type, before it reads the words its fields need; 802.11 of a protocol version RawNet does not read; IPoIB, ipnet,
    /// NFLOG, NSH, IP over FC, pflog and Frame Relay, whose protocol item comes before any field, NSH's and ipfc's even with no byte of it; Token Ring's trmac, there
    /// before its command byte is; IPv6, whose protocol item comes before the version, even with no byte captured; AX.25 and its no-layer-3 text, added before any byte is read; GVRP and GMRP, added before their protocol ID is read); for any other layer, no field means tshark does not show the protocol (LCP, IPCP and
    /// IPv6CP among them: a header cut short of its four bytes matches no "lcp" in tshark). netANALYZER adds its item once
    /// the frame is 4 bytes on the wire, captured or not; fpp once its preamble walk found the SMD.
    /// </summary>
    public static bool ShownWithoutFields(in Layer layer) => (layer.Kind == LayerKind.Slarp && layer.HeaderLength >= SlarpPacket.TypeLength)
        || (layer.Kind == LayerKind.Ieee80211 && (layer.Detail & Ieee80211.Ieee80211LayerDetail.OtherVersion) != 0)
        || layer.Kind is LayerKind.Ipoib or LayerKind.Ipnet or LayerKind.Nflog or LayerKind.Nsh or LayerKind.Arista or LayerKind.Ipfc
        || layer.Kind is LayerKind.Pflog or LayerKind.FrameRelay or LayerKind.TokenRingMac or LayerKind.Ipv6
        || layer.Kind is LayerKind.Gvrp or LayerKind.Gmrp or LayerKind.Ax25 or LayerKind.Ax25NoL3
        || layer.Kind is LayerKind.Vpp or LayerKind.VppMetadata or LayerKind.VppOpaque or LayerKind.VppOpaque2 or LayerKind.VppTrace or LayerKind.ExportedPdu
        || layer.Kind is LayerKind.Ieee802154 or LayerKind.SixLowpan or LayerKind.Ieee802154NonAskPhy
        || (layer.Kind == LayerKind.Ieee802154Tap && layer.HeaderLength > 0)
        || (layer.Kind == LayerKind.Netanalyzer && layer.Extent >= Netanalyzer.NetanalyzerHeader.Length)
        || (layer.Kind == LayerKind.Fpp && Fpp.FppFrame.Unpack(layer.Detail, 0).Reach >= Fpp.FppReach.Columns)
        || (layer.Kind == LayerKind.Epon && Epon.EponPreamble.Unpack(layer.Detail).Reach != Epon.EponReach.None)
        || (layer.Kind == LayerKind.Gfp && (Gfp.GfpReach)layer.Detail != Gfp.GfpReach.None)
        || layer.Kind == LayerKind.Ebhscr || layer.Kind == LayerKind.Sndcp || layer.Kind == LayerKind.Quic
        || (layer.Kind == LayerKind.Dhcp && layer.Detail == Dhcp.DhcpMessage.ProtocolItemDetail);

    /// <summary>Every field RawNet knows, layer by layer.</summary>
    public static IReadOnlyList<FieldDefinition> All { get; } = AllFields();

    // Built with loops, not LINQ: GroupBy and SelectMany over these types are not in the precompiled image (FieldRows).
    private static FieldDefinition[] AllFields()
    {
        var all = new List<FieldDefinition>(4096);
        foreach (var kind in Enum.GetValues<LayerKind>())
            all.AddRange(ForLayer(kind));
        return [.. all];
    }

    private static readonly FrozenDictionary<string, FieldDefinition[]> ByName =
        FieldRows.GroupByName<FieldDefinition, FieldDefinition>((FieldDefinition[])All, f => f.TreeOnly ? null : f.Name, f => f);

    private static readonly FrozenDictionary<string, LayerKind[]> LayersByProtocolName =
        FieldRows.GroupByName<LayerKind, LayerKind>(Enum.GetValues<LayerKind>(), ProtocolName, kind => kind);

    /// <summary>Every field name, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = SortedNames();

    private static string[] SortedNames()
    {
        var names = ByName.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    /// <summary>The definitions of a field name (one per layer kind that has it, e.g. sll.etype in both cooked headers).</summary>
    public static bool TryFind(string name, out FieldDefinition[] definitions) => ByName.TryGetValue(name, out definitions!);

    /// <summary>The layer kinds a protocol name ("tcp", "ipv6", "ip") stands for, for presence tests in filters.</summary>
    public static bool TryFindProtocol(string name, out LayerKind[] kinds)
    {
        if (name is MulticastDnsName or LinkLocalNameResolutionName)
        {
            kinds = [LayerKind.Dns];
            return true;
        }
        if (name == SsdpName)
        {
            kinds = [LayerKind.Http];
            return true;
        }
        if (name == BootpName)
        {
            kinds = [LayerKind.Dhcp];
            return true;
        }
        if (name == PppName)
        {
            // A PPPoE session layer ends with PPP's protocol field (ppp.protocol is one of its fields), which tshark shows as "ppp".
            kinds = [LayerKind.Ppp, LayerKind.PppoeSession];
            return true;
        }
        return LayersByProtocolName.TryGetValue(name, out kinds!);
    }

    /// <summary>tshark's alias of "dhcp", its name before Wireshark 3.0.</summary>
    public const string BootpName = "bootp";

    /// <summary>tshark's protocol name for PPP, on the PPP link types and inside PPPoE sessions.</summary>
    public const string PppName = "ppp";

    /// <summary>tshark's protocol name for multicast DNS (RFC 6762): the DNS layer and fields, under another name.</summary>
    public const string MulticastDnsName = "mdns";

    /// <summary>tshark's protocol name for LLMNR (RFC 4795): the DNS layer and fields, under another name.</summary>
    public const string LinkLocalNameResolutionName = "llmnr";

    /// <summary>
    /// The protocol name of one layer of a packet, as display filters test it: <see cref="ProtocolName(LayerKind)"/>, but
    /// "mdns" for multicast DNS and "llmnr" for LLMNR (tshark's "dns" is not there then).
    /// </summary>
    public static string ProtocolNameOf(DecodedPacket packet, int index, ReadOnlySpan<byte> frame) => packet[index].Kind != LayerKind.Dns
        ? (UdpHeuristics.IsClaimedByWireGuard(packet[index]) ? UdpHeuristics.WireGuardName
            : packet[index].Kind == LayerKind.Http && ((Http.HttpLayerDetail)packet[index].Detail & Http.HttpLayerDetail.Ssdp) != 0 ? SsdpName
            : ProtocolName(packet[index].Kind))
        : Dns.DnsLayerDetails.Variant(packet[index].Detail) switch
        {
            Dns.DnsVariant.Multicast => MulticastDnsName,
            Dns.DnsVariant.LinkLocal => LinkLocalNameResolutionName,
            _ => ProtocolName(LayerKind.Dns),
        };

    /// <summary>tshark's name of HTTP over UDP 1900.</summary>
    public const string SsdpName = "ssdp";

    /// <summary>The Wireshark protocol abbreviation of a layer ("eth", "ip", "tcp").</summary>
    public static string ProtocolName(LayerKind kind) => kind switch
    {
        LayerKind.Frame => "frame",
        LayerKind.Radiotap => "radiotap",
        LayerKind.Ppi => "ppi",
        LayerKind.Prism => "prism",
        LayerKind.Avs => "wlancap",
        LayerKind.Ieee80211 => "wlan",
        LayerKind.TokenRing => "tr",
        LayerKind.Fddi => "fddi",
        LayerKind.TokenRingMac => "trmac",
        LayerKind.Llc => "llc",
        LayerKind.Ethernet => "eth",
        LayerKind.Vlan => "vlan",
        LayerKind.ServiceVlan => "ieee8021ad",
        LayerKind.LinuxSll or LayerKind.LinuxSll2 => "sll",
        LayerKind.Macsec => "macsec",
        LayerKind.Arista => "avsp",
        LayerKind.Null => "null",
        LayerKind.Nflog => "nflog",
        LayerKind.Pktap => "pktap",
        LayerKind.Ipnet => "ipnet",
        LayerKind.Ipoib => "ipoib",
        LayerKind.Arcnet => "arcnet",
        LayerKind.Juniper => "juniper",
        LayerKind.Ap1394 => "ap1394",
        LayerKind.Netanalyzer => "netanalyzer",
        LayerKind.Ipfc => "ipfc",
        LayerKind.Pflog => "pflog",
        LayerKind.Enc => "enc",
        LayerKind.Symantec => "symantec",
        LayerKind.Redback => "redback",
        LayerKind.Erf => "erf",
        LayerKind.Fpp => "fpp",
        LayerKind.Epon => "epon",
        LayerKind.Docsis => "docsis",
        LayerKind.GprsLlc => "llcgprs",
        LayerKind.Xra => "xra",
        LayerKind.Sndcp => "sndcp",
        LayerKind.Ax25Kiss => "ax25_kiss",
        LayerKind.Ax25 => "ax25",
        LayerKind.Ax25NoL3 => "ax25_nol3",
        LayerKind.Vpp => "vpp",
        LayerKind.VppMetadata => "vpp-metadata",
        LayerKind.VppOpaque => "vpp-opaque",
        LayerKind.VppOpaque2 => "vpp-opaque2",
        LayerKind.VppTrace => "vpp-trace",
        LayerKind.ExportedPdu => "exported_pdu",
        LayerKind.Gfp => "gfp",
        LayerKind.Ebhscr => "ebhscr",
        LayerKind.Ieee802154 => "wpan",
        LayerKind.Ieee802154NonAskPhy => "wpan-nonask-phy",
        LayerKind.Ieee802154Tap => "wpan-tap",
        LayerKind.SixLowpan => "6lowpan",
        LayerKind.Atm => "atm",
        LayerKind.AtmLane => "lane",
        LayerKind.PppoeSession => "pppoes",
        LayerKind.Ppp => PppName,
        LayerKind.CiscoHdlc => "chdlc",
        LayerKind.Slarp => "slarp",
        LayerKind.Lcp => "lcp",
        LayerKind.Ipcp => "ipcp",
        LayerKind.Ipv6cp => "ipv6cp",
        LayerKind.Pap => "pap",
        LayerKind.Chap => "chap",
        LayerKind.FrameRelay => "fr",
        LayerKind.Mpls => "mpls",
        LayerKind.Nsh => "nsh",
        LayerKind.L2tp or LayerKind.L2tpv3 => "l2tp",
        LayerKind.Stp => "stp",
        LayerKind.Gvrp => "gvrp",
        LayerKind.Gmrp => "gmrp",
        LayerKind.Arp => "arp",
        LayerKind.Ipv4 => "ip",
        LayerKind.Ipv6 or LayerKind.Ipv6HopByHop or LayerKind.Ipv6Routing or LayerKind.Ipv6Fragment
            or LayerKind.Ipv6DestinationOptions => "ipv6",
        LayerKind.Ipv6AuthenticationHeader => "ah",
        LayerKind.Tcp => "tcp",
        LayerKind.Udp => "udp",
        LayerKind.Icmp => "icmp",
        LayerKind.Icmpv6 => "icmpv6",
        LayerKind.Igmp => "igmp",
        LayerKind.Rgmp => "rgmp",
        LayerKind.Ospf => "ospf",
        LayerKind.Gre => "gre",
        LayerKind.Erspan => "erspan",
        LayerKind.Vxlan or LayerKind.VxlanGpe => "vxlan",
        LayerKind.Geneve => "geneve",
        LayerKind.CapwapData => "capwap.data",
        LayerKind.CapwapControl => "capwap",
        LayerKind.Lwapp => "lwapp",
        LayerKind.LwappL3 => "lwapp-l3",
        LayerKind.Gtp => "gtp",
        LayerKind.LispData => "lisp-data",
        LayerKind.Amt => "amt",
        LayerKind.Tzsp => "tzsp",
        LayerKind.Sflow => "sflow",
        LayerKind.Teredo => "teredo",
        LayerKind.Dns => "dns",
        LayerKind.Dhcp => "dhcp",
        LayerKind.Ntp => "ntp",
        LayerKind.Wol => "wol",
        LayerKind.Lldp => "lldp",
        LayerKind.Cdp => "cdp",
        LayerKind.Dtp => "dtp",
        LayerKind.Udld => "udld",
        LayerKind.Vtp => "vtp",
        LayerKind.Echo => "echo",
        LayerKind.WireGuard => "wg",
        LayerKind.Quic => "quic",
        LayerKind.Sip => "sip",
        LayerKind.Nbns => "nbns",
        LayerKind.Snmp => "snmp",
        LayerKind.Http => "http",
        LayerKind.Tls => "tls",
        _ => "data",
    };

    /// <summary>
    /// The name of a decoded layer as a tree heading shows it: <see cref="DisplayName(LayerKind)"/>, but "IEEE 802.3
    /// Ethernet" for an Ethernet header whose type field is a length (<paramref name="header"/>: the layer's captured header).
    /// </summary>
    public static string DisplayName(in Layer layer, ReadOnlySpan<byte> header) =>
        layer.Kind == LayerKind.Ethernet && header.Length >= EthernetHeader.Length
            && EthernetHeader.IsLength(System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(header[EthernetHeader.Field.EtherType..]))
            ? "IEEE 802.3 Ethernet" : layer.Kind == LayerKind.Juniper ? Juniper.JuniperHeader.TreeName((Juniper.JuniperLink)layer.Detail)
            : layer.Kind == LayerKind.Symantec ? Symantec.SymantecHeader.TreeName(header)
            : layer.Kind == LayerKind.Http && ((Http.HttpLayerDetail)layer.Detail & Http.HttpLayerDetail.Ssdp) != 0 ? "Simple Service Discovery Protocol"
            : DisplayName(layer.Kind);

    /// <summary>The protocol's name as a tree heading shows it.</summary>
    public static string DisplayName(LayerKind kind) => kind switch
    {
        LayerKind.Frame => "Frame",
        LayerKind.Radiotap => "IEEE 802.11 Radiotap Capture header",
        LayerKind.Ppi => "PPI Packet Header",
        LayerKind.Prism => "Prism capture header",
        LayerKind.Avs => "AVS WLAN Capture header",
        LayerKind.Ieee80211 => "IEEE 802.11 wireless LAN",
        LayerKind.TokenRing => "Token-Ring",
        LayerKind.Fddi => "Fiber Distributed Data Interface",
        LayerKind.TokenRingMac => "Token-Ring Media Access Control",
        LayerKind.Llc => "Logical-Link Control",
        LayerKind.Ethernet => "Ethernet II",
        LayerKind.Vlan => "802.1Q Virtual LAN",
        LayerKind.ServiceVlan => "IEEE 802.1ad",
        LayerKind.LinuxSll => "Linux cooked capture v1",
        LayerKind.LinuxSll2 => "Linux cooked capture v2",
        LayerKind.Nflog => "Linux Netfilter NFLOG",
        LayerKind.Pktap => "PKTAP packet header",
        LayerKind.Ipnet => "Solaris IPNET",
        LayerKind.Ipoib => "IP over Infiniband",
        LayerKind.Arcnet => "ARCNET",
        LayerKind.Juniper => "Juniper Ethernet",
        LayerKind.Ap1394 => "Apple IP-over-IEEE 1394",
        LayerKind.Netanalyzer => "netANALYZER",
        LayerKind.Ipfc => "IP Over FC Network_Header",
        LayerKind.Pflog => "OpenBSD Packet Filter log file",
        LayerKind.Enc => "OpenBSD Encapsulating device",
        LayerKind.Symantec => "Symantec firewall",
        LayerKind.Redback => "Redback",
        LayerKind.Erf => "Extensible Record Format",
        LayerKind.Fpp => "IEEE 802.3br Frame Preemption Protocol",
        LayerKind.Epon => "IEEE 802.3 EPON Preamble",
        LayerKind.Docsis => "DOCSIS",
        LayerKind.GprsLlc => "MS-SGSN LLC (Mobile Station - Serving GPRS Support Node Logical Link Control)",
        LayerKind.Sndcp => "Subnetwork Dependent Convergence Protocol",
        LayerKind.Xra => "XRA",
        LayerKind.Ax25Kiss => "AX.25 KISS",
        LayerKind.Ax25 => "Amateur Radio AX.25",
        LayerKind.Ax25NoL3 => "AX.25 no Layer 3",
        LayerKind.Vpp => "VPP Dispatch Trace",
        LayerKind.VppMetadata => "VPP Buffer Metadata",
        LayerKind.VppOpaque => "VPP Buffer Opaque",
        LayerKind.VppOpaque2 => "VPP Buffer Opaque2",
        LayerKind.VppTrace => "VPP Buffer Trace",
        LayerKind.ExportedPdu => "EXPORTED_PDU",
        LayerKind.Gfp => "Generic Framing Procedure",
        LayerKind.Ebhscr => "EBHSCR Protocol",
        LayerKind.Ieee802154 => "IEEE 802.15.4 Low-Rate Wireless PAN",
        LayerKind.Ieee802154NonAskPhy => "IEEE 802.15.4 Low-Rate Wireless PAN non-ASK PHY",
        LayerKind.Ieee802154Tap => "IEEE 802.15.4 Low-Rate Wireless PAN TAP",
        LayerKind.SixLowpan => "IPv6 over Low power Wireless Personal Area Networks",
        LayerKind.Atm => "Asynchronous Transfer Mode",
        LayerKind.AtmLane => "ATM LANE",
        LayerKind.Macsec => "802.1AE Security tag",
        LayerKind.Arista => "Arista Vendor Specific Protocol",
        LayerKind.Null => "Null/Loopback",
        LayerKind.PppoeSession => "PPP-over-Ethernet Session",
        LayerKind.Ppp => "Point-to-Point Protocol",
        LayerKind.CiscoHdlc => "Cisco HDLC",
        LayerKind.Slarp => "Cisco SLARP",
        LayerKind.Lcp => "PPP Link Control Protocol",
        LayerKind.Ipcp => "PPP IP Control Protocol",
        LayerKind.Ipv6cp => "PPP IPv6 Control Protocol",
        LayerKind.Pap => "PPP Password Authentication Protocol",
        LayerKind.Chap => "PPP Challenge Handshake Authentication Protocol",
        LayerKind.FrameRelay => "Frame Relay",
        LayerKind.Mpls => "MultiProtocol Label Switching Header",
        LayerKind.Nsh => "Network Service Header",
        LayerKind.L2tp => "Layer 2 Tunneling Protocol",
        LayerKind.L2tpv3 => "Layer 2 Tunneling Protocol version 3",
        LayerKind.Stp => "Spanning Tree Protocol",
        LayerKind.Gvrp => "GARP VLAN Registration Protocol",
        LayerKind.Gmrp => "GARP Multicast Registration Protocol",
        LayerKind.Arp => "Address Resolution Protocol",
        LayerKind.Ipv4 => "Internet Protocol Version 4",
        LayerKind.Ipv6 => "Internet Protocol Version 6",
        LayerKind.Ipv6HopByHop => "IPv6 Hop-by-Hop Option",
        LayerKind.Ipv6Routing => "IPv6 Routing",
        LayerKind.Ipv6Fragment => "IPv6 Fragment",
        LayerKind.Ipv6DestinationOptions => "IPv6 Destination Option",
        LayerKind.Ipv6AuthenticationHeader => "Authentication Header",
        LayerKind.Tcp => "Transmission Control Protocol",
        LayerKind.Udp => "User Datagram Protocol",
        LayerKind.Icmp => "Internet Control Message Protocol",
        LayerKind.Icmpv6 => "Internet Control Message Protocol v6",
        LayerKind.Igmp => "Internet Group Management Protocol",
        LayerKind.Rgmp => "Router-port Group Management Protocol",
        LayerKind.Ospf => "Open Shortest Path First",
        LayerKind.Gre => "Generic Routing Encapsulation",
        LayerKind.Erspan => "Encapsulated Remote Switch Packet ANalysis",
        LayerKind.Vxlan or LayerKind.VxlanGpe => "Virtual eXtensible Local Area Network",
        LayerKind.Geneve => "Generic Network Virtualization Encapsulation",
        LayerKind.CapwapData => "Control And Provisioning of Wireless Access Points - Data",
        LayerKind.CapwapControl => "Control And Provisioning of Wireless Access Points - Control",
        LayerKind.Lwapp => "LWAPP Encapsulated Packet",
        LayerKind.LwappL3 => "LWAPP Layer 3 Packet",
        LayerKind.Gtp => "GPRS Tunneling Protocol",
        LayerKind.LispData => "Locator/ID Separation Protocol (Data)",
        LayerKind.Amt => "Automatic Multicast Tunneling",
        LayerKind.Tzsp => "Tazmen Sniffer Protocol",
        LayerKind.Sflow => "InMon sFlow",
        LayerKind.Teredo => "Teredo IPv6 over UDP tunneling",
        LayerKind.Dns => "Domain Name System",
        LayerKind.Dhcp => "Dynamic Host Configuration Protocol",
        LayerKind.Ntp => "Network Time Protocol",
        LayerKind.Wol => "Wake On LAN",
        LayerKind.Lldp => "Link Layer Discovery Protocol",
        LayerKind.Cdp => "Cisco Discovery Protocol",
        LayerKind.Dtp => "Dynamic Trunk Protocol",
        LayerKind.Udld => "Unidirectional Link Detection",
        LayerKind.Vtp => "VLAN Trunking Protocol",
        LayerKind.Echo => "Echo",
        LayerKind.WireGuard => "WireGuard Protocol",
        LayerKind.Quic => "QUIC IETF",
        LayerKind.Sip => "Session Initiation Protocol",
        LayerKind.Nbns => "NetBIOS Name Service",
        LayerKind.Snmp => "Simple Network Management Protocol",
        LayerKind.Http => "Hypertext Transfer Protocol",
        LayerKind.Tls => "Transport Layer Security",
        _ => "Data",
    };
}
