using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark 4.0 is the oracle for what a TCP segment's payload is handed to once the analysis knows the segment
/// (RawNet.Protocols.Conversations.TcpPayloadHandoff): no dissector for a retransmission, a spurious retransmission, an
/// out-of-order segment or a part of a message a reassembling dissector holds; data for a keep-alive. For every packet of
/// the captures with TCP analysis, HTTP and DNS over TCP, <c>frame.protocols</c> up to the protocol after TCP (what comes
/// after HTTP or a DNS message is those protocols' own oracles'), <c>_ws.col.Protocol</c> and <c>_ws.col.Info</c> must be
/// tshark's (one shared tshark run per capture), but for the exemptions below, each with its reason.
/// </summary>
public sealed class TcpPayloadHandoffOracleTests
{
    private const string HttpAsksForMore =
        "bytes on an HTTP port tshark's HTTP keeps asking for more of without a message to show (no line end, or a line " +
        "past its bound): tshark's TCP keeps them, RawNet's HTTP gives them up and shows data";

    /// <summary>Frames that cannot agree yet, by file and frame, each with its reason.</summary>
    private static readonly IReadOnlyDictionary<(string File, int Frame), string> KnownDifferences = new Dictionary<(string, int), string>
    {
        [("http-cases.pcap", 236)] = HttpAsksForMore,
        [("http-cases.pcap", 251)] = HttpAsksForMore,
        [("http-cases.pcap", 317)] = HttpAsksForMore,
        [("http-cases.pcap", 331)] = HttpAsksForMore,
        [("http-cases.pcap", 332)] = HttpAsksForMore,
        [("http-cases.pcap", 339)] = HttpAsksForMore,
        [("ipv4_tso_frame.pcap", 1)] = HttpAsksForMore,
        [("http-cases.pcap", 157)] = "a message tshark's HTTP threw on after its first line: tshark lists http, RawNet's HTTP shows the bytes as data",
        [("transport-fields.pcap", 15)] = "a zero UDP checksum over IPv6, which tshark's Info calls [ILLEGAL CHECKSUM (0)] (an expert item RawNet's Info does not write)",
    };

    public static TheoryData<string> BundledFiles() => TsharkComparison.CapturesIn("tcp-analysis", "http", "dns", "transport-fields");

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void Bundled_captures_hand_tcp_payloads_on_as_tshark_does(string name) => Compare(Path.Combine(TestPaths.Captures, name));

    [Theory]
    [InlineData("ipv4_tso_frame.pcap")]
    [InlineData("ipv6_http.pcap")]
    [InlineData("tcp.pcap")]
    public void Peer_captures_hand_tcp_payloads_on_as_tshark_does(string name)
    {
        var path = Path.Combine(TestPaths.PeerCorpus, name);
        if (!File.Exists(path))
            Assert.Skip($"peer capture {path} is not present");
        Compare(path);
    }

    private static void Compare(string path)
    {
        var fields = TsharkColumnsOracleTests.PlainFields;
        var tshark = TsharkComparison.FieldLines(path, fields);
        var ours = ProtocolChainOracleTests.Lines(InProcessRawNet.Run(["read", path, "-T", "fields", .. fields.SelectMany(f => new[] { "-e", f })]), path);
        // tshark shows a pcapng custom block (the lab's TCP_INFO annotations) as a frame of "data"; RawNet hands no frame for it.
        while (tshark.Count > ours.Count && tshark[^1].StartsWith("data\t", StringComparison.Ordinal) && path.EndsWith(".pcapng", StringComparison.Ordinal))
            tshark.RemoveAt(tshark.Count - 1);
        Assert.Equal(tshark.Count, ours.Count);
        var mismatches = new List<string>();
        for (int i = 0; i < tshark.Count; i++)
        {
            if (KnownDifferences.ContainsKey((Path.GetFileName(path), i + 1)))
                continue;
            var want = tshark[i].Split('\t');
            var got = ours[i].Split('\t');
            if (ThroughTcp(want[0]) != ThroughTcp(got[0]) || want[1] != got[1] || want[2] != got[2])
                mismatches.Add($"packet {i + 1}: tshark '{tshark[i]}'\n           rawnet '{ours[i]}'");
        }
        Assert.True(mismatches.Count == 0, $"{Path.GetFileName(path)}: {mismatches.Count} mismatches\n" + string.Join("\n", mismatches.Take(30)));
    }

    /// <summary>A chain up to the protocol its first TCP hands the payload to (the whole chain when it has no TCP).</summary>
    private static string ThroughTcp(string chain)
    {
        var protocols = chain.Split(':');
        int tcp = Array.IndexOf(protocols, "tcp");
        return tcp < 0 ? chain : string.Join(':', protocols.Take(tcp + 2));
    }
}
