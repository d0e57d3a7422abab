using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// DNS against its oracles: every DNS field of <c>rawnet read -T fields</c> byte for byte as <c>tshark -T fields</c>
/// (tshark 4.0, default preferences) prints it, and every summary line as <c>tcpdump -n -r</c> (and <c>-v</c>) prints it,
/// over captures/dns/dns-cases.pcap (queries and answers of every type, compression, NXDOMAIN, UPDATE, EDNS options,
/// mDNS, LLMNR, IPv6, damaged and snap-cut messages: tests/oracle/make-dns-cases.py), random captures from the same script,
/// and the peer captures that carry DNS; and DNS over TCP (captures/dns/dns-over-tcp.pcap, and random streams).
/// </summary>
public sealed class DnsOracleTests
{
    /// <summary>The DNS fields compared, after the frame number.</summary>
    public static readonly string[] Fields =
    [
        "frame.number", "dns.length", "dns.id", "dns.flags", "dns.flags.response", "dns.flags.opcode", "dns.flags.authoritative",
        "dns.flags.conflict", "dns.flags.truncated", "dns.flags.recdesired", "dns.flags.tentative", "dns.flags.recavail", "dns.flags.z", "dns.flags.authenticated", "dns.flags.checkdisable",
        "dns.flags.rcode", "dns.count.queries", "dns.count.zones", "dns.count.answers", "dns.count.prerequisites", "dns.count.auth_rr",
        "dns.count.updates", "dns.count.add_rr", "dns.qry.name", "dns.qry.name.len", "dns.count.labels", "dns.qry.type", "dns.qry.class",
        "dns.qry.qu", "dns.resp.name", "dns.resp.type", "dns.resp.class", "dns.resp.cache_flush", "dns.resp.ttl", "dns.resp.len",
        "dns.a", "dns.aaaa", "dns.cname", "dns.ptr.domain_name", "dns.mx.preference", "dns.mx.mail_exchange", "dns.ns", "dns.txt",
        "dns.txt.length", "dns.soa.mname", "dns.soa.rname", "dns.soa.serial_number", "dns.soa.refresh_interval",
        "dns.soa.retry_interval", "dns.soa.expire_limit", "dns.soa.minimum_ttl", "dns.srv.service", "dns.srv.proto", "dns.srv.name",
        "dns.srv.priority", "dns.srv.weight", "dns.srv.port", "dns.srv.target", "dns.rr.udp_payload_size", "dns.resp.ext_rcode",
        "dns.resp.edns0_version", "dns.resp.z", "dns.resp.z.do", "dns.resp.z.reserved",
    ];

    /// <summary>The columns compared: DNS writes Protocol ("DNS", "MDNS", "LLMNR") and Info ("Standard query 0x1234 A www.example.com").</summary>
    public static readonly string[] Columns = ["frame.number", "_ws.col.Protocol", "_ws.col.Info"];

    /// <summary>Peer captures with DNS in them (on link types RawNet decodes).</summary>
    public static TheoryData<string> PeerFiles() => new("udp_dns_request_response.pcap", "LinuxCookedCapture.pcap", "test_stream.pcap", "udp.pcap");

    public static TheoryData<string> Modes() => new("", "-v");

    public static TheoryData<int> Seeds() => new(1, 2, 3);

    private static string Bundled => Path.Combine(TestPaths.Captures, "dns", "dns-cases.pcap");

    [Fact]
    public void BundledCasesFieldsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Fields, 1);

    [Fact]
    public void BundledCasesColumnsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Columns, 1);

    [Theory]
    [MemberData(nameof(Modes))]
    public void BundledCasesSummariesEqualTcpdump(string mode) => TcpdumpComparison.AssertSummariesEqual(Bundled, mode);

    /// <summary>The packets whose tcpdump line names DNS's ports.</summary>
    private const string DnsPorts = @"\.(53|5353)[: ]";

    private static string OverTcp => Path.Combine(TestPaths.Captures, "dns", "dns-over-tcp.pcap");

    /// <summary>DNS over TCP: tcpdump reads each segment alone.</summary>
    [Theory]
    [MemberData(nameof(Modes))]
    public void OverTcpSummariesEqualTcpdump(string mode) => TcpdumpComparison.AssertSummariesEqual(OverTcp, mode);

    /// <summary>
    /// DNS over TCP: tshark puts messages together across segments. The one frame left out comes after a segment that
    /// was not captured, inside a message held: tshark places it and waits for the gap; RawNet gives the message up.
    /// frame.protocols names "dns" once per call of tshark's DNS dissector (a segment's bytes, and before them a message
    /// put together from earlier segments), however many messages the call reads, and for a call that threw on a length
    /// the capture cut (as _ws.short says).
    /// </summary>
    [Fact]
    public void OverTcpFieldsEqualTshark() => TsharkComparison.AssertSameFields(OverTcp, [.. Fields, "tcp.len", "frame.protocols", "_ws.short", "data.len"], 1,
        "!(tcp.analysis.lost_segment && tcp.srcport == 40000)");

    /// <summary>Over TCP each message clears the Info text of the one before it in the segment, but not of one put together from earlier segments.</summary>
    [Fact]
    public void OverTcpColumnsEqualTshark() => TsharkComparison.AssertSameFields(OverTcp, Columns, 1,
        "!(tcp.analysis.lost_segment && tcp.srcport == 40000)");

    /// <summary>
    /// Random DNS streams over TCP, cut into segments anywhere, with segments the capture cut, sent twice or lost (about
    /// 100 frames a seed). Up to 2 frames a seed may differ, all of one kind: after a lost or cut segment inside a
    /// message, tshark keeps every later message of the stream in reassemblies of their own that wait for the missing
    /// bytes, while RawNet holds one message a direction and reads on from the next whole one (seeds 1 to 10: 7 frames
    /// of 1,101 differ).
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomStreamsOverTcpEqualTshark(int seed) =>
        TsharkComparison.WithRandomCapture("make-dns-cases.py", seed, path =>
        {
            TsharkComparison.AssertSameFields(path, Fields, 1, allowedFrames: 2);
            // The columns differ on more frames of the same kind, and where a keep-alive's byte lies within a message
            // tshark could not put together (seeds 1 to 10: 32 frames of 1,101).
            TsharkComparison.AssertSameFields(path, Columns, 1, allowedFrames: 5);
        }, "--tcp");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomCasesEqualTsharkAndTcpdump(int seed) =>
        TsharkComparison.WithRandomCapture("make-dns-cases.py", seed, path =>
        {
            TsharkComparison.AssertSameFields(path, Fields, 1);
            TsharkComparison.AssertSameFields(path, Columns, 1);
            TcpdumpComparison.AssertSummariesEqual(path, "");
            TcpdumpComparison.AssertSummariesEqual(path, "-v");
        });

    [Theory]
    [MemberData(nameof(PeerFiles))]
    public void PeerCapturesEqualTsharkAndTcpdump(string name)
    {
        var path = Path.Combine(TestPaths.PeerCorpus, name);
        if (!File.Exists(path))
            Assert.Skip($"peer capture {path} is not present");
        TsharkComparison.AssertSameFields(path, Fields, 1);
        TsharkComparison.AssertSameFields(path, Columns, 1, "dns || mdns || llmnr");
        TcpdumpComparison.AssertSummariesEqual(path, "", DnsPorts);
        TcpdumpComparison.AssertSummariesEqual(path, "-v", DnsPorts);
    }

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim()
    {
        // The oracle comparison above cannot fail on what the capture does not hold: check it holds it.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var types = TsharkComparison.FieldsRun(Bundled, "dns.resp.type", "dns.flags.rcode", "_ws.malformed");
        var values = types.StdOut.Split('\n').SelectMany(l => l.Split('\t')).SelectMany(v => v.Split(',')).ToHashSet();
        foreach (var type in new[] { "1", "2", "5", "6", "12", "15", "16", "28", "33", "41", "13", "43" })
            Assert.Contains(type, values);
        var summary = RawNetProcess.Run(["read", Bundled]).StdOut;
        foreach (var text in new[] { "NXDomain", "[|domain]", "<BAD PTR>", "<DOMAIN NAME TOO LONG>", "(Cache flush)", "[2q]", "[1au]", " 3/0/0 ", "BadVers" })
            Assert.Contains(text, summary, StringComparison.Ordinal);
    }
}
