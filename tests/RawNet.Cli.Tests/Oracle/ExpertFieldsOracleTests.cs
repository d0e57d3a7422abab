using System.Text.RegularExpressions;
using RawNet.Protocols.Expert;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark 4.0 is the oracle for the expert items' fields (issue 13): <c>rawnet read -T fields -e _ws.malformed -e
/// _ws.expert.message -e _ws.expert.severity -e _ws.expert.group</c> must print, per frame of every bundled capture whose
/// link type RawNet decodes, tshark's items in tshark's order, and <c>-Y _ws.malformed</c> and <c>-Y _ws.expert</c>
/// must select tshark's frames, but for the exemptions below, each with its reason.
/// </summary>
/// <remarks>
/// What is not compared, and why:
/// <list type="bullet">
/// <item>Items RawNet does not report (<see cref="Reports"/>: none of <see cref="ExpertItems"/>' words, and none that
/// quotes the packet as HTTP's start lines and SIP's unrecognised headers do, <see cref="Quoted"/>): application
/// protocols' (DNS, TLS, HTTP's body dissectors', SDP's), TCP reassembly's for them ("New fragment overlaps old data",
/// with its "[Reassembly error, ...]"), and the checks of protocols RawNet decodes without them (Bogus IP version,
/// LLC, STP, GARP, L2TP, Token Ring MAC, GFP, radiotap, Juniper, ...), as docs/cli.md's <c>--expert</c> says.</item>
/// <item>Ethernet's "Didn't find padding of zeros": RawNet judges the padding only behind Ethernet carrying IP.</item>
/// <item>The malformed exception in a protocol RawNet does not decode (<see cref="UndecodedThrowers"/>): RawNet's
/// dissection ends before it.</item>
/// <item>The protocol named in "[Malformed Packet: X]": RawNet names the Protocol column's protocol, which is often
/// not the dissector that threw (tshark's "Juniper" for "Juniper PPP", "IPv4" in a cut link header); only that the
/// item is there is compared.</item>
/// <item>Frames in <see cref="KnownDifferences"/>.</item>
/// </list>
/// </remarks>
public sealed class ExpertFieldsOracleTests
{
    internal static readonly string[] Fields = ["_ws.malformed", "_ws.expert.message", "_ws.expert.severity", "_ws.expert.group"];

    /// <summary>Protocols whose malformed exception RawNet cannot see: it does not decode them.</summary>
    internal static readonly HashSet<string> UndecodedThrowers = ["IPX", "NetBIOS", "SNA XID"];

    /// <summary>Frames whose items cannot agree yet, by file and frame, each with its reason.</summary>

    private const string NbnsColumnsRead = "an NB record shorter than an address: tshark reads its first address for the Info column only, "
        + "so -V, which has no columns, shows no exception where RawNet's items, judged by its Info column, show the one tshark's columns meet";

    internal static readonly IReadOnlyDictionary<(string File, int Frame), string> KnownDifferences = new Dictionary<(string, int), string>
    {
        [("ipv6-options.pcap", 27)] = "an IPv6 payload length of 0 without a jumbogram length, in padded Ethernet: tshark lists the padding's item (in the Ethernet tree) before IPv6's, RawNet after",
        [("erf.pcap", 22)] = ErfOrder,
        [("erf.pcap", 23)] = ErfOrder,
        [("erf.pcap", 24)] = ErfOrder,
        [("atm-bridged.pcap", 29)] = ReportedLength,
        [("frelay-bridged.pcap", 29)] = ReportedLength,
        [("fpp.pcap", 54)] = ReportedLength,
        [("nbns-cases.pcap", 6)] = NbnsColumnsRead,
        [("nbns-cases.pcap", 29)] = NbnsColumnsRead,
        [("gfp.pcap", 91)] = "IPv4 in a GFP payload its PLI says is longer than the frame: tshark's length item and exception are GFP's",
        [("table-expert-cases.pcap", 34)] = "a short TCP segment in padded Ethernet: tshark judges the padding before TCP's items, RawNet after",
        [("ethernet.pcap", 30)] = "an 802.3 frame behind an EtherType of 0x0000 under a VLAN tag, which tshark hands to LLC and STP",
        [("icmp-errors.pcap", 4)] = "an IPv4 header quoted in an ICMP error: tshark adds its TTL item to the tree (not to -z expert), RawNet's finder skips quotes",
        [("icmp-quoted-payloads.pcap", 7)] = "an HTTP response quoted in an ICMP error: tshark adds its chat item to the tree (not to -z expert), RawNet's finder skips quotes",
        [("icmp-quoted-payloads.pcap", 4)] = "an IPv4 header quoted in an ICMP error (mDNS to 224.0.0.251, TTL 64): tshark adds its TTL item, RawNet's finder skips quotes",
        [("icmpv6-cases.pcap", 27)] = Icmpv6Options,
        [("icmpv6-cases.pcap", 31)] = Icmpv6Options,
        [("icmpv6-cases.pcap", 32)] = Icmpv6Options,
        [("icmpv6-cases.pcap", 102)] = "an MLD query the capture cut after 80 of 114 bytes: tshark reads only what it shows and adds no short mark; RawNet's judge marks the cut ICMPv6 layer",
        [("wpan-nonask.pcap", 24)] = "a 6LoWPAN payload the capture cut: tshark's Info says size limited but its tree has no _ws.short; RawNet's judge adds one",
        [("raw-dlt12.pcap", 9)] = "UDP's length past a cut IPv4 payload on raw IP: not found yet",
        [("raw-dlt14.pcap", 9)] = "UDP's length past a cut IPv4 payload on raw IP: not found yet",
        [("erf.pcap", 27)] = "an ERF record's truncation flag on a record RawNet's finder does not read (not found yet)",
        [("l2tp.pcap", 14)] = PseudoLength,
        [("gfp.pcap", 67)] = PseudoLength,
        [("gfp.pcap", 68)] = PseudoLength,
        [("gfp.pcap", 75)] = PseudoLength,
        [("llc-bridged.pcap", 39)] = PseudoLength,
        [("netanalyzer.pcap", 43)] = PseudoLength,
        [("erf.pcap", 42)] = PseudoLength,
        [("erf.pcap", 43)] = PseudoLength,
        [("erf.pcap", 44)] = PseudoLength,
        [("erf.pcap", 52)] = PseudoLength,
        [("ebhscr.pcap", 67)] = PseudoLength,
        [("http-cases.pcap", 639)] = "a status line's chat cut at 239 bytes inside a UTF-8 character: tshark keeps the character's first bytes, which a .NET string cannot hold; RawNet's text ends before the character",
        [("sflow.pcap", 2)] = SampledSyn,
        [("sflow.pcap", 4)] = SampledSyn,
        [("sflow.pcap", 10)] = SampledSyn,
        [("sflow.pcap", 14)] = SampledSyn,
        [("sflow.pcap", 15)] = SampledSyn,
        [("sflow.pcap", 17)] = SampledSyn,
        [("sflow.pcap", 178)] = SampledSyn,
    };

    private const string Icmpv6Options = "an ICMPv6 option or MLDv2 record tshark reads past the message (or not): the Info column's own check judges it, not Icmpv6Body's walk (not used there yet)";

    private const string SampledSyn = "a TCP SYN in an sFlow sampled header: tshark's TCP adds its connection item there too; RawNet decodes sampled headers as quoted, which the finder passes over";

    private const string PseudoLength = "IPv4 behind a tunnel or pseudo-header whose length tshark hands on as the reported length: RawNet's finder measures from the frame's";

    /// <summary>
    /// Words RawNet's items share with other protocols' items RawNet does not report, and the capture of the protocol
    /// RawNet reports them for (DOCSIS's length past the payload is LLC's, STP's, GVRP's and Juniper's words too;
    /// GFP's "Bad FCS" is 802.15.4's; IPv6 options' "Unknown Data" is ICMPv6 options').
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string[]> SharedWords = new Dictionary<string, string[]>
    {
        ["Length field value goes past the end of the payload"] = ["docsis.pcap"],
        ["Bad FCS"] = ["gfp.pcap", "gfp-transparent.pcap"],
        // IPv6 options' data tshark does not interpret; ICMPv6 options' (not reported) have the same words
        ["Unknown Data (not interpreted)"] = ["ipv6-options.pcap", "ipv6-option-items.pcap"],
    };

    private const string ErfOrder = "an ERF record with error flags and a loss counter: tshark adds the flags' items first, RawNet the loss first";
    private const string ReportedLength = "IPv4 in a frame with an FCS or trailer: tshark's reported length leaves it out, RawNet's counts it";

    public static TheoryData<string> BundledFiles() => ProtocolChainOracleTests.BundledFiles();

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void Bundled_captures_agree_with_tshark(string name) => Compare(Path.Combine(TestPaths.Captures, name));

    private static void Compare(string path)
    {
        var theirs = TsharkComparison.FieldLines(path, Fields);
        var ours = Lines(InProcessRawNet.Run(["read", path, "-T", "fields", .. Fields.SelectMany(f => new[] { "-e", f })]), path);
        // tshark shows a pcapng custom block (the lab's TCP_INFO annotations) as a frame; RawNet's reader hands none.
        while (theirs.Count > ours.Count && path.EndsWith(".pcapng", StringComparison.Ordinal) && theirs[^1].All(c => c == '\t'))
            theirs.RemoveAt(theirs.Count - 1);
        Assert.Equal(theirs.Count, ours.Count);
        var decoded = Decoded(path);
        string file = Path.GetFileName(path);
        var mismatches = new List<string>();
        var expectMalformed = new List<int>();
        var expectExpert = new List<int>();
        var mayMalformed = new List<int>();
        var mayExpert = new List<int>();
        for (int i = 0; i < theirs.Count; i++)
        {
            int frame = i + 1;
            var want = Frame.Parse(theirs[i]) with { File = file };
            var got = Frame.Parse(ours[i]) with { File = file };
            bool skip = i >= decoded.Count || !decoded[i] || KnownDifferences.ContainsKey((file, frame));
            if (skip)
            {
                // either answer is accepted for such a frame
                mayMalformed.Add(frame);
                mayExpert.Add(frame);
                continue;
            }
            if (Difference(want, got) is { } problem)
                mismatches.Add($"frame {frame}: {problem}\n  tshark: {theirs[i]}\n  rawnet: {ours[i]}");
            if (want.Malformed.Count > 0 && want.Malformed.Any(m => !ExemptMalformed(m, want)))
                expectMalformed.Add(frame);
            else if (want.Malformed.Count > 0)
                mayMalformed.Add(frame);
            if (want.Items.Any(item => !Exempt(item, want)))
                expectExpert.Add(frame);
            else if (want.Items.Count > 0)
                mayExpert.Add(frame);
        }
        Assert.True(mismatches.Count == 0, $"{file}: {mismatches.Count} frames differ\n" + string.Join("\n", mismatches.Take(20)));
        AssertSelects(path, "_ws.malformed", expectMalformed, mayMalformed);
        AssertSelects(path, "_ws.expert", expectExpert, mayExpert);
    }

    /// <summary>RawNet's <c>-Y <paramref name="filter"/></c> selects every frame of <paramref name="expected"/>, and otherwise only frames of <paramref name="allowed"/>.</summary>
    private static void AssertSelects(string path, string filter, List<int> expected, List<int> allowed)
    {
        var selected = Lines(InProcessRawNet.Run("read", path, "-Y", filter, "-T", "fields", "-e", "frame.number"), path).Select(int.Parse).ToHashSet();
        var missing = expected.Where(f => !selected.Contains(f)).ToList();
        var extra = selected.Where(f => !expected.Contains(f) && !allowed.Contains(f)).Order().ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{Path.GetFileName(path)} -Y {filter}: tshark's frames not selected [{string.Join(' ', missing)}], selected beyond tshark's [{string.Join(' ', extra)}]");
    }

    /// <summary>Why RawNet's items of a frame are not tshark's, or null when they agree (but for the exemptions).</summary>
    private static string? Difference(Frame want, Frame got)
    {
        // RawNet's items are tshark's, in tshark's order, less the exempt ones
        int next = 0;
        foreach (var item in want.Items)
        {
            if (next < got.Items.Count && got.Items[next] == item)
                next++;
            else if (!Exempt(item, want))
                return $"tshark's item '{item.Message}' ({item.Severity}/{item.Group}) is missing";
        }
        if (next < got.Items.Count)
            return $"RawNet's item '{got.Items[next].Message}' is not tshark's (or not in its order)";
        // one "[Malformed Packet: X]" per exception and one hidden "_ws.malformed" per item of the Malformed group
        int wantExceptions = want.Malformed.Count(m => m.StartsWith('[') && !ExemptMalformed(m, want));
        int wantAll = want.Malformed.Count(m => m.StartsWith('['));
        int gotExceptions = got.Malformed.Count(m => m.StartsWith('['));
        if (gotExceptions < wantExceptions || gotExceptions > wantAll)
            return $"{wantExceptions} malformed exceptions in tshark, {gotExceptions} in RawNet";
        int gotHidden = got.Malformed.Count(m => m == "_ws.malformed");
        int gotGroup = got.Items.Count(i => i.Group == MalformedGroup);
        if (gotHidden != gotGroup)
            return $"{gotHidden} hidden _ws.malformed for {gotGroup} items of the Malformed group";
        return null;
    }

    /// <summary>An item of tshark's that RawNet need not report (see the class's remarks).</summary>
    private static bool Exempt(Item item, Frame frame) =>
        ExemptMessage(item.Message, frame.File, item.Severity, item.Group)
        || item.Message == Exception && frame.Malformed.Any(m => m.StartsWith('[') && ExemptMalformed(m, frame));

    /// <summary>An item of tshark's, by its message, that RawNet need not report in <paramref name="file"/> (see the class's remarks).</summary>
    internal static bool ExemptMessage(string message, string file, string? severity = null, string? group = null) =>
        !Reports(message) && !Quoted(message, severity, group)
        || SharedWords.TryGetValue(message, out var owners) && !owners.Contains(file)
        || message.StartsWith("Didn't find padding of zeros", StringComparison.Ordinal);

    /// <summary>A <c>_ws.malformed</c> entry of tshark's that RawNet need not show.</summary>
    private static bool ExemptMalformed(string entry, Frame frame)
    {
        if (entry.StartsWith("[Reassembly error", StringComparison.Ordinal))
            return true;
        if (entry.StartsWith("[Malformed Packet: ", StringComparison.Ordinal))
            return UndecodedThrowers.Any(p => entry.StartsWith($"[Malformed Packet: {p}]", StringComparison.Ordinal));
        // a hidden one: exempt when every item of the Malformed group is
        return frame.Items.Where(i => i.Group == MalformedGroup).All(i => Exempt(i, frame));
    }

    private const string Exception = "Malformed Packet (Exception occurred)";

    /// <summary>The Malformed group as -T fields prints it.</summary>
    private static readonly string MalformedGroup = ExpertItems.GroupCode(ExpertGroup.Malformed).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every summary RawNet can write, its numbers made '#'.</summary>
    private static readonly HashSet<string> Templates = BuildTemplates();

    private static HashSet<string> BuildTemplates()
    {
        var templates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Enum.GetValues<ExpertItem>())
        {
            foreach (uint argument in new uint[] { 0, 1, 4, 44, 80, ExpertItems.TracerouteFirstPort, 0xC0A80001 })
                templates.Add(Normalize(ExpertItems.Summary(new ExpertFinding(item, argument))));
        }
        for (int problem = 0; problem < 3; problem++)
        {
            for (int kind = 0; kind < 256; kind++)
            {
                foreach (byte length in new byte[] { 1, 3 })
                    templates.Add(Normalize(ExpertItems.Summary(new ExpertFinding(ExpertItem.TcpOptionLengthInvalid, ExpertItems.TcpOptionProblemArgument(problem, (byte)kind, length)))));
            }
        }
        return templates;
    }

    /// <summary>
    /// True for an item whose words quote the packet, which RawNet reports: SIP's "Unrecognised SIP header (name)", and
    /// HTTP's chat on a start line (any Chat/Sequence item that is no template's and not one of <see cref="OtherChats"/>).
    /// The severity and group as -T fields prints them (2097152, 33554432) or as the tree names them.
    /// </summary>
    internal static bool Quoted(string message, string? severity, string? group) =>
        message.StartsWith("Unrecognised SIP header (", StringComparison.Ordinal)
        || severity is "Chat" or "2097152" && group is "Sequence" or "33554432" && !OtherChats.Contains(message);

    /// <summary>Chat/Sequence items of protocols RawNet reports none for (WireGuard's).</summary>
    private static readonly HashSet<string> OtherChats = ["This is a Keepalive message"];

    /// <summary>True when <paramref name="message"/> is one of the items RawNet reports (any numbers in it).</summary>
    internal static bool Reports(string message) => Templates.Contains(Normalize(message));

    private static string Normalize(string message) => Regex.Replace(Regex.Replace(message, "0x[0-9a-fA-F]+", "#"), "[0-9]+", "#");

    private readonly record struct Item(string Message, string Severity, string Group);

    private sealed record Frame(List<string> Malformed, List<Item> Items)
    {
        /// <summary>The capture's file name.</summary>
        public string File { get; init; } = "";

        /// <summary>One line of the four fields; occurrences are joined by commas, and a comma inside a message is followed by a space.</summary>
        public static Frame Parse(string line)
        {
            var columns = line.Split('\t');
            Array.Resize(ref columns, Math.Max(columns.Length, 4));
            var malformed = Split(columns[0], @",(?=_ws\.malformed|\[)");
            var messages = Split(columns[1], ",(?! )");
            var severities = Split(columns[2], ",");
            var groups = Split(columns[3], ",");
            var items = new List<Item>();
            for (int i = 0; i < severities.Count; i++)
                items.Add(new Item(i < messages.Count ? messages[i] : "", severities[i], i < groups.Count ? groups[i] : ""));
            return new Frame(malformed, items);
        }

        private static List<string> Split(string? text, string separator) =>
            string.IsNullOrEmpty(text) ? [] : Regex.Split(text, separator).ToList();
    }

    private static List<string> Lines((int ExitCode, string StdOut, string StdErr) run, string path) => ProtocolChainOracleTests.Lines(run, path);

    private static List<bool> Decoded(string path) => ProtocolChainOracleTests.Decoded(path);
}
