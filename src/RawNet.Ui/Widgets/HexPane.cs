using System.Globalization;
using RawNet.Ui.Model;
using RawNet.Ui.Theming;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// The selected frame's bytes, 16 a line (8 in a pane too narrow for 16): offset, hex and ASCII; exactly the bytes of
/// the layer or field under the tree cursor are highlighted, in both the hex and the ASCII columns.
/// </summary>
public sealed class HexPane(CaptureView view, int height) : IRenderable
{
    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var (start, length) = view.Highlight;
        var lines = new List<List<Segment>>
        {
            new() { Cells.Title(view.Theme, length > 0 ? $"Bytes (highlighted: {start}-{start + length - 1}, {length} byte{(length == 1 ? "" : "s")})" : "Bytes", view.Focus == Pane.Hex, maxWidth) },
        };
        if (view.SelectedFrame >= 0)
        {
            view.Source.Decode(view.SelectedFrame);
            var frame = view.Source.Frame.ToArray();
            int rows = Math.Max(1, height - 1);
            int perLine = HexLines.BytesPerLineFor(maxWidth);
            int total = HexLines.LineCount(frame.Length, perLine);
            int top = HexTop(view, start, length, rows, total, perLine);
            var theme = view.Theme;
            for (int line = top; line < Math.Min(total, top + rows); line++)
                lines.Add(HexRows.Line(theme, frame, line, at => at >= start && at < start + length ? theme.Cursor : theme.Body, maxWidth, bytesPerLine: perLine));
        }
        return Cells.Lines(lines, maxWidth, height);
    }

    /// <summary>
    /// The first line shown (of <paramref name="total"/> at <paramref name="bytesPerLine"/> a line): the user's scroll
    /// position, moved just enough to show the start of the highlight.
    /// </summary>
    public static int HexTop(CaptureView view, int start, int length, int rows, int total, int bytesPerLine)
    {
        int top = Math.Min(view.HexTop, Math.Max(0, total - rows));
        if (length > 0 && view.Focus != Pane.Hex)
        {
            int line = start / bytesPerLine;
            if (line < top || line >= top + rows)
                top = Math.Max(0, line - rows / 2);
        }
        return top;
    }
}
