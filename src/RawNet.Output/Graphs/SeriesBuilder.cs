namespace RawNet.Output.Graphs;

/// <summary>
/// Collects one series' points, then hands its arrays to a <see cref="GraphSeries"/> without copying; give the capacity
/// (the count, or a bound) when it is known so a million points are not copied while the arrays grow.
/// </summary>
internal sealed class SeriesBuilder(string name, SeriesStyle style, GraphColor color, int capacity = 16)
{
    private double[] _x = new double[Math.Max(4, capacity)];
    private double[] _y = new double[Math.Max(4, capacity)];
    private double[]? _top = style == SeriesStyle.Bars ? new double[Math.Max(4, capacity)] : null;
    private uint[] _frames = new uint[Math.Max(4, capacity)];

    public int Count { get; private set; }

    public string Name => name;

    public double LastY => _y[Count - 1];

    public double LastX => _x[Count - 1];

    public void Add(double x, double y, uint frame, double top = 0)
    {
        if (Count == _x.Length)
        {
            int size = _x.Length * 2;
            Array.Resize(ref _x, size);
            Array.Resize(ref _y, size);
            Array.Resize(ref _frames, size);
            if (_top is not null)
                Array.Resize(ref _top, size);
        }
        _x[Count] = x;
        _y[Count] = y;
        _frames[Count] = frame;
        if (_top is not null)
            _top[Count] = top;
        Count++;
    }

    /// <summary>Replaces the last point's value.</summary>
    public void ReplaceLast(double y, uint frame)
    {
        _y[Count - 1] = y;
        _frames[Count - 1] = frame;
    }

    public GraphSeries Build() => new(name, style, color, _x, _y, _frames, _top, Count);
}
