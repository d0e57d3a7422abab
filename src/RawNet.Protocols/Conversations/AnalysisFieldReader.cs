using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Tcp;

namespace RawNet.Protocols.Conversations;

/// <summary>
/// Reads the fields whose values the <see cref="ConversationTracker"/> computed (<see cref="ComputedField.Analysis"/>) out
/// of <see cref="DecodedPacket.Analysis"/>. A value the tracker did not record is absent, as tshark leaves it out.
/// </summary>
public static class AnalysisFieldReader
{
    /// <summary>Reads <paramref name="field"/> for the layer at <paramref name="layerIndex"/>; each of these fields occurs at most once a layer.</summary>
    public static bool TryRead(FieldDefinition field, DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame, int occurrence, out FieldValue value)
    {
        value = default;
        if (field.Analysis == AnalysisValue.Expert)
            return Expert.ExpertFields.TryRead(field, packet.Analysis, occurrence, out value);
        if (field.Analysis is AnalysisValue.TcpSackLeftEdge or AnalysisValue.TcpSackRightEdge)
            return TryReadSackEdge(field.Analysis == AnalysisValue.TcpSackRightEdge, packet, layerIndex, frame, occurrence, out value);
        if (field.Analysis is AnalysisValue.TcpDsackLeftEdge or AnalysisValue.TcpDsackRightEdge)
            return occurrence == 0 && HasDsack(packet.Analysis)
                && TryReadSackEdge(field.Analysis == AnalysisValue.TcpDsackRightEdge, packet, layerIndex, frame, 0, out value);
        if (TcpReassemblyFields.Serves(field.Analysis))
            return TcpReassemblyFields.TryRead(field, packet, layerIndex, frame, occurrence, out value);
        if (field.Analysis == AnalysisValue.TcpConnection)
            return occurrence == 0 && (ConnectionEvents(packet, layerIndex, frame) & (TcpConnectionEvents)field.Mask) != 0 && Number(1, out value);
        // tshark adds tcp.analysis.duplicate_ack twice to a duplicate ACK (the flag's line and the expert item), so
        // -T fields prints "1,1"; every other analysis field occurs once.
        int occurrences = field.Analysis == AnalysisValue.TcpAnalysisFlag && field.Mask == (ulong)TcpAnalysisFlags.DuplicateAck ? 2 : 1;
        if (occurrence >= occurrences)
            return false;
        var analysis = packet.Analysis;
        switch (field.Analysis)
        {
            case AnalysisValue.FrameTimeRelative:
                return analysis.HasFrameTimes && Number(analysis.TimeRelative, out value);
            case AnalysisValue.FrameTimeDelta:
                return analysis.HasFrameTimes && Number(analysis.TimeDelta, out value);
            case AnalysisValue.FrameTimeDeltaDisplayed:
                return analysis.HasFrameTimes && Number(analysis.TimeDeltaDisplayed, out value);
            case AnalysisValue.IcmpResponseTo:
                return analysis.EchoRequestFrame != 0 && !packet[layerIndex].Quoted && Number(analysis.EchoRequestFrame, out value);
            case AnalysisValue.IcmpResponseTime:
                return analysis.EchoRequestFrame != 0 && !packet[layerIndex].Quoted && Number(analysis.EchoResponseTime, out value);
        }
        int index = analysis.IndexOf(layerIndex);
        if (index < 0)
            return TryReadUntracked(field, packet, layerIndex, frame, out value);
        ref readonly var transport = ref analysis[index];
        ref readonly var tcp = ref transport.Tcp;
        return field.Analysis switch
        {
            AnalysisValue.Stream => transport.HasStream && Number(transport.Stream, out value),
            AnalysisValue.TcpCompleteness => transport.HasStream && transport.HasTcp && Number(tcp.Completeness, out value),
            AnalysisValue.TimeRelative => transport.HasTimes && Number(transport.TimeRelative, out value),
            AnalysisValue.TimeDelta => transport.HasTimes && Number(transport.TimeDelta, out value),
            AnalysisValue.TcpSeq => transport.HasTcp && Number(tcp.Seq, out value),
            AnalysisValue.TcpNextSeq => transport.HasTcp && tcp.HasNextSeq && Number(tcp.NextSeq, out value),
            AnalysisValue.TcpAck => transport.HasTcp && tcp.HasAck && Number(tcp.Ack, out value),
            AnalysisValue.TcpWindowSize => transport.HasTcp && tcp.HasWindowSize && Number(tcp.WindowSize, out value),
            AnalysisValue.TcpWindowScaleFactor => transport.HasTcp && tcp.HasScaleFactor && Number(tcp.ScaleFactor, out value),
            AnalysisValue.TcpAnalysis => Has(transport, TcpAnalysisItems.Analysis) && Number(1, out value),
            AnalysisValue.TcpAnalysisFlags => Has(transport, TcpAnalysisItems.Analysis) && tcp.Flags != 0 && Number(1, out value),
            AnalysisValue.TcpAnalysisFlag => Has(transport, TcpAnalysisItems.Analysis) && ((ulong)tcp.Flags & field.Mask) != 0 && Number(1, out value),
            AnalysisValue.TcpAcksFrame => Has(transport, TcpAnalysisItems.AcksFrame) && Number(tcp.AcksFrame, out value),
            AnalysisValue.TcpAckRtt => Has(transport, TcpAnalysisItems.AckRtt) && Number(tcp.AckRtt, out value),
            AnalysisValue.TcpInitialRtt => Has(transport, TcpAnalysisItems.InitialRtt) && Number(tcp.InitialRtt, out value),
            AnalysisValue.TcpBytesInFlight => Has(transport, TcpAnalysisItems.BytesInFlight) && Number(tcp.BytesInFlight, out value),
            AnalysisValue.TcpPushBytesSent => Has(transport, TcpAnalysisItems.PushBytesSent) && Number(tcp.PushBytesSent, out value),
            AnalysisValue.TcpDuplicateAckNumber => Has(transport, TcpAnalysisItems.DuplicateAck) && Number(tcp.DuplicateAckNumber, out value),
            AnalysisValue.TcpDuplicateAckFrame => Has(transport, TcpAnalysisItems.DuplicateAck) && Number(tcp.DuplicateAckFrame, out value),
            AnalysisValue.TcpRto => Has(transport, TcpAnalysisItems.Rto) && Number(tcp.Rto, out value),
            AnalysisValue.TcpRtoFrame => Has(transport, TcpAnalysisItems.Rto) && Number(tcp.RtoFrame, out value),
            _ => false,
        };
    }

    /// <summary>
    /// A TCP layer no tracker analysed (a header too short for tshark to look up its conversation, the 8 bytes an ICMP
    /// error quotes, or a packet decoded on its own): tcp.seq, tcp.ack and tcp.window_size show the header's own
    /// values, as tshark shows them without the analysis.
    /// </summary>
    private static bool TryReadUntracked(FieldDefinition field, DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame, out FieldValue value)
    {
        value = default;
        ref readonly var layer = ref packet[layerIndex];
        if (layer.Kind != LayerKind.Tcp)
            return false;
        var header = packet.HeaderOf(layer, frame);
        bool whole = header.Length >= TcpHeader.MinLength && header[TcpHeader.Field.DataOffsetAndFlags] >> 4 >= 5;
        switch (field.Analysis)
        {
            case AnalysisValue.TcpSeq when header.Length >= TcpHeader.Field.AcknowledgmentNumber:
                value = new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(header[TcpHeader.Field.SequenceNumber..]), layer.Offset + TcpHeader.Field.SequenceNumber, 4);
                return true;
            case AnalysisValue.TcpAck when whole:
                value = new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(header[TcpHeader.Field.AcknowledgmentNumber..]), layer.Offset + TcpHeader.Field.AcknowledgmentNumber, 4);
                return true;
            case AnalysisValue.TcpWindowSize when whole:
                value = new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(header[TcpHeader.Field.Window..]), layer.Offset + TcpHeader.Field.Window, 2);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The connection expert items tshark adds to a segment, quoted or not: once it has read the header up to the window
    /// and found its length valid, SYN or SYN-ACK, FIN (with who closes first, from the analysis), RST.
    /// </summary>
    private static TcpConnectionEvents ConnectionEvents(DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame)
    {
        ref readonly var layer = ref packet[layerIndex];
        if (layer.Kind != LayerKind.Tcp)
            return TcpConnectionEvents.None;
        var header = packet.HeaderOf(layer, frame);
        if (header.Length < TcpHeader.Field.Window + 2 || !TcpHeader.HasValidDataOffset(header))
            return TcpConnectionEvents.None;
        var flags = (TcpFlags)BinaryPrimitives.ReadUInt16BigEndian(header[TcpHeader.Field.DataOffsetAndFlags..]);
        var events = TcpConnectionEvents.None;
        if ((flags & TcpFlags.Syn) != 0)
            events |= (flags & TcpFlags.Ack) != 0 ? TcpConnectionEvents.SynAck : TcpConnectionEvents.Syn;
        if ((flags & TcpFlags.Fin) != 0)
        {
            events |= TcpConnectionEvents.Fin;
            int index = packet.Analysis.IndexOf(layerIndex);
            var items = index >= 0 && packet.Analysis[index].HasTcp ? packet.Analysis[index].Tcp.Items : TcpAnalysisItems.None;
            if ((items & TcpAnalysisItems.ClosingActive) != 0)
                events |= TcpConnectionEvents.FinActive;
            else if ((items & TcpAnalysisItems.ClosingPassive) != 0)
                events |= TcpConnectionEvents.FinPassive;
        }
        if ((flags & TcpFlags.Rst) != 0)
            events |= TcpConnectionEvents.Rst;
        return events;
    }

    /// <summary>
    /// A SACK block's edge, relative to the base of the direction it acknowledges where the tracker knows it (raw where
    /// no tracker analysed the segment), one occurrence per block.
    /// </summary>
    private static bool TryReadSackEdge(bool right, DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame, int occurrence, out FieldValue value)
    {
        value = default;
        ref readonly var layer = ref packet[layerIndex];
        if (layer.Kind != LayerKind.Tcp
            || !TcpFieldReader.TryReadSackEdge(packet.HeaderOf(layer, frame), layer.Offset, occurrence, right, out uint edge, out int at))
            return false;
        int index = packet.Analysis.IndexOf(layerIndex);
        uint sackBase = index >= 0 && packet.Analysis[index].HasTcp ? packet.Analysis[index].Tcp.SackBase : 0;
        value = new FieldValue(edge - sackBase, at, 4);
        return true;
    }

    /// <summary>
    /// True when the expert finder found a D-SACK: tshark adds the D-SACK edges with that item, so they need the finder
    /// behind the tracker (<see cref="NeedsExpert"/>).
    /// </summary>
    private static bool HasDsack(PacketAnalysis analysis)
    {
        foreach (var finding in analysis.Expert)
        {
            if (finding.Item == Expert.ExpertItem.TcpDsack)
                return true;
        }
        return false;
    }

    /// <summary>True for a field read from the expert items, or found with one: an output showing it needs an expert finder.</summary>
    public static bool NeedsExpert(FieldDefinition field) =>
        Expert.ExpertFields.Contains(field) || field.Analysis is AnalysisValue.TcpDsackLeftEdge or AnalysisValue.TcpDsackRightEdge;

    private static bool Has(in TransportAnalysis transport, TcpAnalysisItems item) => transport.HasTcp && (transport.Tcp.Items & item) != 0;

    private static bool Number(long number, out FieldValue value)
    {
        value = new FieldValue((ulong)number, 0, 0);
        return true;
    }
}
