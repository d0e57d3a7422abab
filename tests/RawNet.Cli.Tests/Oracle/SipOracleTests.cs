using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// SIP and SDP against their oracles: every sip.* and sdp.* field RawNet names, frame.protocols and the columns of
/// <c>rawnet read -T fields</c> as <c>tshark -T fields</c> (tshark 4.0, default preferences) prints them, and every
/// summary line as <c>tcpdump -n -r</c> and <c>-v</c> print it, over captures/sip/sip-cases.pcap (a call with SDP, its
/// responses, REGISTER, OPTIONS, compact headers, a multipart body, SIP over TCP, cut and damaged messages, and tshark's
/// edges: tests/oracle/make-sip-cases.py) and the peer corpus's udp-ip-fragmented.pcap (a Nortel call with a multipart
/// body in a reassembled datagram).
/// </summary>
public sealed class SipOracleTests
{
    /// <summary>The SIP and SDP fields compared, after the frame number.</summary>
    public static readonly string[] Fields =
    [
        "frame.number", "sip.Method", "sip.r-uri", "sip.Request-Line", "sip.Status-Line", "sip.Status-Code", "sip.resend", "sip.Call-ID",
        "sip.CSeq", "sip.CSeq.seq", "sip.CSeq.method", "sip.From", "sip.To", "sip.Via", "sip.Contact", "sip.Content-Type",
        "sip.Content-Length", "sip.Max-Forwards", "sip.User-Agent", "sip.Expires", "sip.Accept", "sip.Accept-Contact", "sip.Alert-Info",
        "sip.Allow", "sip.Allow-Events", "sip.Authorization", "sip.Call-Info", "sip.Content-Disposition", "sip.Content-Encoding", "sip.Date",
        "sip.Event", "sip.History-Info", "sip.Min-SE", "sip.Organization", "sip.P-Asserted-Identity", "sip.P-Preferred-Identity",
        "sip.Privacy", "sip.Proxy-Authenticate", "sip.Proxy-Authorization", "sip.Reason", "sip.Record-Route", "sip.Refer-To", "sip.Require",
        "sip.Route", "sip.Server", "sip.Session-Expires", "sip.Subject", "sip.Subscription-State", "sip.Supported", "sip.Unsupported",
        "sip.Warning", "sip.WWW-Authenticate", "sdp.version", "sdp.owner", "sdp.session_name", "sdp.session_attr",
        "sdp.connection_info", "sdp.time", "sdp.media", "sdp.media_attr",
    ];

    /// <summary>The protocol chain and the columns: "SIP" or "SIP/SDP", and tshark's Info text with its marks.</summary>
    public static readonly string[] Columns = ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info"];

    public static TheoryData<string> Modes() => new("", "-v");

    private static string Bundled => Path.Combine(TestPaths.Captures, "sip", "sip-cases.pcap");

    private static string Peer => Path.Combine(TestPaths.PeerCorpus, "udp-ip-fragmented.pcap");

    [Fact]
    public void BundledCasesFieldsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Fields, 1);

    [Fact]
    public void BundledCasesColumnsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Columns, 1);

    [Theory]
    [MemberData(nameof(Modes))]
    public void BundledCasesSummariesEqualTcpdump(string mode) => TcpdumpComparison.AssertSummariesEqual(Bundled, mode);

    [Fact]
    public void BundledCasesAreWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-sip-cases.py", "sip");

    [Fact]
    public void PeerCallFieldsAndColumnsEqualTshark()
    {
        if (!File.Exists(Peer))
            Assert.Skip("the peer corpus is missing: " + Peer);
        TsharkComparison.AssertSameFields(Peer, Fields, 1);
        TsharkComparison.AssertSameFields(Peer, Columns, 1);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void PeerCallSummariesEqualTcpdump(string mode)
    {
        if (!File.Exists(Peer))
            Assert.Skip("the peer corpus is missing: " + Peer);
        TcpdumpComparison.AssertSummariesEqual(Peer, mode);
    }

    /// <summary>Display filters select what tshark's do: the protocol, header fields, SDP's fields.</summary>
    [Theory]
    [InlineData("sip")]
    [InlineData("sip.Method == \"INVITE\"")]
    [InlineData("sip.Status-Code == 200 && sip.CSeq.method == \"INVITE\"")]
    [InlineData("sip.Content-Length > 100")]
    [InlineData("sdp.media contains \"audio\"")]
    public void DisplayFiltersSelectWhatTsharksSelect(string filter) =>
        TsharkComparison.AssertSameFields(Bundled, ["frame.number"], 1, filter);

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim()
    {
        TsharkComparison.AssertTsharkShows(Bundled, ["frame.protocols", "_ws.col.Info"],
            "udp:sip:sdp", "tcp:sip:sdp", "sip:mime_multipart:sdp:data-text-lines", "Request: INVITE",
            "Status: 100 Trying", "Status: 200 OK (INVITE)", "Request: ACK", "Request: BYE", "Request: REGISTER", "(1 binding)",
            "Request: OPTIONS", "Unknown request", ", in-dialog", "(remove all bindings)", "udp:data",
            "[Malformed Packet]", "[Packet size limited during capture]");
    }
}
