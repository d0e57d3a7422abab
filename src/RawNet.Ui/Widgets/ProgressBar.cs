using System.Globalization;
using RawNet.Ui.Model;
using RawNet.Ui.Theming;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>One line while a file is read through: what, a bar, the percentage and the frames so far.</summary>
public sealed class ProgressBar(Theme theme, string what, IndexProgress progress) : IRenderable
{
    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        string label = what + "  ";
        string tail = $" {progress.Fraction * 100,3:0}%  {progress.Frames.ToString("N0", CultureInfo.InvariantCulture)} packets";
        int bar = Math.Max(10, maxWidth - label.Length - tail.Length - 2);
        int done = (int)(bar * progress.Fraction);
        yield return new Segment(label, theme.Text);
        yield return new Segment("[" + new string('#', done), theme.Good);
        yield return new Segment(new string('.', bar - done) + "]", theme.Muted);
        yield return new Segment(Cells.Fit(tail, Math.Max(0, maxWidth - label.Length - bar - 2)), theme.Text);
    }
}
