using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark is the oracle for the TCP, UDP and ICMP fields issue 13's scan found missing: checksum statuses, the flags
/// string, the option items and SACK edges, tcp.completeness and the connection expert items, ICMP's little-endian
/// echo numbers, response pairing, unused bytes and redirect gateway. Compared byte for byte with <c>tshark -T fields</c>
/// over the bundled captures (the crafted captures/transport-fields and the TCP-analysis ones included), the peer corpus
/// and random TCP conversations.
/// </summary>
public sealed class TsharkTransportFieldsOracleTests
{
    public static readonly string[] Fields =
    [
        "frame.number", "frame.len", "frame.cap_len", "frame.time_epoch",
        "tcp.completeness", "tcp.flags.str", "tcp.checksum.status", "tcp.options", "tcp.options.nop", "tcp.options.eol",
        "tcp.options.mss", "tcp.options.sack_perm", "tcp.options.timestamp", "tcp.options.wscale", "tcp.options.sack",
        "tcp.options.sack_le", "tcp.options.sack_re", "tcp.options.sack.count", "tcp.option_kind", "tcp.connection.syn",
        "tcp.connection.synack", "tcp.connection.fin", "tcp.connection.rst", "tcp.connection.fin_active",
        "tcp.connection.fin_passive", "udp.checksum.status", "icmp.checksum.status", "icmp.ident_le", "icmp.seq_le",
        "icmp.resp_to", "icmp.resptime", "icmp.unused", "icmp.redir_gw",
        "icmp.pointer", "icmp.length", "icmp.length.original_datagram", "icmp.data_time", "icmp.data_time_relative",
        "tcp.options.sack.dsack_le", "tcp.options.sack.dsack_re",
    ];

    private const int FrameFieldCount = 4;

    public static TheoryData<string> CaptureFiles() => TsharkComparison.CapturesIn(".", "tcp-analysis", "transport-fields");

    [Theory]
    [MemberData(nameof(CaptureFiles))]
    public void Bundled_captures_agree_with_tshark(string name) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, name), Fields, FrameFieldCount);

    [Theory]
    [MemberData(nameof(TsharkComparison.DecodedPeerFiles), MemberType = typeof(TsharkComparison))]
    public void Peer_captures_agree_with_tshark(string name)
    {
        TestPaths.SkipUnlessPeerCorpus();
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.PeerCorpus, name), Fields, FrameFieldCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_conversations_agree_with_tshark(int seed) =>
        TsharkComparison.WithRandomCapture("make-tcp-conversations.py", seed,
            path => TsharkComparison.AssertSameFields(path, Fields, FrameFieldCount));

    [Fact]
    public void Bundled_cases_are_what_the_script_writes() =>
        TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-transport-field-cases.py", "transport-fields");
}
