using RawNet.Protocols.Tcp;
using RawNet.Protocols.Tcp.Kernel;

namespace RawNet.Output.Graphs;

/// <summary>The five TCP stream graphs Wireshark draws (Statistics → TCP Stream Graphs).</summary>
public enum TcpGraphKind : byte
{
    /// <summary>Sequence number against time, one mark a segment (Stevens).</summary>
    TimeSequenceStevens,
    /// <summary>Segments as bars from seq to seq + len, with the ACK line, the receive window line and SACK blocks (tcptrace).</summary>
    TimeSequenceTcptrace,
    /// <summary>Throughput and goodput, moving averages over a time window.</summary>
    Throughput,
    /// <summary>Round-trip time of each acknowledged segment (tcp.analysis.ack_rtt) with the RFC 6298 estimator over it.</summary>
    RoundTripTime,
    /// <summary>Bytes in flight against the receiver's advertised (scaled) window.</summary>
    WindowScaling,
}

/// <summary>Settings of the stream graphs.</summary>
/// <param name="AveragingWindow">The throughput graph's moving-average window, nanoseconds (Wireshark's default: one second).</param>
/// <param name="Kernel">
/// The sending kernel's TCP_INFO samples (rawnet lab traffic keeps them) to draw next to the packets when their sender
/// is the graphed direction's: cwnd and ssthresh on the window graph, the cwnd limit on the time-sequence graphs, SRTT and
/// RTTVAR on the round-trip graph. Null: the packets alone.
/// </param>
public readonly record struct TcpGraphOptions(long AveragingWindow = TcpGraphOptions.DefaultAveragingWindow, TcpInfoSeries? Kernel = null)
{
    /// <summary>One second.</summary>
    public const long DefaultAveragingWindow = 1_000_000_000;
}

/// <summary>
/// The series of Wireshark's TCP stream graphs, computed from one stream's segments (<see cref="TcpStreamSegments"/>) for
/// the segments sent in one direction; the values are tshark's own (tcp.seq, tcp.ack, the scaled tcp.window_size,
/// tcp.analysis.ack_rtt and bytes_in_flight), the rules Wireshark's (ui/qt/tcp_stream_dialog.cpp, read for its
/// definitions, written anew). Time is frame.time_relative in seconds. Pure: no I/O, nothing kept between calls.
/// </summary>
public static class TcpGraphs
{
    /// <summary>
    /// The graph of <paramref name="kind"/> for the segments <paramref name="segments"/> sends in
    /// <paramref name="direction"/>; false with a one-line <paramref name="problem"/> (to follow "stream N ") when the
    /// stream lacks what the graph shows: data in that direction, round-trip times, bytes in flight.
    /// </summary>
    public static bool TryBuild(TcpStreamSegments segments, TcpGraphKind kind, StreamDirection direction, TcpGraphOptions options,
        out GraphModel graph, out string problem)
    {
        graph = null!;
        problem = "";
        string path = segments.Describe(direction);
        if (segments.Count == 0)
        {
            problem = "has no segments";
            return false;
        }
        if (kind is TcpGraphKind.TimeSequenceStevens or TcpGraphKind.TimeSequenceTcptrace or TcpGraphKind.Throughput
            && segments.PayloadBytes(direction) == 0)
        {
            var other = direction == StreamDirection.FromClient ? StreamDirection.FromServer : StreamDirection.FromClient;
            problem = segments.PayloadBytes(other) == 0
                ? $"carries no data either way ({segments.Count} segment{(segments.Count == 1 ? "" : "s")} without payload)"
                : $"carries no data from {path.Replace(" → ", " to ")}";
            return false;
        }
        graph = kind switch
        {
            TcpGraphKind.TimeSequenceStevens => Stevens(segments, direction),
            TcpGraphKind.TimeSequenceTcptrace => Tcptrace(segments, direction),
            TcpGraphKind.Throughput => Throughput(segments, direction, Math.Max(1, options.AveragingWindow)),
            TcpGraphKind.RoundTripTime => RoundTripTime(segments, direction),
            _ => Window(segments, direction),
        };
        if (options.Kernel is { } kernel && graph.Series.Count > 0 && KernelGraphs.Sends(kernel, segments, direction))
            graph = KernelGraphs.Add(graph, kind, kernel, segments, direction);
        if (graph.Series.Count == 0 || graph.Series.All(s => s.Count == 0))
        {
            problem = kind == TcpGraphKind.RoundTripTime
                ? $"has no round-trip times for data from {path.Replace(" → ", " to ")} (no ACK of it measured one)"
                : $"has no bytes in flight from {path.Replace(" → ", " to ")} (it carries no data that way)";
            return false;
        }
        if (segments.Dropped > 0)
        {
            graph = new GraphModel(graph.Title, graph.X, graph.Y, graph.Series,
                [.. graph.Notes, $"only the first {segments.Count:N0} segments of the stream are drawn ({segments.Dropped:N0} more not kept)"]);
        }
        return true;
    }

    private static string Title(string what, TcpStreamSegments segments, StreamDirection direction) =>
        $"{what}: stream {segments.Stream}, {segments.Describe(direction)}";

    private static readonly GraphAxis TimeAxis = new("time", AxisUnit.Seconds, IncludesZero: false);

    /// <summary>Each segment's (frame.time_relative, tcp.seq): retransmissions and out-of-order segments in series of their own.</summary>
    private static GraphModel Stevens(TcpStreamSegments segments, StreamDirection direction)
    {
        var counts = Counts.Of(segments, direction);
        var plain = new SeriesBuilder("segments", SeriesStyle.Points, GraphColor.Blue, counts.Sent);
        var outOfOrder = new SeriesBuilder("out of order", SeriesStyle.Points, GraphColor.Orange);
        var retransmissions = new SeriesBuilder("retransmissions", SeriesStyle.Points, GraphColor.Red);
        foreach (ref readonly var segment in segments.Segments)
        {
            if (segment.Direction != direction)
                continue;
            Classify(segment, plain, outOfOrder, retransmissions).Add(segment.Seconds, segment.Seq, segment.Frame);
        }
        return new GraphModel(Title("Sequence numbers (Stevens)", segments, direction), TimeAxis,
            new GraphAxis("sequence number", AxisUnit.Bytes, IncludesZero: false), NonEmpty(plain, outOfOrder, retransmissions),
            ["one mark per segment at (frame.time_relative, tcp.seq); retransmissions (tcp.analysis.retransmission, fast and spurious ones too) in red, out-of-order segments in orange"]);
    }

    /// <summary>
    /// tcptrace's picture: each data segment a bar from seq to seq + len; from the other side's ACKs the ACK line and the
    /// receive window line (ACK + scaled window), both held until the next ACK, and each SACK block as a bar.
    /// </summary>
    private static GraphModel Tcptrace(TcpStreamSegments segments, StreamDirection direction)
    {
        var counts = Counts.Of(segments, direction);
        var plain = new SeriesBuilder("segments", SeriesStyle.Bars, GraphColor.Blue, counts.SentWithData);
        var outOfOrder = new SeriesBuilder("out of order", SeriesStyle.Bars, GraphColor.Orange);
        var retransmissions = new SeriesBuilder("retransmissions", SeriesStyle.Bars, GraphColor.Red);
        var acks = new SeriesBuilder("ACK", SeriesStyle.Steps, GraphColor.Yellow, counts.ReceivedAcks);
        var window = new SeriesBuilder("receive window", SeriesStyle.Steps, GraphColor.Green, counts.ReceivedAcks);
        var sacks = new SeriesBuilder("SACK blocks", SeriesStyle.Bars, GraphColor.Purple);
        foreach (ref readonly var segment in segments.Segments)
        {
            double t = segment.Seconds;
            if (segment.Direction == direction)
            {
                if (segment.Length > 0)
                    Classify(segment, plain, outOfOrder, retransmissions).Add(t, segment.Seq, segment.Frame, (double)segment.Seq + segment.Length);
                continue;
            }
            // SYNs and RSTs need not carry an ACK.
            if ((segment.Flags & TcpFlags.Ack) == 0 || !segment.Has(SegmentFacts.HasAck))
                continue;
            foreach (var block in segments.SacksOf(segment))
                sacks.Add(t, block.Left, segment.Frame, block.Right);
            acks.Add(t, segment.Ack, segment.Frame);
            window.Add(t, (double)segment.Ack + segment.Window, segment.Frame);
        }
        return new GraphModel(Title("Sequence numbers (tcptrace)", segments, direction), TimeAxis,
            new GraphAxis("sequence number", AxisUnit.Bytes, IncludesZero: false), NonEmpty(window, acks, plain, sacks, outOfOrder, retransmissions),
            ["a bar per data segment from tcp.seq to tcp.seq + tcp.len; ACK line: the other side's tcp.ack; receive window: tcp.ack + tcp.window_size (scaled); SACK blocks as bars"]);
    }

    /// <summary>
    /// Wireshark's throughput graph with its one-second (by default) moving average: for each segment sent, the bytes of
    /// the segments sent within the window before it (tcp.len, retransmissions included) times 8 over the window; goodput
    /// the same over the bytes each ACK newly acknowledges, SACKed bytes counted when first SACKed. A point is also drawn
    /// where a segment leaves the window, so the line falls when sending stops.
    /// </summary>
    private static GraphModel Throughput(TcpStreamSegments segments, StreamDirection direction, long window)
    {
        string average = $"{FormatWindow(window)} moving average";
        // A point for each segment, and at most one more where it leaves the window.
        var counts = Counts.Of(segments, direction);
        var throughput = new MovingAverage(new SeriesBuilder($"throughput ({average})", SeriesStyle.Steps, GraphColor.Blue, 2 * counts.Sent), window);
        var goodput = new MovingAverage(new SeriesBuilder($"goodput ({average})", SeriesStyle.Steps, GraphColor.Green, 2 * counts.Received), window);
        var sacked = new SackedRanges();
        // The first ACK from the other side tells where acknowledged data starts.
        bool haveAck = false;
        uint lastAck = 0;
        foreach (ref readonly var segment in segments.Segments)
        {
            if (segment.Direction != direction && (segment.Flags & TcpFlags.Ack) != 0 && segment.Has(SegmentFacts.HasAck))
            {
                lastAck = segment.Ack;
                haveAck = true;
                break;
            }
        }
        foreach (ref readonly var segment in segments.Segments)
        {
            if (segment.Direction == direction)
            {
                throughput.Add(segment.Time, segment.Length, segment.Frame);
                continue;
            }
            long delivered = 0;
            if (haveAck && (segment.Flags & TcpFlags.Ack) != 0 && segment.Has(SegmentFacts.HasAck) && (int)(segment.Ack - lastAck) >= 0)
            {
                long acked = segment.Ack - lastAck;
                lastAck = segment.Ack;
                delivered = sacked.Acknowledge(lastAck, acked, segments.SacksOf(segment));
            }
            goodput.Add(segment.Time, delivered, segment.Frame);
        }
        return new GraphModel($"Throughput ({average}): stream {segments.Stream}, {segments.Describe(direction)}", TimeAxis,
            new GraphAxis("rate", AxisUnit.BitsPerSecond, IncludesZero: true), NonEmpty(throughput.Series, goodput.Series),
            [$"averaging window: {FormatWindow(window)}; throughput: 8 × the tcp.len of the segments sent in the window before each segment / window; goodput: the same over the bytes each ACK newly acknowledges (SACKed bytes when first SACKed)"]);
    }

    /// <summary>
    /// Every tcp.analysis.ack_rtt of the other side's ACKs (the round trip of the segment each acknowledges), at the
    /// ACK's time, with the RFC 6298 estimator run over them in order.
    /// </summary>
    private static GraphModel RoundTripTime(TcpStreamSegments segments, StreamDirection direction)
    {
        int count = Counts.Of(segments, direction).ReceivedRtts;
        var samples = new SeriesBuilder("SampleRTT (tcp.analysis.ack_rtt)", SeriesStyle.Points, GraphColor.Blue, count);
        var estimated = new SeriesBuilder("EstimatedRTT (α = 1/8)", SeriesStyle.Steps, GraphColor.Orange, count);
        var deviation = new SeriesBuilder("DevRTT (β = 1/4)", SeriesStyle.Steps, GraphColor.Green, count);
        var timeout = new SeriesBuilder("TimeoutInterval = EstimatedRTT + 4·DevRTT", SeriesStyle.Steps, GraphColor.Purple, count);
        var estimator = new RttEstimator();
        foreach (ref readonly var segment in segments.Segments)
        {
            if (segment.Direction == direction || !segment.Has(SegmentFacts.HasAckRtt))
                continue;
            double t = segment.Seconds, rtt = segment.AckRtt / 1e9;
            estimator.Add(rtt);
            samples.Add(t, rtt, segment.Frame);
            estimated.Add(t, estimator.EstimatedRtt, segment.Frame);
            deviation.Add(t, estimator.DevRtt, segment.Frame);
            timeout.Add(t, estimator.TimeoutInterval, segment.Frame);
        }
        if (samples.Count == 0)
            return Empty(segments, direction);
        return new GraphModel(Title("Round-trip time", segments, direction), TimeAxis,
            new GraphAxis("round-trip time", AxisUnit.Seconds, IncludesZero: true), [timeout.Build(), deviation.Build(), estimated.Build(), samples.Build()],
            [
                "SampleRTT: each tcp.analysis.ack_rtt of the ACKs for this data, drawn at the ACK; the estimates change at each sample and hold until the next",
                "EstimatedRTT = (1 − α)·EstimatedRTT + α·SampleRTT; DevRTT = (1 − β)·DevRTT + β·|SampleRTT − EstimatedRTT| (RFC 6298: first sample R: EstimatedRTT = R, DevRTT = R/2; DevRTT updated first)",
            ]);
    }

    /// <summary>tcp.analysis.bytes_in_flight of each data segment against the scaled window the receiver advertises.</summary>
    private static GraphModel Window(TcpStreamSegments segments, StreamDirection direction)
    {
        var counts = Counts.Of(segments, direction);
        var inFlight = new SeriesBuilder("bytes in flight (tcp.analysis.bytes_in_flight)", SeriesStyle.Steps, GraphColor.Blue, counts.SentInFlight);
        var window = new SeriesBuilder("receive window (tcp.window_size)", SeriesStyle.Steps, GraphColor.Green, counts.ReceivedWindows);
        foreach (ref readonly var segment in segments.Segments)
        {
            if (segment.Direction == direction)
            {
                if (segment.Has(SegmentFacts.HasBytesInFlight))
                    inFlight.Add(segment.Seconds, segment.BytesInFlight, segment.Frame);
            }
            else if ((segment.Flags & (TcpFlags.Syn | TcpFlags.Rst)) == 0)
            {
                window.Add(segment.Seconds, segment.Window, segment.Frame);
            }
        }
        if (inFlight.Count == 0)
            return Empty(segments, direction);
        return new GraphModel(Title("Window scaling", segments, direction), TimeAxis,
            new GraphAxis("bytes", AxisUnit.Bytes, IncludesZero: true), NonEmpty(window, inFlight),
            ["bytes in flight: sent and not yet acknowledged, at each data segment; receive window: the window the other side advertises (scaled), at each of its segments but SYN and RST"]);
    }

    private static GraphModel Empty(TcpStreamSegments segments, StreamDirection direction) =>
        new(Title("", segments, direction), TimeAxis, TimeAxis, []);

    private static SeriesBuilder Classify(in StreamSegment segment, SeriesBuilder plain, SeriesBuilder outOfOrder, SeriesBuilder retransmissions) =>
        (segment.Analysis & (TcpAnalysisFlags.Retransmission | TcpAnalysisFlags.FastRetransmission | TcpAnalysisFlags.SpuriousRetransmission)) != 0 ? retransmissions
        : (segment.Analysis & TcpAnalysisFlags.OutOfOrder) != 0 ? outOfOrder
        : plain;

    private static GraphSeries[] NonEmpty(params SeriesBuilder[] series) =>
        [.. series.Where(s => s.Count > 0).Select(s => s.Build())];

    /// <summary>"1 s", "100 ms", "250 µs".</summary>
    public static string FormatWindow(long nanoseconds)
    {
        var scale = AxisScale.For(AxisUnit.Seconds, nanoseconds / 1e9);
        double shown = nanoseconds / 1e9 / scale.Divisor;
        return $"{shown.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)} {scale.UnitText}";
    }

    /// <summary>How many points each series will get, so their arrays are allocated once at the right size.</summary>
    private readonly record struct Counts(int Sent, int SentWithData, int SentInFlight, int Received, int ReceivedAcks, int ReceivedRtts, int ReceivedWindows)
    {
        public static Counts Of(TcpStreamSegments segments, StreamDirection direction)
        {
            int sent = 0, withData = 0, inFlight = 0, received = 0, acks = 0, rtts = 0, windows = 0;
            foreach (ref readonly var segment in segments.Segments)
            {
                if (segment.Direction == direction)
                {
                    sent++;
                    withData += segment.Length > 0 ? 1 : 0;
                    inFlight += segment.Has(SegmentFacts.HasBytesInFlight) ? 1 : 0;
                    continue;
                }
                received++;
                acks += (segment.Flags & TcpFlags.Ack) != 0 && segment.Has(SegmentFacts.HasAck) ? 1 : 0;
                rtts += segment.Has(SegmentFacts.HasAckRtt) ? 1 : 0;
                windows += (segment.Flags & (TcpFlags.Syn | TcpFlags.Rst)) == 0 ? 1 : 0;
            }
            return new Counts(sent, withData, inFlight, received, acks, rtts, windows);
        }
    }

    /// <summary>Wireshark's time-window moving average of bytes as bits a second, one point a sample (and one where a sample leaves).</summary>
    private sealed class MovingAverage(SeriesBuilder series, long window)
    {
        private readonly Queue<(long Time, long Bytes, uint Frame)> _inWindow = new();
        private long _sum;
        private long _lastTime = long.MinValue;
        private readonly double _seconds = window / 1e9;

        public SeriesBuilder Series => series;

        public void Add(long time, long bytes, uint frame)
        {
            while (_inWindow.Count > 0 && time - _inWindow.Peek().Time > window)
            {
                var leaving = _inWindow.Dequeue();
                _sum -= leaving.Bytes;
                Point(leaving.Time + window, leaving.Frame);
            }
            _inWindow.Enqueue((time, bytes, frame));
            _sum += bytes;
            // A new point only when time has moved on; otherwise the latest is updated.
            if (series.Count > 0 && time <= _lastTime)
                series.ReplaceLast(_sum * 8 / _seconds, frame);
            else
                Point(time, frame);
        }

        private void Point(long time, uint frame)
        {
            series.Add(time / 1e9, _sum * 8 / _seconds, frame);
            _lastTime = time;
        }
    }
}
