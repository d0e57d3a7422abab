using System.Text.RegularExpressions;
using RawNet.Files;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tcpdump is the oracle for summary lines: the real <c>rawnet read FILE</c> must print what <c>TZ=UTC tcpdump -n -r FILE</c>
/// prints, packet for packet and line for line (RawNet prints the time of day in UTC), and likewise <c>-S</c> against
/// <c>tcpdump -n -S</c> and <c>-v</c> against <c>tcpdump -n -v</c>: over every capture in captures/, every peer capture, and
/// the cases make-tcpdump-cases.py builds with scapy (relative numbers across a retransmitted SYN, a reused 4-tuple, RST,
/// both directions and IPv6; TCP options; checksums good, bad, offloaded and unverifiable; IPv4 options and flags; every
/// ICMP and ICMPv6 message tcpdump words; IPv6 extension headers and fragments; VLAN, QinQ, PPPoE, ARP, GRE, VXLAN,
/// Teredo, cooked v1 and v2, loopback; headers cut at many lengths).
/// </summary>
/// <remarks>
/// What is compared where RawNet decodes less than tcpdump, each rule narrow enough not to hide a real difference:
/// <list type="bullet">
/// <item>Link types RawNet does not decode: the time stamp only.</item>
/// <item>802.11 where tcpdump decodes further (<see cref="WirelessOracleTests.TcpdumpDecodesFurther"/>: management
/// bodies, LLC that is not SNAP with an EtherType RawNet decodes): up to where tcpdump goes on.</item>
/// <item>Application protocols tcpdump decodes and RawNet does not, on their ports (<see cref="ApplicationPorts"/>:
/// SIP, TFTP, ...; not DNS, over UDP 53 and 5353 and TCP 53, nor BOOTP/DHCP on UDP 67 and 68, nor NTP on UDP 123, nor HTTP on TCP 80 and 8080, nor L2TP on UDP 1701, which RawNet prints as tcpdump does): up to and including TCP's "length N" (tcpdump goes on with ": FTP..."), or for UDP up to
/// the ports ("src.port > dst.port: "), where tcpdump writes the application's words instead of "UDP, length N".</item>
/// <item>IP protocols tcpdump decodes and RawNet does not (<see cref="NetworkProtocols"/>: PIM, IGMP's DVMRP, PIMv1 and mtrace, ...): up to
/// the addresses ("src > dst: "), where RawNet prints " ip-proto-N LENGTH".</item>
/// <item>EtherTypes tcpdump decodes and RawNet does not (<see cref="EtherTypes"/>: PPPoE discovery, PTP, ...): the time stamp only.</item>
/// </list>
/// Anything else must be equal; <see cref="KnownDifferences"/> lists the exceptions left, each with its reason.
/// </remarks>
public sealed class TcpdumpSummaryOracleTests
{
    /// <summary>UDP and TCP ports on which tcpdump 4.99 decodes an application protocol RawNet leaves as payload.</summary>
    public static readonly HashSet<int> ApplicationPorts =
    [
        21, 22, 23, 25, 43, 69, 88, 137, 138, 139, 161, 162, 179, 445, 500, 514, 520, 521, 546, 547,
        554, 646, 1723, 1812, 1813, 2049, 3799, 4500, 5060, 6379, 8554,
    ];

    /// <summary>IP protocol numbers tcpdump decodes and RawNet does not (for 2, the IGMP types RawNet's IGMP printer leaves to them).</summary>
    public static readonly HashSet<int> NetworkProtocols = [2, 8, 9, 46, 50, 51, 55, 88, 103, 108, 112, 113, 132, 135];

    /// <summary>EtherTypes tcpdump decodes and RawNet does not.</summary>
    public static readonly string[] EtherTypes = ["0x8863", "0x8137", "0x8809", "0x88f7"];

    /// <summary>Differences left, as "file (mode): packet N" and why.</summary>
    public static readonly Dictionary<string, string> KnownDifferences = new()
    {
        // Inside an ICMP error's quote RawNet verifies no checksum, so -v leaves out what tcpdump says of a whole segment
        // or of an IPv6 datagram tunnelled inside the quote; nor does its tcpdump order hand a quoted datagram to L2TP.
        ["icmp-quoted-payloads.pcap (-v): packet 5"] = "the UDP checksum of an IPv6 datagram inside VXLAN inside the quote ([udp sum ok])",
        ["icmp-quoted-payloads.pcap (-v): packet 6"] = "tcpdump's L2TP printer on a quoted datagram",
        ["icmp-quoted-payloads.pcap (-v): packet 7"] = "the TCP checksum of a whole quoted segment (cksum ... (correct))",
        // RawNet writes lldp_print's line without -v's TLV lines.
        ["lldp.pcap (-v): packet 1"] = "tcpdump -v's LLDP TLV lines (chassis, port, TTL, system and 802.3 TLVs)",
    };

    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in TestPaths.PeerCorpusNames(TestPaths.PeerCorpusFiles()))
        {
            foreach (var mode in Modes)
                data.Add(name, mode);
        }
        return data;
    }

    public static TheoryData<string, string> BundledFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(TestPaths.Captures, "*.pcap").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            foreach (var mode in Modes)
                data.Add(file!, mode);
        }
        return data;
    }

    /// <summary>The IP option cases: tcpdump's option printers (routes, time stamps, IPv6 options, jumbo payloads) and its cuts inside a header.</summary>
    public static TheoryData<string, string> IpOptionFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Captures, "ip-options"), "*.pcap").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            foreach (var mode in Modes)
                data.Add(file!, mode);
        }
        return data;
    }

    public static TheoryData<string> ModeData() => new(Modes);

    private static readonly string[] Modes = ["", "-S", "-v"];

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void BundledCaptureSummariesEqualTcpdump(string name, string mode) =>
        AssertEqualsTcpdump([Path.Combine(TestPaths.Captures, name)], mode);

    [Theory]
    [MemberData(nameof(IpOptionFiles))]
    public void IpOptionCaseSummariesEqualTcpdump(string name, string mode) =>
        AssertEqualsTcpdump([Path.Combine(TestPaths.Captures, "ip-options", name)], mode);

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void PeerCorpusSummariesEqualTcpdump(string name, string mode)
    {
        TestPaths.SkipUnlessPeerCorpus();
        AssertEqualsTcpdump([Path.Combine(TestPaths.PeerCorpus, name)], mode);
    }

    [Theory]
    [MemberData(nameof(ModeData))]
    public void ScapyCaseSummariesEqualTcpdump(string mode) => AssertEqualsTcpdump(ScapyCases.Files(), mode);

    private static void AssertEqualsTcpdump(IEnumerable<string> paths, string mode)
    {
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var mismatches = new List<string>();
        foreach (var path in paths)
        {
            var flags = mode.Length == 0 ? [] : new[] { mode };
            var expected = ExternalTool.Run("/usr/bin/env", ["TZ=UTC", tcpdump, "-n", .. flags, "-r", path]);
            Assert.True(expected.ExitCode == 0, $"tcpdump failed on {path}: {expected.StdErr}");
            var actual = InProcessRawNet.Run(["read", path, .. flags]);
            Assert.True(actual.ExitCode == 0, $"rawnet exited {actual.ExitCode} on {path}: {actual.StdErr}");

            var want = Packets(expected.StdOut);
            var got = Packets(actual.StdOut);
            string name = $"{Path.GetFileName(path)} ({(mode.Length == 0 ? "default" : mode)})";
            Assert.True(want.Count == got.Count, $"{name}: tcpdump printed {want.Count} packets, rawnet {got.Count}");
            var linkTypes = CaptureLinkTypes.Of(path);
            for (int i = 0; i < want.Count; i++)
            {
                if (Agrees(want[i], got[i], linkTypes[i]))
                    continue;
                string key = $"{name}: packet {i + 1}";
                if (!KnownDifferences.ContainsKey(key))
                    mismatches.Add($"{key}\n  tcpdump: {want[i].Replace("\n", "\n           ")}\n  rawnet:  {got[i].Replace("\n", "\n           ")}");
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} packets differ from tcpdump:\n" + string.Join("\n", mismatches.Take(15)));
    }

    /// <summary>Whether rawnet's text for one packet is tcpdump's, or what the rules above allow for what RawNet does not decode.</summary>
    private static bool Agrees(string tcpdump, string rawnet, LinkType linkType)
    {
        if (tcpdump == rawnet)
            return true;
        const int timeLength = 15;
        if (!PacketDecoder.DecodesLinkType(linkType) || EtherTypes.Any(type => rawnet.Contains($"ethertype Unknown ({type})", StringComparison.Ordinal)))
            return tcpdump.Length >= timeLength && rawnet.Length >= timeLength && tcpdump[..timeLength] == rawnet[..timeLength];
        if (WirelessOracleTests.IsWireless(linkType) && WirelessOracleTests.TcpdumpDecodesFurther.Match(tcpdump) is { Success: true } further)
        {
            int end = further.Index + further.Length;
            return rawnet.Length >= end && tcpdump[..end] == rawnet[..end];
        }

        var protocol = Regex.Match(rawnet, @" ip-proto-(\d+) \d+$");
        if (protocol.Success && NetworkProtocols.Contains(int.Parse(protocol.Groups[1].Value)))
            return tcpdump.StartsWith(rawnet[..protocol.Index], StringComparison.Ordinal);

        var ports = Regex.Matches(rawnet, @"\.(\d+) > [0-9a-f:.]+\.(\d+): ");
        if (ports.Count == 0 || !ports.Any(m => ApplicationPorts.Contains(int.Parse(m.Groups[1].Value)) || ApplicationPorts.Contains(int.Parse(m.Groups[2].Value))))
            return false;
        var udp = Regex.Match(rawnet, @"UDP, length \d+$");
        if (udp.Success)
            return tcpdump.StartsWith(rawnet[..udp.Index], StringComparison.Ordinal);
        return Regex.IsMatch(rawnet, @", length \d+$") && tcpdump.StartsWith(rawnet + ":", StringComparison.Ordinal);
    }

    /// <summary>The output split into packets: each starts with a line that opens with a time of day (-v continues on more lines).</summary>
    internal static List<string> Packets(string output)
    {
        var packets = new List<string>();
        foreach (var line in output.Split('\n'))
        {
            if (Regex.IsMatch(line, @"^\d\d:\d\d:\d\d\.\d{6} ") || packets.Count == 0)
                packets.Add(line);
            else
                packets[^1] += "\n" + line;
        }
        if (packets.Count > 0 && packets[^1].Length == 0)
            packets.RemoveAt(packets.Count - 1);
        for (int i = 0; i < packets.Count; i++)
            packets[i] = packets[i].TrimEnd('\n');
        return packets;
    }

    /// <summary>The captures make-tcpdump-cases.py writes, made once per test run.</summary>
    private static class ScapyCases
    {
        private static readonly Lazy<string> Folder = new(Make);

        public static IEnumerable<string> Files() => Directory.GetFiles(Folder.Value, "*.pcap").Order(StringComparer.Ordinal);

        private static string Make()
        {
            const string python = "/usr/bin/python3";
            if (!File.Exists(python) || ExternalTool.Run(python, ["-c", "import scapy"]).ExitCode != 0)
                Assert.Skip("python3-scapy is not installed (apt-get install python3-scapy); .ci/run installs it");
            var folder = Path.Combine(Path.GetTempPath(), $"rawnet-tcpdump-cases-{Environment.ProcessId}");
            var script = Path.Combine(TestPaths.RepoRoot, "tests", "RawNet.Cli.Tests", "Oracle", "make-tcpdump-cases.py");
            var result = ExternalTool.Run(python, [script, folder]);
            Assert.True(result.ExitCode == 0, $"make-tcpdump-cases.py failed: {result.StdErr}");
            return folder;
        }
    }
}
