using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// IGMP against its oracles: every field below and the Protocol and Info columns of <c>rawnet read -T fields</c> byte for
/// byte as <c>tshark -T fields</c> (tshark 4.0, default preferences) prints them, and the summary lines as <c>tcpdump -n</c>
/// (and <c>-v</c>) prints them, over captures/igmp/igmp-cases.pcap (v1, v2 and v3 queries and reports, leaves, unclaimed
/// types, bad checksums, a record count past the message, messages cut at many points, RGMP to its group and to another:
/// tests/oracle/make-igmp-cases.py) and the peer captures that carry IGMP and RGMP.
/// </summary>
public sealed class IgmpOracleTests
{
    /// <summary>The IGMP fields compared, after the frame number.</summary>
    public static readonly string[] Fields =
    [
        "frame.number", "igmp.version", "igmp.type", "igmp.reserved", "igmp.max_resp", "igmp.max_resp.exp", "igmp.max_resp.mant",
        "igmp.checksum", "igmp.checksum.status", "igmp.maddr", "igmp.s", "igmp.qrv", "igmp.qqic", "igmp.num_src", "igmp.saddr",
        "igmp.num_grp_recs", "igmp.record_type", "igmp.aux_data_len", "igmp.aux_data", "igmp.data", "rgmp.type", "rgmp.reserved",
        "rgmp.checksum", "rgmp.checksum.status", "rgmp.maddr",
    ];

    /// <summary>The chain and columns compared, after the frame number.</summary>
    public static readonly string[] Columns = ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info"];

    /// <summary>Peer captures with IGMP in them.</summary>
    public static TheoryData<string> PeerFiles() => new("IGMP_dataset.pcap", "IGMPv3_Multihost.pcap");

    public static TheoryData<string> Modes() => new("", "-v");

    private static string Bundled => Path.Combine(TestPaths.Captures, "igmp", "igmp-cases.pcap");

    [Fact]
    public void BundledCasesFieldsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Fields, 1);

    [Fact]
    public void BundledCasesColumnsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Columns, 1);

    [Fact]
    public void BundledCasesFilterAsTsharkDoes() =>
        TsharkComparison.AssertSameFields(Bundled, ["frame.number", "igmp.type"], 1,
            "igmp.version == 3 && igmp.record_type == 2 || igmp.checksum.status == 0 || igmp.maddr == 239.1.1.1 || igmp.data || rgmp");

    [Theory]
    [MemberData(nameof(Modes))]
    public void BundledCasesSummariesEqualTcpdump(string mode) => TcpdumpComparison.AssertSummariesEqual(Bundled, mode);

    [Fact]
    public void BundledCasesAreWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-igmp-cases.py", "igmp");

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
