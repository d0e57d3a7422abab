using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// OSPF against its oracles: every field below and the chain, Protocol and Info columns of <c>rawnet read -T fields</c>
/// byte for byte as <c>tshark -T fields</c> (tshark 4.0, default preferences) prints them, and the summary lines as
/// <c>tcpdump -n</c> and <c>-v</c> print them, over captures/ospf/ospf-cases.pcap (v2 every message type, null, simple and
/// MD5 authentication, LLS, router, network, summary, external and NSSA LSAs, v3 hello, DB description, request, update and
/// ack over IPv6, cut and damaged packets: tests/oracle/make-ospf-cases.py) and the peer captures.
/// </summary>
public sealed class OspfOracleTests
{
    /// <summary>The OSPF fields compared, after the frame number.</summary>
    public static readonly string[] Fields =
    [
        "frame.number", "ospf.version", "ospf.msg", "ospf.msg.hello", "ospf.msg.dbdesc", "ospf.msg.lsreq", "ospf.msg.lsupdate",
        "ospf.msg.lsack", "ospf.packet_length", "ospf.srcrouter", "ospf.area_id", "ospf.checksum", "ospf.auth.type",
        "ospf.auth.none", "ospf.auth.simple", "ospf.auth.crypt.key_id", "ospf.auth.crypt.data_length", "ospf.auth.crypt.seq_nbr",
        "ospf.auth.crypt.data", "ospf.auth.unknown", "ospf.instance_id", "ospf.reserved", "ospf.hello.network_mask",
        "ospf.hello.interface_id", "ospf.hello.hello_interval", "ospf.v2.options", "ospf.v2.options.dn", "ospf.v2.options.o",
        "ospf.v2.options.dc", "ospf.v2.options.l", "ospf.v2.options.n", "ospf.v2.options.mc", "ospf.v2.options.e",
        "ospf.v2.options.mt", "ospf.v3.options", "ospf.hello.router_priority", "ospf.hello.router_dead_interval",
        "ospf.hello.designated_router", "ospf.hello.backup_designated_router", "ospf.hello.active_neighbor",
        "ospf.db.interface_mtu", "ospf.dbd", "ospf.dbd.r", "ospf.dbd.i", "ospf.dbd.m", "ospf.dbd.ms", "ospf.db.dd_sequence",
        "ospf.ls.number_of_lsas", "ospf.lsa.age", "ospf.lsa.donotage", "ospf.v3.lsa.do_not_age", "ospf.lsa", "ospf.v3.lsa",
        "ospf.v3.lsa.u", "ospf.v3.lsa.s12", "ospf.v3.lsa.fc", "ospf.lsa.router", "ospf.lsa.network", "ospf.lsa.summary",
        "ospf.lsa.asbr", "ospf.lsa.asext", "ospf.lsa.nssa", "ospf.v3.lsa.router", "ospf.v3.lsa.link", "ospf.v3.lsa.asext",
        "ospf.lsa.id", "ospf.link_state_id", "ospf.advrouter", "ospf.lsa.seqnum", "ospf.lsa.chksum", "ospf.lsa.length",
        "ospf.v2.router.lsa.flags", "ospf.v2.router.lsa.flags.h", "ospf.v2.router.lsa.flags.n", "ospf.v2.router.lsa.flags.w",
        "ospf.v2.router.lsa.flags.v", "ospf.v2.router.lsa.flags.e", "ospf.v2.router.lsa.flags.b", "ospf.lsa.number_of_links",
        "ospf.lsa.router.linkid", "ospf.lsa.router.linkdata", "ospf.lsa.router.linktype", "ospf.lsa.router.nummetrics",
        "ospf.lsa.router.metric0", "ospf.ls.metric", "ospf.lsa.network.netmask", "ospf.lsa.network.attchrtr",
        "ospf.lsa.asbr.netmask", "ospf.lsa.asext.netmask", "ospf.lsa.asext.type", "ospf.lsa.tos", "ospf.metric",
        "ospf.lsa.asext.fwdaddr", "ospf.lsa.asext.extrttag", "ospf.v3.router.lsa.flags", "ospf.v3.router.lsa.flags.w",
        "ospf.v3.router.lsa.flags.v", "ospf.v3.router.lsa.flags.e", "ospf.v3.router.lsa.flags.b", "ospf.v3.lsa.type",
        "ospf.v3.lsa.interface_id", "ospf.v3.lsa.neighbor_interface_id", "ospf.v3.lsa.neighbor_router_id",
        "ospf.v3.lsa.attached_router", "ospf.v2.options.p", "ospf.v3.lsa.member", "ospf.lls.checksum", "ospf.lls.data_length",
        "ospf.tlv_type", "ospf.tlv_length", "ospf.lls.ext.options", "ospf.lls.ext.options.rs", "ospf.lls.ext.options.lr",
        "ospf.v2.lls.sequence_number", "ospf.v2.lls.auth_data",
    ];

    /// <summary>The chain and columns compared, after the frame number.</summary>
    public static readonly string[] Columns = ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info"];

    /// <summary>Peer captures with OSPF in them.</summary>
    public static TheoryData<string> PeerFiles() => new("ospfv2.pcap", "ospfv2_md5.pcap");

    private static string Bundled => Path.Combine(TestPaths.Captures, "ospf", "ospf-cases.pcap");

    [Fact]
    public void BundledCasesFieldsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Fields, 1);

    [Fact]
    public void BundledCasesColumnsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Columns, 1);

    [Fact]
    public void BundledCasesFilterAsTsharkDoes() =>
        TsharkComparison.AssertSameFields(Bundled, ["frame.number", "ospf.msg"], 1,
            "ospf.msg == 4 || ospf.lsa.id == 203.0.113.0 || ospf.auth.type == 2 || ospf.version == 3 && ospf.msg.hello");

    public static TheoryData<string> Modes() => new("", "-v");

    [Theory]
    [MemberData(nameof(Modes))]
    public void BundledCasesSummariesEqualTcpdump(string mode) => TcpdumpComparison.AssertSummariesEqual(Bundled, mode);

    [Fact]
    public void BundledCasesAreWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-ospf-cases.py", "ospf");

    [Theory]
    [MemberData(nameof(PeerFiles))]
    public void PeerCapturesFieldsEqualTshark(string name) => TsharkComparison.AssertSameFields(Peer(name), Fields, 1);

    [Theory]
    [MemberData(nameof(PeerFiles))]
    public void PeerCapturesColumnsEqualTshark(string name) => TsharkComparison.AssertSameFields(Peer(name), Columns, 1);

    [Theory]
    [MemberData(nameof(PeerFiles))]
    public void PeerCapturesSummariesEqualTcpdump(string name)
    {
        TestPaths.SkipUnlessPeerCorpus();
        TcpdumpComparison.AssertSummariesEqual(Peer(name), "");
        TcpdumpComparison.AssertSummariesEqual(Peer(name), "-v");
    }

    private static string Peer(string name)
    {
        var path = Path.Combine(TestPaths.PeerCorpus, name);
        if (!File.Exists(path))
            Assert.Skip($"peer capture {path} is not present");
        return path;
    }
}
