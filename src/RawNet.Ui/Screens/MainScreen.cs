using RawNet.Ui.Model;
using RawNet.Ui.Widgets;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Screens;

/// <summary>
/// Lays the whole terminal out for the current <see cref="ScreenKind"/>: filter bar (2 lines), then packet list, layer
/// tree and hex pane sharing the rest as the view's <see cref="PaneLayout"/> plans it (by need, stacked, side by side
/// or one pane alone), and the status bar on the last line.
/// </summary>
public static class MainScreen
{
    /// <summary>The widgets that fill <paramref name="width"/> x <paramref name="height"/> cells, top to bottom; sets the list's (or the craft result's) page size first.</summary>
    public static IRenderable Compose(CaptureView view, int width, int height)
    {
        var parts = new List<IRenderable> { new FilterBar(view) };
        // A running lab transfer takes a line above the status bar for its sender's TCP_INFO.
        int body = Math.Max(3, height - 3 - (view.LabTransfer is null ? 0 : 1));
        view.Geometry = default;
        switch (view.Screen)
        {
            case ScreenKind.Help:
                view.StatisticsTop = HelpScreen.FirstKey(view.StatisticsTop, body);
                parts.Add(new HelpScreen(view.Theme, body, view.StatisticsTop));
                break;
            case ScreenKind.Statistics:
                parts.Add(new StatisticsScreen(view.Theme, view.StatisticsReport ?? ["Computing..."], view.StatisticsTop, body));
                break;
            case ScreenKind.Follow when view.Followed is { } followed:
                int followRows = FollowScreen.RowsFor(body);
                view.FollowTop = Math.Clamp(view.FollowTop, 0, Math.Max(0, FollowScreen.RowCount(followed, width) - followRows));
                parts.Add(new FollowScreen(view.Theme, followed, view.FollowTop, body));
                break;
            case ScreenKind.Graph when view.Graph is { } streamGraph:
                if (streamGraph.Graph is { } model)
                    streamGraph.Rendered = Output.Graphs.Terminal.TerminalGraphRenderer.Render(model, width, GraphScreen.GraphRows(body), streamGraph.View);
                parts.Add(new GraphScreen(view.Theme, streamGraph, streamGraph.Graph is null ? null : streamGraph.Rendered, body));
                break;
            case ScreenKind.Conversations or ScreenKind.Expert:
                view.PageSize = TablesScreen.RowsFor(body);
                parts.Add(new TablesScreen(view, view.Screen == ScreenKind.Conversations, body));
                break;
            case ScreenKind.Columns when view.ColumnEditor is { } editor:
                parts.Add(new ColumnsScreen(view.Theme, editor, body));
                break;
            case ScreenKind.Interfaces when view.Interfaces is { } picker:
                parts.Add(new InterfacesScreen(view.Theme, picker, body));
                break;
            case ScreenKind.Craft when view.Craft is { } form:
                var result = form.TransportResult is { } transport ? CraftScreen.ResultLines(view.Theme, transport, width)
                    : form.Result is { } report ? CraftScreen.ResultLines(view.Theme, report, width) : [];
                form.ResultLineCount = result.Count;
                form.ResultRows = Math.Max(1, body - CraftScreen.HeaderLines(form, width));
                parts.Add(new CraftScreen(view.Theme, form, result, body));
                break;
            default:
                AddPanes(parts, view, width, body);
                break;
        }
        if (view.LabTransfer is { } transfer)
            parts.Add(new PanelLine(transfer, view.Theme.Accent));
        parts.Add(new StatusBar(view));
        return new Spectre.Console.Rows(parts);
    }

    /// <summary>The packet list, tree and bytes in <paramref name="body"/> rows, each pane asking for the rows its lines fill.</summary>
    private static void AddPanes(List<IRenderable> parts, CaptureView view, int width, int body)
    {
        int frame = view.SelectedFrame;
        int hexLines = frame < 0 ? 0 : HexLines.LineCount(view.Source.Index.MetadataOf(frame).CapturedLength, HexLines.BytesPerLineFor(view.Layout.HexPaneWidth(width)));
        // Each need counts the pane's title (and the list's column header) and at least one line, so an empty pane keeps a line for its "(none)".
        int listNeed = 2 + Math.Max(1, view.ShownCount), treeNeed = 1 + Math.Max(1, view.Tree.Count), hexNeed = 1 + Math.Max(1, hexLines);
        var sizes = view.Layout.Plan(body, width, listNeed, treeNeed, hexNeed, view.Focus);
        // Clicks (and border drags, planning again with other shares) are matched against this very plan.
        view.Geometry = new PaneGeometry(sizes, width, body, listNeed, treeNeed, hexNeed);
        if (sizes.List > 0)
            view.PageSize = PacketList.RowsFor(sizes.List);
        if (sizes.Tree > 0)
            view.TreePageSize = Math.Max(1, sizes.Tree - 1);
        view.Select(view.Selected);
        if (sizes.List > 0)
            parts.Add(new PacketList(view, sizes.List));
        if (sizes.Kind == LayoutKind.SideBySide)
        {
            parts.Add(new SideBySide(view.Theme, new LayerTree(view, sizes.Tree), sizes.TreeWidth, new HexPane(view, sizes.Hex), sizes.Tree));
            return;
        }
        if (sizes.Tree > 0)
            parts.Add(new LayerTree(view, sizes.Tree));
        if (sizes.Hex > 0)
            parts.Add(new HexPane(view, sizes.Hex));
    }
}
