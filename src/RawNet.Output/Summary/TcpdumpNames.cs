namespace RawNet.Output.Summary;

/// <summary>The words tcpdump 4.99 uses for numbers it names (its tok tables), in one place for the summary printer.</summary>
internal static class TcpdumpNames
{
    /// <summary>The name in " [|ether]" when a link header was cut short.</summary>
    public static string LinkProtocol(RawNet.Protocols.Decoding.LayerKind kind) => kind switch
    {
        RawNet.Protocols.Decoding.LayerKind.Ethernet => "ether",
        RawNet.Protocols.Decoding.LayerKind.Vlan or RawNet.Protocols.Decoding.LayerKind.ServiceVlan => "vlan",
        RawNet.Protocols.Decoding.LayerKind.Null => "null",
        RawNet.Protocols.Decoding.LayerKind.LinuxSll => "sll",
        RawNet.Protocols.Decoding.LayerKind.LinuxSll2 => "sll2",
        RawNet.Protocols.Decoding.LayerKind.Radiotap => "802.11_radio",
        RawNet.Protocols.Decoding.LayerKind.Ieee80211 => "802.11",
        RawNet.Protocols.Decoding.LayerKind.Ppi => "ppi",
        RawNet.Protocols.Decoding.LayerKind.Prism => "prism",
        RawNet.Protocols.Decoding.LayerKind.Avs => "802.11_radio_avs",
        RawNet.Protocols.Decoding.LayerKind.Ipoib => "ipoib",
        RawNet.Protocols.Decoding.LayerKind.Ap1394 => "ap1394",
        RawNet.Protocols.Decoding.LayerKind.Ipfc => "ipfc",
        _ => "pppoe",
    };

    /// <summary>print-pflog.c's pf_reasons without the number tcpdump writes before each ("match" for "0(match)"), or "".</summary>
    public static string PflogReason(byte reason) => reason switch
    {
        0 => "match",
        1 => "bad-offset",
        2 => "fragment",
        3 => "short",
        4 => "normalize",
        5 => "memory",
        6 => "bad-timestamp",
        7 => "congestion",
        8 => "ip-option",
        9 => "proto-cksum",
        10 => "state-mismatch",
        11 => "state-insert",
        12 => "state-limit",
        13 => "src-limit",
        14 => "synproxy",
        _ => "",
    };

    /// <summary>print-pflog.c's pf_actions (PF_NOSCRUB, 3, has no name), or "".</summary>
    public static string PflogAction(byte action) => action switch
    {
        0 => "pass",
        1 => "block",
        2 => "scrub",
        4 or 5 => "nat",
        6 or 7 => "binat",
        8 or 9 => "rdr",
        10 => "synproxy-drop",
        _ => "",
    };

    /// <summary>print-pflog.c's pf_directions, or "".</summary>
    public static string PflogDirection(byte direction) => direction switch
    {
        0 => "in/out",
        1 => "in",
        2 => "out",
        _ => "",
    };

    /// <summary>st_str: an 802.11 management frame's subtype as tcpdump heads its body, or null for one it does not handle.</summary>
    public static string? Ieee80211Management(int subtype) => subtype switch
    {
        0 => "Assoc Request",
        1 => "Assoc Response",
        2 => "ReAssoc Request",
        3 => "ReAssoc Response",
        4 => "Probe Request",
        5 => "Probe Response",
        8 => "Beacon",
        9 => "ATIM",
        10 => "Disassociation",
        11 => "Authentication",
        12 => "DeAuthentication",
        13 => "Action",
        _ => null,
    };

    /// <summary>ipproto_values: the protocol's name in "proto TCP (6)" and "next-header UDP (17)", or "unknown".</summary>
    public static string IpProtocol(byte protocol) => protocol switch
    {
        0 => "Options",
        1 => "ICMP",
        2 => "IGMP",
        4 => "IPIP",
        6 => "TCP",
        8 => "EGP",
        9 => "IGRP",
        17 => "UDP",
        33 => "DCCP",
        41 => "IPv6",
        43 => "Routing",
        44 => "Fragment",
        46 => "RSVP",
        47 => "GRE",
        50 => "ESP",
        51 => "AH",
        55 => "Mobile IP",
        58 => "ICMPv6",
        62 => "Mobile IP (old)",
        88 => "EIGRP",
        89 => "OSPF",
        103 => "PIM",
        108 => "Compressed IP",
        112 => "VRRP",
        113 => "PGM",
        132 => "SCTP",
        135 => "Mobility",
        240 => "pfsync",
        _ => "unknown",
    };

    /// <summary>ip_option_values, or "unknown " (the number follows) with <paramref name="named"/> false.</summary>
    public static string Ipv4Option(byte code, out bool named)
    {
        named = true;
        switch (code)
        {
            case 0: return "EOL";
            case 1: return "NOP";
            case 68: return "timestamp";
            case 130: return "security";
            case 7: return "RR";
            case 137: return "SSRR";
            case 131: return "LSRR";
            case 148: return "RA";
            case 82: return "traceroute";
            default:
                named = false;
                return "unknown ";
        }
    }

    /// <summary>tcp_option_values, or "unknown-" (the number follows) with <paramref name="named"/> false.</summary>
    public static string TcpOption(byte kind, out bool named)
    {
        named = true;
        switch (kind)
        {
            case 0: return "eol";
            case 1: return "nop";
            case 2: return "mss";
            case 3: return "wscale";
            case 4: return "sackOK";
            case 5: return "sack";
            case 6: return "echo";
            case 7: return "echoreply";
            case 8: return "TS";
            case 11: return "cc";
            case 12: return "ccnew";
            case 13: return "";
            case 19: return "md5";
            case 20: return "scps";
            case 28: return "uto";
            case 29: return "tcp-ao";
            case 30: return "mptcp";
            case 34: return "tfo";
            case 254: return "exp";
            default:
                named = false;
                return "unknown-";
        }
    }

    /// <summary>nlpid_values (nlpid.c): tcpdump's names of the NLPIDs, "unknown" for the rest.</summary>
    public static string Nlpid(byte nlpid) => nlpid switch
    {
        0x00 => "NULL",
        0x08 => "Q.933",
        0x09 => "LMI",
        0x80 => "SNAP",
        0x81 => "CLNP",
        0x82 => "ES-IS",
        0x83 => "IS-IS",
        0x84 => "CONS",
        0x85 => "IDRP",
        0x8A => "X25 ES-IS",
        0x8E => "IPv6",
        0xB1 => "FRF.15",
        0xC1 => "ISIS_SPB",
        0xCC => "IPv4",
        0xCF => "PPP",
        _ => "unknown",
    };

    /// <summary>ethertype_values (tcpdump 4.99's names, first match where two share a number), or "".</summary>
    public static string EtherType(ushort type) => type switch
    {
        0x0800 => "IPv4",
        0x8847 => "MPLS unicast",
        0x8848 => "MPLS multicast",
        0x86DD => "IPv6",
        0x8100 => "802.1Q",
        0x9100 => "802.1Q-9100",
        0x88A8 => "802.1Q-QinQ",
        0x9200 => "802.1Q-9200",
        0x88E5 => "802.1AE MACsec",
        0x0200 => "PUP",
        0x0806 => "ARP",
        0x8035 => "Reverse ARP",
        0x0600 => "NS",
        0x0500 => "Sprite",
        0x1000 => "Trail",
        0x6001 => "MOP DL",
        0x6002 => "MOP RC",
        0x6003 => "DN",
        0x6004 => "LAT",
        0x6007 => "SCA",
        0x6558 => "TEB",
        0x8038 => "Lanbridge",
        0x803C => "DEC DNS",
        0x803E => "DEC DTS",
        0x805B => "VEXP",
        0x805C => "VPROD",
        0x809B => "Appletalk",
        0x80F3 => "Appletalk ARP",
        0x8137 => "IPX",
        0x880B => "PPP",
        0x8808 => "MPCP",
        0x8809 => "Slow Protocols",
        0x8863 => "PPPoE D",
        0x8864 => "PPPoE S",
        0x888E => "EAPOL",
        0x8899 => "Realtek protocols",
        0x886F => "MS NLB heartbeat",
        0x8870 => "Jumbo",
        0x894F => "NSH",
        0x9000 => "Loopback",
        0xFEFE => "OSI",
        0x00FE => "GRE-OSI",
        0xABCD => "CFM (old)",
        0x8902 => "CFM",
        0x893A => "IEEE1905.1",
        0x88CC => "LLDP",
        0x88CA => "TIPC",
        0x0707 => "GeoNet (old)",
        0x8947 => "GeoNet",
        0x1111 => "CALM FAST",
        0x88A2 => "AoE",
        0x88F7 => "PTP",
        0xD28B => "Arista Vendor Specific Protocol",
        _ => "",
    };

    /// <summary>oui_values: the organisations tcpdump 4.99 names in a SNAP header, or "".</summary>
    public static string SnapOui(uint oui) => oui switch
    {
        0x000000 => "Ethernet",
        0x00000C => "Cisco",
        0x00005E => "IANA",
        0x000081 => "Nortel Networks SONMP",
        0x0000F8 => "Cisco bridged",
        0x0080C2 => "Ethernet bridged",
        0x00A03E => "ATM Forum",
        0x00E02F => "DOCSIS Spanning Tree",
        0x080007 => "Appletalk",
        0x009069 => "Juniper",
        0x080009 => "Hewlett-Packard",
        0x00120F => "IEEE 802.3 Private",
        0x0012BB => "ANSI/TIA",
        0x001B21 => "DCBX",
        0x002320 => "Nicira Networks",
        0x5C16C7 => "Big Switch Networks",
        0xB0D2F5 => "Vello Systems",
        0x002481 => "HP",
        0x0004EA => "HP-Labs",
        0x748771 => "Infoblox Inc",
        0xA42305 => "Open Networking Lab",
        0x00049F => "Freescale",
        0x0015AD => "Netronome",
        0x001018 => "Broadcom",
        0x00E004 => "PMC-Sierra",
        0xD0F0DB => "Ericsson",
        _ => "",
    };

    /// <summary>
    /// A SNAP protocol ID's name in the table snap_print picks by OUI (EtherTypes for RFC 1042, 802.1H and Apple,
    /// cisco_values, bridged_values for RFC 2684), or "".
    /// </summary>
    public static string SnapPid(uint oui, ushort pid) => oui switch
    {
        0x000000 or 0x0000F8 or 0x080007 => EtherType(pid),
        0x00000C => pid switch
        {
            0x2000 => "CDP",
            0x2003 => "VTP",
            0x2004 => "DTP",
            0x0111 => "UDLD",
            0x010B => "PVST",
            0x010C => "VLAN Bridge",
            _ => "",
        },
        0x0080C2 => pid switch
        {
            0x0001 => "Ethernet + FCS",
            0x0007 => "Ethernet w/o FCS",
            0x0002 => "802.4 + FCS",
            0x0008 => "802.4 w/o FCS",
            0x0003 => "Token Ring + FCS",
            0x0009 => "Token Ring w/o FCS",
            0x0004 => "FDDI + FCS",
            0x000A => "FDDI w/o FCS",
            0x0005 => "802.6 + FCS",
            0x000B => "802.6 w/o FCS",
            0x000E => "BPDU",
            _ => "",
        },
        _ => "",
    };

    /// <summary>The name <see cref="SnapPrinter"/> gives STP's printer (stp_print), which RawNet has.</summary>
    public const string StpPrinter = "STP";

    /// <summary>
    /// The printer snap_print hands a Cisco or RFC 2684 protocol ID to, by the name it starts its line with (CDP, VTP,
    /// DTP, UDLD; STP for PVST, Cisco's VLAN bridge and bridged BPDUs), or null. Bridged Ethernet, Token Ring and FDDI
    /// frames (0x0080c2's PIDs 1, 7, 3, 9, 4, 10) are printed as frames before this is asked (AppendBridgedFrame).
    /// </summary>
    public static string? SnapPrinter(uint oui, ushort pid) => oui switch
    {
        0x00000C => pid switch
        {
            0x2000 => "CDP",
            0x2003 => "VTP",
            0x2004 => "DTP",
            0x0111 => "UDLD",
            0x010B or 0x010C => StpPrinter,
            _ => null,
        },
        0x0080C2 when pid == 0x000E => StpPrinter,
        _ => null,
    };

    /// <summary>arpop_values, or "" for an operation it does not name.</summary>
    public static string ArpOperation(ushort operation) => operation switch
    {
        1 => "Request",
        2 => "Reply",
        3 => "Reverse Request",
        4 => "Reverse Reply",
        8 => "Inverse Request",
        9 => "Inverse Reply",
        10 => "NACK Reply",
        _ => "",
    };

    /// <summary>The direction word tcpdump prints for a Linux cooked v2 frame ("?" for other values).</summary>
    public static string CookedPacketType(byte type) => type switch
    {
        0 => "In",
        1 => "B",
        2 => "M",
        3 => "P",
        4 => "Out",
        _ => "?",
    };

    /// <summary>The ICMP types tcpdump names without detail, or "" for one it prints as "type-#N".</summary>
    public static string IcmpType(byte type) => type switch
    {
        9 => "router advertisement",
        15 => "information request",
        16 => "information reply",
        17 => "address mask request",
        18 => "address mask reply",
        _ => "",
    };

    /// <summary>
    /// unreach2str: what follows the quoted destination for a code printed from tcpdump's table ("" for an unlisted
    /// code), with <paramref name="before"/> the word that goes before it ("net ", "host " or "").
    /// </summary>
    public static string Unreachable(byte code, out string before)
    {
        before = code switch { 0 or 6 or 9 or 11 => "net ", 1 or 7 or 10 or 12 or 13 or 14 or 15 => "host ", _ => "" };
        return code switch
        {
            0 or 1 => " unreachable",
            5 => " unreachable - source route failed",
            6 or 7 => " unreachable - unknown",
            8 => " unreachable - source host isolated",
            9 or 10 => " unreachable - admin prohibited",
            11 or 12 => " unreachable - tos prohibited",
            13 => " unreachable - admin prohibited filter",
            14 => " unreachable - host precedence violation",
            15 => " unreachable - precedence cutoff",
            _ => "",
        };
    }

    /// <summary>icmp6_type_values, or "" for an unknown type.</summary>
    public static string Icmpv6Type(byte type) => type switch
    {
        1 => "destination unreachable",
        2 => "packet too big",
        3 => "time exceeded in-transit",
        4 => "parameter problem",
        128 => "echo request",
        129 => "echo reply",
        130 => "multicast listener query",
        131 => "multicast listener report",
        132 => "multicast listener done",
        133 => "router solicitation",
        134 => "router advertisement",
        135 => "neighbor solicitation",
        136 => "neighbor advertisement",
        137 => "redirect",
        138 => "router renumbering",
        139 => "who-are-you request",
        140 => "who-are-you reply",
        141 => "inverse neighbor solicitation",
        142 => "inverse neighbor advertisement",
        143 => "multicast listener report v2",
        144 => "ha discovery request",
        145 => "ha discovery reply",
        146 => "mobile router solicitation",
        147 => "mobile router advertisement",
        _ => "",
    };

    /// <summary>icmp6_dst_unreach_code_values, or "" for an unknown code.</summary>
    public static string Icmpv6Unreachable(byte code) => code switch
    {
        0 => "unreachable route",
        1 => " unreachable prohibited",
        2 => "beyond scope",
        3 => "unreachable address",
        4 => "unreachable port",
        _ => "",
    };

    /// <summary>icmp6_opt_values, or "" for an unknown option.</summary>
    public static string NeighborDiscoveryOption(byte type) => type switch
    {
        1 => "source link-address",
        2 => "destination link-address",
        3 => "prefix info",
        4 => "redirected header",
        5 => "mtu",
        7 => "advertisement interval",
        8 => "homeagent information",
        24 => "route info",
        25 => "rdnss",
        31 => "dnssl",
        _ => "",
    };

    /// <summary>llc_values: an LLC SAP's name (its low bit cleared), or "" for one tcpdump does not name.</summary>
    public static string LlcSap(int sap) => sap switch
    {
        0x00 => "Null",
        0x02 => "802.1B I",
        0x04 => "SNA",
        0x06 => "IP",
        0x0E => "ProWay NM",
        0x42 => "STP",
        0x4E => "RS511",
        0x7E => "ISO8208",
        0x8E => "ProWay",
        0xAA => "SNAP",
        0xE0 => "IPX",
        0xF0 => "NetBeui",
        0xFE => "OSI",
        _ => "",
    };

    /// <summary>llc_cmd_values: an unnumbered frame's command (the poll bit cleared), or "" for one tcpdump prints in hex.</summary>
    public static string LlcCommand(int command) => command switch
    {
        0x03 => "ui",
        0xE3 => "test",
        0xAF => "xid",
        0x63 => "ua",
        0x43 => "disc",
        0x0F => "dm",
        0x6F => "sabme",
        0x87 => "frmr",
        _ => "",
    };

    /// <summary>llc_flag_values: the SSAP's response bit with the poll bit of an unnumbered (0x10) or numbered (0x100) frame.</summary>
    public static string LlcFlags(int flags) => flags switch
    {
        0 => "Command",
        1 => "Response",
        0x10 or 0x100 => "Poll",
        0x11 or 0x101 => "Final",
        _ => "?",
    };

    /// <summary>llc_supervisory_values: a supervisory frame's function.</summary>
    public static string LlcSupervisory(int function) => function switch
    {
        0 => "Receiver Ready",
        1 => "Receiver not Ready",
        2 => "Reject",
        _ => "?",
    };

    /// <summary>mpls_labelname: the reserved labels' names (-v), or "" above 15.</summary>
    public static string MplsReservedLabel(uint label) => label switch
    {
        0 => "IPv4 explicit NULL",
        1 => "router alert",
        2 => "IPv6 explicit NULL",
        3 => "implicit NULL",
        <= 15 => "rsvd",
        _ => "",
    };

    /// <summary>PPP_VJNC: Van Jacobson uncompressed TCP/IP, which tcpdump prints as IP.</summary>
    public const ushort PppVjUncompressed = 0x002F;

    /// <summary>PPP_COMP: compressed datagrams ("compressed PPP data").</summary>
    public const ushort PppCompressed = 0x00FD;

    /// <summary>ppptype2str: a PPP protocol's name, or "" for one it does not name.</summary>
    public static string PppProtocol(ushort protocol) => protocol switch
    {
        0x0021 => "IP",
        0x0023 => "OSI",
        0x0025 => "NS",
        0x0027 => "DECNET",
        0x0029 => "APPLE",
        0x002B => "IPX",
        0x002D => "VJC IP",
        0x002F => "VJNC IP",
        0x0031 => "BRPDU",
        0x0033 => "STII",
        0x0035 => "VINES",
        0x0281 or 0x0283 => "MPLS",
        0x00FD => "Compressed",
        0x003D => "MLPPP",
        0x0057 => "IP6",
        0x0201 => "HELLO",
        0x0231 => "LUXCOM",
        0x0233 => "SNS",
        0x8021 => "IPCP",
        0x8023 => "OSICP",
        0x8025 => "NSCP",
        0x8027 => "DECNETCP",
        0x8029 => "APPLECP",
        0x802B => "IPXCP",
        0x8033 => "STIICP",
        0x8035 => "VINESCP",
        0x8057 => "IP6CP",
        0x8281 => "MPLSCP",
        0xC021 => "LCP",
        0xC023 => "PAP",
        0xC025 => "LQM",
        0xC223 => "CHAP",
        0xC227 => "EAP",
        0xC027 => "SPAP",
        0xC123 => "Old-SPAP",
        0xC02B => "BACP",
        0xC02D => "BAP",
        0xC03D => "MLPPP-CP",
        0x80FD => "CCP",
        _ => "",
    };

    /// <summary>The PPP control protocols tcpdump prints with handle_ctrl_proto (LCP, IPCP, OSICP, MPLSCP, IP6CP, CCP, BACP).</summary>
    public static bool IsPppControlProtocol(ushort protocol) => protocol is 0xC021 or 0x8021 or 0x8023 or 0x8281 or 0x8057 or 0x80FD or 0xC02B;

    /// <summary>cpcodes: a control protocol packet's code (RFC 1661 5), or "".</summary>
    public static string PppControlCode(byte code) => code switch
    {
        0 => "Vendor-Extension",
        1 => "Conf-Request",
        2 => "Conf-Ack",
        3 => "Conf-Nack",
        4 => "Conf-Reject",
        5 => "Term-Request",
        6 => "Term-Ack",
        7 => "Code-Reject",
        8 => "Prot-Reject",
        9 => "Echo-Request",
        10 => "Echo-Reply",
        11 => "Disc-Req",
        12 => "Ident",
        13 => "Time-Rem",
        14 => "Reset-Req",
        15 => "Reset-Ack",
        _ => "",
    };

    /// <summary>papcode_values: a PAP code's name, or "".</summary>
    public static string PapCode(byte code) => code switch
    {
        1 => "Auth-Req",
        2 => "Auth-ACK",
        3 => "Auth-NACK",
        _ => "",
    };

    /// <summary>chapcode_values: a CHAP code's name, or "".</summary>
    public static string ChapCode(byte code) => code switch
    {
        1 => "Challenge",
        2 => "Response",
        3 => "Success",
        4 => "Fail",
        _ => "",
    };

    /// <summary>lcpconfopts: an LCP option's name, or null past the table (type 31 on), which tcpdump calls an unknown option.</summary>
    public static string? LcpOption(byte type) => type < LcpOptions.Length ? LcpOptions[type] : null;

    private static readonly string[] LcpOptions =
    [
        "Vend-Ext", "MRU", "ACCM", "Auth-Prot", "Qual-Prot", "Magic-Num", "deprecated(6)", "PFC", "ACFC", "FCS-Alt", "SDP",
        "Num-Mode", "deprecated(12)", "Call-Back", "deprecated(14)", "deprecated(15)", "deprecated(16)", "MRRU", "12-Bit seq #",
        "End-Disc", "Proprietary", "DCE-Id", "MP+", "Link-Disc", "LCP-Auth-Opt", "COBS", "Prefix-elision",
        "Multilink-header-Form", "I18N", "SDL-over-SONET/SDH", "PPP-Muxing",
    ];

    /// <summary>ipcpopt_values: an IPCP option's name, or "".</summary>
    public static string IpcpOption(byte type) => type switch
    {
        1 => "IP-Addrs",
        2 => "IP-Comp",
        3 => "IP-Addr",
        4 => "Home-Addr",
        129 => "Pri-DNS",
        130 => "Pri-NBNS",
        131 => "Sec-DNS",
        132 => "Sec-NBNS",
        _ => "",
    };

    /// <summary>authalg_values: a CHAP algorithm of LCP's authentication option, or "".</summary>
    public static string AuthenticationAlgorithm(byte algorithm) => algorithm switch
    {
        5 => "MD5",
        128 => "MS-CHAPv1",
        129 => "MS-CHAPv2",
        _ => "",
    };

    /// <summary>ppp_callback_values: an LCP callback operation, or "".</summary>
    public static string CallbackOperation(byte operation) => operation switch
    {
        0 => "UserAuth",
        1 => "DialString",
        2 => "LocalID",
        3 => "E.164",
        4 => "X.500",
        6 => "CBCP",
        _ => "",
    };

    /// <summary>oui_values: the organisations tcpdump names, or "".</summary>
    public static string Oui(uint oui) => oui switch
    {
        0x000000 => "Ethernet",
        0x00000c => "Cisco",
        0x00005e => "IANA",
        0x000081 => "Nortel Networks SONMP",
        0x0000f8 => "Cisco bridged",
        0x0080c2 => "Ethernet bridged",
        0x00a03e => "ATM Forum",
        0x00e02f => "DOCSIS Spanning Tree",
        0x080007 => "Appletalk",
        0x009069 => "Juniper",
        0x080009 => "Hewlett-Packard",
        0x00120f => "IEEE 802.3 Private",
        0x0012bb => "ANSI/TIA",
        0x001b21 => "DCBX",
        0x002320 => "Nicira Networks",
        0x5c16c7 => "Big Switch Networks",
        0xb0d2f5 => "Vello Systems",
        0x002481 => "HP",
        0x0004ea => "HP-Labs",
        0x748771 => "Infoblox Inc",
        0xa42305 => "Open Networking Lab",
        0x00049f => "Freescale",
        0x0015ad => "Netronome",
        0x001018 => "Broadcom",
        0x00e004 => "PMC-Sierra",
        0xd0f0db => "Ericsson",
        _ => "",
    };

    /// <summary>print-l2tp.c's l2tp_avp2str: the names of the IETF attribute types it knows; null for the others ("AVP-#N").</summary>
    public static string? L2tpAttribute(ushort type) => type switch
    {
        0 => "MSGTYPE",
        1 => "RESULT_CODE",
        2 => "PROTO_VER",
        3 => "FRAMING_CAP",
        4 => "BEARER_CAP",
        5 => "TIE_BREAKER",
        6 => "FIRM_VER",
        7 => "HOST_NAME",
        8 => "VENDOR_NAME",
        9 => "ASSND_TUN_ID",
        10 => "RECV_WIN_SIZE",
        11 => "CHALLENGE",
        12 => "Q931_CC",
        13 => "CHALLENGE_RESP",
        14 => "ASSND_SESS_ID",
        15 => "CALL_SER_NUM",
        16 => "MINIMUM_BPS",
        17 => "MAXIMUM_BPS",
        18 => "BEARER_TYPE",
        19 => "FRAMING_TYPE",
        20 => "PACKET_PROC_DELAY",
        21 => "CALLED_NUMBER",
        22 => "CALLING_NUMBER",
        23 => "SUB_ADDRESS",
        24 => "TX_CONN_SPEED",
        25 => "PHY_CHANNEL_ID",
        26 => "INI_RECV_LCP",
        27 => "LAST_SENT_LCP",
        28 => "LAST_RECV_LCP",
        29 => "PROXY_AUTH_TYPE",
        30 => "PROXY_AUTH_NAME",
        31 => "PROXY_AUTH_CHAL",
        32 => "PROXY_AUTH_ID",
        33 => "PROXY_AUTH_RESP",
        34 => "CALL_ERRORS",
        35 => "ACCM",
        36 => "RANDOM_VECTOR",
        37 => "PRIVATE_GRP_ID",
        38 => "RX_CONN_SPEED",
        39 => "SEQ_REQUIRED",
        46 => "PPP_DISCON_CC",
        _ => null,
    };

    /// <summary>print-l2tp.c's l2tp_msgtype2str; null for the types it does not name ("MSGTYPE-#N").</summary>
    public static string? L2tpMessageType(ushort type) => type switch
    {
        1 => "SCCRQ",
        2 => "SCCRP",
        3 => "SCCCN",
        4 => "StopCCN",
        6 => "HELLO",
        7 => "OCRQ",
        8 => "OCRP",
        9 => "OCCN",
        10 => "ICRQ",
        11 => "ICRP",
        12 => "ICCN",
        14 => "CDN",
        15 => "WEN",
        16 => "SLI",
        _ => null,
    };
}
