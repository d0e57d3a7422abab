using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// What tshark 4.0 shows of the bytes after what a frame carries: eth.padding, the trailer under the header that named
/// the payload (eth.trailer, vlan.trailer, ieee8021ah.trailer, sll.trailer, macsec.ICV, avsp.trailer) and the FCS it
/// guesses (eth.fcs), or nothing where a default trailer heuristic (VSS Monitoring, Ixia, Gigamon) took the bytes; over
/// captures/trailer/ (tests/oracle/make-trailer-cases.py, cut and damaged frames included), every other bundled capture
/// tshark reads, and the peer corpus.
/// </summary>
[LongRunning]
public sealed class EthernetTrailerOracleTests
{
    /// <summary>The fields compared, frame.number first.</summary>
    public static readonly string[] Fields =
        ["frame.number", "eth.padding", "eth.trailer", "eth.fcs", "eth.fcs.status", "vlan.trailer", "ieee8021ah.trailer", "sll.trailer", "macsec.ICV", "avsp.trailer"];

    /// <summary>The bundled captures tshark reads, lab/ aside (its pcapng custom blocks are records to tshark).</summary>
    public static TheoryData<string> BundledCaptures() =>
        TsharkComparison.CapturesIn(".", "trailer", "link", "pseudo-link", "dns", "http", "filters", "tables", "tcp-analysis", "wifi");

    [Theory]
    [MemberData(nameof(BundledCaptures))]
    public void BundledTrailersEqualTshark(string name) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, name), Fields, frameFieldCount: 1);

    [Fact]
    public void BundledCasesAreWhatTheScriptWrites() =>
        TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-trailer-cases.py", "trailer");
}

/// <summary>
/// <see cref="EthernetTrailerOracleTests"/> on the peer corpus, a class of its own so that the two halves run as two
/// collections (CI's time: no class long enough to run alone at the end, <see cref="LongRunningFirst"/>).
/// </summary>
[LongRunning]
public sealed class EthernetTrailerPeerOracleTests
{
    [Theory]
    [MemberData(nameof(TsharkComparison.DecodedPeerFiles), MemberType = typeof(TsharkComparison))]
    public void PeerTrailersEqualTshark(string name)
    {
        TestPaths.SkipUnlessPeerCorpus();
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.PeerCorpus, name), EthernetTrailerOracleTests.Fields, frameFieldCount: 1);
    }
}
