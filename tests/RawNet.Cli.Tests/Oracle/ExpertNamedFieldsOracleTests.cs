using System.Text.RegularExpressions;
using RawNet.Protocols.Expert;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark 4.0 is the oracle for the expert items read under their own field names (<see cref="ExpertFields.Named"/>:
/// ip.bogus_ip_version, eth.len.past_end, ...): per frame of every bundled capture (udp-ports/ too) and every peer
/// capture whose link type RawNet decodes, <c>rawnet read -T fields -e NAME</c> prints what tshark prints, all
/// occurrences; <c>_ws.expert.message</c> holds tshark's messages of these items, in tshark's order; and <c>-Y NAME</c>
/// selects tshark's frames. Frames of <see cref="KnownDifferences"/> are left out, each with its reason.
/// </summary>
[LongRunning]
public sealed class ExpertNamedFieldsOracleTests
{
    /// <summary>Frames whose named items cannot agree yet, by file and frame, each with its reason.</summary>
    private static readonly IReadOnlyDictionary<(string File, int Frame), string> KnownDifferences = new Dictionary<(string, int), string>
    {
        [("ipv4-option-fields.pcap", 14)] = SecurityFlags,
        [("ipv4-option-fields.pcap", 16)] = SecurityFlags,
        [("udp-port-order.pcap", 209)] = Teredo,
        [("udp-port-order.pcap", 415)] = Teredo,
        [("udp-port-order.pcap", 606)] = Teredo,
        [("udp-port-order.pcap", 1045)] = Teredo,
        [("udp-port-order.pcap", 1619)] = Teredo,
        [("udp-port-order.pcap", 1809)] = Teredo,
        [("udp-port-order.pcap", 1985)] = Teredo,
        [("udp-port-order.pcap", 2313)] = Teredo,
        [("udp-port-order.pcap", 2599)] = Teredo,
        [("udp-port-order.pcap", 2925)] = Teredo,
        [("udp-port-order.pcap", 3146)] = Teredo,
        [("udp-port-order.pcap", 2033)] = PortOrder,
        [("udp-port-order.pcap", 2034)] = PortOrder,
        [("udp-port-order.pcap", 2046)] = PortOrder,
        [("udp-port-order.pcap", 2048)] = PortOrder,
        [("udp-port-order.pcap", 2058)] = Undecoded,
        [("udp-port-order.pcap", 2756)] = Undecoded,
    };

    private const string SecurityFlags = "an RFC 1108 security option whose protection authority flags end before its length: tshark's \"Extraneous data in option\", which RawNet's finder does not look for yet";

    private const string Undecoded = "a UDP port tshark hands to a protocol RawNet does not decode (ACDR, B.A.T.M.A.N.), which hands IP on";

    private const string Teredo = "Teredo hands a header whose version is not 6 to IPv6 (\"Bogus IPv6 version\"); RawNet's Teredo check wants version 6 and leaves it data";
    private const string PortOrder = "UDP ports that name AMT and ISAKMP or CUPS: tshark's choice of dissector differs from RawNet's here (UdpPortOrderOracleTests)";

    public static TheoryData<string> BundledFiles() => TsharkComparison.CapturesInAllFoldersBut();

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

    private static readonly string[] Names = ExpertFields.Named.Select(f => f.Name).ToArray();

    /// <summary>What is compared per frame: its number, each named item, and the expert messages.</summary>
    internal static readonly string[] Fields = ["frame.number", .. Names, "_ws.expert.message"];

    private static void Compare(string path)
    {
        string file = Path.GetFileName(path);
        var theirs = TsharkComparison.FieldLines(path, Fields);
        var ours = ProtocolChainOracleTests.Lines(InProcessRawNet.Run(["read", path, "-T", "fields", .. Fields.SelectMany(f => new[] { "-e", f })]), path);
        // tshark shows a pcapng custom block as a frame; RawNet's reader hands none.
        Assert.True(theirs.Count >= ours.Count, $"{file}: {theirs.Count} frames in tshark, {ours.Count} in RawNet");
        var decoded = ProtocolChainOracleTests.Decoded(path);
        var problems = new List<string>();
        var selected = new Dictionary<string, List<int>>();
        var skipped = new HashSet<int>();
        var found = new HashSet<string>();
        for (int i = 0; i < ours.Count; i++)
        {
            int frame = i + 1;
            if (i >= decoded.Count || !decoded[i] || KnownDifferences.ContainsKey((file, frame)))
            {
                skipped.Add(frame);
                continue;
            }
            var want = theirs[i].Split('\t');
            var got = ours[i].Split('\t');
            for (int n = 0; n < Names.Length; n++)
            {
                string wanted = Column(want, n + 1), gotten = Column(got, n + 1);
                if (wanted != gotten)
                    problems.Add($"frame {frame} {Names[n]}: tshark '{wanted}', RawNet '{gotten}'");
                if (wanted.Length > 0)
                    (selected.TryGetValue(Names[n], out var frames) ? frames : selected[Names[n]] = []).Add(frame);
                if (gotten.Length > 0)
                    found.Add(Names[n]);
            }
            var wantMessages = Messages(Column(want, Names.Length + 1));
            var gotMessages = Messages(Column(got, Names.Length + 1));
            if (!wantMessages.SequenceEqual(gotMessages))
                problems.Add($"frame {frame} messages: tshark [{string.Join(" | ", wantMessages)}], RawNet [{string.Join(" | ", gotMessages)}]");
        }
        // -Y NAME selects tshark's frames (the names this capture has, or RawNet finds)
        foreach (string name in Names.Where(n => selected.ContainsKey(n) || found.Contains(n)))
        {
            var picked = ProtocolChainOracleTests.Lines(InProcessRawNet.Run("read", path, "-Y", name, "-T", "fields", "-e", "frame.number"), path)
                .Select(int.Parse).Where(f => !skipped.Contains(f)).ToList();
            var expected = selected.TryGetValue(name, out var frames) ? frames : [];
            if (!picked.SequenceEqual(expected))
                problems.Add($"-Y {name}: tshark's frames [{string.Join(' ', expected)}], RawNet's [{string.Join(' ', picked)}]");
        }
        Assert.True(problems.Count == 0, $"{file}: {problems.Count} differences\n" + string.Join("\n", problems.Take(25)));
    }

    private static string Column(string[] columns, int index) => index < columns.Length ? columns[index] : "";

    /// <summary>The messages of a <c>_ws.expert.message</c> column that are those of the named items (a comma inside a message is followed by a space).</summary>
    private static List<string> Messages(string column) =>
        column.Length == 0 ? [] : Regex.Split(column, ",(?! )").Where(m => NamedTemplates.Contains(Normalize(m))).ToList();

    /// <summary>Every summary of an item with a name of <see cref="ExpertFields.Named"/>, its numbers made '#'.</summary>
    private static readonly HashSet<string> NamedTemplates = BuildTemplates();

    private static HashSet<string> BuildTemplates()
    {
        var templates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Enum.GetValues<ExpertItem>().Where(i => Names.Contains(ExpertPlacement.FieldName(i))))
        {
            if (item == ExpertItem.Ipv4OptionLengthInvalid)
            {
                for (int problem = 0; problem < 4; problem++)
                {
                    for (int type = 0; type < 256; type++)
                    {
                        foreach (byte length in new byte[] { 1, 3 })
                            templates.Add(Normalize(ExpertItems.Summary(new ExpertFinding(item, ExpertItems.Ipv4OptionProblemArgument(problem, (byte)type, length, 4)))));
                    }
                }
                continue;
            }
            if (item is ExpertItem.Ipv6OptionHeaderMismatch or ExpertItem.Ipv6OptionLengthInvalid)
            {
                // their words name the option
                for (int type = 0; type < 256; type++)
                {
                    foreach (int value in new[] { 0, 1, 3 })
                        templates.Add(Normalize(ExpertItems.Summary(new ExpertFinding(item, ExpertItems.Ipv6OptionArgument((byte)type, value, hopByHop: true)))));
                }
                continue;
            }
            templates.Add(Normalize(ExpertItems.Summary(new ExpertFinding(item, 12))));
        }
        // tshark's wording for an Ethernet length is DOCSIS's, LLC's and STP's too, and for IPv6 options' unknown data
        // ICMPv6 options': only Ethernet's and IPv6's are this table's (their fields are compared all the same)
        templates.Remove(Normalize(ExpertItems.Summary(new ExpertFinding(ExpertItem.EthernetLengthPastEnd))));
        templates.Remove(Normalize(ExpertItems.Summary(new ExpertFinding(ExpertItem.Ipv6OptionUnknownData))));
        return templates;
    }

    private static string Normalize(string message) => Regex.Replace(Regex.Replace(message, "0x[0-9a-fA-F]+", "#"), "[0-9]+", "#");
}
