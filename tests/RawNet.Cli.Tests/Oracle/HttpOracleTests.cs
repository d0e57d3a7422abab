using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// HTTP against its oracles: every HTTP field and the Protocol and Info columns from <c>rawnet read</c> byte for byte as <c>tshark -T fields</c> (tshark 4.0, default preferences: HTTP reassembled
/// across segments) prints them, over captures/http/http-cases.pcap (tests/oracle/make-http-cases.py: requests and
/// responses of every shape, messages split anywhere, resends, IPv4 and IPv6, every default HTTP port, cut and damaged
/// messages), random captures from the same script, the bundled and analysis captures with HTTP in them and the peer
/// captures that carry it; and the summary lines of the bundled cases as <c>tcpdump -n -r</c> prints them. The packets
/// display filters on HTTP's fields select are the display filter oracle's
/// (<see cref="Filters.TsharkDisplayFilterOracleTests.HttpExpressions"/>, one tshark pass for all of them).
/// </summary>
public sealed class HttpOracleTests
{
    /// <summary>The fields compared, after the frame number.</summary>
    public static readonly string[] Fields =
    [
        "frame.number", "_ws.col.Protocol", "_ws.col.Info", "http.request", "http.response", "http.notification", "http.request.method",
        "http.request.uri", "http.request.uri.path", "http.request.uri.query", "http.request.uri.query.parameter", "http.request.version",
        "http.request.full_uri", "http.response.version", "http.response.code", "http.response.code.desc", "http.response.phrase",
        "http.host", "http.user_agent", "http.accept", "http.accept_encoding", "http.accept_language", "http.connection", "http.content_type",
        "http.content_length", "http.content_length_header", "http.content_encoding", "http.transfer_encoding", "http.server", "http.date",
        "http.cache_control", "http.last_modified", "http.location", "http.cookie", "http.cookie_pair", "http.set_cookie", "http.referer",
        "http.authorization", "http.authbasic", "http.proxy_authorization", "http.proxy_authenticate", "http.www_authenticate",
        "http.x_forwarded_for", "http.upgrade", "http.sec_websocket_key", "http.request.line", "http.response.line", "http.unknown_header",
        "http.file_data", "http.chat", "http.leading_crlf",
    ];

    /// <summary>Captures with HTTP in them, besides the bundled cases: RawNet's own and the peer corpus's.</summary>
    public static TheoryData<string> OtherCaptures() => new(
        Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap"), Path.Combine(TestPaths.Captures, "tcp-handshake-ipv6.pcap"),
        Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-lossy-upload.pcap"), Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-lossy-upload-ipv6.pcap"),
        Path.Combine(TestPaths.PeerCorpus, "ipv6_http.pcap"), Path.Combine(TestPaths.PeerCorpus, "802.1q_vlan_ipv4_tcp.pcap"),
        Path.Combine(TestPaths.PeerCorpus, "LinuxCookedCapturev2.pcap"), Path.Combine(TestPaths.PeerCorpus, "ip_packet_bogus_length.pcap"),
        Path.Combine(TestPaths.PeerCorpus, "test_stream.pcap"));

    public static TheoryData<int> Seeds() => new(1, 2, 3);

    public static TheoryData<string> Modes() => new("", "-v");

    private static string Bundled => Path.Combine(TestPaths.Captures, "http", "http-cases.pcap");

    [Fact]
    public void BundledCasesEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Fields, 1);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomCasesEqualTshark(int seed) =>
        TsharkComparison.WithRandomCapture("make-http-cases.py", seed, path => TsharkComparison.AssertSameFields(path, Fields, 1));

    /// <summary>
    /// The HTTP fields of captures with other traffic too (their columns are TsharkColumnsOracleTests' business: DNS,
    /// for one, has no column text of its own in RawNet).
    /// </summary>
    [Theory]
    [MemberData(nameof(OtherCaptures))]
    public void OtherCapturesEqualTshark(string path)
    {
        if (!File.Exists(path))
            Assert.Skip($"{path} is not present (the peer corpus lives beside the repository)");
        TsharkComparison.AssertSameFields(path, Fields.Where(f => !f.StartsWith("_ws.col.", StringComparison.Ordinal)).ToArray(), 1);
    }

    /// <summary>
    /// Frames of the bundled cases whose chain differs from tshark's for what TCP hands HTTP, not for a body
    /// (TcpPayloadHandoffOracleTests gives each its reason): none may differ otherwise.
    /// </summary>
    private static readonly int[] HandoffDifferences = [157, 236, 251, 317, 331, 332, 339];

    /// <summary>frame.protocols with the dissectors of HTTP bodies (data-text-lines, json, mime_multipart and its parts...).</summary>
    [Fact]
    public void BundledCasesProtocolChainsEqualTshark() => AssertSameProtocolChains(Bundled, HandoffDifferences);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomCasesProtocolChainsEqualTshark(int seed) =>
        TsharkComparison.WithRandomCapture("make-http-cases.py", seed, path => AssertSameProtocolChains(path, []));

    [Theory]
    [MemberData(nameof(OtherCaptures))]
    public void OtherCapturesProtocolChainsEqualTshark(string path)
    {
        if (!File.Exists(path))
            Assert.Skip($"{path} is not present (the peer corpus lives beside the repository)");
        AssertSameProtocolChains(path, []);
    }

    [Fact]
    public void TheBundledCasesCoverEveryBodyDissector()
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var text = TsharkComparison.FieldsRun(Bundled, "frame.protocols").StdOut;
        foreach (var chain in new[] { "http:data-text-lines\n", "http:data-text-lines:xml\n", "http:media\n", "http:xml\n", "http:json\n",
            "http:json:data-text-lines\n", "http:urlencoded-form\n", "http:message-http\n", "http:mime_multipart:data\n", "http:mime_multipart\n",
            "http:mime_multipart:data-text-lines:json:data:data:media:mime_multipart:data-text-lines\n", "http:data:data\n", "http:data:http:data\n" })
            Assert.Contains(chain, text, StringComparison.Ordinal);
    }

    private static void AssertSameProtocolChains(string path, int[] exempt)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var expected = TsharkComparison.FieldsRun(path, "frame.number", "frame.protocols");
        Assert.True(expected.ExitCode == 0, $"tshark failed on {path}: {expected.StdErr}");
        var actual = InProcessRawNet.Run("read", path, "-T", "fields", "-e", "frame.number", "-e", "frame.protocols");
        Assert.True(actual.ExitCode == 0, $"rawnet failed on {path}: {actual.StdErr}");
        var theirs = expected.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var ours = actual.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(theirs.Length, ours.Length);
        var mismatches = theirs.Zip(ours).Where((pair, i) => pair.First != pair.Second && !exempt.Contains(i + 1))
            .Select(pair => $"tshark {pair.First} | rawnet {pair.Second}").ToList();
        Assert.True(mismatches.Count == 0, $"{Path.GetFileName(path)}: {mismatches.Count} chains differ\n" + string.Join("\n", mismatches.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void BundledCasesSummariesEqualTcpdump(string mode) =>
        // tcpdump prints HTTP on ports 80 and 8080; its other lines are TcpdumpSummaryOracleTests' business.
        TcpdumpComparison.AssertSummariesEqual(Bundled, mode, @"\.(80|8080)[: ]");

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim()
    {
        // The comparisons above cannot fail on what the capture does not hold: check it holds it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var run = TsharkComparison.FieldsRun(Bundled, "_ws.col.Protocol", "_ws.col.Info", "http.response.code", "tcp.port", "ipv6.src");
        var text = run.StdOut;
        foreach (var expected in new[] { "HTTP/JSON", "HTTP/XML", "HTTP/SMIL", "(text/html)", "[TCP segment of a reassembled PDU]", "Continuation",
            "[Packet size limited during capture]", "[Malformed Packet]", "NOTIFY * HTTP/1.1", "M-POST /m", "\t404\t", "\t999\t", "2001:db8::1" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
        foreach (int port in new[] { 80, 8080, 3128, 3132, 5985, 8088, 11371, 1900, 2869, 2710, 631, 3689 })
            Assert.Contains($",{port}\t", text, StringComparison.Ordinal);
        // A message put together from segments, and the frame that completes it.
        var reassembled = ExternalTool.Run(tshark, ["-n", "-r", Bundled, "-Y", "tcp.reassembled.length", "-T", "fields", "-e", "frame.number"]);
        Assert.True(reassembled.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 8);
    }
}
