using System.Globalization;
using RawNet.Protocols.Tcp.Kernel;

namespace RawNet.Output.Kernel;

/// <summary>One TCP_INFO sample as <c>ss -ti</c> writes a socket's line (its names and units), after the connection.</summary>
public static class TcpInfoText
{
    /// <summary>"198.18.0.1:41547 -> 198.18.0.2:5001 ESTAB cubic ca:Open rto:204 rtt:1.085/0.175 mss:1448 cwnd:54 ssthresh:20 unacked:29 retrans:0/3 delivery_rate:254.6Mbps".</summary>
    public static string SsLine(TcpInfoSeries series, in TcpInfoSample s)
    {
        string ssthresh = s.SlowStartThresholdBytes is null ? "" : $" ssthresh:{s.SlowStartThreshold}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{TcpInfoSeries.EndpointText(series.Sender)} -> {TcpInfoSeries.EndpointText(series.Receiver)} {s.StateName} {series.CongestionControl} ca:{s.CongestionStateName} "
            + $"rto:{s.RtoMicroseconds / 1000.0:0.###} rtt:{s.RttMicroseconds / 1000.0:0.###}/{s.RttVarianceMicroseconds / 1000.0:0.###} mss:{s.SendMss} cwnd:{s.CongestionWindow}{ssthresh} "
            + $"unacked:{s.Unacked} retrans:{s.Retransmitting}/{s.TotalRetransmissions} delivery_rate:{s.DeliveryRate * 8 / 1e6:0.#}Mbps");
    }
}
