using RawNet.Files;
using RawNet.Protocols.Decoding;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark is the oracle for <c>frame.protocols</c>: <c>rawnet read -T fields -e frame.protocols</c> must print tshark
/// 4.0's chain (default preferences, one pass) for every frame of every bundled capture and the peer corpus whose link
/// type RawNet decodes, but for the exemptions below, each with its reason. tshark's run is the field oracles' shared run.
/// </summary>
public sealed class ProtocolChainOracleTests
{
    /// <summary>
    /// Protocols tshark decodes and RawNet does not, besides <see cref="TsharkColumnsOracleTests.UndecodedProtocols"/>:
    /// from the first of them on, RawNet's chain may end, or end in "data".
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> MoreUndecodedProtocols = new Dictionary<string, string>
    {
        ["pim"] = "PIM (IP protocol 103)",
        ["x509sat"] = "X.509 in a TLS certificate message (its names and extensions: x509sat, x509ce)",
    };

    /// <summary>Frames whose chains cannot agree yet, by file and frame, each with its reason.</summary>
    private static readonly IReadOnlyDictionary<(string File, int Frame), string> KnownDifferences = new Dictionary<(string, int), string>
    {
        [("erf.pcap", 17)] = Cut,
        [("arcnet.pcap", 13)] = Cut,
        [("enc.pcap", 31)] = Cut,
        [("ap1394.pcap", 9)] = Cut,
        [("ipnet.pcap", 68)] = Cut,
        [("ipnet.pcap", 69)] = Cut,
        [("ipnet.pcap", 70)] = Cut,
        [("ipnet.pcap", 71)] = Cut,
        [("trailer-cuts.pcap", 3153)] = Cut,
        [("macsec.pcap", 37)] = Cut,
        [("macsec.pcap", 82)] = Cut,
        [("table-expert-cases.pcap", 35)] = Cut,
        [("atm-rfc1483-dlt11.pcap", 8)] = Cut,
        [("llc.pcap", 59)] = "an XID in the basic format with more bytes than it: tshark hands them to data",
        [("erf.pcap", 34)] = "an ERF record of no bytes after its header: tshark lists no protocol at all",
        [("erf.pcap", 70)] = "an ERF record of no bytes after its header: tshark lists no protocol at all",
        [("pktap.pcap", 28)] = "a PKTAP packet of no bytes: tshark still calls the link-type table",
        [("pktap.pcap", 30)] = "a PKTAP packet of no bytes: tshark still calls the link-type table",
        [("ethernet.pcap", 30)] = "an 802.3 frame behind an EtherType of 0x0000 under a VLAN tag, which tshark hands to LLC",
        [("80211_plus_radiotap_header.pcap", 155)] = "an 802.11 frame whose body tshark hands to data and RawNet does not show",
        [("juniper-ether.pcap", 36)] = Cut,
        [("pflog.pcap", 43)] = Cut,
        [("ipfc.pcap", 11)] = Cut,
        [("tokenring.pcap", 7)] = "an LLC frame whose information tshark's LLC reads itself where RawNet shows data",
        [("atm-rfc1483.pcap", 8)] = "an LLC frame whose information tshark's LLC reads itself where RawNet shows data",
        [("sunatm.pcap", 32)] = "a SunATM cell tshark's ATM reads no further (a cut or damaged pseudo-header)",
        [("sunatm.pcap", 51)] = "a SunATM cell tshark's ATM reads no further (a cut or damaged pseudo-header)",
        [("sunatm.pcap", 61)] = "a LANE PDU cut before its header, which tshark's ATM does not hand to LANE",
        [("sunatm.pcap", 79)] = "a LANE PDU cut before its header, which tshark's ATM does not hand to LANE",
        [("teredo.pcap", 1)] = "an ICMPv6 message in a Teredo packet whose body tshark's ICMPv6 reads and RawNet shows as data",
        [("80211_raw.pcap", 1)] = "802.11ah's protocol version 1, which RawNet does not decode (TsharkColumnsOracleTests.KnownDifferences)",
    };

    private const string Cut = "a header cut short or bogus: tshark's dissector refuses it (or its caller stops before it) where RawNet shows the layer it read";

    public static TheoryData<string> BundledFiles()
    {
        // udp-ports/ names hundreds of protocols RawNet does not decode on purpose: UdpPortOrderOracleTests compares its chains.
        // pcapng/ has custom blocks tshark numbers as frames and RawNet does not show: PcapNgFrameOracleTests compares them.
        return TsharkComparison.CapturesInAllFoldersBut("udp-ports", "pcapng");
    }

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void Bundled_captures_agree_with_tshark(string name) => Compare(Path.Combine(TestPaths.Captures, name));

    [Theory]
    [MemberData(nameof(TsharkFieldsOracleTests.CorpusFiles), MemberType = typeof(TsharkFieldsOracleTests))]
    public void Peer_captures_agree_with_tshark(string name)
    {
        TestPaths.SkipUnlessPeerCorpus();
        Compare(Path.Combine(TestPaths.PeerCorpus, name));
    }

    private static void Compare(string path)
    {
        string[] fields = ["frame.protocols"];
        var tshark = TsharkComparison.FieldLines(path, fields);
        var ours = Lines(InProcessRawNet.Run(["read", path, "-T", "fields", .. fields.SelectMany(f => new[] { "-e", f })]), path);
        var decoded = Decoded(path);
        // tshark shows a pcapng custom block (the lab's TCP_INFO annotations, at a capture's end) as a frame of "data";
        // RawNet's reader hands no frame for it.
        while (tshark.Count > ours.Count && tshark[^1] == "data" && path.EndsWith(".pcapng", StringComparison.Ordinal))
            tshark.RemoveAt(tshark.Count - 1);
        Assert.Equal(tshark.Count, ours.Count);
        Assert.Equal(tshark.Count, decoded.Count);
        var mismatches = new List<string>();
        for (int i = 0; i < tshark.Count; i++)
        {
            if (!decoded[i] || KnownDifferences.ContainsKey((Path.GetFileName(path), i + 1)))
                continue;
            if (!Agree(tshark[i], ours[i]))
                mismatches.Add($"packet {i + 1}: tshark '{tshark[i]}' rawnet '{ours[i]}'");
        }
        Assert.True(mismatches.Count == 0, $"{Path.GetFileName(path)}: {mismatches.Count} mismatches\n" + string.Join("\n", mismatches.Take(30)));
    }

    /// <summary>Whether RawNet's chain is tshark's, or differs from it only as an exemption allows.</summary>
    internal static bool Agree(string tshark, string ours)
    {
        var theirs = tshark.Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        var mine = ours.Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (theirs.SequenceEqual(mine))
            return true;
        // A protocol RawNet does not decode (outside an ICMP error's quote): what comes before it agrees, RawNet's rest is data.
        int quote = theirs.FindIndex(p => p is "icmp" or "icmpv6");
        int undecoded = theirs.FindIndex(p => TsharkColumnsOracleTests.UndecodedProtocols.ContainsKey(p) && p is not ("dns" or "mdns") || MoreUndecodedProtocols.ContainsKey(p));
        if (undecoded >= 0 && (quote < 0 || undecoded < quote) && mine.Take(undecoded).SequenceEqual(theirs.Take(undecoded))
            && mine.Skip(undecoded).All(p => p == "data") && mine.Count <= undecoded + 1)
            return true;
        // The first protocol in an L2TPv3 pseudowire: tshark adds it or not by how its dissector was found (the session's
        // pseudowire type from the control connection, or guessed), which RawNet does not follow; compare the rest.
        int l2tp = theirs.IndexOf("l2tp");
        if (l2tp >= 0 && l2tp == mine.IndexOf("l2tp")
            && (WithoutNext(theirs, l2tp).SequenceEqual(mine) || WithoutNext(mine, l2tp).SequenceEqual(theirs)))
            return true;
        int tcp = theirs.IndexOf("tcp");
        if (tcp >= 0 && mine.Take(tcp + 1).SequenceEqual(theirs.Take(tcp + 1)))
        {
            // tshark's TCP keeps a segment a reassembling dissector RawNet does not decode (DRDA) takes for a message
            // that ends later, and bytes its HTTP asks more for without a message to show; RawNet shows them as data.
            // (Retransmitted, out-of-order and held segments RawNet hands on as tshark does: TcpPayloadHandoffOracleTests.)
            if (theirs.Count == tcp + 1 && mine.Count == tcp + 2 && mine[^1] == "data")
                return true;
            // RawNet's HTTP and DNS over TCP find messages in other segments than tshark's reassembly: HttpOracleTests (with
            // the dissectors of HTTP bodies: data-text-lines, media, json...) and DnsOracleTests compare them.
            if (theirs.Skip(tcp + 1).FirstOrDefault() is "http" or "dns" || mine.Skip(tcp + 1).FirstOrDefault() is "http" or "dns")
                return true;
        }
        return false;
    }

    /// <summary>The chain without the entry after <paramref name="index"/>.</summary>
    private static IEnumerable<string> WithoutNext(List<string> chain, int index) => chain.Where((_, i) => i != index + 1);

    /// <summary>A run's output lines (its last newline dropped), after checking it succeeded.</summary>
    internal static List<string> Lines((int ExitCode, string StdOut, string StdErr) run, string path)
    {
        Assert.True(run.ExitCode == 0, $"failed on {path}: {run.StdErr}");
        var lines = run.StdOut.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>Per frame: whether RawNet decodes its link type.</summary>
    internal static List<bool> Decoded(string path)
    {
        var decoded = new List<bool>();
        using var reader = CaptureFileReader.Open(path);
        while (reader.TryReadNext(out var frame))
            decoded.Add(PacketDecoder.DecodesLinkType(frame.Metadata.LinkType));
        return decoded;
    }
}
