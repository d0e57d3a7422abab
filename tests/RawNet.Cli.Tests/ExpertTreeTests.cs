using RawNet.Testing;

namespace RawNet.Cli.Tests;

/// <summary><c>read -V</c> shows tshark's expert subtrees once each, where tshark does (ExpertTreeOracleTests compares every capture).</summary>
public sealed class ExpertTreeTests
{
    [Fact]
    public void An_analysis_flag_is_its_expert_subtree_not_a_line_beside_it()
    {
        var tree = InProcessRawNet.Run("read", "-V", Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-out-of-order.pcap")).StdOut.Split('\n');
        int flags = Array.FindIndex(tree, l => l.Trim() == "[TCP Analysis Flags]" && tree[Array.IndexOf(tree, l) + 1].Contains("Previous segment"));
        Assert.True(flags > 0);
        Assert.Equal("            [Expert Info (Warning/Sequence): Previous segment(s) not captured (common at capture start)]", tree[flags + 1]);
        Assert.Equal("                [Previous segment(s) not captured (common at capture start)]", tree[flags + 2]);
        Assert.Equal("                [Severity level: Warning]", tree[flags + 3]);
        Assert.Equal("                [Group: Sequence]", tree[flags + 4]);
        Assert.DoesNotContain(tree, l => l.Contains("(tcp.analysis.lost_segment)"));
        // a duplicate ACK's flag is a field of its own in tshark, its item hangs under the frame it duplicates
        int frame = Array.FindIndex(tree, l => l.Contains("(tcp.analysis.duplicate_ack_frame)"));
        Assert.Equal("            [Expert Info (Note/Sequence): Duplicate ACK (#1)]", tree[frame + 1]);
        Assert.Contains(tree, l => l.Contains("(tcp.analysis.duplicate_ack)"));
    }

    [Fact]
    public void A_malformed_packet_ends_with_the_exception_and_its_item()
    {
        var tree = InProcessRawNet.Run("read", "-V", "-Y", "frame.number == 25", Path.Combine(TestPaths.Captures, "tables", "table-expert-cases.pcap")).StdOut.Split('\n');
        int malformed = Array.IndexOf(tree, "[Malformed Packet: TCP]");
        Assert.True(malformed > 0);
        Assert.Equal(
            ["    [Expert Info (Error/Malformed): Malformed Packet (Exception occurred)]", "        [Malformed Packet (Exception occurred)]",
                "        [Severity level: Error]", "        [Group: Malformed]"],
            tree[(malformed + 1)..(malformed + 5)]);
        Assert.Single(tree, l => l.Contains("[Expert Info (Error/Malformed): suboption would go past end of option]"));
    }

    [Fact]
    public void A_capture_cut_short_ends_with_tsharks_short_mark()
    {
        var tree = InProcessRawNet.Run("read", "-V", "-c", "4", Path.Combine(TestPaths.Captures, "truncated.pcap")).StdOut.Split('\n');
        Assert.Equal(
            ["[Packet size limited during capture: TCP truncated]", "[Packet size limited during capture: TCP truncated]",
                "[Packet size limited during capture: IPv4 truncated]", "[Packet size limited during capture: Ethernet truncated]"],
            tree.Where(l => l.StartsWith("[Packet size limited", StringComparison.Ordinal)));
    }
}
