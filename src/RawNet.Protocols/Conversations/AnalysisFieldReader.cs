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
            // The reply's own message: not an echo quoted by an error (FieldFormatter shows the time in milliseconds as FT_DOUBLE).
            case AnalysisValue.EchoRequestFrame or AnalysisValue.EchoResponseTime:
                return analysis.EchoRequestFrame != 0 && !packet[layerIndex].Quoted
                    && Number(field.Analysis == AnalysisValue.EchoRequestFrame ? analysis.EchoRequestFrame : EchoMilliseconds(analysis.EchoResponseTime), out value);
        }
        int index = analysis.IndexOf(layerIndex);
        if (index < 0)
            return TryReadUntracked(field, packet, layerIndex, frame, out value);
        ref readonly var transport = ref analysis[index];
        ref readonly var tcp = ref transport.Tcp;
        return field.Analysis switch
        {
            AnalysisValue.Stream => transport.HasStream && Number(transport.Stream, out value),
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

    /// <summary>An echo's response time as <see cref="FieldKind.Seconds"/> shows milliseconds: the nanoseconds scaled by a thousand.</summary>
    private static long EchoMilliseconds(long nanoseconds) => Math.Clamp(nanoseconds, -long.MaxValue / 1000, long.MaxValue / 1000) * 1000;

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

    private static bool Has(in TransportAnalysis transport, TcpAnalysisItems item) => transport.HasTcp && (transport.Tcp.Items & item) != 0;

    private static bool Number(long number, out FieldValue value)
    {
        value = new FieldValue((ulong)number, 0, 0);
        return true;
    }
}
