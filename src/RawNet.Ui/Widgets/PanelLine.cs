using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>One line of text across the screen in one style, cut to the width (a running lab transfer's TCP_INFO).</summary>
public sealed class PanelLine(string text, Style style) : IRenderable
{
    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        yield return new Segment(Cells.Fit(" " + text, maxWidth), style);
        yield return Segment.LineBreak;
    }
}
