using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark is the oracle for the byte-string fields: <c>rawnet read -T fields -e tcp.payload -e udp.payload</c> prints
/// byte for byte what tshark 4.0 prints (hex without separators; absent when the capture kept no payload byte, or TCP's
/// data offset is bogus) on every capture RawNet decodes. <c>data.data</c> and <c>data.len</c> are tshark's only where
/// none of its dissectors takes the payload, so they are compared on the captures where RawNet and tshark both leave
/// the payloads undissected (ICMP data, UDP on unknown ports, tunnels, fragments, truncated packets).
/// </summary>
public sealed class TsharkPayloadFieldsOracleTests
{
    internal static readonly string[] PayloadFields = ["frame.number", "tcp.payload", "udp.payload"];
    internal static readonly string[] DataFields = ["frame.number", "data.data", "data.len"];

    public static TheoryData<string> Bundled() => TsharkComparison.CapturesIn(".", "filters");

    [Theory]
    [MemberData(nameof(Bundled))]
    public void BundledPayloadsEqualTshark(string name) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, name), PayloadFields, 1);

    [Theory]
    [MemberData(nameof(TsharkComparison.DecodedPeerFiles), MemberType = typeof(TsharkComparison))]
    public void PeerPayloadsEqualTshark(string name)
    {
        TestPaths.SkipUnlessPeerCorpus();
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.PeerCorpus, name), PayloadFields, 1);
    }

    [Theory]
    [InlineData("icmp-errors.pcap")]
    [InlineData("ip-fragments.pcap")]
    [InlineData("truncated.pcap")]
    [InlineData("bad-checksums.pcap")]
    [InlineData("filters/strings-bytes.pcap")]
    public void BundledUndissectedDataEqualsTshark(string name) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, name), DataFields, 1);

    [Theory]
    [InlineData("ICMPv4.pcap")]
    [InlineData("gre_all_options.pcap")]
    [InlineData("udp.pcap")]
    [InlineData("tcp_with_extra_bytes.pcap")]
    [InlineData("udpPacketWithEthernetTrailers.pcap")]
    [InlineData("vxlan.pcap")]
    [InlineData("linktype_null_capture.pcap")]
    public void PeerUndissectedDataEqualsTshark(string name)
    {
        string path = Path.Combine(TestPaths.PeerCorpus, name);
        if (!File.Exists(path))
            Assert.Skip($"the shared corpus is not at {TestPaths.PeerCorpus}");
        TsharkComparison.AssertSameFields(path, DataFields, 1);
    }
}
