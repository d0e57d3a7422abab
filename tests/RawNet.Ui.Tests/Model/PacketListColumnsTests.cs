using RawNet.Files;
using RawNet.Output;
using RawNet.Output.Columns;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Testing;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>
/// The packet list's Protocol and Info columns and its colouring rule are what <c>rawnet read -T fields -e
/// _ws.col.Protocol -e _ws.col.Info -e frame.coloring_rule.name</c> computes in capture order (which
/// TsharkColumnsOracleTests holds to tshark's), whatever order the rows are drawn in: the TCP tags, relative numbers,
/// SACK edges, echo pairs and ARP duplicates come from the stored analysis. The UI decodes without IP reassembly and
/// reads each segment's HTTP alone (it decodes one frame at a time), so the reference here does too.
/// </summary>
public sealed class PacketListColumnsTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Captures, "*.pcap", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(TestPaths.Captures, file));
        foreach (var file in TestPaths.PeerCorpusFiles())
            data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Rows_drawn_in_any_order_show_the_columns_of_one_pass_in_order(string name)
    {
        string path = Path.IsPathRooted(name) ? name : Views.Capture(name);
        var expected = InOrder(path);

        var index = CaptureIndex.Build(path, null, TestContext.Current.CancellationToken);
        var source = new PacketSource(index, analysis: CaptureAnalysis.Start(index));
        var order = Enumerable.Range(0, index.Count).Reverse().OrderBy(i => (i * 7919) % 101).ToList();
        var mismatches = new List<string>();
        foreach (int frame in order)
        {
            var row = source.Row(frame);
            var got = (row.Protocol, row.Info, row.Coloring?.Name ?? "");
            if (got != expected[frame])
                mismatches.Add($"packet {frame + 1}: in order {expected[frame]}, row {got}");
        }
        Assert.Equal(expected.Count, index.Count);
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(20)));
    }

    private static List<(string Protocol, string Info, string Rule)> InOrder(string path)
    {
        // As the list decodes: no reassembly, and nothing learnt from earlier packets (L2TPv3 sessions), which random
        // access could not reproduce.
        var decoder = new PacketDecoder(new DecoderOptions(Defragment: false, FollowSessions: false));
        var tracker = new ConversationTracker(http: false);
        var packet = new DecodedPacket();
        var line = new TextLine();
        var rows = new List<(string, string, string)>();
        using var reader = CaptureFileReader.Open(path);
        while (reader.TryReadNext(out var frame))
        {
            decoder.Decode(frame.Data, frame.Metadata, rows.Count + 1, packet);
            tracker.Analyze(packet, frame.Data);
            line.Clear();
            InfoColumn.Append(line, packet, frame.Data);
            rows.Add((ProtocolColumn.Of(packet, frame.Data), line.Text.ToString(), ColoringRules.Match(packet, frame.Data)?.Name ?? ""));
        }
        return rows;
    }
}
