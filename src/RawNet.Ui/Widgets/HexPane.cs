using System.Globalization;
using RawNet.Ui.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// The selected frame's bytes, 16 a line: offset, hex and ASCII; exactly the bytes of the layer or field under the tree
/// cursor are highlighted, in both the hex and the ASCII columns.
/// </summary>
public sealed class HexPane(CaptureView view, int height) : IRenderable
{
    /// <summary>Bytes per line.</summary>
    public const int BytesPerLine = 16;

    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var (start, length) = view.Highlight;
        var lines = new List<List<Segment>>
        {
            new() { Cells.Title(length > 0 ? $"Bytes (highlighted: {start}-{start + length - 1}, {length} byte{(length == 1 ? "" : "s")})" : "Bytes", view.Focus == Pane.Hex, maxWidth) },
        };
        if (view.SelectedFrame >= 0)
        {
            view.Source.Decode(view.SelectedFrame);
            var frame = view.Source.Frame.ToArray();
            int rows = Math.Max(1, height - 1);
            int total = (frame.Length + BytesPerLine - 1) / BytesPerLine;
            int top = HexTop(view, start, length, rows, total);
            var plain = new Style(Color.Grey85);
            var marked = new Style(Color.Black, Color.Aqua);
            for (int line = top; line < Math.Min(total, top + rows); line++)
            {
                var segments = new List<Segment>();
                int used = 0;
                void Add(string text, Style style)
                {
                    if (used >= maxWidth)
                        return;
                    if (used + text.Length > maxWidth)
                        text = text[..(maxWidth - used)];
                    segments.Add(new Segment(text, style));
                    used += text.Length;
                }
                int first = line * BytesPerLine;
                Add(first.ToString("x4", CultureInfo.InvariantCulture) + "  ", new Style(Color.Grey));
                for (int i = 0; i < BytesPerLine; i++)
                {
                    int at = first + i;
                    bool on = at >= start && at < start + length;
                    bool nextOn = at + 1 >= start && at + 1 < start + length && i + 1 < BytesPerLine && at + 1 < frame.Length;
                    string hex = at < frame.Length ? frame[at].ToString("x2", CultureInfo.InvariantCulture) : "  ";
                    Add(hex, on ? marked : plain);
                    Add(i == 7 ? "  " : " ", on && nextOn ? marked : plain);
                }
                Add(" ", plain);
                for (int i = 0; i < BytesPerLine && first + i < frame.Length; i++)
                {
                    int at = first + i;
                    byte b = frame[at];
                    Add(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : ".", at >= start && at < start + length ? marked : plain);
                }
                if (used < maxWidth)
                    segments.Add(new Segment(new string(' ', maxWidth - used)));
                lines.Add(segments);
            }
        }
        return Cells.Lines(lines, maxWidth, height);
    }

    /// <summary>The first line shown: the user's scroll position, moved just enough to show the start of the highlight.</summary>
    public static int HexTop(CaptureView view, int start, int length, int rows, int total)
    {
        int top = Math.Min(view.HexTop, Math.Max(0, total - rows));
        if (length > 0 && view.Focus != Pane.Hex)
        {
            int line = start / BytesPerLine;
            if (line < top || line >= top + rows)
                top = Math.Max(0, line - rows / 2);
        }
        return top;
    }
}
