using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// The small protocols tshark 4.0 decodes on LANs (Wake-on-LAN, ...) against their oracles: their fields,
/// frame.protocols and the columns of <c>rawnet read -T fields</c> as <c>tshark -T fields</c> (default preferences)
/// prints them, and every summary line as <c>tcpdump -n -r</c> and <c>-v</c> print it, over captures/small/
/// (tests/oracle/make-small-cases.py).
/// </summary>
public sealed class SmallProtocolsOracleTests
{
    /// <summary>Wake-on-LAN's fields, after the frame number (data.len: what the heuristic refused).</summary>
    public static readonly string[] WolFields = ["frame.number", "wol.sync", "wol.mac", "wol.passwd", "data.len"];

    /// <summary>The protocol chain and the columns.</summary>
    public static readonly string[] Columns = ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info"];

    public static TheoryData<string> Modes() => new("", "-v");

    public static TheoryData<string> Captures() => new("wol-cases.pcap");

    private static string Bundled(string name) => Path.Combine(TestPaths.Captures, "small", name);

    [Fact]
    public void WolFieldsEqualTshark() => TsharkComparison.AssertSameFields(Bundled("wol-cases.pcap"), WolFields, 1);

    [Theory]
    [MemberData(nameof(Captures))]
    public void ColumnsEqualTshark(string capture) => TsharkComparison.AssertSameFields(Bundled(capture), Columns, 1);

    [Theory]
    [MemberData(nameof(Modes))]
    public void WolSummariesEqualTcpdump(string mode) => TcpdumpComparison.AssertSummariesEqual(Bundled("wol-cases.pcap"), mode);

    [Fact]
    public void PeerWolCaptureEqualsTshark()
    {
        string peer = Path.Combine(TestPaths.PeerCorpus, "wol.pcap");
        if (!File.Exists(peer))
            return;
        TsharkComparison.AssertSameFields(peer, [.. Columns, .. WolFields[1..]], 1);
    }

    [Fact]
    public void BundledCasesAreWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-small-cases.py", "small");

    [Theory]
    [InlineData("wol")]
    [InlineData("wol.passwd")]
    [InlineData("wol && udp")]
    public void DisplayFiltersSelectWhatTsharksSelect(string filter) =>
        TsharkComparison.AssertSameFields(Bundled("wol-cases.pcap"), ["frame.number"], 1, filter);
}
