using RawNet.Ui.Model;
using RawNet.Ui.Widgets;

namespace RawNet.Ui.Input;

/// <summary>
/// Applies mouse reports to a <see cref="CaptureView"/>, hit-tested against <see cref="CaptureView.Geometry"/> (where the
/// panes were last drawn): a click selects a packet, a tree line or a byte's field, the wheel scrolls the pane under the
/// pointer, a pane's title line drags to resize, a click on the key hint is that key and one on the filter line opens
/// the filter. Other screens scroll with the wheel (the craft screen's key hint is clickable too).
/// </summary>
public static class MouseHandler
{
    /// <summary>Rows one notch of the wheel moves.</summary>
    public const int WheelRows = 3;

    private static readonly ConsoleKeyInfo UpKey = new('\0', ConsoleKey.UpArrow, false, false, false);
    private static readonly ConsoleKeyInfo DownKey = new('\0', ConsoleKey.DownArrow, false, false, false);

    /// <summary>Applies <paramref name="mouse"/>; returns the key a click on the key hint stands for (the session runs it as typed), or null.</summary>
    public static ConsoleKeyInfo? Apply(CaptureView view, MouseEvent mouse)
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
                Drag(view, geometry, mouse.Row);
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
        var border = geometry.BorderAt(mouse.Row);
        if (border != PaneBorder.None)
        {
            view.Dragging = border;
            return null;
        }
        if (!geometry.TryFind(mouse.Column, mouse.Row, out var pane, out int line) || line == 0)
            return null;
        switch (pane)
        {
            case Pane.Packets when line >= 2:
                view.ClickRow(view.Top + line - 2);
                break;
            case Pane.Tree:
                view.ClickTree(view.TreeFirstLine(Math.Max(1, geometry.Sizes.Tree - 1)) + line - 1);
                break;
            case Pane.Hex when ByteAt(view, geometry, mouse.Column - geometry.HexLeft, line) is >= 0 and var offset:
                view.SelectByte(offset);
                break;
        }
        return null;
    }

    /// <summary>Moves the border being dragged so that its line is at <paramref name="row"/>.</summary>
    private static void Drag(CaptureView view, PaneGeometry geometry, int row)
    {
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
        int top = HexPane.HexTop(view, start, highlighted, rows, HexRows.LineCount(length));
        int index = HexRows.ByteAt(column);
        int offset = (top + line - 1) * HexRows.BytesPerLine + index;
        return index < 0 || offset >= length ? -1 : offset;
    }
}
