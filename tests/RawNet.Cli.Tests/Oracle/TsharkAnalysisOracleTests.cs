using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark is the oracle for the conversation analysis (issue 9): <c>rawnet read -T fields</c> must print byte for byte
/// what <c>tshark -r FILE -T fields</c> (one pass, default preferences) prints for every stream, time, relative-number
/// and <c>tcp.analysis</c> field, on the bundled captures, the teaching captures in captures/tcp-analysis (crafted
/// cases and real lossy kernel transfers), the peer corpus (packets of link types RawNet decodes) and seeded random
/// conversations made by tests/oracle/make-tcp-conversations.py (gaps, resends, reordering, SACK, zero windows,
/// keep-alives, ICMP quotes, port reuse, wrapping sequence numbers, time going backwards).
/// </summary>
[LongRunning]
public sealed class TsharkAnalysisOracleTests
{
    /// <summary>Every field the analysis computes.</summary>
    public static readonly string[] Fields =
    [
        "frame.number", "frame.time_relative", "frame.time_delta", "frame.time_delta_displayed",
        "tcp.stream", "udp.stream", "tcp.seq", "tcp.ack", "tcp.nxtseq", "tcp.len", "tcp.seq_raw", "tcp.ack_raw",
        "tcp.window_size", "tcp.window_size_scalefactor", "tcp.time_relative", "tcp.time_delta", "udp.time_relative", "udp.time_delta",
        "tcp.analysis", "tcp.analysis.flags", "tcp.analysis.acks_frame", "tcp.analysis.ack_rtt", "tcp.analysis.initial_rtt",
        "tcp.analysis.bytes_in_flight", "tcp.analysis.push_bytes_sent", "tcp.analysis.retransmission",
        "tcp.analysis.fast_retransmission", "tcp.analysis.spurious_retransmission", "tcp.analysis.out_of_order",
        "tcp.analysis.lost_segment", "tcp.analysis.ack_lost_segment", "tcp.analysis.duplicate_ack", "tcp.analysis.duplicate_ack_num",
        "tcp.analysis.duplicate_ack_frame", "tcp.analysis.zero_window", "tcp.analysis.zero_window_probe",
        "tcp.analysis.zero_window_probe_ack", "tcp.analysis.window_full", "tcp.analysis.window_update", "tcp.analysis.keep_alive",
        "tcp.analysis.keep_alive_ack", "tcp.analysis.reused_ports", "tcp.analysis.rto", "tcp.analysis.rto_frame",
    ];

    /// <summary>The frame fields, compared on every packet whatever its link type.</summary>
    private const int FrameFieldCount = 4;

    /// <summary>Seeds of the random captures checked on every run (each takes about a second with scapy and tshark).</summary>
    public const int RandomCaptures = 10;

    // (link/, pseudo-link/, udp-ports/ and lab/ (its TCP_INFO custom blocks, which tshark numbers as frames) have oracles of their own that know where tshark's dissectors and RawNet's part.)
    public static TheoryData<string> AnalysisCaptureFiles() => TsharkComparison.CapturesIn(".", "tcp-analysis", "dns", "http", "filters",
        "ip-options", "icmpv6", "transport-fields", "tables", "trailer", "wifi");

    /// <summary>The top-level and teaching captures, which the columns and follow oracles share.</summary>
    public static TheoryData<string> CaptureFiles() => TsharkComparison.CapturesIn(".", "tcp-analysis");

    /// <summary>Seeds 1 to <paramref name="count"/> for the random captures (other oracle tests check fewer).</summary>
    public static TheoryData<int> Seeds(int count)
    {
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= count; seed++)
            data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(AnalysisCaptureFiles))]
    public void Bundled_and_teaching_captures_agree_with_tshark(string name) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, name), Fields, FrameFieldCount);

    // The link and pseudo-link captures, where tshark keys UDP by a Frame Relay circuit (DLCI) when one is crossed:
    // plain, bridged, polled, over ATM, Juniper and L2TPv3, and frelay-circuits.pcap across DLCIs.
    [Theory]
    [MemberData(nameof(TsharkColumnsOracleTests.LinkCaptures), MemberType = typeof(TsharkColumnsOracleTests))]
    public void Link_and_pseudo_link_captures_agree_with_tshark(string name) =>
        // pflog.pcap's frame 101 holds 10 bytes of a TCP header, where tshark stops before the sequence number and
        // RawNet's tcp.seq and tcp.seq_raw do not (a TCP field rule, not the conversations').
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, name), Fields, FrameFieldCount,
            allowedFrames: Path.GetFileName(name) == "pflog.pcap" ? 1 : 0);

    [Theory]
    [MemberData(nameof(TsharkComparison.DecodedPeerFiles), MemberType = typeof(TsharkComparison))]
    public void Peer_captures_agree_with_tshark(string name)
    {
        TestPaths.SkipUnlessPeerCorpus();
        CompareWithTshark(Path.Combine(TestPaths.PeerCorpus, name));
    }

    [Theory]
    [MemberData(nameof(Seeds), RandomCaptures)]
    public void Random_conversations_agree_with_tshark(int seed) =>
        TsharkComparison.WithRandomCapture("make-tcp-conversations.py", seed, path => CompareWithTshark(path));

    [Fact]
    public void A_display_filter_measures_time_delta_displayed_between_the_packets_it_shows()
    {
        var path = Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-fast-retransmission.pcap");
        if (!File.Exists(path))
            Assert.Skip($"{path} is missing");
        const string filter = "tcp.analysis.flags && !tcp.analysis.window_update";
        CompareWithTshark(path, filter);
    }

    private static void CompareWithTshark(string path, string? displayFilter = null) =>
        TsharkComparison.AssertSameFields(path, Fields, FrameFieldCount, displayFilter);
}
