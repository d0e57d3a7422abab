namespace RawNet.Protocols;

/// <summary>A capture's link-layer header type (tcpdump.org LINKTYPE_ values, as stored in pcap and pcapng files).</summary>
public enum LinkType : ushort
{
    /// <summary>BSD loopback: a 4-byte address family in the capturing host's byte order.</summary>
    Null = 0,
    /// <summary>Ethernet II / 802.3.</summary>
    Ethernet = 1,
    /// <summary>IEEE 802.5 Token Ring (LINKTYPE_IEEE802_5): the MAC header, routing information when source-routed, then 802.2 LLC.</summary>
    TokenRing = 6,
    /// <summary>FDDI (LINKTYPE_FDDI): frame control and addresses, then 802.2 LLC for asynchronous LLC frames.</summary>
    Fddi = 10,
    /// <summary>PPP (RFC 1661), with or without HDLC-like address and control (a first byte of 0x0f or 0x8f is Cisco HDLC, as tshark reads it).</summary>
    Ppp = 9,
    /// <summary>PPP in HDLC-like framing (RFC 1662; LINKTYPE_PPP_HDLC, DLT_PPP_SERIAL), or Cisco HDLC.</summary>
    PppHdlc = 50,
    /// <summary>RFC 1483 LLC-encapsulated ATM (LINKTYPE_ATM_RFC1483): an 802.2 LLC header (with SNAP) from the first byte.</summary>
    AtmRfc1483 = 100,
    /// <summary>Raw IP, version taken from the first nibble.</summary>
    Raw = 101,
    /// <summary>IEEE 802.11 frames without an FCS (tshark's default reading).</summary>
    Ieee80211 = 105,
    /// <summary>802.11 behind a 144-byte Prism monitor-mode header, or behind an AVS header when the frame starts with AVS's magic.</summary>
    Prism = 119,
    /// <summary>802.11 behind an AVS header (LINKTYPE_IEEE802_11_AVS).</summary>
    Avs = 163,
    /// <summary>Cisco HDLC (LINKTYPE_C_HDLC).</summary>
    CiscoHdlc = 104,
    /// <summary>Frame Relay (LINKTYPE_FRELAY): a Q.922 address, then RFC 2427's UI control field and NLPID.</summary>
    FrameRelay = 107,
    /// <summary>OpenBSD loopback: a 4-byte address family in network byte order.</summary>
    Loop = 108,
    /// <summary>Linux "cooked" capture, version 1 (16-byte header).</summary>
    LinuxSll = 113,
    /// <summary>PPP with a direction byte in front (0 received, else sent), then as <see cref="Ppp"/>.</summary>
    PppWithDirection = 204,
    /// <summary>pppd's records: a direction byte (0 received, else sent) where PPP's address would be, then control and protocol.</summary>
    PppPppd = 166,
    /// <summary>Cisco HDLC with a direction byte in front (0 received, else sent), then as <see cref="CiscoHdlc"/>.</summary>
    CiscoHdlcWithDirection = 205,
    /// <summary>Frame Relay with a direction byte in front (0 received, else sent), then as <see cref="FrameRelay"/>.</summary>
    FrameRelayWithDirection = 206,
    /// <summary>A raw MPLS label stack, as after EtherType 0x8847.</summary>
    Mpls = 219,
    /// <summary>A PPI header, then 802.11 (or Ethernet) as its DLT field says.</summary>
    Ppi = 192,
    /// <summary>A radiotap header, then 802.11 (with an FCS when radiotap's Flags say so).</summary>
    Ieee80211Radiotap = 127,
    /// <summary>Linux netfilter log messages (LINKTYPE_NFLOG): a 4-byte header and TLVs, the packet in NFULA_PAYLOAD.</summary>
    Nflog = 239,
    /// <summary>Solaris ipnet (LINKTYPE_IPNET): a 24-byte header, then IPv4 or IPv6 as its family says.</summary>
    Ipnet = 226,
    /// <summary>Apple's PKTAP (LINKTYPE_PKTAP): a header of its own declared length, then a packet of the DLT it names.</summary>
    Pktap = 258,
    /// <summary>IP over InfiniBand behind Linux's 40-byte pseudo-header (LINKTYPE_IPOIB): 44 bytes in all, then what its EtherType names.</summary>
    Ipoib = 242,
    /// <summary>ARCNET behind Linux's header (LINKTYPE_ARCNET_LINUX): 5 or 8 bytes as the protocol ID says, then what it names.</summary>
    ArcnetLinux = 129,
    /// <summary>ARCNET behind the BSDs' header (LINKTYPE_ARCNET_BSD): 3, 6 or an exception frame's 10 bytes, then what the protocol ID names.</summary>
    ArcnetBsd = 7,
    /// <summary>A Juniper router's capture header (LINKTYPE_JUNIPER_ETHER), then Ethernet, or with no link header the payload type's packet.</summary>
    JuniperEther = 178,
    /// <summary>Apple's IP over IEEE 1394 (LINKTYPE_APPLE_IP_OVER_IEEE1394): two EUI-64s and an EtherType, 18 bytes, then what it names.</summary>
    AppleIpOverIeee1394 = 138,
    /// <summary>IP over Fibre Channel (LINKTYPE_IP_OVER_FC): RFC 2625's 16-byte Network_Header, then LLC/SNAP.</summary>
    IpOverFc = 122,
    /// <summary>pf's log (LINKTYPE_PFLOG): a header of its own declared length, padded to 4 bytes, then IPv4 or IPv6 as its family says.</summary>
    Pflog = 117,
    /// <summary>OpenBSD's enc(4) IPsec interface (LINKTYPE_ENC): a 12-byte header, then IPv4 or IPv6 as its family says.</summary>
    Enc = 109,
    /// <summary>Hilscher netANALYZER (LINKTYPE_NETANALYZER): a 4-byte little-endian header, then an Ethernet frame with its FCS.</summary>
    Netanalyzer = 240,
    /// <summary>Hilscher netANALYZER in transparent mode (LINKTYPE_NETANALYZER_TRANSPARENT): the header, then preamble, SFD and Ethernet frame with its FCS.</summary>
    NetanalyzerTransparent = 241,
    /// <summary>An Endace ERF record (LINKTYPE_ERF): its header, extension headers and subheader, then what its record type names.</summary>
    Erf = 197,
    /// <summary>IEEE 802.3br mPackets (LINKTYPE_ETHERNET_MPACKET): preamble, SMD, mData and CRC; an express or whole preemptable frame's mData is Ethernet.</summary>
    EthernetMpacket = 274,
    /// <summary>A DOCSIS MAC frame (LINKTYPE_DOCSIS): the MAC header with its HCS, then Ethernet for a data PDU.</summary>
    Docsis = 143,
    /// <summary>A GPRS LLC frame (LINKTYPE_GPRS_LLC): address, control, information and FCS; SNDCP and IP on the user-data SAPIs.</summary>
    GprsLlc = 169,
    /// <summary>Excentis XRA-31 DOCSIS 3.1 sniffer frames (LINKTYPE_DOCSIS31_XRA31): the XRA header and TLVs, then a DOCSIS MAC frame.</summary>
    DocsisXra31 = 273,
    /// <summary>Amateur radio AX.25 (LINKTYPE_AX25): callsigns, digipeaters, control field, then what the protocol ID names.</summary>
    Ax25 = 3,
    /// <summary>AX.25 behind the KISS byte a TNC adds (LINKTYPE_AX25_KISS): a command and port, then an AX.25 frame for data.</summary>
    Ax25Kiss = 202,
    /// <summary>An fd.io VPP dispatch trace record (LINKTYPE_VPP_DISPATCH): versions, hint, buffer index and strings, then the packet data.</summary>
    VppDispatch = 280,
    /// <summary>A Wireshark exported PDU (LINKTYPE_WIRESHARK_UPPER_PDU): tags naming the dissector and addresses, then the PDU.</summary>
    WiresharkUpperPdu = 252,
    /// <summary>ITU-T G.7041 GFP in transparent mode (LINKTYPE_GFP_T), which tshark 4.0 reads as frame-mapped GFP.</summary>
    GfpTransparent = 170,
    /// <summary>ITU-T G.7041 frame-mapped GFP (LINKTYPE_GFP_F): core and payload headers, then what the UPI names.</summary>
    GfpFrameMapped = 171,
    /// <summary>Elektrobit's High Speed Capture and Replay (LINKTYPE_EBHSCR): a 32-byte header, then what its major number names (Ethernet for 0x50).</summary>
    Ebhscr = 279,
    /// <summary>TZSP without UDP (LINKTYPE_TZSP): the TaZmen Sniffer Protocol's header and tags, then the frame it names.</summary>
    Tzsp = 128,
    /// <summary>An IEEE 802.15.4 MAC frame with its 2-byte FCS (LINKTYPE_IEEE802_15_4_WITHFCS), 6LoWPAN in its data frames.</summary>
    Ieee802154WithFcs = 195,
    /// <summary>An IEEE 802.15.4 MAC frame without FCS (LINKTYPE_IEEE802_15_4_NOFCS).</summary>
    Ieee802154NoFcs = 230,
    /// <summary>An IEEE 802.15.4 frame behind its non-ASK PHY header: preamble, SFD and length (LINKTYPE_IEEE802_15_4_NONASK_PHY).</summary>
    Ieee802154NonAskPhy = 215,
    /// <summary>An IEEE 802.15.4 frame behind a TAP header with TLVs, the FCS as its FCS-type TLV says (LINKTYPE_IEEE802_15_4_TAP).</summary>
    Ieee802154Tap = 283,
    /// <summary>Sun's raw ATM (LINKTYPE_SUNATM): a 4-byte header (flags, VPI, VCI), then an AAL5 PDU as its type says.</summary>
    SunAtm = 123,
    /// <summary>Raw IPv4.</summary>
    Ipv4 = 228,
    /// <summary>Raw IPv6.</summary>
    Ipv6 = 229,
    /// <summary>Linux "cooked" capture, version 2 (20-byte header).</summary>
    LinuxSll2 = 276,
    /// <summary>Raw IP under the number Linux's DLT_RAW takes (12): as <see cref="Raw"/> (tshark and tcpdump read it so).</summary>
    Raw12 = 12,
    /// <summary>Raw IP under the number OpenBSD's DLT_RAW takes (14): as <see cref="Raw"/> (tshark reads it so; tcpdump 4.99 refuses the file).</summary>
    Raw14 = 14,
    /// <summary>RFC 1483 LLC-encapsulated ATM under the BSDs' DLT_ATM_RFC1483 (11): as <see cref="AtmRfc1483"/>.</summary>
    AtmRfc1483Bsd = 11,
    /// <summary>Linux Classical IP over ATM (LINKTYPE_ATM_CLIP): no header; tshark reads IP, tcpdump LLC/SNAP or IP.</summary>
    AtmClip = 106,
    /// <summary>Linux Classical IP over ATM under an old Linux number (16; tcpdump reads it as BSD/OS PPP and prints nothing).</summary>
    AtmClip16 = 16,
    /// <summary>Linux Classical IP over ATM under an old Linux number (18; tcpdump 4.99 refuses the file).</summary>
    AtmClip18 = 18,
    /// <summary>Linux Classical IP over ATM under Linux's DLT_ATM_CLIP (19): as <see cref="AtmClip"/>.</summary>
    AtmClip19 = 19,
    /// <summary>A PPPoE session header without its Ethernet header (LINKTYPE_PPP_ETHER), then PPP's protocol and what it names.</summary>
    PppoeSession = 51,
    /// <summary>The Juniper header (see <see cref="JuniperEther"/>) before Ethernet, from a PPPoE PIC (LINKTYPE_JUNIPER_PPPOE).</summary>
    JuniperPppoe = 167,
    /// <summary>The Juniper header, then PPP's address and control and its protocol field (LINKTYPE_JUNIPER_PPP).</summary>
    JuniperPpp = 179,
    /// <summary>The Juniper header, then a Frame Relay frame (LINKTYPE_JUNIPER_FRELAY).</summary>
    JuniperFrameRelay = 180,
    /// <summary>The Juniper header, then a Cisco HDLC frame (LINKTYPE_JUNIPER_CHDLC).</summary>
    JuniperChdlc = 181,
    /// <summary>The Juniper header, 18 bytes of a Voice PIC's own, then IPv4 (LINKTYPE_JUNIPER_VP).</summary>
    JuniperVp = 183,
    /// <summary>The Juniper header, a Multilink PPP PIC's cookie, then PPP or what the cookie names (LINKTYPE_JUNIPER_MLPPP).</summary>
    JuniperMlppp = 130,
    /// <summary>The Juniper header, a Multilink Frame Relay PIC's cookie, then what it names (LINKTYPE_JUNIPER_MLFR).</summary>
    JuniperMlfr = 131,
    /// <summary>The Juniper header, a GGSN PIC's protocol and VLAN, then that protocol's packet (LINKTYPE_JUNIPER_GGSN).</summary>
    JuniperGgsn = 133,
    /// <summary>The Juniper header, an ATM2 PIC's 8-byte cookie, then LLC, Ethernet, PPP or IP as guessed (LINKTYPE_JUNIPER_ATM2).</summary>
    JuniperAtm2 = 135,
    /// <summary>The Juniper header, a services PIC's 12- or 16-byte cookie, then IPv4 (LINKTYPE_JUNIPER_SERVICES).</summary>
    JuniperServices = 136,
    /// <summary>The Juniper header, an ATM1 PIC's 4-byte cookie, then LLC or IP as guessed (LINKTYPE_JUNIPER_ATM1).</summary>
    JuniperAtm1 = 137,
    /// <summary>The Axent Raptor / Symantec Enterprise Firewall header (v2, 44 bytes, or v3, 56) with an EtherType before the packet (LINKTYPE_SYMANTEC_FIREWALL).</summary>
    SymantecFirewall = 99,
    /// <summary>OpenBSD's DLT_ENC number, which old captures carry as their link type; tshark's wiretap reads it as <see cref="Enc"/>.</summary>
    Enc13 = 13,
    /// <summary>NetBSD's DLT_HDLC (Cisco HDLC framing); tshark and tcpdump read it as <see cref="CiscoHdlc"/>.</summary>
    CiscoHdlc112 = 112,
    /// <summary>An Ethernet frame after the last 6 or 7 bytes of its 802.3 clause 65 EPON preamble (LINKTYPE_EPON).</summary>
    Epon = 259,
    /// <summary>A Redback (Ericsson) SmartEdge router's 24-byte header, then what its protocol and offsets name (LINKTYPE_REDBACK_SMARTEDGE).</summary>
    Redback = 32,
    /// <summary>A Juniper (Contrail) vRouter's TLVs, then Ethernet (LINKTYPE_JUNIPER_VN); no "MGC" header.</summary>
    JuniperVn = 184,
    /// <summary>The Juniper header, then a secure tunnel's Ethernet, IPv4 and ESP headers and what ESP carried (LINKTYPE_JUNIPER_ST).</summary>
    JuniperSt = 200,
}
