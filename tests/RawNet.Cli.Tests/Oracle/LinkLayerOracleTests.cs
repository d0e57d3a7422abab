using System.Text.RegularExpressions;
using RawNet.Files;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// The point-to-point link layers against their oracles: every field of <c>rawnet read -T fields</c> as <c>tshark -T
/// fields</c> (4.0, default preferences) prints it, and every summary line as <c>tcpdump -n -r</c> (and <c>-v</c>)
/// prints it, over captures/link/ (tests/oracle/make-link-cases.py: PPP on link types 9, 50 and 204, Cisco HDLC and
/// SLARP on 104 and inside the PPP link types, PPP's control and authentication protocols on 9 and in PPPoE, MPLS label stacks on Ethernet, PPP and Cisco HDLC, 802.2 LLC and SNAP in
/// 802.3 frames, PPPoE sessions, MACsec SecTAGs, Network Service Headers, Frame Relay on 107, Token Ring on 6, FDDI on 10, RFC 1483 ATM on 100, MAC frames bridged behind SNAP's OUI 00-80-C2 on 802.3, ATM and Frame Relay, L2TPv2 on UDP 1701, L2TPv3 over IP and UDP, spanning tree BPDUs on LLC and behind SNAP, GRE over IP beyond RFC 2784;
/// pppd's PPP on 166, Cisco HDLC and Frame Relay behind a direction byte on 205 and 206, raw MPLS on 219, which tshark
/// reads as the same frames under a link type it reads; raw IP on 12 and 14, RFC 1483 on 11, Linux Classical IP over ATM on
/// 16, 18, 19 and 106, PPPoE sessions without Ethernet on 51, whose 14 and 18 tcpdump refuses and is compared on as 12 and
/// 19, <see cref="CaptureLinkTypes.TcpdumpReadsAs"/>) and over captures the same script writes with random bytes of the link headers changed.
/// </summary>
/// <remarks>
/// On the damaged captures only the link layers' own fields are compared with tshark: a damaged header hands bytes that
/// are not IP to IPv4 or IPv6, and how those are shown is the IP oracles' business. Summary lines are compared whole,
/// except where tcpdump decodes a PPP protocol RawNet leaves as data (<see cref="PppProtocolsTcpdumpDecodes"/>).
/// </remarks>
[LongRunning]
public sealed class LinkLayerOracleTests
{
    /// <summary>sFlow's fields RawNet shows (sflow.pcap): the datagram header, the samples' and records' words, the raw packet header.</summary>
    public static readonly string[] SflowFields =
    [
        "sflow_245.version", "sflow_245.agenttype", "sflow_245.agent", "sflow_245.agent.v6", "sflow_245.sub_agent_id", "sflow_245.sequence_number",
        "sflow_245.sysuptime", "sflow_245.numsamples", "sflow.enterprise", "sflow_245.sampletype", "sflow_5.sample_length",
        "sflow.flow_sample.sequence_number", "sflow.flow_sample.source_id_class", "sflow.flow_sample.index", "sflow.flow_sample.source_id_type",
        "sflow.flow_sample.source_id_index", "sflow.flow_sample.sampling_rate", "sflow.flow_sample.sample_pool", "sflow.flow_sample.dropped_packets",
        "sflow.flow_sample.input_interface", "sflow.flow_sample.input_interface_format", "sflow.flow_sample.input_interface_value",
        "sflow.flow_sample.output_interface", "sflow.flow_sample.output_interface_format", "sflow.flow_sample.output_interface.format",
        "sflow.flow_sample.output_interface_value", "sflow.flow_sample.flow_record", "sflow.counters_sample.sequence_number",
        "sflow.counters_sample.source_id_type", "sflow.counters_sample.source_id_index", "sflow.counters_sample.counters_records",
        "sflow_245.flow_record_format", "sflow_245.counters_record_format", "sflow_5.flow_data_length", "sflow.enterprise.length",
        "sflow.enterprise.data", "sflow_245.packet_information_type", "sflow_245.header_protocol", "sflow_245.header.frame_length",
        "sflow_245.header.payload_stripped", "sflow_245.header.sampled_header_length", "sflow_245.header",
    ];

    /// <summary>The link layers' own fields.</summary>
    public static readonly string[] LinkFields =
    [
        "frame.number", "frame.len", "frame.cap_len", "ppp.direction", "ppp.address", "ppp.control", "ppp.protocol", "chdlc.address", "chdlc.control",
        "chdlc.protocol", "slarp.ptype", "slarp.address", "slarp.netmask", "slarp.mysequence", "slarp.yoursequence",
        "slarp.reliability", "mpls.label", "mpls.exp", "mpls.bottom", "mpls.ttl",
        "pppoe.version", "pppoe.type", "pppoe.code", "pppoe.session_id", "pppoe.payload_length",
        "macsec.TCI", "macsec.TCI.V", "macsec.TCI.ES", "macsec.TCI.SC", "macsec.TCI.SCB", "macsec.TCI.E", "macsec.TCI.C",
        "macsec.AN", "macsec.SL", "macsec.PN", "macsec.SCI.system_identifier", "macsec.SCI.port_identifier", "macsec.etype",
        "macsec.ICV", "nsh.version", "nsh.Obit", "nsh.CBit", "nsh.ttl", "nsh.length", "nsh.length.invalid", "nsh.mdtype", "nsh.nextproto",
        "nsh.spi", "nsh.si", "nsh.contextheader", "nsh.metadataclass", "nsh.metadatatype", "nsh.metadataunassignedbit", "nsh.metadatalen",
        "nsh.metadata", "avsp.sub_type", "avsp.ver", "avsp.ts.unknown_version", "avsp.64ts", "avsp.64sec", "avsp.64ns", "avsp.48ts",
        "avsp.48sec", "avsp.48ns", "avsp.etype", "avsp.trailer",
        // Frame Relay (frelay.pcap)
        "fr.first_addr_octet", "fr.upper_dlci", "fr.cr", "fr.ea", "fr.second_addr_octet", "fr.second_dlci", "fr.fecn", "fr.becn", "fr.de",
        "fr.third_addr_octet", "fr.third_dlci", "fr.dlcore_control", "fr.lower_dlci", "fr.dc", "fr.dlci", "fr.control",
        "fr.control.u_modifier_cmd", "fr.control.u_modifier_resp", "fr.control.ftype", "fr.nlpid", "fr.snap.oui", "fr.snap.pid", "fr.snaptype",
        // Token Ring (tokenring.pcap, tokenring-more.pcap): tr.src twice, the second time with the routing bit cleared
        "tr.ac", "tr.priority", "tr.frame", "tr.monitor_cnt", "tr.priority_reservation", "tr.fc", "tr.frame_type", "tr.frame_pcf",
        "tr.dst", "tr.src", "tr.addr", "tr.sr", "tr.rif_bytes", "tr.broadcast", "tr.max_frame_size", "tr.direction", "tr.rif.ring",
        "tr.rif.bridge", "tr.rif", "trmac.mvec", "trmac.length", "trmac.srcclass", "trmac.dstclass",
        // FDDI (fddi.pcap): the addresses as tshark shows LINKTYPE_FDDI's, bit-swapped
        "fddi.fc", "fddi.fc.clf", "fddi.fc.prio", "fddi.fc.smt_subtype", "fddi.fc.mac_subtype", "fddi.dst", "fddi.src", "fddi.addr",
        // PPP's control protocols (ppp-control.pcap)
        "ppp.code", "ppp.identifier", "ppp.length", "ppp.magic_number", "ppp.oui", "ppp.kind", "ppp.data", "ppp.opt.len.invalid",
        "lcp.rej_proto", "lcp.magic_number", "lcp.secs_remaining", "lcp.message", "lcp.data", "lcp.opt.type", "lcp.opt.length",
        "lcp.opt.oui", "lcp.opt.kind", "lcp.opt.mru", "lcp.opt.asyncmap", "lcp.opt.auth_protocol", "lcp.opt.algorithm",
        "lcp.opt.quality_protocol", "lcp.opt.magic_number", "lcp.opt.reporting_period", "lcp.opt.maximum", "lcp.opt.window",
        "lcp.opt.hdlc_address", "lcp.opt.operation", "lcp.opt.message", "lcp.opt.mrru", "lcp.opt.id", "lcp.opt.ep_disc_class",
        "lcp.opt.ip_address", "lcp.opt.802_1_address", "lcp.opt.magic_block", "lcp.opt.psndn", "lcp.opt.data",
        "lcp.opt.fcs_alternatives", "lcp.opt.fcs_alternatives.null", "lcp.opt.fcs_alternatives.ccitt16", "lcp.opt.fcs_alternatives.ccitt32",
        "lcp.opt.mode", "lcp.opt.unused", "lcp.opt.link_discrim", "lcp.opt.flags", "lcp.opt.flags.reserved", "lcp.opt.flags.pre",
        "lcp.opt.flags.zxe", "lcp.opt.class", "lcp.opt.code", "lcp.opt.max_susp_classes", "lcp.opt.MIBenum", "lcp.opt.language_tag",
        "ipcp.opt.type", "ipcp.opt.length", "ipcp.opt.src_address", "ipcp.opt.dst_address", "ipcp.opt.compress_proto",
        "ipcp.opt.max_slot_id", "ipcp.opt.comp_slot_id", "ipcp.opt.tcp_space", "ipcp.opt.non_tcp_space", "ipcp.opt.f_max_period",
        "ipcp.opt.f_max_time", "ipcp.opt.max_cid", "ipcp.opt.mrru", "ipcp.opt.max_header", "ipcp.data", "ipcp.opt.ip_address",
        "ipcp.opt.mobilenodehomeaddress", "ipcp.opt.pri_dns_address", "ipcp.opt.pri_nbns_address", "ipcp.opt.sec_dns_address",
        "ipcp.opt.sec_nbns_address", "ipv6cp.opt.type", "ipv6cp.opt.length", "ipv6cp.interface_identifier",
        // PAP and CHAP (ppp-auth.pcap, pppoe-auth.pcap)
        "pap.code", "pap.identifier", "pap.length", "pap.data", "pap.peer_id.length", "pap.peer_id", "pap.password.length",
        "pap.password", "pap.message.length", "pap.message", "pap.stuff", "chap.code", "chap.identifier", "chap.length", "chap.data",
        "chap.value_size", "chap.value", "chap.name", "chap.message", "chap.stuff",
        // L2TPv2 on UDP 1701 (l2tp.pcap)
        "l2tp.flags", "l2tp.type", "l2tp.length_bit", "l2tp.seq_bit", "l2tp.offset_bit", "l2tp.priority", "l2tp.version", "l2tp.length",
        "l2tp.tunnel", "l2tp.session", "l2tp.Ns", "l2tp.Nr", "l2tp.offset", "l2tp.offset_padding", "l2tp.zero_length_body_message",
        "l2tp.avp.mandatory", "l2tp.avp.hidden", "l2tp.avp.length", "l2tp.avp.vendor_id", "l2tp.avp.type", "l2tp.avp.message_type",
        "l2tp.avp.protocol_version", "l2tp.avp.protocol_revision", "l2tp.avp.host_name", "l2tp.avp.assigned_tunnel_id",
        "l2tp.avp.receive_window_size", "l2tp.avp.assigned_session_id", "l2tp.avp.called_number", "l2tp.avp.calling_number",
        // L2TPv3 over IP and UDP 1701 (l2tpv3.pcap), and the L2TPv3 AVPs either version may carry
        "l2tp.sid", "l2tp.res", "l2tp.ccid", "l2tp.avp.pseudowire_type", "l2tp.avp.assigned_control_conn_id", "l2tp.avp.local_session_id",
        "l2tp.avp.remote_session_id", "l2tp.avp.assigned_cookie", "l2tp.avp.remote_end_id", "l2tp.avp.layer2_specific_sublayer",
        "l2tp.avp.data_sequencing",
        // L2TPv3 data after its session's set-up (l2tpv3-sessions.pcap)
        "l2tp.cookie", "l2tp.l2_spec_def", "l2tp.l2_spec_atm", "l2tp.l2_spec_s", "l2tp.l2_spec_t", "l2tp.l2_spec_g", "l2tp.l2_spec_c",
        "l2tp.l2_spec_u", "l2tp.l2_spec_sequence",
        // Spanning tree BPDUs (stp.pcap; llc-more.pcap and the bridged files have some behind SNAP)
        "stp.protocol", "stp.version", "stp.type", "stp.flags", "stp.flags.tcack", "stp.flags.agreement", "stp.flags.forwarding",
        "stp.flags.learning", "stp.flags.port_role", "stp.flags.proposal", "stp.flags.tc", "stp.root.prio", "stp.root.ext", "stp.root.hw",
        "stp.root.cost", "stp.bridge.prio", "stp.bridge.ext", "stp.bridge.hw", "stp.port", "stp.msg_age", "stp.max_age", "stp.hello",
        "stp.forward", "stp.version_1_length", "mstp.version_3_length", "mstp.config_format_selector", "mstp.config_name",
        "mstp.config_revision_level", "mstp.config_digest", "mstp.cist_internal_root_path_cost", "mstp.cist_bridge.prio",
        "mstp.cist_bridge.ext", "mstp.cist_bridge.hw", "mstp.cist_remaining_hops", "mstp.msti.flags", "mstp.msti.priority",
        "mstp.msti.msti_id", "mstp.msti.regional_root_id", "mstp.msti.root.hw", "mstp.msti.root_cost", "mstp.msti.bridge_priority",
        "mstp.msti.port_priority", "mstp.msti.bridge_id", "mstp.msti.bridge_id_priority", "mstp.msti.bridge_id_mac", "mstp.msti.port",
        "mstp.msti.remaining_hops", "mstp.version_4_length", "mstp.agree_flags.agreement_num", "mstp.agree_flags.dagreement_num",
        "mstp.agree_flags.agreement_valid", "mstp.agree_flags.rest_role", "bpdu.agreement_digest_format_id",
        "bpdu.agreement_digest_format_capabilities", "bpdu.agreement_digest_convention_id", "bpdu.agreement_digest_convention_capabilities",
        "bpdu.agreement_digest_edge_count", "mstp.agreement_digest",
        // GARP's PDUs on the same SAP (garp.pcap; stp.pcap has a few)
        "gvrp.protocol_id", "gvrp.attribute_type", "gvrp.attribute_length", "gvrp.attribute_event", "gvrp.attribute_value", "gvrp.end_of_mark",
        "gmrp.protocol_id", "gmrp.attribute_type", "gmrp.attribute_length", "gmrp.attribute_event", "gmrp.attribute_value_group_membership",
        "gmrp.attribute_value_service_requirement", "gmrp.end_of_mark",
        // Geneve on UDP 6081 (geneve.pcap)
        "geneve.version", "geneve.version.unknown", "geneve.option.length", "geneve.flags", "geneve.flags.oam", "geneve.flags.critical",
        "geneve.flags.reserved", "geneve.proto_type", "geneve.vni", "geneve.reserved", "geneve.options", "geneve.option", "geneve.option.class",
        "geneve.option.type", "geneve.option.type.critical", "geneve.option.flags", "geneve.option.flags.reserved", "geneve.option.gcp.vnid",
        "geneve.option.gcp.direction", "geneve.option.gcp.reserved", "geneve.option.gcp.endpoint", "geneve.option.gcp.profile",
        "geneve.option.unknown.data", "geneve.option.length.invalid",
        // GTPv1-U on UDP 2152 (gtp.pcap)
        "gtp.flags", "gtp.flags.version", "gtp.flags.payload", "gtp.flags.reserved", "gtp.flags.e", "gtp.flags.s", "gtp.flags.pn", "gtp.message",
        "gtp.length", "gtp.teid", "gtp.seq_number", "gtp.npdu_number", "gtp.ext_hdr.next", "gtp.ext_hdr", "gtp.ext_hdr.length",
        // VXLAN-GPE on UDP 4790 (vxlan-gpe.pcap) and GRE in UDP on 4754 (gre-udp.pcap)
        "vxlan.flags", "vxlan.ver", "vxlan.i_bit", "vxlan.p_bit", "vxlan.o_bit", "vxlan.flags_reserved", "vxlan.reserved_16", "vxlan.next_proto",
        "vxlan.vni", "vxlan.reserved8", "gre.flags_and_version", "gre.flags.checksum", "gre.flags.routing", "gre.flags.key",
        "gre.flags.sequence_number", "gre.flags.version", "gre.proto", "gre.checksum", "gre.key", "gre.sequence_number",
        // GRE over IP beyond RFC 2784 (gre.pcap): PPTP's enhanced header, RFC 1701's routing
        "gre.flags.strict_source_route", "gre.flags.recursion_control", "gre.flags.ack", "gre.flags.reserved", "gre.checksum.status", "gre.offset",
        "gre.key.payload_length", "gre.key.call_id", "gre.ack_number", "gre.routing", "gre.routing.address_family", "gre.routing.sre_offset",
        "gre.routing.src_length", "gre.routing.information",
        // LISP data on UDP 4341 (lisp-data.pcap)
        "lisp-data.flags", "lisp-data.flags.nonce", "lisp-data.flags.lsb", "lisp-data.flags.enr", "lisp-data.flags.mv", "lisp-data.flags.iid",
        "lisp-data.flags.res", "lisp-data.flags.en_invalid", "lisp-data.flags.nv_invalid", "lisp-data.nonce", "lisp-data.mapver",
        "lisp-data.srcmapver", "lisp-data.dstmapver", "lisp-data.iid", "lisp-data.lsb8", "lisp-data.lsb",
        // AMT on UDP 2268 (amt.pcap)
        "amt.version", "amt.type", "amt.reserved", "amt.discovery_nonce", "amt.relay_address.ipv4", "amt.relay_address.ipv6",
        "amt.request_nonce", "amt.request.reserved", "amt.request.p", "amt.membership_query.reserved", "amt.membership_query.l",
        "amt.membership_query.g", "amt.response_mac", "amt.gateway.port_number", "amt.gateway.ip_address", "amt.multicast_data",
        "amt.relay_address.unknown", "amt.unknown",
        // the CAPWAP data channel on UDP 5247 (capwap.pcap) and the 802.11 frames it carries, their frame control swapped
        "capwap.preamble", "capwap.preamble.version", "capwap.preamble.type", "capwap.header", "capwap.header.length", "capwap.header.length.bad",
        "capwap.header.rid", "capwap.header.wbid", "capwap.header.flags", "capwap.header.flags.t", "capwap.header.flags.f", "capwap.header.flags.l",
        "capwap.header.flags.w", "capwap.header.flags.m", "capwap.header.flags.k", "capwap.header.flags.r", "capwap.header.fragment.id",
        "capwap.header.fragment.offset", "capwap.header.fragment.reserved", "capwap.header.mac.length", "capwap.header.mac.eui48",
        "capwap.header.mac.eui64", "capwap.header.mac.data", "capwap.header.padding", "capwap.header.wireless.length", "capwap.header.wireless.data",
        "capwap.header.wireless.data.ieee80211.fi", "capwap.header.wireless.data.ieee80211.fi.rssi", "capwap.header.wireless.data.ieee80211.fi.snr",
        "capwap.header.wireless.data.ieee80211.fi.data_rate", "capwap.header.wireless.data.ieee80211.dw",
        "capwap.header.wireless.data.ieee80211.dw.wlan_id_bitmap", "capwap.header.wireless.data.ieee80211.dw.reserved", "capwap.keep_alive",
        "capwap.keep_alive.length", "capwap.keep_alive.length.bad", "capwap.message_element", "capwap.message_element.type",
        "capwap.message_element.type.undecoded", "capwap.message_element.length", "capwap.message_element.length.bad", "capwap.message_element.value",
        "capwap.control.message_element.session_id", "capwap.fragment.count", "capwap.reassembled.length", "wlan.fc", "wlan.fc.type_subtype",
        "wlan.fc.ds", "wlan.fc.frag", "wlan.sa", "wlan.da", "wlan.bssid", "wlan.seq",
        // the CAPWAP control channel on UDP 5246 (capwap-control.pcap): its control header (its elements' fields are above)
        "capwap.control.header", "capwap.control.header.message_type", "capwap.control.header.message_type.enterprise_number",
        "capwap.control.header.message_type.enterprise_specific", "capwap.control.header.sequence_number",
        "capwap.control.header.message_element_length", "capwap.control.header.flags", "capwap.control.message_element.ac_name",
        "capwap.control.message_element.ac_name_with_priority",
        "capwap.control.message_element.discovery_type", "capwap.control.message_element.location_data", "capwap.control.message_element.result_code",
        "capwap.control.message_element.wtp_frame_tunnel_mode", "capwap.control.message_element.wtp_frame_tunnel_mode.n",
        "capwap.control.message_element.wtp_frame_tunnel_mode.e", "capwap.control.message_element.wtp_frame_tunnel_mode.l",
        "capwap.control.message_element.wtp_frame_tunnel_mode.r", "capwap.control.message_element.wtp_mac_type", "capwap.control.message_element.wtp_name",
        // Cisco's LWAPP on UDP 12222 and 12223 (lwapp.pcap)
        "lwapp.apid", "lwapp.version", "lwapp.slotId", "lwapp.flags", "lwapp.flags.type", "lwapp.flags.fragment", "lwapp.flags.fragmentType",
        "lwapp.fragmentId", "lwapp.Length", "lwapp.rssi", "lwapp.snr", "lwapp.control.type", "lwapp.control.seqno", "lwapp.control.length",
        // TZSP on UDP 37008 (tzsp.pcap)
        "tzsp.version", "tzsp.type", "tzsp.encap", "tzsp.option_tag", "tzsp.option_length", "tzsp.wlan.status.msg_type", "tzsp.wlan.status.pcf",
        "tzsp.wlan.status.undecrypted", "tzsp.wlan.status.fcs_err", "tzsp.wlan.time", "tzsp.wlan.silence", "tzsp.original_length", "tzsp.wlan.signal",
        "tzsp.wlan.rate", "tzsp.wlan.channel", "tzsp.unknown", "tzsp.sensormac", "tzsp.device_name", "tzsp.capture_location", "tzsp.device_info",
        "tzsp.device_id", "tzsp.time_stamp", "tzsp.packet_id",
        // sFlow on UDP 6343 (sflow.pcap); the sampled headers' fields are the core ones above
        .. SflowFields,
    ];

    /// <summary>
    /// The 802.3 and LLC fields, compared on the damaged llc.pcap only: in the other damaged files they belong to what
    /// tshark guesses an MPLS payload to be (Ethernet behind a pseudowire), which RawNet does not guess.
    /// </summary>
    public static readonly string[] LlcFields =
    [
        "eth.len", "eth.type", "vlan.len", "vlan.etype", "llc.dsap", "llc.dsap.sap", "llc.dsap.ig", "llc.ssap", "llc.ssap.sap", "llc.ssap.cr", "llc.control", "llc.control.n_r",
        "llc.control.n_s", "llc.control.p", "llc.control.f", "llc.control.s_ftype", "llc.control.u_modifier_cmd",
        "llc.control.u_modifier_resp", "llc.control.ftype", "llc.oui", "llc.type", "llc.pid",
    ];

    /// <summary>The link fields and the IP, UDP, TCP and ICMP fields above them.</summary>
    public static readonly string[] Fields =
    [
        .. LinkFields, .. LlcFields, "ip.version", "ip.hdr_len", "ip.len", "ip.id", "ip.proto", "ip.src", "ip.dst", "ipv6.plen", "ipv6.nxt",
        "ipv6.src", "ipv6.dst", "udp.srcport", "udp.dstport", "udp.length", "tcp.srcport", "tcp.flags", "tcp.options.mss_val",
        "icmp.type", "icmp.seq", "arp.opcode",
    ];

    /// <summary>
    /// The fields of the frames bridged behind SNAP's OUI 00-80-C2 (llc-bridged.pcap, atm-bridged.pcap,
    /// frelay-bridged.pcap): the inner Ethernet's addresses and the FCS a PID 0x0001 frame keeps. Compared on those files
    /// only: on an outer Ethernet frame of 64 bytes or more with a trailer tshark guesses the trailer's last 4 bytes to be
    /// an FCS, which RawNet does not (llc-more.pcap has one).
    /// </summary>
    public static readonly string[] BridgedFields = ["eth.dst", "eth.src", "eth.addr", "eth.fcs"];

    /// <summary>
    /// What GVRP and GMRP hand to tshark's data dissector (garp.pcap, tokenring-garp.pcap): compared on those files only, where no trailer or
    /// padding tshark reads otherwise follows the PDU.
    /// </summary>
    public static readonly string[] GarpDataFields = ["data.data", "data.len"];

    /// <summary>
    /// tcpdump lines of PPP protocols tcpdump has a printer for and RawNet leaves as data (OSI, IPX, multilink,
    /// BAP), and of what LLC carries that only tcpdump prints (IPX, AppleTalk's DDP; behind Cisco's OUI CDP, whose
    /// name tcpdump follows with its version): compared up to the protocol's name only.
    /// </summary>
    private static readonly Regex PppProtocolsTcpdumpDecodes =
        new(@"^(\S+ )?((?:\S+: )?(?:(?:OSI|IPX|MLPPP|BAP|(?:et1 )?AT)\b|CDP(?=v\d)))", RegexOptions.Compiled);

    public static TheoryData<string> Bundled() => TsharkComparison.CapturesIn("link");

    /// <summary>Every bundled capture, those of the link types tshark cannot read too (tcpdump reads them all).</summary>
    public static TheoryData<string> BundledForTcpdump() => TsharkComparison.CapturesIn(tsharkReadsOnly: false, "link");

    /// <summary>The captures of the link types tshark 4.0 refuses (<see cref="CaptureLinkTypes.TsharkReads"/>).</summary>
    public static TheoryData<string> TsharkUnreadable() =>
        new(BundledForTcpdump().Select(row => row.Data).Where(name => !CaptureLinkTypes.TsharkReadsAll(Path.Combine(TestPaths.Captures, name))));

    public static TheoryData<string> Modes() => new("", "-v");


    [Theory]
    [MemberData(nameof(Bundled))]
    public void BundledCasesFieldsEqualTshark(string name) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, name),
            [.. Fields, .. IsBridged(name) ? BridgedFields : [], .. IsGarp(name) ? GarpDataFields : []], 1);

    [Theory]
    [MemberData(nameof(BundledForTcpdump))]
    public void BundledCasesSummariesEqualTcpdump(string name)
    {
        foreach (var mode in new[] { "", "-v" })
            TcpdumpComparison.AssertSummariesEqual(Path.Combine(TestPaths.Captures, name), mode, comparedUpTo: PppProtocolsTcpdumpDecodes);
    }

    [Fact]
    public void DamagedHeadersEqualTsharkAndTcpdump()
    {
        var files = GeneratedCaptures.Damaged(Script);
        Assert.NotEmpty(files);
        // the files tshark reads, by the fields compared: each list's combinable files in one combined capture (one tshark
        // start instead of one a file), the others alone
        foreach (var byFields in files.Where(CaptureLinkTypes.TsharkReadsAll).GroupBy(DamagedFields))
        {
            var together = byFields.Where(CombinedCapture.Combinable).ToList();
            if (together.Count > 1)
                TsharkComparison.AssertSameFields(GeneratedCaptures.Combined("link-damaged", together), byFields.Key, 1);
            foreach (var file in byFields.Except(together.Count > 1 ? together : []))
                TsharkComparison.AssertSameFields(file, byFields.Key, 1);
        }
        foreach (var file in files)
        {
            if (!CaptureLinkTypes.TsharkReadsAll(file))
                AssertSameFieldsAsTsharkReadsTheirEquivalent(file, LinkFields);
            foreach (var mode in new[] { "", "-v" })
                TcpdumpComparison.AssertSummariesEqual(file, mode, comparedUpTo: PppProtocolsTcpdumpDecodes);
        }
    }

    [Fact]
    public void TsharkStillRefusesTheLinkTypesItIsNotComparedOn()
    {
        // Were tshark to read them, the tests would have to compare RawNet with its own reading instead of an equivalent's.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var names = TsharkUnreadable().Select(row => row.Data).ToList();
        Assert.Equal(4, names.Count);
        foreach (var name in names)
        {
            var run = ExternalTool.Run(tshark, ["-n", "-r", Path.Combine(TestPaths.Captures, name)]);
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("unknown or unsupported", run.StdErr);
        }
    }

    [Fact]
    public void TcpdumpStillRefusesTheLinkTypesItIsComparedOnAsAnother()
    {
        // Were tcpdump to read 14 and 18, the summaries would have to follow its own reading rather than 12's and 19's.
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        foreach (var (name, linkType) in new[] { ("raw-dlt14.pcap", LinkType.Raw14), ("clip-dlt18.pcap", LinkType.AtmClip18) })
        {
            string path = Path.Combine(TestPaths.Captures, "link", name);
            Assert.All(CaptureLinkTypes.Of(path), type => Assert.Equal(linkType, type));
            Assert.NotNull(CaptureLinkTypes.TcpdumpReadsAs(linkType));
            var run = ExternalTool.Run(tcpdump, ["-n", "-r", path]);
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains($"unknown data link type {(int)linkType}", run.StdErr);
        }
    }

    [Fact]
    public void TheOtherLinkTypeNumbersCasesCoverWhatTheyClaim()
    {
        // Raw IP on 12 and 14, RFC 1483 on 11, Linux CLIP on 16, 18, 19 and 106, PPPoE without Ethernet on 51.
        var tshark = ExternalTool.Require("tshark", "tshark");
        string Protocols(string name) => TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", name), "frame.protocols",
            "_ws.col.Info").StdOut;
        foreach (var name in new[] { "raw-dlt12.pcap", "raw-dlt14.pcap" })
            foreach (var value in new[] { "raw:ip:udp", "raw:ip:tcp", "raw:ip:icmp", "raw:ipv6:udp", "raw:ipv6:tcp", "Malformed Packet", "size limited" })
                Assert.Contains(value, Protocols(name));
        foreach (var value in new[] { "llc:ip:udp", "llc:ipv6:udp", "llc:arp" })
            Assert.Contains(value, Protocols("atm-rfc1483-dlt11.pcap"));
        foreach (var name in new[] { "clip.pcap", "clip-dlt16.pcap", "clip-dlt18.pcap", "clip-dlt19.pcap" })
            foreach (var value in new[] { "clip:ip:udp", "clip:ip:tcp", "clip:ip:icmp", "clip:ip:ipv6:udp", "Bogus IP version (10)", "size limited" })
                Assert.Contains(value, Protocols(name));
        foreach (var value in new[] { "pppoes:ppp:ip:udp", "pppoes:ppp:ipv6:udp", "pppoes:ppp:ip:tcp", "Malformed Packet", "size limited" })
            Assert.Contains(value, Protocols("pppoe-session.pcap"));
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var clip = ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "link", "clip.pcap")]).StdOut;
        foreach (var value in new[] { "IP6, wrong link-layer encapsulation", "[|cip]", "SNAP, ethertype Unknown (0x1234)", ": UDP, length 5" })
            Assert.Contains(value, clip);
    }

    /// <summary>
    /// pppd's PPP, Cisco HDLC and Frame Relay with a direction byte, and raw MPLS, which tshark 4.0 does not read: their
    /// fields as tshark shows the same frames under a link type it reads. Those are LINKTYPE_PPP_WITH_DIR with the 0xff
    /// address put back (ppp.address then is tshark's alone), Cisco HDLC and Frame Relay without the direction byte, and
    /// the MPLS stack behind an Ethernet header with EtherType 0x8847.
    /// </summary>
    [Theory]
    [MemberData(nameof(TsharkUnreadable))]
    public void TsharkUnreadableCasesFieldsEqualTsharkOnTheirEquivalent(string name) =>
        AssertSameFieldsAsTsharkReadsTheirEquivalent(Path.Combine(TestPaths.Captures, name), Fields);

    /// <summary>The Protocol and Info columns (and coloring) of the same captures, as tshark shows their equivalents'.</summary>
    [Theory]
    [MemberData(nameof(TsharkUnreadable))]
    public void TsharkUnreadableCasesColumnsEqualTsharkOnTheirEquivalent(string name)
    {
        string path = Path.Combine(TestPaths.Captures, name);
        WithEquivalent(path, (equivalent, _) => TsharkColumnsOracleTests.Compare(path, equivalent));
    }

    private static void AssertSameFieldsAsTsharkReadsTheirEquivalent(string path, string[] compared) =>
        WithEquivalent(path, (equivalent, written) =>
        {
            // The wrapper's own fields are tshark's alone: the 0xff address, the Ethernet header's type; and the
            // equivalent is another record, whose lengths say nothing of how tshark would read this one.
            compared = [.. compared.Where(f => f is not ("frame.len" or "frame.cap_len"))];
            string[] fields = written switch
            {
                LinkType.PppWithDirection => [.. compared.Where(f => f != "ppp.address")],
                LinkType.Ethernet => [.. compared.Where(f => !f.StartsWith("eth.", StringComparison.Ordinal))],
                _ => compared,
            };
            TsharkComparison.AssertSameFields(path, fields, 1, tsharkPath: equivalent);
        });

    /// <summary>Hands <paramref name="check"/> a temporary pcapng of <paramref name="path"/>'s frames under a link type tshark reads, and that type.</summary>
    private static void WithEquivalent(string path, Action<string, LinkType> check)
    {
        string equivalent = Path.Combine(Path.GetTempPath(), $"rawnet-equivalent-{Guid.NewGuid():N}.pcapng");
        try
        {
            check(equivalent, WriteEquivalent(path, equivalent));
        }
        finally
        {
            File.Delete(equivalent);
        }
    }

    private static LinkType WriteEquivalent(string path, string equivalent)
    {
        LinkType? written = null;
        using (var writer = RawNet.Files.PcapNg.PcapNgWriter.Create(equivalent))
        {
            using var reader = CaptureFileReader.Open(path);
            while (reader.TryReadNext(out var frame))
            {
                var metadata = frame.Metadata;
                var (linkType, prefix, skip) = metadata.LinkType switch
                {
                    LinkType.PppPppd => (LinkType.PppWithDirection, new byte[] { 0xFF }, 0),
                    LinkType.CiscoHdlcWithDirection => (LinkType.CiscoHdlc, [], 1),
                    LinkType.FrameRelayWithDirection => (LinkType.FrameRelay, [], 1),
                    LinkType.Mpls => (LinkType.Ethernet, Convert.FromHexString("020000000002020000000001" + "8847"), 0),
                    var other => throw new InvalidOperationException($"{path}: no equivalent for {other}"),
                };
                if (written is null)
                    writer.AddInterface(linkType);
                written = linkType;
                // pppd's direction byte stays in front: the 0xff goes after it, when anything follows it.
                var data = frame.Data;
                byte[] bytes = linkType == LinkType.PppWithDirection
                    ? [.. data[..Math.Min(1, data.Length)], .. data.Length > 1 ? prefix : [], .. data[Math.Min(1, data.Length)..]]
                    : [.. prefix, .. data[Math.Min(skip, data.Length)..]];
                int original = Math.Max(0, metadata.OriginalLength - skip + (metadata.OriginalLength > 1 || linkType == LinkType.Ethernet ? prefix.Length : 0));
                writer.Write(metadata with { LinkType = linkType, CapturedLength = bytes.Length, OriginalLength = Math.Max(original, bytes.Length) }, bytes);
            }
        }
        return written ?? throw new InvalidOperationException($"{path}: no frames");
    }

    [Fact]
    public void TheBundledCasesAreWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites(Script, "link");

    [Fact]
    public void TheGreCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what gre.pcap does not hold: check it holds it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "gre.pcap"), "frame.protocols",
            "gre.flags_and_version", "gre.ack_number", "gre.routing.address_family", "_ws.col.Info");
        foreach (var value in new[] { "gre:ppp:ip:tcp", "gre:ppp:ip:icmp", "gre:ppp:ipv6:udp", "gre:ppp:lcp", "gre:ppp:chdlc:ip", "gre:ip:udp",
            "\t0x2081\t429\t", "\t0x3087\t", "\t0x0002\t", "\t0xc000\t", "2048,65534,0", "4660,0", "Encapsulated PPP\n", "Malformed", "size limited" })
            Assert.Contains(value, run.StdOut);
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var lines = ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "link", "gre.pcap")]).StdOut;
        foreach (var value in new[] { "GREv1, call 6016, seq 430, ack 429, length", "no-payload", "GREv7 ERROR: unknown-version", "(rtaf=asn 64 *65)",
            "badoff/len=8/8", "(rtaf=0x1234)", "[|gre]", "[|ppp]", "gre-proto-0x880b" })
            Assert.Contains(value, lines);
    }

    [Fact]
    public void TheL2tpCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what l2tp.pcap does not hold: check it holds it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "l2tp.pcap"), "frame.protocols", "l2tp.flags",
            "l2tp.avp.message_type", "l2tp.avp.hidden", "l2tp.avp.vendor_id", "l2tp.offset", "_ws.col.Info");
        foreach (var value in new[] { "l2tp:ppp:ip:udp", "l2tp:ppp:ip:tcp", "l2tp:ppp:ip:icmp", "l2tp:ppp:ipv6:udp", "l2tp:ppp:lcp", "l2tp:ppp:data",
            "\t0x0002\t", "\t0x4002\t", "\t0x0a02\t", "\t0x4902\t", "\t0xc802\t", "\t0xc002\t", "\t0x8002\t", "\t0xca02\t",
            "\t1\t", "\t2\t", "\t3\t", "\t4\t", "\t6\t", "\t10\t", "\t11\t", "\t12\t", "\t14\t", "\t15\t", "\t16\t",
            "0,0,0,0,0,0,0,0,0,1,0,0,1", "311", "ZLB", "Data    Message", "Unknown (30)", "Malformed", "size limited" })
            Assert.Contains(value, run.StdOut);
    }

    [Fact]
    public void TheL2tpv3CasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what l2tpv3.pcap does not hold: check it holds it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "l2tpv3.pcap"), "frame.protocols", "l2tp.flags",
            "l2tp.sid", "l2tp.res", "l2tp.avp.type", "_ws.col.Protocol", "_ws.col.Info");
        foreach (var value in new[] { "eth:ethertype:ip:l2tp:data", "eth:ethertype:ipv6:l2tp:data", "eth:ethertype:ip:udp:l2tp:data", "eth:ethertype:ipv6:l2tp\t",
            "\t0xc803\t", "\t0x8803\t", "\t0xc003\t", "\t0xcb03\t", "\t0x0003\t", "\t0x4803\t", "0xbeef", "0x00000000",
            "0,63,64,68,65,69,70,66", "0,61,1", "100,0", "L2TPv3", "D[S:0xFFFFFFFF]", "ZLB (ccid=0x0A0B0C0D)", "ICRQ", "ICRP", "ICCN", "CDN", "StopCCN",
            "Unknown (99)", "LSID:  7", "RSID: 4660", "Malformed", "size limited" })
            Assert.Contains(value, run.StdOut);
    }

    [Fact]
    public void TheL2tpv3SessionCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what l2tpv3-sessions.pcap does not hold: check tshark learnt from its set-ups.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "l2tpv3-sessions.pcap"), "frame.protocols",
            "l2tp.cookie", "l2tp.l2_spec_s", "l2tp.l2_spec_sequence", "l2tp.avp.pseudowire_type", "_ws.col.Info");
        foreach (var value in new[] { "eth:ethertype:ip:l2tp:ethertype:ip:udp:data\tb1b2b3b4b5b6b7b8\t1\t1\t5", "eth:ethertype:ip:udp:l2tp:ethertype:ip:udp:data\ta1a2a3a4\t0\t0\t5",
            "\ta1a2a3a4\t1\t16777215\t5", "l2tp:data\t\t\t\t4\t", "l2tp:data\td1d2d3d4\t\t\t153\t", "l2tp:data\t\t\t\t0\t", "\te1e2e3e4\t\t\t5\t",
            "D[S:0x00002001]40000 → 9 Len=5", "size limited" })
            Assert.Contains(value, run.StdOut);
        // And that it decoded the other pseudowire types through its table, each with IPv4 and IPv6, UDP and TCP above.
        var pseudowires = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "l2tpv3-sessions.pcap"), "frame.protocols",
            "l2tp.avp.pseudowire_type", "ppp.protocol", "chdlc.protocol", "fr.nlpid", "llc.type", "l2tp.l2_spec_atm", "_ws.col.Protocol",
            "_ws.col.Info");
        foreach (var value in new[] { "l2tp:ip:udp:data\t7\t0x0021\t", "l2tp:ip:tcp\t7\t0x0021\t", "l2tp:ipv6:udp:data\t7\t0x0057\t", "l2tp:lcp\t7\t",
            "l2tp:chdlc:ip:udp:data\t7\t", "l2tp:ip:udp:data\t6\t\t0x0800\t", "l2tp:ipv6:tcp\t6\t\t0x86dd\t", "l2tp:slarp\t6\t",
            "l2tp:ip:udp:data\t1\t\t\t0xcc\t", "l2tp:ipv6:tcp\t1\t\t\t0x8e\t", "l2tp:ip:tcp\t1\t\t\t0x80\t", "l2tp:llc:ip:udp:data\t2\t\t\t\t0x0800\t\t",
            "l2tp:llc:ipv6:tcp\t2\t\t\t\t0x86dd\t1\t", "l2tp:llc:ip:tcp\t2\t", "l2tp:udp:data\t11\t", "l2tp:ipv6:tcp\t11\t", "l2tp\t7\t\t\t\t\t\tL2TPv3\t",
            "l2tp\t11\t\t\t\t\t\tL2TPv3\t", "\tCHDLC\t", "\tFR\t", "\tLLC\t", "Malformed", "size limited" })
            Assert.Contains(value, pseudowires.StdOut);
    }

    [Fact]
    public void TheGeneveCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what geneve.pcap does not hold: check it holds it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "geneve.pcap"), "frame.protocols",
            "geneve.option.class", "geneve.option.gcp.vnid", "geneve.option.gcp.profile", "geneve.option.length.invalid",
            "geneve.version.unknown", "_ws.col.Protocol", "_ws.col.Info");
        foreach (var value in new[] { "udp:geneve:eth:ethertype:ip:udp:data", "udp:geneve:ip:udp:data", "udp:geneve:ip:tcp", "udp:geneve:ip:icmp",
            "udp:geneve:ipv6:udp:data", "udp:geneve:data", "0x0101,0xffff,0x0100,0x0102,0x0103,0x0104,0x0007,0x0200,0xfff0", "\t1193046\t",
            "\t1234567890123\t", "\t1\t\tUDP\t", "\t\t1\tUDP\t", "Encapsulated 0x1234 (unknown)", "Encapsulated Transparent Ethernet bridging[Packet size limited during capture]",
            "Encapsulated IPv4[Malformed Packet]", "Malformed", "size limited" })
            Assert.Contains(value, run.StdOut);
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var lines = ExternalTool.Run(tcpdump, ["-n", "-v", "-r", Path.Combine(TestPaths.Captures, "link", "geneve.pcap")]).StdOut;
        foreach (var value in new[] { "Geneve, Flags [OCR1R2R3R4R5R6]", "rsvd 0x7", "class Open vSwitch (0x101) type 0x80(C) len 8", "class Linux (0x100)",
            "class Standard (0x7)", "class Unknown (0x200)", "class Experimental (0xfff0)", "[bad length]", "ERROR: unknown-version 3",
            "geneve-proto-0x1234", "truncated-geneve - ", "[|geneve]", "[length 5 < 8] (invalid)" })
            Assert.Contains(value, lines);
    }

    [Fact]
    public void TheMplsInUdpCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what mpls-udp.pcap does not hold: check tshark and tcpdump decode it on port 6635.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "mpls-udp.pcap"), "frame.protocols", "_ws.col.Info");
        foreach (var value in new[] { "udp:mpls:ip:udp:data", "udp:mpls:ip:tcp", "udp:mpls:ip:icmp", "udp:mpls:ipv6:udp:data", "udp:mpls\t", "Malformed", "size limited" })
            Assert.Contains(value, run.StdOut);
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var lines = ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "link", "mpls-udp.pcap")]).StdOut;
        foreach (var value in new[] { ".6635: MPLS (label 100, tc 0, [S], ttl 63) IP ", ".6635 > ", "MPLS [|mpls]" })
            Assert.Contains(value, lines);
    }

    [Fact]
    public void TheGtpCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what gtp.pcap does not hold: check it holds it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "gtp.pcap"), "frame.protocols", "gtp.seq_number",
            "gtp.npdu_number", "gtp.ext_hdr.next", "_ws.col.Protocol", "_ws.col.Info");
        foreach (var value in new[] { "udp:gtp:ip:udp:data", "udp:gtp:ip:tcp", "udp:gtp:ip:icmp", "udp:gtp:ipv6:udp:data", "ethertype:ip:udp:data\t", "\t0x0102\t0x03\t0x85,0x40,0x00\t",
            "GTP <UDP>", "GTP <TCP>", "GTP <ICMP>", "GTP <GTP>\tT-PDU", "GTP\tEcho request", "GTP\tEcho response", "GTP\tEnd Marker", "UDP\t2152 → 2152 Len=41" })
            Assert.Contains(value, run.StdOut);
    }

    [Fact]
    public void TheVxlanGpeCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what vxlan-gpe.pcap does not hold: check tshark and tcpdump decode it on port 4790.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "vxlan-gpe.pcap"), "frame.protocols",
            "vxlan.next_proto", "vxlan.flags", "_ws.col.Protocol", "_ws.col.Info");
        foreach (var value in new[] { "udp:ip:udp:data\t1\t0x0c", "udp:ip:tcp\t", "udp:ip:icmp:data\t1", "udp:ipv6:udp:data\t2", "udp:eth:ethertype:ip:udp:data\t3",
            "udp:nsh:ip:udp:data\t4", "udp:mpls:ip:udp:data\t5", "udp:ip:udp:data\t1\t0x08", "udp:data\t0\t0x08", "udp:data\t9", "udp:ip:ipv6:udp:data\t1",
            "\t0xff\t", "VxLAN\t[Malformed Packet]", "VxLAN\t[Packet size limited during capture]", "UDP\t40000 → 4790 Len=0" })
            Assert.Contains(value, run.StdOut);
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var lines = ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "link", "vxlan-gpe.pcap")]).StdOut;
        foreach (var value in new[] { "VXLAN-GPE, flags [IP], vni 5: IP ", "VXLAN-GPE, flags [IPBO], vni 5: IP ", "flags [none]", "vni 16777215", ": NSH, ",
            "ERROR: unknown-next-protocol (invalid)", "(len 5 < 8) (invalid)", "(len 0 < 8) (invalid)", "[|vxlan_gpe]", ".4790 > " })
            Assert.Contains(value, lines);
    }

    [Fact]
    public void TheSflowCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what sflow.pcap does not hold: check it holds it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "sflow.pcap"), "frame.protocols",
            "sflow_245.sampletype", "sflow_245.agent.v6", "sflow.enterprise.length", "_ws.col.Protocol", "_ws.col.Info");
        foreach (var value in new[] { "udp:sflow:eth:ethertype:ip:udp:data:eth:ethertype:ip:tcp:data:eth:ethertype:ip:icmp:data", "udp:sflow:ip:tcp:data",
            "udp:sflow:ipv6:udp:data", "udp:sflow:eth:ethertype:ipv6:udp:data", "udp:sflow:eth:ethertype:vlan:ethertype:ip:udp:data", "udp:sflow:data\t",
            "\t3\t", "\t2,4\t", "2001:db8::7", "V4, agent", "V2, agent", "4294967295 samples[Malformed Packet]", "samples[Packet size limited during capture]",
            "V5[Malformed Packet]", "UDP\t40000 → 6343 Len=", "\t4\t" })
            Assert.Contains(value, run.StdOut);
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var lines = ExternalTool.Run(tcpdump, ["-n", "-v", "-r", Path.Combine(TestPaths.Captures, "link", "sflow.pcap")]).StdOut;
        foreach (var value in new[] { "sFlowv5, IPv4 agent 198.18.7.1, agent-id 3, seqnum 77", "IPv6 agent 2001:db8::7", "expanded flow sample (3)",
            "counter sample (2)", "expanded counter sample (4)", "Generic counter (1)", "Ethernet counter (2)", "Extended Switch data (1001)",
            "protocol Ethernet (1)", "protocol IPv4 (11)", "protocol IPv6 (12)", "sFlow version 4 packet not supported", "[length 10 < 28] (invalid)",
            "(invalid)", "[|sflow]" })
            Assert.Contains(value, lines);
    }

    [Fact]
    public void TheCapwapCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what capwap.pcap does not hold: check it holds it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "capwap.pcap"), "frame.protocols",
            "capwap.header.mac.length", "capwap.header.wireless.data.ieee80211.fi.rssi", "capwap.header.wireless.data.ieee80211.dw",
            "capwap.header.length.bad", "capwap.control.message_element.session_id", "capwap.message_element.type.undecoded",
            "capwap.reassembled.length", "_ws.col.Protocol", "_ws.col.Info");
        foreach (var value in new[] { "udp:capwap.data:wlan:llc:ip:udp:data", "udp:capwap.data:wlan:llc:ip:tcp", "udp:capwap.data:wlan:llc:ipv6:udp:data",
            "udp:capwap.data:eth:ethertype:ip:udp:data", "udp:capwap.data:eth:ethertype:arp", "udp:capwap.data:data", "udp:capwap.data:wlan:data",
            "\t6\t", "\t8\t", "\t3\t", "\t-40\t", "\t00050000\t", "000102030405060708090a0b0c0d0e0f", "CAPWAP-Data Keep-Alive[Malformed Packet]",
            "(Fragment ID: 9, Fragment Offset: 2400)", "Keep-Alive (Reassembled, Fragment ID: 11)", "CAPWAP-Data[Packet size limited during capture]" })
            Assert.Contains(value, run.StdOut);
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        // tcpdump 4.99 has no CAPWAP printer: "UDP, length N".
        Assert.Contains("5247: UDP, length", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "link", "capwap.pcap")]).StdOut);
    }

    [Fact]
    public void TheLwappCasesCoverWhatTheyClaim()
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "lwapp.pcap"), "frame.protocols", "lwapp.apid",
            "lwapp.slotId", "_ws.col.Protocol", "_ws.col.Info");
        foreach (var value in new[] { "udp:lwapp:wlan:llc:ip:udp:data", "udp:lwapp:wlan:llc:ip:tcp", "udp:lwapp:wlan:llc:ipv6:udp:data", "udp:lwapp:data",
            "00:11:22:33:44:55", "\t7\t", "CNTL ECHO_REQUEST", "CNTL RESET_REQ_CLEAR_CONFIG", "CNTL Bad Type: 0x63", "CNTL [Malformed Packet]",
            "LWAPP IP or Layer 2[Malformed Packet]", "LWAPP IP or Layer 2[Packet size limited during capture]" })
            Assert.Contains(value, run.StdOut);
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var lines = ExternalTool.Run(tcpdump, ["-n", "-v", "-r", Path.Combine(TestPaths.Captures, "link", "lwapp.pcap")]).StdOut;
        foreach (var value in new[] { "LWAPPv0, Data frame, Radio-id  0", "LWAPPv0, Control frame, Radio-id 0", "AP identity: 00:11:22:33:44:55",
            "Msg type: Echo req (22), Seqnum: 1, Msg len: 2, Session: 0x00000007", "Msg type: Unknown (", "Msg goes past end of PDU",
            "LWAPP version 3 packet not supported", "< transport header length", "[|lwapp_control]", "[|lwapp_data]",
            "Flags [Last Fragment Bit, Fragment Bit, Control Bit]" })
            Assert.Contains(value, lines);
    }

    [Fact]
    public void TheCapwapControlCasesCoverWhatTheyClaim()
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "capwap-control.pcap"), "frame.protocols",
            "capwap.message_element.type.undecoded", "capwap.control.message_element.session_id", "capwap.header.mac.length",
            "capwap.reassembled.length", "_ws.col.Protocol", "_ws.col.Info");
        foreach (var value in new[] { "udp:capwap\t", "udp:capwap:data\t", "CAPWAP-Control - Discovery Request", "CAPWAP-Control - Station Configuration Response",
            "CAPWAP-Control - IEEE 802.11 WLAN Configuration Request", "CAPWAP-Control - Unknown Message Type (0x409601)",
            "CAPWAP-Control - Unknown Message Type (0xffffffff)", "000102030405060708090a0b0c0d0e0f", "\t6\t", "\t1\t", "(Fragment ID: 3, Fragment Offset: 0)",
            "(Reassembled, Fragment ID: 5)", "Discovery Request[Malformed Packet]", "[Packet size limited during capture]" })
            Assert.Contains(value, run.StdOut);
        // tcpdump 4.99 has no CAPWAP printer: "UDP, length N".
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        Assert.Contains("5246: UDP, length", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "link", "capwap-control.pcap")]).StdOut);
    }

    [Fact]
    public void TheLlcAndLwappL3OverUdpCasesCoverWhatTheyClaim()
    {
        // tshark hands UDP 12000 to 12004 to LLC and 12220 to Ethernet (lwapp-l3, not in frame.protocols), and EtherTypes
        // 0x88BB and 0xBBBB to LWAPP; tcpdump has printers for none of them.
        var tshark = ExternalTool.Require("tshark", "tshark");
        string Fields(string name) => TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", name), "frame.protocols",
            "_ws.col.Protocol", "_ws.col.Info").StdOut;
        foreach (var value in new[] { "udp:llc:ip:udp:data", "udp:llc:ipv6:udp:data", "udp:llc:arp", "udp:llc:ip:tcp", "udp:llc:ip:icmp", "udp:llc:stp",
            "udp:llc\tXID", "udp:llc:data", "LLC\t[Malformed Packet]", "LLC\t[Packet size limited during capture]", "\tUDP\t40000 → 12000 Len=0\n" })
            Assert.Contains(value, Fields("llc-udp.pcap"));
        foreach (var value in new[] { "udp:eth:ethertype:ip:udp:data", "udp:eth:ethertype:ipv6:udp:data", "udp:eth:ethertype:arp", "udp:eth:ethertype:data\t0x1234",
            "udp:eth:llc:ip:tcp", "Ethernet\t802.3 Packets over Layer 3[Malformed Packet]", "eth:ethertype:lwapp:wlan:llc:ip:udp:data",
            "eth:ethertype:lwapp:wlan:llc:ip:tcp", "LWAPP\tCNTL ECHO_REQUEST", "LWAPP\tCNTL Bad Type: 0x63", "LWAPP IP or Layer 2[Malformed Packet]" })
            Assert.Contains(value, Fields("lwapp-l3.pcap"));
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        Assert.Contains("12000: UDP, length", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "link", "llc-udp.pcap")]).StdOut);
        var lines = ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "link", "lwapp-l3.pcap")]).StdOut;
        foreach (var value in new[] { "12220: UDP, length", "ethertype Unknown (0x88bb)", "ethertype Unknown (0xbbbb)" })
            Assert.Contains(value, lines);
    }

    [Fact]
    public void TheGreInUdpCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what gre-udp.pcap does not hold: check tshark decodes GRE on port 4754 (tcpdump does not).
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "gre-udp.pcap"), "frame.protocols", "gre.key",
            "gre.sequence_number", "gre.checksum", "_ws.col.Protocol", "_ws.col.Info");
        foreach (var value in new[] { "udp:gre:ip:udp:data\t", "udp:gre:ip:tcp\t0x00001234", "udp:gre:ip:icmp:data\t\t7", "udp:gre:ipv6:udp:data\t\t\t0xabcd",
            "udp:gre:eth:ethertype:ip:udp:data\t0xffffffff\t1\t0x0000", "udp:gre:mpls:ip:udp:data", "udp:gre:nsh:ip:udp:data", "udp:gre:data\t",
            "udp:gre\t\t\t\tGRE\tEncapsulated IP\n", "Encapsulated 0x1234 (unknown)", "UDP\t40000 → 4754 Len=3[Malformed Packet]", "Encapsulated IP[Malformed Packet]",
            "UDP\t40000 → 4754 Len=41[Packet size limited during capture]" })
            Assert.Contains(value, run.StdOut);
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        Assert.Contains(".4754: UDP, length 41", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "link", "gre-udp.pcap")]).StdOut);
    }

    [Fact]
    public void TheLispDataCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what lisp-data.pcap does not hold: check it holds it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "lisp-data.pcap"), "frame.protocols",
            "lisp-data.mapver", "lisp-data.lsb", "lisp-data.lsb8", "lisp-data.flags.en_invalid", "lisp-data.flags.nv_invalid",
            "_ws.col.Protocol", "_ws.col.Info");
        foreach (var value in new[] { "udp:lisp-data:ip:udp:data\t", "udp:lisp-data:ipv6:udp:data\t", "udp:lisp-data:ip:tcp\t", "udp:lisp-data:ip:icmp:data\t",
            "udp:lisp-data:ipv6:tcp\t", "udp:lisp-data\t", "udp:data\t", "\t0x123456\t", "\t0x00000507\t", "\t0x07\t", "\t1\t\tUDP\t", "\t\t1\tUDP\t",
            "LISP Encapsulation Header\n", "LISP Encapsulation Header[Malformed Packet]", "LISP Encapsulation Header[Packet size limited during capture]" })
            Assert.Contains(value, run.StdOut);
    }

    [Fact]
    public void TheAmtCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what amt.pcap does not hold: check it holds it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "amt.pcap"), "frame.protocols",
            "amt.relay_address.ipv4", "amt.relay_address.ipv6", "amt.relay_address.unknown", "amt.gateway.ip_address", "amt.unknown",
            "_ws.col.Protocol", "_ws.col.Info");
        foreach (var value in new[] { "udp:amt:ip:ipv6:ipv6.hopopts:icmpv6\t", "udp:amt:ip:udp:data\t", "udp:amt:ip:tcp\t", "udp:amt:ip:icmp:data\t",
            "udp:amt:ip:ipv6:udp:data\t", "udp:amt:ip:ipv6:tcp\t", "\t192.0.2.1\t", "\t2001:db8::1\t", "\t\t\t1\t", "\t2001:db8::9\t",
            "Relay Discovery\n", "Relay Advertisement\n", "Request\n", "Membership Query[Malformed Packet]", "Multicast Listener Report Message v2",
            "Multicast Data[Malformed Packet]", "Multicast Data[Packet size limited during capture]", "Teardown\n", "Teardown[Malformed Packet]",
            "Unknown AMT TYPE", "Bogus IP version (0)[Malformed Packet]", "Bogus IP version (1)\n",
            "Multicast Listener Query[Packet size limited during capture]" })
            Assert.Contains(value, run.StdOut);
    }

    [Fact]
    public void TheTzspCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what tzsp.pcap does not hold: check tshark decodes each encapsulation and mark in it,
        // and that tcpdump (which has no TZSP printer) prints plain UDP lines for it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var path = Path.Combine(TestPaths.Captures, "link", "tzsp.pcap");
        var run = TsharkComparison.FieldsRun(path, "frame.protocols", "tzsp.time_stamp", "tzsp.wlan.channel", "_ws.col.Protocol",
            "_ws.col.Info");
        foreach (var value in new[] { "udp:tzsp:eth:ethertype:ip:udp:data", "udp:tzsp:eth:ethertype:ip:tcp", "udp:tzsp:eth:ethertype:ipv6:udp:data",
            "udp:tzsp:raw:ip:udp:data", "udp:tzsp:raw:ipv6:udp:data", "udp:tzsp:wlan:llc:ip:udp:data", "udp:tzsp:prism:wlan_radio:wlan:llc:ip",
            "udp:tzsp:prism:wlancap:wlan_radio:wlan", "udp:tzsp:radiotap:wlan_radio:wlan", "udp:tzsp:wlancap:wlan_radio:wlan", "udp:tzsp:ppp:ip",
            "udp:tzsp:tr:llc:ip", "udp:tzsp:fddi:llc:ip", "Jul  4, 2020 04:05:20.000000016 UTC", "\t36,16909060\t", "UNKNOWN\tTZSP_ENCAP = 3",
            "UNKNOWN\tTZSP_ENCAP = 99", "TZSP\tEthernet\n", "TZSP\tEthernet[Malformed Packet]", "TZSP\t[Malformed Packet]",
            "TZSP\tEthernet[Packet size limited during capture]", "Ethernet\tEthernet[Malformed Packet]" })
            Assert.Contains(value, run.StdOut);
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var lines = ExternalTool.Run(tcpdump, ["-n", "-r", path]).StdOut;
        Assert.Contains(".40000 > 198.18.7.2.37008: UDP, length ", lines);
        Assert.Contains(".37008 > 198.18.7.2.40000: UDP, length ", lines);
    }

    [Fact]
    public void TheStpCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what stp.pcap does not hold: check it holds it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "stp.pcap"), "frame.protocols", "stp.version",
            "stp.flags.port_role", "mstp.msti.msti_id", "mstp.msti.bridge_id_mac", "mstp.version_4_length", "llc.pid", "llc.cisco_pid",
            "_ws.col.Protocol", "_ws.col.Info");
        foreach (var value in new[] { "eth:llc:stp", "eth:llc:stp:gvrp", "eth:llc:stp:gmrp", "\t0\t", "\t2\t", "\t3\t", "\t4\t", "\t7\t", "3,3,2", "1,2",
            "02:00:00:00:00:06", "\t85\t", "0x000e", "0x010b", "0x010c", "Conf. TC + Root", "RST. ", "MST. ", "SPT. ", "Topology Change Notification",
            "Unknown BPDU type (1)", "GARP", "Malformed", "size limited" })
            Assert.Contains(value, run.StdOut);
    }

    /// <summary>
    /// Captures cut in an Ethernet or Linux cooked trailer: the Info column's mark, which the column oracle leaves out
    /// where tshark's VSS Monitoring heuristic took a trailer RawNet shows no layer for, compared frame by frame here.
    /// </summary>
    [Theory]
    [InlineData("trailer-cuts.pcap"), InlineData("trailer-cuts-sll.pcap")]
    public void TrailerCutsMarkTheInfoColumnAsTsharkDoes(string name) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, "link", name),
            ["frame.number", "frame.cap_len", "ip.version", "ipv6.version", "_ws.col.Protocol", "_ws.col.Info"], 2);

    [Fact]
    public void TheTrailerCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what the trailer captures do not hold: check they hold it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "trailer-cuts.pcap"), "frame.protocols",
            "eth.padding", "eth.trailer", "eth.fcs", "ip.version", "_ws.col.Info");
        foreach (var value in new[] { "eth:ethertype:ip:udp:vssmonitoring", "eth:llc:stp:vssmonitoring", "eth:ethertype:vlan:ethertype:ip:udp",
            "eth:llc:ip:udp", "eth:ethertype:arp", "eth:ethertype:ip:ipv6:udp", "eth:llc:ip:ipv6", "eth:ethertype:ip:gre:ip:ipv6", "\t6,6\t", "\t4,6\t",
            "Len=0[Packet size limited during capture]", "Len=0\n", "Port = 0x8001[Packet size limited during capture]", "Port = 0x8001\n",
            "\t000000000000000000000000000000000000\t", "\t0505050505", "\t07070707\t" })
            Assert.Contains(value, run.StdOut);
        var sll = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "trailer-cuts-sll.pcap"), "frame.protocols",
            "ip.version", "_ws.col.Info");
        foreach (var value in new[] { "sll:ethertype:ip:udp:vssmonitoring", "sll:ethertype:ip:ipv6:udp", "\t6,6\t", "Len=0[Packet size limited during capture]",
            "Len=0\n" })
            Assert.Contains(value, sll.StdOut);
    }

    [Fact]
    public void TheGarpCasesCoverWhatTheyClaim()
    {
        // The comparisons cannot fail on what garp.pcap does not hold: check it holds it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "garp.pcap"), "frame.protocols", "eth.dst",
            "gvrp.attribute_event", "gmrp.attribute_value_group_membership", "gmrp.attribute_value_service_requirement", "gvrp.protocol_id",
            "llc.pid", "_ws.col.Protocol", "_ws.col.Info");
        foreach (var value in new[] { "eth:llc:stp:gvrp	", "eth:llc:stp:gvrp:data", "eth:llc:stp:gmrp	", "eth:llc:stp:gmrp:data", "vlan:llc:stp:gvrp",
            "01:80:c2:00:00:0d", "0,1,2,3,4,5", "01:00:5e:00:00:01", "0x00,0x01", "0x0002", "0x8000", "0x000e", "Unknown GARP application (0x22)",
            "Unknown GARP application (0x2F)", "GVRP[Malformed Packet]", "GMRP[Malformed Packet]", "GVRP[Packet size limited during capture]",
            "GMRP[Packet size limited during capture]" })
            Assert.Contains(value, run.StdOut);
        var tr = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "tokenring-garp.pcap"), "frame.protocols",
            "tr.rif_bytes", "_ws.col.Info");
        foreach (var value in new[] { "tr:llc:stp:gvrp\t\t", "tr:llc:stp:gvrp\t2\t", "tr:llc:stp:gmrp", "tr:llc:stp\t", "Unknown GARP application (0x25)",
            "GVRP[Packet size limited during capture]" })
            Assert.Contains(value, tr.StdOut);
    }

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim()
    {
        // The comparisons above cannot fail on what the captures do not hold: check they hold it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var seen = new HashSet<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Captures, "link"), "ppp*.pcap"))
        {
            var run = TsharkComparison.FieldsRun(file, "ppp.protocol", "ppp.direction", "_ws.malformed", "_ws.col.Info");
            foreach (var line in run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                seen.UnionWith(line.Split('\t').Where(v => v.Length > 0).Select(v => v.Contains("Malformed") ? "malformed" : v.Contains("size limited") ? "cut" : v));
        }
        foreach (var value in new[] { "0x0021", "0x0057", "0xc021", "0x8021", "0x8057", "0xc025", "0x1234", "0", "1", "malformed", "cut" })
            Assert.Contains(value, seen);
        var control = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "ppp-control.pcap"), "frame.protocols",
            "ppp.code", "ppp.opt.len.invalid", "lcp.opt.type", "ipcp.opt.compress_proto", "lcp.opt.language_tag", "lcp.opt.class",
            "_ws.col.Info");
        foreach (var value in new[] { "ppp:lcp:ipcp", "ppp:lcp:ip", "ppp:lcp:data", "ppp:ipv6cp", "\t1,2,3,5,7,8\t", "0x002d", "0x0061", "0x0003",
            "\t1\t", "Echo Request", "Time Remaining", "Vendor Specific", "Malformed", "size limited", "\t9,9,21,22,23,25,25,27,28,29\t", "en-US",
            "\t26,1\t" })
            Assert.Contains(value, control.StdOut);
        var auth = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "ppp-auth.pcap"), "frame.protocols", "pap.code",
            "chap.code", "chap.value_size", "_ws.col.Info");
        foreach (var value in new[] { "ppp:pap", "ppp:chap", "ppp:lcp:pap", "ppp:lcp:chap", "Peer-ID='a\\001b", "NAME='a-very-long-name-lon...'", "\u2026)",
            "Authenticate-Nak", "ppp:pap\t7\t", "ppp:chap\t\t9\t", "Failure (MESSAGE=", "Malformed", "size limited" })
            Assert.Contains(value, auth.StdOut);
        var pppoeAuth = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "pppoe-auth.pcap"), "frame.protocols");
        foreach (var value in new[] { "pppoes:ppp:lcp", "pppoes:ppp:ipcp", "pppoes:ppp:ipv6cp", "pppoes:ppp:pap", "pppoes:ppp:chap" })
            Assert.Contains(value, pppoeAuth.StdOut);
        var slarp = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "chdlc.pcap"), "slarp.ptype", "chdlc.protocol");
        var values = slarp.StdOut.Split('\n').SelectMany(l => l.Split('\t')).ToHashSet();
        foreach (var value in new[] { "0", "1", "2", "3", "0x0800", "0x86dd", "0x0806", "0x1234", "0x8847" })
            Assert.Contains(value, values);
        var mpls = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "mpls.pcap"), "mpls.label", "_ws.malformed",
            "frame.protocols");
        Assert.Contains("16,16,16,16,16,16,16,16,16,16,16,16\t", mpls.StdOut);
        Assert.Contains("1048575,7,15,800000", mpls.StdOut);
        Assert.Contains(":mpls:ipv6:", mpls.StdOut);
        Assert.Contains("Malformed", mpls.StdOut);
        var llc = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "llc.pcap"), "frame.protocols", "llc.control.ftype",
            "llc.type", "llc.pid", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "eth:llc:ip:udp", "eth:llc:ipv6:udp", "eth:llc:arp", "vlan:llc", "\t0x0000\t", "\t0x0001\t", "\t0x03\t",
            "0x1234", "Malformed", "size limited" })
            Assert.Contains(value, llc.StdOut);
        var macsec = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "macsec.pcap"), "frame.protocols", "macsec.TCI",
            "macsec.SCI.port_identifier", "macsec.SL", "macsec.ICV", "_ws.malformed");
        foreach (var value in new[] { "macsec:ethertype:ip:udp", "macsec:ethertype:ip:tcp", "macsec:ethertype:ip:icmp", "macsec:ethertype:ipv6:udp",
            "macsec:ethertype:arp", "macsec:ethertype:vlan", "macsec:data", "eth:ethertype:data\t", "\t0x08\t1\t", "\t0x00\t\t0\t", "\t35\t", "\t64\t",
            "\ta0a1a2a3a4a5a6a7a8a9aaabacadaeaf\t", "\ta0a1a2a3a4a5a6a7a8a9aaabacadaeaf00000000\t", "Malformed" })
            Assert.Contains(value, macsec.StdOut);
        var nsh = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "nsh.pcap"), "frame.protocols", "nsh.mdtype",
            "nsh.metadataclass", "nsh.metadata", "nsh.length.invalid", "_ws.malformed");
        foreach (var value in new[] { "nsh:ip:udp", "nsh:ip:tcp", "nsh:ip:icmp", "nsh:ipv6:udp", "nsh:eth:ethertype:ip:udp", "nsh:nsh:ip", "nsh:mpls:ip",
            "nsh:data", "\t2\t1,65535\taabb,0102030405\t", "\t2\t7,9\t\t", "\t0\t", "\t15\t", "\t1\t", "Malformed" })
            Assert.Contains(value, nsh.StdOut);
        var arista = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "arista.pcap"), "frame.protocols", "avsp.ver",
            "avsp.48ns", "avsp.etype", "avsp.trailer", "avsp.ts.unknown_version", "_ws.malformed");
        foreach (var value in new[] { "avsp:ethertype:ip:udp", "avsp:ethertype:ip:tcp", "avsp:ethertype:ip:icmp", "avsp:ethertype:ipv6:udp",
            "avsp:ethertype:arp", "avsp:ethertype:vlan:ethertype:ip", "avsp:ethertype:avsp:ethertype:ip", "avsp:ethertype:data", "\t0x0120\t200\t",
            "\t0x0011\t\t\t\t1", "\t010203\t", "\t05\t", "Malformed" })
            Assert.Contains(value, arista.StdOut);
        // Frame Relay
        var fr = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "frelay.pcap"), "frame.protocols", "fr.dlci",
            "fr.nlpid", "fr.dc", "fr.snaptype", "fr.snap.pid", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "fr:ip:udp", "fr:ipv6:udp", "fr:ip:tcp", "fr:ip:icmp", "fr:data", "\t1007\t", "\t0\t", "\t1023\t", "\t6500\t",
            "\t819300\t", "\t0x00,0x80\t", "\t0x00,0xcc\t", "\t0x0800\t", "\t0x86dd\t", "\t0x0001\t", "\t1\t", "Malformed", "size limited" })
            Assert.Contains(value, fr.StdOut);
        var tr = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "tokenring.pcap"), "frame.protocols", "tr.rif_bytes",
            "tr.broadcast", "tr.direction", "tr.rif.bridge", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "tr:llc:ip:udp", "tr:llc:ipv6:udp", "tr:llc:arp", "tr:llc:ip:icmp", "tr:llc:ip:tcp", "tr:trmac", "tr:data",
            "\t0\t", "\t1\t", "\t5\t", "\t31\t", "\t128\t", "\t192\t", "0x01,0x03,0x05", "Malformed", "size limited" })
            Assert.Contains(value, tr.StdOut);
        var fddi = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "fddi.pcap"), "frame.protocols", "fddi.fc",
            "fddi.src", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "fddi:llc:ip:udp", "fddi:llc:ipv6:udp", "fddi:llc:arp", "fddi:llc:ip:icmp", "fddi:llc:ip:tcp", "fddi:data",
            "\t0x5c\t", "\t0xc0\t", "\t0x41\t", "40:00:00:d5:b3:f7,40:00:00:d5:b3:f7", "Malformed", "size limited" })
            Assert.Contains(value, fddi.StdOut);
        var atm = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "atm-rfc1483.pcap"), "frame.protocols",
            "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "llc:ip:udp", "llc:ipv6:udp", "llc:arp", "llc:ip:icmp", "llc:ip:tcp", "llc:data", "Malformed", "size limited" })
            Assert.Contains(value, atm.StdOut);
        var more = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "llc-more.pcap"), "frame.protocols", "llc.oui",
            "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "eth:llc:ip:ipv6:udp", "eth:llc:ip:ipv6:tcp", "eth:llc:ip:ipv6:icmpv6", "eth:llc:cdp", "eth:llc:vtp", "eth:llc:dtp",
            "eth:llc:udld", "eth:llc:stp", "eth:llc:ddp", "\t13693147\t", "\t32962\t", "\t524295\t", "Invalid IPv6 header", "size limited" })
            Assert.Contains(value, more.StdOut);
        var trMore = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "tokenring-more.pcap"), "frame.protocols",
            "tr.src", "tr.rif", "_ws.col.Info");
        foreach (var value in new[] { "82:00:00:ab:cd:ef,02:00:00:ab:cd:ef\t212-2-23A", "\t212-2-232-4-252-6-272-8-292\t", "7e:dc:ba:98:76:54,7e:dc:ba:98:76:54",
            "tr:trmac", "tr:data", "Report Error", "Unknown Major Vector: 255", "Malformed", "size limited" })
            Assert.Contains(value, trMore.StdOut);
        // Frames bridged behind SNAP's OUI 00-80-C2
        var bridged = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "llc-bridged.pcap"), "frame.protocols", "llc.pid",
            "eth.fcs", "fddi.src", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "eth:llc:eth:ethertype:ip:udp", "eth:llc:eth:ethertype:ip:tcp", "eth:llc:eth:ethertype:ip:icmp", "eth:llc:eth:ethertype:ipv6:udp",
            "eth:llc:eth:ethertype:arp", "eth:llc:eth:ethertype:vlan:ethertype:ip:udp", "eth:llc:eth:ethertype:vlan:ethertype:ipv6:tcp", "eth:llc:eth:llc:ip:udp",
            "eth:llc:eth:ethertype:data", "eth:llc:tr:llc:ip:udp", "eth:llc:tr:llc:ipv6:udp", "eth:llc:fddi:llc:ip:udp", "eth:llc:stp",
            string.Concat(Enumerable.Repeat("eth:llc:", 8)) + "eth:ethertype:ip:udp", "\t0x0001\t0xdeadbeef\t", "\t0x0003\t", "\t0x0004\t", "\t0x0009\t",
            "\t0x000a\t", "\t0x0007,0x0007\t", "02:00:00:ab:cd:ef,40:00:00:d5:b3:f7", "Malformed", "size limited" })
            Assert.Contains(value, bridged.StdOut);
        var atmBridged = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "atm-bridged.pcap"), "frame.protocols",
            "eth.fcs", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "llc:eth:ethertype:ip:udp", "llc:eth:ethertype:ipv6:udp", "llc:eth:ethertype:arp", "llc:eth:ethertype:vlan",
            "llc:tr:llc:ip", "llc:fddi:llc:ip", "llc:stp", "\t0xdeadbeef\t", "Malformed", "size limited" })
            Assert.Contains(value, atmBridged.StdOut);
        var frBridged = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "link", "frelay-bridged.pcap"), "frame.protocols",
            "eth.fcs", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "fr:eth:ethertype:ip:udp", "fr:eth:ethertype:ipv6:udp", "fr:eth:ethertype:arp", "fr:eth:ethertype:vlan",
            "fr:tr:llc:ip", "fr:fddi:llc:ip", "fr:stp", "fr:data", "\t0xdeadbeef\t", "Malformed", "size limited" })
            Assert.Contains(value, frBridged.StdOut);
    }

    /// <summary>The fields compared on a damaged file: the link layers', and LLC's, bridged Ethernet's and GARP's where it carries them.</summary>
    private static string[] DamagedFields(string file) => CarriesLlc(file)
        ? [.. LinkFields, .. LlcFields, .. IsBridged(file) ? BridgedFields : [], .. IsGarp(file) ? GarpDataFields : []] : LinkFields;

    private static bool IsBridged(string file) => Path.GetFileName(file) is "llc-bridged.pcap" or "atm-bridged.pcap" or "frelay-bridged.pcap";

    private static bool IsGarp(string file) => Path.GetFileName(file) is "garp.pcap" or "tokenring-garp.pcap";

    /// <summary>The damaged files whose LLC fields are compared (in the others LLC is what tshark guesses an MPLS payload to be).</summary>
    private static bool CarriesLlc(string file) => Path.GetFileName(file) is "llc.pcap" or "tokenring.pcap" or "fddi.pcap" or "atm-rfc1483.pcap"
        or "llc-more.pcap" or "tokenring-more.pcap" or "atm-more.pcap" or "llc-bridged.pcap" or "atm-bridged.pcap" or "frelay-bridged.pcap"
        or "stp.pcap" or "garp.pcap" or "tokenring-garp.pcap";

    internal const string Script = "make-link-cases.py";
}
