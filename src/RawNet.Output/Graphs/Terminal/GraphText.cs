namespace RawNet.Output.Graphs.Terminal;

/// <summary>A run of text in one colour.</summary>
public readonly record struct GraphSpan(string Text, GraphColor Color);

/// <summary>One line of a rendered graph: spans of text, each in its colour.</summary>
public sealed class GraphLine(IReadOnlyList<GraphSpan> spans)
{
    public IReadOnlyList<GraphSpan> Spans { get; } = spans;

    /// <summary>The line without colours.</summary>
    public string Text => string.Concat(Spans.Select(s => s.Text));

    public override string ToString() => Text;
}

/// <summary>
/// What part of a graph to draw and where the cursor is: the time range shown (null ends: the graph's own extent) and the
/// X the cursor is nearest to (null: no cursor). The vertical range always fits the points in the time range.
/// </summary>
public readonly record struct GraphView(double? From = null, double? To = null, double? Cursor = null)
{
    /// <summary>The range <paramref name="factor"/> times as wide (below 1 zooms in), around <paramref name="center"/>.</summary>
    public GraphView Zoom(double from, double to, double center, double factor)
    {
        double left = center - (center - from) * factor, right = center + (to - center) * factor;
        return this with { From = left, To = right };
    }

    /// <summary>The range moved by <paramref name="fraction"/> of its width (negative: to earlier times).</summary>
    public GraphView Pan(double from, double to, double fraction)
    {
        double shift = (to - from) * fraction;
        return this with { From = from + shift, To = to + shift };
    }
}

/// <summary>
/// A graph drawn for a terminal: its lines, the range drawn, the point the cursor names, and the mapping between plot
/// columns and X so a caller can move the cursor a column at a time or zoom around it.
/// </summary>
public sealed class RenderedGraph
{
    internal RenderedGraph(IReadOnlyList<GraphLine> lines, double from, double to, int plotLeft, int plotColumns, GraphPoint? cursor, string? cursorText)
    {
        Lines = lines;
        From = from;
        To = to;
        PlotLeft = plotLeft;
        PlotColumns = plotColumns;
        Cursor = cursor;
        CursorText = cursorText;
    }

    public IReadOnlyList<GraphLine> Lines { get; }

    /// <summary>The smallest X drawn.</summary>
    public double From { get; }

    /// <summary>The largest X drawn.</summary>
    public double To { get; }

    /// <summary>The screen column of the plot's first column.</summary>
    public int PlotLeft { get; }

    /// <summary>Columns of plot.</summary>
    public int PlotColumns { get; }

    /// <summary>The point nearest the cursor (its frame is what Enter opens), or null.</summary>
    public GraphPoint? Cursor { get; }

    /// <summary>"frame 84 at 0.074897 s: 30568 B (retransmissions)", or null without a cursor.</summary>
    public string? CursorText { get; }

    /// <summary>The X at the middle of plot column <paramref name="column"/> (0 = the plot's first).</summary>
    public double XAt(int column) =>
        PlotColumns <= 1 ? From : From + (To - From) * (Math.Clamp(column, 0, PlotColumns - 1) * 2 + 0.5) / (PlotColumns * 2 - 1);

    /// <summary>The plot column (0 = the first) where <paramref name="x"/> is drawn; may lie outside the plot.</summary>
    public int ColumnOf(double x) => To > From ? (int)Math.Round((x - From) / (To - From) * (PlotColumns * 2 - 1)) >> 1 : 0;

    /// <summary>The whole graph as text, one line each, without colours.</summary>
    public string Text => string.Join('\n', Lines.Select(l => l.Text)) + "\n";
}
