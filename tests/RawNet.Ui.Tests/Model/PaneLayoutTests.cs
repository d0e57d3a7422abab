using RawNet.Ui.Input;
using RawNet.Ui.Model;
using RawNet.Ui.Screens;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>Panes sized by what they show, the shares the keys move, and the arrangements.</summary>
public sealed class PaneLayoutTests
{
    private static int[] Distribute(int total, int[] needs, int[] shares)
    {
        var sizes = new int[needs.Length];
        PaneLayout.Distribute(total, needs, shares, needs.Select(_ => 2).ToArray(), sizes);
        return sizes;
    }

    [Fact]
    public void Rows_go_by_need_a_pane_with_less_to_show_giving_the_rest_to_the_others()
    {
        // Everything fits: each pane its need, the rest to the list.
        Assert.Equal([30, 6, 4], Distribute(40, [12, 6, 4], [40, 30, 30]));
        // The tree wants 60 lines and the bytes 5: the bytes get 5, the tree what the list's share leaves.
        Assert.Equal([20, 15, 5], Distribute(40, [1000, 60, 5], [40, 30, 30]));
        // Everybody wants more: the shares decide.
        Assert.Equal([16, 12, 12], Distribute(40, [1000, 1000, 1000], [40, 30, 30]));
        Assert.Equal([16, 16, 8], Distribute(40, [1000, 1000, 1000], [40, 40, 20]));
        // Too small for the minimums: the last panes give way, every pane keeps a line.
        Assert.Equal([2, 1, 1], Distribute(4, [10, 10, 10], [40, 30, 30]));
        Assert.Equal(37, Distribute(37, [999, 45, 7], [40, 30, 30]).Sum());
    }

    [Fact]
    public void Grow_and_shrink_move_five_percent_between_panes_within_bounds()
    {
        var layout = new PaneLayout();
        Assert.True(layout.Resize(Pane.Tree, 1));
        Assert.Equal("35 35 30", layout.SharesText);
        Assert.True(layout.Changed);
        Assert.True(layout.Resize(Pane.Packets, -1));
        Assert.Equal("30 35 35", layout.SharesText);
        while (layout.Resize(Pane.Hex, 1))
        {
        }
        Assert.Equal(80, layout.Share(Pane.Hex));
        Assert.Equal(100, layout.Share(Pane.Packets) + layout.Share(Pane.Tree) + layout.Share(Pane.Hex));
        Assert.False(layout.Resize(Pane.Packets, -1));
        Assert.True(layout.TrySetShares("40 30 30"));
        Assert.False(layout.TrySetShares("40 30 31"));
        Assert.False(layout.TrySetShares("40 -30 90"));
    }

    [Fact]
    public void Side_by_side_the_details_take_what_sixteen_byte_lines_leave_or_their_share_of_the_width_within_limits()
    {
        var layout = new PaneLayout { Kind = LayoutKind.SideBySide };
        Assert.Equal("auto", layout.DetailsWidthText);
        Assert.Equal(160 - 73, layout.TreeWidth(160));
        Assert.Equal(PaneLayout.HexWidth, layout.HexPaneWidth(160));
        // Narrower than side by side needs: stacked, the bytes the whole width.
        Assert.Equal(100, layout.HexPaneWidth(100));

        // } from auto starts at the share the details have now (87 of 160 cells: 54%), 5% at a time.
        Assert.True(layout.WidenDetails(1, 160));
        Assert.Equal("59", layout.DetailsWidthText);
        Assert.Equal(94, layout.TreeWidth(160));
        Assert.True(layout.Changed);
        // Too wide for 16 a line: the pane is narrower than 72 cells.
        Assert.Equal(160 - 95, layout.HexPaneWidth(160));
        while (layout.WidenDetails(1, 160))
        {
        }
        // The bytes keep one line of 8 (39 cells) and the border.
        Assert.Equal(160 - 1 - PaneLayout.MinimumHexWidth, layout.TreeWidth(160));
        Assert.Equal(39, PaneLayout.MinimumHexWidth);
        while (layout.WidenDetails(-1, 160))
        {
        }
        // It stops where the details reach their 30 cells (19% of 160 columns; less would change nothing).
        Assert.Equal(("19", PaneLayout.MinimumTreeWidth), (layout.DetailsWidthText, layout.TreeWidth(160)));

        // A drag puts the border at the column asked for; one that ends where the border was changes nothing.
        var dragged = new PaneLayout { Kind = LayoutKind.SideBySide };
        Assert.False(dragged.MoveSideBorder(87, 160));
        Assert.Equal("auto", dragged.DetailsWidthText);
        Assert.True(dragged.MoveSideBorder(100, 160));
        Assert.Equal(100, dragged.TreeWidth(160));

        Assert.True(dragged.TrySetDetailsWidth("auto"));
        Assert.True(dragged.TrySetDetailsWidth("90"));
        Assert.False(dragged.TrySetDetailsWidth("91"));
        Assert.False(dragged.TrySetDetailsWidth("5"));
        Assert.False(dragged.TrySetDetailsWidth("half"));
        Assert.False(dragged.TrySetDetailsWidth("-20"));
        Assert.Equal("90", dragged.DetailsWidthText);
        Assert.True(dragged.TrySetDetailsWidth("62.5"));
        Assert.Equal((625, "62.5", 100), (dragged.DetailsWidthTenths, dragged.DetailsWidthText, dragged.TreeWidth(160)));
    }

    /// <summary>Issue 10: at 120x40, Enter on the first packet used to push the IPv4 line out of a 9-line tree while the bytes showed 6 empty lines.</summary>
    [Fact]
    public void At_120_by_40_the_expanded_tree_gets_the_rows_the_bytes_do_not_use()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        KeyHandler.Apply(view, KeyMap.FromChar('\n'));
        var lines = ScreenText.Lines(MainScreen.Compose(view, 120, 40), 120, 40, ansi: false);
        int bytes = Array.FindIndex(lines, l => l.StartsWith("── Bytes", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("- Ethernet II", StringComparison.Ordinal));
        // Under the bytes' title: every line a hex line, up to the status bar.
        Assert.All(lines[(bytes + 1)..^1], l => Assert.Matches("^00[0-9a-f]{2}  ", l));
    }

    [Fact]
    public void Bar_switches_to_side_by_side_backslash_shows_the_focused_pane_alone_and_less_than_shrinks_it()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        foreach (char key in "\n|")
            KeyHandler.Apply(view, KeyMap.FromChar(key));
        var lines = ScreenText.Lines(MainScreen.Compose(view, 160, 40), 160, 40, ansi: false);
        // The tree's title and the bytes' on one line, the bytes at their natural width on the right.
        var titles = Assert.Single(lines, l => l.Contains("Packet details", StringComparison.Ordinal));
        Assert.Equal(160 - PaneLayout.HexWidth - 1, titles.IndexOf("│── Bytes", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("│0000  02 00 00 00 00 02 02 00  00 00 00 01 08 00 45 00  ..............E.", StringComparison.Ordinal));
        // Too narrow for both: stacked.
        Assert.DoesNotContain(ScreenText.Lines(MainScreen.Compose(view, 100, 40), 100, 40, ansi: false), l => l.Contains('│'));

        foreach (char key in "\t\\")
            KeyHandler.Apply(view, KeyMap.FromChar(key));
        lines = ScreenText.Lines(MainScreen.Compose(view, 120, 40), 120, 40, ansi: false);
        Assert.StartsWith("━━ Packet details", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("Packets (", StringComparison.Ordinal) || l.Contains("── Bytes", StringComparison.Ordinal));
        Assert.Equal(36, view.TreePageSize);
        KeyHandler.Apply(view, KeyMap.FromChar('\\'));
        Assert.Equal(LayoutKind.SideBySide, view.Layout.Kind);
        KeyHandler.Apply(view, KeyMap.FromChar('<'));
        Assert.Equal(25, view.Layout.Share(Pane.Tree));
        Assert.StartsWith("Details: 25% of the rows", view.Status, StringComparison.Ordinal);
        KeyHandler.Apply(view, KeyMap.FromChar('>'));
        KeyHandler.Apply(view, KeyMap.FromChar('>'));
        Assert.Equal(35, view.Layout.Share(Pane.Tree));
    }
}
