using System.Globalization;
using RawNet.Output.Filters;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Statistics;

/// <summary>
/// tshark 4.0's <c>-z io,stat,INTERVAL[,FILTER...]</c>: frames and bytes (on the wire) per interval of capture time, one
/// column per display filter (a column without one counts every frame). Intervals are measured from the capture's first
/// frame in microseconds, as tshark rounds them; a frame whose time goes back is counted in the latest interval reached,
/// as tshark does. Only intervals that saw a frame are stored, so memory follows the frames, not the intervals; a capture
/// spanning more than <see cref="MaxIntervals"/> intervals is refused when printed.
/// </summary>
public sealed class IntervalTally
{
    /// <summary>The most interval rows one table prints.</summary>
    public const long MaxIntervals = 1 << 24;

    /// <summary>The interval meaning "the whole capture" (an interval of 0), in microseconds.</summary>
    public const ulong WholeCapture = ulong.MaxValue;

    private readonly Column[] _columns;
    private long _elapsed;
    private ulong _lastMicroseconds;

    private IntervalTally(ulong interval, int precision, Column[] columns)
    {
        Interval = interval;
        Precision = precision;
        _columns = columns;
    }

    /// <summary>The interval asked for, in microseconds (<see cref="WholeCapture"/> for 0).</summary>
    public ulong Interval { get; }

    /// <summary>Decimals tshark shows the times with, from how the interval was written.</summary>
    public int Precision { get; }

    /// <summary>The capture's duration: the latest frame time since the first frame (ns).</summary>
    public long Elapsed => _elapsed;

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<Column> Columns => _columns;

    /// <summary>One column: its filter (as written; null counts every frame) and its counts per interval.</summary>
    public sealed class Column(string? text, DisplayFilter? filter)
    {
        private long[] _indexes = new long[16];
        private uint[] _frames = new uint[16];
        private ulong[] _bytes = new ulong[16];
        private int _count;

        /// <summary>The filter as written, or null for every frame.</summary>
        public string? Text { get; } = text;

        /// <summary>The parsed filter, or null.</summary>
        public DisplayFilter? Filter { get; } = filter;

        /// <summary>The most frames and bytes in one interval (for the column widths).</summary>
        public uint MaxFrames { get; private set; }
        public ulong MaxBytes { get; private set; }

        /// <summary>Frames and bytes of interval <paramref name="index"/>.</summary>
        public (uint Frames, ulong Bytes) At(long index)
        {
            int at = Array.BinarySearch(_indexes, 0, _count, index);
            return at >= 0 ? (_frames[at], _bytes[at]) : (0, 0);
        }

        internal long Current => _count == 0 ? 0 : _indexes[_count - 1];

        internal void Add(long index, int length)
        {
            if (_count == 0 || _indexes[_count - 1] != index)
            {
                if (_count == _indexes.Length)
                {
                    Array.Resize(ref _indexes, _count * 2);
                    Array.Resize(ref _frames, _count * 2);
                    Array.Resize(ref _bytes, _count * 2);
                }
                _indexes[_count] = index;
                _frames[_count] = 0;
                _bytes[_count] = 0;
                _count++;
            }
            uint frames = ++_frames[_count - 1];
            ulong bytes = _bytes[_count - 1] += (ulong)length;
            MaxFrames = Math.Max(MaxFrames, frames);
            MaxBytes = Math.Max(MaxBytes, bytes);
        }
    }

    /// <summary>
    /// Reads "INTERVAL[,FILTER...]" as tshark's io,stat does: the interval in seconds (0: the whole capture), then display
    /// filters separated by commas (an empty one counts every frame; a comma inside a filter stays when the pieces only
    /// make sense together). On failure <paramref name="error"/> says why in one line.
    /// </summary>
    public static bool TryParse(string argument, out IntervalTally? tally, out string? error)
    {
        tally = null;
        error = null;
        if (argument.Length == 0 || argument[^1] == ',')
        {
            error = "give INTERVAL[,FILTER...], without a comma at the end";
            return false;
        }
        int comma = argument.IndexOf(',');
        string intervalText = comma < 0 ? argument : argument[..comma];
        if (!double.TryParse(intervalText, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || seconds < 0
            || double.IsInfinity(seconds))
        {
            error = $"\"{intervalText}\" is not an interval in seconds";
            return false;
        }
        ulong interval;
        int precision = 0;
        if (seconds == 0)
            interval = WholeCapture;
        else
        {
            double micro = seconds * 1_000_000.0 + 0.5;
            if (micro >= ulong.MaxValue)
            {
                error = $"\"{intervalText}\" is not an interval in seconds";
                return false;
            }
            interval = (ulong)micro;
            if (interval < 1)
            {
                error = "the interval must be at least 0.000001 seconds, or 0 for the whole capture";
                return false;
            }
            // Decimals: as many as the interval has significant microsecond digits, or as many as written after the point.
            precision = 6;
            for (ulong unit = 10; unit < 10_000_000; unit *= 10)
            {
                if (interval % unit > 0)
                    break;
                precision--;
            }
            int point = intervalText.IndexOf('.');
            if (precision == 0 && point >= 0 && intervalText.Length - point - 1 > 0)
                precision = Math.Min(intervalText.Length - point - 1, 6);
        }

        var columns = new List<Column>();
        if (comma < 0)
            columns.Add(new Column(null, null));
        else
        {
            string[] pieces = argument[(comma + 1)..].Split(',');
            for (int i = 0; i < pieces.Length; i++)
            {
                string text = pieces[i].Trim();
                if (text.Length == 0)
                {
                    columns.Add(new Column(null, null));
                    continue;
                }
                if (CalculatedColumn(text) is string function)
                {
                    error = $"calculated columns such as {function}() are not supported; give display filters";
                    return false;
                }
                DisplayFilter? filter;
                FilterError? problem;
                // A filter may hold commas ({80,443}, functions): join the following pieces until it parses.
                int last = i;
                string joined = pieces[i];
                while (!DisplayFilter.TryParse(joined.Trim(), out filter, out problem) && last + 1 < pieces.Length)
                    joined += "," + pieces[++last];
                if (filter is null)
                {
                    DisplayFilter.TryParse(text, out _, out problem);
                    error = $"{text}: {problem!.Message}";
                    return false;
                }
                columns.Add(new Column(joined.Trim(), filter));
                i = last;
            }
        }
        tally = new IntervalTally(interval, precision, [.. columns]);
        return true;
    }

    /// <summary>tshark reads a filter starting with one of its calculations (COUNT(...)) as that calculation.</summary>
    private static string? CalculatedColumn(string text)
    {
        foreach (var name in (string[])["FRAMES", "BYTES", "COUNT", "SUM", "MIN", "MAX", "AVG", "LOAD"])
        {
            if (text.StartsWith(name, StringComparison.Ordinal))
                return name;
        }
        return null;
    }

    /// <summary>True when a column filters on the conversation analysis (the tracker must run).</summary>
    public bool UsesAnalysis => _columns.Any(c => c.Filter?.UsesAnalysis == true);

    /// <summary>Counts one analysed packet (its time since the first frame comes from the conversation tracker).</summary>
    public void Add(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        long relative = packet.Analysis.TimeRelative;
        if (relative > _elapsed)
            _elapsed = relative;
        ulong micro;
        if (relative >= 0)
        {
            micro = (ulong)(relative / 1_000_000_000) * 1_000_000 + (ulong)((relative % 1_000_000_000 + 500) / 1000);
            _lastMicroseconds = micro;
        }
        else
            micro = _lastMicroseconds;
        int length = packet.WiretapFrame.OriginalLength;
        foreach (var column in _columns)
        {
            if (column.Filter is not null && !column.Filter.Matches(packet, frame))
                continue;
            long index = Interval == WholeCapture ? 0 : (long)(micro / Interval);
            // tshark only ever moves forward through its intervals: a frame from the past joins the latest one.
            column.Add(Math.Max(index, column.Current), length);
        }
    }
}
