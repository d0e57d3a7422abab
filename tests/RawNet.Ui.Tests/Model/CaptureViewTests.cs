using RawNet.Protocols.Fields;
using RawNet.Testing;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>Selection, paging, panes, tree expansion, hex highlight ranges, the display filter and statistics.</summary>
public sealed class CaptureViewTests
{
    [Fact]
    public void Moving_and_paging_keep_the_selection_on_screen_and_in_range()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        view.PageSize = 4;
        Assert.Equal(0, view.Selected);
        view.Move(-1);
        Assert.Equal(0, view.Selected);
        view.Move(2);
        Assert.Equal((2, 0), (view.Selected, view.Top));
        view.Move(3);
        Assert.Equal((5, 2), (view.Selected, view.Top));
        view.Page(1);
        Assert.Equal((8, 5), (view.Selected, view.Top));
        view.Page(1);
        Assert.Equal((9, 6), (view.Selected, view.Top));
        view.First();
        Assert.Equal((0, 0), (view.Selected, view.Top));
        view.Last();
        Assert.Equal((9, 6), (view.Selected, view.Top));
        Assert.Equal(9, view.SelectedFrame);
    }

    [Fact]
    public void Tab_cycles_the_panes_and_arrows_move_in_the_focused_one()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        Assert.Equal(Pane.Packets, view.Focus);
        view.NextPane();
        Assert.Equal(Pane.Tree, view.Focus);
        view.Move(2);
        Assert.Equal(0, view.Selected);
        Assert.Equal(2, view.TreeCursor);
        view.NextPane();
        Assert.Equal(Pane.Hex, view.Focus);
        view.Move(100);
        Assert.Equal(4, view.HexTop); // 74 bytes: five lines of 16, the last one at the top at most
        view.Move(-1);
        Assert.Equal(3, view.HexTop);
        view.NextPane();
        Assert.Equal(Pane.Packets, view.Focus);
    }

    [Fact]
    public void Enter_in_the_tree_opens_and_closes_one_layer()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        Assert.Equal(4, view.Tree.Count);
        view.NextPane();
        view.Move(3);
        view.ToggleExpand();
        Assert.Contains(view.Tree, l => l.Text.StartsWith("Source Port (tcp.srcport): 40000", StringComparison.Ordinal));
        Assert.DoesNotContain(view.Tree, l => l.Text.StartsWith("Source (ip.src)", StringComparison.Ordinal));
        Assert.Equal("Transmission Control Protocol", view.Tree[view.TreeCursor].Text);
        view.ToggleExpand();
        Assert.Equal(4, view.Tree.Count);
    }

    [Fact]
    public void The_tree_scrolls_only_when_the_cursor_leaves_the_page()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        view.TreePageSize = 5;
        view.ToggleExpand();
        view.NextPane();
        view.Move(10);
        Assert.Equal((10, 6), (view.TreeCursor, view.TreeTop));
        view.Move(-3);
        Assert.Equal((7, 6), (view.TreeCursor, view.TreeTop));
        view.Move(-3);
        Assert.Equal((4, 4), (view.TreeCursor, view.TreeTop));
        view.Last();
        Assert.Equal(view.Tree.Count - 5, view.TreeTop);
        view.First();
        Assert.Equal((0, 0), (view.TreeCursor, view.TreeTop));
    }

    [Theory]
    [InlineData("tcp-handshake-ipv4.pcap")]
    [InlineData("tcp-handshake-ipv6.pcap")]
    [InlineData("icmp-errors.pcap")]
    [InlineData("bad-checksums.pcap")]
    [InlineData("truncated.pcap")]
    public void The_hex_highlight_is_exactly_the_field_s_bytes_from_the_field_table(string capture)
    {
        var view = Views.Open(capture);
        view.ToggleExpand();
        view.NextPane();
        for (int row = 0; row < view.ShownCount; row++)
        {
            view.Select(row);
            var packet = view.Source.Decode(view.SelectedFrame);
            var expected = new List<(int, int)>();
            for (int i = 0; i < packet.LayerCount; i++)
            {
                var layer = packet[i];
                expected.Add(i == 0 ? (0, packet.Metadata.CapturedLength) : (layer.Offset, layer.Source == RawNet.Protocols.Decoding.LayerSource.Frame ? layer.HeaderLength : 0));
                if (layer.Kind == RawNet.Protocols.Decoding.LayerKind.Payload)
                {
                    expected.Add(expected[^1]);
                    continue;
                }
                foreach (var field in FieldCatalog.ForLayer(layer.Kind))
                {
                    if (!field.InTree)
                        continue;
                    // A marker shows once, however often it occurs.
                    for (int n = 0; FieldReader.TryRead(field, packet, i, view.Source.Frame, n, out var value) && (n == 0 || field.Kind != FieldKind.Marker); n++)
                        expected.Add((value.Offset, value.Length));
                }
            }
            var actual = new List<(int, int)>();
            view.First();
            for (int line = 0; line < view.Tree.Count; line++)
            {
                if (view.Tree[line].Kind != TreeLineKind.Note)
                    actual.Add(view.Highlight);
                view.Move(1);
            }
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void A_display_filter_is_checked_while_typing_and_applied_on_enter()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        view.Select(5);
        view.BeginFilter();
        view.EditFilter("tcp.srcprot == 80");
        Assert.NotNull(view.FilterProblem);
        Assert.Equal(0, view.FilterProblem!.Position);
        Assert.Contains("tcp.srcport", view.FilterProblem.Message, StringComparison.Ordinal);
        Assert.False(view.ApplyFilter());
        Assert.True(view.EditingFilter);
        view.EditFilter("tcp.srcport == 80");
        Assert.Null(view.FilterProblem);
        Assert.True(view.ApplyFilter());
        Assert.False(view.EditingFilter);
        Assert.Equal(10, view.TotalCount);
        Assert.Equal([1, 4, 5, 8], Enumerable.Range(0, view.ShownCount).Select(view.FrameAt).ToArray());
        Assert.Equal(5, view.SelectedFrame);
        view.BeginFilter();
        view.EditFilter("udp");
        view.CancelFilter();
        Assert.Equal("tcp.srcport == 80", view.FilterText);
        view.BeginFilter();
        view.EditFilter("");
        view.ApplyFilter();
        Assert.Equal(10, view.ShownCount);
        Assert.Equal(5, view.SelectedFrame);
    }

    [Fact]
    public void A_filter_matching_nothing_leaves_an_empty_list()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        view.BeginFilter();
        view.EditFilter("udp");
        view.ApplyFilter();
        Assert.Equal(0, view.ShownCount);
        Assert.Equal(-1, view.SelectedFrame);
        Assert.Empty(view.Tree);
        view.Move(1);
        view.Last();
        Assert.Equal((0, 0), view.Highlight);
    }

    [Theory]
    [InlineData("bad-checksums")]
    [InlineData("ip-fragments")]
    [InlineData("icmp-errors")]
    public void Statistics_are_the_numbers_of_rawnet_stats(string name)
    {
        var view = Views.Open(name + ".pcap");
        var expected = File.ReadAllLines(Path.Combine(TestPaths.Captures, "expected", name + ".stats.txt"));
        var actual = view.ComputeStatistics();
        Assert.Equal(expected.Skip(1), actual.Skip(1));
    }
}
