using RawNet.Ui.Model;
using RawNet.Ui.Widgets;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Screens;

/// <summary>
/// Lays the whole terminal out for the current <see cref="ScreenKind"/>: filter bar (2 lines), then packet list, layer
/// tree and hex pane sharing the rest (about 40/30/30), and the status bar on the last line.
/// </summary>
public static class MainScreen
{
    /// <summary>The widgets that fill <paramref name="width"/> x <paramref name="height"/> cells, top to bottom; sets the list's (or the craft result's) page size first.</summary>
    public static IRenderable Compose(CaptureView view, int width, int height)
    {
        var parts = new List<IRenderable> { new FilterBar(view) };
        int body = Math.Max(3, height - 3);
        switch (view.Screen)
        {
            case ScreenKind.Help:
                parts.Add(new HelpScreen(body));
                break;
            case ScreenKind.Statistics:
                parts.Add(new StatisticsScreen(view.StatisticsReport ?? ["Computing..."], view.StatisticsTop, body));
                break;
            case ScreenKind.Follow when view.Followed is { } followed:
                int followRows = FollowScreen.RowsFor(body);
                view.FollowTop = Math.Clamp(view.FollowTop, 0, Math.Max(0, FollowScreen.RowCount(followed, width) - followRows));
                parts.Add(new FollowScreen(followed, view.FollowTop, body));
                break;
            case ScreenKind.Graph when view.Graph is { } streamGraph:
                if (streamGraph.Graph is { } model)
                    streamGraph.Rendered = Output.Graphs.Terminal.TerminalGraphRenderer.Render(model, width, GraphScreen.GraphRows(body), streamGraph.View);
                parts.Add(new GraphScreen(streamGraph, streamGraph.Graph is null ? null : streamGraph.Rendered, body));
                break;
            case ScreenKind.Conversations or ScreenKind.Expert:
                view.PageSize = TablesScreen.RowsFor(body);
                parts.Add(new TablesScreen(view, view.Screen == ScreenKind.Conversations, body));
                break;
            case ScreenKind.Interfaces when view.Interfaces is { } picker:
                parts.Add(new InterfacesScreen(picker, body));
                break;
            case ScreenKind.Craft when view.Craft is { } form:
                var result = form.Result is { } report ? CraftScreen.ResultLines(report, width) : [];
                form.ResultLineCount = result.Count;
                form.ResultRows = Math.Max(1, body - CraftScreen.HeaderLines(form, width));
                parts.Add(new CraftScreen(form, result, body));
                break;
            default:
                int list = Math.Max(3, body * 4 / 10);
                int tree = Math.Max(2, (body - list) / 2);
                int hex = Math.Max(1, body - list - tree);
                view.PageSize = PacketList.RowsFor(list);
                view.TreePageSize = Math.Max(1, tree - 1);
                view.Select(view.Selected);
                parts.Add(new PacketList(view, list));
                parts.Add(new LayerTree(view, tree));
                parts.Add(new HexPane(view, hex));
                break;
        }
        parts.Add(new StatusBar(view));
        return new Spectre.Console.Rows(parts);
    }
}
