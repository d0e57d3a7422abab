using System.Text.Json;
using System.Text.RegularExpressions;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark 4.0 is the oracle for the expert items in <c>rawnet read -V</c> and <c>-T json</c> (issue 13). Per frame of
/// every bundled capture whose link type RawNet decodes (tshark's -V and JSON views both read from one <c>-T pdml</c>
/// run, <see cref="TsharkPdml"/>):
/// <list type="bullet">
/// <item><c>-V</c>: RawNet's "[Expert Info (Severity/Group): ...]" subtrees (with their three lines) are tshark's, line for
/// line; "[Malformed Packet: X]" and "[Packet size limited during capture: X truncated]" are there when tshark's are;
/// and an item RawNet shows under a field's line hangs under that field in tshark's tree too (its JSON names the
/// parent). An item whose tshark parent RawNet's tree does not show (an option's own line, "[TCP Flags: ...]") stands
/// under its layer's heading, or after FIN's line for the flags' string.</item>
/// <item><c>-T json</c>: the <c>"_ws.expert"</c> objects (the item's own field, message, severity, group), the
/// <c>"_ws.malformed"</c> member and <c>"_ws.short"</c> are tshark's.</item>
/// </list>
/// </summary>
/// <remarks>
/// Exempt, as in <see cref="ExpertFieldsOracleTests"/> and for its reasons: items RawNet does not report, frames in its
/// known differences, exceptions in protocols RawNet does not decode, and the protocol named in "[Malformed Packet: X]".
/// Also exempt here: the protocol named in "_ws.short" (<see cref="CompareShort"/>).
/// </remarks>
[LongRunning]
public sealed partial class ExpertTreeOracleTests
{
    /// <summary>ProtocolChainOracleTests' captures but the link and pseudo-link ones, which <see cref="ExpertTreeLinkOracleTests"/> reads.</summary>
    public static TheoryData<string> BundledFiles() => TsharkComparison.CapturesInAllFoldersBut("udp-ports", "pcapng", "link", "pseudo-link");

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void Tree_and_json_show_tshark_s_expert_items(string name) => Compare(Path.Combine(TestPaths.Captures, name), Bundled);

    private static readonly CombinedRuns Bundled = new("expert-tree", () => BundledFiles().Select(row => Path.Combine(TestPaths.Captures, row.Data)));

    /// <summary>Compares one capture's frames: from its group's runs when <paramref name="runs"/> combines it with others, else from runs of its own.</summary>
    internal static void Compare(string path, CombinedRuns runs)
    {
        string file = Path.GetFileName(path);
        List<TreeFrame> theirTree, ourTree;
        List<JsonFrame> theirJson, ourJson;
        if (runs.For(path) is var (group, start, length))
        {
            (theirTree, theirJson) = (group.TheirTree.GetRange(start, length), group.TheirJson.GetRange(start, length));
            (ourTree, ourJson) = (group.OurTree.GetRange(start, length), group.OurJson.GetRange(start, length));
        }
        else
        {
            var tshark = ExternalTool.Require("tshark", "tshark");
            (theirTree, theirJson) = NoneInSharedRun(path) is { } frames
                ? (Enumerable.Repeat(new TreeFrame([], [], null), frames).ToList(), Enumerable.Repeat(new JsonFrame([], null), frames).ToList())
                : TsharkPdml(Run(ExternalTool.Run(tshark, ["-n", "-r", path, "-T", "pdml"]), path));
            (ourTree, ourJson) = Ours(path);
        }
        // tshark shows a pcapng custom block (the lab's TCP_INFO annotations) as a frame; RawNet's reader hands none.
        int count = ourTree.Count;
        Assert.True(theirTree.Count >= count && theirJson.Count >= count && ourJson.Count == count, $"{file}: frame counts differ");
        var decoded = ProtocolChainOracleTests.Decoded(path);
        var problems = new List<string>();
        for (int i = 0; i < count; i++)
        {
            int frame = i + 1;
            if (i >= decoded.Count || !decoded[i] || ExpertFieldsOracleTests.KnownDifferences.ContainsKey((file, frame)))
                continue;
            string where = $"frame {frame}";
            CompareTree(file, theirTree[i], AsPdml(ourTree[i]), theirJson[i], where, problems);
            CompareJson(file, theirJson[i], AsPdml(ourJson[i]), theirTree[i].Malformed.Any(ExemptException), where, problems);
        }
        Assert.True(problems.Count == 0, $"{file}: {problems.Count} differences\n" + string.Join("\n", problems.Take(25)));
    }

    /// <summary>The fields that say whether tshark shows a packet any expert item, malformed mark or short mark.</summary>
    internal static readonly string[] PresenceFields = ["_ws.expert.message", "_ws.malformed", "_ws.short"];

    /// <summary>
    /// The number of frames of <paramref name="path"/> when the shared fields run (<see cref="TsharkComparison.SharedLines"/>)
    /// shows no frame any expert item, malformed or short mark: then tshark's tree has none either, and RawNet's must have
    /// none, with no <c>-T pdml</c> run (67 of the 272 bundled and peer captures; on each of them the PDML run was checked
    /// to hold no <c>_ws.expert</c>, <c>_ws.malformed</c> or <c>_ws.short</c>, 2026-12-07). Null otherwise.
    /// </summary>
    private static int? NoneInSharedRun(string path) =>
        TsharkComparison.SharedLines(path, PresenceFields) is { } lines && lines.All(line => line.All(c => c == '\t')) ? lines.Length : null;

    private static void CompareTree(string file, TreeFrame want, TreeFrame got, JsonFrame wantJson, string where, List<string> problems)
    {
        bool exceptionExempt = want.Malformed.Any(ExemptException);
        var required = want.Blocks.Select(b => b.Text).Where(t => !Exempt(file, MessageOf(t), exceptionExempt, LineOf(t, 2), LineOf(t, 3))).ToList();
        Contains(got.Blocks.Select(b => b.Text).ToList(), required, $"{where} -V: tshark's item missing", problems);
        Contains(want.Blocks.Select(b => b.Text).ToList(), got.Blocks.Select(b => b.Text).ToList(), $"{where} -V: not tshark's item", problems);
        // placement: an item under a field's line is under that field in tshark's tree
        foreach (var block in got.Blocks.Where(b => b.Parent is not null))
        {
            string message = MessageOf(block.Text);
            // (an item tshark adds as a line of its own field, proto_tree_add_expert, is keyed by its text in tshark's JSON)
            if (!wantJson.Experts.Any(e => e.Message == message && (e.Parent == block.Parent || e.Parent == message && e.Field == block.Parent)))
                problems.Add($"{where} -V: '{message}' under {block.Parent}, tshark's parents: "
                    + string.Join(", ", wantJson.Experts.Where(e => e.Message == message).Select(e => e.Parent)));
        }
        int wantMalformed = want.Malformed.Count(m => !ExemptException(m));
        if (got.Malformed.Count < wantMalformed || got.Malformed.Count > want.Malformed.Count)
            problems.Add($"{where} -V: {want.Malformed.Count} '[Malformed Packet: X]' in tshark, {got.Malformed.Count} in RawNet");
        CompareShort(want.Short, got.Short, where + " -V", problems);
    }

    private static void CompareJson(string file, JsonFrame want, JsonFrame got, bool exceptionExempt, string where, List<string> problems)
    {
        var required = want.Experts.Where(e => !Exempt(file, e.Message, exceptionExempt, e.Severity, e.Group)).Select(e => e.Key).ToList();
        Contains(got.Experts.Select(e => e.Key).ToList(), required, $"{where} json: tshark's _ws.expert missing", problems);
        Contains(want.Experts.Select(e => e.Key).ToList(), got.Experts.Select(e => e.Key).ToList(), $"{where} json: not tshark's _ws.expert", problems);
        if (got.Malformed && !want.Malformed || want.Malformed && !exceptionExempt && !got.Malformed)
            problems.Add($"{where} json: _ws.malformed {(want.Malformed ? "in tshark's" : "not in tshark's")}, {(got.Malformed ? "in" : "not in")} RawNet's");
        CompareShort(want.Short, got.Short, where + " json", problems);
    }

    /// <summary>
    /// The short mark where tshark has one, and none where it has none. The protocol it names is not compared: RawNet names
    /// the Protocol column's protocol (as for "[Malformed Packet: X]"), tshark the dissector that ran out of bytes ("UDP"
    /// for a cut UDP header RawNet leaves in IPv4's payload, "IEEE 802.11" for the column's "802.11").
    /// </summary>
    private static void CompareShort(string? want, string? got, string where, List<string> problems)
    {
        if ((want is null) != (got is null) || got is not null && !ShortMark().IsMatch(got))
            problems.Add($"{where}: tshark's short mark '{want}', RawNet's '{got}'");
    }

    [GeneratedRegex(@"^\[Packet size limited during capture: .+ truncated\]$")]
    private static partial Regex ShortMark();

    private static bool Exempt(string file, string message, bool exceptionExempt, string severity, string group) =>
        ExpertFieldsOracleTests.ExemptMessage(message, file, severity, group) || message == ExceptionMessage && exceptionExempt;

    /// <summary>The value of an expert subtree's line ("[Severity level: Chat]": "Chat").</summary>
    private static string LineOf(string block, int line) => block.Split('\n')[line] is var text && text.IndexOf(": ", StringComparison.Ordinal) is >= 0 and var colon
        ? text[(colon + 2)..^1] : "";

    private const string ExceptionMessage = "Malformed Packet (Exception occurred)";

    private static bool ExemptException(string line) =>
        ExpertFieldsOracleTests.UndecodedThrowers.Any(p => line.StartsWith($"[Malformed Packet: {p}]", StringComparison.Ordinal));

    /// <summary>Adds a problem for each entry of <paramref name="required"/> (a multiset) not in <paramref name="available"/>.</summary>
    private static void Contains(List<string> available, List<string> required, string what, List<string> problems)
    {
        var left = available.ToList();
        foreach (var entry in required)
        {
            if (!left.Remove(entry))
                problems.Add($"{what}: {entry}");
        }
    }

    private static string MessageOf(string block) => block.Split('\n')[1][1..^1];

    /// <summary>
    /// A text as tshark's PDML writes it, which the tshark side is read from: a tab as a space, other control characters
    /// as \xN (its -V and JSON write them raw; only SIP's unrecognised header names, which tshark does not escape, hold them).
    /// </summary>
    private static string Pdml(string text) => text.Any(c => c < ' ' || c == '\x7f') && !text.Contains('\n', StringComparison.Ordinal)
        ? string.Concat(text.Select(c => c == '\t' ? " " : c < ' ' || c == '\x7f' ? $"\\x{(int)c:x}" : c.ToString()))
        : text;

    private static TreeFrame AsPdml(TreeFrame frame) =>
        frame with { Blocks = frame.Blocks.Select(b => b with { Text = string.Join('\n', b.Text.Split('\n').Select(Pdml)) }).ToList() };

    private static JsonFrame AsPdml(JsonFrame frame) =>
        frame with { Experts = frame.Experts.Select(e => e with { Message = Pdml(e.Message) }).ToList() };

    internal sealed record Block(string Text, string? Parent);

    internal sealed record TreeFrame(List<Block> Blocks, List<string> Malformed, string? Short);

    /// <summary>The -V text cut into frames, each with its expert subtrees (four lines, indentation dropped) and marks.</summary>
    private static List<TreeFrame> Frames(string text)
    {
        var frames = new List<TreeFrame>();
        var lines = text.Split('\n');
        List<Block>? blocks = null;
        List<string>? malformed = null;
        string? cut = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("Frame ", StringComparison.Ordinal) && Regex.IsMatch(line, @"^Frame \d+: "))
            {
                if (blocks is not null)
                    frames.Add(new TreeFrame(blocks, malformed!, cut));
                blocks = [];
                malformed = [];
                cut = null;
                continue;
            }
            if (blocks is null)
                continue;
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith("[Expert Info (", StringComparison.Ordinal) && i + 3 < lines.Length)
            {
                string block = string.Join('\n', lines[i..(i + 4)].Select(l => l.Trim()));
                blocks.Add(new Block(block, ParentOf(lines, i)));
                i += 3;
            }
            // tshark shows the exception under the dissector that caught it (Ethernet's, for its payload's), RawNet after the layers
            else if (trimmed.StartsWith("[Malformed Packet: ", StringComparison.Ordinal))
                malformed!.Add(trimmed);
            else if (line.StartsWith("[Packet size limited during capture: ", StringComparison.Ordinal))
                cut = line;
        }
        if (blocks is not null)
            frames.Add(new TreeFrame(blocks, malformed!, cut));
        return frames;
    }

    /// <summary>The field name of the line an expert subtree hangs under in RawNet's tree, or null for a layer's heading or another line.</summary>
    private static string? ParentOf(string[] lines, int index)
    {
        int depth = lines[index].Length - lines[index].TrimStart().Length;
        for (int i = index - 1; i >= 0; i--)
        {
            string line = lines[i];
            int d = line.Length - line.TrimStart().Length;
            if (d >= depth)
                continue;
            string trimmed = line.Trim();
            if (trimmed == "[TCP Analysis Flags]")
                return "tcp.analysis.flags";
            if (trimmed.StartsWith("[Malformed Packet: ", StringComparison.Ordinal))
                return "_ws.malformed";
            var name = Regex.Match(trimmed, @"^[^\[][^(]*\(([A-Za-z0-9_.\-]+)\)(: |$)");
            return name.Success ? name.Groups[1].Value : null;
        }
        return null;
    }

    internal sealed record Expert(string Field, string Message, string Severity, string Group, string? Parent)
    {
        public string Key => $"{Field}|{Message}|{Severity}|{Group}";
    }

    /// <summary>One packet's JSON: its expert objects, whether it holds the malformed exception's, and its short mark.</summary>
    internal sealed record JsonFrame(List<Expert> Experts, string? Short)
    {
        public bool Malformed => Experts.Any(e => e.Field == "_ws.malformed.expert");
    }

    /// <summary>
    /// tshark's <c>-T pdml</c> output read as what its <c>-V</c> and <c>-T json</c> show of each packet's expert items, from
    /// one run instead of two (tshark's start-up is most of CI's time). <c>-V</c> leaves out hidden items and what hangs
    /// under them: PDML marks hidden fields <c>hide="yes"</c>, but not hidden text items, so those are named in
    /// <see cref="HiddenTextItems"/>. A label past tshark's 240 characters starts with "[truncated]" in both, and
    /// <see cref="Frames"/> does not take such a line for an expert item.
    /// </summary>
    private static (List<TreeFrame> Tree, List<JsonFrame> Json) TsharkPdml(string text)
    {
        var settings = new System.Xml.XmlReaderSettings { CheckCharacters = false, DtdProcessing = System.Xml.DtdProcessing.Ignore };
        using var reader = System.Xml.XmlReader.Create(new StringReader(text), settings);
        var document = System.Xml.Linq.XDocument.Load(reader);
        var tree = new List<TreeFrame>();
        var json = new List<JsonFrame>();
        foreach (var packet in document.Root!.Elements("packet"))
        {
            var blocks = new List<Block>();
            var malformed = new List<string>();
            var experts = new List<Expert>();
            string? cut = packet.Elements("proto").Where(layer => (string?)layer.Attribute("name") == "_ws.short")
                .Select(layer => (string?)layer.Attribute("showname")).FirstOrDefault();
            Walk(packet, "", "", hidden: false, blocks, malformed, experts);
            tree.Add(new TreeFrame(blocks, malformed, cut));
            json.Add(new JsonFrame(experts, cut));
        }
        return (tree, json);
    }

    /// <summary>Text items that tshark 4.0's dissectors hide (<c>proto_item_set_hidden</c>) by protocol: packet-dns.c's extraneous data item.</summary>
    private static readonly HashSet<(string Protocol, string Text)> HiddenTextItems = [("dns", "Extraneous data")];

    private static void Walk(System.Xml.Linq.XElement node, string key, string protocol, bool hidden, List<Block> blocks, List<string> malformed, List<Expert> experts)
    {
        foreach (var child in node.Elements())
        {
            string name = (string?)child.Attribute("name") ?? "";
            string show = (string?)child.Attribute("showname") ?? (string?)child.Attribute("show") ?? "";
            bool childHidden = hidden || (string?)child.Attribute("hide") == "yes"
                || name.Length == 0 && HiddenTextItems.Contains((protocol, show));
            if (name == "_ws.expert")
            {
                var members = child.Elements().ToList();
                string Member(string field) => (string?)members.FirstOrDefault(m => (string?)m.Attribute("name") == field)?.Attribute("show") ?? "";
                var own = members.FirstOrDefault(m => !(((string?)m.Attribute("name")) ?? "").StartsWith("_ws.expert", StringComparison.Ordinal));
                string field = own is null ? "" : (string?)own.Attribute("name") is { Length: > 0 } ownName ? ownName : (string?)own.Attribute("show") ?? "";
                experts.Add(new Expert(field, Member("_ws.expert.message"), Member("_ws.expert.severity"), Member("_ws.expert.group"), key));
                if (!childHidden && show.StartsWith("Expert Info (", StringComparison.Ordinal))
                {
                    var lines = child.Descendants().Where(d => (string?)d.Attribute("hide") != "yes")
                        .Select(d => "[" + ((string?)d.Attribute("showname") ?? (string?)d.Attribute("show")) + "]").Take(3);
                    blocks.Add(new Block(string.Join('\n', lines.Prepend("[" + show + "]")), null));
                }
                continue;
            }
            if (name == "_ws.malformed" && !childHidden && show.StartsWith("[Malformed Packet: ", StringComparison.Ordinal))
                malformed.Add(show);
            // json's key for what hangs under a field is the field's name; under a text item, its text
            string childKey = name.Length > 0 ? name : (string?)child.Attribute("show") ?? "";
            Walk(child, childKey, child.Name.LocalName == "proto" ? name : protocol, childHidden, blocks, malformed, experts);
        }
    }

    /// <summary>RawNet's JSON for one packet: the layers' <c>_ws.expert</c> objects and the packet's <c>_ws.malformed</c> and <c>_ws.short</c>.</summary>
    private static JsonFrame OurJson(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var experts = new List<Expert>();
        foreach (var layer in root.GetProperty("layers").EnumerateArray())
        {
            if (layer.TryGetProperty("fields", out var fields))
                Collect(fields, layer.GetProperty("name").GetString()!, experts);
        }
        if (root.TryGetProperty("_ws.malformed", out var exception))
            Collect(exception, "_ws.malformed", experts);
        string? cut = root.TryGetProperty("_ws.short", out var shortText) ? shortText.GetString() : null;
        return new JsonFrame(experts, cut);
    }

    /// <summary>Every <c>_ws.expert</c> object under <paramref name="node"/>, with the key it stands under (less tshark's "_tree").</summary>
    private static void Collect(JsonElement node, string parent, List<Expert> experts)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in node.EnumerateArray())
                Collect(element, parent, experts);
            return;
        }
        if (node.ValueKind != JsonValueKind.Object)
            return;
        foreach (var property in node.EnumerateObject())
        {
            if (property.Name == "_ws.expert")
            {
                var objects = property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().ToList() : [property.Value];
                foreach (var expert in objects)
                {
                    var members = expert.EnumerateObject().ToList();
                    string field = members.FirstOrDefault(m => !m.Name.StartsWith("_ws.expert", StringComparison.Ordinal)).Name ?? "";
                    experts.Add(new Expert(field, Text(expert, "_ws.expert.message"), Text(expert, "_ws.expert.severity"), Text(expert, "_ws.expert.group"), parent));
                }
            }
            else
            {
                string name = property.Name.EndsWith("_tree", StringComparison.Ordinal) ? property.Name[..^5] : property.Name;
                Collect(property.Value, name, experts);
            }
        }
    }

    private static string Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    /// <summary>RawNet's <c>-V</c> and <c>-T json</c> of a capture, per frame.</summary>
    private static (List<TreeFrame> Tree, List<JsonFrame> Json) Ours(string path) =>
        (Frames(Run(InProcessRawNet.Run(["read", path, "-V"]), path)),
         Run(InProcessRawNet.Run(["read", path, "-T", "json"]), path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(OurJson).ToList());

    /// <summary>tshark's and RawNet's views of a group's combined capture, per frame.</summary>
    internal sealed record GroupRun(List<TreeFrame> TheirTree, List<JsonFrame> TheirJson, List<TreeFrame> OurTree, List<JsonFrame> OurJson);

    /// <summary>
    /// A test class's captures in groups, each group's frames in one <see cref="CombinedCapture"/> that tshark's <c>-T
    /// pdml</c> and RawNet's <c>-V</c> and <c>-T json</c> each read once (a tshark start-up a group instead of a capture:
    /// most of this oracle's CI time). Consecutive captures join a group up to <see cref="MaxFrames"/> frames; a capture
    /// that <see cref="CombinedCapture.CombinableFrames"/> keeps out stays alone and is read as it is.
    /// </summary>
    internal sealed class CombinedRuns(string name, Func<IEnumerable<string>> files)
    {
        private const int MaxFrames = 1500;

        private readonly Lazy<Dictionary<string, (Lazy<GroupRun> Run, CombinedCapture Capture)>> _groups = new(() => Plan(name, files()));

        /// <summary>The group run holding <paramref name="path"/>'s frames and where they are in it; null for a capture read alone.</summary>
        public (GroupRun Run, int Start, int Length)? For(string path)
        {
            if (!_groups.Value.TryGetValue(Path.GetFullPath(path), out var group))
                return null;
            var (start, length) = group.Capture.PartOf(path)!.Value;
            return (group.Run.Value, start, length);
        }

        private static Dictionary<string, (Lazy<GroupRun>, CombinedCapture)> Plan(string name, IEnumerable<string> files)
        {
            var groups = new List<List<string>>();
            var current = new List<string>();
            int frames = 0;
            foreach (var file in files)
            {
                int? count = CombinedCapture.CombinableFrames(file, MaxFrames);
                if (count is null)
                    continue;
                if (frames + count > MaxFrames && current.Count > 0)
                {
                    groups.Add(current);
                    (current, frames) = ([], 0);
                }
                current.Add(file);
                frames += count.Value;
            }
            groups.Add(current);
            var plan = new Dictionary<string, (Lazy<GroupRun>, CombinedCapture)>(StringComparer.Ordinal);
            foreach (var (group, index) in groups.Where(g => g.Count > 1).Select((g, i) => (g, i)))
            {
                var capture = CombinedCapture.Write($"{name}-{index}", group, _ => true);
                var run = new Lazy<GroupRun>(() => Read(capture));
                foreach (var file in group)
                    plan[Path.GetFullPath(file)] = (run, capture);
            }
            return plan;
        }

        private static GroupRun Read(CombinedCapture capture)
        {
            var tshark = ExternalTool.Require("tshark", "tshark");
            var (theirTree, theirJson) = TsharkPdml(Run(ExternalTool.Run(tshark, ["-n", "-r", capture.Path, "-T", "pdml"]), capture.Path));
            var (ourTree, ourJson) = Ours(capture.Path);
            Assert.True(theirTree.Count == capture.Frames && ourTree.Count == capture.Frames && ourJson.Count == capture.Frames,
                $"{capture.Path}: {capture.Frames} frames written, tshark shows {theirTree.Count}, RawNet {ourTree.Count} and {ourJson.Count}");
            return new GroupRun(theirTree, theirJson, ourTree, ourJson);
        }
    }

    private static string Run((int ExitCode, string StdOut, string StdErr) run, string path)
    {
        Assert.True(run.ExitCode == 0, $"failed on {path}: {run.StdErr}");
        return run.StdOut;
    }
}

/// <summary>
/// <see cref="ExpertTreeOracleTests"/> on the peer corpus, a class of its own so that the two halves run as two
/// collections (CI's time: no class long enough to run alone at the end, <see cref="LongRunningFirst"/>).
/// </summary>
[LongRunning]
public sealed class ExpertTreePeerOracleTests
{
    [Theory]
    [MemberData(nameof(TsharkFieldsOracleTests.CorpusFiles), MemberType = typeof(TsharkFieldsOracleTests))]
    public void Peer_captures_show_tshark_s_expert_items(string name)
    {
        TestPaths.SkipUnlessPeerCorpus();
        ExpertTreeOracleTests.Compare(Path.Combine(TestPaths.PeerCorpus, name), Peer);
    }

    private static readonly ExpertTreeOracleTests.CombinedRuns Peer = new("expert-tree-peer",
        () => TsharkFieldsOracleTests.CorpusFiles().Select(row => Path.Combine(TestPaths.PeerCorpus, row.Data)));
}

/// <summary>
/// <see cref="ExpertTreeOracleTests"/> on the link and pseudo-link captures, a class of its own so that the bundled half
/// runs as two collections (CI's time: no class long enough to run alone at the end, <see cref="LongRunningFirst"/>).
/// </summary>
[LongRunning]
public sealed class ExpertTreeLinkOracleTests
{
    public static TheoryData<string> LinkFiles() => TsharkComparison.CapturesIn("link", "pseudo-link");

    [Theory]
    [MemberData(nameof(LinkFiles))]
    public void Tree_and_json_show_tshark_s_expert_items(string name) => ExpertTreeOracleTests.Compare(Path.Combine(TestPaths.Captures, name), Link);

    private static readonly ExpertTreeOracleTests.CombinedRuns Link = new("expert-tree-link", () => LinkFiles().Select(row => Path.Combine(TestPaths.Captures, row.Data)));
}
