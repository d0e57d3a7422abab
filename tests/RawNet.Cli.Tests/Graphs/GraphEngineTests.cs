using RawNet.Output.Graphs;
using RawNet.Output.Graphs.Terminal;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Graphs;

/// <summary>The graph engine's own arithmetic: the RFC 6298 estimator, goodput's SACK accounting, the moving average, ticks, braille.</summary>
public sealed class GraphEngineTests
{
    private static string Lossy => Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-lossy-upload.pcap");

    [Fact]
    public void The_estimator_follows_RFC_6298()
    {
        var estimator = new RttEstimator();
        estimator.Add(0.100);
        Assert.Equal(0.100, estimator.EstimatedRtt, 12);
        Assert.Equal(0.050, estimator.DevRtt, 12);
        Assert.Equal(0.300, estimator.TimeoutInterval, 12);
        estimator.Add(0.200);
        // RTTVAR from the old SRTT first: 3/4 · 0.05 + 1/4 · |0.1 − 0.2| = 0.0625; then SRTT = 7/8 · 0.1 + 1/8 · 0.2 = 0.1125.
        Assert.Equal(0.0625, estimator.DevRtt, 12);
        Assert.Equal(0.1125, estimator.EstimatedRtt, 12);
        Assert.Equal(0.1125 + 4 * 0.0625, estimator.TimeoutInterval, 12);
    }

    [Fact]
    public void Sacked_bytes_count_once_when_first_sacked_and_not_again_when_acked()
    {
        var ranges = new SackedRanges();
        // ACK 1000 (1000 new bytes), SACK 2000-3000: 2000 delivered.
        Assert.Equal(2000, ranges.Acknowledge(1000, 1000, [new SackBlock(2000, 3000)]));
        // Same ACK again, SACK 2000-4000: only 3000-4000 is new.
        Assert.Equal(1000, ranges.Acknowledge(1000, 0, [new SackBlock(2000, 4000)]));
        // ACK 4000 covers 3000 bytes, of which 2000 were SACKed: 1000 new (1000-2000).
        Assert.Equal(1000, ranges.Acknowledge(4000, 3000, []));
        Assert.Equal(0, ranges.Count);
        // A SACK below the ACK (a D-SACK) and overlapping, unsorted blocks.
        Assert.Equal(500, ranges.Acknowledge(4000, 0, [new SackBlock(3000, 3500), new SackBlock(5000, 5500)]));
        Assert.Equal(1000, ranges.Acknowledge(4000, 0, [new SackBlock(6000, 6500), new SackBlock(5200, 6200)]));
        // Partly acknowledged range: ACK 5300 newly covers 1300, of which 300 (5000-5300) were SACKed.
        Assert.Equal(1000, ranges.Acknowledge(5300, 1300, []));
    }

    [Fact]
    public void Sacked_ranges_wrap_past_two_to_the_32()
    {
        var ranges = new SackedRanges();
        Assert.Equal(0x180, ranges.Acknowledge(0xFFFFFF00, 0, [new SackBlock(0xFFFFFF80, 0x100)]));
        Assert.Equal(0x80, ranges.Acknowledge(0x100, 0x200, []));
    }

    /// <summary>
    /// Each throughput point at a segment's time is 8 × the bytes of the segments sent no longer than the window before it,
    /// over the window (Wireshark's rule), computed here the slow way; a 10 ms window makes segments leave it.
    /// </summary>
    [Fact]
    public void Throughput_is_the_moving_sum_of_segment_lengths_over_the_window()
    {
        var segments = StreamCapture.Segments(Lossy, 0);
        const long window = 10_000_000;
        Assert.True(TcpGraphs.TryBuild(segments, TcpGraphKind.Throughput, StreamDirection.FromClient, new TcpGraphOptions(window), out var graph, out _));
        var throughput = graph.Series.Single(s => s.Name.StartsWith("throughput", StringComparison.Ordinal));
        var sent = segments.Segments.ToArray().Where(s => s.Direction == StreamDirection.FromClient).ToList();
        int checkedPoints = 0;
        for (int i = 0; i < throughput.Count; i++)
        {
            var at = sent.FirstOrDefault(s => s.Frame == throughput.Frames[i]);
            if (at.Frame == 0 || Math.Abs(at.Seconds - throughput.X[i]) > 1e-12)
                continue;   // a point where a segment left the window
            // The point holds the last segment sent at that instant.
            long bytes = sent.Where(s => s.Time <= at.Time && at.Time - s.Time <= window).Sum(s => (long)s.Length);
            Assert.Equal(bytes * 8 / (window / 1e9), throughput.Y[i], 6);
            checkedPoints++;
        }
        Assert.True(checkedPoints > 50);
        Assert.True(throughput.Count > checkedPoints, "with a 10 ms window some points mark segments leaving it");
    }

    [Fact]
    public void Goodput_adds_up_to_the_data_acknowledged()
    {
        var segments = StreamCapture.Segments(Lossy, 0);
        Assert.True(TcpGraphs.TryBuild(segments, TcpGraphKind.Throughput, StreamDirection.FromClient, new TcpGraphOptions(1_000_000_000_000), out var graph, out _));
        var goodput = graph.Series.Single(s => s.Name.StartsWith("goodput", StringComparison.Ordinal));
        // With a window longer than the capture nothing leaves it: the last point is every delivered byte.
        var acks = segments.Segments.ToArray().Where(s => s.Direction == StreamDirection.FromServer && s.Has(SegmentFacts.HasAck)).ToList();
        double bytes = goodput.Y[^1] * 1000 / 8;
        Assert.Equal(acks[^1].Ack - acks[0].Ack, bytes, 6);
    }

    [Fact]
    public void Ticks_are_one_two_or_five_times_a_power_of_ten_and_units_take_one_prefix()
    {
        Assert.Equal(0.1, AxisScale.NiceStep(0, 0.9, 9), 12);
        Assert.Equal(0.2, AxisScale.NiceStep(0, 0.9, 8), 12);
        Assert.Equal(20_000, AxisScale.NiceStep(0, 150_000, 8), 6);
        Assert.Equal(5, AxisScale.NiceStep(0, 40, 8), 12);
        var kilobytes = AxisScale.For(AxisUnit.Bytes, 150_000);
        Assert.Equal("kB", kilobytes.UnitText);
        Assert.Equal("sequence number (kB)", kilobytes.Label(new GraphAxis("sequence number", AxisUnit.Bytes, false)));
        Assert.Equal("120", kilobytes.Format(120_000, kilobytes.Decimals(20_000)));
        var ms = AxisScale.For(AxisUnit.Seconds, 0.44);
        Assert.Equal("ms", ms.UnitText);
        Assert.Equal("0.5", ms.Format(0.0005, ms.Decimals(0.0005)));
        Assert.Equal("Mbit/s", AxisScale.For(AxisUnit.BitsPerSecond, 2.5e6).UnitText);
        Assert.Equal("µs", AxisScale.For(AxisUnit.Seconds, 35e-6).UnitText);
    }

    [Fact]
    public void Braille_cells_hold_two_by_four_dots()
    {
        var canvas = new BrailleCanvas(2, 1);
        canvas.Set(0, 0, GraphColor.Blue);
        canvas.Set(1, 3, GraphColor.Red);
        canvas.Set(2, 0, GraphColor.Green);
        canvas.Set(9, 9, GraphColor.Green);   // outside: ignored
        Assert.Equal('\u2881', canvas.CharAt(0, 0));
        Assert.Equal(GraphColor.Red, canvas.ColorAt(0, 0));
        Assert.Equal('\u2801', canvas.CharAt(1, 0));
        canvas.Line(-10, 2, 10, 2, GraphColor.Blue);
        Assert.Equal('\u28A5', canvas.CharAt(0, 0));
    }

    /// <summary>What the UI drives: a zoomed range, a cursor column by column, the point's frame for Enter.</summary>
    [Fact]
    public void A_cursor_names_the_frame_of_the_nearest_point_in_the_range_shown()
    {
        var segments = StreamCapture.Segments(Lossy, 0);
        Assert.True(TcpGraphs.TryBuild(segments, TcpGraphKind.TimeSequenceStevens, StreamDirection.FromClient, new TcpGraphOptions(), out var graph, out _));
        var view = new GraphView(From: 0.07, To: 0.08, Cursor: 0.0749);
        var rendered = TerminalGraphRenderer.Render(graph, 80, 24, view);
        Assert.Equal(24, rendered.Lines.Count);
        Assert.All(rendered.Lines, l => Assert.True(l.Text.Length <= 80));
        Assert.Equal(84u, rendered.Cursor!.Value.Frame);   // tshark: frame 84 at 0.074897 s, seq 30568, a retransmission
        Assert.Equal("frame 84 at 0.074897 s: 30568 B (retransmissions)", rendered.CursorText);
        Assert.Contains(rendered.Lines, l => l.Spans.Any(s => s.Color == GraphColor.Cursor && s.Text.Contains("frame 84")));
        // One column right of the cursor, then zoomed in around it: still a point, still in the range.
        int column = rendered.ColumnOf(rendered.Cursor.Value.X);
        var moved = TerminalGraphRenderer.Render(graph, 80, 24, view with { Cursor = rendered.XAt(column + 1) });
        Assert.NotNull(moved.Cursor);
        var zoomed = view.Zoom(rendered.From, rendered.To, rendered.Cursor.Value.X, 0.5);
        var inside = TerminalGraphRenderer.Render(graph, 80, 24, zoomed);
        Assert.InRange(inside.Cursor!.Value.X, inside.From, inside.To);
        Assert.Equal(0.005, inside.To - inside.From, 9);
    }

    [Fact]
    public void A_stream_larger_than_the_bound_keeps_its_first_segments_and_says_so()
    {
        var segments = StreamCapture.Segments(Lossy, 0, maxSegments: 50);
        Assert.Equal(50, segments.Count);
        Assert.Equal(151, segments.Dropped);
        Assert.True(TcpGraphs.TryBuild(segments, TcpGraphKind.TimeSequenceStevens, StreamDirection.FromClient, new TcpGraphOptions(), out var graph, out _));
        Assert.Contains(graph.Notes, n => n.Contains("only the first 50 segments", StringComparison.Ordinal));
    }
}
