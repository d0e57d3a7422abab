using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tcp;

namespace RawNet.Capture.Layers;

/// <summary>The transport facts of one captured frame that tell which socket kind's exchange it belongs to.</summary>
/// <param name="Protocol">TCP or UDP.</param>
/// <param name="SourcePort">The transport source port.</param>
/// <param name="DestinationPort">The transport destination port.</param>
/// <param name="Flags">The TCP flags (none for UDP).</param>
/// <param name="PayloadLength">Bytes after the transport header.</param>
internal readonly record struct FlowInfo(IpProtocol Protocol, int SourcePort, int DestinationPort, TcpFlags Flags, int PayloadLength)
{
    [ThreadStatic]
    private static PacketDecoder? t_decoder;
    [ThreadStatic]
    private static DecodedPacket? t_packet;

    /// <summary>The frame's outermost TCP or UDP header, read through the decoder; null when it has none.</summary>
    public static FlowInfo? Read(byte[] frame)
    {
        var decoder = t_decoder ??= new PacketDecoder();
        var packet = t_packet ??= new DecodedPacket();
        decoder.Decode(frame, new FrameMetadata(0, frame.Length, frame.Length, LinkType.Ethernet), 1, packet);
        for (int i = 1; i < packet.LayerCount; i++)
        {
            ref readonly Layer layer = ref packet[i];
            if (layer.Source != LayerSource.Frame || layer.Quoted || layer.Kind is not (LayerKind.Tcp or LayerKind.Udp) || layer.HeaderLength < 8)
                continue;
            var bytes = frame.AsSpan(layer.Offset, layer.HeaderLength);
            int payload = i + 1 < packet.LayerCount && packet[i + 1].Kind == LayerKind.Payload ? packet[i + 1].HeaderLength : 0;
            if (layer.Kind == LayerKind.Udp)
                return new FlowInfo(IpProtocol.Udp, bytes[0] << 8 | bytes[1], bytes[2] << 8 | bytes[3], TcpFlags.None, payload);
            if (!TcpHeader.TryReadNumbers(bytes, out var tcp))
                continue;
            return new FlowInfo(IpProtocol.Tcp, tcp.SourcePort, tcp.DestinationPort, tcp.Flags, payload);
        }
        return null;
    }
}

/// <summary>One socket kind's exchange: the transport, the port it sent from and the listener's port.</summary>
internal sealed record Flow(IpProtocol Protocol, int SenderPort, int ListenerPort)
{
    /// <summary>True when <paramref name="info"/> belongs to this exchange; <paramref name="origin"/> says which end sent it.</summary>
    public bool Matches(in FlowInfo info, out FrameOrigin origin)
    {
        origin = info.SourcePort == ListenerPort && info.DestinationPort == SenderPort ? FrameOrigin.Listener : FrameOrigin.Sender;
        return info.Protocol == Protocol
            && (info.SourcePort == SenderPort && info.DestinationPort == ListenerPort || origin == FrameOrigin.Listener);
    }

    /// <summary>
    /// Whether <paramref name="frames"/> hold the whole exchange: for TCP the SYN, SYN-ACK, data, a FIN each way and an
    /// ACK from the sender after the listener's FIN; for UDP a datagram carrying data.
    /// </summary>
    public bool IsComplete(IReadOnlyList<(byte[] Frame, FrameMetadata Metadata)> frames)
    {
        bool syn = false, synAck = false, data = false, senderFin = false, lastAck = false;
        int listenerFin = -1;
        for (int i = 0; i < frames.Count; i++)
        {
            if (FlowInfo.Read(frames[i].Frame) is not { } info || !Matches(info, out var origin))
                continue;
            if (Protocol == IpProtocol.Udp)
            {
                if (origin == FrameOrigin.Sender && info.PayloadLength > 0)
                    return true;
                continue;
            }
            bool sender = origin == FrameOrigin.Sender;
            syn |= sender && info.Flags.HasFlag(TcpFlags.Syn) && !info.Flags.HasFlag(TcpFlags.Ack);
            synAck |= !sender && info.Flags.HasFlag(TcpFlags.Syn | TcpFlags.Ack);
            data |= sender && info.PayloadLength > 0;
            senderFin |= sender && info.Flags.HasFlag(TcpFlags.Fin);
            if (!sender && info.Flags.HasFlag(TcpFlags.Fin))
                listenerFin = i;
            lastAck |= sender && listenerFin >= 0 && i > listenerFin && info.Flags.HasFlag(TcpFlags.Ack);
        }
        return syn && synAck && data && senderFin && lastAck;
    }
}
