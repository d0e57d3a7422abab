using RawNet.Files;
using RawNet.Output.Columns;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark is the oracle for the packet list's columns: <c>rawnet read -T fields -e _ws.col.Protocol -e _ws.col.Info
/// -e frame.coloring_rule.name</c> must print what <c>tshark -T fields</c> prints for the Protocol and Info columns
/// (one pass, default preferences) and, with <c>--color</c> and checksum verification on, for the colouring rule, on the
/// bundled and teaching captures, the peer corpus, seeded random TCP conversations, the Info cases of
/// tests/oracle/make-info-cases.py (every wording, every prefix of a few packets, cooked and loopback link types, random
/// echo and ARP exchanges), and every frame of captures/link/ and captures/pseudo-link/ with the damaged variants their
/// scripts write for seeds 1 to 4. Only the named exceptions below are not compared, each for the reason it gives.
/// </summary>
public sealed class TsharkColumnsOracleTests
{
    /// <summary>
    /// Protocols tshark decodes and RawNet does not. When a packet carries one (outside an ICMP error's quote), tshark's
    /// Protocol and Info columns are that protocol's (a TCP packet keeps only its analysis tags in front), so only those
    /// tags are compared. A protocol not named here fails the test: every exception is on this list.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> UndecodedProtocols = new Dictionary<string, string>
    {
        ["ipp"] = "IPP: tshark hands HTTP bodies on port 631 to it when no media type claims them",
        ["vssmonitoring"] = "VSS Monitoring's Ethernet trailer: RawNet shows no layer for it, and reads it only where tshark's heuristic runs "
            + "past the capture (LinkLayerOracleTests.TrailerCutsMarkTheInfoColumnAsTsharkDoes compares those columns)",
        ["dns"] = "DNS (UDP 53): tshark shows the query and its answers",
        ["mdns"] = "multicast DNS (UDP 5353)",
        ["rtcp"] = "RTCP: tshark shows the report types",
        ["drda"] = "IBM DRDA (TCP 50000): tshark shows the DDM commands",
        ["dvmrp"] = "DVMRP (IGMP type 0x13): tshark shows its code",
        ["msnip"] = "MSNIP (IGMP types 0x23 to 0x25)",
        ["mrdisc"] = "multicast router discovery (IGMP types 0x24 to 0x26 to 224.0.0.2)",
        ["igap"] = "IGAP (IGMP types 0x40 to 0x42)",
        ["esp"] = "IPsec ESP (IP protocol 50): tshark shows the SPI",
        ["wol"] = "Wake-on-LAN (EtherType 0x0842): tshark shows the MAC it wakes",
        ["netbios"] = "NetBIOS (LLC SAP 0xf0): tshark shows the command",
        ["3comxns"] = "3Com's XNS encapsulation (LLC SAP 0x80): tshark shows an empty Info",
        ["sna"] = "IBM SNA (LLC SAPs 0x04, 0x08, 0x0c): tshark shows the transmission header's text",
        ["sna_xid"] = "the XID information field of an XID on an SNA SAP (0x04, 0x08, 0x0c): RawNet has no SNA",
        ["x25"] = "X.25 over 802.2 (LLC SAP 0x7e): tshark shows the packet type and sequence numbers",
        ["bacnet"] = "BACnet's network layer (LLC SAP 0x82): tshark shows the NPDU or the APDU's service",
        ["vines_llc"] = "Banyan VINES over LLC (SAPs 0xba, 0xbc): tshark shows the packet type",
        ["hpext"] = "HP's extended LLC (SAP 0xf8): tshark appends the extended SAPs",
        ["rpl"] = "IBM's remote program load (LLC SAP 0xfc): tshark shows the command",
        ["oamaal"] = "ATM OAM cells, which tshark reads after an L2TPv3 ATM sublayer whose T bit a damaged header set",
        ["lmi"] = "Frame Relay's local management interface (NLPID 0x09): tshark shows the message type",
        ["pwethheuristic"] = "after an MPLS stack whose payload is neither IPv4 nor IPv6 tshark guesses an Ethernet pseudowire (and shows that frame); RawNet leaves data",
        ["osi"] = "OSI network layer protocols (PPP 0x0023, LLC SAPs 0x14, 0x20, 0x34, 0x54, 0xfe): tshark shows ISO's text",
        ["vjc"] = "Van Jacobson compressed TCP/IP on PPP 0x002d and 0x002f",
        ["pppmux"] = "PPP multiplexing (0x0059)",
        ["mplscp"] = "PPP's MPLS Control Protocol (0x8281), which a damaged Juniper MLPPP frame's guess can reach",
        ["mp"] = "multilink PPP (0x003d): tshark shows the fragment",
        ["ipx"] = "Novell IPX (PPP 0x002b, LLC SAPs 0x10 and 0xe0)",
        ["dec_dna"] = "DECnet Phase IV (PPP 0x0027)",
        ["ddp"] = "AppleTalk DDP (PPP 0x0029)",
        ["vines_ip"] = "Banyan VINES IP (PPP 0x0035): tshark shows its packet type",
        ["vsnp"] = "Banyan VINES on PPP 0x005b (tshark's vsnp)",
        ["crtp"] = "compressed RTP (PPP's IP header compression protocols, 0x0061 and others): tshark shows the context",
        ["comp_data"] = "PPP compressed datagrams (0x00fd)",
        ["zbee_nwk"] = "ZigBee NWK's heuristic takes some 802.15.4 data frames (as earlier frames teach it); RawNet decodes no ZigBee",
        ["bcp_bpdu"] = "PPP's bridging PDUs (0x0031): tshark shows the bridged frame's MAC type",
        ["loop"] = "Ethernet configuration testing (EtherType 0x9000)",
        ["tapa"] = "TAPA's heuristic claims a few bytes of a UDP payload cut by the capture and stops there",
        ["rtps"] = "RTPS's heuristic claims a TCP payload cut by the capture and stops there",
        ["cgmp"] = "Cisco's group management protocol (a SNAP PID a damaged header can make): tshark shows its type",
        ["idp"] = "Xerox IDP (EtherType 0x0600, which a damaged header can make): tshark shows its packet type",
    };

    /// <summary>
    /// The Protocol columns of dissectors that write them without adding themselves to frame.protocols, so that
    /// <see cref="UndecodedProtocols"/> cannot name them: such a packet's columns are not compared.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> UnlistedDissectors = new Dictionary<string, string>
    {
        ["CRTP"] = "compressed RTP's non-TCP and UDP contexts (PPP 0x0065, 0x0067, 0x2065, 0x2067) write CRTP's columns and leave only \"ppp\" in frame.protocols",
        ["NetBIOS"] = "NetBIOS (LLC SAP 0xf0) writes its columns before it finds a frame without its 0xefff marker and refuses it, leaving only \"llc\" in frame.protocols",
    };

    /// <summary>
    /// The entries of frame.protocols that are layers RawNet decodes itself, and the dissectors of HTTP bodies whose
    /// column text (" (text/html)", "HTTP/JSON") RawNet's HTTP writes.
    /// </summary>
    internal static readonly HashSet<string> RawNetProtocols =
    [
        "radiotap", "ppi", "prism", "pktap", "llc", "arcnet", "juniper", "ap1394", "netanalyzer", "ipfc", "pflog", "enc", "erf", "fpp", "wlancap", "pcap_pktdata", "wlan_radio", "wlan", "eth", "ethertype", "vlan", "ieee8021ad", "sll", "null", "raw", "pppoes", "ppp", "arp", "ip", "ipv6", "ipv6.hopopts",
        "ipv6.routing", "ipv6.fraghdr", "ipv6.dstopts", "gre", "erspan", "vxlan", "geneve", "capwap.data", "capwap", "lwapp", "lisp-data", "amt", "gtp", "sflow", "tzsp", "teredo", "tcp", "udp", "dhcp", "ntp", "nbns", "snmp", "icmp", "icmpv6", "data",
        "http", "data-text-lines", "json", "xml", "media", "urlencoded-form", "mime_multipart", "message-http", "png", "image-gif", "image-jfif",
        "chdlc", "slarp", "lcp", "ipcp", "ipv6cp", "pap", "chap", "fr", "mpls", "macsec", "nsh", "avsp", "ipoib", "ipnet", "nflog", "tr", "trmac", "fddi", "l2tp", "stp", "gvrp", "gmrp", "igmp", "rgmp", "ospf",
        "wol", "echo", "wg", "ssdp", "sip", "sdp", "quic",
        "lldp", "cdp", "dtp", "udld", "vtp",
        "atm", "lane",
        "clip",
        "docsis",
        "llcgprs", "sndcp", "xra",
        "symantec", "redback",
        "epon",
        "ax25", "ax25_kiss", "ax25_nol3",
        "vpp", "vpp-metadata", "vpp-opaque", "vpp-opaque2", "vpp-trace", "exported_pdu",
        "gfp",
        "ebhscr",
        "wpan", "6lowpan", "wpan-nonask-phy", "wpan-tap",
    ];

    /// <summary>
    /// Frames of the peer and bundled captures whose columns cannot agree, by file and frame number, each with its reason.
    /// </summary>
    public static readonly IReadOnlyDictionary<(string File, int Frame), string> KnownDifferences = new Dictionary<(string, int), string>
    {
        [("80211_raw.pcap", 1)] = "802.11ah's protocol version 1 (PV1): tshark reads its own frame control and shows \"PV1 Reserved\"; " +
            "RawNet decodes only version 0 and calls the frame \"Unknown protocol version: 1\"",
    };

    /// <summary>What tshark appends to the Info text when a TCP payload goes to an application dissector that reassembles.</summary>
    private const string SegmentOfPdu = " [TCP segment of a reassembled PDU]";
    private const string ReassemblyError = "[Reassembly error, protocol TCP:";

    /// <summary>Seeds of the random captures checked on every run.</summary>
    public const int RandomCaptures = 8;

    [Theory]
    [MemberData(nameof(TsharkAnalysisOracleTests.CaptureFiles), MemberType = typeof(TsharkAnalysisOracleTests))]
    public void Bundled_and_teaching_captures_agree_with_tshark(string name) => Compare(Path.Combine(TestPaths.Captures, name));

    /// <summary>The serial, shim and pseudo-header link layers' captures (tests/oracle/make-link-cases.py, make-pseudo-link-cases.py).</summary>
    public static TheoryData<string> LinkCaptures() => TsharkComparison.CapturesIn("link", "pseudo-link");

    [Theory]
    [MemberData(nameof(LinkCaptures))]
    public void Link_layer_captures_agree_with_tshark(string name) => Compare(Path.Combine(TestPaths.Captures, name));

    [Theory]
    [InlineData("make-link-cases.py"), InlineData("make-pseudo-link-cases.py")]
    public void Damaged_link_headers_agree_with_tshark(string script)
    {
        var files = GeneratedCaptures.Damaged(script);
        Assert.NotEmpty(files);
        // the combinable files in one combined capture (two tshark starts instead of two a file), the others alone
        var together = files.Where(CaptureLinkTypes.TsharkReadsAll).Where(CombinedCapture.Combinable).ToList();
        Compare(GeneratedCaptures.Combined(Path.GetFileNameWithoutExtension(script) + "-damaged", together));
        foreach (var file in files.Where(CaptureLinkTypes.TsharkReadsAll).Except(together))
            Compare(file);
    }

    [Fact]
    public void Every_info_wording_and_every_cut_agrees_with_tshark() =>
        TsharkComparison.WithScriptOutput("make-info-cases.py", null, directory =>
        {
            // the files that can join a combined capture in one (two tshark starts instead of two a file), the others alone
            var files = Directory.GetFiles(directory, "*.pcap").Order(StringComparer.Ordinal).ToList();
            var together = files.Where(CombinedCapture.Combinable).ToList();
            Compare(GeneratedCaptures.Combined("info-cases", together));
            foreach (var file in files.Except(together))
                Compare(file);
        });

    /// <summary>One packet as tshark and RawNet show it.</summary>
    private sealed record Row(string Protocols, string Protocol, string Info, string ColoringRule, string ColoredInfo,
        string OurProtocol, string OurInfo, string OurColoringRule, bool Decoded, bool Offloaded);

    /// <summary>Compares every packet of <paramref name="path"/>; a file none of whose link types RawNet decodes is skipped.</summary>
    // tsharkPath: the capture tshark reads instead of path (the same frames under a link type tshark reads).
    internal static void Compare(string path, string? tsharkPath = null)
    {
        var facts = Facts(path);
        if (!facts.Any(f => f.Decoded))
            return;
        var rows = Read(path, tsharkPath ?? path, facts);
        var mismatches = new List<string>();
        foreach (var (row, frame) in rows.Select((row, i) => (row, i + 1)))
        {
            if (!row.Decoded || KnownDifferences.ContainsKey((Path.GetFileName(path), frame)))
                continue;
            string? info = CompareInfo(row);
            if (info is not null)
                mismatches.Add($"packet {frame}{GeneratedCaptures.Describe(path, frame)} [{row.Protocols}] {info}");
            string? color = CompareColoring(row);
            if (color is not null)
                mismatches.Add($"packet {frame}{GeneratedCaptures.Describe(path, frame)} [{row.Protocols}] {color}");
        }
        Assert.True(mismatches.Count == 0, $"{Path.GetFileName(path)}: {mismatches.Count} mismatches\n" + string.Join("\n", mismatches.Take(30)));
    }

    /// <summary>Null when the Protocol and Info columns agree (or differ only as a named exception allows), else what differs.</summary>
    private static string? CompareInfo(Row row)
    {
        string? undecoded = FirstUndecodedProtocol(row.Protocols);
        if (undecoded is not null && !UndecodedProtocols.ContainsKey(undecoded))
            return $"tshark decodes '{undecoded}', which RawNet does not: name it in {nameof(UndecodedProtocols)} with the reason";
        // RawNet reassembles HTTP only: another protocol's marks are left out of the comparison.
        string info = row.Info;
        if (info.EndsWith(SegmentOfPdu, StringComparison.Ordinal) && !row.OurInfo.EndsWith(SegmentOfPdu, StringComparison.Ordinal))
            info = info[..^SegmentOfPdu.Length];
        else if (info.IndexOf(ReassemblyError, StringComparison.Ordinal) is int at and >= 0 && !row.OurInfo.Contains(ReassemblyError, StringComparison.Ordinal))
            info = info[..at];
        if (info == row.OurInfo && row.Protocol == row.OurProtocol)
            return null;
        // An application's text replaced the TCP text behind the analysis tags (tshark's column fence): compare the tags.
        if ((undecoded is not null || info != row.Info) && row.OurProtocol == "TCP")
            return Tags(row.Info) == Tags(row.OurInfo) ? null : $"tags: tshark '{Tags(row.Info)}' rawnet '{Tags(row.OurInfo)}'";
        if (undecoded is not null || UnlistedDissectors.ContainsKey(row.Protocol))
            return null;
        return $"tshark '{row.Protocol}' '{row.Info}' rawnet '{row.OurProtocol}' '{row.OurInfo}'";
    }

    /// <summary>Null when the colouring rules agree (or differ only as a named exception allows), else what differs.</summary>
    private static string? CompareColoring(Row row)
    {
        if (row.ColoringRule == row.OurColoringRule)
            return null;
        var rule = ColoringRules.Default.FirstOrDefault(r => r.Name == row.ColoringRule);
        // Rules that need protocols RawNet does not decode never match in RawNet.
        if (rule is { Test: ColoringTest.Never })
            return null;
        // A rule RawNet evaluates in part (Routing: GVRP alone) does not match the packets of a protocol RawNet does not decode.
        if (rule is { NeverReason: not null } && FirstUndecodedProtocol(row.Protocols) is not null)
            return null;
        // HTTP on another port than 80 is HTTP only to a dissector that decodes it.
        if (row.ColoringRule == "HTTP" && row.Protocols.Split(':').Any(p => p is "http" or "http2"))
            return null;
        // tshark with verification on calls a checksum left to the NIC bad; RawNet does not call it an error.
        if (row.ColoringRule == "Checksum Errors" && row.Offloaded)
            return null;
        // A header cut short: tshark adds neither the protocol nor the fields of the layer it stopped in, while RawNet's
        // filters read every field that was captured.
        if (row.ColoredInfo.EndsWith(Output.Columns.InfoColumn.SizeLimitedMark, StringComparison.Ordinal)
            || row.ColoredInfo.EndsWith(Output.Columns.InfoColumn.MalformedMark, StringComparison.Ordinal))
            return null;
        return $"colouring rule: tshark '{row.ColoringRule}' rawnet '{row.OurColoringRule}'";
    }

    /// <summary>The first protocol of frame.protocols RawNet does not decode, ignoring what an ICMP error quotes; null when none.</summary>
    private static string? FirstUndecodedProtocol(string protocols)
    {
        // tshark lists no protocol at all for an ERF record of no bytes after its pseudo-header that erf hands nowhere.
        foreach (var protocol in protocols.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (protocol is "icmp" or "icmpv6")
                return null;
            if (!RawNetProtocols.Contains(protocol))
                return protocol;
        }
        return null;
    }

    /// <summary>The analysis tags in front of a TCP Info text ("[TCP Retransmission] ...").</summary>
    private static string Tags(string info)
    {
        int end = 0;
        while (info.AsSpan(end).StartsWith("[TCP ") && !info.AsSpan(end).StartsWith("[TCP segment") && info.IndexOf("] ", end, StringComparison.Ordinal) is int close and >= 0)
            end = close + 2;
        return info[..end];
    }

    /// <summary>The fields of tshark's plain run (default preferences): the protocol chain and the two columns.</summary>
    internal static readonly string[] PlainFields = ["frame.protocols", "_ws.col.Protocol", "_ws.col.Info"];

    private static List<Row> Read(string path, string tsharkPath, List<(bool Decoded, bool Offloaded)> facts)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        // The programs spend most of their time starting up: run them side by side. Where the field oracles' shared run
        // covers the file, it gives both the plain columns and the coloured ones (TsharkComparison.CheckedColumns).
        var shared = Task.Run(() => TsharkComparison.SharedLines(tsharkPath, PlainFields));
        var checkedColumns = Task.Run(() => TsharkComparison.CheckedColumns(tsharkPath)?.Select(c => new[] { c.ColoringRule, c.Info }).ToList()
            ?? Lines(ExternalTool.Run(tshark, ["--color", "-n", "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
                "-o", "udp.check_checksum:TRUE", "-r", tsharkPath, "-T", "fields", "-e", "frame.coloring_rule.name", "-e", "_ws.col.Info"]), "tshark --color", tsharkPath));
        var ourRun = Task.Run(() => InProcessRawNet.Run(["read", path, "-T", "fields", "-e", "_ws.col.Protocol", "-e", "_ws.col.Info", "-e", "frame.coloring_rule.name"]));
        var plain = shared.Result is { } lines
            ? lines.Select(line => line.Split('\t')).ToList()
            : Lines(ExternalTool.Run(tshark, ["-n", "-r", tsharkPath, "-T", "fields", .. PlainFields.SelectMany(f => new[] { "-e", f })]), "tshark", tsharkPath);
        var colored = checkedColumns.Result;
        var ours = Lines(ourRun.Result, "rawnet", path);
        Assert.Equal(plain.Count, ours.Count);
        Assert.Equal(plain.Count, colored.Count);
        Assert.Equal(plain.Count, facts.Count);
        var rows = new List<Row>();
        for (int i = 0; i < plain.Count; i++)
        {
            string[] t = plain[i], c = colored[i], r = ours[i];
            rows.Add(new Row(t[0], t[1], t[2], c[0], c[1], r[0], r[1], r[2], facts[i].Decoded, facts[i].Offloaded));
        }
        return rows;
    }

    private static List<string[]> Lines((int ExitCode, string StdOut, string StdErr) run, string tool, string path)
    {
        Assert.True(run.ExitCode == 0, $"{tool} failed on {path}: {run.StdErr}");
        return run.StdOut.Split('\n').Where(line => line.Length > 0).Select(line => line.Split('\t')).ToList();
    }

    /// <summary>Per frame: whether RawNet decodes its link type, and whether a checksum in it was left to the NIC.</summary>
    private static List<(bool Decoded, bool Offloaded)> Facts(string path)
    {
        var facts = new List<(bool, bool)>();
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        using var reader = CaptureFileReader.Open(path);
        long number = 0;
        while (reader.TryReadNext(out var frame))
        {
            decoder.Decode(frame.Data, frame.Metadata, ++number, packet);
            bool offloaded = false;
            foreach (ref readonly var layer in packet.Layers)
                offloaded |= layer.Checksum == ChecksumStatus.Offloaded;
            facts.Add((PacketDecoder.DecodesLinkType(frame.Metadata.LinkType), offloaded));
        }
        return facts;
    }
}

/// <summary>The columns oracle (<see cref="TsharkColumnsOracleTests"/>) on the peer corpus, in a class of its own so it runs beside the others.</summary>
public sealed class TsharkColumnsPeerOracleTests
{
    [Theory]
    [MemberData(nameof(TsharkFieldsOracleTests.CorpusFiles), MemberType = typeof(TsharkFieldsOracleTests))]
    public void Peer_captures_agree_with_tshark(string name)
    {
        TestPaths.SkipUnlessPeerCorpus();
        TsharkColumnsOracleTests.Compare(Path.Combine(TestPaths.PeerCorpus, name));
    }
}

/// <summary>The columns oracle (<see cref="TsharkColumnsOracleTests"/>) on seeded random captures, in a class of its own so it runs beside the others.</summary>
[LongRunning]
public sealed class TsharkColumnsRandomOracleTests
{
    [Theory]
    [MemberData(nameof(TsharkAnalysisOracleTests.Seeds), TsharkColumnsOracleTests.RandomCaptures, MemberType = typeof(TsharkAnalysisOracleTests))]
    public void Random_tcp_conversations_agree_with_tshark(int seed) =>
        TsharkColumnsOracleTests.Compare(GeneratedCaptures.Random("make-tcp-conversations.py", seed));

    [Theory]
    [MemberData(nameof(TsharkAnalysisOracleTests.Seeds), TsharkColumnsOracleTests.RandomCaptures, MemberType = typeof(TsharkAnalysisOracleTests))]
    public void Random_echo_and_arp_exchanges_agree_with_tshark(int seed) =>
        TsharkComparison.WithScriptOutput("make-info-cases.py", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            directory => TsharkColumnsOracleTests.Compare(Path.Combine(directory, $"info-random-{seed}.pcap")));
}
