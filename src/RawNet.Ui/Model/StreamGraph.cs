using RawNet.Output.Graphs;
using RawNet.Output.Graphs.Terminal;

namespace RawNet.Ui.Model;

/// <summary>
/// A TCP stream graph on the UI's graph screen (Wireshark's Statistics → TCP Stream Graphs, the <c>T</c> key): the
/// stream's segments gathered once (<see cref="TcpStreamSegments"/>, from the stored analysis), the kind and direction
/// shown, and what part of it is drawn (<see cref="GraphView"/>: zoom, pan, a cursor naming its packet). The series are
/// rawnet graph's (<see cref="TcpGraphs"/>), so every point is a value tshark reports.
/// </summary>
public sealed class StreamGraph
{
    /// <summary>The kinds, in the order of their keys 1 to 5.</summary>
    public static readonly TcpGraphKind[] Kinds =
    [
        TcpGraphKind.TimeSequenceStevens, TcpGraphKind.TimeSequenceTcptrace, TcpGraphKind.Throughput,
        TcpGraphKind.RoundTripTime, TcpGraphKind.WindowScaling,
    ];

    private readonly TcpStreamSegments _segments;
    private readonly IReadOnlyList<Protocols.Tcp.Kernel.TcpInfoSeries> _kernel;
    private GraphModel? _graph;

    private StreamGraph(TcpStreamSegments segments, IReadOnlyList<Protocols.Tcp.Kernel.TcpInfoSeries> kernel)
    {
        _segments = segments;
        _kernel = kernel;
        Direction = segments.BusierDirection();
    }

    /// <summary>tcp.stream.</summary>
    public uint Stream => _segments.Stream;

    /// <summary>The graph drawn.</summary>
    public TcpGraphKind Kind { get; private set; }

    /// <summary>Whose segments: the side that sent more data at first, as Wireshark.</summary>
    public StreamDirection Direction { get; private set; }

    /// <summary>The graph's series, or null when the stream lacks what the kind needs (<see cref="Problem"/> says what).</summary>
    public GraphModel? Graph => _graph;

    /// <summary>Why there is no graph of this kind, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>What is drawn: the time range (null: all) and the cursor.</summary>
    public GraphView View { get; private set; }

    /// <summary>The graph as last drawn (set when the screen is laid out): its range and columns, and the point under the cursor.</summary>
    public RenderedGraph? Rendered { get; set; }

    /// <summary>
    /// The graph of a stream's <paramref name="segments"/> (gathered in capture order), showing <paramref name="kind"/>
    /// first; <paramref name="kernel"/> are the capture's TCP_INFO series (rawnet lab traffic keeps them), drawn when one
    /// belongs to the graphed direction's sender.
    /// </summary>
    public static StreamGraph Build(TcpStreamSegments segments, TcpGraphKind kind = TcpGraphKind.TimeSequenceStevens,
        IReadOnlyList<Protocols.Tcp.Kernel.TcpInfoSeries>? kernel = null)
    {
        var graph = new StreamGraph(segments, kernel ?? []);
        graph.Show(kind);
        return graph;
    }

    /// <summary>Shows <paramref name="kind"/> over the same time range.</summary>
    public void Show(TcpGraphKind kind)
    {
        Kind = kind;
        var kernel = _kernel.FirstOrDefault(series => KernelGraphs.Sends(series, _segments, Direction));
        Problem = TcpGraphs.TryBuild(_segments, kind, Direction, new TcpGraphOptions(Kernel: kernel), out var graph, out string problem) ? null : problem;
        _graph = Problem is null ? graph : null;
        // Rendered stays until the next drawing: the time axis is the same, so keys typed before it still map to columns.
    }

    /// <summary>The other direction's segments.</summary>
    public void SwitchDirection()
    {
        Direction = Direction == StreamDirection.FromClient ? StreamDirection.FromServer : StreamDirection.FromClient;
        Show(Kind);
    }

    /// <summary>Zooms in (factor below 1) or out around the cursor, or the middle without one.</summary>
    public void Zoom(double factor)
    {
        if (Rendered is not { } drawn)
            return;
        double center = View.Cursor ?? (drawn.From + drawn.To) / 2;
        View = View.Zoom(drawn.From, drawn.To, center, factor);
    }

    /// <summary>Moves the cursor <paramref name="columns"/> plot columns (placing it in the middle first).</summary>
    public void MoveCursor(int columns)
    {
        if (Rendered is not { } drawn)
            return;
        int column = View.Cursor is { } x ? drawn.ColumnOf(x) + columns : drawn.PlotColumns / 2;
        if (column < 0 || column >= drawn.PlotColumns)
        {
            // Past an edge: the range follows the cursor by a quarter of its width.
            View = View.Pan(drawn.From, drawn.To, column < 0 ? -0.25 : 0.25);
            column = Math.Clamp(column, 0, drawn.PlotColumns - 1);
        }
        View = View with { Cursor = drawn.XAt(column) };
    }

    /// <summary>The whole stream again, no cursor.</summary>
    public void Reset() => View = default;

    /// <summary>The frame (0-based) of the point under the cursor, or -1.</summary>
    public int CursorFrame => Rendered?.Cursor is { } point ? (int)point.Frame - 1 : -1;
}
