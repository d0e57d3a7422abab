using RawNet.Output.Graphs;
using RawNet.Output.Graphs.Terminal;
using RawNet.Ui.Model;
using RawNet.Ui.Theming;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// A TCP stream graph (<see cref="StreamGraph"/>) drawn in braille by <see cref="TerminalGraphRenderer"/>, as
/// <c>rawnet graph</c> draws it: a key line, then the graph with its axes, legend and the cursor's point.
/// </summary>
public sealed class GraphScreen(Theme theme, StreamGraph graph, RenderedGraph? rendered, int height) : IRenderable
{
    /// <summary>The key line above the graph.</summary>
    public const string Keys = "1-5 kind (tseq tcptrace throughput rtt window)  d direction  h/l cursor  +/- zoom  0 all  Enter packet  Esc back";

    /// <summary>Rows the graph itself gets at <paramref name="height"/> lines.</summary>
    public static int GraphRows(int height) => Math.Max(4, height - 1);

    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var lines = new List<List<Segment>> { new() { Cells.Title(theme, $"TCP stream {graph.Stream} graph  {Keys}", true, maxWidth) } };
        if (rendered is null)
            lines.Add([new Segment(Cells.Fit("  " + (graph.Problem ?? "Drawing..."), maxWidth), theme.Accent)]);
        else
        {
            foreach (var line in rendered.Lines)
            {
                var segments = new List<Segment>();
                int used = 0;
                foreach (var span in line.Spans)
                {
                    if (used >= maxWidth)
                        break;
                    string text = span.Text.Length > maxWidth - used ? span.Text[..(maxWidth - used)] : span.Text;
                    used += text.Length;
                    segments.Add(new Segment(text, theme.Graph(span.Color)));
                }
                if (used < maxWidth)
                    segments.Add(new Segment(new string(' ', maxWidth - used), theme.Text));
                lines.Add(segments);
            }
        }
        return Cells.Lines(lines, maxWidth, height);
    }
}
