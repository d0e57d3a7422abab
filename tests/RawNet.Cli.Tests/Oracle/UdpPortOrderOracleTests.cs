using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark is the oracle for which of a UDP datagram's two ports decides what its payload is: the lower port's dissector
/// first, the higher port's if that one refuses (RawNet's <c>UdpPortTable</c>, learnt from tshark by
/// tests/oracle/make-udp-port-table.py). Over captures/udp-ports/udp-port-order.pcap (tests/oracle/make-udp-port-cases.py:
/// payloads of every protocol RawNet decodes by UDP port, each from every port tshark registers below its own, between
/// two of RawNet's ports, from ports with no dissector, cut by the capture; payloads other than the ones the table was
/// learnt from), <c>frame.protocols</c> must be tshark's where tshark shows only protocols RawNet decodes, and where
/// tshark names one RawNet does not decode, RawNet's chain must agree up to it and show the rest as data (or nothing).
/// </summary>
public sealed class UdpPortOrderOracleTests
{
    /// <summary>
    /// Lower ports whose frames cannot agree, each with its reason: mostly dissectors that decide by the payload's bytes,
    /// beyond what the table's kinds of payload can say (where one takes or refuses a payload against the table's answer),
    /// and a few ports whose protocol hands on to a layer RawNet does not follow there. Such a frame is not compared; each
    /// port must be used.
    /// </summary>
    private static readonly IReadOnlyDictionary<int, string> PayloadDependentPorts = ByPort(
    [
        (88, 88, "Kerberos takes an LLMNR query whose first byte reads as an ASN.1 tag it knows"),
        (319, 320, "PTP reads the version nibble and shows nothing of a payload of another version"),
        (500, 500, "ISAKMP refuses a payload whose header length does not fit the datagram"),
        (502, 502, "Modbus/UDP takes a payload whose protocol identifier bytes are zero"),
        (623, 623, "RMCP takes a payload whose first byte is its version (6)"),
        (631, 631, "CUPS browsing takes a payload that reads as its text line"),
        (654, 654, "AODV checks its message type and length: it takes some AMT messages and refuses others"),
        (698, 698, "OLSR checks the packet length field against the datagram"),
        (1113, 1113, "LTP takes a payload whose first byte reads as its version and segment type"),
        (1755, 1755, "MS-MMS checks its header's command and shows nothing of what it takes"),
        (1812, 1812, "RADIUS checks the code and the length field against the datagram"),
        (2055, 2055, "NetFlow takes a payload whose first two bytes read as a version it knows (an LWAPP header with fragment 7 reads as NetFlow v7)"),
        (2123, 2123, "GTP-C takes a payload whose version bits read 2 (GTPv2)"),
        (2152, 2152, "GTP takes GTPv0 headers and GTPv1 message types RawNet's GTP-U refuses"),
        (2944, 2944, "Megaco shows nothing of a payload that does not read as its text"),
        (3386, 3386, "GTP' takes a payload by its version bits"),
        (3544, 3544, "tshark's Teredo shows itself over any payload, IPv6 or not; RawNet makes a Teredo layer only in front of IPv6 and shows the rest as data"),
        (3671, 3671, "KNXnet/IP checks its header length and version, and shows nothing of some payloads it takes"),
        (3956, 3956, "GigE Vision's control protocol checks its key byte"),
        (4739, 4739, "NetFlow takes a payload whose first two bytes read as a version it knows (an LWAPP header with fragment 7 reads as NetFlow v7)"),
        (5031, 5031, "DMP checks its version byte"),
        (5094, 5094, "HART-IP checks its version and message type"),
        (5246, 5246, "tshark's CAPWAP control reads a payload that is not CAPWAP (a header length below 8 bytes, fragment flags) from inside its header and hands parts of it on; RawNet leaves it as data"),
        (5247, 5247, "RawNet's CAPWAP reads a payload that is not CAPWAP (a bad preamble or HLEN) further than tshark's, which hands nothing on"),
        (5350, 5351, "PCP checks its version byte (and an mDNS response's first byte is 0)"),
        (7000, 7009, "AFS RX checks bytes deep in its header: it took a TZSP message with tags that the table's TZSP messages did not make it take"),
        (7021, 7021, "AFS RX checks bytes deep in its header: it took a TZSP message with tags that the table's TZSP messages did not make it take"),
        (9600, 9600, "OMRON FINS checks its header bytes"),
        (9996, 9996, "NetFlow takes a payload whose first two bytes read as a version it knows (an LWAPP header with fragment 7 reads as NetFlow v7)"),
    ]);

    private static Dictionary<int, string> ByPort((int From, int To, string Reason)[] ranges) =>
        ranges.SelectMany(r => Enumerable.Range(r.From, r.To - r.From + 1).Select(port => (port, r.Reason))).ToDictionary(e => e.port, e => e.Reason);

    /// <summary>The protocols RawNet decodes: the columns oracle's list, and DNS, whose columns that oracle leaves to DnsOracleTests.</summary>
    private static readonly HashSet<string> Decoded = [.. TsharkColumnsOracleTests.RawNetProtocols, "dns", "mdns", "llmnr"];

    [Fact]
    public void Udp_ports_are_tried_in_tshark_order()
    {
        string tshark = ExternalTool.Require("tshark", "tshark");
        string path = Path.Combine(TestPaths.Captures, "udp-ports", "udp-port-order.pcap");
        var theirs = ProtocolChainOracleTests.Lines(TsharkComparison.FieldsRun(path, "frame.protocols", "udp.srcport", "udp.dstport"), path);
        var ours = ProtocolChainOracleTests.Lines(InProcessRawNet.Run(["read", path, "-T", "fields", "-e", "frame.protocols"]), path);
        Assert.Equal(theirs.Count, ours.Count);
        Assert.True(theirs.Count > 1000, $"{path}: {theirs.Count} frames, the capture should hold over 1,000");
        var mismatches = new List<string>();
        var used = new HashSet<int>();
        int taken = 0, passedOn = 0;
        for (int i = 0; i < theirs.Count; i++)
        {
            var fields = theirs[i].Split('\t');
            var tsharkTail = AfterUdp(fields[0]);
            var ourTail = AfterUdp(ours[i]);
            int low = Math.Min(int.Parse(fields[1].Split(',')[0]), int.Parse(fields[2].Split(',')[0]));
            // Up to the first protocol RawNet does not decode the chains agree; from there RawNet shows data, or nothing.
            int undecoded = tsharkTail.FindIndex(name => !Decoded.Contains(name));
            bool agree = undecoded < 0
                ? fields[0] == ours[i]
                : ourTail.Take(undecoded).SequenceEqual(tsharkTail.Take(undecoded)) && ourTail.Skip(undecoded).ToList() is [] or ["data"];
            if (tsharkTail.Count > 0 && !Decoded.Contains(tsharkTail[0]))
                taken++;
            else if (tsharkTail.Count > 0)
                passedOn++;
            if (agree)
                continue;
            if (PayloadDependentPorts.ContainsKey(low))
                used.Add(low);
            else
                mismatches.Add($"frame {i + 1} (ports {fields[1]} {fields[2]}): tshark '{fields[0]}' rawnet '{ours[i]}'");
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} frames disagree:\n" + string.Join("\n", mismatches.Take(40)));
        Assert.Empty(PayloadDependentPorts.Keys.Except(used));
        // Both answers occur often: the capture tests the order, not one outcome.
        Assert.True(taken > 300 && passedOn > 300, $"tshark's lower port took {taken} payloads and passed {passedOn} on");
    }

    /// <summary>The ports of RawNet's protocols in make-udp-port-cases.py (its OWN list).</summary>
    private const string OwnPorts = "53|5353|5355|4789|6081|6635|2152|3544|1701|4790|4754|4341|2268|5247|12222|37008|6343";

    /// <summary>
    /// tcpdump picks a printer by port in an order of its own (DNS and mDNS, L2TP, sFlow, LWAPP, VXLAN, Geneve, VXLAN-GPE,
    /// MPLS; the others print as plain UDP), not tshark's lower port first: between two of RawNet's own ports the
    /// summary line, and -v's, is tcpdump's (272 datagrams: every pair both ways).
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("-v")]
    public void Between_two_of_RawNets_ports_the_summary_line_is_tcpdumps(string mode) =>
        TcpdumpComparison.AssertSummariesEqual(Path.Combine(TestPaths.Captures, "udp-ports", "udp-port-order.pcap"), mode,
            only: $@"^\S+ IP (\(.*\)\n\s+)?[\d.]+\.({OwnPorts}) > [\d.]+\.({OwnPorts}):");

    [Fact]
    public void TheBundledCaseIsWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-udp-port-cases.py", "udp-ports");

    /// <summary>RawNet's table is what tshark answers today: tests/oracle/make-udp-port-table.py writes it again byte for byte.</summary>
    [Fact]
    public void ThePortTableIsWhatTsharkAnswers()
    {
        ExternalTool.Require("tshark", "tshark");
        TsharkComparison.WithScriptOutput("make-udp-port-table.py", null, directory =>
        {
            string committed = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "RawNet.Protocols", "Udp", "UdpPortTable.Tshark.cs"));
            string written = File.ReadAllText(Path.Combine(directory, "UdpPortTable.Tshark.cs"));
            // The first lines name the tshark build; the table below them is what must agree.
            Assert.Equal(committed[committed.IndexOf("namespace", StringComparison.Ordinal)..], written[written.IndexOf("namespace", StringComparison.Ordinal)..]);
        });
    }

    /// <summary>The protocols of a chain after its first "udp".</summary>
    private static List<string> AfterUdp(string chain)
    {
        var names = chain.Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        int udp = names.IndexOf("udp");
        return udp < 0 ? [] : names[(udp + 1)..];
    }
}
