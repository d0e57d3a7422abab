using RawNet.Ui.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>One line: the source (its file name), packets total and shown, the filter state and the status text.</summary>
public sealed class StatusBar(CaptureView view) : IRenderable
{
    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        string selected = view.SelectedFrame >= 0 ? $"Packet {view.SelectedFrame + 1}" : "No packet";
        string filter = view.FilterText.Length == 0 ? "no filter" : $"filter: {view.FilterText}";
        string text = $" {Path.GetFileName(view.SourceName)} | {view.TotalCount} packets, {view.ShownCount} shown | {filter} | {selected}"
            + (view.Status.Length > 0 ? " | " + view.Status : "");
        yield return new Segment(Cells.Fit(text, maxWidth), new Style(Color.Black, Color.Grey70));
    }
}
