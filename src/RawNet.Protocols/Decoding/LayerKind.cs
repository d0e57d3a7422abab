namespace RawNet.Protocols.Decoding;

/// <summary>What one decoded layer is. The order of the values is the order layers are shown in when tshark would show them.</summary>
public enum LayerKind : byte
{
    /// <summary>The frame itself: capture metadata (number, time, lengths).</summary>
    Frame,
    /// <summary>A radiotap header (LINKTYPE_IEEE802_11_RADIOTAP): radio information before an 802.11 frame.</summary>
    Radiotap,
    /// <summary>A PPI header (LINKTYPE_PPI): per-packet information before a frame of the link type it names.</summary>
    Ppi,
    /// <summary>A Prism monitor-mode header (LINKTYPE_PRISM_HEADER), 144 bytes.</summary>
    Prism,
    /// <summary>An AVS header (LINKTYPE_IEEE802_11_AVS, or a Prism link type whose frame starts with AVS's magic), shown by tshark as "wlancap".</summary>
    Avs,
    /// <summary>An IEEE 802.11 MAC header (tshark "wlan"); a frame with an FCS spans it.</summary>
    Ieee80211,
    /// <summary>An IEEE 802.5 Token Ring MAC header (LINKTYPE_IEEE802_5) with its routing information when source-routed; tshark "tr".</summary>
    TokenRing,
    /// <summary>An FDDI MAC header (LINKTYPE_FDDI): frame control and both addresses; tshark "fddi".</summary>
    Fddi,
    /// <summary>A Token Ring MAC frame's major vector with its sub-vectors (the whole frame body); tshark "trmac".</summary>
    TokenRingMac,
    /// <summary>An IEEE 802.2 LLC header with its SNAP extension when it has one.</summary>
    Llc,
    Ethernet,
    Vlan,
    /// <summary>An 802.1ad service tag (S-tag, TPID 0x88A8), shown by tshark as "ieee8021ad".</summary>
    ServiceVlan,
    LinuxSll,
    LinuxSll2,
    /// <summary>A Linux NFLOG message (LINKTYPE_NFLOG): its header and every TLV, the payload's included; IP lies inside it.</summary>
    Nflog,
    /// <summary>Apple's PKTAP header (LINKTYPE_PKTAP), before the packet of the link type it names.</summary>
    Pktap,
    /// <summary>A Solaris ipnet header (LINKTYPE_IPNET).</summary>
    Ipnet,
    /// <summary>The IP-over-InfiniBand header with Linux's pseudo-header before it (LINKTYPE_IPOIB), shown by tshark as "ipoib".</summary>
    Ipoib,
    /// <summary>Linux's ARCNET header (LINKTYPE_ARCNET_LINUX): station IDs, offset, protocol ID, and RFC 1201's split flag and sequence; tshark "arcnet".</summary>
    Arcnet,
    /// <summary>
    /// A Juniper capture header (LINKTYPE_JUNIPER_ETHER): magic, flags, extension TLVs, and the payload type when the link
    /// header was stripped; tshark "juniper", which adds a text subtree but never its protocol item.
    /// </summary>
    Juniper,
    /// <summary>Apple's IP-over-IEEE 1394 header (LINKTYPE_APPLE_IP_OVER_IEEE1394): destination and source EUI-64, EtherType; tshark "ap1394".</summary>
    Ap1394,
    /// <summary>Hilscher's netANALYZER header (LINKTYPE_NETANALYZER and _TRANSPARENT): status, port, version, length, record type; tshark "netanalyzer".</summary>
    Netanalyzer,
    /// <summary>RFC 2625's Network_Header (LINKTYPE_IP_OVER_FC): destination and source world wide names, before LLC; tshark "ipfc".</summary>
    Ipfc,
    /// <summary>pf's log header (LINKTYPE_PFLOG) with its padding; tshark "pflog".</summary>
    Pflog,
    /// <summary>OpenBSD's enc(4) header (LINKTYPE_ENC): family, SPI and flags; tshark "enc".</summary>
    Enc,
    /// <summary>An Endace ERF record header (LINKTYPE_ERF) with its extension headers and subheader; tshark "erf".</summary>
    Erf,
    /// <summary>An IEEE 802.3br mPacket (LINKTYPE_ETHERNET_MPACKET): preamble, SMD, mData and CRC; the layer spans the whole frame, the Ethernet frame it carries inside it; tshark "fpp".</summary>
    Fpp,
    /// <summary>A DOCSIS MAC header (LINKTYPE_DOCSIS): frame control, MAC_PARM, LEN, extended header and HCS; tshark "docsis".</summary>
    Docsis,
    /// <summary>The KISS byte a TNC puts before each AX.25 frame (LINKTYPE_AX25_KISS): command and port, and a command's parameter; tshark "ax25_kiss".</summary>
    Ax25Kiss,
    /// <summary>An AX.25 frame's header (LINKTYPE_AX25): callsigns, digipeaters, control field and protocol ID; tshark "ax25".</summary>
    Ax25,
    /// <summary>The text of an AX.25 information frame whose protocol ID says no layer 3 (0xf0); tshark "ax25_nol3".</summary>
    Ax25NoL3,
    /// <summary>An fd.io VPP dispatch trace record's fixed part and node name (LINKTYPE_VPP_DISPATCH); tshark "vpp".</summary>
    Vpp,
    /// <summary>A VPP record's buffer metadata string; tshark "vpp-metadata".</summary>
    VppMetadata,
    /// <summary>A VPP record's buffer opaque string; tshark "vpp-opaque".</summary>
    VppOpaque,
    /// <summary>A VPP record's buffer opaque2 string; tshark "vpp-opaque2".</summary>
    VppOpaque2,
    /// <summary>A VPP record's buffer trace string (string count above 4); tshark "vpp-trace".</summary>
    VppTrace,
    /// <summary>A Wireshark exported PDU's tags (LINKTYPE_WIRESHARK_UPPER_PDU); tshark "exported_pdu".</summary>
    ExportedPdu,
    /// <summary>A GFP frame's core, payload and extension headers (LINKTYPE_GFP_T, LINKTYPE_GFP_F), its payload FCS inside the layer; tshark "gfp".</summary>
    Gfp,
    /// <summary>Elektrobit's High Speed Capture and Replay header (LINKTYPE_EBHSCR), 32 bytes; tshark "ebhscr".</summary>
    Ebhscr,
    /// <summary>An IEEE 802.15.4 MAC header (LINKTYPE_IEEE802_15_4_WITHFCS, _NOFCS) with the frame's FCS; tshark "wpan".</summary>
    Ieee802154,
    /// <summary>6LoWPAN's headers (mesh, broadcast, fragment, IPHC with NHC UDP); the IPv6 header after an IPHC is rebuilt (<see cref="LayerSource.Decompressed"/>); tshark "6lowpan".</summary>
    SixLowpan,
    /// <summary>The non-ASK PHY header before an 802.15.4 frame (LINKTYPE_IEEE802_15_4_NONASK_PHY): preamble, SFD, PHR; tshark "wpan-nonask-phy".</summary>
    Ieee802154NonAskPhy,
    /// <summary>The TAP header and TLVs before an 802.15.4 frame (LINKTYPE_IEEE802_15_4_TAP); tshark "wpan-tap".</summary>
    Ieee802154Tap,
    /// <summary>Excentis' XRA-31 header (LINKTYPE_DOCSIS31_XRA31): version, direction and packet type, TLVs; tshark "xra".</summary>
    Xra,
    /// <summary>A GPRS LLC frame (LINKTYPE_GPRS_LLC): address, control field and, at the end, the FCS; tshark "llcgprs".</summary>
    GprsLlc,
    /// <summary>An SNDCP header inside a GPRS LLC frame on a user-data SAPI; tshark "sndcp".</summary>
    Sndcp,
    /// <summary>An IEEE 802.1AE MACsec security tag (SecTAG), with the EtherType of unmodified secure data; tshark "macsec".</summary>
    Macsec,
    /// <summary>Arista's vendor-specific header (EtherType 0xD28B): subtype, timestamp version and timestamp, the original EtherType; tshark "avsp".</summary>
    Arista,
    /// <summary>BSD null / OpenBSD loop 4-byte family header.</summary>
    Null,
    PppoeSession,
    /// <summary>A PPP header (RFC 1661): on PPP link types with HDLC-like framing, or the protocol field inside PPPoE.</summary>
    Ppp,
    /// <summary>A Cisco HDLC header (LINKTYPE_C_HDLC, or a PPP link type whose first byte is 0x0f or 0x8f).</summary>
    CiscoHdlc,
    /// <summary>A Frame Relay header (LINKTYPE_FRELAY): Q.922 address, control field, pad, NLPID and SNAP; tshark "fr".</summary>
    FrameRelay,
    /// <summary>Cisco SLARP, carried by Cisco HDLC: the layer's header is the fields its type has.</summary>
    Slarp,
    /// <summary>PPP's Link Control Protocol (RFC 1661), PPP protocol 0xc021; tshark "lcp".</summary>
    Lcp,
    /// <summary>PPP's IP Control Protocol (RFC 1332), 0x8021; tshark "ipcp".</summary>
    Ipcp,
    /// <summary>PPP's IPv6 Control Protocol (RFC 5072), 0x8057; tshark "ipv6cp".</summary>
    Ipv6cp,
    /// <summary>PPP's Password Authentication Protocol (RFC 1334), 0xc023; tshark "pap".</summary>
    Pap,
    /// <summary>PPP's Challenge Handshake Authentication Protocol (RFC 1994), 0xc223; tshark "chap".</summary>
    Chap,
    /// <summary>One MPLS label stack entry (RFC 3032): a stack is one layer per label.</summary>
    Mpls,
    /// <summary>A Network Service Header (RFC 8300), with its context headers; tshark "nsh".</summary>
    Nsh,
    Arp,
    Ipv4,
    Ipv6,
    Ipv6HopByHop,
    Ipv6Routing,
    Ipv6Fragment,
    Ipv6DestinationOptions,
    Ipv6AuthenticationHeader,
    /// <summary>Generic Routing Encapsulation (RFC 2784, RFC 2890).</summary>
    Gre,
    /// <summary>ERSPAN (mirrored Ethernet in GRE); type I has no header of its own.</summary>
    Erspan,
    Tcp,
    Udp,
    Icmp,
    Icmpv6,
    /// <summary>IGMP (IP protocol 2): versions 1 to 3 and types no dissector claims; other types stay data.</summary>
    Igmp,
    /// <summary>Cisco's RGMP (RFC 3488), which tshark's IGMP hands types 0xfc to 0xff sent to 224.0.0.25.</summary>
    Rgmp,
    /// <summary>OSPF (IP protocol 89), versions 2 and 3: the common header, hello, database description, LS requests, updates and acknowledgements.</summary>
    Ospf,
    /// <summary>VXLAN (RFC 7348) on UDP port 4789: an Ethernet frame follows.</summary>
    Vxlan,
    /// <summary>
    /// VXLAN-GPE on UDP port 4790: the VXLAN header with a next protocol (IPv4, IPv6, Ethernet, NSH, MPLS) that says what
    /// follows; tshark shows it under "vxlan" but leaves it out of frame.protocols.
    /// </summary>
    VxlanGpe,
    /// <summary>Geneve (RFC 8926) on UDP port 6081, its options included: what its protocol type names follows.</summary>
    Geneve,
    /// <summary>The CAPWAP data channel (RFC 5415/5416) on UDP port 5247, a keep-alive's elements included: an 802.11 or 802.3 frame follows; tshark "capwap.data".</summary>
    CapwapData,
    /// <summary>Cisco's LWAPP on UDP ports 12222 and 12223, a control message's header included: an 802.11 frame or control data follows; tshark "lwapp".</summary>
    Lwapp,
    /// <summary>
    /// Cisco's LWAPP over layer 3 on UDP port 12220 (tshark "lwapp-l3", left out of frame.protocols): no header of its own,
    /// an 802.3 frame follows.
    /// </summary>
    LwappL3,
    /// <summary>
    /// The CAPWAP control channel (RFC 5415) on UDP port 5246: preamble, header, control header and message elements (a
    /// fragment tshark cannot reassemble alone is data after the header); tshark "capwap".
    /// </summary>
    CapwapControl,
    /// <summary>GTPv1-U (3GPP TS 29.281) on UDP port 2152, its extension headers included: a T-PDU carries IPv4 or IPv6.</summary>
    Gtp,
    /// <summary>The LISP data plane's header (RFC 9300) on UDP port 4341: IPv4 or IPv6 follows.</summary>
    LispData,
    /// <summary>Automatic Multicast Tunneling (RFC 7450) on UDP port 2268: its messages, an IP packet in three of them.</summary>
    Amt,
    /// <summary>TZSP (TaZmen Sniffer Protocol) on UDP port 37008, its tags included: the frame a remote sniffer captured follows.</summary>
    Tzsp,
    /// <summary>An sFlow datagram (v2, v4, v5) on UDP port 6343: its header; the samples it spans, the sampled headers decoded quoted after it.</summary>
    Sflow,
    /// <summary>Teredo (RFC 4380) on UDP port 3544: optional indicators, then IPv6.</summary>
    Teredo,
    /// <summary>
    /// An L2TPv2 message (RFC 2661) on UDP port 1701; tshark "l2tp". A data message's layer is its header (a PPP frame
    /// follows); a control message's spans its AVPs up to its length.
    /// </summary>
    L2tp,
    /// <summary>
    /// An L2TPv3 message (RFC 3931) over IP (protocol 115) or on UDP port 1701; tshark "l2tp". A data message's layer is
    /// its session header (the payload follows as data, as tshark shows it without the session's set-up); a control
    /// message's spans its AVPs up to its length.
    /// </summary>
    L2tpv3,
    /// <summary>
    /// A spanning tree BPDU (802.1D configuration and topology change, RSTP, MSTP) on LLC SAP 0x42 or behind SNAP's OUI
    /// 00-80-C2 as PID 0x000E; tshark "stp". The layer is what tshark reads of it.
    /// </summary>
    Stp,
    /// <summary>
    /// A GVRP PDU (GARP's VLAN registration): a GARP PDU on LLC SAP 0x42 to 01-80-C2-00-00-21 or 01-80-C2-00-00-0D, which
    /// tshark's BPDU dissector hands to "gvrp". The layer is what tshark reads of it; data it hands on follows.
    /// </summary>
    Gvrp,
    /// <summary>A GMRP PDU (GARP's multicast registration) to 01-80-C2-00-00-20; tshark "gmrp". As <see cref="Gvrp"/>.</summary>
    Gmrp,
    /// <summary>A DNS message (RFC 1035) on UDP port 53, or mDNS (RFC 6762) on 5353; the layer's header is the whole message captured.</summary>
    Dns,
    /// <summary>A DHCP or BOOTP message (RFC 2131, RFC 951) on UDP port 67 or 68; the layer's header is the whole message captured.</summary>
    Dhcp,
    /// <summary>An NTP message (RFC 5905) on UDP port 123, with its control and private modes; the layer's header is the whole message captured.</summary>
    Ntp,
    /// <summary>A SIP message (RFC 3261) on UDP or TCP port 5060, with its body (SDP, MIME parts); the layer's header is the whole message captured.</summary>
    Sip,
    /// <summary>A NetBIOS Name Service message (RFC 1002) on UDP port 137; the layer's header is the whole message captured.</summary>
    Nbns,
    /// <summary>An SNMP message (RFC 3416, v1, v2c and v3) on UDP port 161 or 162; the layer's header is the message captured up to its outer sequence's end.</summary>
    Snmp,
    /// <summary>
    /// HTTP/1.x messages on a TCP port tshark gives HTTP (<see cref="Http.HttpPorts"/>): every message a segment holds
    /// whole, from the payload's start; or, in the bytes the conversation tracker put together from several segments
    /// (<see cref="LayerSource.Stream"/>), the messages the last of them completed.
    /// </summary>
    Http,
    /// <summary>Sun's ATM header (link type 123); tshark "atm", showing the pseudo-header wiretap built from it.</summary>
    Atm,
    /// <summary>A LANE PDU's header behind ATM: an LE client's 2-byte LECID before Ethernet, or an LE Control frame; tshark "lane".</summary>
    AtmLane,
    /// <summary>Bytes after the last decoded header (application data or an undecoded protocol).</summary>
    Payload,
    /// <summary>
    /// TLS records on a TCP port tshark gives TLS (<see cref="Tls.TlsPorts"/>): the whole records one call of tshark's TLS
    /// reads, from the segment or from the bytes the conversation tracker put together (<see cref="LayerSource.Stream"/>).
    /// </summary>
    Tls,
    /// <summary>A Wake-on-LAN magic packet (EtherType 0x0842, or a UDP payload tshark's heuristic claims); tshark "wol".</summary>
    Wol,
    /// <summary>An LLDPDU (IEEE 802.1AB, EtherType 0x88cc); tshark "lldp". The layer is the PDU up to where tshark's lldp ends it.</summary>
    Lldp,
    /// <summary>A Cisco Discovery Protocol PDU (SNAP OUI 00-00-0C, PID 0x2000); tshark "cdp". The layer is the PDU up to where tshark's data dissector takes the rest.</summary>
    Cdp,
    /// <summary>A Dynamic Trunking Protocol PDU (SNAP OUI 00-00-0C, PID 0x2004); tshark "dtp". The layer is the PDU.</summary>
    Dtp,
    /// <summary>A UniDirectional Link Detection PDU (SNAP OUI 00-00-0C, PID 0x0111); tshark "udld". The layer is the PDU up to where tshark's data dissector takes the rest.</summary>
    Udld,
    /// <summary>A VLAN Trunking Protocol PDU (SNAP OUI 00-00-0C, PID 0x2003); tshark "vtp". The layer is the PDU.</summary>
    Vtp,
    /// <summary>Echo (RFC 862) data on UDP or TCP port 7; tshark "echo". The layer is the payload's captured bytes.</summary>
    Echo,
    /// <summary>A WireGuard message tshark's UDP heuristic takes (wg); the layer is what was captured of it.</summary>
    WireGuard,
    /// <summary>
    /// A QUIC datagram (RFC 9000) tshark's UDP heuristic takes (quic): one layer over the whole UDP payload, its
    /// coalesced packets walked by <see cref="Quic.QuicWalk"/>.
    /// </summary>
    Quic,
    /// <summary>The Symantec firewall header (LINKTYPE_SYMANTEC_FIREWALL); tshark "symantec". The layer is the 44- or 56-byte header.</summary>
    Symantec,
    /// <summary>The EPON preamble (LINKTYPE_EPON); tshark "epon". The layer starts at the SLD: 6 bytes, Ethernet after them.</summary>
    Epon,
    /// <summary>A Redback SmartEdge header (LINKTYPE_REDBACK_SMARTEDGE); tshark "redback". The layer is the 24-byte header, its padding and unknown word.</summary>
    Redback,
}
