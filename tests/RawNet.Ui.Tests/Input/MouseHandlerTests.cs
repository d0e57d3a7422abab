using RawNet.Ui.Input;
using RawNet.Ui.Model;
using RawNet.Ui.Screens;
using RawNet.Ui.Widgets;
using Xunit;

namespace RawNet.Ui.Tests.Input;

/// <summary>Clicks, the wheel, border drags and the key hint, hit-tested against the geometry the screen was drawn with.</summary>
public sealed class MouseHandlerTests
{
    private static CaptureView Drawn(int width = 120, int height = 40, LayoutKind layout = LayoutKind.Stacked)
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        view.Layout.Kind = layout;
        MainScreen.Compose(view, width, height);
        return view;
    }

    private static ConsoleKeyInfo? Click(CaptureView view, int column, int row)
    {
        var key = MouseHandler.Apply(view, new MouseEvent(MouseAction.Press, 0, column, row));
        MouseHandler.Apply(view, new MouseEvent(MouseAction.Release, 0, column, row));
        // As the session does: the next frame is drawn (and the geometry kept) before the next report.
        MainScreen.Compose(view, view.Geometry.Width, view.Geometry.Body + 3);
        return key;
    }

    /// <summary>The screen row of tree line <paramref name="index"/> (the tree not scrolled).</summary>
    private static int TreeRow(CaptureView view, int index) => view.Geometry.TreeTop + 1 + index;

    /// <summary>The cell of byte <paramref name="offset"/>'s hex (the pane not scrolled), at <paramref name="perLine"/> bytes a line.</summary>
    private static (int Column, int Row) ByteCell(CaptureView view, int offset, int perLine = 16)
    {
        int i = offset % perLine;
        return (view.Geometry.HexLeft + 6 + i * 3 + (i >= 8 ? 1 : 0), view.Geometry.HexTop + 1 + offset / perLine);
    }

    private static int LineOf(CaptureView view, string text)
    {
        var tree = view.Tree;
        for (int i = 0; i < tree.Count; i++)
        {
            if (tree[i].Text.Contains(text, StringComparison.Ordinal))
                return i;
        }
        Assert.Fail($"no tree line holds '{text}'");
        return -1;
    }

    [Fact]
    public void A_click_on_a_row_selects_it_and_focuses_the_list()
    {
        var view = Drawn();
        view.NextPane();
        Click(view, 30, PaneGeometry.BodyTop + 2 + 3);
        Assert.Equal((3, Pane.Packets), (view.Selected, view.Focus));
        // The title, the column header and rows past the last packet select nothing.
        Click(view, 30, PaneGeometry.BodyTop);
        Click(view, 30, PaneGeometry.BodyTop + 1);
        Click(view, 30, PaneGeometry.BodyTop + 2 + 10);
        Assert.Equal(3, view.Selected);
    }

    [Fact]
    public void A_click_on_a_heading_opens_or_closes_it_a_click_on_a_field_moves_the_cursor_and_a_second_one_acts_as_enter()
    {
        var view = Drawn();
        int ip = LineOf(view, "Internet Protocol Version 4");
        Click(view, 10, TreeRow(view, ip));
        Assert.Equal((ip, Pane.Tree), (view.TreeCursor, view.Focus));
        Assert.True(view.Tree[ip].Expanded);
        int ttl = LineOf(view, "(ip.ttl)");
        Click(view, 10, TreeRow(view, ttl));
        Assert.Equal(ttl, view.TreeCursor);
        Assert.True(view.Tree[ip].Expanded);
        Assert.Equal(view.Tree[ttl].Offset, view.Highlight.Offset);
        // Again on the same line: Enter, which closes the field's layer and leaves the cursor on its heading.
        Click(view, 10, TreeRow(view, ttl));
        Assert.Equal(ip, view.TreeCursor);
        Assert.False(view.Tree[ip].Expanded);
        Click(view, 10, TreeRow(view, ip));
        Assert.True(view.Tree[ip].Expanded);
    }

    [Fact]
    public void A_double_click_on_a_heading_opens_it_once_and_on_a_packet_is_enter()
    {
        var view = Drawn();
        int ip = LineOf(view, "Internet Protocol Version 4");
        (int column, int row) = (10, TreeRow(view, ip));
        Assert.Null(MouseHandler.Apply(view, new MouseEvent(MouseAction.Press, 0, column, row), now: 1_000));
        Assert.Null(MouseHandler.Apply(view, new MouseEvent(MouseAction.Press, 0, column, row), now: 1_250));
        Assert.True(view.Tree[ip].Expanded);
        // Slower than a double click: two clicks, open then closed.
        Assert.Null(MouseHandler.Apply(view, new MouseEvent(MouseAction.Press, 0, column, row), now: 5_000));
        Assert.False(view.Tree[ip].Expanded);
        Assert.Null(MouseHandler.Apply(view, new MouseEvent(MouseAction.Press, 0, column, row), now: 5_000 + MouseHandler.DoubleClickMilliseconds + 1));
        Assert.True(view.Tree[ip].Expanded);
        // A double click closes it; a third quick press starts over: a click of its own, which opens it again.
        Assert.Null(MouseHandler.Apply(view, new MouseEvent(MouseAction.Press, 0, column, row), now: 6_000));
        Assert.Null(MouseHandler.Apply(view, new MouseEvent(MouseAction.Press, 0, column, row), now: 6_100));
        Assert.False(view.Tree[ip].Expanded);
        Assert.Null(MouseHandler.Apply(view, new MouseEvent(MouseAction.Press, 0, column, row), now: 6_200));
        Assert.True(view.Tree[ip].Expanded);

        // On a packet row: the second press is Enter, which the session runs as typed.
        int packetRow = PaneGeometry.BodyTop + 2 + 1;
        Assert.Null(MouseHandler.Apply(view, new MouseEvent(MouseAction.Press, 0, 30, packetRow), now: 10_000));
        var key = MouseHandler.Apply(view, new MouseEvent(MouseAction.Press, 0, 30, packetRow), now: 10_200);
        Assert.Equal(ConsoleKey.Enter, key!.Value.Key);
        Assert.Equal((1, Pane.Packets), (view.Selected, view.Focus));
        // Two presses on different rows are two clicks.
        Assert.Null(MouseHandler.Apply(view, new MouseEvent(MouseAction.Press, 0, 30, packetRow + 1), now: 10_300));
    }

    [Fact]
    public void A_click_on_a_byte_selects_the_innermost_field_holding_it_opening_its_layer()
    {
        var view = Drawn();
        // Byte 23 is IPv4's protocol; the layer is closed.
        var (column, row) = ByteCell(view, 23);
        Click(view, column, row);
        Assert.Contains("(ip.proto)", view.Tree[view.TreeCursor].Text, StringComparison.Ordinal);
        Assert.Equal((23, 1), view.Highlight);
        Assert.Equal(Pane.Tree, view.Focus);
        // Byte 47 is in TCP's flags word: the smallest field holding it wins over the word. Clicked in the ASCII column.
        Click(view, 6 + 16 * 3 + 2 + 15, view.Geometry.HexTop + 1 + 2);
        var (offset, length) = view.Highlight;
        Assert.InRange(47, offset, offset + length - 1);
        Assert.True(length <= 2);
        Assert.Contains("tcp.", view.Tree[view.TreeCursor].Text, StringComparison.Ordinal);
        // The offset column and the gap between the halves are no byte.
        int cursor = view.TreeCursor;
        Click(view, 2, row);
        Click(view, 6 + 8 * 3, row);
        Assert.Equal(cursor, view.TreeCursor);
    }

    [Fact]
    public void The_wheel_scrolls_the_pane_under_the_pointer_three_rows_a_notch()
    {
        var view = Drawn();
        MouseHandler.Apply(view, new MouseEvent(MouseAction.WheelDown, 0, 10, PaneGeometry.BodyTop + 4));
        Assert.Equal((3, Pane.Packets), (view.Selected, view.Focus));
        MouseHandler.Apply(view, new MouseEvent(MouseAction.WheelDown, 0, 10, view.Geometry.TreeTop + 1));
        Assert.Equal((3, Pane.Tree), (view.TreeCursor, view.Focus));
        MouseHandler.Apply(view, new MouseEvent(MouseAction.WheelUp, 0, 10, view.Geometry.TreeTop + 1));
        Assert.Equal(0, view.TreeCursor);
        // Other screens scroll with their arrow keys.
        Views.Type(view, "s");
        MouseHandler.Apply(view, new MouseEvent(MouseAction.WheelDown, 0, 10, 10));
        MouseHandler.Apply(view, new MouseEvent(MouseAction.WheelDown, 0, 10, 10));
        MouseHandler.Apply(view, new MouseEvent(MouseAction.WheelUp, 0, 10, 10));
        Assert.Equal((3, ScreenKind.Statistics), (view.StatisticsTop, view.Screen));
        // Help too, as far as its last line.
        Views.Type(view, "\e?");
        MainScreen.Compose(view, 120, 40);
        for (int notch = 0; notch < 5; notch++)
            MouseHandler.Apply(view, new MouseEvent(MouseAction.WheelDown, 0, 10, 10));
        MainScreen.Compose(view, 120, 40);
        Assert.Equal((HelpScreen.Keys.Length + 4 - 37, ScreenKind.Help), (view.StatisticsTop, view.Screen));
    }

    [Fact]
    public void Dragging_a_pane_title_moves_the_border_through_the_shares_the_keys_move()
    {
        var view = Drawn();
        // Every layer open: the tree wants more rows than there are, so the shares decide.
        Views.Type(view, "\n");
        MainScreen.Compose(view, 120, 40);
        int list = view.Geometry.Sizes.List, border = view.Geometry.TreeTop;
        MouseHandler.Apply(view, new MouseEvent(MouseAction.Press, 0, 40, border));
        MouseHandler.Apply(view, new MouseEvent(MouseAction.Drag, 0, 40, border - 2));
        MainScreen.Compose(view, 120, 40);
        Assert.Equal(list - 2, view.Geometry.Sizes.List);
        MouseHandler.Apply(view, new MouseEvent(MouseAction.Drag, 0, 40, border - 4));
        MouseHandler.Apply(view, new MouseEvent(MouseAction.Release, 0, 40, border - 4));
        MainScreen.Compose(view, 120, 40);
        Assert.True(view.Layout.Changed);
        Assert.Equal(list - 4, view.Geometry.Sizes.List);
        Assert.Equal(PaneBorder.None, view.Dragging);
        // The hex pane's title moves the border between the tree and the bytes.
        int tree = view.Geometry.Sizes.Tree;
        MouseHandler.Apply(view, new MouseEvent(MouseAction.Press, 0, 40, view.Geometry.HexTop));
        MouseHandler.Apply(view, new MouseEvent(MouseAction.Drag, 0, 40, view.Geometry.HexTop - 4));
        MainScreen.Compose(view, 120, 40);
        Assert.True(view.Geometry.Sizes.Tree < tree, $"tree {view.Geometry.Sizes.Tree} rows, was {tree} ({view.Layout.SharesText})");
        // A drag without a press on a border moves nothing.
        string shares = view.Layout.SharesText;
        MouseHandler.Apply(view, new MouseEvent(MouseAction.Release, 0, 40, 10));
        MouseHandler.Apply(view, new MouseEvent(MouseAction.Drag, 0, 40, 20));
        Assert.Equal(shares, view.Layout.SharesText);
    }

    [Fact]
    public void A_click_on_the_key_hint_is_that_key()
    {
        string keys = FilterBar.Keys;
        Assert.Equal('j', FilterBar.KeyAt(keys, 0)!.Value.KeyChar);
        Assert.Equal('k', FilterBar.KeyAt(keys, 2)!.Value.KeyChar);
        Assert.Equal('j', FilterBar.KeyAt(keys, 5)!.Value.KeyChar);
        Assert.Equal(ConsoleKey.PageDown, FilterBar.KeyAt(keys, keys.IndexOf("Dn", StringComparison.Ordinal))!.Value.Key);
        Assert.Equal(ConsoleKey.PageUp, FilterBar.KeyAt(keys, keys.IndexOf("page", StringComparison.Ordinal))!.Value.Key);
        Assert.Equal(ConsoleKey.Enter, FilterBar.KeyAt(keys, keys.IndexOf("expand", StringComparison.Ordinal))!.Value.Key);
        Assert.Equal(ConsoleKey.Tab, FilterBar.KeyAt(keys, keys.IndexOf("Tab", StringComparison.Ordinal))!.Value.Key);
        Assert.Equal('/', FilterBar.KeyAt(keys, keys.IndexOf("/ filter", StringComparison.Ordinal) + 3)!.Value.KeyChar);
        Assert.Equal('q', FilterBar.KeyAt(keys, keys.Length - 1)!.Value.KeyChar);
        // Between two hints, and past the end: nothing.
        Assert.Null(FilterBar.KeyAt(keys, keys.IndexOf("  ", StringComparison.Ordinal)));
        Assert.Null(FilterBar.KeyAt(keys, keys.Length + 3));
        var view = Drawn();
        Assert.Equal('?', Click(view, keys.IndexOf("? help", StringComparison.Ordinal), PaneGeometry.HintRow)!.Value.KeyChar);
        // The filter line is /.
        Assert.Equal('/', Click(view, 20, 0)!.Value.KeyChar);
    }

    [Fact]
    public void Side_by_side_and_maximised_layouts_are_hit_as_drawn()
    {
        var view = Drawn(160, 40, LayoutKind.SideBySide);
        Assert.Equal(LayoutKind.SideBySide, view.Geometry.Sizes.Kind);
        Assert.Equal(view.Geometry.TreeTop, view.Geometry.HexTop);
        var (column, row) = ByteCell(view, 23);
        Click(view, column, row);
        Assert.Equal((23, 1), view.Highlight);
        // The same row left of the border is the tree; the border itself is neither.
        int cursor = view.TreeCursor;
        Click(view, view.Geometry.Sizes.TreeWidth, row);
        Assert.Equal(cursor, view.TreeCursor);
        // Redrawn, as after every event: a click on the tree's first row selects the line drawn there (the pane may have
        // scrolled to follow the byte's field).
        var screen = ScreenText.Lines(MainScreen.Compose(view, 160, 40), 160, 40, ansi: false);
        string drawn = screen[TreeRow(view, 0)][..view.Geometry.Sizes.TreeWidth].Trim().TrimStart('>', '-', '+', ' ');
        Click(view, 5, TreeRow(view, 0));
        Assert.Equal(LineOf(view, drawn), view.TreeCursor);

        view = Drawn(120, 40, LayoutKind.Maximized);
        view.NextPane();
        MainScreen.Compose(view, 120, 40);
        Assert.Equal((0, 37, 0), (view.Geometry.Sizes.List, view.Geometry.Sizes.Tree, view.Geometry.Sizes.Hex));
        Click(view, 5, PaneGeometry.BodyTop + 1 + 2);
        Assert.Equal((2, Pane.Tree), (view.TreeCursor, view.Focus));
        // No border to drag when one pane fills the screen.
        Assert.Equal(PaneBorder.None, view.Geometry.BorderAt(0, PaneGeometry.BodyTop));
        Assert.Equal(PaneBorder.None, view.Geometry.BorderAt(view.Geometry.Sizes.TreeWidth, PaneGeometry.BodyTop + 3));
    }

    [Fact]
    public void Side_by_side_the_column_between_details_and_bytes_drags_and_narrow_bytes_are_hit_at_eight_a_line()
    {
        var view = Drawn(160, 40, LayoutKind.SideBySide);
        // At first the bytes keep their 16-byte lines: the details get the rest.
        int border = view.Geometry.Sizes.TreeWidth;
        Assert.Equal(160 - PaneLayout.HexWidth - 1, border);
        Assert.Equal(16, view.Geometry.HexBytesPerLine);
        int row = view.Geometry.TreeTop + 2;
        Assert.Equal(PaneBorder.BesideTree, view.Geometry.BorderAt(border, row));
        Assert.Equal(PaneBorder.None, view.Geometry.BorderAt(border - 1, row));

        // Dragged left: wider bytes, still 16 a line (the rest of the pane blank).
        MouseHandler.Apply(view, new MouseEvent(MouseAction.Press, 0, border, row));
        Assert.Equal(PaneBorder.BesideTree, view.Dragging);
        MouseHandler.Apply(view, new MouseEvent(MouseAction.Drag, 0, 60, row));
        MainScreen.Compose(view, 160, 40);
        Assert.Equal((60, 16), (view.Geometry.Sizes.TreeWidth, view.Geometry.HexBytesPerLine));
        // Dragged right past what 16 a line needs: 8 a line; never past what leaves the bytes one 8-byte line.
        MouseHandler.Apply(view, new MouseEvent(MouseAction.Drag, 0, 150, row));
        MouseHandler.Apply(view, new MouseEvent(MouseAction.Release, 0, 150, row));
        MainScreen.Compose(view, 160, 40);
        Assert.Equal(160 - 1 - PaneLayout.MinimumHexWidth, view.Geometry.Sizes.TreeWidth);
        Assert.Equal(8, view.Geometry.HexBytesPerLine);
        Assert.True(view.Layout.Changed);
        Assert.Equal(PaneBorder.None, view.Dragging);

        // Byte 23 is now the eighth of the third line, and a click there selects it.
        var (column, byteRow) = ByteCell(view, 23, 8);
        Click(view, column, byteRow);
        Assert.Equal((23, 1), view.Highlight);
        // Its ASCII too (the line's ASCII begins after 8 hex bytes and a space), after another byte was chosen.
        Click(view, ByteCell(view, 0, 8).Column, ByteCell(view, 0, 8).Row);
        Assert.NotEqual((23, 1), view.Highlight);
        // (The opened layer took rows from the list: the panes moved down.)
        Click(view, view.Geometry.HexLeft + 6 + 8 * 3 + 1 + 7, ByteCell(view, 23, 8).Row);
        Assert.Equal((23, 1), view.Highlight);
    }
}
