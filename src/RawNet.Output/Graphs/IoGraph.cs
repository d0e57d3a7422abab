using RawNet.Output.Filters;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Graphs;

/// <summary>What an I/O graph counts in each interval.</summary>
public enum IoGraphValue : byte
{
    /// <summary>Packets (Wireshark's "Packets").</summary>
    Packets,
    /// <summary>Bytes on the wire, frame.len (Wireshark's "Bytes").</summary>
    Bytes,
    /// <summary>Eight times that (Wireshark's "Bits").</summary>
    Bits,
}

/// <summary>
/// Wireshark's I/O graph: packets (or bytes, or bits) per interval of frame.time_relative, one series per display filter
/// (up to <see cref="MaxSeries"/>; without filters one series of every packet). Fed packets in capture order after the
/// conversation tracker (filters may test tcp.analysis fields). Memory is a counter and a frame number per interval and
/// series, for at most <see cref="MaxIntervals"/> intervals; <see cref="Add"/> says false at the first packet past them.
/// Packets whose time lies before the first packet's (time going backwards) fall in no interval and are counted in
/// <see cref="Early"/>.
/// </summary>
public sealed class IoGraph
{
    /// <summary>Series at most, as in Wireshark's dialog of old.</summary>
    public const int MaxSeries = 5;

    /// <summary>Intervals held at most (262,144: 3 MiB a series).</summary>
    public const int MaxIntervals = 1 << 18;

    private readonly DisplayFilter?[] _filters;
    private readonly string[] _names;
    private long[][] _values;
    private uint[][] _firstFrames;
    private int _intervals;

    /// <summary>An I/O graph of <paramref name="value"/> per <paramref name="interval"/> nanoseconds, one series per filter.</summary>
    public IoGraph(long interval, IoGraphValue value, IReadOnlyList<DisplayFilter> filters)
    {
        if (interval <= 0)
            throw new ArgumentOutOfRangeException(nameof(interval), "the interval must be positive");
        if (filters.Count > MaxSeries)
            throw new ArgumentException($"at most {MaxSeries} series", nameof(filters));
        Interval = interval;
        Value = value;
        _filters = filters.Count == 0 ? [null] : [.. filters];
        _names = filters.Count == 0 ? ["all packets"] : [.. filters.Select(f => f.Text)];
        _values = [.. _filters.Select(_ => new long[64])];
        _firstFrames = [.. _filters.Select(_ => new uint[64])];
    }

    /// <summary>The interval, nanoseconds.</summary>
    public long Interval { get; }

    public IoGraphValue Value { get; }

    /// <summary>True when some series' filter tests conversation analysis fields (the caller must run the tracker).</summary>
    public bool UsesAnalysis => _filters.Any(f => f?.UsesAnalysis == true);

    /// <summary>Packets that came before the first packet's time.</summary>
    public long Early { get; private set; }

    /// <summary>Intervals from the first packet to the last counted one.</summary>
    public int Intervals => _intervals;

    /// <summary>Counts <paramref name="packet"/> (analysed by the tracker, for its frame.time_relative); false when its interval is past <see cref="MaxIntervals"/>.</summary>
    public bool Add(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        long time = packet.Analysis.TimeRelative;
        if (time < 0)
        {
            Early++;
            return true;
        }
        long index = time / Interval;
        if (index >= MaxIntervals)
            return false;
        int at = (int)index;
        if (at >= _intervals)
        {
            if (at >= _values[0].Length)
                Grow(at + 1);
            _intervals = at + 1;
        }
        long amount = Value switch
        {
            IoGraphValue.Packets => 1,
            IoGraphValue.Bytes => packet.WiretapFrame.OriginalLength,
            _ => 8L * packet.WiretapFrame.OriginalLength,
        };
        for (int s = 0; s < _filters.Length; s++)
        {
            if (_filters[s] is { } filter && !filter.Matches(packet, frame))
                continue;
            _values[s][at] += amount;
            if (_firstFrames[s][at] == 0)
                _firstFrames[s][at] = (uint)packet.FrameNumber;
        }
        return true;
    }

    private void Grow(int needed)
    {
        int size = (int)Math.Min(MaxIntervals, Math.Max(needed, _values[0].Length * 2L));
        for (int s = 0; s < _filters.Length; s++)
        {
            Array.Resize(ref _values[s], size);
            Array.Resize(ref _firstFrames[s], size);
        }
    }

    /// <summary>The graph: each series' value per interval, at the interval's start; an interval's point names its first matching frame.</summary>
    public GraphModel Build()
    {
        GraphColor[] colors = [GraphColor.Blue, GraphColor.Red, GraphColor.Green, GraphColor.Orange, GraphColor.Purple];
        string interval = TcpGraphs.FormatWindow(Interval);
        var series = new GraphSeries[_filters.Length];
        for (int s = 0; s < _filters.Length; s++)
        {
            var x = new double[_intervals];
            var y = new double[_intervals];
            for (int i = 0; i < _intervals; i++)
            {
                x[i] = i * (double)Interval / 1e9;
                y[i] = _values[s][i];
            }
            series[s] = new GraphSeries(_names[s], SeriesStyle.Line, colors[s], x, y, _firstFrames[s].AsSpan(0, _intervals).ToArray());
        }
        string what = Value switch { IoGraphValue.Packets => "packets", IoGraphValue.Bytes => "bytes", _ => "bits" };
        var unit = Value switch { IoGraphValue.Packets => AxisUnit.Packets, IoGraphValue.Bytes => AxisUnit.Bytes, _ => AxisUnit.Bits };
        return new GraphModel($"I/O graph: {what} per {interval}", new GraphAxis("time", AxisUnit.Seconds, IncludesZero: true),
            new GraphAxis($"{what} per {interval}", unit, IncludesZero: true), series,
            [$"each point: the {what} of the frames whose frame.time_relative falls in the {interval} from it"]);
    }
}
