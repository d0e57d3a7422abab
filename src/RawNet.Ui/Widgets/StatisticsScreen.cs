using RawNet.Ui.Theming;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>The <c>rawnet stats</c> report (protocol hierarchy, conversations, errors) as lines, scrolled from <paramref name="top"/>.</summary>
public sealed class StatisticsScreen(Theme theme, IReadOnlyList<string> report, int top, int height) : IRenderable
{
    /// <summary>The heading line.</summary>
    public const string Heading = "Statistics (as rawnet stats)";

    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var lines = new List<List<Segment>> { new() { Cells.Title(theme, Heading + "  j/k scroll, Esc back", true, maxWidth) } };
        int rows = Math.Max(1, height - 1);
        int first = Math.Clamp(top, 0, Math.Max(0, report.Count - rows));
        for (int i = first; i < Math.Min(report.Count, first + rows); i++)
        {
            string line = report[i];
            bool heading = line.Length > 0 && !char.IsWhiteSpace(line[0]) && line.EndsWith(':');
            lines.Add([new Segment(Cells.Fit(line, maxWidth), heading ? theme.AccentStrong : theme.Text)]);
        }
        return Cells.Lines(lines, maxWidth, height);
    }
}
