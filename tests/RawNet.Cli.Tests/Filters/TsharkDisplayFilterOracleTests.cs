using RawNet.Files;
using RawNet.Files.PcapNg;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Testing;
using RawNet.Cli.Tests.Oracle;

namespace RawNet.Cli.Tests.Filters;

/// <summary>
/// tshark is the oracle for display filters: every frame RawNet decodes from the shared peer corpus and captures/ is
/// copied into one pcapng (one interface per link type), and for each expression the frame numbers
/// <c>rawnet read -Y EXPR</c> selects must be the ones <c>tshark -n -r FILE -Y EXPR</c> selects: every frame, tunnels and
/// ICMP quotes included. Expressions tshark refuses must be refused with one line.
/// </summary>
[LongRunning]
public sealed class TsharkDisplayFilterOracleTests
{
    public static TheoryData<string> Expressions() =>
    [
        "tcp", "udp", "!arp", "arp", "ip", "ipv6", "icmp", "icmpv6", "eth", "vlan", "frame",
        "udp && ip.src == 10.0.0.0/8", "tcp.port == 80", "tcp.port == 443 || udp.port == 53", "tcp.srcport == 0x50",
        "ipv6 && tcp.flags.syn == 1", "tcp.flags.syn == 1 and tcp.flags.ack == 0", "tcp.flags.reset == True", "tcp.flags == 0x018",
        "tcp.options.mss_val", "tcp.options.mss_val >= 1400", "tcp.options.wscale.shift > 5", "tcp.options.timestamp.tsval",
        "ip.ttl > 100", "ip.ttl le 64", "frame.len >= 1000", "frame.len < 60", "frame.cap_len < 100",
        "ip.flags.df == 1 or icmp", "ip.flags.mf == 1", "ip.frag_offset > 0", "ip.dsfield != 0",
        "eth.src == 00:23:4d:5b:f8:8b", "eth.dst == ff:ff:ff:ff:ff:ff", "eth.addr == ff-ff-ff-ff-ff-ff", "eth.type == 0x86dd",
        "tcp.len > 0 and !(tcp.srcport == 80)", "vlan.id == 100", "vlan.priority > 0", "ipv6.nxt == 58", "ipv6.nxt == 0", "ipv6.hlim == 255",
        "ipv6.addr == fe80::/10", "ipv6.dst == ff02::1", "ipv6.src != ::", "udp.length < 50", "udp.checksum == 0",
        "ip.addr != 192.168.1.3", "ip.addr == 192.168.0.0/16", "ip.src == 192.168.1.1", "ip.dst > 200.0.0.0", "ip.proto ~= 6",
        "icmp.type == 8", "icmpv6.type == 135", "arp.opcode == 2", "ip.id == 0 && ip", "tcp.window_size_value < 1000",
        "frame.time_epoch > 1300000000", "frame.number <= 100",
        "frame.cap_len < frame.len", "ip.src == ip.dst", "ip.src != ip.dst", "ipv6.src > ipv6.dst", "tcp.srcport < tcp.dstport",
        "udp.srcport == udp.dstport", "eth.src == eth.dst", "tcp.port == udp.port",
        "tcp.port in {80, 443, 8080}", "ip.proto not in {6, 17}", "udp.port in {53, 67..68, 123}",
        "ip.addr in {10.0.0.0/8, 192.168.0.0/16}", "ipv6.src in {fe80::..fe80::ffff:ffff:ffff:ffff}", "eth.dst in {ff:ff:ff:ff:ff:ff}",
        "tcp.flags & 0x12 == 0x12", "tcp.flags & 0x04", "ip.flags & 0x2", "!(tcp.flags & 0x10)",
        "ppp", "ppp && ip", "ppp.protocol == 0x0021", "ppp.protocol == 0xc021 && !udp", "ppp.address == 0xff && !udp", "chdlc", "chdlc.protocol == 0x8035", "chdlc.address == 0x8f && ip", "slarp",
        "slarp.ptype == 2", "slarp.address == 198.18.0.1", "slarp.reliability == 0xffff", "ipcp && !lcp.opt.type", "ipv6cp", "lcp && !udp", "ppp.code == 9 && !udp", "lcp.opt.mru == 1500",
        "lcp.opt.type == 3 && lcp.opt.algorithm", "lcp.magic_number == 0x12345678", "ppp.opt.len.invalid", "ipcp.opt.pri_dns_address == 8.8.8.8",
        "ipcp.opt.compress_proto == 0x002d", "ipv6cp.opt.type == 1", "lcp.rej_proto == 0x8021 && ipcp",
        "pap", "chap", "chap.code == 1", "pap.code == 2 && !pap.message", "pap.data && !pap.peer_id", "chap.value_size > 16", "chap.data",
        "pap.peer_id.length == 5", "chap.length < 4", "lcp && pap", "pppoes && chap", "pap.stuff || chap.stuff", "mpls", "mpls.label == 16", "mpls.bottom == 0", "mpls.exp > 0 && ipv6", "mpls.ttl == 1",
        "macsec", "macsec && ip", "macsec && data", "macsec.TCI.SC == 1", "macsec.TCI.E == 1", "macsec.AN == 3", "macsec.PN > 5", "macsec.SL > 0",
        "macsec.etype == 0x86dd", "macsec.SCI.system_identifier == 02:00:00:00:00:01", "macsec.SCI.port_identifier == 1", "macsec.ICV",
        "macsec.ICV contains a0:a1",
        "nsh", "nsh && ipv6", "nsh.spi == 5", "nsh.spi == 0xffffff", "nsh.si == 0", "nsh.Obit == 1", "nsh.ttl == 1", "nsh.mdtype == 2",
        "nsh.nextproto == 3", "nsh.length > 6", "nsh.length.invalid", "nsh.contextheader", "nsh.metadataclass == 65535", "nsh.metadatalen == 5",
        "nsh.metadataunassignedbit == 1", "nsh.metadata contains aa:bb",
        "avsp", "avsp && ipv6", "avsp && data", "avsp.sub_type == 2", "avsp.ver == 0x0120", "avsp.64ts", "avsp.48sec == 65535", "avsp.64ns > 1000000000",
        "avsp.etype == 0x8100", "avsp.trailer", "avsp.trailer == 05", "avsp.ts.unknown_version", "avsp && vlan",
        "fr", "fr && ipv6", "fr.dlci == 100", "fr.dlci > 1023", "fr.becn == 1 && tcp", "fr.cr == 1", "fr.nlpid == 0x00", "fr.snaptype == 0x86dd",
        "fr.snap.pid", "fr.dc == 1", "fr.lower_dlci", "fr.control.ftype == 3",
        "tr", "tr && ipv6", "tr.sr == 1", "tr.rif_bytes > 6", "tr.broadcast == 192", "tr.rif.ring == 0x0011", "tr.rif.bridge == 3",
        "tr.frame_type == 0", "tr.dst == c0:00:00:00:12:34 && arp", "tr.addr == 82:00:00:ab:cd:ef", "tr.direction == 128 && udp",
        "tr.src == 02:00:00:ab:cd:ef", "tr.src == 82:00:00:ab:cd:ef && !tr.rif", "tr.src[0] == 82", "tr.rif", "tr.rif == \"212-2-23A\"",
        "tr.rif contains \"-4-\"", "tr.rif matches \"^E3E\"", "tr.rif == \"\"", "llc.dsap == 0x06 && ipv6", "llc.oui == 0x0080c2", "llc.pid == 0x0002",
        "trmac", "trmac.mvec == 0x29", "trmac.length > 20", "trmac.srcclass == 5 && trmac.dstclass == 4", "tr && !trmac && !llc",
        "fddi", "fddi && ipv6", "fddi.fc.prio == 7", "fddi.fc.clf == 0x0c", "fddi.src == 40:00:00:d5:b3:f7", "fddi.addr == ff:ff:ff:ff:ff:ff",
        "fddi.dst contains 48:2c", "fddi.src[0] == 40", "llc && !eth && !tr && !fddi && !wlan", "llc.dsap == 0x06 && udp",
        "eth.fcs == 0xdeadbeef", "eth.fcs == 0xdeadbeef && vlan", "llc.pid == 0x0001 && ipv6", "llc.pid == 0x0007 && arp", "eth && llc && tr",
        "fddi.src == 02:00:00:ab:cd:ef", "fr && eth && tcp", "fr.snap.pid == 0x0009 && tr", "eth.dst == 02:00:00:00:00:0b && icmp",
        "l2tp", "l2tp && ppp", "l2tp && ip.src == 198.18.0.1", "l2tp && ipv6", "l2tp.tunnel == 5", "l2tp.session == 10", "l2tp.type == 1",
        "l2tp.length_bit", "l2tp.seq_bit == 1", "l2tp.offset_bit", "l2tp.priority", "l2tp.Ns == 1", "l2tp.Nr > 2", "l2tp.length == 12",
        "l2tp.offset == 3", "l2tp.offset_padding", "l2tp.zero_length_body_message", "l2tp.avp.hidden == 1", "l2tp.avp.vendor_id == 311",
        "l2tp.avp.type == 9", "l2tp.avp.message_type == 14", "l2tp.avp.length > 20", "l2tp.avp.mandatory == 0", "l2tp.flags == 0xc802",
        "l2tp.avp.assigned_tunnel_id == 5", "l2tp.avp.assigned_session_id", "l2tp.avp.host_name == \"lns\"", "l2tp.avp.calling_number contains \"4321\"",
        "l2tp.avp.protocol_version == 1", "l2tp.avp.receive_window_size > 2",
        "l2tp.sid == 0x1234", "l2tp.sid == 0 && ipv6", "l2tp.sid && udp", "l2tp.ccid == 0x0a0b0c0d", "l2tp.res == 0xbeef", "l2tp.version == 3",
        "l2tp && data", "l2tp.avp.pseudowire_type == 0", "l2tp.avp.pseudowire_type == 5", "l2tp.avp.local_session_id == 4660",
        "l2tp.cookie == b1:b2:b3:b4:b5:b6:b7:b8", "l2tp.cookie && !l2tp.l2_spec_def", "l2tp.l2_spec_def && !l2tp.l2_spec_sequence",
        "l2tp.l2_spec_s == 0", "l2tp.l2_spec_sequence == 16777215", "l2tp.sid && eth.src == 02:00:00:00:02:01 && udp",
        "l2tp.avp.remote_session_id > 4", "l2tp.avp.assigned_cookie == de:ad:be:ef", "l2tp.avp.remote_end_id == \"pw-1\"",
        "l2tp.avp.assigned_control_conn_id", "l2tp.avp.layer2_specific_sublayer == 1", "l2tp.version == 3 && l2tp.type == 1 && !l2tp.length_bit",
        "stp", "stp && llc.pid == 0x000e", "stp.type == 0x80", "stp.version == 2", "stp.flags.tc == 1", "stp.flags.port_role == 3",
        "stp.flags.agreement", "stp.root.prio == 32768", "stp.root.hw == 02:00:00:00:00:01", "stp.bridge.ext > 0", "stp.root.cost > 100",
        "stp.port == 0x8002", "stp.hello == 2.5", "stp.max_age >= 20", "stp.msg_age > 0", "stp.forward < 15", "stp.version_1_length",
        "mstp.version_3_length > 64", "mstp.config_name == \"region1\"", "mstp.msti.msti_id == 2", "mstp.msti.priority == 0x09",
        "mstp.cist_bridge.hw", "mstp.msti.remaining_hops < 19", "mstp.config_digest", "mstp.version_4_length",
        "gvrp", "gmrp", "stp || gvrp || gmrp", "gvrp && data", "gmrp && !data", "gvrp && vlan", "gvrp.protocol_id != 1", "gvrp.attribute_type == 1",
        "gvrp.attribute_event == 5", "gvrp.attribute_value == 4094", "gvrp.attribute_length == 2", "gvrp.end_of_mark", "gmrp.end_of_mark == 0",
        "gmrp.attribute_value_group_membership == 01:00:5e:00:00:01", "gmrp.attribute_value_service_requirement == 0x01", "gmrp.attribute_type == 2",
        "wlan", "radiotap", "ppi", "prism", "wlancap", "llc", "wlan && ip", "wlan && !llc", "radiotap && tcp", "wlan.fc.type == 2",
        "wlan.fc.type_subtype == 0x0028", "wlan.fc.protected == 1", "wlan.fc.ds == 0x03", "wlan.fc.tods && !wlan.fc.fromds",
        "wlan.bssid == 02:00:00:00:00:01", "wlan.addr == 02:00:00:00:00:04", "wlan.sa == 02:00:00:00:00:02 && udp", "wlan.seq == 291",
        "wlan.qos.tid == 5", "wlan.duration > 300", "radiotap.flags.fcs == 1", "radiotap.length > 20", "radiotap.present.tsft == 1",
        "ppi.dlt == 105", "llc.type == 0x86dd", "llc.dsap == 0x42",
        "pktap", "pktap && ipv6", "pktap && null", "pktap.dlt == 12", "pktap.rectype != 1", "pktap.hdrlen > 108", "pktap.flags == 0x11",
        "pktap.pfamily == 30", "pktap.epid == 4294967295", "pktap.ifname == \"lo0\"", "pktap.cmdname contains \"cc\"", "pktap.iftype == 24",
        "tzsp", "tzsp && wlan", "tzsp && !ip.src == 198.18.7.1", "tzsp.encap == 18", "tzsp.type == 4", "tzsp.option_tag == 99", "tzsp.wlan.signal == -60",
        "tzsp.wlan.channel > 10", "tzsp.device_name == \"mikrotik\"", "tzsp.sensormac == 00:11:22:33:44:55", "tzsp.original_length < 0", "tzsp && data",
        "eth.fcs.status == 2", "icmp.pointer", "icmp.length > 0", "icmp.data_time", "icmp.data_time_relative > 0", "ip.opt.ptr",
        "ip.opt.time_stamp", "ip.rec_rt", "ip.opt.sec_rfc791_sec", "tcp.options.sack.dsack_le",
    ];

    /// <summary>
    /// Strings and bytes (issue 13, item 2): contains, matches, string comparisons, slices of fields and protocols, byte
    /// literals and sets of them. data.data is tested only where tshark has no dissector for the payload either.
    /// </summary>
    public static TheoryData<string> StringAndByteExpressions() =>
    [
        "tcp.payload contains \"GET\"", "tcp.payload contains 47:45:54", "frame contains 47:45:54",
        "pap.peer_id == \"alice\"", "pap.password contains \"ecr\"", "chap.name matches \"^a-very\"", "chap.value[0:2] == 00:01",
        "chap.message contains \"691\"", "ipv6cp.interface_identifier == 02:00:00:ff:fe:00:00:01", "chap.stuff contains \"tu\"",
        "frame contains \"GET\"", "udp.payload contains \"\\r\\n\\r\\n\"", "dns.qry.name contains \"example\"",
        "dns.qry.name contains example", "dns.qry.name contains \"EXAMPLE\"", "eth.src contains 00:11",
        "eth.dst contains 00:00:00:00", "tcp contains \"GET\"", "ip contains \"GET\"", "eth contains \"GET\"",
        "udp contains 00:35", "data.data contains \"abc\\x00def\"", "udp.payload contains \"\\xe9\\xc9\"",
        "udp.payload contains \"\\u00e9\"", "udp.payload contains \"\\303\\251\"", "udp.payload contains 'G'",
        "udp.payload contains :47", "udp.payload contains 474", "udp.payload contains 255",
        "udp.payload contains 0x47", "udp.payload contains r\"\\r\\n\"", "udp.payload contains \"\"",
        "tcp.payload matches \"^get /\"", "tcp.payload ~ \"(?-i)^GET\"", "tcp.payload matches \"(?-i)get\"",
        "udp.payload matches \"HTTP/1\\\\.[01]\"", "udp.payload matches \"caf\\xc3\\xa9\"",
        "udp.payload matches \"CAF\\xc3\\xa9\"", "udp.payload matches \"[\\\\x80-\\\\xff]{2}\"",
        "udp.payload matches \"\\\\w\\\\W\\\\w\"", "udp.payload matches \"c\\\\x00d\"",
        "udp.payload matches \"END-MARK$\"", "udp.payload matches \"^x{2500}\"", "frame matches \"example\\\\.com\"",
        "dns.qry.name matches \"^www\\\\.\"", "dns.qry.name matches r\"^www\\.\"",
        "dns.qry.name ~ \"EXAMPLE\\\\.(com|org)$\"", "dns.qry.name matches \"001...\\\\.com\"",
        "dns.qry.name matches \"(?P<w>w)(?P=w)\"", "dns.qry.name matches \"\\\\Qa.b\\\\E\"",
        "dns.qry.name matches \"[[:digit:]]\"", "dns.qry.name matches \"\\\\x{2e}com$\"",
        "dns.qry.name matches \"(a)\\\\1\"", "dns.qry.name matches \"^(?=.*example)(?!www)\"",
        "dns.txt matches \"t\"", "eth.src matches \"^\\\\x00\\\\x1b\"", "dns.qry.name == \"example.com\"",
        "dns.qry.name == example.com", "dns.qry.name != \"example.com\"", "dns.qry.name > \"m\"",
        "dns.qry.name <= \"b\"", "dns.qry.name == \"<Root>\"", "dns.qry.name == dns.resp.name",
        "dns.qry.name in {\"example.com\", \"www.example.com\"}", "dns.qry.name in {\"a\"..\"f\", \"x\"}",
        "dns.qry.name in {a..f}", "dns.qry.name not in {\"example.com\"}", "dns.qry.name contains \"\\\\001\"",
        "dns.qry.name contains \"\\xef\\xbf\\xbd\"", "frame[12:2] == 08:00", "frame[12:2] == 0800", "frame[12] == 8",
        "frame[-4:] == 00:00:00:00", "frame[-1:1] == 00", "frame[2-5] == 00:00:00:00", "frame[:4] == ff:ff:ff:ff",
        "frame[1500:] contains 00", "frame[0:2,4:2] == ff:ff:ff:ff", "frame[0:2][1] == 00",
        "frame[100000:1] == \"\"", "frame[100000:1] != 00", "frame[0:6] == eth.dst", "eth.dst == frame[0:6]",
        "eth.src[0:3] == eth.dst[0:3]", "frame[0:2] == frame[6:2]", "ip.src[0] == 0a", "ip.src[0:2] == c0:a8",
        "ipv6.src[-1] == 01", "tcp.payload[0:4] == \"POST\"", "tcp.payload[0:3] == \"GET\"",
        "tcp.payload[0:3] == 47.45.54", "tcp.payload[0:3] == 47-45-54", "tcp.payload[0] == 47",
        "tcp.payload[0] == 'G'", "tcp.payload[0] > 71", "tcp.payload[0:1] == tcp.payload[1:1]",
        "tcp.payload[5:3] == \"\"", "tcp.payload[1:5]", "tcp.payload[0:10] matches \"^get\"",
        "udp.payload[-3:] == \"def\"", "udp.payload[0:2] == \"GE\"", "dns.qry.name[0:3] == \"www\"",
        "dns.qry.name[-3:] == \"com\"", "dns.qry.name[0] == 77", "eth.dst[0] & 1", "frame[0:2] & 01",
        "frame[0] & 01:00", "frame[0:2] & 01:00 == 01:00", "tcp[13] & 02", "tcp[12:2] & 00:02 == 00:02",
        "ip[0] == 45", "ip[9] == 6", "ip[20:1]", "ipv6[40:1]", "tcp[20:4]", "udp[8:4]", "udp[-2:2] == 00:00",
        "eth[-2:] == 08:00", "icmp[8:1]", "icmpv6[8:1]", "arp[27:1]", "vlan[3:1]", "dns[-1:1]", "mdns", "dns",
        "tcp.payload > 47", "tcp.payload >= \"GET\"", "tcp.payload < 01", "tcp.payload == \"POST /x\"",
        "udp.payload == 04:74", "udp.payload == 474", "udp.payload == 255", "udp.payload == 0xff",
        "udp.payload in {0xff, 47:04, 25:05}", "udp.payload in {00..03}", "tcp.payload", "udp.payload",
        "data.data && (icmp || udp.port == 40000 || tcp.port == 9)", "data.len > 100 && (icmp || udp.port == 40000)",
        "tcp.port in {80, 443, 8000..8080}", "tcp.port in {80, 443, 9}", "ip.proto in {1, 6..17}", "tcp.port == 'P'",
        "ip.proto == '\\x06'", "tcp == 00:50", "udp.payload == 0255",
    ];

    /// <summary>Expressions tshark 4.0 refuses: RawNet refuses them too, with one line naming the problem and where it is.</summary>
    public static TheoryData<string> Refused() =>
    [
        "tcp.payload matches \"(\"", "tcp.payload contains \"GET", "tcp.flags.syn[0] == 1", "tcp.port[0] == 0", "frame.number[0]",
        "tcp.analysis.flags[0]", "tcp.port contains 80", "ip.src contains 0a", "ip.src matches \"10\"", "tcp.port matches \"80\"",
        "tcp.payload contains \"\\u0047ET\"", "tcp.payload contains \"\\qET\"", "tcp.payload contains \"\\x\"", "dns.qry.name contains \"\\400\"",
        "eth.src == \"abc\"", "eth.src contains \"abc\"", "eth.src contains 00:1b:21:c6:42:6e:00", "frame[1:0] == 00", "frame[5-4] == 00",
        "frame[4-4] == 00", "frame[0:-1] == 00", "frame[-4-6]", "frame[4294967296:1]", "frame[a]", "frame[0:2", "frame[]",
        "tcp.payload matches 47", "tcp.payload contains GET", "frame[12:2] == 0x0800", "frame[0] == 0x100",
        "tcp.payload contains 4745:54", "tcp.port in {80 443 8000..8080}", "tcp.payload[0:3] in {\"GET\", \"POS\"}",
        "tcp.port == \"80\"", "ip.src == \"192.168.1.1\"", "tcp.port == ''", "tcp.port == 'ab'", "tcp.port == '\\q'",
        "dns.qry.name matches \"x{2,1}\"", "dns.qry.name matches \"\\\\\"", "frame contains eth.src",
    ];

    private static readonly Lazy<CombinedCapture> Capture = new(Build);

    /// <summary>tshark's answer for every expression over the combined capture, from one pass.</summary>
    private static readonly Lazy<TsharkFilterBatch> Tshark = new(() => TsharkFilterBatch.Run(
        ExternalTool.Find("tshark")!, Capture.Value.Path,
        Expressions().Concat(StringAndByteExpressions()).Concat(Refused()).Select(row => row.Data)));

    [Theory]
    [MemberData(nameof(Expressions))]
    [MemberData(nameof(StringAndByteExpressions))]
    public void SelectsTheFramesTsharkSelects(string expression)
    {
        ExternalTool.Require("tshark", "tshark");
        var combined = Capture.Value;
        if (combined.Frames == 0)
            Assert.Skip("no capture files found");
        var expected = Tshark.Value.Frames(expression);
        Assert.True(expected is not null, $"tshark refuses '{expression}': {Tshark.Value.Refusal(expression)}");
        var actual = Numbers(InProcessRawNet.Run("read", combined.Path, "-Y", expression, "-T", "fields", "-e", "frame.number"), "rawnet");
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count + extra.Count == 0,
            $"'{expression}' over {combined.Frames} frames: tshark {expected.Count}, rawnet {actual.Count}\n" +
            string.Join("\n", missing.Take(10).Select(n => "only tshark: " + combined.Origin(n)).Concat(extra.Take(10).Select(n => "only rawnet: " + combined.Origin(n)))));
    }

    /// <summary>
    /// The one pass over the combined capture answers as one <c>tshark -Y</c> per expression does: a sample of expressions
    /// of every kind, accepted and refused, run both ways.
    /// </summary>
    [Fact]
    public void OneTsharkPassSelectsWhatOneTsharkPerExpressionSelects()
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var combined = Capture.Value;
        var all = Expressions().Concat(StringAndByteExpressions()).Concat(Refused()).Select(row => row.Data).Distinct().ToList();
        // every thirtieth: about 19, from each of the three lists (protocols and fields, strings and slices, refusals)
        foreach (var expression in all.Where((_, i) => i % 30 == 0))
        {
            var alone = ExternalTool.Run(tshark, ["-n", "-r", combined.Path, "-Y", expression, "-T", "fields", "-e", "frame.number"]);
            var batched = Tshark.Value.Frames(expression);
            if (alone.ExitCode != 0)
            {
                Assert.True(batched is null, $"tshark -Y refuses '{expression}', the one pass accepts it");
                continue;
            }
            Assert.True(batched is not null, $"tshark -Y accepts '{expression}', the one pass refuses it: {Tshark.Value.Refusal(expression)}");
            Assert.True(Numbers(alone, "tshark").SetEquals(batched), $"'{expression}': tshark -Y and the one pass select different frames");
        }
    }

    /// <summary>
    /// HTTP's fields in filters, on the HTTP cases alone (their messages are put together from segments, which a combined
    /// capture of many files could mix): presence, numbers and the strings, compared, searched and matched.
    /// </summary>
    public static TheoryData<string> HttpExpressions() =>
    [
        "http", "http.request", "http.response", "http.response.code == 200", "http.response.code >= 400",
        "http.content_length > 100", "http.request.method == \"GET\"", "http.request.method == GET",
        "http.request.method in {\"POST\", \"PUT\", \"HEAD\"}", "http.request.method != \"GET\"",
        "http.host contains \"example\"", "http.host == \"split.example\"", "http.request.uri matches \"^/split/\"",
        "http.request.uri.query contains \"x=1\"", "http.user_agent contains \"curl\"", "http.response.phrase == \"OK\"",
        "http.response.code.desc contains \"Found\"", "http.request.full_uri contains \":8080\"",
        "http.content_type matches \"^text/\"", "http.file_data contains \"hello\"", "http.cookie_pair",
        "http.request.line contains \"Cookie\"", "http.unknown_header", "http.server[0:3] == \"ngi\"",
        "http.request.version == \"HTTP/1.0\"", "http.transfer_encoding == \"chunked\"", "http && tcp.len == 0",
        "http.notification", "http.request && ip.version == 6", "tcp.port == 80 && !http", "http.request.line", "http.file_data",
    ];

    private static readonly string HttpCases = System.IO.Path.Combine(TestPaths.Captures, "http", "http-cases.pcap");

    private static readonly Lazy<TsharkFilterBatch> TsharkOnHttpCases = new(() => TsharkFilterBatch.Run(
        ExternalTool.Find("tshark")!, HttpCases, HttpExpressions().Select(row => row.Data)));

    [Theory]
    [MemberData(nameof(HttpExpressions))]
    public void SelectsTheHttpFramesTsharkSelects(string expression)
    {
        ExternalTool.Require("tshark", "tshark");
        string path = HttpCases;
        var expected = TsharkOnHttpCases.Value.Frames(expression);
        Assert.True(expected is not null, $"tshark refuses '{expression}': {TsharkOnHttpCases.Value.Refusal(expression)}");
        var actual = Numbers(InProcessRawNet.Run("read", path, "-Y", expression, "-T", "fields", "-e", "frame.number"), "rawnet");
        Assert.True(expected.SetEquals(actual),
            $"'{expression}': tshark {expected.Count}, rawnet {actual.Count}; only tshark: {string.Join(' ', expected.Except(actual).Take(10))}; " +
            $"only rawnet: {string.Join(' ', actual.Except(expected).Take(10))}");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void RefusesWhatTsharkRefusesInOneLine(string expression)
    {
        ExternalTool.Require("tshark", "tshark");
        var combined = Capture.Value;
        Assert.True(Tshark.Value.Refusal(expression) is not null, $"tshark accepts '{expression}'");
        var (code, stdout, stderr) = InProcessRawNet.Run("read", combined.Path, "-Y", expression, "-T", "fields", "-e", "frame.number");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("rawnet: -Y: ", stderr);
        Assert.Matches(@" at \d+\n$", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The refusals above run in the test's process (a process of its own costs a second of CPU under CI's load, 41 of
    /// them most of a minute); one refusal runs as <c>rawnet</c> itself, to show the process ends the same way: exit code
    /// 2, nothing on standard output and the same one line on standard error.
    /// </summary>
    [Fact]
    public void A_refusal_ends_the_rawnet_process_as_it_ends_the_command()
    {
        ExternalTool.Require("tshark", "tshark");
        var combined = Capture.Value;
        string[] args = ["read", combined.Path, "-Y", "frame[0:2", "-T", "fields", "-e", "frame.number"];
        var inProcess = InProcessRawNet.Run(args);
        Assert.Equal(2, inProcess.ExitCode);
        Assert.Equal(inProcess, RawNetProcess.Run(args));
    }

    [Fact]
    public void TheCombinedCaptureCoversTheCorpus()
    {
        ExternalTool.Require("tshark", "tshark");
        var combined = Capture.Value;
        if (!Directory.Exists(TestPaths.PeerCorpus))
            Assert.Skip($"the shared corpus is not at {TestPaths.PeerCorpus}");
        Assert.True(combined.Files >= 50, $"only {combined.Files} files have frames RawNet decodes");
    }

    private static HashSet<long> Numbers((int ExitCode, string StdOut, string StdErr) run, string who)
    {
        Assert.True(run.ExitCode == 0, $"{who} exited {run.ExitCode}: {run.StdErr}");
        return run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToHashSet();
    }

    /// <summary>
    /// The decodable frames of every corpus file and captures/ in one pcapng: the peer corpus, captures/ and its DNS names
    /// and filter payloads (dns-over-tcp.pcap is left out: RawNet decodes DNS on UDP only), the link layers but
    /// LINKTYPE_PPP_WITH_DIR (tshark's reader moves its direction byte out of the frame, RawNet keeps it), 802.11, PKTAP.
    /// </summary>
    private static CombinedCapture Build()
    {
        var files = TestPaths.PeerCorpusFiles().Concat(Directory.Exists(TestPaths.Captures)
            ? Directory.GetFiles(TestPaths.Captures).Where(f => f.EndsWith(".pcap") || f.EndsWith(".pcapng")).Order(StringComparer.Ordinal)
                .Append(System.IO.Path.Combine(TestPaths.Captures, "dns", "dns-cases.pcap"))
                .Append(System.IO.Path.Combine(TestPaths.Captures, "filters", "strings-bytes.pcap"))
                .Concat(Directory.GetFiles(System.IO.Path.Combine(TestPaths.Captures, "link"), "*.pcap")
                    .Where(f => !f.EndsWith("ppp-dir.pcap", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                .Concat(Directory.GetFiles(System.IO.Path.Combine(TestPaths.Captures, "wifi"), "*.pcap").Order(StringComparer.Ordinal))
                .Append(System.IO.Path.Combine(TestPaths.Captures, "pseudo-link", "pktap.pcap"))
            : []);
        return CombinedCapture.Write("filter-oracle", files, link => PacketDecoder.DecodesLinkType(link) && CaptureLinkTypes.TsharkReads(link));
    }
}
