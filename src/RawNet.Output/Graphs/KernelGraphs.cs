using RawNet.Protocols.Tcp.Kernel;

namespace RawNet.Output.Graphs;

/// <summary>
/// The sending kernel's own view (TCP_INFO samples) drawn next to what the packets show: on the window graph its
/// congestion window and slow-start threshold in bytes; on the time-sequence graphs the cwnd limit, the highest
/// sequence number the window lets it send (snd_una + cwnd); on the round-trip graph its SRTT and RTTVAR. Each kernel
/// point names the last segment of the stream sent at or before it, so the cursor can jump there.
/// </summary>
public static class KernelGraphs
{
    /// <summary>Whether the samples' sender is the sender of <paramref name="direction"/> in the stream.</summary>
    public static bool Sends(TcpInfoSeries kernel, TcpStreamSegments segments, StreamDirection direction)
    {
        var (from, to) = direction == StreamDirection.FromClient ? (segments.Client, segments.Server) : (segments.Server, segments.Client);
        return TcpInfoSeries.EndpointText(kernel.Sender) == from && TcpInfoSeries.EndpointText(kernel.Receiver) == to;
    }

    /// <summary><paramref name="graph"/> with the kernel's series of <paramref name="kind"/> added (the throughput graph has none).</summary>
    public static GraphModel Add(GraphModel graph, TcpGraphKind kind, TcpInfoSeries kernel, TcpStreamSegments segments, StreamDirection direction)
    {
        var samples = kernel.Samples;
        var frames = FramesAt(samples, segments);
        GraphSeries[] added;
        string note;
        switch (kind)
        {
            case TcpGraphKind.WindowScaling:
            {
                var cwnd = new SeriesBuilder("cwnd (kernel: tcpi_snd_cwnd × MSS)", SeriesStyle.Steps, GraphColor.Red, samples.Count);
                var ssthresh = new SeriesBuilder("ssthresh (kernel: tcpi_snd_ssthresh × MSS)", SeriesStyle.Steps, GraphColor.Purple, samples.Count);
                for (int i = 0; i < samples.Count; i++)
                {
                    double t = Seconds(samples[i], segments);
                    cwnd.Add(t, samples[i].CongestionWindowBytes, frames[i]);
                    if (samples[i].SlowStartThresholdBytes is long bytes)
                        ssthresh.Add(t, bytes, frames[i]);
                }
                added = [.. new[] { cwnd, ssthresh }.Where(s => s.Count > 0).Select(s => s.Build())];
                note = "kernel: the sender's TCP_INFO, sampled every millisecond and after each send(): cwnd and ssthresh in bytes (× MSS); ssthresh drawn once a loss has set it";
                break;
            }
            case TcpGraphKind.TimeSequenceStevens or TcpGraphKind.TimeSequenceTcptrace:
            {
                var limit = new SeriesBuilder("cwnd limit (kernel: snd_una + cwnd)", SeriesStyle.Steps, GraphColor.Teal, samples.Count);
                for (int i = 0; i < samples.Count; i++)
                {
                    // tcpi_bytes_acked counts the SYN (and the FIN) as the sequence space does: it is snd_una, relative.
                    limit.Add(Seconds(samples[i], segments), (double)samples[i].BytesAcked + samples[i].CongestionWindowBytes, frames[i]);
                }
                added = [limit.Build()];
                note = "kernel: the highest sequence number the congestion window allows, tcpi_bytes_acked (snd_una, relative) + tcpi_snd_cwnd × MSS; in recovery the sender counts SACKed and lost segments out of flight, so it may send above this line";
                break;
            }
            case TcpGraphKind.RoundTripTime:
            {
                var srtt = new SeriesBuilder("SRTT (kernel)", SeriesStyle.Steps, GraphColor.Teal, samples.Count);
                var rttvar = new SeriesBuilder("RTTVAR (kernel)", SeriesStyle.Steps, GraphColor.Gray, samples.Count);
                for (int i = 0; i < samples.Count; i++)
                {
                    double t = Seconds(samples[i], segments);
                    srtt.Add(t, samples[i].RttMicroseconds / 1e6, frames[i]);
                    rttvar.Add(t, samples[i].RttVarianceMicroseconds / 1e6, frames[i]);
                }
                added = [srtt.Build(), rttvar.Build()];
                note = "kernel: the sender's smoothed RTT and RTT variance (tcpi_rtt, tcpi_rttvar), which Linux computes with RFC 6298's α and β from its own samples";
                break;
            }
            default:
                return graph;
        }
        if (added.Length == 0)
            return graph;
        return new GraphModel(graph.Title, graph.X, graph.Y, [.. graph.Series, .. added], [.. graph.Notes, note]);
    }

    private static double Seconds(in TcpInfoSample sample, TcpStreamSegments segments) => (sample.TimestampNanoseconds - segments.TimeOrigin) / 1e9;

    /// <summary>For each sample, the frame of the stream's last segment at or before it (the first segment's for earlier samples).</summary>
    private static uint[] FramesAt(IReadOnlyList<TcpInfoSample> samples, TcpStreamSegments segments)
    {
        var frames = new uint[samples.Count];
        var all = segments.Segments;
        int at = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            long time = samples[i].TimestampNanoseconds - segments.TimeOrigin;
            while (at + 1 < all.Length && all[at + 1].Time <= time)
                at++;
            frames[i] = all.Length == 0 ? 0 : all[at].Frame;
        }
        return frames;
    }
}
