using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tcp;

namespace RawNet.Protocols.Conversations;

/// <summary>
/// The layers after a TCP layer, as the streams that put messages together across segments (HTTP's
/// <see cref="Http.HttpStreams"/>, and <see cref="PduStreams"/> for DNS and TLS) set them once the stream says what a
/// segment is: the one place for tshark's "a retransmission goes to no dissector" and for replacing what the decoder
/// read from the segment alone.
/// </summary>
internal static class TcpPayloadLayers
{
    /// <summary>tshark hands a segment its analysis calls a (plain) retransmission to no dissector ("Retransmitted TCP segment data").</summary>
    public static bool IsRetransmission(in TransportAnalysis record) => record.HasTcp && (record.Tcp.Flags & TcpAnalysisFlags.Retransmission) != 0;

    /// <summary>Removes every layer after <paramref name="index"/>.</summary>
    public static void RemoveAfter(DecodedPacket packet, int index)
    {
        while (packet.LayerCount > index + 1)
            packet.RemoveLast();
    }

    /// <summary>
    /// Puts one layer of <paramref name="kind"/> after the TCP layer at <paramref name="tcpIndex"/> in place of what followed
    /// it, over <paramref name="captured"/> bytes from <paramref name="start"/> declaring <paramref name="reported"/>; its
    /// index, or -1 when the packet is full or the payload is empty.
    /// </summary>
    public static int Replace(DecodedPacket packet, int tcpIndex, LayerKind kind, int start, int captured, int reported)
    {
        var source = packet[tcpIndex].Source;
        RemoveAfter(packet, tcpIndex);
        if (packet.IsFull || (captured <= 0 && reported <= 0))
            return -1;
        packet.Add(kind, start, captured, reported, source);
        return packet.LayerCount - 1;
    }
}
