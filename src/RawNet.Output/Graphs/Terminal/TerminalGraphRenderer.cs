using System.Globalization;
using System.Text;

namespace RawNet.Output.Graphs.Terminal;

/// <summary>
/// Draws a <see cref="GraphModel"/> in terminal cells: a title, the axis labels with their units, the plot in braille
/// (2 × 4 dots a cell) with a Y axis of tick labels on the left and an X axis below, a legend in the series' colours, and
/// a status line that names the frame of the point nearest the cursor. Pure: the same graph, size and view give the same
/// lines. The terminal UI drives it with a view (zoomed time range, cursor) and reads back the cursor's point.
/// </summary>
public static class TerminalGraphRenderer
{
    /// <summary>Smallest size drawn; a smaller request is drawn at this size.</summary>
    public const int MinWidth = 30, MinHeight = 10;

    /// <summary>Draws <paramref name="graph"/> in <paramref name="width"/> × <paramref name="height"/> cells as <paramref name="view"/> says.</summary>
    public static RenderedGraph Render(GraphModel graph, int width, int height, GraphView view = default)
    {
        width = Math.Max(MinWidth, width);
        height = Math.Max(MinHeight, height);
        var (from, to) = XRange(graph, view);
        var (yMin, yMax) = YRange(graph, from, to);
        var xScale = AxisScale.For(graph.X.Unit, Math.Max(Math.Abs(from), Math.Abs(to)));
        var legend = Legend(graph, width);
        int fixedRows = 1 + (graph.Subtitle is null ? 0 : 1) + 1 + 2 + legend.Count + 1;
        int plotRows = Math.Max(3, height - fixedRows);

        // Y ticks decide the margin, so the range is rounded out to whole ticks first.
        double yStep = AxisScale.NiceStep(yMin, yMax, Math.Max(1, plotRows / 3));
        yMin = Math.Floor(yMin / yStep) * yStep;
        yMax = Math.Ceiling(yMax / yStep) * yStep;
        if (yMax <= yMin)
            yMax = yMin + yStep;
        var yScale = AxisScale.For(graph.Y.Unit, Math.Max(Math.Abs(yMin), Math.Abs(yMax)));
        int yDecimals = yScale.Decimals(yStep);
        var yTicks = new List<(double Value, string Label)>();
        for (int i = 0; ; i++)
        {
            double value = yMin + i * yStep;
            if (value > yMax + yStep * 1e-9)
                break;
            yTicks.Add((value, yScale.Format(value, yDecimals)));
        }
        int margin = yTicks.Max(t => t.Label.Length) + 1;
        int plotColumns = Math.Max(4, width - margin - 1);
        var canvas = new BrailleCanvas(plotColumns, plotRows);
        var map = new DotMap(from, to, yMin, yMax, canvas.Width, canvas.Height);
        foreach (var series in graph.Series)
            Draw(canvas, map, series);

        GraphPoint? cursor = view.Cursor is { } at ? graph.Nearest(at, from, to) : null;
        int cursorColumn = cursor is { } point ? (int)Math.Round(map.X(point.X)) >> 1 : -1;

        var lines = new List<GraphLine>();
        lines.Add(Single(Fit(graph.Title, width), GraphColor.Title));
        if (graph.Subtitle is not null)
            lines.Add(Single(Fit(graph.Subtitle, width), GraphColor.Default));
        lines.Add(AxisLabels(graph, xScale, yScale, width));

        // Plot rows, each with its Y tick label (the first tick that falls on the row) and the axis.
        var labelOfRow = new string?[plotRows];
        foreach (var (value, label) in yTicks)
        {
            int row = (int)Math.Round(map.Y(value)) >> 2;
            if (row >= 0 && row < plotRows)
                labelOfRow[row] ??= label;
        }
        for (int row = 0; row < plotRows; row++)
        {
            var spans = new SpanWriter();
            string label = labelOfRow[row] ?? "";
            spans.Add(label.PadLeft(margin - 1) + " ", GraphColor.Axis);
            spans.Add(labelOfRow[row] is null ? "│" : "┤", GraphColor.Axis);
            for (int column = 0; column < plotColumns; column++)
            {
                char c = canvas.CharAt(column, row);
                var color = canvas.ColorAt(column, row);
                if (column == cursorColumn)
                {
                    if (c == ' ')
                        c = '│';
                    color = GraphColor.Cursor;
                }
                spans.Add(c, color);
            }
            lines.Add(spans.Line());
        }

        // X axis: ticks at whole steps within the range, labels where they fit.
        double xStep = AxisScale.NiceStep(from, to, Math.Max(1, plotColumns / 12));
        int xDecimals = xScale.Decimals(xStep);
        var axis = new StringBuilder(new string(' ', margin) + "└" + new string('─', plotColumns));
        var labels = new StringBuilder(new string(' ', width));
        int lastEnd = -1;
        for (double tick = Math.Ceiling(from / xStep - 1e-9) * xStep; tick <= to + xStep * 1e-9; tick += xStep)
        {
            int column = margin + 1 + ((int)Math.Round(map.X(tick)) >> 1);
            if (column < margin + 1 || column >= width)
                continue;
            axis[column] = '┬';
            string label = xScale.Format(tick, xDecimals);
            int start = Math.Clamp(column - label.Length / 2, 0, width - label.Length);
            if (start <= lastEnd)
                continue;
            for (int i = 0; i < label.Length; i++)
                labels[start + i] = label[i];
            lastEnd = start + label.Length;
        }
        lines.Add(Single(axis.ToString(), GraphColor.Axis));
        lines.Add(Single(labels.ToString().TrimEnd(), GraphColor.Axis));
        lines.AddRange(legend);

        string? cursorText = cursor is { } hit ? DescribePoint(graph, hit) : null;
        lines.Add(cursorText is not null
            ? Single(Fit("cursor: " + cursorText, width), GraphColor.Cursor)
            : Single(Fit($"{CountVisible(graph, from, to)} points from {Seconds(from)} to {Seconds(to)}", width), GraphColor.Default));
        return new RenderedGraph(lines, from, to, margin + 1, plotColumns, cursor, cursorText);
    }

    /// <summary>"frame 84 at 0.074897 s: 30568 B (retransmissions)".</summary>
    public static string DescribePoint(GraphModel graph, GraphPoint point)
    {
        var series = graph.Series[point.Series];
        string value = FormatValue(graph.Y.Unit, point.Y);
        if (series.HasTop)
            value += " to " + FormatValue(graph.Y.Unit, series.Top[point.Index]);
        return $"frame {point.Frame} at {Seconds(point.X)}: {value} ({series.Name})";
    }

    /// <summary>A value with its unit, exact where it is a whole number of bytes, bits or packets.</summary>
    public static string FormatValue(AxisUnit unit, double value)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (unit is AxisUnit.Bytes or AxisUnit.Bits or AxisUnit.Packets && value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            string number = ((long)value).ToString(invariant);
            return unit switch { AxisUnit.Bytes => number + " B", AxisUnit.Bits => number + " bit", _ => number + (value == 1 ? " packet" : " packets") };
        }
        if (unit == AxisUnit.Seconds)
            return Seconds(value);
        var scale = AxisScale.For(unit, value);
        return (value / scale.Divisor).ToString("0.###", invariant) + " " + scale.UnitText;
    }

    /// <summary>Seconds with up to nine decimals, as frame.time_relative ("0.074897 s").</summary>
    private static string Seconds(double seconds) => seconds.ToString("0.#########", CultureInfo.InvariantCulture) + " s";

    private static (double From, double To) XRange(GraphModel graph, GraphView view)
    {
        var (min, max) = graph.XExtent();
        double from = view.From ?? min, to = view.To ?? max;
        if (to < from)
            (from, to) = (to, from);
        if (to - from < 1e-9)
        {
            double pad = Math.Max(1e-3, Math.Abs(from) * 1e-3);
            from -= pad;
            to += pad;
        }
        return (from, to);
    }

    private static (double Min, double Max) YRange(GraphModel graph, double from, double to)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var series in graph.Series)
        {
            var xs = series.X;
            var ys = series.Y;
            var tops = series.HasTop ? series.Top : ys;
            for (int i = 0; i < xs.Length; i++)
            {
                if (xs[i] < from || xs[i] > to)
                    continue;
                double low = ys[i], high = tops[i];
                if (low < min)
                    min = low;
                if (high > max)
                    max = high;
            }
        }
        if (min > max)
            (min, max) = (0, 1);
        if (graph.Y.IncludesZero)
        {
            min = Math.Min(0, min);
            max = Math.Max(0, max);
        }
        if (max - min <= 0)
        {
            double pad = Math.Max(1, Math.Abs(max) * 0.1);
            if (graph.Y.Unit == AxisUnit.Seconds)
                pad = Math.Max(1e-6, Math.Abs(max) * 0.1);
            max += pad;
            if (!graph.Y.IncludesZero || min < 0)
                min -= pad;
        }
        return (min, max);
    }

    private static int CountVisible(GraphModel graph, double from, double to)
    {
        int count = 0;
        foreach (var series in graph.Series)
        {
            foreach (double x in series.X)
            {
                if (x >= from && x <= to)
                    count++;
            }
        }
        return count;
    }

    private static void Draw(BrailleCanvas canvas, DotMap map, GraphSeries series)
    {
        var xs = series.X;
        var ys = series.Y;
        var color = series.Color;
        double right = canvas.Width - 0.5;
        switch (series.Style)
        {
            case SeriesStyle.Points:
                for (int i = 0; i < xs.Length; i++)
                {
                    double x = map.X(xs[i]);
                    if (x >= -0.5 && x < right)
                        canvas.Set((int)Math.Round(x), (int)Math.Round(map.Y(ys[i])), color);
                }
                break;
            case SeriesStyle.Bars:
                var tops = series.Top;
                for (int i = 0; i < xs.Length; i++)
                {
                    double x = map.X(xs[i]);
                    if (x >= -0.5 && x < right)
                        canvas.VerticalLine((int)Math.Round(x), map.Y(ys[i]), map.Y(tops[i]), color);
                }
                break;
            default:
                DrawConnected(canvas, map, xs, ys, color, series.Style == SeriesStyle.Steps);
                break;
        }
    }

    /// <summary>
    /// A line or step line through the points. Points that fall in one dot column are drawn as that column's span from
    /// the lowest to the highest (all a line between them could touch there), so a million points cost about as much as
    /// the columns they cover; consecutive columns are joined by a straight line, or for steps by the previous value held
    /// across and a rise at the new point.
    /// </summary>
    private static void DrawConnected(BrailleCanvas canvas, DotMap map, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, GraphColor color, bool steps)
    {
        if (xs.Length == 0)
            return;
        double lastX = map.X(xs[0]), lastY = map.Y(ys[0]), low = lastY, high = lastY;
        long column = (long)Math.Round(lastX);
        for (int i = 1; i < xs.Length; i++)
        {
            double x = map.X(xs[i]), y = map.Y(ys[i]);
            long at = (long)Math.Round(x);
            if (at == column)
            {
                low = Math.Min(low, y);
                high = Math.Max(high, y);
                lastX = x;
                lastY = y;
                continue;
            }
            if (column >= 0 && column < canvas.Width)
                canvas.VerticalLine((int)column, low, high, color);
            if (steps)
            {
                canvas.Line(lastX, lastY, x, lastY, color);
                canvas.Line(x, lastY, x, y, color);
            }
            else
            {
                canvas.Line(lastX, lastY, x, y, color);
            }
            column = at;
            low = high = lastY = y;
            lastX = x;
        }
        if (column >= 0 && column < canvas.Width)
            canvas.VerticalLine((int)column, low, high, color);
    }

    private static GraphLine AxisLabels(GraphModel graph, AxisScale xScale, AxisScale yScale, int width)
    {
        string y = "↑ " + yScale.Label(graph.Y), x = xScale.Label(graph.X) + " →";
        int gap = width - y.Length - x.Length;
        return gap >= 1
            ? new GraphLine([new GraphSpan(y + new string(' ', gap), GraphColor.Axis), new GraphSpan(x, GraphColor.Axis)])
            : Single(Fit(y + "  " + x, width), GraphColor.Axis);
    }

    private static List<GraphLine> Legend(GraphModel graph, int width)
    {
        var lines = new List<GraphLine>();
        var spans = new List<GraphSpan>();
        int used = 0;
        foreach (var series in graph.Series)
        {
            string mark = series.Style switch { SeriesStyle.Points => "•", SeriesStyle.Bars => "┃", _ => "━" };
            string name = Fit(series.Name, width - 2);
            int length = (used == 0 ? 0 : 3) + 2 + name.Length;
            if (used > 0 && used + length > width)
            {
                lines.Add(new GraphLine(spans));
                spans = [];
                used = 0;
                length = 2 + name.Length;
            }
            if (used > 0)
                spans.Add(new GraphSpan("   ", GraphColor.Default));
            spans.Add(new GraphSpan(mark + " ", series.Color));
            spans.Add(new GraphSpan(name, GraphColor.Default));
            used += length;
        }
        if (spans.Count > 0)
            lines.Add(new GraphLine(spans));
        return lines;
    }

    private static GraphLine Single(string text, GraphColor color) => new([new GraphSpan(text, color)]);

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..Math.Max(0, width - 1)] + "…";

    /// <summary>Graph coordinates to dot coordinates.</summary>
    private readonly struct DotMap(double from, double to, double yMin, double yMax, int width, int height)
    {
        private readonly double _xScale = (width - 1) / (to - from);
        private readonly double _yScale = (height - 1) / (yMax - yMin);

        public double X(double x) => (x - from) * _xScale;

        public double Y(double y) => (yMax - y) * _yScale;
    }

    /// <summary>Builds a line's spans, merging neighbours of one colour.</summary>
    private sealed class SpanWriter
    {
        private readonly List<GraphSpan> _spans = [];
        private readonly StringBuilder _run = new();
        private GraphColor _color;

        public void Add(string text, GraphColor color)
        {
            Flush(color);
            _run.Append(text);
        }

        public void Add(char c, GraphColor color)
        {
            Flush(color);
            _run.Append(c);
        }

        private void Flush(GraphColor color)
        {
            if (_run.Length > 0 && color != _color)
            {
                _spans.Add(new GraphSpan(_run.ToString(), _color));
                _run.Clear();
            }
            _color = color;
        }

        public GraphLine Line()
        {
            if (_run.Length > 0)
                _spans.Add(new GraphSpan(_run.ToString(), _color));
            return new GraphLine(_spans);
        }
    }
}
