using RawNet.Ui.Model;
using RawNet.Ui.Theming;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// The layer tree of the selected packet: each layer as <c>+</c>/<c>-</c> heading, the fields of expanded layers as
/// <c>Label (wireshark.name): value</c>, bad checksums and truncation in red; the cursor line highlighted when focused.
/// </summary>
public sealed class LayerTree(CaptureView view, int height) : IRenderable
{
    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var tree = view.Tree;
        bool focused = view.Focus == Pane.Tree;
        var theme = view.Theme;
        var lines = new List<List<Segment>> { new() { Cells.Title(theme, "Packet details", focused, maxWidth) } };
        int rows = Math.Max(1, height - 1);
        // The same first line a click is matched against.
        int top = view.TreeFirstLine(rows);
        for (int i = top; i < Math.Min(tree.Count, top + rows); i++)
        {
            var line = tree[i];
            string text = line.Kind == TreeLineKind.Layer ? (line.Expanded ? "- " : "+ ") + line.Text : "    " + line.Text;
            if (line.Length > 0 && line.Kind == TreeLineKind.Field)
                text += $"  [{line.Offset}-{line.Offset + line.Length - 1}]";
            bool cursor = i == view.TreeCursor;
            text = (cursor ? ">" : " ") + text;
            bool layer = line.Kind == TreeLineKind.Layer;
            var style = cursor && focused ? (line.Problem ? theme.CursorProblem : theme.Cursor)
                : cursor ? (line.Problem ? theme.TreeProblemUnderlined : layer ? theme.TreeLayerUnderlined : theme.TreeFieldUnderlined)
                : line.Problem ? (layer ? theme.TreeProblem : theme.Error) : layer ? theme.TreeLayer : theme.TreeField;
            lines.Add([new Segment(Cells.Fit(text, maxWidth), style)]);
        }
        return Cells.Lines(lines, maxWidth, height);
    }
}
