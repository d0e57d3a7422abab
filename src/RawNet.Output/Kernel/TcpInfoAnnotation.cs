using System.Globalization;
using System.Net;
using System.Text.Json;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Tcp.Kernel;

namespace RawNet.Output.Kernel;

/// <summary>
/// Shows, on each packet the sender of a sampled connection sent, the TCP_INFO sample nearest it in time: what the
/// sending kernel thought (congestion window, ssthresh, unacknowledged segments, SRTT, RTTVAR, RTO) when it sent.
/// </summary>
public sealed class TcpInfoAnnotation(IReadOnlyList<TcpInfoSeries> series) : IPacketAnnotation
{
    private const string Indent = "    ";

    /// <summary>The series whose sender sent <paramref name="packet"/> and the sample nearest it, or null.</summary>
    public (TcpInfoSeries Series, TcpInfoSample Sample)? For(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        int tcp = packet.IndexOf(LayerKind.Tcp);
        if (tcp < 0)
            return null;
        if (!TcpHeader.TryReadPorts(packet.HeaderOf(packet[tcp], frame), out ushort sourcePort, out ushort destinationPort))
            return null;
        ReadOnlySpan<byte> source;
        int ip = packet.IndexOf(LayerKind.Ipv4);
        if (ip >= 0 && ip < tcp && Ipv4Header.TryRead(packet.HeaderOf(packet[ip], frame), out var v4))
            source = v4.Source;
        else if ((ip = packet.IndexOf(LayerKind.Ipv6)) >= 0 && ip < tcp && Ipv6Header.TryRead(packet.HeaderOf(packet[ip], frame), out var v6))
            source = v6.Source;
        else
            return null;
        foreach (var one in series)
        {
            if (one.Sender.Port != sourcePort || one.Receiver.Port != destinationPort || !SameAddress(one.Sender.Address, source))
                continue;
            int nearest = one.Nearest(packet.Metadata.TimestampNanoseconds);
            return nearest < 0 ? null : (one, one.Samples[nearest]);
        }
        return null;
    }

    private static bool SameAddress(IPAddress address, ReadOnlySpan<byte> bytes)
    {
        Span<byte> mine = stackalloc byte[16];
        return address.TryWriteBytes(mine, out int written) && mine[..written].SequenceEqual(bytes);
    }

    public void WriteTree(DecodedPacket packet, ReadOnlySpan<byte> frame, TextWriter output)
    {
        if (For(packet, frame) is not var (one, s))
            return;
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"Sender's kernel (TCP_INFO of {one.CongestionControl}, the sample {Offset(s, packet)} this packet)\n"));
        output.Write($"{Indent}[State: {s.StateName}, congestion state: {s.CongestionStateName}]\n");
        output.Write($"{Indent}[Congestion window: {s.CongestionWindow} segments ({s.CongestionWindowBytes} bytes), MSS {s.SendMss}]\n");
        output.Write(s.SlowStartThresholdBytes is long ssthresh
            ? $"{Indent}[Slow-start threshold: {s.SlowStartThreshold} segments ({ssthresh} bytes)]\n"
            : $"{Indent}[Slow-start threshold: infinite (no loss yet)]\n");
        output.Write($"{Indent}[Unacknowledged: {s.Unacked} segments ({s.UnackedBytes} bytes), SACKed {s.Sacked}, lost {s.Lost}, retransmitted {s.Retransmitting}; in flight {s.PacketsInFlight}]\n");
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"{Indent}[Smoothed RTT: {s.RttMicroseconds / 1000.0:0.000} ms, RTT variance: {s.RttVarianceMicroseconds / 1000.0:0.000} ms, RTO: {s.RtoMicroseconds / 1000.0:0.###} ms, min RTT: {s.MinRttMicroseconds / 1000.0:0.000} ms]\n"));
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"{Indent}[Delivery rate: {s.DeliveryRate * 8 / 1e6:0.000} Mbit/s, pacing rate: {s.PacingRate * 8 / 1e6:0.000} Mbit/s, retransmissions so far: {s.TotalRetransmissions}]\n"));
    }

    public void WriteJson(DecodedPacket packet, ReadOnlySpan<byte> frame, Utf8JsonWriter json)
    {
        if (For(packet, frame) is not var (one, s))
            return;
        json.WritePropertyName("tcp_info");
        json.WriteStartObject();
        json.WriteNumber("offset_ns", s.TimestampNanoseconds - packet.Metadata.TimestampNanoseconds);
        json.WriteString("congestion_control", one.CongestionControl);
        json.WriteString("state", s.StateName);
        json.WriteString("ca_state", s.CongestionStateName);
        json.WriteNumber("mss", s.SendMss);
        json.WriteNumber("cwnd", s.CongestionWindow);
        json.WriteNumber("cwnd_bytes", s.CongestionWindowBytes);
        if (s.SlowStartThresholdBytes is long ssthresh)
        {
            json.WriteNumber("ssthresh", s.SlowStartThreshold);
            json.WriteNumber("ssthresh_bytes", ssthresh);
        }
        json.WriteNumber("unacked", s.Unacked);
        json.WriteNumber("sacked", s.Sacked);
        json.WriteNumber("lost", s.Lost);
        json.WriteNumber("retrans", s.Retransmitting);
        json.WriteNumber("srtt_us", s.RttMicroseconds);
        json.WriteNumber("rttvar_us", s.RttVarianceMicroseconds);
        json.WriteNumber("rto_us", s.RtoMicroseconds);
        json.WriteNumber("min_rtt_us", s.MinRttMicroseconds);
        json.WriteNumber("delivery_rate", s.DeliveryRate);
        json.WriteNumber("pacing_rate", s.PacingRate);
        json.WriteNumber("total_retrans", s.TotalRetransmissions);
        json.WriteEndObject();
    }

    private static string Offset(in TcpInfoSample sample, DecodedPacket packet)
    {
        long ns = sample.TimestampNanoseconds - packet.Metadata.TimestampNanoseconds;
        return string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(ns) / 1e6:0.000} ms {(ns < 0 ? "before" : "after")}");
    }
}
