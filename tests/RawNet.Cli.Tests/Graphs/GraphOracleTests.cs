using RawNet.Output.Graphs;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Graphs;

/// <summary>
/// tshark is the oracle for every point of the stream graphs: on each bundled and teaching capture with TCP, for every
/// stream and both directions, each time-sequence point is a (frame.time_relative, tcp.seq) pair tshark prints for that
/// frame, each tcptrace bar its tcp.seq to tcp.seq + tcp.len, each ACK and window step its tcp.ack and tcp.ack +
/// tcp.window_size, each SACK bar one of its tcp.options.sack_le/sack_re pairs, each RTT sample a tcp.analysis.ack_rtt,
/// each window point a tcp.analysis.bytes_in_flight or tcp.window_size; and no segment tshark shows is missing.
/// </summary>
public sealed class GraphOracleTests
{
    public static TheoryData<string> Captures() => StreamCapture.WithTcp();

    private const double Nanosecond = 1e-9;

    [Theory]
    [MemberData(nameof(Captures))]
    public void Every_point_is_a_value_tshark_prints(string capture)
    {
        string path = Path.Combine(TestPaths.Captures, capture);
        var oracle = TsharkSegment.Read(path);
        var problems = new List<string>();
        foreach (uint stream in oracle.Select(r => r.Stream).Distinct())
        {
            var segments = StreamCapture.Segments(path, stream);
            var rows = oracle.Where(r => r.Stream == stream).ToList();
            string client = rows[0].Source;
            Assert.Equal(rows.Count, segments.Count);
            foreach (var direction in new[] { StreamDirection.FromClient, StreamDirection.FromServer })
            {
                var sent = rows.Where(r => (r.Source == client) == (direction == StreamDirection.FromClient)).ToList();
                var received = rows.Where(r => (r.Source == client) != (direction == StreamDirection.FromClient)).ToList();
                string where = $"{capture} stream {stream} {direction}";
                CheckStevens(segments, direction, sent, where, problems);
                CheckTcptrace(segments, direction, sent, received, where, problems);
                CheckRoundTripTime(segments, direction, received, where, problems);
                CheckWindow(segments, direction, sent, received, where, problems);
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    private static void CheckStevens(TcpStreamSegments segments, StreamDirection direction, List<TsharkSegment> sent, string where, List<string> problems)
    {
        if (!Build(segments, TcpGraphKind.TimeSequenceStevens, direction, sent.Any(r => r.Length > 0), where, problems, out var graph))
            return;
        var points = Points(graph, s => true);
        ExpectSame(points, sent.Select(r => (r.Frame, r.Time, (double)r.Seq, (double?)null)), where + " tseq", problems);
    }

    private static void CheckTcptrace(TcpStreamSegments segments, StreamDirection direction, List<TsharkSegment> sent, List<TsharkSegment> received,
        string where, List<string> problems)
    {
        if (!Build(segments, TcpGraphKind.TimeSequenceTcptrace, direction, sent.Any(r => r.Length > 0), where, problems, out var graph))
            return;
        var acks = received.Where(r => r.Ack_).ToList();
        ExpectSame(Points(graph, s => s.Name is "segments" or "retransmissions" or "out of order"),
            sent.Where(r => r.Length > 0).Select(r => (r.Frame, r.Time, (double)r.Seq, (double?)((double)r.Seq + r.Length))), where + " tcptrace segments", problems);
        ExpectSame(Points(graph, s => s.Name == "ACK"), acks.Select(r => (r.Frame, r.Time, (double)r.Ack, (double?)null)), where + " tcptrace ACK", problems);
        ExpectSame(Points(graph, s => s.Name == "receive window"), acks.Select(r => (r.Frame, r.Time, (double)r.Ack + r.Window, (double?)null)),
            where + " tcptrace window", problems);
        var sacks = acks.SelectMany(r => r.SackLeft.Take(TcpStreamSegments.MaxSackBlocksPerSegment).Select((left, i) => (r.Frame, r.Time, (double)left, (double?)r.SackRight[i])));
        ExpectSame(Points(graph, s => s.Name == "SACK blocks"), sacks, where + " tcptrace SACK", problems);
    }

    private static void CheckRoundTripTime(TcpStreamSegments segments, StreamDirection direction, List<TsharkSegment> received, string where, List<string> problems)
    {
        var samples = received.Where(r => r.AckRtt is not null).ToList();
        if (!Build(segments, TcpGraphKind.RoundTripTime, direction, samples.Count > 0, where, problems, out var graph))
            return;
        ExpectSame(Points(graph, s => s.Name.StartsWith("SampleRTT", StringComparison.Ordinal)),
            samples.Select(r => (r.Frame, r.Time, r.AckRtt!.Value, (double?)null)), where + " rtt", problems);
    }

    private static void CheckWindow(TcpStreamSegments segments, StreamDirection direction, List<TsharkSegment> sent, List<TsharkSegment> received,
        string where, List<string> problems)
    {
        var inFlight = sent.Where(r => r.BytesInFlight is not null).ToList();
        if (!Build(segments, TcpGraphKind.WindowScaling, direction, inFlight.Count > 0, where, problems, out var graph))
            return;
        ExpectSame(Points(graph, s => s.Name.StartsWith("bytes in flight", StringComparison.Ordinal)),
            inFlight.Select(r => (r.Frame, r.Time, (double)r.BytesInFlight!.Value, (double?)null)), where + " bytes in flight", problems);
        ExpectSame(Points(graph, s => s.Name.StartsWith("receive window", StringComparison.Ordinal)),
            received.Where(r => !r.SynOrRst).Select(r => (r.Frame, r.Time, (double)r.Window, (double?)null)), where + " receive window", problems);
    }

    /// <summary>Builds the graph; says whether it has something to check, and records a problem when RawNet and tshark disagree on that.</summary>
    private static bool Build(TcpStreamSegments segments, TcpGraphKind kind, StreamDirection direction, bool tsharkHasData, string where,
        List<string> problems, out GraphModel graph)
    {
        bool built = TcpGraphs.TryBuild(segments, kind, direction, new TcpGraphOptions(), out graph, out string problem);
        if (built != tsharkHasData)
            problems.Add($"{where} {kind}: built {built} ({problem}) but tshark has data: {tsharkHasData}");
        return built && tsharkHasData;
    }

    private static List<(uint Frame, double X, double Y, double? Top)> Points(GraphModel graph, Func<GraphSeries, bool> which) =>
        [.. graph.Series.Where(which).SelectMany(s => Enumerable.Range(0, s.Count).Select(i => (s.Frames[i], s.X[i], s.Y[i], s.HasTop ? s.Top[i] : (double?)null)))];

    private static void ExpectSame(List<(uint Frame, double X, double Y, double? Top)> actual, IEnumerable<(uint Frame, double Time, double Y, double? Top)> expected,
        string where, List<string> problems)
    {
        var want = expected.OrderBy(p => p.Frame).ThenBy(p => p.Y).ToList();
        var got = actual.OrderBy(p => p.Frame).ThenBy(p => p.Y).ToList();
        if (want.Count != got.Count)
        {
            problems.Add($"{where}: {got.Count} points, tshark {want.Count}: frames {string.Join(",", got.Select(p => p.Frame).Take(12))} / {string.Join(",", want.Select(p => p.Frame).Take(12))}");
            return;
        }
        for (int i = 0; i < want.Count; i++)
        {
            var (frame, time, y, top) = want[i];
            var point = got[i];
            bool same = point.Frame == frame && Math.Abs(point.X - time) < Nanosecond && Math.Abs(point.Y - y) <= Math.Abs(y) * 1e-12
                && (top is null || Math.Abs(point.Top!.Value - top.Value) < 1e-6);
            if (!same)
                problems.Add($"{where}: point ({point.Frame}, {point.X:F9}, {point.Y}, {point.Top}) but tshark ({frame}, {time:F9}, {y}, {top})");
        }
    }
}
