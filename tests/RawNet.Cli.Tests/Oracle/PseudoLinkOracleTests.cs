using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// The capture pseudo-header link types against their oracles: every field of <c>rawnet read -T fields</c> as <c>tshark
/// -T fields</c> (4.0, default preferences) prints it, and every summary line as <c>tcpdump -n -r</c> (and <c>-v</c>)
/// prints it, over captures/pseudo-link/ (tests/oracle/make-pseudo-link-cases.py: IP over InfiniBand on link type 242,
/// Solaris ipnet on 226, Linux NFLOG on 239, Apple's PKTAP on 258, Linux ARCNET on
/// 129 and BSD ARCNET on 7, Juniper Ethernet on 178 (and PPPoE, PPP, Frame Relay, C-HDLC and Voice PIC on 167, 179, 180, 181 and 183, and the MLPPP, MLFR, GGSN, ATM2, services and ATM1 PICs on 130, 131, 133, 135, 136 and 137), Apple IP over IEEE 1394 on 138, IP over Fibre Channel on 122, pf's log on 117, OpenBSD's enc on 109,
/// Hilscher netANALYZER on 240 and 241, Endace ERF on 197, IEEE 802.3br mPackets on 274, SunATM on 123, DOCSIS on 143,
/// AX.25 on 3 and with KISS on 202,
/// VPP dispatch traces on 280, exported PDUs on 252,
/// GFP on 171 and 170, EBHSCR on 279,
/// IEEE 802.15.4 with 6LoWPAN on 195 and 230, 6LoWPAN fragments reassembled on 195, behind the non-ASK PHY on 215 and TAP on 283,
/// GPRS LLC with SNDCP on 169, Excentis XRA-31 on 273, the Symantec firewall on 99, enc and Cisco HDLC under their other numbers 13 and 112, Redback's SmartEdge on 32, Juniper VN on 184, Juniper's secure tunnel on 200)
/// and over captures the same script writes with random bytes of the pseudo-headers changed. Their Protocol and Info
/// columns are compared by <see cref="TsharkColumnsOracleTests"/>.
/// </summary>
/// <remarks>
/// On the damaged captures only the pseudo-headers' own fields are compared with tshark (with ARP's operation, which a
/// changed IPoIB type hands IP's bytes to, and IP's version, which tshark reads where an ipnet data length points);
/// summary lines are compared whole. nflog.timestamp is not compared: RawNet does not read it. ARP's addresses are not compared: RawNet
/// reads them for Ethernet hardware only, and ARP on IPoIB has InfiniBand's 20-byte hardware addresses.
/// </remarks>
[LongRunning]
public sealed class PseudoLinkOracleTests
{
    /// <summary>The pseudo-headers' own fields.</summary>
    public static readonly string[] LinkFields =
    [
        "frame.number", "ipoib.daddr", "ipoib.daddr.qpn", "ipoib.dgid", "ipoib.grh", "ipoib.grh.ipver", "ipoib.grh.tclass",
        "ipoib.grh.flowlabel", "ipoib.grh.sqpn", "ipoib.grh.sgid", "ipoib.type", "ipoib.reserved", "arp.opcode",
        "ipnet.version", "ipnet.family", "ipnet.htype", "ipnet.pktlen", "ipnet.ifindex", "ipnet.grifindex", "ipnet.zsrc",
        "ipnet.zdst", "ip.version", "nflog.family", "nflog.version", "nflog.res_id", "nflog.tlv", "nflog.tlv_length",
        "nflog.tlv_type", "nflog.protocol", "nflog.hook", "nflog.ifindex_indev", "nflog.ifindex_outdev",
        "nflog.ifindex_physindev", "nflog.ifindex_physoutdev", "nflog.prefix", "nflog.uid", "nflog.gid", "nflog.tlv_value",
        "pktap.hdrlen", "pktap.rectype", "pktap.dlt", "pktap.ifname", "pktap.flags", "pktap.pfamily", "pktap.llhdrlen",
        "pktap.lltrlrlen", "pktap.pid", "pktap.cmdname", "pktap.svc_class", "pktap.iftype", "pktap.ifunit", "pktap.epid",
        "pktap.ecmdname",
        "arcnet.src", "arcnet.dst", "arcnet.offset", "arcnet.protID", "arcnet.split_flag", "arcnet.sequence",
        "arcnet.exception_flag", "arcnet.padding",
        "juniper.magic-number", "juniper.direction", "juniper.l2hdr", "juniper.ext_total_len", "juniper.ext.ifd",
        "juniper.ext.ifl", "juniper.ext.unit", "juniper.ext.ifmt", "juniper.ext.ifle", "juniper.ext.ttp_ifmt",
        "juniper.ext.ttp_ifle", "juniper.payload_type", "juniper.atm1.cookie", "juniper.atm2.cookie", "juniper.aspic.cookie",
        "juniper.lspic.cookie", "juniper.mlpic.cookie", "juniper.cookie_len", "juniper.proto", "juniper.vlan", "juniper.encap_type", "eth.dst", "eth.src", "eth.type", "ipv6.version",
        "ap1394.dst", "ap1394.src", "ap1394.type", "ipfc.nh.da", "ipfc.nh.sa", "llc.dsap", "llc.ssap", "llc.control", "llc.oui",
        "llc.type",
        "pflog.length", "pflog.af", "pflog.action", "pflog.reason", "pflog.ifname", "pflog.ruleset", "pflog.rulenr",
        "pflog.subrulenr", "pflog.uid", "pflog.pid", "pflog.rule_uid", "pflog.rule_pid", "pflog.dir", "pflog.rewritten",
        "pflog.pad", "pflog.saddr.ipv4", "pflog.daddr.ipv4", "pflog.saddr.ipv6", "pflog.daddr.ipv6", "pflog.saddr.bytes",
        "pflog.daddr.bytes", "pflog.sport", "pflog.dport",
        "enc.af", "enc.spi", "enc.flags", "enc.flags.payload_enc", "enc.flags.payload_auth", "enc.flags.payload_compress",
        "enc.flags.header_auth", "enc.flags.reserved",
        "netanalyzer.gpio_event", "netanalyzer.gpio_event.gpio_number", "netanalyzer.gpio_event.gpio_edge", "netanalyzer.eth",
        "netanalyzer.port", "netanalyzer.framelen", "netanalyzer.packetstatus", "netanalyzer.packetstatus.rx_er",
        "netanalyzer.packetstatus.alignment_error", "netanalyzer.packetstatus.fcs_error", "netanalyzer.packetstatus.too_long",
        "netanalyzer.packetstatus.sfd_error", "netanalyzer.packetstatus.short_frame", "netanalyzer.packetstatus.short_preamble",
        "netanalyzer.packetstatus.long_preamble", "netanalyzer.buffer", "netanalyzer.buffer.state", "netanalyzer.buffer.source",
        "netanalyzer.timetick", "eth.fcs",
        "erf.ts", "erf.types", "erf.types.type", "erf.types.ext_header", "erf.flags", "erf.flags.cap", "erf.flags.vlen",
        "erf.flags.trunc", "erf.flags.rxe", "erf.flags.dse", "erf.flags.res", "erf.rlen", "erf.lctr", "erf.color", "erf.wlen",
        "erf.ehdr.types", "erf.ehdr.unknown.data", "erf.eth.off", "erf.eth.pad",
        "fpp.preamble", "fpp.preamble.pad", "fpp.preamble.smd", "fpp.preamble.frag_count", "fpp.mdata", "fpp.crc32", "fpp.mcrc32",
        "fpp.checksum.status",
        "atm.channel", "atm.aal", "atm.traffic_type", "atm.traffic.lane", "atm.vpi", "atm.vci", "atm.le_client.client",
        "atm.le_control.marker", "atm.le_control.protocol", "atm.le_control.version", "atm.le_control.opcode",
        "atm.le_control.status", "atm.le_control.transaction_id", "atm.le_control.requester_lecid", "fr.dlci",
        "docsis.fctype", "docsis.fcparm", "docsis.exthdr", "docsis.macparm", "docsis.ehdrlen", "docsis.len", "docsis.ehdr.type",
        "docsis.ehdr.len", "docsis.hcs", "docsis.hcs.status",
        "ax25_kiss.cmd", "ax25_kiss.port", "ax25_kiss.txdelay", "ax25_kiss.persistence", "ax25_kiss.slottime", "ax25_kiss.txtail",
        "ax25_kiss.fullduplex", "ax25_kiss.sethardware", "ax25_kiss.data_ack", "ax25.dst", "ax25.src", "ax25.via1", "ax25.via2",
        "ax25.via3", "ax25.via4", "ax25.via5", "ax25.via6", "ax25.via7", "ax25.via8", "ax25.ctl", "ax25.ctl.n_r", "ax25.ctl.n_s",
        "ax25.ctl.p", "ax25.ctl.f", "ax25.ctl.ftype_s", "ax25.ctl.ftype_i", "ax25.ctl.ftype_su", "ax25.ctl.u_cmd", "ax25.ctl.u_resp",
        "ax25.pid",
        "vpp.MajorVersion", "vpp.MinorVersion", "vpp.ProtocolHint", "vpp.BufferIndex", "vpp.NodeName", "vpp.metadata", "vpp.opaque",
        "vpp.opaque2", "vpp.trace",
        "exported_pdu.tag", "exported_pdu.tag_len", "exported_pdu.prot_name", "exported_pdu.ipv4_src", "exported_pdu.ipv4_dst",
        "exported_pdu.ipv6_src", "exported_pdu.ipv6_dst", "exported_pdu.port_type", "exported_pdu.src_port", "exported_pdu.dst_port",
        "exported_pdu.ss7_opc", "exported_pdu.ss7_dpc", "exported_pdu.orig_fno", "exported_pdu.dvb-ci.event", "exported_pdu.dis_table_val",
        "exported_pdu.col_proto_str", "exported_pdu.p2p_dir", "exported_pdu.unknown_tag.val", "exported_pdu.exported_pdu",
        "gfp.pli", "gfp.chec", "gfp.chec.status", "gfp.type", "gfp.pti", "gfp.pfi", "gfp.exi", "gfp.upi", "gfp.thec", "gfp.thec.status",
        "gfp.cid", "gfp.ehec", "gfp.ehec.status", "gfp.fcs", "gfp.fcs_good", "gfp.fcs_bad",
        "ebhscr.hdr", "ebhscr.mjr", "ebhscr.slot", "ebhscr.channel", "ebhscr.ver", "ebhscr.len", "ebhscr.strt", "ebhscr.stpt", "ebhscr.sts",
        "ebhscr.eth.crc", "ebhscr.eth.miifoe", "ebhscr.eth.pfoe", "ebhscr.eth.hfoe", "ebhscr.eth.rde", "ebhscr.eth.se", "ebhscr.eth.jbr",
        "ebhscr.eth.pche", "ebhscr.eth.flsc", "ebhscr.eth.rxtrc", "ebhscr.eth.trdis", "ebhscr.eth.wfsb", "ebhscr.mjrhdr", "ebhscr.eth.rsv",
        "ebhscr.eth.trc", "ebhscr.eth.trudr", "ebhscr.eth.rtrlmt", "ebhscr.eth.ltcls", "ebhscr.eth.lud", "ebhscr.eth.ms", "ebhscr.eth.fcsua",
        "ebhscr.eth.rsvd", "ebhscr.eth.spd",
        "wpan.fcf", "wpan.frame_type", "wpan.security", "wpan.pending", "wpan.ack_request", "wpan.pan_id_compression",
        "wpan.fcf.reserved", "wpan.seqno_suppression", "wpan.ie_present", "wpan.dst_addr_mode", "wpan.version",
        "wpan.src_addr_mode", "wpan.seq_no", "wpan.dst_pan", "wpan.dst16", "wpan.dst64", "wpan.src_pan", "wpan.src16",
        "wpan.src64", "wpan.addr16", "wpan.addr64", "wpan.fcs", "wpan.fcs_ok",
        "6lowpan.pattern", "6lowpan.mesh.v", "6lowpan.mesh.f", "6lowpan.mesh.hops", "6lowpan.mesh.hops8", "6lowpan.mesh.orig16",
        "6lowpan.mesh.orig64", "6lowpan.mesh.dest16", "6lowpan.mesh.dest64", "6lowpan.bcast.seqnum", "6lowpan.frag.size",
        "6lowpan.frag.tag", "6lowpan.frag.offset", "6lowpan.iphc.tf", "6lowpan.iphc.nh", "6lowpan.iphc.hlim", "6lowpan.iphc.cid",
        "6lowpan.iphc.sac", "6lowpan.iphc.sam", "6lowpan.iphc.m", "6lowpan.iphc.dac", "6lowpan.iphc.dam",
        "6lowpan.iphc.sctx.prefix", "6lowpan.iphc.dctx.prefix", "6lowpan.ecn", "6lowpan.dscp", "6lowpan.class", "6lowpan.padding",
        "6lowpan.flow", "6lowpan.next", "6lowpan.hops", "6lowpan.src", "6lowpan.dst", "6lowpan.nhc.pattern",
        "6lowpan.nhc.udp.checksum", "6lowpan.nhc.udp.ports", "6lowpan.udp.src", "6lowpan.udp.dst", "6lowpan.udp.checksum",
        "6lowpan.fragment", "6lowpan.fragment.overlap", "6lowpan.fragment.overlap.conflicts", "6lowpan.fragment.multiple_tails",
        "6lowpan.fragment.too_long_fragment", "6lowpan.fragment.error", "6lowpan.fragment.count", "6lowpan.reassembled.length",
        "wpan-nonask-phy.preamble", "wpan-nonask-phy.sfd", "wpan-nonask-phy.phr", "wpan-nonask-phy.frame_length",
        "wpan-tap.version", "wpan-tap.reserved", "wpan-tap.length", "wpan-tap.tlv.type", "wpan-tap.tlv.length", "wpan-tap.fcs_type",
        "wpan-tap.bit_rate", "wpan-tap.ch_num", "wpan-tap.ch_page", "wpan-tap.sof_ts", "wpan-tap.eof_ts", "wpan-tap.asn",
        "wpan-tap.slot_start_ts", "wpan-tap.timeslot_length", "wpan-tap.lqi", "wpan-tap.tlv.unknown", "wpan-tap.tlv.padding",
        "wpan-tap.data_length",
        "llcgprs.sapi", "llcgprs.pd", "llcgprs.cr", "llcgprs.sapib", "llcgprs.ifmt", "llcgprs.ai", "llcgprs.iignore", "llcgprs.sackns",
        "llcgprs.sacknr", "llcgprs.sacksfb", "llcgprs.kmask", "llcgprs.k", "llcgprs.s", "llcgprs.as", "llcgprs.sspare", "llcgprs.nr",
        "llcgprs.s1s2", "llcgprs.sackrbits", "llcgprs.ui", "llcgprs.ui_sp_bit", "llcgprs.nu", "llcgprs.e", "llcgprs.pm", "llcgprs.u",
        "llcgprs.pf", "llcgprs.ucom", "llcgprs.fcs", "llcgprs.romrl", "llcgprs.tompd", "llcgprs.tomhead", "llcgprs.tomdata",
        "llcgprs.xidxl", "llcgprs.xidtype", "llcgprs.xidlen1", "llcgprs.xidlen2", "llcgprs.xidspare", "llcgprs.xidbyte",
        "llcgprs.frmrrfcf", "llcgprs.frmrspare", "llcgprs.frmrvs", "llcgprs.frmrvr", "llcgprs.frmrcr", "llcgprs.frmrw4", "llcgprs.frmrw3",
        "llcgprs.frmrw2", "llcgprs.frmrw1", "sndcp.nsapi", "sndcp.x", "sndcp.f", "sndcp.t", "sndcp.m", "sndcp.nsapib", "sndcp.dcomp",
        "sndcp.pcomp", "sndcp.segment", "sndcp.npdu", "sndcp.payload",
        "xra.version", "xra.direction", "xra.packettype", "xra.tlvlength", "xra.tlv", "xra.tlv.ds_channel_id", "xra.tlv.ds_channel_frequency",
        "xra.tlv.modulation", "xra.tlv.annex", "xra.tlv.profile_id", "xra.tlv.ncp.trunc", "xra.tlv.ncp.symbolid", "xra.tlv.us_channel_id",
        "xra.tlv.sid", "xra.tlv.iuc", "xra.tlv.burstid", "xra.tlv.ucd_ccc_parity", "xra.tlv.grant_size", "xra.tlv.segment_header_present",
        "xra.tlv.ranging.number_ofdma_frames", "xra.tlv.ranging.timing_adjust", "xra.tlv.subslot_id", "xra.tlv.control_word", "xra.unknown",
        "symantec.if", "symantec.type",
        "redback.context", "redback.flags", "redback.circuit", "redback.length", "redback.protocol", "redback.dataoffset",
        "redback.l3offset", "redback.padding", "redback.unknown",
        "juniper.vn.host_ip", "juniper.vn.flags", "juniper.vn.flags.direction", "juniper.vn.flags.mirror", "juniper.vn.flags.reject",
        "juniper.vn.flags.pass", "juniper.vn.flags.log", "juniper.vn.flags.deny", "juniper.vn.flags.drop", "juniper.vn.flags.alert",
        "juniper.vn.src", "juniper.vn.dst",
        "juniper.st.eth.dst", "juniper.st.eth.src", "juniper.st.eth.type", "juniper.st.ip.len", "juniper.st.ip.proto", "juniper.st.esp.spi",
        "juniper.st.esp.seq",
        // what wiretap makes of a pseudo-header it strips (ERF): the frame's lengths and times
        "frame.len", "frame.cap_len", "frame.time_epoch", "frame.time_relative", "frame.time_delta",
    ];

    /// <summary>The link fields and the IP, UDP, TCP, ICMP and ARP fields above them.</summary>
    public static readonly string[] Fields =
    [
        .. LinkFields, "ip.hdr_len", "ip.len", "ip.id", "ip.proto", "ip.src", "ip.dst", "ipv6.plen", "ipv6.nxt",
        "ipv6.src", "ipv6.dst", "udp.srcport", "udp.dstport", "udp.length", "tcp.srcport", "tcp.flags", "tcp.options.mss_val",
        "icmp.type", "icmp.seq", "icmpv6.type", "tcp.dstport", "tcp.ack", "arp.hw.type", "arp.hw.size", "vlan.id", "mpls.label", "mpls.bottom",
        // the link layers PKTAP carries
        "null.family", "sll.pkttype", "sll.etype", "chdlc.protocol", "ppp.protocol",
        // the link layers the other Juniper link types carry
        "fr.dlci", "fr.control", "fr.nlpid",
        // ARP's AX.25 addresses
        "arp.src.hw_ax25", "arp.dst.hw_ax25",
        // what 6LoWPAN's IPHC rebuilds
        "ipv6.tclass", "ipv6.flow", "ipv6.hlim", "udp.checksum",
    ];

    public static TheoryData<string> Bundled() => TsharkComparison.CapturesIn("pseudo-link");


    [Theory]
    [MemberData(nameof(Bundled))]
    public void BundledCasesFieldsEqualTshark(string name) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, name), Fields, 1);

    [Theory]
    [MemberData(nameof(Bundled))]
    public void BundledCasesSummariesEqualTcpdump(string name)
    {
        foreach (var mode in new[] { "", "-v" })
            TcpdumpComparison.AssertSummariesEqual(Path.Combine(TestPaths.Captures, name), mode);
    }

    /// <summary>
    /// Display filters over the ARCNET, Juniper, ap1394, ipfc, pflog, enc and netanalyzer fields select the frames tshark selects; "juniper" selects none, as
    /// tshark never adds Juniper's protocol item.
    /// </summary>
    [Theory]
    [InlineData("arcnet.pcap", "arcnet")]
    [InlineData("arcnet.pcap", "arcnet.protID == 0xd4")]
    [InlineData("arcnet.pcap", "arcnet.split_flag == 255")]
    [InlineData("arcnet.pcap", "arcnet && ipv6")]
    [InlineData("arcnet.pcap", "arcnet.offset == 01:fe")]
    [InlineData("arcnet.pcap", "arcnet.src == 0x80 || arcnet.dst == 0x00")]
    [InlineData("arcnet.pcap", "ip && arcnet.sequence > 4000")]
    [InlineData("arcnet-bsd.pcap", "arcnet.exception_flag")]
    [InlineData("arcnet-bsd.pcap", "arcnet.protID == 0x99")]
    [InlineData("arcnet-bsd.pcap", "arcnet.padding == 0 && ip")]
    [InlineData("arcnet-bsd.pcap", "arcnet.split_flag == 1 || arcnet.sequence == 4660")]
    [InlineData("arcnet-bsd.pcap", "arcnet && !arcnet.split_flag")]
    [InlineData("juniper-ether.pcap", "juniper")]
    [InlineData("juniper-ether.pcap", "juniper.ext.ifl == 77")]
    [InlineData("juniper-ether.pcap", "juniper.payload_type == 2")]
    [InlineData("juniper-ether.pcap", "juniper.l2hdr == 1 && !ip")]
    [InlineData("juniper-ether.pcap", "juniper.ext_total_len > 100")]
    [InlineData("juniper-ether.pcap", "juniper.ext.ifd == 4294967295")]
    [InlineData("juniper-ether.pcap", "juniper.magic-number != 0x4d4743 && eth")]
    [InlineData("juniper-ether.pcap", "juniper.direction == 0 && udp")]
    [InlineData("ap1394.pcap", "ap1394")]
    [InlineData("ap1394.pcap", "ap1394.type == 0x86dd")]
    [InlineData("ap1394.pcap", "ap1394.src == 00:00:00:00:00:00:00:00")]
    [InlineData("ap1394.pcap", "ap1394 && arp")]
    [InlineData("ap1394.pcap", "ap1394.type < 0x0800 && !ip")]
    [InlineData("ipfc.pcap", "ipfc")]
    [InlineData("ipfc.pcap", "ipfc && !llc")]
    [InlineData("ipfc.pcap", "ipfc.nh.da == ff:ff:ff:ff:ff:ff:ff:ff")]
    [InlineData("ipfc.pcap", "ipfc && llc.type == 0x86dd")]
    [InlineData("pflog.pcap", "pflog")]
    [InlineData("pflog.pcap", "pflog.af == 24 && ipv6")]
    [InlineData("pflog.pcap", "pflog.rulenr < 0 || pflog.subrulenr == -1")]
    [InlineData("pflog.pcap", "pflog.uid == 1000 && pflog.dir == 2")]
    [InlineData("pflog.pcap", "pflog.ifname == \"em0\" && !ip")]
    [InlineData("pflog.pcap", "pflog.saddr.ipv4 == 198.18.0.1")]
    [InlineData("pflog.pcap", "pflog.length < 45")]
    [InlineData("enc.pcap", "enc")]
    [InlineData("enc.pcap", "enc.af == 2 && ipv6")]
    [InlineData("enc.pcap", "enc.spi == 0x1234 && enc.flags.payload_auth")]
    [InlineData("enc.pcap", "enc.flags.reserved != 0")]
    [InlineData("netanalyzer.pcap", "netanalyzer")]
    [InlineData("netanalyzer.pcap", "netanalyzer.eth && !eth")]
    [InlineData("netanalyzer.pcap", "netanalyzer.packetstatus.fcs_error && eth.fcs")]
    [InlineData("netanalyzer.pcap", "netanalyzer.buffer.source == 3 || netanalyzer.timetick")]
    [InlineData("netanalyzer.pcap", "netanalyzer.gpio_event.gpio_edge == 0x01")]
    [InlineData("netanalyzer.pcap", "netanalyzer.port == 2 && ip")]
    [InlineData("netanalyzer-transparent.pcap", "netanalyzer && data")]
    [InlineData("netanalyzer-transparent.pcap", "netanalyzer.packetstatus != 0")]
    [InlineData("erf.pcap", "erf")]
    [InlineData("erf.pcap", "erf.types.type == 22 && ipv6")]
    [InlineData("erf.pcap", "erf.types.ext_header && eth")]
    [InlineData("erf.pcap", "erf.ehdr.types == 126")]
    [InlineData("erf.pcap", "erf.color == 0x0abc || erf.lctr > 100")]
    [InlineData("erf.pcap", "erf.flags.trunc == 1 && erf.flags.rxe == 1")]
    [InlineData("erf.pcap", "erf.wlen < 20 && !ip")]
    [InlineData("erf.pcap", "erf.eth.off == 18")]
    [InlineData("fpp.pcap", "fpp")]
    [InlineData("fpp.pcap", "fpp.preamble.smd == 0xd5 && ip")]
    [InlineData("fpp.pcap", "fpp.mcrc32 && data")]
    [InlineData("fpp.pcap", "fpp.checksum.status == 0")]
    [InlineData("fpp.pcap", "fpp.preamble.frag_count == 0xe6 || fpp.preamble.pad == 0")]
    [InlineData("fpp.pcap", "fpp && !fpp.preamble && eth")]
    [InlineData("sunatm.pcap", "atm")]
    [InlineData("sunatm.pcap", "atm.traffic_type == 3 && eth")]
    [InlineData("sunatm.pcap", "atm.vci == 33 && ipv6")]
    [InlineData("sunatm.pcap", "atm.channel == 0 && llc")]
    [InlineData("sunatm.pcap", "lane && !eth")]
    [InlineData("sunatm.pcap", "atm.le_control.opcode == 0x0101 || atm.le_client.client == 0x1234")]
    [InlineData("wpan.pcap", "wpan")]
    [InlineData("wpan.pcap", "wpan.fcs_ok == 0")]
    [InlineData("wpan.pcap", "6lowpan && !ipv6")]
    [InlineData("wpan.pcap", "6lowpan.iphc.tf == 0x0003 && udp")]
    [InlineData("wpan-nofcs.pcap", "wpan.dst_addr_mode == 0x0003 || 6lowpan.mesh.hops")]
    [InlineData("wpan-frag.pcap", "6lowpan.fragment.count > 2 && udp")]
    [InlineData("wpan-frag.pcap", "6lowpan.fragment.overlap || 6lowpan.fragment.error == 37")]
    [InlineData("wpan-frag.pcap", "6lowpan.frag.tag == 0x0103 && !ipv6")]
    [InlineData("wpan-nonask.pcap", "wpan-nonask-phy && !wpan.fcs")]
    [InlineData("wpan-nonask.pcap", "wpan-nonask-phy.phr != wpan-nonask-phy.frame_length || udp")]
    [InlineData("wpan-tap.pcap", "wpan-tap && !wpan")]
    [InlineData("wpan-tap.pcap", "wpan-tap.fcs_type == 1 && wpan-tap.lqi > 100")]
    [InlineData("wpan-tap.pcap", "wpan-tap.tlv.type == 99 || wpan-tap.data_length < 10")]
    [InlineData("xra.pcap", "xra && !docsis")]
    [InlineData("xra.pcap", "xra.direction == 1 && ipv6")]
    [InlineData("xra.pcap", "xra.tlv.ncp.symbolid == 17 || xra.unknown || xra.tlv.ranging.timing_adjust < 0")]
    [InlineData("gprs-llc.pcap", "llcgprs && !sndcp")]
    [InlineData("gprs-llc.pcap", "sndcp.t == 1 && ipv6")]
    [InlineData("gprs-llc.pcap", "llcgprs.sapi == 2 || llcgprs.e == 1 || sndcp.payload")]
    [InlineData("gprs-llc.pcap", "llcgprs.fcs == 0 || llcgprs.xidtype == 1")]
    [InlineData("docsis.pcap", "docsis")]
    [InlineData("docsis.pcap", "docsis.hcs.status == 0")]
    [InlineData("docsis.pcap", "docsis.exthdr == 1 && ipv6")]
    [InlineData("docsis.pcap", "docsis.ehdr.type == 4 && !ip && !ipv6")]
    [InlineData("docsis.pcap", "docsis.fctype == 0x02 || docsis.fcparm == 31 || data")]
    [InlineData("docsis.pcap", "docsis && !docsis.hcs")]
    [InlineData("docsis.pcap", "docsis.len > 1000 || docsis.macparm == 0x30")]
    [InlineData("ax25.pcap", "ax25")]
    [InlineData("ax25.pcap", "ax25.pid == 0xcc && !ip && !ipv6")]
    [InlineData("ax25.pcap", "ax25.ctl.f && ax25.ctl.u_resp == 0x03")]
    [InlineData("ax25.pcap", "ax25.via8 && !ax25.pid")]
    [InlineData("ax25.pcap", "ax25_nol3 || data")]
    [InlineData("ax25.pcap", "ax25.ctl.n_s == 2 || ax25.ctl.ftype_s == 0x03")]
    [InlineData("ax25.pcap", "arp.src.hw_ax25 == 9c:60:86:82:98:98:62 && arp.opcode == 2")]
    [InlineData("ax25-kiss.pcap", "ax25_kiss && !ax25")]
    [InlineData("ax25-kiss.pcap", "ax25_kiss.data_ack == 18 || ax25_kiss.txdelay == 50")]
    [InlineData("ax25-kiss.pcap", "ax25_kiss.cmd == 0 && udp")]
    [InlineData("vpp.pcap", "vpp")]
    [InlineData("vpp.pcap", "vpp.ProtocolHint || vpp.MinorVersion")]
    [InlineData("vpp.pcap", "vpp.trace && ip")]
    [InlineData("vpp.pcap", "vpp.metadata contains \"sw_if_index\" && eth")]
    [InlineData("vpp.pcap", "vpp.NodeName == \"\" || vpp.MajorVersion != 1")]
    [InlineData("vpp.pcap", "vpp.BufferIndex == 0x12345 && !ip && !ipv6")]
    [InlineData("exported-pdu.pcap", "exported_pdu")]
    [InlineData("exported-pdu.pcap", "exported_pdu.prot_name == \"ip\" && udp")]
    [InlineData("exported-pdu.pcap", "exported_pdu.ipv4_src == 198.18.0.1")]
    [InlineData("exported-pdu.pcap", "ip.src == 198.18.0.1 && !eth")]
    [InlineData("exported-pdu.pcap", "exported_pdu.tag == 99 || exported_pdu.p2p_dir < 0")]
    [InlineData("exported-pdu.pcap", "exported_pdu && !ip && !ipv6")]
    [InlineData("gfp.pcap", "gfp")]
    [InlineData("gfp.pcap", "gfp.upi == 0x0001 && eth")]
    [InlineData("gfp.pcap", "gfp.chec.status == 0 || gfp.thec.status == 0 || gfp.ehec.status == 0")]
    [InlineData("gfp.pcap", "gfp.pfi && gfp.fcs_bad")]
    [InlineData("gfp.pcap", "gfp.pti == 4 && data")]
    [InlineData("gfp.pcap", "gfp.cid == 0xff || gfp.exi > 1")]
    [InlineData("gfp.pcap", "gfp && !gfp.type")]
    [InlineData("gfp.pcap", "gfp.pli > 1000 && ip")]
    [InlineData("gfp-transparent.pcap", "gfp && mpls")]
    [InlineData("ebhscr.pcap", "ebhscr")]
    [InlineData("ebhscr.pcap", "ebhscr && !ebhscr.hdr")]
    [InlineData("ebhscr.pcap", "ebhscr.eth.fcsua == 1 && eth")]
    [InlineData("ebhscr.pcap", "ebhscr.eth.crc || ebhscr.eth.wfsb")]
    [InlineData("ebhscr.pcap", "ebhscr.mjr != 0x50 && data")]
    [InlineData("ebhscr.pcap", "ebhscr.slot == 2 || ebhscr.channel > 0x10")]
    [InlineData("juniper-ppp.pcap", "juniper.payload_type == 200 && ip")]
    [InlineData("juniper-chdlc.pcap", "juniper.ext.ifl == 77 && chdlc")]
    [InlineData("juniper-vp.pcap", "juniper.payload_type == 2 && !udp")]
    [InlineData("juniper-atm2.pcap", "juniper.encap_type == 0 && ppp")]
    [InlineData("juniper-atm1.pcap", "juniper.payload_type == 65535")]
    [InlineData("juniper-mlppp.pcap", "juniper.cookie_len == 8 && ipv6")]
    [InlineData("juniper-mlfr.pcap", "juniper.aspic.cookie")]
    [InlineData("juniper-ggsn.pcap", "juniper.vlan == 5 || juniper.proto == 6")]
    [InlineData("juniper-services.pcap", "juniper.proto == 2 && udp")]
    [InlineData("redback.pcap", "redback")]
    [InlineData("redback.pcap", "redback.protocol == 6 && redback.unknown")]
    [InlineData("redback.pcap", "redback.padding && ipv6")]
    [InlineData("redback.pcap", "redback.l3offset > redback.dataoffset && !eth")]
    [InlineData("redback.pcap", "redback.circuit == 0x0000000a00010203 && ppp.protocol == 0x0021")]
    [InlineData("juniper-vn.pcap", "juniper.vn.flags.direction && ipv6")]
    [InlineData("juniper-vn.pcap", "juniper.vn.host_ip == 192.0.2.2 || juniper.vn.src == \"\"")]
    [InlineData("juniper-vn.pcap", "juniper.vn.flags.drop == 1")]
    [InlineData("juniper-vn.pcap", "juniper.vn.dst && !ip && !ipv6")]
    [InlineData("juniper-st.pcap", "juniper.st.esp.spi == 4294967295 || juniper.st.ip.len == 0")]
    [InlineData("juniper-st.pcap", "juniper.st.eth.type == 0x0800 && !juniper.st.esp.seq")]
    [InlineData("juniper-st.pcap", "juniper.payload_type == 6 && ipv6")]
    [InlineData("erf.pcap", "frame[0:2] == 02:00 && frame[12:2] == 08:00")]
    [InlineData("erf.pcap", "erf[0:1] == 60 || frame contains 02:00:00:00:00:01")]
    [InlineData("erf.pcap", "frame.len > 60 || frame.cap_len < 20")]
    [InlineData("erf.pcap", "frame.time_epoch < 1700000001 && frame.time_delta < 0")]
    public void DisplayFiltersSelectWhatTsharkSelects(string name, string filter) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, "pseudo-link", name), ["frame.number"], 1, displayFilter: filter);

    /// <summary>pflog's one expert item, a declared length below 45, is counted as tshark counts it (and is in the capture).</summary>
    [Fact]
    public void PflogInvalidHeaderLengthsAreExpertErrorsAsInTshark()
    {
        var (expected, actual) = ExpertLines("pflog.pcap", "PFLOG  Invalid header length");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    /// <summary>redback's unknown protocols are "Unknown Protocol Data" warnings, counted as tshark counts them.</summary>
    [Fact]
    public void RedbackUnknownProtocolsAreExpertWarningsAsInTshark()
    {
        var (expected, actual) = ExpertLines("redback.pcap", "Unknown Protocol Data");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    /// <summary>juniper's VN TLVs of an unknown type are "Incorrect format" warnings, counted as tshark counts them.</summary>
    [Fact]
    public void JuniperVnIncorrectFormatsAreExpertWarningsAsInTshark()
    {
        var (expected, actual) = ExpertLines("juniper-vn.pcap", "Incorrect format");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    /// <summary>The lines of <c>tshark -z expert</c> and of <c>rawnet stats --expert</c> on a bundled capture that hold <paramref name="marker"/>.</summary>
    private static (string[] Tshark, string[] RawNet) ExpertLines(string name, string marker)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        string path = Path.Combine(TestPaths.Captures, "pseudo-link", name);
        string[] Lines(string text) => text.Split('\n').Where(l => l.Contains(marker)).ToArray();
        return (Lines(ExternalTool.Run(tshark, ["-n", "-q", "-r", path, "-z", "expert"]).StdOut), Lines(InProcessRawNet.Run("stats", path, "--expert").StdOut));
    }

    /// <summary>erf's expert items (loss counter, error flags, extension headers past 16) are counted as tshark counts them.</summary>
    [Fact]
    public void ErfExpertItemsAreCountedAsInTshark()
    {
        var (expected, actual) = ExpertLines("erf.pcap", "   ERF  ");
        Assert.Equal(5, expected.Length);
        Assert.Equal(expected, actual);
    }

    /// <summary>docsis's items (LEN past the payload, an element of the wrong length, a bad HCS with the value it should be) are counted as tshark counts them.</summary>
    [Fact]
    public void DocsisExpertItemsAreCountedAsInTshark()
    {
        foreach (var marker in new[] { "DOCSIS  Length field value", "DOCSIS  Extended Header Length Invalid", "DOCSIS  Bad checksum" })
        {
            var (expected, actual) = ExpertLines("docsis.pcap", marker);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>gfp's checksum items (bad cHEC, tHEC, eHEC with the value each should be, bad FCS) are counted as tshark counts them.</summary>
    [Fact]
    public void GfpChecksumItemsAreCountedAsInTshark()
    {
        var (expected, actual) = ExpertLines("gfp.pcap", "GFP  Bad ");
        Assert.Equal(7, expected.Length);
        Assert.Equal(expected, actual);
    }

    /// <summary>fpp's bad CRC and mCRC items, with the value each should be, are counted as tshark counts them.</summary>
    [Fact]
    public void FppChecksumItemsAreCountedAsInTshark()
    {
        var (expected, actual) = ExpertLines("fpp.pcap", "Frame Preemption Protocol  Bad");
        Assert.True(expected.Length > 10);
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// ARP's IPv4 addresses between AX.25 hardware addresses, as tshark shows them (not in <see cref="Fields"/>: on other
    /// hardware, IPoIB's and ARCNET's, RawNet names no address).
    /// </summary>
    [Theory]
    [InlineData("ax25.pcap")]
    [InlineData("ax25-kiss.pcap")]
    public void Ax25ArpAddressesEqualTshark(string name) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, "pseudo-link", name),
            ["frame.number", "arp.src.hw_ax25", "arp.src.proto_ipv4", "arp.dst.hw_ax25", "arp.dst.proto_ipv4", "arp.src.hw_mac"], 1);

    [Fact]
    public void TheBundledCasesAreWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites(Script, "pseudo-link");

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim()
    {
        // The comparisons above cannot fail on what the captures do not hold: check they hold it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var ipoib = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "ipoib.pcap"), "frame.protocols",
            "ipoib.grh", "ipoib.daddr", "ipoib.type", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "ipoib:ip:udp", "ipoib:ip:tcp", "ipoib:ip:icmp", "ipoib:ipv6:udp", "ipoib:ipv6:icmpv6", "ipoib:arp",
            "\t1\t\t0x0800", "\t\t1\t0x0800", "0x8035", "0x1234", "Malformed", "size limited" })
            Assert.Contains(value, ipoib.StdOut);
        var ipnet = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "ipnet.pcap"), "frame.protocols",
            "ipnet.family", "ipnet.htype", "ip.version", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "ipnet:ip:udp", "ipnet:ip:tcp", "ipnet:ip:icmp", "ipnet:ipv6:udp", "ipnet:ipv6:icmpv6", "\t7\t", "\t0\t",
            "\t2\t", "Bogus IP version", "Malformed Packet: IPNET", "Malformed Packet: IPv4", "size limited" })
            Assert.Contains(value, ipnet.StdOut);
        var nflog = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "nflog.pcap"), "frame.protocols",
            "nflog.tlv_type", "nflog.tlv_value", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "nflog:ip:udp", "nflog:ip:tcp", "nflog:ip:icmp", "nflog:ipv6:udp", "nflog:ipv6:icmpv6", "nflog:arp",
            "nflog:data", "1,10,4,11,14,3,9", "<MISSING>", "99", "Malformed Packet: NFLOG", "size limited" })
            Assert.Contains(value, nflog.StdOut);
        var pktap = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "pktap.pcap"), "frame.protocols",
            "pktap.rectype", "_ws.expert.message", "_ws.col.Info");
        foreach (var value in new[] { "pcap_pktdata:eth:ethertype:ip:udp", "eth:ethertype:ip:tcp", "eth:ethertype:ip:icmp", "eth:ethertype:ipv6:udp",
            "eth:ethertype:arp", "null:ip:tcp", "null:ipv6:icmpv6", "ppp:ip:udp", "chdlc:ip:icmp", "raw:ipv6:udp", "raw:ip:tcp",
            "pcap_pktdata:ip:udp", "pcap_pktdata:ipv6:icmpv6", "sll:ethertype:ip:udp", "pktap:pcap_pktdata:pktap:pcap_pktdata:eth", "\t0\t",
            "\t2\t", "\t16777217\t", "Link-layer header type 999 is not supported", "Header length is too short",
            "PKTAP, 4294967295 byte header[Malformed Packet]", "PKTAP, 500 byte header[Malformed Packet]", "size limited" })
            Assert.Contains(value, pktap.StdOut);
        var arcnet = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "arcnet.pcap"), "frame.protocols",
            "arcnet.protID", "arcnet.split_flag", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "arcnet:ip:udp", "arcnet:ip:tcp", "arcnet:ip:icmp", "arcnet:ipv6:udp", "arcnet:ipv6:icmpv6", "arcnet:arp",
            "arcnet:ip:ipv6", "arcnet:data", "\t0xf0\t\t", "\t0xd4\t255\t", "\t0xd6\t", "\t0xf1\t", "Bogus IP version", "Bogus IPv6 version",
            "Malformed Packet: ARCNET", "Malformed Packet: IPv4", "size limited" })
            Assert.Contains(value, arcnet.StdOut);
        var arcnetBsd = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "arcnet-bsd.pcap"), "frame.protocols",
            "arcnet.protID", "arcnet.exception_flag", "arcnet.split_flag", "_ws.col.Info");
        foreach (var value in new[] { "arcnet:ip:udp", "arcnet:ip:tcp", "arcnet:ip:icmp", "arcnet:ipv6:udp", "arcnet:ipv6:icmpv6", "arcnet:arp",
            "arcnet:ip:ipv6", "arcnet:data", "\t0xd4,0xd4\t0xff\t1\t", "\t0xc4,0x99\t0xff\t0\t", "\t0xf0\t\t\t", "Bogus IP version",
            "ARCNET[Malformed Packet]", "size limited" })
            Assert.Contains(value, arcnetBsd.StdOut);
        var juniper = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "juniper-ether.pcap"), "frame.protocols",
            "juniper.l2hdr", "juniper.ext_total_len", "juniper.payload_type", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "juniper:eth:ethertype:ip:udp", "juniper:eth:ethertype:ip:tcp", "juniper:eth:ethertype:ipv6:icmpv6",
            "juniper:eth:ethertype:arp", "juniper:eth:ethertype:vlan", "juniper:ip:udp", "juniper:ipv6:udp", "juniper:mpls", "juniper:data",
            "juniper:eth:llc", "\t0x01\t\t2\t", "\t0x01\t\t72\t", "\t65535\t", "\t65530\t", "Malformed Packet: Juniper", "size limited" })
            Assert.Contains(value, juniper.StdOut);
        foreach (var (file, decoded) in new[] { ("juniper-pppoe.pcap", "juniper:eth:ethertype:pppoes:ppp:ip:udp"), ("juniper-ppp.pcap", "juniper:ppp:ipv6:udp"),
            ("juniper-frelay.pcap", "juniper:fr:ip:icmp"), ("juniper-chdlc.pcap", "juniper:chdlc:ipv6:udp"), ("juniper-vp.pcap", "juniper:ip:ipv6:udp") })
        {
            var other = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", file), "frame.protocols",
                "_ws.malformed", "_ws.col.Info").StdOut;
            foreach (var value in new[] { decoded, "juniper:ip:udp", "juniper:ipv6:udp", "juniper:data", "Malformed Packet: Juniper", "size limited" })
                Assert.Contains(value, other);
        }
        foreach (var (file, decoded) in new[] { ("juniper-mlppp.pcap", "juniper:ppp:ipv6:udp"), ("juniper-mlfr.pcap", "juniper:osi:ip:udp"),
            ("juniper-ggsn.pcap", "juniper:ipv6:udp"), ("juniper-atm2.pcap", "juniper:eth:ethertype:ip:udp"), ("juniper-services.pcap", "juniper:ip:tcp"),
            ("juniper-atm1.pcap", "juniper:llc:ipv6:udp") })
        {
            var other = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", file), "frame.protocols",
                "_ws.malformed", "_ws.col.Info").StdOut;
            foreach (var value in new[] { decoded, "Malformed Packet: Juniper", "size limited" })
                Assert.Contains(value, other);
        }
        var ap1394 = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "ap1394.pcap"), "frame.protocols",
            "ap1394.type", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "ap1394:ip:udp", "ap1394:ip:tcp", "ap1394:ip:icmp", "ap1394:ipv6:udp", "ap1394:ipv6:icmpv6",
            "ap1394:ipv6:tcp", "ap1394:arp", "ap1394:data", "\t0x8035\t", "\t0x0040\t", "Bogus IPv6 version", "Malformed Packet: IP/IEEE1394",
            "size limited" })
            Assert.Contains(value, ap1394.StdOut);
        var ipfc = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "ipfc.pcap"), "frame.protocols", "llc.dsap",
            "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "ipfc:llc:ip:udp", "ipfc:llc:ip:tcp", "ipfc:llc:ip:icmp", "ipfc:llc:ipv6:udp", "ipfc:llc:ipv6:icmpv6",
            "ipfc:llc:ipv6:tcp", "ipfc:llc:arp", "ipfc:llc:data", "\t0x06\t", "Bogus IPv6 version", "Malformed Packet: IPFC",
            "Malformed Packet: LLC", "size limited" })
            Assert.Contains(value, ipfc.StdOut);
        var pflog = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "pflog.pcap"), "frame.protocols",
            "pflog.length", "pflog.dir", "_ws.expert.message", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "pflog:ip:udp", "pflog:ip:tcp", "pflog:ip:icmp", "pflog:ipv6:udp", "pflog:ipv6:tcp", "pflog:ipv6:icmpv6",
            "pflog:data", "pflog:ipv6\t", "\t45\t2\t", "\t61\t", "\t100\t", "\t255\t", "Invalid header length", "Bogus IP version",
            "[unknown (11) em0/5] ", "[block a\u0001b\ufffdc/5] ", "[block /-1] ", "Malformed Packet: PFLOG", "size limited" })
            Assert.Contains(value, pflog.StdOut);
        var enc = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "enc.pcap"), "frame.protocols", "enc.af",
            "enc.flags", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "enc:ip:udp", "enc:ip:tcp", "enc:ip:icmp", "enc:ipv6:udp", "enc:ipv6:tcp", "enc:ipv6:icmpv6", "enc:ip:ipv6",
            "enc:data", "\t65538\t", "\t512\t0x000c0000", "\t28\t", "0xffffffff", "Bogus IP version", "Bogus IPv6 version",
            "Malformed Packet: ENC", "size limited" })
            Assert.Contains(value, enc.StdOut);
        var netanalyzer = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "netanalyzer.pcap"), "frame.protocols",
            "netanalyzer.packetstatus", "eth.fcs.status", "_ws.col.Info").StdOut
            + TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "netanalyzer-transparent.pcap"), "frame.protocols",
                "netanalyzer.packetstatus", "_ws.col.Info").StdOut;
        foreach (var value in new[] { "netanalyzer:eth:ethertype:ip:udp", "netanalyzer:eth:ethertype:ip:tcp", "netanalyzer:eth:ethertype:ip:icmp",
            "netanalyzer:eth:ethertype:ipv6:udp", "netanalyzer:eth:ethertype:ipv6:tcp", "netanalyzer:eth:ethertype:arp", "netanalyzer:data",
            "\t0x04\t2\t", "\t0xff\t2\t", "Buffer overflow", "Buffer recovery", "Time tick", "GPIO event on GPIO 1 (falling edge)",
            "Frame captured in transparent mode", "Malformed Packet", "size limited" })
            Assert.Contains(value, netanalyzer);
        var erf = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "erf.pcap"), "frame.protocols", "erf.types",
            "erf.ehdr.types", "erf.wlen", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "erf:eth:ethertype:ip:udp", "erf:eth:ethertype:ip:tcp", "erf:eth:ethertype:ip:icmp",
            "erf:eth:ethertype:ipv6:udp", "erf:eth:ethertype:ipv6:tcp", "erf:eth:ethertype:ipv6:icmpv6", "erf:ip:udp", "erf:ip:tcp",
            "erf:ip:icmp", "erf:ip:ipv6:udp", "erf:ipv6:udp", "erf:ipv6:tcp", "erf:ipv6:icmpv6", "erf:data", "\t0x0b\t", "\t0x10\t",
            "\t0x14\t", "\t0x96\t33\t", "33,126,0", "32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47\t", "\t65535\t",
            "Bogus IPv6 version", "Unknown type 99", "LEGACY", "MC_RAW_CHANNEL", "ETH[Malformed Packet]", "IPV4[Malformed Packet]",
            "ETH[Packet size limited during capture]", "Malformed Packet: IPv4", "size limited" })
            Assert.Contains(value, erf.StdOut);
        var fpp = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "fpp.pcap"), "frame.protocols",
            "fpp.preamble.smd", "fpp.checksum.status", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "fpp:eth:ethertype:ip:udp", "fpp:eth:ethertype:ip:tcp", "fpp:eth:ethertype:ip:icmp", "fpp:eth:ethertype:ipv6:udp",
            "fpp:eth:ethertype:ipv6:tcp", "fpp:eth:ethertype:ipv6:icmpv6", "fpp:eth:ethertype:arp", "fpp:eth:llc", "fpp:data", "\t0x07\t\t",
            "\t0,1\t", "[Initial fragment: SMD-S3]", "[Corrupted fragment: SMD-S2]", "[Continuation fragment: SMD-C1] [#3]", "[Verify]",
            "[Respond]", "[Express]", "[Express][Malformed Packet]", "Malformed Packet: Frame Preemption Protocol", "size limited" })
            Assert.Contains(value, fpp.StdOut);
        var docsis = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "docsis.pcap"), "frame.protocols",
            "docsis.ehdr.type", "docsis.hcs.status", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "docsis:eth:ethertype:ip:udp", "docsis:eth:ethertype:ip:tcp", "docsis:eth:ethertype:ip:icmp",
            "docsis:eth:ethertype:ipv6:udp", "docsis:eth:ethertype:ipv6:tcp", "docsis:eth:ethertype:ipv6:icmpv6", "docsis:data", "\t1,2,4\t1\t",
            "\t0\t", "Packet PDU (Encrypted)", "Reserved PDU", "Packet PDU[Malformed Packet]", "Malformed Packet: DOCSIS", "size limited" })
            Assert.Contains(value, docsis.StdOut);
        var ax25 = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "ax25.pcap"), "frame.protocols", "ax25.via8",
            "_ws.col.Info").StdOut
            + TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "ax25-kiss.pcap"), "frame.protocols",
                "_ws.col.Info").StdOut;
        foreach (var value in new[] { "ax25:ip:udp", "ax25:ip:tcp", "ax25:ip:icmp", "ax25:ip:ipv6:udp", "ax25:arp", "ax25:ax25_nol3:data", "ax25:data",
            "ax25_kiss:ax25:ip:udp", "ax25_kiss:ax25:arp", "Bogus IP version", "U F, func=DM", "S P, func=RNR, N(R)=7", "I P, N(R)=5, N(S)=2",
            "Unknown (0x42)", "Set hardware 0, Port 0", "Data frame ack 18, Port 0", "Unknown (7), Port 3", "Who has 44.4.5.6?",
            "Malformed Packet", "size limited" })
            Assert.Contains(value, ax25);
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        Assert.Contains(" UNSUPPORTED\n\t0x0000:  ", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "ax25-kiss.pcap")]).StdOut);
        // tcpdump refuses a file of link type 3 whole; RawNet's lines are compared with its lines for the frames under 202 (CaptureLinkTypes.TcpdumpReadsAs).
        var refused = ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "ax25.pcap")]);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("unknown data link type 3", refused.StdErr);
        // And a file of OpenBSD's DLT_ENC number 13, compared as enc (109) likewise.
        refused = ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "enc-dlt13.pcap")]);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("unknown data link type 13", refused.StdErr);
        // And one of Redback's SmartEdge (32), which tcpdump has no printer for: compared as 202's UNSUPPORTED lines.
        refused = ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "redback.pcap")]);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("unknown data link type 32", refused.StdErr);
        // Juniper VN (184, ARINC 429 to tcpdump) and the secure tunnel (200) have no printer: every byte in hex, as RawNet prints them.
        Assert.Contains(" UNSUPPORTED\n\t0x0000:  ", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "juniper-vn.pcap")]).StdOut);
        Assert.Contains(" UNSUPPORTED\n\t0x0000:  ", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "juniper-st.pcap")]).StdOut);
        var vpp = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "vpp.pcap"), "frame.protocols",
            "vpp.ProtocolHint", "vpp.opaque", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "vpp:vpp-metadata:vpp-opaque:vpp-opaque2:ip:udp", "vpp:vpp-metadata:vpp-opaque:vpp-opaque2:ipv6:tcp",
            "vpp:vpp-metadata:vpp-opaque:vpp-opaque2:eth:ethertype:ip:udp", "vpp:vpp-metadata:vpp-opaque:vpp-opaque2:eth:ethertype:arp",
            "vpp:vpp-metadata:vpp-opaque:vpp-opaque2:vpp-trace:ip:udp", "vpp\t", "vpp:vpp-metadata\t", "\t255\t", "l1,l2,l3,,l5,",
            "Bogus IPv6 version", "Malformed Packet: VPP", "size limited" })
            Assert.Contains(value, vpp.StdOut);
        var exported = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "exported-pdu.pcap"), "frame.protocols",
            "exported_pdu.tag", "_ws.col.Protocol", "_ws.col.Info");
        foreach (var value in new[] { "exported_pdu:ip:udp", "exported_pdu:ip:tcp", "exported_pdu:ip:icmp", "exported_pdu:ipv6:udp",
            "exported_pdu:ip:ipv6:udp", "exported_pdu:eth:ethertype:arp", "exported_pdu\t12,0\tExported PDU\t", "12,20,21,0", "12,22,23,0",
            "12,24,25,26,0", "12,28,29,0", "12,65535,0", "Bogus IPv6 version", "Exported PDU\t[Malformed Packet]", "size limited" })
            Assert.Contains(value, exported.StdOut);
        Assert.Contains(" UNSUPPORTED\n\t0x0000:  ", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "exported-pdu.pcap")]).StdOut);
        Assert.Contains(" UNSUPPORTED\n\t0x0000:  ", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "vpp.pcap")]).StdOut);
        var gfp = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "gfp.pcap"), "frame.protocols", "gfp.upi",
            "gfp.fcs_good", "_ws.malformed", "_ws.col.Info");
        foreach (var value in new[] { "gfp:eth:ethertype:ip:udp", "gfp:eth:ethertype:ipv6:tcp", "gfp:eth:ethertype:arp", "gfp:ppp:ip:udp",
            "gfp:ppp:ipv6:udp", "gfp:ppp:chdlc:ip:icmp", "gfp:ip:udp", "gfp:ip:tcp", "gfp:ip:icmp", "gfp:ipv6:udp", "gfp:ipv6:icmpv6",
            "gfp:mpls:ip:udp", "gfp:mpls:ipv6:udp", "gfp:mpls:ip:tcp", "gfp:data", "\t0x0010\t1\t", "\t0x0011\t0\t", "Client Management: Forward Defect Indication (FDI)",
            "Reserved PTI (3)", "Idle Frame", "Control Frame (Reserved)", "Client Frame[Packet size limited during capture]",
            "[Malformed Packet: length of contained item exceeds length of containing item]", "Bogus PLI does not match reported length",
            "Payload present on idle frame", "PFI bit set but PLI too short", "EXI bit set but PLI too short" })
            Assert.Contains(value, gfp.StdOut + TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "gfp.pcap"),
                "_ws.expert.message").StdOut);
        var ebhscr = TsharkComparison.FieldsRun(Path.Combine(TestPaths.Captures, "pseudo-link", "ebhscr.pcap"), "frame.protocols",
            "ebhscr.eth.fcsua", "_ws.expert.message", "_ws.col.Info");
        foreach (var value in new[] { "ebhscr:eth:ethertype:ip:udp", "ebhscr:eth:ethertype:ip:tcp", "ebhscr:eth:ethertype:ipv6:udp",
            "ebhscr:eth:ethertype:ipv6:icmpv6", "ebhscr:eth:ethertype:ip:icmp", "ebhscr:eth:ethertype:arp", "ebhscr:data", "\t1\t",
            "Ethernet controller 2 Link Up Speed 1000M", "Ethernet controller 0 Link Down", "Frame Header is malformed", "Status Flag is set",
            "[Malformed Packet]" })
            Assert.Contains(value, ebhscr.StdOut);
        Assert.Contains(" UNSUPPORTED\n\t0x0000:  ", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "ebhscr.pcap")]).StdOut);
        Assert.Contains(" UNSUPPORTED\n\t0x0000:  ", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "gfp.pcap")]).StdOut);
        Assert.Contains(" UNSUPPORTED\n\t0x0000:  ", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "gfp-transparent.pcap")]).StdOut);
        Assert.Contains(" UNSUPPORTED\n\t0x0000:  ", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "docsis.pcap")]).StdOut);
        Assert.Contains(" UNSUPPORTED\n\t0x0000:  ", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "erf.pcap")]).StdOut);
        Assert.Contains(" UNSUPPORTED\n\t0x0000:  ", ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "fpp.pcap")]).StdOut);
        var lines = ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "pflog.pcap")]).StdOut
            + ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "enc.pcap")]).StdOut
            + ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "netanalyzer.pcap")]).StdOut
            + ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "netanalyzer-transparent.pcap")]).StdOut
            + ExternalTool.Run(tcpdump, ["-n", "-r", Path.Combine(TestPaths.Captures, "pseudo-link", "symantec.pcap")]).StdOut;
        foreach (var value in new[] { "[|symantec]", "invalid ethertype 0, length ", "ethertype 802.1Q (0x8100), length ",
            "ethertype Unknown (0x1234), length ", "ARP, Request who-has", "IP6 2001:db8::1.40000 > 2001:db8::2.9: UDP", "[pflog: invalid header length!]", "[|pflog]", "rule 5.main.1/2(fragment): pass in/out on em0: ",
            "rule 5/unkn(200): unkn(3) unkn(3) on em0: ", "IP6 ", "(authentic,confidential): SPI 0x00001234: IP ", "(unprotected): SPI", "[|enc]",
            "[|netanalyzer]", "[|netanalyzer_transparent]", "ethertype Unknown (0x88ff)" })
            Assert.Contains(value, lines);
    }

    /// <summary>
    /// An ERF record shorter than its pseudo-header (the fixed header, a chain of extension headers that never ends, an
    /// Ethernet record without its offset and pad) makes tshark's wiretap refuse the rest of the file, so the bundled
    /// capture holds none: RawNet decodes every such record as a malformed ERF layer and goes on to the next.
    /// </summary>
    [Fact]
    public void ErfRecordsShorterThanTheirPseudoHeaderStopTsharkButNotRawNet()
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var whole = Convert.FromHexString("0000000000f1536563040018000000080102030405060708");
        byte[][] records =
        [
            whole[..15],
            Convert.FromHexString("0000000000f15365960400280000000080000000000000008000000000000000"),
            Convert.FromHexString("0000000000f153650204001100000001"),
            whole,
        ];
        string path = Path.Combine(Path.GetTempPath(), $"rawnet-erf-short-{Environment.ProcessId}.pcap");
        using (var file = File.Create(path))
        {
            file.Write(Convert.FromHexString("d4c3b2a1020004000000000000000000ffff0000c5000000"));
            var header = new byte[16];
            foreach (var record in records)
            {
                BitConverter.TryWriteBytes(header.AsSpan(8), record.Length);
                BitConverter.TryWriteBytes(header.AsSpan(12), record.Length);
                file.Write(header);
                file.Write(record);
            }
        }
        try
        {
            var refused = ExternalTool.Run(tshark, ["-n", "-r", path]);
            Assert.Contains("ERF", refused.StdErr);
            var ours = InProcessRawNet.Run("read", path, "-T", "fields", "-e", "frame.number", "-e", "erf.types", "-e", "_ws.col.Info");
            Assert.Equal(0, ours.ExitCode);
            var lines = ours.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(records.Length, lines.Length);
            Assert.EndsWith("Unknown type 99", lines[^1]);
            Assert.All(lines[..^1], line => Assert.Contains("[Malformed Packet]", line));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The layers sit where tshark's PDML puts them: counted from the frame wiretap hands over, after the pseudo-header it
    /// takes out of the record (the ERF header, its extension headers, Ethernet's offset and pad; SunATM's 4 bytes; PPP's
    /// direction byte).
    /// </summary>
    [Theory]
    [InlineData("pseudo-link/erf.pcap", "eth@0 ip@14 udp@34")]
    [InlineData("pseudo-link/sunatm.pcap", "llc@0 ip@8 udp@28")]
    [InlineData("link/ppp-dir.pcap", "ppp@0 ip@4 udp@24")]
    public void LayerPositionsAreCountedFromThePacketAsInTshark(string name, string sample)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        string path = Path.Combine(TestPaths.Captures, name);
        string[] names = ["eth", "llc", "ppp", "ip", "ipv6", "udp", "tcp"];
        var pdml = System.Xml.Linq.XDocument.Parse(ExternalTool.Run(tshark, ["-n", "-r", path, "-T", "pdml"]).StdOut);
        var theirs = pdml.Root!.Elements("packet").Select(p => string.Join(" ", p.Elements("proto")
            .Where(e => names.Contains((string?)e.Attribute("name"))).Select(e => $"{e.Attribute("name")!.Value}@{e.Attribute("pos")!.Value}")))
            .ToArray();
        var json = InProcessRawNet.Run("read", path, "-T", "json").StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(theirs.Length, json.Length);
        // Packets cut short are left out: PDML drops an item whose dissector threw before adding it, RawNet keeps the layer.
        var whole = Enumerable.Range(0, json.Length).Where(i => json[i].GetProperty("outcome").GetString() == "ok").ToArray();
        var expected = whole.Select(i => theirs[i]).ToArray();
        var ours = whole.Select(i => string.Join(" ", json[i].GetProperty("layers").EnumerateArray()
            .Where(l => names.Contains(l.GetProperty("name").GetString())).Select(l => $"{l.GetProperty("name").GetString()}@{l.GetProperty("offset").GetInt32()}")))
            .ToArray();
        Assert.True(whole.Length > 10);
        Assert.Contains(sample, expected);
        Assert.Equal(expected, ours);
    }

    internal const string Script = "make-pseudo-link-cases.py";
}

/// <summary>
/// <see cref="PseudoLinkOracleTests"/>' damaged headers, a class of their own so that they run as a collection of their
/// own (CI's time: no class long enough to run alone at the end, <see cref="LongRunningFirst"/>).
/// </summary>
[LongRunning]
public sealed class PseudoLinkDamagedOracleTests
{
    [Fact]
    public void DamagedHeadersEqualTsharkAndTcpdump()
    {
        var files = GeneratedCaptures.Damaged(PseudoLinkOracleTests.Script);
        Assert.NotEmpty(files);
        // the combinable files in one combined capture (one tshark start instead of one a file), the others alone
        var together = files.Where(CombinedCapture.Combinable).ToList();
        TsharkComparison.AssertSameFields(GeneratedCaptures.Combined("pseudo-link-damaged", together), PseudoLinkOracleTests.LinkFields, 1);
        foreach (var file in files)
        {
            if (!together.Contains(file))
                TsharkComparison.AssertSameFields(file, PseudoLinkOracleTests.LinkFields, 1);
            TcpdumpComparison.AssertSummariesEqual(file, "");
            TcpdumpComparison.AssertSummariesEqual(file, "-v");
        }
    }
}
