using RawNet.Ui.Theming;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// Two panes next to each other, <paramref name="height"/> lines each: <paramref name="left"/> in
/// <paramref name="leftWidth"/> cells, a one-cell border, then <paramref name="right"/> in the rest.
/// </summary>
public sealed class SideBySide(Theme theme, IRenderable left, int leftWidth, IRenderable right, int height) : IRenderable
{
    /// <summary>The border between the panes.</summary>
    public const string Border = "│";

    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        int leftCells = Math.Clamp(leftWidth, 1, Math.Max(1, maxWidth - 2));
        int rightCells = Math.Max(1, maxWidth - leftCells - 1);
        var leftLines = Segment.SplitLines(left.Render(options, leftCells));
        var rightLines = Segment.SplitLines(right.Render(options, rightCells));
        var border = new Segment(Border, theme.Muted);
        var lines = new List<List<Segment>>(height);
        for (int i = 0; i < height; i++)
        {
            var line = new List<Segment>();
            if (i < leftLines.Count)
                line.AddRange(leftLines[i]);
            else
                line.Add(new Segment(new string(' ', leftCells)));
            line.Add(border);
            if (i < rightLines.Count)
                line.AddRange(rightLines[i]);
            lines.Add(line);
        }
        return Cells.Lines(lines, maxWidth, height);
    }
}
