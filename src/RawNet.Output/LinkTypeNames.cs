using RawNet.Protocols;

namespace RawNet.Output;

/// <summary>Names of link types as the tcpdump.org LINKTYPE_ list spells them.</summary>
public static class LinkTypeNames
{
    /// <summary>The LINKTYPE_ name without its prefix ("ETHERNET"), or "unknown".</summary>
    public static string Name(LinkType linkType) => linkType switch
    {
        LinkType.Null => "NULL",
        LinkType.Ethernet => "ETHERNET",
        LinkType.TokenRing => "IEEE802_5",
        LinkType.Fddi => "FDDI",
        LinkType.Ppp => "PPP",
        LinkType.PppHdlc => "PPP_HDLC",
        LinkType.AtmRfc1483 => "ATM_RFC1483",
        LinkType.Raw => "RAW",
        LinkType.Ieee80211 => "IEEE802_11",
        LinkType.CiscoHdlc => "C_HDLC",
        LinkType.FrameRelay => "FRELAY",
        LinkType.Prism => "PRISM_HEADER",
        LinkType.Avs => "IEEE802_11_AVS",
        LinkType.Loop => "LOOP",
        LinkType.LinuxSll => "LINUX_SLL",
        LinkType.PppWithDirection => "PPP_WITH_DIR",
        LinkType.PppPppd => "PPP_PPPD",
        LinkType.CiscoHdlcWithDirection => "C_HDLC_WITH_DIR",
        LinkType.FrameRelayWithDirection => "FRELAY_WITH_DIR",
        LinkType.Mpls => "MPLS",
        LinkType.Ppi => "PPI",
        LinkType.Ieee80211Radiotap => "IEEE802_11_RADIOTAP",
        LinkType.Ipv4 => "IPV4",
        LinkType.Ipv6 => "IPV6",
        LinkType.LinuxSll2 => "LINUX_SLL2",
        LinkType.Nflog => "NFLOG",
        LinkType.Pktap => "PKTAP",
        LinkType.Ipnet => "IPNET",
        LinkType.Ipoib => "IPOIB",
        LinkType.ArcnetLinux => "ARCNET_LINUX",
        LinkType.ArcnetBsd => "ARCNET",
        LinkType.JuniperEther => "JUNIPER_ETHER",
        LinkType.AppleIpOverIeee1394 => "APPLE_IP_OVER_IEEE1394",
        LinkType.Netanalyzer => "NETANALYZER",
        LinkType.NetanalyzerTransparent => "NETANALYZER_TRANSPARENT",
        LinkType.IpOverFc => "IP_OVER_FC",
        LinkType.Pflog => "PFLOG",
        LinkType.Enc => "ENC",
        LinkType.Erf => "ERF",
        LinkType.EthernetMpacket => "ETHERNET_MPACKET",
        LinkType.Docsis => "DOCSIS",
        LinkType.SunAtm => "SUNATM",
        LinkType.Raw12 or LinkType.Raw14 => "RAW",
        LinkType.AtmRfc1483Bsd => "ATM_RFC1483",
        LinkType.AtmClip or LinkType.AtmClip16 or LinkType.AtmClip18 or LinkType.AtmClip19 => "ATM_CLIP",
        LinkType.PppoeSession => "PPP_ETHER",
        LinkType.JuniperPppoe => "JUNIPER_PPPOE",
        LinkType.JuniperPpp => "JUNIPER_PPP",
        LinkType.JuniperFrameRelay => "JUNIPER_FRELAY",
        LinkType.JuniperChdlc => "JUNIPER_CHDLC",
        LinkType.JuniperVp => "JUNIPER_VP",
        _ => "unknown",
    };
}
