using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark is the oracle for its TCP reassembly items on what RawNet reassembles (HTTP, DNS over TCP):
/// <c>tcp.segment_data</c> (and "Retransmitted TCP segment data"), and on the segment that completes a PDU
/// <c>tcp.segments</c>, every <c>tcp.segment</c>, <c>tcp.segment.count</c>, <c>tcp.reassembled.length</c> and
/// <c>tcp.reassembled.data</c>, with their <c>-V</c> lines, on the HTTP, DNS and TCP-analysis captures, the peer corpus
/// and tests/oracle/make-tcp-reassembly-cases.py's capture (a head over four segments, a body with an overlapping
/// resend, a message starting in the segment that completes another, DNS over three segments, one-byte segments).
/// </summary>
public sealed class TcpReassemblyOracleTests
{
    public static readonly string[] Fields =
    [
        "frame.number", "tcp.segment_data", "tcp.segments", "tcp.segment", "tcp.segment.count", "tcp.reassembled.length", "tcp.reassembled.data",
    ];

    public static TheoryData<string> CaptureFiles() => TsharkComparison.CapturesIn("http", "dns", "tcp-analysis", "tcp-reassembly");

    /// <summary>
    /// Frames where tshark reassembles what RawNet does not: across a gap a retransmission later fills (RawNet's HTTP
    /// gives a message up at a gap), and DRDA, which RawNet does not decode.
    /// </summary>
    private static int AllowedFrames(string name) => name switch
    {
        "lab-upload-lossy.pcapng" or "tcp-lossy-upload.pcap" => 1,
        "db2_select.pcap" => 31,
        _ => 0,
    };

    [Theory]
    [MemberData(nameof(CaptureFiles))]
    public void Bundled_captures_agree_with_tshark(string name) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, name), Fields, 1, allowedFrames: AllowedFrames(Path.GetFileName(name)));

    [Theory]
    [MemberData(nameof(TsharkComparison.DecodedPeerFiles), MemberType = typeof(TsharkComparison))]
    public void Peer_captures_agree_with_tshark(string name)
    {
        TestPaths.SkipUnlessPeerCorpus();
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.PeerCorpus, name), Fields, 1, allowedFrames: AllowedFrames(name));
    }

    [Fact]
    public void The_bundled_capture_is_what_the_script_writes() =>
        TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-tcp-reassembly-cases.py", "tcp-reassembly");

    [Theory]
    [InlineData("http/http-cases.pcap")]
    [InlineData("dns/dns-over-tcp.pcap")]
    [InlineData("tcp-reassembly/tcp-reassembly-cases.pcap")]
    [InlineData("tcp-analysis/tcp-rto-retransmission.pcap")]
    public void The_tree_shows_tsharks_lines(string name) => AssertSameTreeLines(Path.Combine(TestPaths.Captures, name));

    [Fact]
    public void The_tree_shows_tsharks_lines_on_the_peer_http_capture()
    {
        var path = Path.Combine(TestPaths.PeerCorpus, "ipv6_http.pcap");
        if (!File.Exists(path))
            Assert.Skip($"{path} is missing");
        AssertSameTreeLines(path);
    }

    /// <summary>The reassembly lines of <c>-V</c>, in order, trimmed of their indentation: tshark's and RawNet's alike.</summary>
    internal static void AssertSameTreeLines(string path)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var expected = ExternalTool.Run(tshark, ["-n", "-r", path, "-V"]);
        Assert.True(expected.ExitCode == 0, expected.StdErr);
        var actual = InProcessRawNet.Run(["read", path, "-V"]);
        Assert.True(actual.ExitCode == 0, actual.StdErr);
        Assert.Equal(ReassemblyLines(expected.StdOut), ReassemblyLines(actual.StdOut));
    }

    private static string[] ReassemblyLines(string tree) =>
    [
        .. tree.Split('\n').Select(line => line.Trim()).Where(line =>
            line.StartsWith("TCP segment data (", StringComparison.Ordinal) || line.StartsWith("Retransmitted TCP segment data (", StringComparison.Ordinal)
            || (line.StartsWith('[') && line.Contains(" Reassembled TCP Segment", StringComparison.Ordinal)) || line.StartsWith("[Frame: ", StringComparison.Ordinal)
            || line.StartsWith("[Segment count: ", StringComparison.Ordinal) || line.StartsWith("[Reassembled TCP ", StringComparison.Ordinal)),
    ];
}
