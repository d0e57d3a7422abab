using System.Globalization;
using RawNet.Protocols.Tcp.Kernel;

namespace RawNet.Output.Statistics;

/// <summary>
/// <c>rawnet stats --tcp-info</c>: each sender's TCP_INFO series as a table, one row per sample, times relative to the
/// capture's first packet (as frame.time_relative), the quantities <c>ss -ti</c> shows.
/// </summary>
public static class TcpInfoTable
{
    /// <summary>Writes every series in <paramref name="series"/>; <paramref name="firstPacketNanoseconds"/> is time zero.</summary>
    public static void Print(IReadOnlyList<TcpInfoSeries> series, long firstPacketNanoseconds, TextWriter writer)
    {
        foreach (var one in series)
        {
            writer.Write($"TCP_INFO of the sender {TcpInfoSeries.EndpointText(one.Sender)} -> {TcpInfoSeries.EndpointText(one.Receiver)}, congestion control {one.CongestionControl}, {one.Samples.Count} samples\n");
            writer.Write($"{"time",10} {"state",-10} {"ca_state",-8} {"mss",5} {"cwnd",5} {"cwnd_bytes",10} {"ssthresh",8} {"unacked",7} {"sacked",6} {"lost",4} {"retrans",7} {"in_flight",9} {"srtt_ms",8} {"rttvar_ms",9} {"rto_ms",7} {"delivery_mbit",13} {"total_retrans",13} {"notsent",8} {"snd_wnd",8}\n");
            foreach (var s in one.Samples)
            {
                var time = (s.TimestampNanoseconds - firstPacketNanoseconds) / 1e9;
                var ssthresh = s.SlowStartThreshold >= TcpInfoSample.InfiniteSlowStartThreshold ? "-" : s.SlowStartThreshold.ToString(CultureInfo.InvariantCulture);
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{time,10:0.000000} {s.StateName,-10} {s.CongestionStateName,-8} {s.SendMss,5} {s.CongestionWindow,5} {s.CongestionWindowBytes,10} {ssthresh,8} {s.Unacked,7} {s.Sacked,6} {s.Lost,4} {s.Retransmitting,7} {s.PacketsInFlight,9} {s.RttMicroseconds / 1000.0,8:0.000} {s.RttVarianceMicroseconds / 1000.0,9:0.000} {s.RtoMicroseconds / 1000.0,7:0.0} {s.DeliveryRate * 8 / 1e6,13:0.000} {s.TotalRetransmissions,13} {s.NotSentBytes,8} {s.SendWindow,8}\n"));
            }
        }
    }
}
