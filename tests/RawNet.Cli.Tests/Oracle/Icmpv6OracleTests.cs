using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// ICMPv6's body against tshark: every field of <c>rawnet read -T fields</c> below byte for byte as <c>tshark -T fields</c>
/// (tshark 4.0, default preferences) prints it, over captures/icmpv6/icmpv6-cases.pcap (neighbor discovery with its
/// options, MLD and MLDv2, errors, echo, damaged options and snap-cut messages: tests/oracle/make-icmpv6-cases.py),
/// random captures from the same script, the peer captures that carry ICMPv6 and the bundled captures at the top of captures/.
/// </summary>
public sealed class Icmpv6OracleTests
{
    /// <summary>The ICMPv6 fields compared, after the frame number.</summary>
    public static readonly string[] Fields =
    [
        "frame.number", "icmpv6.type", "icmpv6.checksum.status", "icmpv6.reserved", "icmpv6.mtu", "icmpv6.pointer", "icmpv6.nonce",
        "icmpv6.mld.maximum_response_delay", "icmpv6.mld.maximum_response_code", "icmpv6.mld.multicast_address", "icmpv6.mld.flag",
        "icmpv6.mld.flag.s", "icmpv6.mld.flag.qrv", "icmpv6.mld.flag.reserved", "icmpv6.mld.qqi", "icmpv6.mld.nb_sources",
        "icmpv6.mld.source_address", "icmpv6.nd.ra.cur_hop_limit", "icmpv6.nd.ra.flag", "icmpv6.nd.ra.flag.m", "icmpv6.nd.ra.flag.o",
        "icmpv6.nd.ra.flag.h", "icmpv6.nd.ra.flag.prf", "icmpv6.nd.ra.flag.p", "icmpv6.nd.ra.flag.rsv", "icmpv6.nd.ra.router_lifetime",
        "icmpv6.nd.ra.reachable_time", "icmpv6.nd.ra.retrans_timer", "icmpv6.nd.ns.target_address", "icmpv6.nd.na.flag",
        "icmpv6.nd.na.flag.r", "icmpv6.nd.na.flag.s", "icmpv6.nd.na.flag.o", "icmpv6.nd.na.flag.rsv", "icmpv6.nd.na.target_address",
        "icmpv6.nd.rd.target_address", "icmpv6.rd.na.destination_address", "icmpv6.mldr.nb_mcast_records", "icmpv6.mldr.mar",
        "icmpv6.mldr.mar.record_type", "icmpv6.mldr.mar.aux_data_len", "icmpv6.mldr.mar.nb_sources", "icmpv6.mldr.mar.multicast_address",
        "icmpv6.mldr.mar.source_address", "icmpv6.mldr.mar.auxiliary_data", "icmpv6.opt", "icmpv6.opt.type", "icmpv6.opt.length",
        "icmpv6.opt.linkaddr", "icmpv6.opt.src_linkaddr", "icmpv6.opt.target_linkaddr", "icmpv6.opt.linkaddr_eui64",
        "icmpv6.opt.src_linkaddr_eui64", "icmpv6.opt.target_linkaddr_eui64", "icmpv6.opt.padding", "icmpv6.opt.prefix.length",
        "icmpv6.opt.prefix.flag", "icmpv6.opt.prefix.flag.l", "icmpv6.opt.prefix.flag.a", "icmpv6.opt.prefix.flag.r",
        "icmpv6.opt.prefix.flag.reserved", "icmpv6.opt.prefix.valid_lifetime", "icmpv6.opt.prefix.preferred_lifetime",
        "icmpv6.opt.reserved", "icmpv6.opt.prefix", "icmpv6.opt.redirected_packet", "icmpv6.opt.mtu", "icmpv6.opt.nonce",
        "icmpv6.opt.route_info.flag", "icmpv6.opt.route_info.flag.route_preference", "icmpv6.opt.route_info.flag.reserved",
        "icmpv6.opt.route_lifetime", "icmpv6.opt.rdnss.lifetime", "icmpv6.opt.rdnss", "icmpv6.opt.dnssl.lifetime", "icmpv6.opt.dnssl",
        "icmpv6.unknown_data", "icmpv6.resp_to", "icmpv6.resptime",
    ];

    /// <summary>Peer captures with ICMPv6 in them.</summary>
    public static TheoryData<string> PeerFiles() => new("ipv6_icmpv6_hopbyhop_packet.pcap", "ipv6_icmpv6_packet.pcap",
        "ipv6_icmpv6_packet_raw_linklayer.pcap", "ipv6_ndp.pcap", "ipv6_redirect.pcap", "teredo.pcap");

    public static TheoryData<int> Seeds() => new(1, 2, 3);

    private static string Bundled => Path.Combine(TestPaths.Captures, "icmpv6", "icmpv6-cases.pcap");

    [Fact]
    public void BundledCasesFieldsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Fields, 1);

    [Fact]
    public void BundledCasesFilterAsTsharkDoes() =>
        TsharkComparison.AssertSameFields(Bundled, ["frame.number", "icmpv6.type"], 1,
            "icmpv6.opt.type == 5 || icmpv6.nd.ra.flag.m || icmpv6.checksum.status == 0 || icmpv6.mldr.mar.record_type == 1");

    [Fact]
    public void BundledCasesAreWhatTheScriptWrites()
    {
        var python = ExternalTool.Require("/usr/bin/python3", "python3-scapy");
        var written = Path.Combine(Path.GetTempPath(), $"rawnet-icmpv6-{Environment.ProcessId}-{Guid.NewGuid():N}.pcap");
        try
        {
            var made = ExternalTool.Run(python, [Path.Combine(TestPaths.RepoRoot, "tests", "oracle", "make-icmpv6-cases.py"), written]);
            if (made.ExitCode != 0 && made.StdErr.Contains("No module named 'scapy'"))
                Assert.Skip("python3-scapy is not installed (apt-get install python3-scapy)");
            Assert.True(made.ExitCode == 0, made.StdErr);
            Assert.True(File.ReadAllBytes(written).SequenceEqual(File.ReadAllBytes(Bundled)));
        }
        finally
        {
            File.Delete(written);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomCasesEqualTshark(int seed) =>
        TsharkComparison.WithRandomCapture("make-icmpv6-cases.py", seed, path => TsharkComparison.AssertSameFields(path, Fields, 1));

    [Theory]
    [MemberData(nameof(PeerFiles))]
    public void PeerCapturesEqualTshark(string name)
    {
        var path = Path.Combine(TestPaths.PeerCorpus, name);
        if (!File.Exists(path))
            Assert.Skip($"peer capture {path} is not present");
        TsharkComparison.AssertSameFields(path, Fields, 1);
    }

    [Theory]
    [MemberData(nameof(TsharkFieldsOracleTests.BundledFiles), MemberType = typeof(TsharkFieldsOracleTests))]
    public void BundledCapturesEqualTshark(string name) => TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, name), Fields, 1);
}
