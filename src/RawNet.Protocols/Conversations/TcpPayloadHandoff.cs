using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tcp;

namespace RawNet.Protocols.Conversations;

/// <summary>
/// What a TCP segment's payload is handed to once the conversation's analysis knows the segment, as tshark 4.0 decides it
/// with its default preferences (tcp.no_subdissector_on_error and tcp.desegment_tcp_streams on). tshark's TCP first
/// offers the payload to a message a reassembling dissector holds (<c>desegment_tcp</c>), then to the port's dissector
/// (<c>decode_tcp_ports</c>), which calls data for a keep-alive and nothing for a segment flagged a retransmission, a
/// spurious retransmission or out of order. RawNet's decoder reads each segment alone; this corrects its layers after
/// TCP: none for a part of a held message (<see cref="TcpPduPart"/>) or a segment no dissector gets (its bytes stay
/// tcp.payload), and data alone for a keep-alive. A fast retransmission is handed on as any other segment (tshark 4.0's
/// rule does not check its flag). Each segment costs a few comparisons; nothing is allocated.
/// </summary>
public static class TcpPayloadHandoff
{
    /// <summary>The analysis flags that keep a segment's payload from every dissector (unless it is a keep-alive).</summary>
    public const TcpAnalysisFlags NoDissector = TcpAnalysisFlags.Retransmission | TcpAnalysisFlags.SpuriousRetransmission | TcpAnalysisFlags.OutOfOrder;

    /// <summary>What a segment's payload is handed to.</summary>
    public enum Handoff : byte
    {
        /// <summary>The port's dissector, as the decoder read it alone.</summary>
        Ports,
        /// <summary>Data, whatever the ports (a keep-alive).</summary>
        Data,
        /// <summary>No dissector: nothing after TCP.</summary>
        Nothing,
    }

    /// <summary>What the segment with analysis <paramref name="record"/> hands its payload to.</summary>
    public static Handoff Of(in TransportAnalysis record)
    {
        if (record.PduPart is TcpPduPart.Held or TcpPduPart.HeldAfterLine or TcpPduPart.Overlap or TcpPduPart.HeldStart)
            return Handoff.Nothing;
        if (!record.HasTcp)
            return Handoff.Ports;
        var flags = record.Tcp.Flags;
        if ((flags & TcpAnalysisFlags.KeepAlive) != 0)
            return Handoff.Data;
        return (flags & NoDissector) != 0 ? Handoff.Nothing : Handoff.Ports;
    }

    /// <summary>
    /// Corrects the layers after every TCP layer of <paramref name="packet"/> by the analysis it holds: for a packet whose analysis was stored and given back (<see cref="PacketAnalysisCodec"/>)
    /// rather than found by a <see cref="ConversationTracker"/>, which corrects as it goes.
    /// </summary>
    public static void Apply(DecodedPacket packet)
    {
        var analysis = packet.Analysis;
        for (int i = 0; i < analysis.TransportCount; i++)
        {
            int layer = analysis[i].LayerIndex;
            if (layer < packet.LayerCount && packet[layer].Kind == LayerKind.Tcp)
                Apply(packet, layer, in analysis[i]);
        }
    }

    /// <summary>Corrects the layers after the TCP layer at <paramref name="tcpIndex"/> by its analysis <paramref name="record"/>.</summary>
    internal static void Apply(DecodedPacket packet, int tcpIndex, in TransportAnalysis record)
    {
        ref readonly Layer tcp = ref packet[tcpIndex];
        if (tcp.Quoted || tcp.Status != LayerStatus.Complete)
            return;
        var handoff = Of(in record);
        if (handoff == Handoff.Ports)
            return;
        int next = tcpIndex + 1;
        if (handoff == Handoff.Data && next == packet.LayerCount - 1 && packet[next].Kind == LayerKind.Payload)
            return;
        bool heldStart = record.PduPart == TcpPduPart.HeldStart;
        if (handoff == Handoff.Nothing && next == packet.LayerCount && !heldStart)
            return;
        if (heldStart && next == packet.LayerCount - 1 && packet[next].Kind == LayerKind.Tls && packet[next].Extent == 0)
            return;
        int start = tcp.Offset + tcp.HeaderLength;
        int reported = tcp.Extent - tcp.HeaderLength;
        int captured = Math.Clamp(BufferLength(packet, in tcp) - start, 0, Math.Max(0, reported));
        var source = tcp.Source;
        while (packet.LayerCount > next)
        {
            packet.ClearStop(packet[packet.LayerCount - 1].Kind);
            packet.RemoveLast();
        }
        packet.Analysis.DropTransportsAfter(tcpIndex);
        if (handoff == Handoff.Data && reported > 0 && !packet.IsFull)
            packet.Add(LayerKind.Payload, start, captured, reported, source);
        // (TLS is the one protocol that marks a held start: its layer, empty.)
        else if (heldStart && !packet.IsFull)
            packet.Add(LayerKind.Tls, start, 0, 0, source);
    }

    /// <summary>The length of the bytes a layer's offsets refer to (<see cref="DecodedPacket.BufferOf"/>), without the frame at hand.</summary>
    private static int BufferLength(DecodedPacket packet, in Layer layer) => layer.Source == LayerSource.Frame
        ? (packet.FrameStart == 0 ? packet.Metadata.CapturedLength : packet.FrameStart + packet.WiretapFrame.CapturedLength)
        : packet.BufferOf(layer, default).Length;
}
