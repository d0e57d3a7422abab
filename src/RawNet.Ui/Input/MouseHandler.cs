using RawNet.Ui.Model;
using RawNet.Ui.Widgets;

namespace RawNet.Ui.Input;

/// <summary>
/// Applies mouse reports to a <see cref="CaptureView"/>, hit-tested against <see cref="CaptureView.Geometry"/> (where the
/// panes were last drawn): a click selects a packet, a tree line or a byte's field, the wheel scrolls the pane under the
/// pointer, a pane's title line (side by side, the border between the details and the bytes) drags to resize, a click on the key hint is that key and one on the filter line opens
/// the filter. Other screens scroll with the wheel (the craft screen's key hint is clickable too).
/// </summary>
public static class MouseHandler
{
    /// <summary>Rows one notch of the wheel moves.</summary>
    public const int WheelRows = 3;

    /// <summary>The longest time between two presses on one cell that makes them a double click (GTK's default).</summary>
    public const int DoubleClickMilliseconds = 400;

    private static readonly ConsoleKeyInfo UpKey = new('\0', ConsoleKey.UpArrow, false, false, false);
    private static readonly ConsoleKeyInfo DownKey = new('\0', ConsoleKey.DownArrow, false, false, false);

    /// <summary>
    /// Applies <paramref name="mouse"/>, reported at <paramref name="now"/> (milliseconds, <see cref="Environment.TickCount64"/>
    /// when not given); returns the key a click stands for (the session runs it as typed: a key hint, the filter line, a
    /// double click on a packet), or null.
    /// </summary>
    public static ConsoleKeyInfo? Apply(CaptureView view, MouseEvent mouse, long? now = null)
    {
        if (view.EditingFilter || view.EditingSearch)
            return null;
        if (view.Screen != ScreenKind.Main)
        {
            // Each screen scrolls with its own arrow keys.
            if (mouse.Action is MouseAction.WheelUp or MouseAction.WheelDown)
            {
                for (int i = 0; i < WheelRows; i++)
                    KeyHandler.Apply(view, mouse.Action == MouseAction.WheelUp ? UpKey : DownKey);
            }
            bool click = mouse is { Action: MouseAction.Press, Button: 0, Row: PaneGeometry.HintRow };
            return click && view.Screen == ScreenKind.Craft ? FilterBar.KeyAt(FilterBar.CraftKeys, mouse.Column) : null;
        }
        var geometry = view.Geometry;
        switch (mouse.Action)
        {
            case MouseAction.WheelUp or MouseAction.WheelDown:
                if (geometry.TryFind(mouse.Column, mouse.Row, out var scrolled, out _))
                {
                    view.FocusOn(scrolled);
                    view.Move(mouse.Action == MouseAction.WheelUp ? -WheelRows : WheelRows);
                }
                return null;
            case MouseAction.Release:
                view.Dragging = PaneBorder.None;
                return null;
            case MouseAction.Drag:
                Drag(view, geometry, mouse.Column, mouse.Row);
                return null;
        }
        if (mouse.Button != 0)
            return null;
        // The filter line opens the filter as / does.
        if (mouse.Row == 0)
            return KeyMap.FromChar('/');
        if (mouse.Row == PaneGeometry.HintRow)
            return view.Vim.Count == 0 && !view.Vim.PendingYank && view.Vim.PendingMark == '\0' && view.Vim.CommandDraft is null
                ? FilterBar.KeyAt(FilterBar.Keys, mouse.Column) : null;
        var border = geometry.BorderAt(mouse.Column, mouse.Row);
        if (border != PaneBorder.None)
        {
            view.Dragging = border;
            return null;
        }
        if (!geometry.TryFind(mouse.Column, mouse.Row, out var pane, out int line) || line == 0)
            return null;
        bool second = IsDoubleClick(view, mouse, now ?? Environment.TickCount64);
        switch (pane)
        {
            case Pane.Packets when line >= 2:
                view.ClickRow(view.Top + line - 2);
                // A double click on a packet opens (or closes) every layer, as Enter in the list does.
                return second ? KeyMap.FromChar('\n') : null;
            case Pane.Tree:
                int treeLine = view.TreeFirstLine(Math.Max(1, geometry.Sizes.Tree - 1)) + line - 1;
                // A layer's heading opened (or closed) at the first click of a double click: the second leaves it so.
                if (second && treeLine < view.Tree.Count && view.Tree[treeLine].Kind == TreeLineKind.Layer)
                    break;
                view.ClickTree(treeLine);
                break;
            case Pane.Hex when ByteAt(view, geometry, mouse.Column - geometry.HexLeft, line) is >= 0 and var offset:
                view.SelectByte(offset);
                break;
        }
        return null;
    }

    /// <summary>
    /// True when <paramref name="mouse"/> is the second press of a double click (on the cell of the press before, within
    /// <see cref="DoubleClickMilliseconds"/>); a third press starts over.
    /// </summary>
    private static bool IsDoubleClick(CaptureView view, MouseEvent mouse, long now)
    {
        var (column, row, at) = view.LastPress;
        bool second = at != 0 && column == mouse.Column && row == mouse.Row && now - at <= DoubleClickMilliseconds;
        view.LastPress = second ? default : (mouse.Column, mouse.Row, now);
        return second;
    }

    /// <summary>Moves the border being dragged so that its line is at <paramref name="row"/> (side by side: its column at <paramref name="column"/>).</summary>
    private static void Drag(CaptureView view, PaneGeometry geometry, int column, int row)
    {
        if (view.Dragging == PaneBorder.BesideTree)
        {
            view.Layout.MoveSideBorder(column, geometry.Width);
            return;
        }
        int above = view.Dragging == PaneBorder.BelowList ? row - PaneGeometry.BodyTop : row - geometry.TreeTop;
        view.Layout.MoveBorder(view.Dragging, above, geometry);
    }

    /// <summary>The frame offset of the byte drawn at <paramref name="column"/> of hex pane line <paramref name="line"/> (1 the first below the title), in its hex or its ASCII, or -1.</summary>
    private static int ByteAt(CaptureView view, PaneGeometry geometry, int column, int line)
    {
        int frame = view.SelectedFrame;
        if (frame < 0)
            return -1;
        int length = view.Source.Index.MetadataOf(frame).CapturedLength;
        var (start, highlighted) = view.Highlight;
        int rows = Math.Max(1, geometry.Sizes.Hex - 1);
        int perLine = geometry.HexBytesPerLine;
        int top = HexPane.HexTop(view, start, highlighted, rows, HexLines.LineCount(length, perLine), perLine);
        int index = HexLines.ByteAt(column, perLine);
        int offset = (top + line - 1) * perLine + index;
        return index < 0 || offset >= length ? -1 : offset;
    }
}
