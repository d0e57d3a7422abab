using System.Text.RegularExpressions;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// IEEE 802.11 and its capture headers against their oracles: the fields of <c>rawnet read -T fields</c> as
/// <c>tshark -T fields</c> (4.0, default preferences) prints them, and the summary lines as <c>tcpdump -n -r</c> (and
/// <c>-v</c>) prints them, over captures/wifi/ (tests/oracle/make-wifi-cases.py: link types 105, 127, 192, 119 and 163),
/// over the peer captures of those link types, and over captures the same script writes with random bytes of the capture
/// and 802.11 headers changed.
/// </summary>
/// <remarks>
/// Summary lines are compared whole except where tcpdump decodes further than RawNet (<see cref="TcpdumpDecodesFurther"/>):
/// a management frame's body (compared up to the subtype's name), and LLC without SNAP or SNAP without an EtherType
/// RawNet decodes (compared up to where tcpdump's LLC printer starts). wlan-htc.pcap is compared with tshark only:
/// tcpdump 4.99 knows no HT control field and reads its 4 bytes as LLC. On the damaged captures only the capture and
/// 802.11 headers' own fields are compared with tshark (one frame per file may differ, see the test), and summaries with
/// tcpdump except for ppi.pcap.
/// </remarks>
public sealed class WirelessOracleTests
{
    /// <summary>The capture headers' and 802.11's own fields.</summary>
    public static readonly string[] WirelessFields =
    [
        "frame.number", "radiotap.version", "radiotap.pad", "radiotap.length", "radiotap.present.word", "radiotap.present.tsft",
        "radiotap.present.flags", "radiotap.present.channel", "radiotap.present.mcs", "radiotap.present.rtap_ns",
        "radiotap.present.vendor_ns", "radiotap.present.ext", "radiotap.flags", "radiotap.flags.fcs", "radiotap.flags.datapad",
        "radiotap.flags.badfcs", "ppi.version", "ppi.flags", "ppi.length", "ppi.dlt", "prism.msgcode", "prism.msglen",
        "wlancap.version", "wlancap.length", "wlan.fc.type_subtype", "wlan.fc", "wlan.fc.version", "wlan.fc.type",
        "wlan.fc.subtype", "wlan.flags", "wlan.fc.ds", "wlan.fc.tods", "wlan.fc.fromds", "wlan.fc.frag", "wlan.fc.retry",
        "wlan.fc.pwrmgt", "wlan.fc.moredata", "wlan.fc.protected", "wlan.fc.order", "wlan.duration", "wlan.ra", "wlan.ta",
        "wlan.da", "wlan.sa", "wlan.bssid", "wlan.staa", "wlan.addr", "wlan.frag", "wlan.seq", "wlan.qos", "wlan.qos.tid",
        "wlan.qos.priority", "wlan.qos.eosp", "wlan.qos.ack", "wlan.qos.amsdupresent", "wlan.htc", "wlan.fcs", "llc.dsap",
        "llc.dsap.sap", "llc.dsap.ig", "llc.ssap", "llc.ssap.sap", "llc.ssap.cr", "llc.control", "llc.oui", "llc.type",
    ];

    /// <summary>The 802.11 fields and the core fields above them (frame, ARP, IP, IPv6, TCP, UDP, ICMP, ICMPv6).</summary>
    public static readonly string[] Fields =
    [
        .. WirelessFields, "frame.len", "frame.cap_len", "arp.opcode", "arp.src.proto_ipv4", "ip.version", "ip.hdr_len", "ip.len",
        "ip.id", "ip.ttl", "ip.proto", "ip.checksum", "ip.src", "ip.dst", "ipv6.plen", "ipv6.nxt", "ipv6.hlim",
        "ipv6.src", "ipv6.dst", "udp.srcport", "udp.dstport", "udp.length", "udp.checksum", "tcp.srcport", "tcp.dstport",
        "tcp.seq_raw", "tcp.ack_raw", "tcp.flags", "tcp.window_size_value", "tcp.options.mss_val", "tcp.len", "icmp.type",
        "icmp.code", "icmp.seq", "icmpv6.type", "icmpv6.code",
    ];

    /// <summary>
    /// Where tcpdump's line goes on past what RawNet prints: a management frame's body after its subtype's name, and
    /// LLC that is not SNAP with an EtherType RawNet decodes (STP, other OUIs, unknown EtherTypes, which tcpdump prints
    /// with the addresses first). Compared up to the end of the match.
    /// </summary>
    public static readonly Regex TcpdumpDecodesFurther = new(
        @"^\S+ .*?(?:(?:ReAssoc |Assoc )(?:Request|Response)|Probe (?:Request|Response)|Beacon|ATIM|Disassociation|DeAuthentication|Authentication|Action|Unhandled Management subtype\(\w+\))"
        + @"|^\S+ .*?(?=STP |(?:[0-9a-f]{2}:){5}[0-9a-f]{2} > )",
        RegexOptions.Compiled);

    private static readonly HashSet<LinkType> LinkTypes =
        [LinkType.Ieee80211, LinkType.Ieee80211Radiotap, LinkType.Ppi, LinkType.Prism, LinkType.Avs];

    /// <summary>True for the link types this class covers.</summary>
    public static bool IsWireless(LinkType linkType) => LinkTypes.Contains(linkType);

    public static TheoryData<string> Bundled() => TsharkComparison.CapturesIn("wifi");

    /// <summary>The peer captures of the 802.11 link types (35 of them when the corpus is there).</summary>
    public static TheoryData<string> PeerFiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in TestPaths.PeerCorpusNames(TestPaths.PeerCorpusFiles().Where(f => CaptureLinkTypes.Of(f).Any(IsWireless))))
            data.Add(name);
        return data;
    }


    [Theory]
    [MemberData(nameof(Bundled))]
    public void BundledCasesFieldsEqualTshark(string name) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, name), Fields, 1);

    [Theory]
    [MemberData(nameof(Bundled))]
    public void BundledCasesSummariesEqualTcpdump(string name)
    {
        if (name.EndsWith("wlan-htc.pcap", StringComparison.Ordinal))
            return; // tcpdump reads HT control as LLC (see the remarks)
        foreach (var mode in new[] { "", "-v" })
            TcpdumpComparison.AssertSummariesEqual(Path.Combine(TestPaths.Captures, name), mode, comparedUpTo: TcpdumpDecodesFurther);
    }

    [Theory]
    [MemberData(nameof(PeerFiles))]
    public void PeerCapturesFieldsEqualTshark(string name)
    {
        TestPaths.SkipUnlessPeerCorpus();
        // 80211_raw.pcap holds one frame of protocol version 1 (802.11ah's PV1), whose frame control tshark reads otherwise.
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.PeerCorpus, name), Fields, 1, allowedFrames: name == "80211_raw.pcap" ? 1 : 0);
    }

    [Theory]
    [MemberData(nameof(PeerFiles))]
    public void PeerCapturesSummariesEqualTcpdump(string name)
    {
        TestPaths.SkipUnlessPeerCorpus();
        foreach (var mode in new[] { "", "-v" })
            TcpdumpComparison.AssertSummariesEqual(Path.Combine(TestPaths.PeerCorpus, name), mode, comparedUpTo: TcpdumpDecodesFurther);
    }

    [Fact]
    public void DamagedHeadersEqualTsharkAndTcpdump()
    {
        var files = GeneratedCaptures.Damaged(Script);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            // One frame per file and seed may differ: a damaged radiotap header whose Flags tshark still applies after
            // its walk failed, or an FCS it drops under a data pad that runs into it (seeds 1 and 3).
            TsharkComparison.AssertSameFields(file, WirelessFields, 1, allowedFrames: GeneratedCaptures.Seeds);
            // Not PPI's: with its DLT or a field length damaged, tcpdump prints the unknown DLT (and a hex dump) or
            // ignores the field lengths, where RawNet's line says what its decoder (as tshark) stopped at.
            if (!file.EndsWith("wlan-htc.pcap", StringComparison.Ordinal) && !file.EndsWith("ppi.pcap", StringComparison.Ordinal))
                TcpdumpComparison.AssertSummariesEqual(file, "", comparedUpTo: TcpdumpDecodesFurther);
        }
    }

    [Fact]
    public void TheBundledCasesAreWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites(Script, "wifi");

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim()
    {
        // The comparisons above cannot fail on what the captures do not hold: check they hold it, as tshark reads them.
        var tshark = ExternalTool.Require("tshark", "tshark");
        var seen = new HashSet<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Captures, "wifi"), "*.pcap"))
        {
            var run = ExternalTool.Run(tshark, ["-n", "-r", file, "-T", "fields", "-E", "occurrence=f", "-e", "wlan.fc.ds", "-e", "wlan.qos",
                "-e", "wlan.htc", "-e", "radiotap.flags.fcs", "-e", "radiotap.flags.datapad", "-e", "ppi.dlt", "-e", "frame.protocols", "-e", "_ws.malformed"]);
            foreach (var line in run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var values = line.Split('\t');
                seen.Add("ds" + values[0]);
                if (values[1].Length > 0) seen.Add("qos");
                if (values[2].Length > 0) seen.Add("htc");
                if (values[3] == "1") seen.Add("fcs");
                if (values[4] == "1") seen.Add("datapad");
                seen.UnionWith(values[6].Split(':'));
                if (values[7].Length > 0) seen.Add("malformed");
            }
        }
        foreach (var value in new[] { "ds0x00", "ds0x01", "ds0x02", "ds0x03", "qos", "htc", "fcs", "datapad", "radiotap", "ppi", "prism",
                     "wlancap", "wlan", "llc", "ip", "ipv6", "arp", "tcp", "udp", "icmp", "eth", "malformed" })
            Assert.Contains(value, seen);
    }

    internal const string Script = "make-wifi-cases.py";
}
