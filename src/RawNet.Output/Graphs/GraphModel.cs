namespace RawNet.Output.Graphs;

/// <summary>What an axis measures, so renderers pick an SI prefix and a unit name for it (<see cref="AxisScale"/>).</summary>
public enum AxisUnit : byte
{
    /// <summary>Time in seconds (ms, µs for small ranges).</summary>
    Seconds,
    /// <summary>Bytes, sequence numbers included (kB, MB: SI, as Wireshark's graphs).</summary>
    Bytes,
    /// <summary>A rate in bits a second (kbit/s, Mbit/s).</summary>
    BitsPerSecond,
    /// <summary>Bits (kbit, Mbit).</summary>
    Bits,
    /// <summary>A count of packets (no prefix).</summary>
    Packets,
}

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle : byte
{
    /// <summary>One mark a point.</summary>
    Points,
    /// <summary>Straight lines from point to point.</summary>
    Line,
    /// <summary>Each value held until the next point (tcptrace's ACK and window lines, Wireshark's step-left lines).</summary>
    Steps,
    /// <summary>A vertical bar a point, from <see cref="GraphSeries.Y"/> up to <see cref="GraphSeries.Top"/> (a segment's sequence span, a SACK block).</summary>
    Bars,
}

/// <summary>The colours a graph uses, by name; each renderer maps them to its own palette.</summary>
public enum GraphColor : byte
{
    Default,
    Blue,
    Red,
    Orange,
    Green,
    Purple,
    Yellow,
    Teal,
    Gray,
    /// <summary>Titles.</summary>
    Title,
    /// <summary>Axes, ticks and their labels.</summary>
    Axis,
    /// <summary>The cursor and the point it names.</summary>
    Cursor,
}

/// <summary>One axis: its label and what it measures.</summary>
/// <param name="Label">What the axis shows, without the unit ("time", "sequence number").</param>
/// <param name="Unit">The unit, from which renderers choose a prefix.</param>
/// <param name="IncludesZero">True when the range always reaches down to zero (rates, counts, window sizes); sequence numbers do not.</param>
public sealed record GraphAxis(string Label, AxisUnit Unit, bool IncludesZero);

/// <summary>
/// One series of a graph: parallel arrays of coordinates (and for bars a top), and for each point the frame it comes from,
/// so a cursor on a point names its packet.
/// </summary>
public sealed class GraphSeries
{
    private readonly double[] _x, _y;
    private readonly double[]? _top;
    private readonly uint[] _frames;

    /// <summary>A series of <paramref name="x"/>, <paramref name="y"/> (and <paramref name="top"/> for bars) with the frame of each point.</summary>
    public GraphSeries(string name, SeriesStyle style, GraphColor color, double[] x, double[] y, uint[] frames, double[]? top = null)
        : this(name, style, color, x, y, frames, top, x.Length)
    {
    }

    /// <summary>A series of the first <paramref name="count"/> entries of the arrays (which it keeps, not copies).</summary>
    public GraphSeries(string name, SeriesStyle style, GraphColor color, double[] x, double[] y, uint[] frames, double[]? top, int count)
    {
        if (count < 0 || x.Length < count || y.Length < count || frames.Length < count || (top is not null && top.Length < count))
            throw new ArgumentException("a series' arrays must have an entry for every point");
        if (style == SeriesStyle.Bars && top is null)
            throw new ArgumentException("bars need a top for every point");
        Name = name;
        Style = style;
        Color = color;
        _x = x;
        _y = y;
        _top = top;
        _frames = frames;
        Count = count;
    }

    /// <summary>The name in the legend.</summary>
    public string Name { get; }

    public SeriesStyle Style { get; }

    public GraphColor Color { get; }

    /// <summary>Number of points.</summary>
    public int Count { get; }

    /// <summary>Horizontal coordinates, in the X axis's unit (seconds for every graph RawNet makes).</summary>
    public ReadOnlySpan<double> X => _x.AsSpan(0, Count);

    /// <summary>Vertical coordinates; for bars, the bottom.</summary>
    public ReadOnlySpan<double> Y => _y.AsSpan(0, Count);

    /// <summary>True for bars: <see cref="Top"/> holds each bar's top.</summary>
    public bool HasTop => _top is not null;

    /// <summary>For bars, the top of each bar; otherwise empty.</summary>
    public ReadOnlySpan<double> Top => _top is null ? default : _top.AsSpan(0, Count);

    /// <summary>The frame number each point comes from (0: none).</summary>
    public ReadOnlySpan<uint> Frames => _frames.AsSpan(0, Count);
}

/// <summary>
/// A graph ready to draw: a title, the axes, the series in drawing order (later ones on top) and notes that explain what
/// is drawn (the averaging window, the estimator's formulae). Built by <see cref="TcpGraphs"/> and <see cref="IoGraph"/>;
/// drawn by <see cref="Terminal.TerminalGraphRenderer"/> in a terminal and by RawNet.Plotting into SVG or PNG files.
/// </summary>
public sealed class GraphModel
{
    public GraphModel(string title, GraphAxis x, GraphAxis y, IReadOnlyList<GraphSeries> series, IReadOnlyList<string>? notes = null)
    {
        Title = title;
        X = x;
        Y = y;
        Series = series;
        Notes = notes ?? [];
    }

    /// <summary>What the graph is, of which stream and direction ("Sequence numbers (Stevens): stream 0, A → B").</summary>
    public string Title { get; }

    /// <summary>A second title line the caller may set: the capture's name.</summary>
    public string? Subtitle { get; init; }

    public GraphAxis X { get; }

    public GraphAxis Y { get; }

    /// <summary>The series, in drawing order.</summary>
    public IReadOnlyList<GraphSeries> Series { get; }

    /// <summary>Short lines on how the values were computed.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The smallest and largest X of all points (0, 0 for an empty graph).</summary>
    public (double Min, double Max) XExtent()
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var series in Series)
        {
            foreach (double x in series.X)
            {
                if (x < min)
                    min = x;
                if (x > max)
                    max = x;
            }
        }
        return min <= max ? (min, max) : (0, 0);
    }

    /// <summary>
    /// The point whose X is nearest <paramref name="x"/> among those between <paramref name="from"/> and <paramref name="to"/>
    /// that name a frame; on a tie the series drawn later wins (a retransmission over the segment it repeats). Null when
    /// no point is in the range.
    /// </summary>
    public GraphPoint? Nearest(double x, double from, double to)
    {
        GraphPoint? best = null;
        double bestDistance = double.PositiveInfinity;
        for (int s = 0; s < Series.Count; s++)
        {
            var series = Series[s];
            var xs = series.X;
            var frames = series.Frames;
            for (int i = 0; i < xs.Length; i++)
            {
                double px = xs[i];
                if (px < from || px > to || frames[i] == 0)
                    continue;
                double distance = Math.Abs(px - x);
                if (distance <= bestDistance)
                {
                    bestDistance = distance;
                    best = new GraphPoint(s, i, frames[i], px, series.Y[i]);
                }
            }
        }
        return best;
    }
}

/// <summary>One point of a graph: which series and index, the frame it names, and its coordinates.</summary>
public readonly record struct GraphPoint(int Series, int Index, uint Frame, double X, double Y);
